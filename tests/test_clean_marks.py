"""Furniture found in the body of real pages after the earlier rules: a broadcast transcript's
stage marks, a picture credit repeated alone under each picture, quoted sub-heads and an op-ed's
closing note about its author. Every page here is invented for the test; each line of reporting
around the furniture must stay."""
from clean_helpers import kept, removed, seed
from generator.clean import clean, clean_all
from generator.model import FrontMatter, Seed


TRANSCRIPT = """Harbour chief on the ferry strike

Partial transcript as follows:

"HOST: Will the ferries sail on Monday?

"OKAFOR: They will sail, and the crews will be paid. (LAUGHTER)

"(CROSSTALK.)

"HOST: Let me ask you about the winter timetable.

(BEGIN VIDEO CLIP)

"OKAFOR: We never cancelled a winter sailing, and we will not start now.
"""


def test_a_transcript_stage_mark_is_cut_out_of_its_line_with_its_reason():
    a = clean(seed(TRANSCRIPT))
    r = removed(a)
    assert {"(LAUGHTER)", "(CROSSTALK.)", "(BEGIN VIDEO CLIP)"} <= {t for t, why in r.items() if why == "transcript mark"}
    assert '"OKAFOR: They will sail, and the crews will be paid.' in kept(a)
    assert not any("CROSSTALK" in t or t.strip() == '"' for t in kept(a))
    assert '"OKAFOR: We never cancelled a winter sailing, and we will not start now.' in kept(a)


def test_a_bracketed_word_in_capitals_that_is_no_stage_mark_stays():
    a = clean(seed("Harbour chief\n\nThe harbour authority (HAB) said the crews would be paid on Monday.\n"))
    assert kept(a) == ["The harbour authority (HAB) said the crews would be paid on Monday."]


OP_ED = """The ferry is a lifeline, not a luxury

Every winter the council debates whether the island ferry pays its way.

My grandmother crossed on it twice a week to sell eggs in Marlow, and nobody asked then.

Ana Ruiz, a former harbour pilot, is a lecturer in maritime law at Marlow College.
"""


def test_an_op_eds_closing_note_about_its_author_is_removed_and_names_the_author():
    a = clean(seed(OP_ED))
    assert removed(a).get("Ana Ruiz, a former harbour pilot, is a lecturer in maritime law at Marlow College.") == "author's note"
    assert a.author == "Ana Ruiz" and "line 7" in a.author_basis
    assert kept(a)[-1].startswith("My grandmother crossed")


def test_a_closing_line_about_someone_the_story_named_before_stays():
    text = ("Pilot retires\n\nAna Ruiz steered her last ferry into Marlow on Friday after 30 years.\n\n"
            "Crowds waved from the quay.\n\nAna Ruiz is a former president of the pilots' association.\n")
    a = clean(seed(text))
    assert kept(a)[-1] == "Ana Ruiz is a former president of the pilots' association."
    assert a.author is None


def test_a_byline_still_names_the_author_before_a_closing_note():
    a = clean(seed(OP_ED.replace("\n\nEvery", "\n\nBy Tom Lee\n\nEvery", 1)))
    assert a.author == "Tom Lee"
    assert "Ana Ruiz, a former harbour pilot, is a lecturer in maritime law at Marlow College." in removed(a)


QUOTED_SUB_HEADS = """Island ferry faces its last winter

The council voted on Tuesday to keep the island ferry for one more season.

"We have one winter to find the money," the harbour master said after the vote.

'No Easy Crossing.'

The crossing takes forty minutes in calm weather and twice that in a gale.

'Late, again'.

Passengers complained of delays on 14 of the 20 sailings last month.
"""


def test_a_line_that_is_only_a_phrase_in_single_quotes_is_a_sub_head_on_a_page_quoting_in_double_marks():
    a = clean(seed(QUOTED_SUB_HEADS))
    r = removed(a)
    assert r.get("'No Easy Crossing.'") == "sub-head" and r.get("'Late, again'.") == "sub-head"
    assert '"We have one winter to find the money," the harbour master said after the vote.' in kept(a)
    assert kept(a)[-1].startswith("Passengers complained")


def test_a_page_that_quotes_in_single_marks_keeps_a_short_quoted_line():
    text = ("Island ferry\n\nThe council voted on Tuesday to keep the island ferry.\n\n"
            "'We have one winter,' the harbour master said.\n\n'Never again.'\n\nThe crossing takes forty minutes.\n")
    assert "'Never again.'" in kept(clean(seed(text)))


