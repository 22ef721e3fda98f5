"""Casualty counts written in constructions that each need a rule of their own (generator/extract/
casualties.py): the count stated as a verb's object, after "with", as what a fight cost a side, and
the side named by "from the X side". The sentences are invented, about events other than the seeds'."""
from __future__ import annotations

from figure_helpers import figures_of


def rows(*paragraphs: str) -> list[tuple]:
    return [(f.subject, f.value) for f in figures_of("casualties", *paragraphs)]


def test_a_count_put_at_a_number_is_a_casualty_count():
    # "put the number of dead at N": the number is the object of "at", the word "dead" before it.
    assert rows("Rescuers put the number of dead at 40.") == [("killed", 40)]


def test_the_side_whose_dead_a_count_is_put_at_is_named_whole():
    assert rows("A hospital official put the number of Blue Legion dead at eleven.") == [("Blue Legion killed", 11)]


def test_a_side_beaten_back_with_its_dead():
    # "were beaten back with 9 dead": the dead are the side that is the subject of the verb.
    assert rows("The Red Hand stormed the depot at dawn but were beaten back with 9 dead.") == [("Red Hand killed", 9)]


def test_what_a_fight_cost_a_side():
    # "cost the X twelve fighters killed": the side is the loss verb's indirect object.
    assert rows("The ambush cost the Northern Front twelve fighters killed.") == [("Northern Front killed", 12)]


def test_people_who_sustained_injuries_are_wounded():
    # "two officers sustained injuries": the count is the loss verb's subject, its word the object.
    assert rows("Two Coastal officers sustained injuries in the blast.") == [("wounded", 2)]


def test_a_side_named_by_the_side_it_fought_on():
    assert rows("Twenty fighters from the rebel side were killed.") == [("rebel killed", 20)]


def test_a_count_after_the_losses_it_details_takes_their_side():
    # "losses from the X side, at least 25 killed": "killed" hangs on the noun naming the side.
    claims = rows("The medic reported heavy losses from the Vandal side, at least 25 killed and about 10 hurt.")
    assert claims[0] == ("Vandal killed", (25, None))


def test_a_side_that_suffered_the_casualties_it_counts():
    # "X sustained four injuries": the casualty noun is the loss verb's object, X its side.
    assert rows("The Harbour Guard sustained four injuries in the fire.") == [("Harbour Guard wounded", 4)]


def test_a_number_word_and_its_multiplier_are_one_count():
    # "two hundred": "hundred" is read with the number before it, not as a count of its own.
    assert rows("Two hundred villagers were evacuated.") == [("displaced", 200)]


def test_the_dead_or_wounded_without_a_counted_noun_are_people():
    (claim,) = figures_of("casualties", "At least 12 were killed when the bus overturned.")
    assert (claim.subject, claim.value, claim.unit) == ("killed", (12, None), "people")


def test_a_number_before_a_verb_of_loss_with_its_own_object_is_no_casualty_count():
    # "at 40 knots, killing no one": what the verb counts is its object; the knots are a speed.
    assert rows("The boat sank at 30 knots killing no one.") == [("knots", 30)]
    assert rows("The ferry sailed at 40 knots, injuring nobody.") == [("knots", 40)]
