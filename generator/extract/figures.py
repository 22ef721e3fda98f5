"""Numeric claims (casualties, counts), each with the claimant of the statement carrying it."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, FigureClaim, QuoteClaim


def extract(article: Article, docs: Sequence[Any], quotes: Sequence[QuoteClaim]) -> tuple[FigureClaim, ...]:
    return ()
