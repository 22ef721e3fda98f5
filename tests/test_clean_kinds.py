"""Furniture kinds found in the body of real pages after the first rules: a live blog's entry
times, sub-heads an export ends with a full stop, credit lines worded otherwise, pointers to an
embed the scraper dropped, an author's note asking to follow them, a broadcast sign-off and a
graphic's source line. Every page here is invented for the test; each line of reporting around
the furniture must stay."""
from pathlib import Path

from clean_helpers import kept, removed, seed
from generator.clean import clean, clean_all
from generator.read import read_seeds


LIVE_BLOG = """The Latest: Marlow council votes on the ferry contract.

MARLOW (Wire) — The Latest on the ferry contract vote (all times local):

6:45 p.m.

The council approved the contract by seven votes to two, the clerk said.

5 p.m.

Protesters gathered outside the town hall before the vote.

11:20 a.m. EDT

Councillor Okafor said she would vote against the contract.
"""


def test_a_live_blog_entry_time_on_a_line_of_its_own_is_removed_and_its_entries_stay():
    a = clean(seed(LIVE_BLOG))
    r = removed(a)
    assert {"6:45 p.m.", "5 p.m.", "11:20 a.m. EDT"} <= {t for t, why in r.items() if why == "timestamp"}
    assert "The council approved the contract by seven votes to two, the clerk said." in kept(a)
    assert "Protesters gathered outside the town hall before the vote." in kept(a)


def test_a_time_inside_a_sentence_is_no_timestamp():
    a = clean(seed("Ferry strike ends\n\nThe ferry left at 6:45 p.m. on Friday.\n\nIt arrived at 9 p.m.\n"))
    assert "The ferry left at 6:45 p.m. on Friday." in kept(a)
    assert "It arrived at 9 p.m." in kept(a)


SUB_HEADS = """Marlow's Ferry Plan Faces Its Last Vote.

The council meets on Tuesday to decide the ferry contract that has divided the town for two years.

A Divided Council.

Four councillors have said they will vote against the plan, and four for it, leaving the mayor to decide.

HARBOUR WORKS DELAYED.

The harbour works that the contract depends on are six months behind schedule, the port said.

Talks With the Union.

The harbour works that the contract depends on are six months behind schedule, the port said.

That's correct.

Okafor Wins.
"""


def test_a_title_case_or_capitals_sub_head_ending_with_a_full_stop_is_removed():
    a = clean(seed(SUB_HEADS))
    r = removed(a)
    assert r.get("A Divided Council.") == "sub-head"
    assert r.get("HARBOUR WORKS DELAYED.") == "sub-head"
    assert r.get("Talks With the Union.") == "sub-head"
    assert "Four councillors have said they will vote against the plan, and four for it, leaving the mayor to decide." in kept(a)


def test_a_short_sentence_of_the_body_or_its_last_line_stays():
    a = clean(seed(SUB_HEADS))
    assert "That's correct." in kept(a)  # not title case
    assert "Okafor Wins." in kept(a)  # the last line heads no section


CREDITS = """Ferry strike ends after two days

The ferry strike ended on Friday when the union accepted the pay offer, its leader said.

Crossings will resume on Saturday morning.

--additional reporting from Tomas Okafor.

Lena Marlow and Ravi Moreau contributed reporting.
"""


def test_credit_lines_worded_with_from_or_contributed_reporting_are_removed():
    r = removed(clean(seed(CREDITS)))
    assert r.get("--additional reporting from Tomas Okafor.") == "credit line"
    assert r.get("Lena Marlow and Ravi Moreau contributed reporting.") == "credit line"


def test_contributed_in_a_sentence_of_the_body_is_no_credit_line():
    a = clean(seed("Ferry strike ends\n\nThe Marlow trust contributed $2 million to the repairs.\n\n"
                   "Donors contributed reporting equipment to the school.\n"))
    assert "The Marlow trust contributed $2 million to the repairs." in kept(a)
    assert "Donors contributed reporting equipment to the school." in kept(a)


POINTERS = """Ferry strike ends after two days

The ferry strike ended on Friday when the union accepted the pay offer, its leader said.

Watch the full interview with the union leader below.

Crossings will resume on Saturday morning.

Read the rest here.
"""


