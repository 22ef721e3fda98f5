"""Invented seeds for the cleaning tests, and what cleaning made of them: the removed lines with
their reasons, and the paragraphs kept."""
from __future__ import annotations

from generator.model import Article, FrontMatter, Seed


def seed(text: str, sid: str = "x", **meta) -> Seed:
    return Seed(id=sid, path=f"seeds/{sid}.txt", text=text, meta=FrontMatter(**meta))


def removed(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def kept(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]
