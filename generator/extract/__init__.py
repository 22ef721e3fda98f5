"""Extract stage: one article and its paragraph parses -> Extraction.

Each kind of item has its own module; this one only assembles them, in the order
their dependencies need (mentions and times first, quotes before figures).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from generator.extract import captions, events, figures, mentions, quotes, timex
from generator.model import Article, Extraction


def extract(article: Article, docs: Sequence[Any]) -> Extraction:
    set_aside = captions.find(article, docs)
    if set_aside:  # nothing is taken from a photo caption; merge lists it with the removed lines
        kept = [(p, d) for p, d in zip(article.paragraphs, docs) if p.n not in set_aside]
        article = dataclasses.replace(article, paragraphs=tuple(p for p, _ in kept))
        docs = [d for _, d in kept]
    found, roles, relations = mentions.extract(article, docs)
    times = timex.extract(article, docs)
    said = quotes.extract(article, docs, found)
    return Extraction(
        source=article.id,
        mentions=found,
        roles=roles,
        relations=relations,
        quotes=said,
        figures=figures.extract(article, docs, said),
        times=times,
        events=events.extract(article, docs, times, found),
        captions=set_aside,
    )
