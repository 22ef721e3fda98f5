"""Seeds in the shapes real pages come in: an article on one line, a headline repeated as the
first paragraph, embedded social posts, wire tags and credit lines. Every article here is
invented for the test."""
from pathlib import Path

import pytest

from generator.clean import clean, clean_all
from generator.furniture import furniture_reason
from generator.model import FrontMatter, Seed
from generator.read import read_seeds
from generator.sentences import split

ONE_LINE = Path(__file__).parent / "fixtures" / "oneline"


def seed(text: str, sid: str = "x", **meta) -> Seed:
    return Seed(id=sid, path=f"seeds/{sid}.txt", text=text, meta=FrontMatter(**meta))


# --- sentences -------------------------------------------------------------------

def test_sentences_end_at_full_stops_but_not_after_abbreviations_initials_or_inside_quotes():
    text = ("Gen. Ada Moss met Michael J. Reyes in the U.S. capital at 3 p.m. Friday. "
            "The U.S. The talks ended early. “It went well. We agreed,” she said. Then they left.")
    assert split(text) == [
        "Gen. Ada Moss met Michael J. Reyes in the U.S. capital at 3 p.m. Friday.",
        "The U.S.",
        "The talks ended early.",
        "“It went well. We agreed,” she said.",
        "Then they left.",
    ]


def test_a_question_inside_a_quote_followed_by_its_cue_is_one_sentence():
    assert split('"Why wait?" asked the mayor. "Because the river is high." She nodded.') == [
        '"Why wait?" asked the mayor.', '"Because the river is high."', "She nodded."]


def test_one_stray_quotation_mark_does_not_hide_every_later_sentence_end():
    assert len(split("He said “no. The river rose. The dam held. The town slept.")) == 4


def test_a_numbering_abbreviation_ends_no_sentence_before_its_number():
    assert split("The bus stopped at No. 9 Elm Row. It left at dawn.") == ["The bus stopped at No. 9 Elm Row.", "It left at dawn."]
    assert split("Asked again, she said no. Nine others agreed.") == ["Asked again, she said no.", "Nine others agreed."]


# --- an article on one line ------------------------------------------------------

def one_line_article():
    seeds, problems = read_seeds(ONE_LINE)
    assert problems == []
    return clean_all(seeds)[0]


def test_an_article_on_one_line_becomes_numbered_paragraphs_with_its_head_and_furniture_removed():
    a = one_line_article()
    assert (a.title, a.title_basis) == ("Ferry workers walk out over pay as island crossings halt", "headline")
    assert a.author == "Ana Ruiz"
    assert (a.published, a.published_basis) == ("2025-03-03", "dateline")
    assert [(r.reason, r.text) for r in a.removed] == [
        ("headline (shown as the title)", "Ferry workers walk out over pay as island crossings halt"),
        ("byline", "By Ana Ruiz"),
        ("dateline (shown as published)", "March 3, 2025 9:12 AM GMT"),
        ("photo caption or credit", "Photo: Passengers wait at the terminal in Portland."),
        ("cross-promotion", "Read more: Island ferries face a summer of delays."),
        ("print note", "A version of this article appeared in print on March 4, 2025, Section B, Page 3 "
                       "with the headline: Ferry Crews Walk Out."),
    ]
    assert len(a.paragraphs) >= 4 and all(len(p.text.split()) < 90 for p in a.paragraphs)
    assert a.paragraphs[0].text.startswith("PORTLAND (Coastwire) - Ferry crews on the northern routes walked out")
    # the quotation of two sentences stays whole, in one paragraph
    assert sum("We have waited two years for an offer. Nobody answered our letters," in p.text for p in a.paragraphs) == 1
    assert a.notes and "split at sentence ends" in a.notes[0] and "Line 1" in a.notes[0]


def test_no_word_of_a_one_line_article_is_lost():
    a = one_line_article()
    original = ONE_LINE.joinpath("ferry-wire.txt").read_text(encoding="utf-8").split()
    kept = " ".join([r.text for r in a.removed] + [p.text for p in a.paragraphs]).split()
    assert sorted(kept) == sorted(original)