def test_a_pointer_to_an_embed_or_to_the_rest_of_a_story_elsewhere_is_removed():
    r = removed(clean(seed(POINTERS)))
    assert r.get("Read the rest here.") == "cross-promotion"
    assert r.get("Watch the full interview with the union leader below.") == "pointer to an embed"


def test_below_in_a_sentence_of_reporting_stays():
    a = clean(seed("Ferry strike ends\n\nThe river fell below the quay on Friday.\n\n"
                   "Check the timetable below, the operator told passengers.\n"))
    assert "The river fell below the quay on Friday." in kept(a)
    assert "Check the timetable below, the operator told passengers." in kept(a)


BIO = """Ferry strike ends after two days

The ferry strike ended on Friday when the union accepted the pay offer, its leader said.

Ana Ruiz covers transport for the Marlow Courier. Follow her on Twitter: @anaruiz_writes. Reach her at the newsroom.

"Follow Ravi Moreau on Twitter @ravimoreau."
"""


def test_an_authors_note_asking_readers_to_follow_them_is_removed():
    r = removed(clean(seed(BIO)))
    assert r.get("Ana Ruiz covers transport for the Marlow Courier. Follow her on Twitter: "
                 "@anaruiz_writes. Reach her at the newsroom.") == "author's note"
    assert r.get('"Follow Ravi Moreau on Twitter @ravimoreau."') == "author's note"


def test_a_sentence_about_following_someone_on_a_network_stays():
    a = clean(seed("Ferry strike ends\n\nThousands follow her on Twitter, the mayor said of the union leader.\n\n"
                   "Crossings resume on Saturday.\n"))
    assert "Thousands follow her on Twitter, the mayor said of the union leader." in kept(a)


BROADCAST = """Good evening. The ferry strike in Marlow is over tonight after two days without crossings.

The union accepted a pay offer this afternoon, and the first boat leaves at dawn.

Lena Okafor, KMRL News, Marlow.
"""


def test_a_broadcast_sign_off_is_removed():
    r = removed(clean(seed(BROADCAST)))
    assert r.get("Lena Okafor, KMRL News, Marlow.") == "sign-off"


def test_a_graphics_source_line_and_a_line_naming_only_a_network_are_removed():
    a = clean(seed("Ferry fares compared\n\nFares rose by a third in two years, the port said.\n\n"
                   "Source: Marlow Port Authority.\n\nFACEBOOK.\n\nI would pay double to keep the ferry.\n"))
    r = removed(a)
    assert r.get("Source: Marlow Port Authority.") == "photo caption or credit"
    assert r.get("FACEBOOK.") == "page label"
    assert "I would pay double to keep the ferry." in kept(a)


def test_a_sentence_opening_with_the_word_source_stays():
    a = clean(seed("Ferry strike ends\n\nSource: a union official, who said the vote was close and the offer fair.\n\n"
                   "Crossings resume on Saturday.\n"))
    assert "Source: a union official, who said the vote was close and the offer fair." in kept(a)


LETTERS = """Readers on the ferry vote

I have crossed on the Marlow ferry every day for twenty years, and the new contract will double my fare.

Tomas Okafor.

Portland.

The council has waited too long to fix the harbour, and the strike is the result.

Lena Moreau.

Ferry Figures.

Crossings fell to 1,200 a day in March, the port said.

Markets Crossings: Volume 12,400 passengers.

Fares rose again in April.
"""


def test_a_letter_writers_signature_or_a_line_of_figures_is_no_sub_head():
    a = clean(seed(LETTERS))
    assert {"Tomas Okafor.", "Lena Moreau.", "Markets Crossings: Volume 12,400 passengers."} <= set(kept(a))


def test_a_pointer_to_an_appended_correction_is_a_correction_notice():
    a = clean(seed("Ferry strike ends\n\nCorrection Appended.\n\nThe ferry strike ended on Friday, the union said.\n\n"
                   "Crossings resume on Saturday.\n"))
    assert removed(a).get("Correction Appended.") == "correction notice"


ABOVE_DATELINE = """Marlow Ferry Crews Walk Out

Ferry crews and their families, left, outside the harbour office in Marlow on Monday.

A two-day strike ends a decade of calm on the island crossings.

"We have no choice," the union's leader, Ana Ruiz, said on Monday.

MARLOW, Maine — Ferry crews walked off the job on Monday after talks on pay broke down, halting every crossing to the island.

The operator said it would run a reduced timetable from Wednesday.
"""


