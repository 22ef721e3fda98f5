"""Events across sources: reports of the same happening folded into one dated entry."""
from __future__ import annotations

from collections.abc import Sequence

from generator.merge.actors import ActorIndex
from generator.model import Event, Extraction, Source


def merge_events(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Event, ...]:
    return ()
