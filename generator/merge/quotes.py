"""Quotes and figures across sources: one row per statement, every source that carries it."""
from __future__ import annotations

from collections.abc import Sequence

from generator.merge.actors import ActorIndex
from generator.model import Extraction, Figure, Quote, Source


def merge_quotes(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Quote, ...]:
    return ()


def merge_figures(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Figure, ...]:
    return ()
