"""Time expressions, resolved against the article's own publication date."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, TimeExpression


def extract(article: Article, docs: Sequence[Any]) -> tuple[TimeExpression, ...]:
    return ()
