"""Disputed figures: numbers with what they count, qualifiers, claimants, merging and the page.

Sentences come from other stories than the seeds."""
from __future__ import annotations

from dataclasses import replace

from figure_helpers import figures_of

from generator.merge.actors import ActorIndex
from generator.merge.figures import merge_figures, value_key
from generator.model import (Article, Briefing, Extraction, Figure, FigureClaim, Paragraph, QuoteClaim, Source,
                             TimeExpression, Where)
from generator.pages.figures import value_text
from generator.render import render


def found(*paragraphs: str) -> tuple[FigureClaim, ...]:
    return figures_of("quake", *paragraphs)


def table(claims) -> list[tuple]:
    return [(f.subject, f.value, f.expression, f.claimant_text) for f in claims]


def test_qualifiers_make_ranges_and_the_claimant_is_the_speaker():
    claims = found("At least 12 people were killed and around 40 injured, the health ministry said.")
    assert table(claims) == [
        ("killed", (12, None), "At least 12 people were killed", "the health ministry"),
        ("wounded", 40, "around 40 injured", "the health ministry"),
    ]
    assert [f.qualifier for f in claims] == ["at least", "around"]


def test_number_words_nearly_and_the_side_that_suffered():
    claims = found("Nearly 60 Blue Valley guards were killed overnight. Seven villagers died in the fire.")
    assert table(claims) == [
        ("Blue Valley killed", (None, 60), "Nearly 60 Blue Valley guards were killed", None),
        ("killed", 7, "Seven villagers died", None),
    ]


def test_a_loss_verb_makes_its_subject_the_side():
    (claim,) = found("Elena Ruiz, a spokeswoman for the coalition, said Harbor Command lost 17 of its sailors in the storm.")
    assert (claim.subject, claim.value, claim.unit, claim.claimant_text) == ("Harbor Command killed", 17, "sailors", "Elena Ruiz")


def test_as_many_repeats_the_previous_figure():
    claims = found("Five miners died and as many were hurt when the shaft collapsed.")
    assert [(f.subject, f.value, f.expression) for f in claims] == [
        ("killed", 5, "Five miners died"), ("wounded", 5, "as many were hurt"),
    ]


def test_references_back_and_spans_that_date_something_are_not_figures():
    assert found("The 19 counties held elections 25 years ago.") == ()
    (parties,) = found("The 19 counties held elections 25 years ago, and 3 parties won seats.")
    assert (parties.subject, parties.value, parties.expression) == ("parties", 3, "3 parties")


def _source(id: str, text: str) -> Source:
    return Source(Article(id=id, path=f"seeds/{id}.txt", title="T", paragraphs=(Paragraph(1, text),)))


def _figure(source: str, text: str, words: str, value, claimant: str | None, claim: Where | None = None) -> FigureClaim:
    at = text.index(words)
    return FigureClaim("killed", value, "people", words, Where(source, 1, at, at + len(words)),
                       claimant_text=claimant, claim=claim)


def test_claims_by_different_people_stay_apart_and_copies_fold():
    a = "The mayor said 12 people were killed. The police said 15 people were killed."
    b = "The mayor said 12 people were killed."
    ex = [
        Extraction("a", figures=(_figure("a", a, "12 people were killed", 12, "The mayor"),
                                 _figure("a", a, "15 people were killed", 15, "The police"))),
        Extraction("b", figures=(_figure("b", b, "12 people were killed", 12, "The mayor"),)),
    ]
    merged = merge_figures(ex, ActorIndex({"The police": "police"}), [_source("a", a), _source("b", b)])
    rows = [(f.value, f.claimant, f.claimant_text, [w.source for w in f.sources]) for f in merged]
    assert rows == [(12, None, "The mayor", ["a", "b"]), (15, "police", "The police", ["a"])]


def test_a_figure_takes_the_date_of_the_claim_carrying_it():
    text = "On Friday the mayor said 12 people were killed last night."
    said = text.index("12 people were killed last night")
    claim = QuoteClaim("12 people were killed last night", "indirect", "the mayor", "said",
                       Where("a", 1, said, len(text) - 1), statement=Where("a", 1, 0, len(text)))
    times = (
        TimeExpression("On Friday", Where("a", 1, 0, 9), "2024-03-08", "day", "2024-03-09"),
        TimeExpression("last night", Where("a", 1, text.index("last night"), len(text) - 1), "2024-03-07", "day", "2024-03-09"),
    )
    ex = [Extraction("a", quotes=(claim,), times=times,
                     figures=(_figure("a", text, "12 people were killed", 12, "the mayor", claim.where),))]
    (figure,) = merge_figures(ex, ActorIndex(), [_source("a", text)])
    assert figure.date == "2024-03-08"  # when it was said, not "last night" inside the claim
    assert figure.quote is not None


def test_value_text_never_hides_the_qualifier():
    assert [value_text(v) for v in (8, (30, None), (None, 30), (10, 20))] == ["8", "30 or more", "up to 30", "10–20"]


