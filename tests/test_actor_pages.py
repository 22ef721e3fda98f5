"""Profile pages only for actors that matter; the rest are rows of the index linked to their paragraph."""
from __future__ import annotations

from generator.merge import actors
from generator.model import Article, Briefing, Extraction, Mention, Paragraph, Quote, Source, Where
from generator.pages.actors import actor_pages
from generator.render import render


def M(text, kind, source, paragraph, start=0):
    return Mention(text, kind, Where(source, paragraph, start, start + len(text)), {"person": "PERSON", "organization": "ORG"}[kind])


def test_an_actor_named_once_who_never_speaks_is_a_row_with_a_paragraph_link_not_a_page():
    ex = Extraction("a", mentions=(
        M("Ines Varga", "person", "a", 1), M("Ines Varga", "person", "a", 4),  # named in two paragraphs
        M("Tomas Berg", "person", "a", 2),  # named once, says something
        M("Lake Rowing Club", "organization", "a", 3),  # named once, nothing else
    ))
    found, _ = actors.resolve([], [ex])
    ids = {a.name: a.id for a in found}
    quote = Quote("q1", "The regatta goes ahead.", "direct", ids["Tomas Berg"], "Tomas Berg", "said", (Where("a", 2, 0, 10),))
    article = Article(id="a", path="seeds/a.txt", title="A", paragraphs=tuple(Paragraph(n, "Text.") for n in range(1, 5)))
    briefing = Briefing("t", "d", (Source(article),), actors=found, quotes=(quote,))
    pages = actor_pages(briefing)
    assert set(pages) == {ids["Ines Varga"], ids["Tomas Berg"]}
    files = render(briefing)
    assert f"actors/{ids['Lake Rowing Club']}.md" not in files
    index = files["actors/index.md"]
    row = next(line for line in index.splitlines() if "Lake Rowing Club" in line)
    assert 'href="../sources/a/#p3"' in row and "<a href" not in row.split("</td>")[0]
    assert f'href="{ids["Tomas Berg"]}/"' in index