def test_a_long_paragraph_among_others_is_split_and_short_ones_stay():
    long_line = " ".join(f"The pump at station {i} was restarted by the night crew on Tuesday." for i in range(30))
    a = clean(seed(f"Pumps restarted across the valley\n\n{long_line}\n\nThe crews went home at dawn.\n"))
    assert a.paragraphs[-1].text == "The crews went home at dawn."
    assert len(a.paragraphs) == 11  # 30 sentences, three to a paragraph, and the last line
    assert all(p.line == 3 for p in a.paragraphs[:-1])
    assert a.notes == ("Line 3 has no paragraph breaks (390 words kept): it is split at sentence ends into paragraphs 1–10",)


def test_a_short_article_of_several_lines_is_not_split():
    a = clean(seed("Pumps restarted\n\nThe pump was restarted. The crew went home. It rained.\n"))
    assert [p.text for p in a.paragraphs] == ["The pump was restarted. The crew went home. It rained."]
    assert a.notes == ()


# --- headline and title ----------------------------------------------------------

def test_the_headline_repeated_with_a_final_full_stop_is_removed():
    a = clean(seed("Dam holds after night of rain\n\nDam holds after night of rain.\n\nThe dam held overnight.\n"))
    assert [p.text for p in a.paragraphs] == ["The dam held overnight."]
    assert [r.reason for r in a.removed] == ["headline (shown as the title)", "headline repeated"]


def test_a_title_case_headline_ending_in_a_full_stop_is_the_headline():
    a = clean(seed("Storm Closes Harbour Road For Second Night.\n\nThe road stayed shut.\n"))
    assert (a.title, a.title_basis) == ("Storm Closes Harbour Road For Second Night.", "headline")
    assert [p.text for p in a.paragraphs] == ["The road stayed shut."]


def test_a_first_sentence_ending_in_a_full_stop_stays_in_the_body_and_is_the_whole_title():
    text = ("The harbour road stayed shut for a second night as the storm pushed waves over the sea wall "
            "and into the car park beside the old fish market.\n\nCrews cleared it by noon.\n")
    a = clean(seed(text))
    assert a.title == text.split("\n")[0]
    assert "…" not in a.title and a.title_basis == "first sentence"
    assert len(a.paragraphs) == 2


def test_a_front_matter_title_repeated_with_a_full_stop_is_removed_from_the_body():
    a = clean(seed("Dam holds after night of rain.\nThe dam held overnight.\n", title="Dam holds after night of rain"))
    assert [p.text for p in a.paragraphs] == ["The dam held overnight."]


# --- furniture kinds -------------------------------------------------------------

@pytest.mark.parametrize("line, reason", [
    ("ABSTRACT.", "page label"),
    ("FULL TEXT.", "page label"),
    ("Obituary.", "page label"),
    ("Editor's note: This story contains descriptions of violence.", "editor's note"),
    ("This article has been updated to add a comment from the harbour master.", "editor's note"),
    ("Correction: An earlier version misstated the height of the sea wall.", "correction notice"),
    ("An earlier version of this article misstated the day the council said the road would reopen.",
     "correction notice"),
    ("Do you live near the harbour? Email us at tips@example.org", "reader solicitation"),
    ("Got a news tip? Send it to the newsroom.", "reader solicitation"),
    ("Share your story with our reporters.", "reader solicitation"),
    ("Photo: Waves break over the sea wall on Tuesday.", "photo caption or credit"),
    ("Waves break over the sea wall. (Photo: Ana Ruiz)", "photo caption or credit"),
    ("Ana Ruiz/Coastwire", "photo caption or credit"),
    ("[Video: Storm waves over the harbour wall. Watch on our channel.]", "photo caption or credit"),
    ("More: Storm season starts early this year", "cross-promotion"),
    ("Related: Sea wall repairs to cost more", "cross-promotion"),
    ("Read more about storms at our weather page", "cross-promotion"),
    ("A version of this article appears in print on Oct. 2, 2024, Section A, Page 14 of the City edition.",
     "print note"),
    ("Story continues below advertisement", "advertisement"),
    ("Reporting by Ana Ruiz; Editing by Tom Hale", "credit line"),
    ("Li Wei contributed reporting to this article.", "credit line"),
    ("— The Coast Wire", "credit line"),
    ("Show 12 comments", "comment prompt"),
    ("B", "stray letter"),
])
def test_furniture_kinds(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The harbour road will reopen on Friday, she said.",
    "More than 40 boats were damaged, the harbour master said.",
    "Photos taken by residents showed the wall giving way.",
    "Readers of the council's report will find the costs on page 12.",
    "The editor said the correction would run on Sunday.",
    "“Tell us what you think of the plan,” the mayor told residents.",
    "Corrections officers at the prison were sent home early.",
])
def test_article_sentences_that_look_like_those_kinds_are_kept(line):
    assert furniture_reason(line) is None