def test_what_a_page_shows_above_its_storys_dateline_is_its_head():
    a = clean(seed(ABOVE_DATELINE))
    r = removed(a)
    reason = "above the story's dateline (a deck, caption or summary)"
    assert r.get("Ferry crews and their families, left, outside the harbour office in Marlow on Monday.") == reason
    assert r.get("A two-day strike ends a decade of calm on the island crossings.") == reason
    # a deck quoting someone stays: it is still that person's words
    assert kept(a)[0] == '"We have no choice," the union\'s leader, Ana Ruiz, said on Monday.'
    assert kept(a)[1].startswith("MARLOW, Maine — Ferry crews walked off")


def test_a_first_line_above_the_dateline_is_the_title_when_nothing_else_is():
    a = clean(seed("Ferry crews walk out, ending a decade of calm.\n\n"
                   "PORTLAND (Wire) - Ferry crews walked off the job on Monday after talks on pay broke down.\n\n"
                   "The operator said it would run a reduced timetable.\n"))
    assert (a.title, a.title_basis) == ("Ferry crews walk out, ending a decade of calm.", "headline")
    assert kept(a)[0].startswith("PORTLAND (Wire) - Ferry crews")


def test_a_dateline_deep_in_the_text_or_below_long_paragraphs_removes_nothing():
    long = " ".join(["The crossing has run every day for forty years without a strike of any kind."] * 6)
    a = clean(seed(f"Ferry strike\n\n{long}\n\nPORTLAND — Talks resumed on Tuesday.\n\nThe union agreed.\n"))
    assert long in kept(a)
    many = "\n\n".join(f"Crossing number {n} was cancelled." for n in range(1, 6))
    b = clean(seed(f"Ferry strike\n\n{many}\n\nPORTLAND — Talks resumed on Tuesday.\n"))
    assert "Crossing number 1 was cancelled." in kept(b)


EXPORT = """Marlow Weighs a New Ferry Contract.

ABSTRACT.

The island's council must choose between two operators before the old contract ends in May.

FULL TEXT.

The council of Marlow met on Tuesday to weigh two bids for the ferry contract, which runs out in May.

Both operators promised more crossings in winter.

Ana Ruiz reported from Marlow, and Tomas Okafor from Portland.
"""


def test_a_summary_between_an_abstract_label_and_the_full_text_is_removed():
    a = clean(seed(EXPORT))
    r = removed(a)
    assert r.get("The island's council must choose between two operators before the old contract ends in May.") \
        == "summary above the full text"
    assert kept(a)[0].startswith("The council of Marlow met on Tuesday")


def test_who_reported_from_where_is_a_credit_line():
    r = removed(clean(seed(EXPORT)))
    assert r.get("Ana Ruiz reported from Marlow, and Tomas Okafor from Portland.") == "credit line"


def test_a_sentence_reported_from_a_place_stays():
    a = clean(seed("Ferry strike\n\nThe crossing was closed on Monday.\n\n"
                   "Ana Ruiz reported from Marlow that the quay had flooded.\n\nThe ferry left at dawn.\n"))
    assert "Ana Ruiz reported from Marlow that the quay had flooded." in kept(a)


ONE_LINE_EXPORT = Path(__file__).parent / "fixtures" / "oneline-export"


def test_a_database_export_on_one_line_becomes_paragraphs_with_its_summary_notes_and_credits_removed():
    seeds, problems = read_seeds(ONE_LINE_EXPORT)
    assert problems == []
    a = clean_all(seeds)[0]
    assert (a.title, a.title_basis) == ("Marlow Weighs a New Ferry Contract.", "headline")
    assert [(r.reason, r.text) for r in a.removed] == [
        ("headline (shown as the title)", "Marlow Weighs a New Ferry Contract."),
        ("correction notice", "Correction Appended."),
        ("page label", "ABSTRACT."),
        ("summary above the full text",
         "The island's council must choose between two operators before the old contract ends in May."),
        ("page label", "FULL TEXT."),
        ("photo caption or credit", "Source: Marlow Port Authority."),
        ("correction notice", "Correction: An earlier version of this article misstated the length of the current contract."),
        ("credit line", "Ana Ruiz reported from Marlow, and Tomas Okafor from Portland."),
    ]
    assert len(a.paragraphs) >= 3 and all(len(p.text.split()) < 90 for p in a.paragraphs)
    assert a.paragraphs[0].text.startswith("MARLOW, Maine - The council of Marlow met on Tuesday night")
    assert a.paragraphs[-1].text.endswith("The council will vote on March 28.")
    original = (ONE_LINE_EXPORT / "council-export.txt").read_text(encoding="utf-8").split()
    kept_words = " ".join([r.text for r in a.removed] + [p.text for p in a.paragraphs]).split()
    assert sorted(kept_words) == sorted(original)  # nothing lost


