"""Actors across sources: fold mentions into people, organisations and places."""
from __future__ import annotations

from collections.abc import Sequence

from generator.model import Actor, Article, Extraction


class ActorIndex:
    """Finds the actor a surface form (as written in one source) refers to."""

    def __init__(self, names: dict[str, str] | None = None):
        self._names = dict(names or {})

    def lookup(self, text: str, source: str | None = None, paragraph: int | None = None) -> str | None:
        return self._names.get(text)


def resolve(articles: Sequence[Article], extractions: Sequence[Extraction]) -> tuple[tuple[Actor, ...], ActorIndex]:
    return (), ActorIndex()