# --- embedded posts --------------------------------------------------------------

def test_an_embedded_post_is_one_block_with_its_author_and_its_markup_removed():
    text = ("Harbour road shut by storm\n\n"
            "The mayor posted an update late on Tuesday.\n\n"
            "The sea wall held but the road stays shut tonight. Please stay home. "
            "pic.twitter.com/Ab12Cd34 — Ana Lopez (@MayorAnaLopez) October 1, 2024\n\n"
            "Crews worked through the night.\n")
    a = clean(seed(text))
    post = a.paragraphs[1]
    assert post.text == "The sea wall held but the road stays shut tonight. Please stay home."
    assert (post.post.author, post.post.handle, post.post.date) == ("Ana Lopez", "MayorAnaLopez", "October 1, 2024")
    assert [p.post for p in a.paragraphs if p is not post] == [None, None]
    assert [(r.reason, r.text) for r in a.removed if r.reason == "embed markup"] == [
        ("embed markup", "pic.twitter.com/Ab12Cd34"),
        ("embed markup", "— Ana Lopez (@MayorAnaLopez) October 1, 2024"),
    ]


def test_a_post_kept_as_a_tag_takes_its_handle_and_the_tags_are_removed():
    a = clean(seed('Storm update\n\nResidents shared pictures.\n\n'
                   '<tweet author="@harbourwatch" datetime="2024-10-01">Water over the wall at the old pier</tweet>.\n'))
    post = a.paragraphs[-1]
    assert post.text == "Water over the wall at the old pier"
    assert (post.post.handle, post.post.date) == ("harbourwatch", "2024-10-01")
    assert {r.reason for r in a.removed} >= {"embed markup"}
    assert not any("<" in p.text for p in a.paragraphs)


def test_a_post_inside_a_one_line_article_takes_only_its_own_sentences():
    body = " ".join(f"Crews cleared drain number {i} on the coast road before dawn." for i in range(8))
    text = (f"{body} The harbour master later wrote online. "
            "Road open again, thank you all. — Harbour Office (@harbouroffice) October 2, 2024 "
            "The council will review the wall next month.")
    a = clean(seed(text))
    posts = [p for p in a.paragraphs if p.post]
    assert [p.text for p in posts] == ["Road open again, thank you all."]
    assert any(p.text.endswith("The harbour master later wrote online.") for p in a.paragraphs if not p.post)


def test_capitals_newsletter_prompt_inside_a_line_is_cut_out():
    a = clean(seed("Storm update\n\nThe wall held overnight. SIGN UP FOR OUR NEWSLETTER The road reopened.\n"))
    assert [p.text for p in a.paragraphs] == ["The wall held overnight. The road reopened."]
    assert ("SIGN UP FOR OUR NEWSLETTER", "newsletter or subscription prompt") in [(r.text, r.reason) for r in a.removed]


# --- outlets from wire tags and credit lines ------------------------------------

def test_outlet_from_a_wire_tag_with_its_basis():
    a = clean(seed("Storm shuts harbour road\n\nPORTLAND, Maine (Coastwire) - The harbour road was shut on Tuesday.\n"))
    assert a.outlet == "Coastwire"
    assert a.outlet_basis.startswith("wire tag, line 3")


def test_outlet_from_a_closing_credit_line():
    a = clean(seed("Storm shuts harbour road\n\nThe harbour road was shut on Tuesday.\n\n— The Coast Wire\n"))
    assert a.outlet == "The Coast Wire"
    assert "credit line" in a.outlet_basis


def test_outlet_from_a_byline_naming_it_but_not_from_a_role():
    named = clean(seed("Storm shuts harbour road\nBy Ana Ruiz, Coastwire\nThe road was shut on Tuesday.\n"))
    assert (named.author, named.outlet) == ("Ana Ruiz", "Coastwire")
    role = clean(seed("Storm shuts harbour road\nBy Ana Ruiz, Staff Writer\nThe road was shut on Tuesday.\n"))
    assert (role.author, role.outlet) == ("Ana Ruiz", None)


