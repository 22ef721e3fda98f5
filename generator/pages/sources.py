from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from generator.model import Where
from generator.render import Context

T = TypeVar("T")


def in_sources(items: Iterable[T], places: Callable[[T], Iterable[Where]]) -> dict[str, list[tuple[T, list[int]]]]:
    """source id -> the items found in it, in the items' order, each with its paragraphs there
    (ascending, once each). Built in one pass, so no page has to search the whole briefing."""
    out: dict[str, list[tuple[T, list[int]]]] = defaultdict(list)
    for item in items:
        paragraphs: dict[str, set[int]] = defaultdict(set)
        for w in places(item):
            paragraphs[w.source].add(w.paragraph)
        for source, numbers in paragraphs.items():
            out[source].append((item, sorted(numbers)))
    return out


def pages(ctx: Context) -> dict[str, str]:
    b = ctx.briefing
    by_id = {s.id: s for s in b.sources}
    actors = in_sources(b.actors, lambda a: a.mentions)
    quotes = in_sources(b.quotes, lambda q: q.sources)
    events = in_sources(b.events, lambda e: e.sources)
    out = {"sources/index.md": ctx.render("sources_index.md.j2", "sources/index.md")}
    for source in b.sources:
        page = ctx.source_pages[source.id]
        # Of the sources it names, a page shows the title and what each counts as a copy of: only
        # those, so that a page stays the same when another source's own overlaps change.
        others = [by_id[o.other] for o in source.overlaps] + ([by_id[source.duplicate_of]] if source.duplicate_of else [])
        out[page] = ctx.page(
            "source.md.j2", page, source=source,
            titles={o.id: o.article.title for o in others}, copy_of={o.id: o.duplicate_of for o in others},
            actors=actors.get(source.id, []), quotes=quotes.get(source.id, []), events=events.get(source.id, []),
        )
    return out
