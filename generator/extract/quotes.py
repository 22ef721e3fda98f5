"""Direct quotes and reported speech, with speaker, cue and intermediary, per article."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, Mention, QuoteClaim


def extract(article: Article, docs: Sequence[Any], mentions: Sequence[Mention]) -> tuple[QuoteClaim, ...]:
    return ()
