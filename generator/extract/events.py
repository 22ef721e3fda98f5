"""Events: sentences that report something happening at a resolved time."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, EventClaim, Mention, TimeExpression


def extract(article: Article, docs: Sequence[Any], times: Sequence[TimeExpression], mentions: Sequence[Mention]) -> tuple[EventClaim, ...]:
    return ()
