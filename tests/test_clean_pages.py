"""Furniture of page shapes that one line alone does not show: the signatures under readers'
letters and posts, the question sub-heads of an explainer, and the capitalised word of a name
that is no speech word. Every page here is invented for the test; each line of reporting around
the furniture must stay."""
from generator.clean import clean
from generator.furniture import reads_as_reporting, speech_cue
from generator.model import FrontMatter, Seed


def seed(text: str, sid: str = "x", **meta) -> Seed:
    return Seed(id=sid, path=f"seeds/{sid}.txt", text=text, meta=FrontMatter(**meta))


def removed(article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def kept(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_a_cue_word_inside_a_name_is_no_speech_word():
    assert not speech_cue("Ferry crews reach the United States after a week at sea.")
    assert not reads_as_reporting("Anglers from the United States join the harbour regatta.")
    assert not speech_cue("Consumer Reports rates the new ferry as safe.")
    # the same word as a verb, or in a title-case headline where every word has a capital
    assert speech_cue("States must fund the ferry, the mayor said.")
    assert reads_as_reporting("Harbour Master Says Ferry Will Sail.")
    assert reads_as_reporting("The ferry will sail, the United States coast guard said.")


def test_a_headline_naming_a_country_of_several_words_is_the_title_and_leaves_the_text():
    page = ("Ferry caravan: sailors and families before they reach the United States to seek work.\n\n"
            "PORTLAND, Maine — Twelve fishing boats left the harbour on Monday carrying families who hope "
            "to settle on the far coast, a journey of nine days across open water.\n\n"
            "The harbour master counted the boats as they passed the breakwater.\n")
    article = clean(seed(page))
    assert page.split("\n")[0] in removed(article)
    assert article.title == page.split("\n")[0]
    assert kept(article)[0].startswith("PORTLAND, Maine")
