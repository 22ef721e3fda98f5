"""Extract stage: one article and its paragraph parses -> Extraction.

Each kind of item has its own module; this one only assembles them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, Extraction


def extract(article: Article, docs: Sequence[Any]) -> Extraction:
    return Extraction(source=article.id)
