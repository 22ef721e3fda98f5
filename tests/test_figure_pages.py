"""Subjects that compare: figures grouped by folded subject, the spread shown, disagreements
marked, nothing averaged; the overview lists the subjects whose claims disagree first."""
from __future__ import annotations

from generator.merge.figures import disagree, spread
from generator.model import Article, Briefing, Figure, Paragraph, Source, Where
from generator.pages import home
from generator.pages.figures import subject_groups
from generator.render import render


def at(source: str, paragraph: int = 1) -> tuple[Where, ...]:
    return (Where(source, paragraph, 0, 5),)


def fig(subject: str, value, who: str | None, where: tuple[Where, ...], key: str = "", unit: str = "people") -> Figure:
    return Figure(subject, value, unit, f"{value} {subject}", where, claimant_text=who, key=key or subject)


def test_values_that_cannot_both_hold_disagree_and_ranges_that_overlap_do_not():
    seven, eight = fig("killed", 7, "the police", at("a")), fig("killed", 8, "the mayor", at("b"))
    assert disagree(seven, eight)
    assert not disagree(fig("killed", (30, None), "the mayor", at("a")), fig("killed", 40, "the police", at("b")))
    assert disagree(fig("killed", (None, 20), "the mayor", at("a")), fig("killed", (30, None), "the police", at("b")))
    # One claimant giving two numbers in one paragraph ("up from 58 to 55") is one statement.
    assert not disagree(fig("rating", 58, "the pollster", at("a")), fig("rating", 55, "the pollster", at("a")))
    assert spread([eight, seven]) == (7, 8)


def _briefing(*figures: Figure) -> Briefing:
    sources = tuple(Source(Article(id=s, path=f"seeds/{s}.txt", title=s, paragraphs=(Paragraph(1, "text here"),)))
                    for s in ("a", "b", "c"))
    return Briefing("B", "d", sources, figures=figures)


def test_folded_subjects_are_one_section_with_their_spread_and_the_disagreement_marked():
    union = fig("workers on strike", 4000, "the union", at("a"), key="strik worker | people")
    firm = fig("striking workers", 3500, "the company", at("b"), key="strik worker | people")
    page = render(_briefing(union, firm))["figures.md"]
    assert page.count("\n## ") == 1
    assert "Spread: 3,500 – 4,000 people — the claims disagree" in page
    assert page.count("<strong>disagrees</strong>") == 2
    assert "3750" not in page and "3,750" not in page  # never averaged


def test_a_group_whose_claims_agree_shows_its_spread_without_a_disagreement():
    low = fig("killed", (30, None), "the mayor", at("a"))
    high = fig("killed", 40, "the police", at("b"))
    (group,) = subject_groups([low, high])
    assert group.spread == "30 or more – 40 people" and not group.disputed
    assert "<strong>disagrees</strong>" not in render(_briefing(low, high))["figures.md"]


def test_the_overview_lists_subjects_whose_claims_disagree_first():
    agreeing = (fig("arrests", (30, None), "the mayor", at("a")), fig("arrests", 40, "the police", at("b")))
    clashing = (fig("wounded", 7, "the mayor", at("a")), fig("wounded", 9, "the police", at("c")))
    disputes = home.disputes(_briefing(*agreeing, *clashing))
    assert [(d.subject, d.disagree) for d in disputes] == [("wounded", True), ("arrests", False)]
    page = render(_briefing(*agreeing, *clashing))["index.md"]
    assert page.index("wounded: 7 – 9 people — <strong>the claims disagree</strong>") < page.index("arrests: 30 or more – 40 people")
