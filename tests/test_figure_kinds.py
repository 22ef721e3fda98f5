"""Figures of any kind: the number, what it counts (read from the parse), its unit and the
claimant. The articles are invented, about events other than the seeds'."""
from __future__ import annotations

import pytest
from figure_helpers import figures_of

from generator.model import FigureClaim


def found(*paragraphs: str) -> tuple[FigureClaim, ...]:
    return figures_of("kinds", *paragraphs)


def rows(claims) -> list[tuple]:
    return [(f.value, f.unit, f.subject, f.claimant_text) for f in claims]


def test_a_share_of_the_vote_with_its_claimant():
    (share,) = found("Ruiz won 31.4 percent of the vote, the electoral board said.")
    assert (share.value, share.unit, share.subject) == (31.4, "percent", "vote")
    assert "electoral board" in share.claimant_text


def test_money_keeps_its_currency_code_and_what_it_is_for():
    assert rows(found("The jury awarded $3.2 million in damages to the fishermen.")) == [
        (3_200_000, "USD", "damages", None),
    ]
    (fine,) = found("The fine came to 549,000 marks.")
    assert (fine.value, fine.unit) == (549_000, "DEM")


def test_a_volume_per_time_and_a_duration():
    claims = found("The broken main spilled 12,000 litres an hour, and the strike at the plant lasted 40 days.")
    assert [(f.value, f.unit) for f in claims] == [(12_000, "litres an hour"), (40, "days")]
    assert "strike" in claims[1].subject


def test_counted_people_with_qualifiers_ranges_and_vague_numbers():
    claims = found("More than 5,000 workers walked out. Four or five boats sank. Dozens of families were moved.")
    assert [(f.value, f.unit, f.qualifier) for f in claims] == [
        ((5_000, None), "people", "more than"), ((4, 5), "boats", None), ((24, None), "people", "dozens"),
    ]


def test_numbers_in_words_and_multipliers():
    (claim,) = found("Almost four dozen questions were sent to the board.")
    assert (claim.value, claim.subject) == ((None, 48), "questions")
    (claim,) = found("Two hundred volunteers cleared the beach.")
    assert claim.value == 200


def test_a_share_of_a_whole():
    (claim,) = found("Nine out of 10 residents backed the plan.")
    assert (claim.value, claim.unit) == (9, "out of 10 people")
    (claim,) = found("About one of every nine riders used the new line.")
    assert (claim.value, claim.unit) == (1, "out of 9 people")


def test_a_multiple_is_a_figure():
    (claim,) = found("Flooding struck the delta at three times the rate of the uplands.")
    assert (claim.value, claim.unit, claim.subject) == (3, "times", "rate of uplands")


def test_a_poll_that_shows_a_figure_is_its_claimant():
    (lead,) = found("A harbour survey released on Friday shows Okafor ahead by 6 points.")
    assert lead.value == 6 and lead.claimant_text == "A harbour survey"
    assert "ahead" in lead.subject


def test_the_agent_of_a_passive_verb_of_showing_is_the_claimant():
    (turnout,) = found("A turnout of 40 percent was reported by the electoral board.")
    assert (turnout.value, turnout.unit, turnout.claimant_text) == (40, "percent", "the electoral board")


def test_the_reporting_verb_names_the_claimant_of_a_number_past_the_quote():
    claims = found("The mayor said the pumps were repaired on Monday and moved 900 tonnes of silt.")
    assert rows(claims) == [(900, "tonnes", "silt", "The mayor")]


def test_the_count_of_speakers_is_not_claimed_by_what_they_say():
    (claim,) = found("Sixty percent said the bridge should stay closed.")
    assert claim.claimant_text is None and claim.value == 60


def test_an_apposition_shares_its_head_figure_subject():
    claims = found("The ferry company said net profit rose to $8 million, or 40 cents a share.")
    assert [(f.value, f.unit) for f in claims] == [(8_000_000, "USD"), (40, "US cents a share")]
    assert claims[0].subject == claims[1].subject


def test_subjects_that_are_the_same_thing_fold_to_one_key():
    a, b = found("About 4,000 workers on strike marched. The company counted 3,500 striking workers.")
    assert a.key == b.key
    (c,) = found("About 4,000 nurses marched.")
    assert c.key != a.key