def test_disputed_figures_page_puts_claims_side_by_side():
    text = "The mayor said 12 people were killed. The police said 15 people were killed."
    where = Where("a", 1, 0, 5)
    source = Source(replace(_source("a", text).article, published="2024-03-10", published_basis="front matter"))
    briefing = Briefing("B", "d", (source,), figures=(
        Figure("killed", 12, "people", "12 people were killed", (where,), claimant_text="The mayor"),
        Figure("killed", (15, None), "people", "at least 15 <script>", (where,), claimant="police", claimant_text="The police"),
        Figure("captured", 3, "districts", "three districts", (where,)),
    ))
    page = render(briefing)["figures.md"]
    assert page.count("## Killed") == 1 and page.count("## Captured") == 1
    assert page.index("## Captured") < page.index("## Killed")  # subjects in alphabetical order
    killed = page[page.index("## Killed"):]
    assert "12 people" in killed and "15 or more people" in killed  # both, neither averaged
    assert '<a href="../actors/police/">The police</a>' in killed
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "not attributed" in page
    # Undated claims show the day they were published by, never as their own date.
    assert "by 2024-03-10 (published)" in page


def test_the_four_casualty_claims_of_the_seeds_stay_separate(seeds_briefing):
    killed = [(f.value, f.claimant_text) for f in seeds_briefing.figures if f.subject == "Taliban killed"]
    for claim in [(7, "Bismillah Mohammadi"), (8, "Fahim Dashti"), ((30, None), "Fahim Dashty"), (40, "Fahim Dashti")]:
        assert claim in killed
    reuters = next(f for f in seeds_briefing.figures if f.subject == "Taliban killed" and f.value == 8)
    assert reuters.via == ("Reuters",)


def test_one_value_claimed_by_two_people_or_by_one_on_two_days_is_two_rows():
    text = "The mayor said 12 people were killed. The police said 12 people were killed."
    first, second = text.index("12 people"), text.rindex("12 people")
    ex = [Extraction("a", figures=(
        FigureClaim("killed", 12, "people", "12 people", Where("a", 1, first, first + 9), claimant_text="The mayor"),
        FigureClaim("killed", 12, "people", "12 people", Where("a", 1, second, second + 9), claimant_text="The police"),
    ))]
    merged = merge_figures(ex, ActorIndex(), [_source("a", text)])
    assert [f.claimant_text for f in merged] == ["The mayor", "The police"]
    dated = [Extraction("a", figures=(
        FigureClaim("killed", 12, "people", "12 people", Where("a", 1, first, first + 9), claimant_text="The mayor",
                    date="2024-03-08"),
        FigureClaim("killed", 12, "people", "12 people", Where("a", 1, second, second + 9), claimant_text="The mayor",
                    date="2024-03-09"),
    ))]
    assert [f.date for f in merge_figures(dated, ActorIndex(), [_source("a", text)])] == ["2024-03-08", "2024-03-09"]


def test_copies_of_a_claim_list_their_sources_in_order_with_every_intermediary():
    a = "The mayor said 12 people were killed."
    b = "The mayor said 12 people were killed."
    at = a.index("12 people were killed")

    def claim(source: str, via: tuple[str, ...]) -> FigureClaim:
        return FigureClaim("killed", 12, "people", "12 people were killed", Where(source, 1, at, at + 21),
                           claimant_text="The mayor", via=via)

    ex = [Extraction("b", figures=(claim("b", ("Harbour Radio",)),)), Extraction("a", figures=(claim("a", ("Coast Daily",)),))]
    (merged,) = merge_figures(ex, ActorIndex(), [_source("a", a), _source("b", b)])
    assert [w.source for w in merged.sources] == ["a", "b"]
    assert set(merged.via) == {"Harbour Radio", "Coast Daily"}


def test_a_claimant_described_rather_than_named_is_kept_as_written():
    # "a harbour official said ...": a description is no actor, even when the index knows the words.
    text = "A harbour official said 12 people were killed."
    said = text.index("12 people were killed")
    carrier = QuoteClaim("12 people were killed", "indirect", "A harbour official", "said",
                         Where("a", 1, said, len(text) - 1), statement=Where("a", 1, 0, len(text)), speaker_named=False)
    figure = FigureClaim("killed", 12, "people", "12 people were killed", Where("a", 1, said, said + 21),
                         claimant_text="A harbour official", claim=carrier.where)
    (merged,) = merge_figures([Extraction("a", quotes=(carrier,), figures=(figure,))],
                              ActorIndex({"A harbour official": "harbour-office"}), [_source("a", text)])
    assert (merged.claimant, merged.claimant_text) == (None, "A harbour official")


def test_an_open_end_is_told_apart_from_zero():
    assert value_key((None, 30)) != value_key((0, 30))
    assert sorted([(10, 20), 8, (None, 30), (30, None)], key=value_key) == [8, (None, 30), (10, 20), (30, None)]