def test_front_matter_outlet_wins_over_a_wire_tag():
    a = clean(seed("PORTLAND (Coastwire) - The road was shut.\n", outlet="Harbour Post"))
    assert (a.outlet, a.outlet_basis) == ("Harbour Post", "front matter")


def test_a_short_first_sentence_over_a_much_longer_line_is_the_headline():
    a = clean(seed("Harbour road to reopen after storm.\n\nThe harbour road will reopen on Friday after crews "
                   "cleared the last of the rocks the storm threw over the sea wall on Tuesday.\n"))
    assert (a.title, a.title_basis) == ("Harbour road to reopen after storm.", "headline")
    assert len(a.paragraphs) == 1


def test_a_short_first_sentence_that_reports_speech_stays_in_the_body():
    a = clean(seed("The road will reopen, the mayor said.\n\nCrews cleared the last of the rocks the storm threw "
                   "over the sea wall on Tuesday and the night before.\n"))
    assert a.paragraphs[0].text == "The road will reopen, the mayor said."


def test_a_deck_under_the_headline_and_sub_heads_in_the_body_are_removed():
    a = clean(seed("Storm shuts harbour road\n\nCrews expect to reopen it on Friday\n\n"
                   "The harbour road was shut on Tuesday.\n\nWhat comes next\n\nThe council meets on Monday.\n\n"
                   "As the mayor put it:\n\n“We will rebuild the wall.”\n\nThe harbour master tweeted\n\n"
                   "The wall held through the night.\n"))
    assert [(r.reason, r.text) for r in a.removed] == [
        ("headline (shown as the title)", "Storm shuts harbour road"),
        ("sub-head", "Crews expect to reopen it on Friday"),
        ("sub-head", "What comes next"),
    ]
    assert {"As the mayor put it:", "The harbour master tweeted"} <= {p.text for p in a.paragraphs}


# --- what the site shows ---------------------------------------------------------

def test_source_page_shows_an_embedded_post_with_its_author_and_the_split_note():
    from generator.merge.sources import link
    from generator.model import Briefing
    from generator.render import render

    body = " ".join(f"Crews cleared drain number {i} on the coast road before dawn." for i in range(30))
    post = ("Road open again, thank you all. "
            "— Harbour Office (@harbouroffice) October 2, 2024")
    a = clean(seed(f"Harbour road reopens\n\n{body}\n\n{post}\n", sid="harbour"))
    page = render(Briefing(title="t", description="d", sources=tuple(link([a]))))["sources/harbour.md"]
    assert "it is split at sentence ends into paragraphs 1–10." in page
    assert ('<span class="briefing-post-by">Embedded post by Harbour Office (@harbouroffice), October 2, 2024:</span> '
            "Road open again, thank you all.</blockquote>") in page
    assert '<span class="reason">embed markup</span>' in page


def test_build_report_lists_the_sources_without_a_date_or_an_outlet_and_how_to_give_them():
    from generator.merge.sources import link
    from generator.model import Briefing
    from generator.render import render

    dated = clean(seed("Road reopens\n\nThe road reopened.\n", sid="dated", outlet="Harbour Post", published="2024-10-02"))
    bare = clean(seed("Road reopens\n\nThe road reopened.\n", sid="bare"))
    half = clean(seed("Road reopens\n\nThe road reopened.\n", sid="half", published="2024-10-02"))
    page = render(Briefing(title="t", description="d", sources=tuple(link([dated, bare, half]))))["report.md"]
    assert "## Sources without a date or an outlet" in page
    assert '<code>bare</code></a> Road reopens</td><td>date and outlet</td>' in page
    assert '<code>half</code></a> Road reopens</td><td>outlet</td>' in page
    assert "<code>dated</code>" not in page
    assert "front matter" in page and "sources.csv" in page


def test_short_lines_of_a_list_are_not_sub_heads():
    a = clean(seed("Storm shuts harbour road\n\nThe council must now do three things:\n\nClear the road\nRepair the wall\n"
                   "Pay the boat owners.\n\nIt meets on Monday.\n"))
    assert [r.reason for r in a.removed] == ["headline (shown as the title)"]
    assert "Clear the road" in [p.text for p in a.paragraphs]