def test_hyphenated_number_words_and_a_rate_that_is_no_claimant():
    (claim,) = found("Thirty-two ferries were grounded.")
    assert claim.value == 32
    (claim,) = found("The old smelter emits nearly 4,000 tons per year of sulphur.")
    assert claim.value == (None, 4_000) and claim.claimant_text is None


def test_a_hedged_casualty_count_stays_a_casualty_count():
    (claim,) = found("At least 14 people were reported killed in the landslide.")
    assert (claim.subject, claim.value) == ("killed", (14, None))


def test_a_lost_sum_or_lost_things_are_no_death_toll():
    claims = found("The index lost 12 points on Friday and the mill lost 300 jobs, but the garrison lost 40 soldiers.")
    assert [(f.value, f.subject == "killed") for f in claims] == [(12, False), (300, False), (40, True)]
    assert [f.unit for f in claims] == ["points", "jobs", "soldiers"]


def test_it_in_a_clause_hung_on_another_stands_for_that_clause_subject():
    # "X stayed high, although it fell 3 percent": what fell is X, not "it".
    (claim,) = found("Turnout stayed high, although it fell 3 percent.")
    assert claim.subject.split()[0] == "Turnout" and claim.value == 3


def test_a_vague_number_counts_the_noun_it_is_the_number_of():
    # "an army of several thousand": the vague number is the object of "of" after the noun.
    (army,) = found("The rebels said they had an army of several thousand.")
    assert (army.subject, army.value) == ("army", (3_000, None))
    # "several thousand volunteers": the noun right after the vague number.
    (volunteers,) = found("Several thousand volunteers joined the search.")
    assert (volunteers.subject, volunteers.value) == ("volunteers", (3_000, None))


def test_a_clause_on_a_sum_says_what_it_is():
    (claim,) = found("The council spent $45 million that went to flood defences.")
    assert (claim.value, claim.unit) == (45_000_000, "USD") and "flood defences" in claim.subject


def test_a_number_a_verb_of_amount_gives_its_subject():
    (claim,) = found("The sample was 834.")
    assert (claim.subject, claim.value) == ("sample", 834)


# One invented sentence for each rule of figure_subjects that reads what a figure counts or
# measures: (sentence, the subject read).
SUBJECTS = {
    "a vague number's of-complement past a possessive": ("Thousands of the town's commuters were stranded.", "commuters"),
    "a share of a whole that is a verb's subject": ("Seven out of 10 agreed with the plan.", "agreed with plan"),
    "a count of the noun after of": ("Forty of the buses broke down.", "buses"),
    "a span fused by a hyphen to the noun it measures": ("The council ordered a 90-day review of the harbour.", "review of harbour"),
    "a multiple after a verb of amount": ("The flood rate was four times the average.", "flood rate"),
    "a share of people with what they did": ("Forty percent of riders backed the plan.", "riders backed plan"),
    "a measure modifying a noun": ("The town imposed a 12% levy on tourists.", "levy on tourists"),
    "a sum that is the object of of": ("A loss of $2 million forced the ferry line to close.", "loss"),
    "a verb of amount gives its subject alone": ("Ticket sales totaled $4 million.", "Ticket sales"),
    "the second of two joined verbs takes the first one's subject": (
        "Fishermen met on Friday and raised $40,000 for the crew.", "Fishermen raised for crew"),
    "who stands for the noun it relates to": ("The donors who gave $3 million asked for nothing.", "donors gave"),
    "a verb's object is part of what it measures": ("Okafor led Berg by 6 points.", "Okafor led Berg"),
    "a verb of saying takes the verb it reports": ("Nineteen percent said they would back the levy.", "said back levy"),
    "a complement after a rate": ("The old smelter emits nearly 4,000 tons per year of sulphur.", "sulphur"),
    "a participle clause takes the noun it hangs on": ("The fund, raised with $3 million, opened.", "fund raised"),
}


@pytest.mark.parametrize("construction", sorted(SUBJECTS))
def test_what_a_figure_counts_or_measures(construction):
    text, subject = SUBJECTS[construction]
    (claim,) = found(text)
    assert claim.subject == subject


def test_a_count_of_the_names_that_follow_or_an_amount_of_nothing_named_is_left_out():
    assert found("Two captains, Okafor and Berg, refused the order.") == ()
    assert found("That totaled $3 million.") == ()
