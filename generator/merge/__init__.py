"""Merge stage: per-article extractions -> one Briefing across all sources.

Each cross-source step has its own module; this one only runs them in order
(sources first, then actors, whose index the quotes and events link to).
"""
from __future__ import annotations

from collections.abc import Sequence

from generator import cache
from generator.merge import actors, events, quotes, sources
from generator.merge.memory import no_cycle_collection
from generator.model import Article, Briefing, Extraction, Problem
from generator.settings import Settings


def merge(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    settings: Settings,
    problems: Sequence[Problem] = (),
) -> Briefing:
    store = cache.Cache.at(settings.cache_dir) if settings.cache else None
    with no_cycle_collection():
        linked = sources.link(articles, store)
        people, index = actors.resolve(articles, extractions)
        said, counted = quotes.merge_all(extractions, index, linked)
        happened = events.merge_events(extractions, index, linked)
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
    )


def forget() -> None:
    """Drop what the merge steps keep for a rebuild under `mkdocs serve` (texts, MinHashes,
    comparisons, names): after a one-off build's merge it is only memory held while pages render."""
    sources.forget()
    actors.forget()
    quotes.forget()
