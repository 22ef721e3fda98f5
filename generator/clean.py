"""Clean stage: Seed -> Article (title, metadata, numbered paragraphs, removed furniture)."""
from __future__ import annotations

from generator.model import Article, Paragraph, Removed, Seed

HEADLINE_MAX_WORDS = 25


def clean(seed: Seed) -> Article:
    lines = [(n, line.strip()) for n, line in enumerate(seed.text.split("\n"), start=seed.first_line)]
    blocks = [(n, text) for n, text in lines if text]
    removed: list[Removed] = []
    title, title_basis = seed.meta.title, "front matter"
    if title is None and blocks and _looks_like_headline(blocks[0][1]):
        line, title = blocks.pop(0)
        title_basis = "headline"
        removed.append(Removed(title, "headline (shown as the title)", line))
    if title is None:
        title, title_basis = _title_from_text(blocks[0][1] if blocks else seed.id), "first sentence"
    paragraphs = tuple(Paragraph(n=i, text=text, line=line) for i, (line, text) in enumerate(blocks, start=1))
    return Article(
        id=seed.id,
        path=seed.path,
        title=title,
        title_basis=title_basis,
        paragraphs=paragraphs,
        removed=tuple(removed),
        outlet=seed.meta.outlet,
        outlet_basis="front matter" if seed.meta.outlet else None,
        url=seed.meta.url,
        published=seed.meta.published,
        published_basis="front matter" if seed.meta.published else None,
        author=seed.meta.author,
        encoding=seed.encoding,
    )


def _looks_like_headline(text: str) -> bool:
    return len(text.split()) <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", "”", '"', ":"))


def _title_from_text(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
