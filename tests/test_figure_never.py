"""Numbers that are never figures: one invented article per class produces no figure.

The articles are about events invented for the test, not the seeds or the corpora."""
from __future__ import annotations

import pytest

from figure_helpers import figures_of

from generator import nlp
from generator.extract.figure_never import reason, weak
from generator.extract.figure_numbers import scan, units
from generator.model import Article, FigureClaim, Paragraph


def found(*paragraphs: str) -> tuple[FigureClaim, ...]:
    return figures_of("never", *paragraphs)


NEVER = {
    "names and identifiers": (
        "Flight 214 landed safely in Lisbon after a detour over the sea.",
        "Route 66 reopened to traffic on Sunday, and Apollo 11 was shown at the museum.",
        "Lawmakers debated Section 230 and Proposition 12 until late.",
        "The judge read out case number 4471 before the hearing began.",
        "Crews fixed Boeing 747 engines.",
        "Chapter 11 filings rose.",
    ),
    "times of day": (
        "The ferry left the harbour at 7:15 p.m. and docked again at 9 a.m.",
        "By 9 a.m. rescuers had arrived.",
    ),
    "dates and years": (
        "On March 3, 2019, the council met in the old hall; it had last met there in 1998.",
        "The 2015 accord was signed by the mayors of both towns.",
        "Relatives of 9/11 victims met the panel.",  # a date written as a fraction
        "When the mill closed in 2015 - its second closure - the town shrank.",
    ),
    "ages in passing": (
        "Maria Lopez, 45, a teacher from the valley, spoke first.",
        "A 12-year-old boy and a man aged 70 were rescued from the roof.",
        "The bridge is 200 years old.",
    ),
    "phone numbers": (
        "Residents can call the flood hotline at 555-123-4567 or (212) 555-0199.",
    ),
    "addresses": (
        "The relief office at 221 Baker Street opened its doors.",
        "The blast went off in front of 131 West 23rd Street.",
    ),
    "page numbers": (
        "The inspectors wrote on page 12 that the dam had cracked.",
    ),
    "ordinals": (
        "It was the third time the river had flooded, and the 2nd bridge closed.",
    ),
    "scores": (
        "The Harriers won 3-2 in the final at the riverside ground.",
    ),
    "spans that date something": (
        "The dam burst four years ago, and two days later the road closed.",
        "Within the past 10 days the river rose again.",
        "Over the past 10 days the river rose.",
        "The power was out for 4 days in a row.",
    ),
    "occasions and kinds": (
        "The two clubs met five times last season, and Okafor served a one-term mandate.",
        "It was a four-way race for the harbour seat.",
    ),
    "places": (
        "The depot lies 80 kilometres west of the port.",
    ),
    "references back and rhetoric": (
        "The two towns signed the accord. \u201cThey are 100 percent wrong,\u201d the mayor said.",
        "Only one of the bridges stayed open.",
        "They have said it thousands of times.",
    ),
}


@pytest.mark.parametrize("kind", sorted(NEVER))
def test_a_number_of_this_kind_is_never_a_figure(kind):
    for text in NEVER[kind]:
        assert found(text) == (), text


def test_a_flight_number_is_not_a_death_toll():
    (claim,) = found("Flight 214 crashed into the hillside, killing 3.")
    assert (claim.subject, claim.value) == ("killed", 3)


def test_four_digits_that_count_a_plural_noun_are_no_year():
    (claim,) = found("1500 volunteers carried sandbags to the levee.")
    assert (claim.subject, claim.value, claim.unit) == ("volunteers", 1500, "people")


def test_a_no_break_space_does_not_hide_a_unit():
    (claim,) = found("Turnout fell to 41\u00a0percent of the electorate.")
    assert (claim.value, claim.unit) == (41, "percent")


# Each rule of figure_never.reason and weak on a sentence that only it reads: (sentence, the
# number as written, the reason given). Figures would often be left out anyway for want of a
# subject, so the reason is what tells that the rule, and not a later one, recognised the number.
REASONS = {
    "a phone number": ("The clinic moved its hotline to 555-123-4567 in the spring.", "555", "phone number"),
    "a time of day": ("The ferry sailed at 7 pm.", "7", "time of day"),
    "a year": ("The pier was rebuilt in 1987.", "1987", "year"),
    "a day of a month": ("The ferry resumes on 12 May.", "12", "date or time"),
    "a span within which": ("Within 3 days the river rose.", "3", "date (a span up to now)"),
    "an age fused to its span": ("A 40-year-old bridge collapsed.", "40", "age"),
    "an age after aged": ("Patients aged 12 were treated.", "12", "age"),
    "an age set off after a name": ("The pilot, Ines Okafor (61), swam ashore.", "61", "age"),
    "a number after a lower-case identifier noun": ("The council met in room 12.", "12", "name or identifier"),
    "a number after a capitalised name": ("The Vega Harbour 3 closed.", "3", "name or identifier"),
    "a score": ("The Harriers won 3-2.", "3", "score or ratio"),
    "a distance that places something": ("The depot lies 80 kilometres west of the port.", "80",
                                         "a place (\"80 kilometres west of\")"),
    "a percent of rhetoric": ("They were 100 percent sure.", "100", "rhetoric"),
    "a count after a possessive": ("The mayor's 3 aides quit.", "3", "reference to things already named"),
}


@pytest.mark.parametrize("construction", sorted(REASONS))
def test_each_rule_names_its_reason(construction):
    text, number, expected = REASONS[construction]
    article = Article(id="never", path="seeds/never.txt", title="T", paragraphs=(Paragraph(1, text),))
    (doc,) = nlp.parse([article])[article.id]
    ud = units()
    (e,) = [e for e in scan(doc, ud) if doc[e.number].text == number]
    assert (reason(e, doc, ud) or weak(e, doc, ud)) == expected
