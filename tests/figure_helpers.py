"""Figures extracted from a tiny invented article, for the figure tests."""
from __future__ import annotations

from generator import nlp
from generator.extract import figures, quotes
from generator.model import Article, FigureClaim, Paragraph


def figures_of(article_id: str, *paragraphs: str) -> tuple[FigureClaim, ...]:
    a = Article(id=article_id, path=f"seeds/{article_id}.txt", title="T",
                paragraphs=tuple(Paragraph(n, t) for n, t in enumerate(paragraphs, start=1)))
    docs = nlp.parse([a])[a.id]
    return figures.extract(a, docs, quotes.extract(a, docs, ()))
