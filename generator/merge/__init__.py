"""Merge stage: per-article extractions -> one Briefing across all sources.

Each cross-source step has its own module; this one only runs them in order
(sources first, then actors, whose index the quotes and events link to).
"""
from __future__ import annotations

from collections.abc import Sequence

from generator import cache
from generator.merge import actors, events, quotes, sources
from generator.merge.collector import no_cycle_collection
from generator.merge.sources import LinkMemory
from generator.model import Article, Briefing, Extraction, Problem
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
    with no_cycle_collection():
        linked = sources.link(articles, store, memory)
        people, index = actors.resolve(articles, extractions)
        said, counted = quotes.merge_all(extractions, index, linked)
        happened = events.merge_events(extractions, index, linked)
        linked = events.with_times(linked, extractions)
    if memory is None:
        _forget_names()
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


def _forget_names() -> None:
    """The actor and quote steps still keep their normalised names in module caches (for the next
    merge under `mkdocs serve`): a merge without a memory lets them go, so it keeps nothing."""
    actors.forget()
    quotes.forget()
