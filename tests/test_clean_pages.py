"""Furniture of page shapes that one line alone does not show: the signatures under readers'
letters and posts, the question sub-heads of an explainer, and the capitalised word of a name
that is no speech word. Every page here is invented for the test; each line of reporting around
the furniture must stay."""
from clean_helpers import kept, removed, seed
from generator.clean import clean
from generator.furniture import reads_as_reporting, speech_cue


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


LETTERS = """Readers weigh in on the ferry timetable.

LETTERS.

The new winter timetable leaves the island with two crossings a day. Nobody asked the families who
depend on the morning boat to reach the mainland school.

Ana Ruiz.

Marlow, Maine.

I sail the route every week and the crews deserve better than this. Fund the extra boat now.

Tom Okafor.

We asked readers whether the council should buy a second ferry.

Yes, and it should have done so years ago.

@harbour_fan88.

Only if the fares stay where they are.

@marlow_sails.
"""


def test_signatures_under_readers_letters_and_posts_are_removed():
    article = clean(seed(LETTERS))
    cut = removed(article)
    for line in ("Ana Ruiz.", "Marlow, Maine.", "Tom Okafor.", "@harbour_fan88.", "@marlow_sails."):
        assert cut[line].startswith("signature"), line
    assert kept(article)[-1] == "Only if the fares stay where they are."
    assert "We asked readers whether the council should buy a second ferry." in kept(article)
    assert article.author is None  # a page of letters has as many writers as letters


EXPLAINER_HEADS = """Harbour works begin on Monday.

Crews will close the north quay for six weeks while the pier is rebuilt.

Harbour Works.

The council has set aside four million for the pier, the largest sum in a decade.

Ferry Timetable.

Boats will leave from the south quay until the work ends.
"""


def test_two_capitalised_words_between_paragraphs_are_no_signature_when_no_signature_closes_the_page():
    article = clean(seed(EXPLAINER_HEADS))
    assert not any(r.startswith("signature") for r in removed(article).values())
    assert kept(article)[-1] == "Boats will leave from the south quay until the work ends."


def test_one_name_after_a_paragraph_is_not_enough_to_read_a_page_as_letters():
    page = ("The pier reopened on Monday.\n\nCrews finished the work two weeks early and the first ferry "
            "docked at noon.\n\nAna Ruiz.\n")
    assert "Ana Ruiz." in kept(clean(seed(page)))


EXPLAINER = """What the harbour closure means for the island

The north quay closes on Monday for six weeks while crews rebuild the pier.

Why is the quay closing?

Engineers found cracks in the pier's supports in March, and the port decided the repairs could not wait.

Which boats are affected?

Every ferry that docks at the north quay will use the south quay instead, which adds ten minutes to each crossing.

What has the council said about the cost?

The council has set aside four million for the work, the largest sum it has spent on the harbour in a decade.

When will the quay reopen?

The port expects the work to end in mid-June, weather permitting.
"""


def test_the_question_sub_heads_of_an_explainer_are_removed():
    article = clean(seed(EXPLAINER))
    cut = removed(article)
    for line in ("Why is the quay closing?", "Which boats are affected?", "What has the council said about the cost?",
                 "When will the quay reopen?"):
        assert cut.get(line) == "sub-head", line
    assert kept(article)[-1] == "The port expects the work to end in mid-June, weather permitting."
    assert len(kept(article)) == 5


def test_a_question_the_text_asks_once_stays():
    page = ("The ferry was late again on Monday.\n\nPassengers waited two hours on the quay in the rain.\n\n"
            "How is that possible?\n\nThe operator blamed a broken winch, the third this winter.\n\n"
            "The council will hear the complaints on Friday.\n")
    assert "How is that possible?" in kept(clean(seed(page)))


def test_an_interviewers_questions_stay():
    page = EXPLAINER.replace("Why is the quay closing?", "Why did you close the quay?") \
        .replace("Which boats are affected?", "Which boats do you expect to move?") \
        .replace("When will the quay reopen?", "When do you think it will reopen?")
    a = clean(seed(page))
    assert "Why did you close the quay?" in kept(a)
    assert "What has the council said about the cost?" in kept(a)  # one question alone


def test_a_shared_posts_via_credit_and_picture_id_are_embed_markup():
    page = ("Ferry fares rise again\n\nThe operator raised fares by a tenth on Monday, the third rise this year.\n\n"
            "The red line is the new fare.$FRY(via @harbour_charts) Xq7Lm2pQaz\n\n"
            "A chart of the old fares (via @harbour_charts) Timetables were printed in May.\n")
    a = clean(seed(page))
    assert removed(a).get("$FRY(via @harbour_charts) Xq7Lm2pQaz") == "embed markup"
    assert "The red line is the new fare." in kept(a)
    # a word after the credit is text: no figure in it, so no picture's id
    assert kept(a)[-1] == "A chart of the old fares Timetables were printed in May."
