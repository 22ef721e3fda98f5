"""Merge stage: per-article extractions -> one Briefing across all sources.

Each cross-source step has its own module; this one only runs them in order
(sources first, then actors, whose index the quotes and events link to).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from generator import cache
from generator.extract import captions
from generator.merge import actors, events, quotes, sources
from generator.merge.collector import no_cycle_collection
from generator.merge.sources import LinkMemory
from generator.model import NOT_AN_ACTOR, Article, Briefing, Extraction, Problem, Removed
from generator.settings import Settings


def merge(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    settings: Settings,
    problems: Sequence[Problem] = (),
    memory: LinkMemory | None = None,
) -> Briefing:
    """`memory`: what the previous merge of this process kept for this one (`mkdocs serve`); the
    Briefing is the same without it."""
    store = cache.Cache.at(settings.cache_dir) if settings.cache else None
    articles = _set_aside(articles, extractions)
    with no_cycle_collection():
        linked = sources.link(articles, store, memory)
        people, index = actors.resolve(articles, extractions)
        said, counted = quotes.merge_all(extractions, index, linked)
        happened = events.merge_events(extractions, index, linked)
        linked = events.with_times(linked, extractions)
    return Briefing(
        title=settings.title,
        description=settings.description,
        sources=linked,
        actors=people,
        quotes=said,
        figures=counted,
        events=happened,
        problems=tuple(problems),
        extractions=tuple(extractions),
        unresolved=index.unresolved,
        not_actors=tuple(m for ex in extractions for m in ex.mentions if m.kind == "other" and m.evidence.startswith(NOT_AN_ACTOR)),
        undated=events.undated(happened, extractions),
    )


def _set_aside(articles: Sequence[Article], extractions: Sequence[Extraction]) -> list[Article]:
    """Each article without the paragraphs extraction found to be photo captions, which join the
    lines cleaning removed (with their line and reason), so a source page shows what was set aside."""
    asides = {x.source: set(x.captions) for x in extractions if x.captions}
    out = []
    for a in articles:
        aside = asides.get(a.id)
        if aside:
            removed = a.removed + tuple(Removed(p.text, captions.reason(p.text, a.paragraphs), p.line) for p in a.paragraphs if p.n in aside)
            a = dataclasses.replace(a, paragraphs=tuple(p for p in a.paragraphs if p.n not in aside),
                                    removed=tuple(sorted(removed, key=lambda r: r.line)))
        out.append(a)
    return out