def test_a_furniture_line_broken_by_hard_line_breaks_is_removed_whole():
    a = clean(seed("Storm shuts harbour road\n\nThe road was shut on Tuesday.\n\nEditor's note: The reporter\nlives on the "
                   "harbour road\nand was among those\nevacuated.\n\nThe wall held.\n"))
    assert [p.text for p in a.paragraphs] == ["The road was shut on Tuesday.", "The wall held."]
    assert [r.reason for r in a.removed][1:] == ["editor's note"] + ["editor's note (continued)"] * 3


@pytest.mark.parametrize("first", ["Now for the weekly tide report.", "The board adopted a new harbour plan."])
def test_a_short_first_sentence_written_as_running_text_stays_in_the_body(first):
    a = clean(seed(f"{first}\n\nCrews cleared the last of the rocks the storm threw over the sea wall on Tuesday "
                   "and the night before.\n"))
    assert a.paragraphs[0].text == first and a.removed == ()


def test_outlet_from_a_wire_tag_written_with_an_underscore():
    a = clean(seed("PORTLAND, Maine (Coastwire)_ The harbour road was shut on Tuesday.\n"))
    assert a.outlet == "Coastwire"


@pytest.mark.parametrize("line", ["Mr. A. " * 20000, "— Ana (@a) " * 10000, '"a. B' * 20000, "x." * 60000 + " B",
                                  '<tweet author="x">' * 5000, "AAAA " * 20000, "By Ana Ruiz " * 10000,
                                  "March 3, 2025 By Ana Ruiz PORTLAND (W) - x " * 3000])
def test_hostile_long_lines_are_cleaned_in_linear_time(line):
    import time

    start = time.perf_counter()
    clean(seed(line))
    assert time.perf_counter() - start < 10


def test_a_headline_that_reports_a_claim_stays_as_the_first_paragraph():
    a = clean(seed("Harbour Master Calls For Inquiry Into Sea Wall Collapse.\n\nThe harbour master asked the council "
                   "on Tuesday to open an inquiry into why the wall gave way.\n"))
    assert a.title == "Harbour Master Calls For Inquiry Into Sea Wall Collapse."
    assert a.paragraphs[0].text == a.title and a.removed == ()


def test_empty_embeds_and_embed_tags_without_a_handle_are_markup_and_the_text_stays():
    a = clean(seed('Storm update\n\nThe wall held.\n\n<tweet tweet-id="123456789012345"><tweet/>.\n\n'
                   '<tweet tweet-author=" the checkers rate it true">The mayor said the wall held<tweet/>.\n'))
    assert [p.text for p in a.paragraphs] == ["The wall held.", "The mayor said the wall held"]
    assert all(p.post is None for p in a.paragraphs)
    assert [r.reason for r in a.removed][1:] == ["embed markup"] * 4


def test_a_correction_quoting_the_words_it_corrects_is_still_a_correction():
    assert furniture_reason("Correction: An earlier version of this article misnamed the “Harbour Safety Board” "
                            "as the council's.") == "correction notice"


def test_a_short_headline_is_compared_with_the_text_after_the_furniture_under_it():
    a = clean(seed("Harbour road to reopen after storm.\n\nLETTERS.\n\nThe harbour road will reopen on Friday after "
                   "crews cleared the last of the rocks the storm threw over the sea wall on Tuesday.\n"))
    assert a.title_basis == "headline" and len(a.paragraphs) == 1


def test_a_newsletter_prompt_names_the_outlet_only_when_it_names_one():
    named = clean(seed("Storm shuts harbour road\n\nThe road was shut on Tuesday.\n\nSign up for the Valley Courier newsletter\n"))
    assert named.outlet == "Valley Courier"
    ours = clean(seed("Storm shuts harbour road\n\nThe road was shut on Tuesday.\n\nSign up for our daily newsletter\n"))
    assert ours.outlet is None
    assert ("Sign up for our daily newsletter", "newsletter or subscription prompt") in [(r.text, r.reason) for r in ours.removed]


def test_a_line_of_symbols_only_is_removed_as_such_never_as_a_headline():
    a = clean(seed("Storm shuts harbour road\n\nThe road was shut on Tuesday.\n\n* * *\n\nIt reopened on Friday.\n\n"
                   + "[" * 10_000 + "\n"))
    assert [p.text for p in a.paragraphs] == ["The road was shut on Tuesday.", "It reopened on Friday."]
    assert {(r.text[:5], r.reason) for r in a.removed if r.reason != "headline (shown as the title)"} == \
        {("* * *", "separator"), ("[" * 5, "no words, only symbols")}
