"""Merge stage: per-article extractions -> one Briefing across all sources."""
from __future__ import annotations

from collections.abc import Sequence

from generator.model import Article, Briefing, Extraction, Problem, Source
from generator.settings import Settings


def merge(
    articles: Sequence[Article],
    extractions: Sequence[Extraction],
    settings: Settings,
    problems: Sequence[Problem] = (),
) -> Briefing:
    sources = tuple(Source(article=a) for a in articles)
    return Briefing(
        title=settings.title,
        description=settings.description,
        sources=sources,
        problems=tuple(problems),
        extractions=tuple(extractions),
    )
