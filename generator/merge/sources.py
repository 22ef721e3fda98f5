"""Sources across the seed set: which articles are copies of, or overlap with, which."""
from __future__ import annotations

from collections.abc import Sequence

from generator.model import Article, Source


def link(articles: Sequence[Article]) -> tuple[Source, ...]:
    return tuple(Source(article=a) for a in articles)