def test_a_quoted_line_with_a_speech_word_stays():
    text = QUOTED_SUB_HEADS.replace("'No Easy Crossing.'", "'Crossing Will Go On, Mayor Says.'")
    assert "'Crossing Will Go On, Mayor Says.'" in kept(clean(seed(text)))


def _page(sid: str, first: str) -> Seed:
    return seed(f"{first}\n\nThe island council met on Tuesday evening to discuss the future of the winter ferry "
                f"service, which has lost money for three years.\n\nMost councillors want to keep it.\n", sid)


def test_in_a_set_of_pages_that_open_with_headlines_a_first_line_written_as_a_sentence_is_the_headline():
    pages = [_page("a", "Island ferry faces cuts"), _page("b", "Council weighs winter timetable"),
             _page("c", "Ferry plan hits a wall of debt."), _page("d", "The winter ferry may go, union says."),
             _page("e", "Crews Count the Cost of a Lost Season")]
    a, b, c, d, e = clean_all(pages)
    assert removed(c).get("Ferry plan hits a wall of debt.") == "headline (shown as the title)"
    assert c.title == "Ferry plan hits a wall of debt." and c.title_basis.startswith("headline")
    assert kept(c)[0].startswith("The island council met")
    # a headline that reports what someone said stays as the first paragraph, with a note
    assert kept(d)[0] == "The winter ferry may go, union says." and d.title == "The winter ferry may go, union says."
    assert any("line 1" in n.casefold() and "headline" in n for n in d.notes)


def test_in_a_set_of_pages_that_open_with_text_a_short_first_sentence_stays():
    pages = [seed("The council met on Tuesday evening to discuss the future of the winter ferry service, which has "
                  "lost money for three years and faces cuts.\n\nMost councillors want to keep it.\n", "a"),
             seed("Ferry crews voted on Monday to strike for two days over pay and the winter timetable that the "
                  "operator wants to cut.\n\nThe union said talks had failed.\n", "b"),
             _page("c", "Ferry plan hits a wall of debt.")]
    c = clean_all(pages)[2]
    assert kept(c)[0] == "Ferry plan hits a wall of debt."


def test_a_headline_that_reads_as_reporting_gets_a_note_where_the_set_opens_with_headlines():
    pages = [_page("a", "Island ferry faces cuts"), _page("b", "Council weighs winter timetable"),
             _page("c", "Union says ferry talks have failed.")]
    c = clean_all(pages)[2]
    assert kept(c)[0] == "Union says ferry talks have failed." and any("headline" in n for n in c.notes)


def test_a_deck_in_headline_style_under_the_headline_is_part_of_the_head():
    a = clean(seed("Ferry strike ends\n\nCrews back at work; new winter timetable by March.\n\n"
                   "Ferry crews went back to work on Monday after the operator agreed to publish a new winter "
                   "timetable within a month, ending a two-day strike.\n"))
    assert removed(a).get("Crews back at work; new winter timetable by March.") == "sub-head"
    assert kept(a)[0].startswith("Ferry crews went back")


def test_a_short_first_sentence_with_an_article_under_the_headline_stays():
    a = clean(seed("Ferry strike ends\n\nThe crews are back.\n\n"
                   "Ferry crews went back to work on Monday after the operator agreed to publish a new winter "
                   "timetable within a month, ending a two-day strike.\n"))
    assert kept(a)[0] == "The crews are back."


def test_under_a_headline_the_seed_set_shows_a_deck_in_headline_style_is_part_of_the_head():
    pages = [_page("a", "Island ferry faces cuts"), _page("b", "Council weighs winter timetable"),
             seed("Ferry plan hits a wall of debt.\n\nCouncillors split; vote delayed to spring.\n\n"
                  "The island council met on Tuesday evening to discuss the future of the winter ferry service, "
                  "which has lost money for three years.\n", "c")]
    c = clean_all(pages)[2]
    assert removed(c).get("Councillors split; vote delayed to spring.") == "sub-head"
    assert kept(c)[0].startswith("The island council met")


def test_an_authors_note_in_italics_closing_a_markdown_page_is_removed():
    text = OP_ED.replace("Ana Ruiz, a former harbour pilot, is a lecturer in maritime law at Marlow College.",
                         "*Ana Ruiz is a lecturer in maritime law at Marlow College.*")
    a = clean(Seed(id="x", path="seeds/x.md", text=text, meta=FrontMatter()))
    assert removed(a).get("Ana Ruiz is a lecturer in maritime law at Marlow College.") == "author's note"
    assert a.author == "Ana Ruiz"