def test_a_title_from_the_first_sentence_leaves_out_the_wire_tag_or_dateline():
    a = clean(seed("PORTLAND, Maine (Coastwire)_ Ferry crews walked out on Monday over pay. The operator said it would talk.\n\n"
                   "Crossings stopped at noon.\n"))
    assert (a.title, a.title_basis) == ("Ferry crews walked out on Monday over pay.", "first sentence")
    b = clean(seed("MARLOW, Maine — Ferry crews walked out on Monday over pay, the union said. The operator would talk.\n\n"
                   "Crossings stopped at noon.\n"))
    assert b.title == "Ferry crews walked out on Monday over pay, the union said."


def test_the_agency_of_a_wire_tag_with_the_day_or_below_a_quoting_deck_is_the_outlet():
    a = clean(seed("Ferry crews walk out\n\nPORTLAND, May 3 (Coastwire) - Ferry crews walked out on Monday over pay.\n\n"
                   "Crossings stopped at noon.\n"))
    assert a.outlet == "Coastwire"
    b = clean(seed('Ferry crews walk out\n\n"We have waited two years," the union\'s leader said.\n\n'
                   "PORTLAND (Coastwire) - Ferry crews walked out on Monday over pay.\n\nCrossings stopped at noon.\n"))
    assert (b.outlet, b.outlet_basis) == ("Coastwire", "wire tag, line 5: “PORTLAND (Coastwire) -”")


def test_a_quotation_asking_to_follow_someone_is_reporting_and_stays():
    a = clean(seed("Ferry strike\n\nThe union leader spoke at the quay.\n\n"
                   "“Follow me on Twitter, and you will know when the boats sail,” she told the crowd.\n\n"
                   "Crossings resume on Saturday.\n"))
    assert "“Follow me on Twitter, and you will know when the boats sail,” she told the crowd." in kept(a)


def test_a_deck_under_a_headline_ending_with_a_semicolon_is_part_of_the_head():
    a = clean(seed("Ferry talks stall;\nUnion and operator trade blame over winter timetable.\n\n"
                   "Talks between the ferry union and the operator broke down on Monday after six hours.\n\n"
                   "Both sides said they would meet again.\n"))
    assert removed(a).get("Union and operator trade blame over winter timetable.") == "sub-head"
    assert kept(a)[0].startswith("Talks between the ferry union")


def test_a_deck_that_reads_as_reporting_stays_under_a_semicolon_headline():
    a = clean(seed("Ferry talks stall;\nNo deal before winter, union leader says.\n\n"
                   "Talks between the ferry union and the operator broke down on Monday after six hours.\n"))
    assert kept(a)[0] == "No deal before winter, union leader says."


def test_a_content_warning_in_brackets_is_cut_out_of_its_line():
    a = clean(seed("Ferry crash\n\nThe ferry struck the quay at speed. (WARNING: Video contains graphic images.)\n\n"
                   "Two crew members were hurt.\n"))
    assert removed(a).get("(WARNING: Video contains graphic images.)") == "content warning"
    assert "The ferry struck the quay at speed." in kept(a)


def test_a_deck_below_a_first_line_that_quotes_is_not_taken_for_the_title():
    a = clean(seed('"We have waited two years," the union\'s leader said on Monday.\n\n'
                   "A two-day strike ends a decade of calm.\n\n"
                   "PORTLAND (Coastwire) - Ferry crews walked off the job on Monday over pay.\n"))
    assert a.title_basis == "first sentence"
    assert a.title == '"We have waited two years," the union\'s leader said on Monday.'
