"""Mentions on invented articles: how names are written, and strings that are no actor."""
from __future__ import annotations

from generator import nlp
from generator.extract import mentions
from generator import names
from generator.model import Article, Paragraph


def run(*paragraphs: str):
    article = Article(id="story", path="seeds/story.txt", title="A story", paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs)))
    return mentions.extract(article, nlp.parse([article])["story"])[0]


def test_courtesy_title_is_kept_with_the_name_and_tells_the_gender():
    found = run("Dana Whitfield spoke first. Later Mrs. Whitfield said the vote would wait.")
    m = next(m for m in found if "Whitfield" in m.text and m.text.startswith("Mrs"))
    assert (m.text, m.kind, m.gender, m.gender_cue) == ("Mrs. Whitfield", "person", "female", "Mrs.")


def test_hyphenated_given_name_stays_whole():
    found = run("The talks were led by Moon Jae-in and Kim Jong-un on Tuesday.")
    assert {"Moon Jae-in", "Kim Jong-un"} <= {m.text for m in found}


def test_a_campaign_named_after_a_person_is_an_organisation():
    found = run("Dana Whitfield said the Whitfield campaign would appeal the ruling.")
    kinds = {m.text: m.kind for m in found}
    assert kinds["Dana Whitfield"] == "person" and kinds["Whitfield campaign"] == "organization"


def test_and_inside_an_organisation_name_does_not_cut_it():
    found = run("The Parks and Wildlife Department closed the trail on Monday.")
    assert [(m.text, m.kind) for m in found if m.kind != "other"] == [("Parks and Wildlife Department", "organization")]


def test_names_from_a_title_case_headline_count_only_when_the_article_writes_them():
    found = run("Whitfield Hid Past Health Scare From Voters Says Report", "Dana Whitfield, the mayor, denied the report on Monday.")
    actors = [m for m in found if m.kind != "other"]
    assert all(m.where.paragraph == 2 for m in actors)
    assert any(m.where.paragraph == 1 and "title case" in m.evidence for m in found if m.kind == "other")


def test_handles_party_tags_and_timestamps_are_no_names():
    lex = names.lexicon()
    assert mentions.written_reason("@dwhitfield", lex) and mentions.written_reason("#Whitfield2026", lex)
    assert mentions.written_reason("R-Calif.", lex) and mentions.written_reason("(D-N.Y.)", lex)
    assert mentions.written_reason("Thu Jul", lex) and mentions.written_reason("10:32 GMT", lex)
    assert mentions.written_reason("Dana Whitfield", lex) is None and mentions.written_reason("Rhode Island", lex) is None


def test_every_time_zone_of_the_time_words_marks_a_timestamp_but_two_letter_ones_stay_abbreviations():
    lex = names.lexicon()
    for stamp in ("MST", "Thu JST", "AEST"):
        assert mentions.written_reason(stamp, lex), stamp
    assert mentions.written_reason("CT", lex) is None  # "Hartford, CT": a state, not a zone


def test_the_only_person_of_a_sentence_takes_its_pronoun_and_a_title_before_the_name_is_kept():
    found = run("Governor Lena Ostrova said she would sign the bill.")
    m = next(m for m in found if m.text == "Lena Ostrova")
    assert (m.gender, m.gender_cue, m.title) == ("female", "she", "Governor")
    two = run("Lena Ostrova told Piet Maas that she would sign.")
    assert all(not m.gender for m in two)  # two people named: the pronoun could be either's


def test_occasions_joined_names_and_possessors_are_not_read_as_one_actor():
    found = run("Dana Whitfield opened the Whitfield-Ostrova talks. Lee's National Harbor Council met on Harbour Festival Day.")
    texts = {m.text: m.kind for m in found}
    assert texts.get("Whitfield-Ostrova") == "other"
    assert texts.get("National Harbor Council") == "organization" and "Lee's National Harbor Council" not in texts
    assert all(k == "other" for t, k in texts.items() if t.endswith("Day"))


def test_a_building_that_speaks_is_the_body_in_it_not_a_person():
    found = run("The Grey House said on Monday that talks would resume, and Dana Whitfield agreed.")
    assert {m.text: m.kind for m in found}["Grey House"] == "organization"


def test_a_dateline_is_a_place_and_names_joined_by_and_or_broken_are_no_actor():
    found = run("HARBOURTON, Ore. — The mayor met Hulu and Vimeo executives on Monday.")
    kinds = {m.text: m.kind for m in found}
    assert kinds.get("HARBOURTON") == "place"
    lex = names.lexicon()
    assert mentions.written_reason('Robert C. "Bobby', lex) and mentions.written_reason("W]e", lex)


def test_a_country_the_tagger_misses_or_calls_a_people_is_a_place_mention_unless_inside_a_larger_name():
    paragraphs = ("Farmers say that neighbouring Uzbekistan is buying the grain.",
                  "Trucks left the port at dawn. Exports to Tuvalu rose, traders said.",
                  "Ana Tuvalu Reyes said the Central Bank of Tuvalu had paid.",
                  "Tuvalu-registered boats and the Tuvalu Fisheries office shut.")
    found = run(*paragraphs)
    places = [(m.text, m.where.paragraph) for m in found if m.kind == "place"]
    assert ("Uzbekistan", 1) in places and ("Tuvalu", 2) in places
    assert not any(n > 2 for text, n in places if text == "Tuvalu")  # a person's, a bank's, a hyphen's
    m = next(m for m in found if m.text == "Tuvalu")
    assert "gazetteer" in m.evidence and paragraphs[1][m.where.start:m.where.end] == "Tuvalu"


def test_a_city_of_the_standards_the_tagger_misses_is_a_place_only_after_a_preposition_of_place():
    found = run("Farmers say the grain was bought by traders, after trucks from Gaborone were seen near the border.")
    assert ("Gaborone", "place") in {(m.text, m.kind) for m in found}


def test_the_subject_of_any_verb_of_the_one_speech_verb_list_is_someone_speaking():
    from generator import lexicon as lexicon_data
    assert names.lexicon().speech_verbs == {str(w).lower() for w in lexicon_data.read("speech")["speech_verbs"]}
    found = run("Okonkwo Vale urged calm.", "Ilse Varkony predicted rain.")
    kinds = {m.text: m.kind for m in found}
    assert kinds["Okonkwo Vale"] == kinds["Ilse Varkony"] == "person"


def test_one_word_tagged_a_place_is_no_person_for_speaking_where_the_article_writes_it_as_a_place():
    found = run("HARBOURTON, Varonia (AP) - Ferries stopped on Monday.",
                "Varonia, worried about unrest spilling over the border, said it would sign the pact.",
                "Fellow Republicans are urging Lee to change course.")
    kinds = {(m.text, m.where.paragraph): m.kind for m in found}
    assert kinds[("Varonia", 2)] == "place" and ("Fellow Republicans", 3) not in kinds
    assert kinds[("Lee", 3)] == "person"


def test_a_given_name_a_country_bears_is_the_persons_where_the_article_writes_the_full_name():
    found = run("Chad Miller, a ferry pilot, said the dam held.", "Chad agreed that the river was high.",
                "Aid flew into Chad on Monday.")
    kinds = {(m.text, m.where.paragraph): m.kind for m in found}
    assert kinds[("Chad", 2)] == "person"
    assert kinds.get(("Chad", 3)) == "place"  # written as the country, not as the person's name
