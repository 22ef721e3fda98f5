"""The whole pipeline as one library call: seeds folder -> Briefing -> generated files.

The per-article work (parse, extract) is served from the content-addressed cache when the
cleaned article and the code are unchanged, and spread over worker processes when enough words are
left to parse for the workers' start-up to pay.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Protocol

from generator import cache, clean, executors, extract, merge, nlp, read, render
from generator.memory import BuildMemory
from generator.model import Article, Briefing, Extraction, InputError, Paragraph, Problem, Seed
from generator.settings import Settings

Progress = Callable[[int, int], None]

# Each worker imports spaCy and loads the pipeline (~3 s here), so parallel parsing pays only
# above roughly 10 s of single-process work (~40,000 words at ~4,000 words/s).
PARALLEL_MIN_WORDS = 40_000
# Chunks small enough to balance the workers, large enough for nlp.pipe batches; larger chunks
# parse more shared paragraphs once (nlp.parse), so big builds use them.
CHUNK_WORDS = 15_000
CHUNK_WORDS_MAX = 40_000
# Parses are kept beside the extractions, by paragraph text (nlp.parse).
PARSES = "parses"


def build_briefing(seeds_dir: Path, settings: Settings = Settings(), progress: Progress | None = None,
                   memory: BuildMemory | None = None) -> Briefing:
    """The Briefing of the seeds folder. `memory`: what the previous build of this process kept
    (`mkdocs serve`); the Briefing is the same without it."""
    seeds, problems = _read(seeds_dir, settings)
    return _briefing(clean.clean_all(seeds), problems, settings, progress, memory)


def generate_files(seeds_dir: Path, settings: Settings = Settings(), progress: Progress | None = None,
                   memory: BuildMemory | None = None, kept: KeptFiles | None = None) -> Generated:
    """Every generated page and data file, and the problems to report. `kept`: the files of the
    site's previous build (generator.incremental), taken whole when nothing they came from changed;
    the files are the same without it."""
    seeds, problems = _read(seeds_dir, settings)
    digest = _inputs_digest(seeds, problems, settings) if kept is not None else None
    if digest is not None:
        previous = kept.generated(digest)
        if previous is not None:
            return previous
    briefing = _briefing(clean.clean_all(seeds), problems, settings, progress, memory)
    generated = Generated(render.publishable(render.render(briefing, memory.pages if memory else None)),
                          tuple(briefing.problems))
    if digest is not None:
        kept.keep_generated(digest, generated)
    return generated


@dataclass(frozen=True)
class Generated:
    files: dict[str, str | bytes]  # by path in the site's docs
    problems: tuple[Problem, ...]


class KeptFiles(Protocol):
    def generated(self, digest: str) -> Generated | None: ...
    def keep_generated(self, digest: str, generated: Generated) -> None: ...


def _read(seeds_dir: Path, settings: Settings) -> tuple[list[Seed], list[Problem]]:
    seeds, problems = read.read_seeds(seeds_dir)
    errors = [p for p in problems if p.severity == "error"]
    if settings.strict and problems:
        raise InputError(problems)
    if not seeds:
        raise InputError(errors or [Problem(str(seeds_dir), "no seeds to build a briefing from")])
    return seeds, problems


def _briefing(articles: list[Article], problems: list[Problem], settings: Settings, progress: Progress | None,
              memory: BuildMemory | None) -> Briefing:
    # cleaning weighs evidence across seeds, so it always runs before this
    extractions = analyse(articles, settings, progress, memory)
    return merge.merge(articles, extractions, settings, problems, memory.links if memory else None)


def _inputs_digest(seeds: list[Seed], problems: list[Problem], settings: Settings) -> str | None:
    """sha256 of everything the generated files are made from: the seeds as read, the problems
    reported on them, the settings that reach the pages, every file of the generator (cleaning,
    extraction, merge and page code, templates, data), the spaCy pipeline and the libraries the
    cache fingerprint names, and the template library. None without a cache or a pipeline."""
    pipeline = nlp.pipeline_id(settings.model) if settings.cache else None
    if pipeline is None:
        return None
    shown = {"title": settings.title, "description": settings.description, "strict": settings.strict,
             "jinja2": metadata.version("jinja2"), "fingerprint": cache.fingerprint(pipeline),
             "generator": cache.package_digest(), "problems": cache.encode(problems), "seeds": cache.encode(seeds)}
    return hashlib.sha256(json.dumps(shown, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def analyse(articles: Sequence[Article], settings: Settings = Settings(),
            progress: Progress | None = None, memory: BuildMemory | None = None) -> list[Extraction]:
    """The Extraction of every article, in order, from the cache where the article is unchanged."""
    store, keys = None, [None] * len(articles)
    pipeline = nlp.pipeline_id(settings.model) if settings.cache else None
    if pipeline is not None:
        store = cache.Cache.at(settings.cache_dir)
        fingerprint = cache.fingerprint(pipeline)
        keys = [cache.article_key(article, fingerprint) for article in articles]
    kept = memory.extractions if memory else {}
    results: list[Extraction | None] = [(kept.get(k) or store.get(k)) if store and k else None for k in keys]
    done = sum(r is not None for r in results)
    if progress and done:
        progress(done, len(articles))
    todo = [i for i, r in enumerate(results) if r is None]
    fresh: list[Extraction] = []
    if todo:
        with executors.opened(settings.executor) as pool:
            # a cluster's workers do not share this machine's disk, so they keep no parses here
            parses = (store.folder / PARSES) if store and pool is None else None
            fresh = _extract_all([articles[i] for i in todo], settings.model,
                                 _counter(progress, done, len(articles)), parses, pool)
    for i, extraction in zip(todo, fresh):
        results[i] = extraction
        if store and keys[i]:
            store.put(keys[i], extraction)
    if memory is not None:  # only this build's: a key names its content, so none is ever stale
        memory.extractions = {k: r for k, r in zip(keys, results) if k and r is not None}
    return results  # type: ignore[return-value]


def _counter(progress: Progress | None, done: int, total: int) -> Callable[[int], None]:
    state = [done]

    def step(n: int) -> None:
        state[0] += n
        if progress:
            progress(state[0], total)

    return step


def _extract_all(articles: list[Article], model: str | None, step: Callable[[int], None],
                 parses: Path | None = None, pool: Executor | None = None) -> list[Extraction]:
    """Extractions in order: in `pool` when one is given, else here or in local worker processes."""
    if pool is not None:
        return _mapped(pool, _chunks(articles, CHUNK_WORDS), model, parses, step)
    words = sum(a.word_count for a in articles)
    workers = min(os.cpu_count() or 1, 1 + words // CHUNK_WORDS)
    if words < PARALLEL_MIN_WORDS or workers < 2:
        out = []
        for chunk in _chunks(articles, CHUNK_WORDS):
            out.extend(extract_chunk(chunk, model, parses))
            step(len(chunk))
        return out
    size = min(CHUNK_WORDS_MAX, max(CHUNK_WORDS, words // (4 * workers)))
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork only while this process has one thread (`mkdocs serve` runs several, and a forked child
    # can inherit a held lock); spawn otherwise, which needs the main module guarded as usual.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as local:
        return _mapped(local, _chunks(articles, size), model, parses, step)


def _mapped(pool: Executor, chunks: list[list[Article]], model: str | None, parses: Path | None,
            step: Callable[[int], None]) -> list[Extraction]:
    out: list[Extraction] = []
    for chunk, found in zip(chunks, pool.map(extract_chunk, chunks, [model] * len(chunks), [parses] * len(chunks))):
        out.extend(found)
        step(len(chunk))
    return out


def _chunks(articles: list[Article], words: int) -> list[list[Article]]:
    chunks: list[list[Article]] = [[]]
    size = 0
    for article in articles:
        if chunks[-1] and size + article.word_count > words:
            chunks.append([])
            size = 0
        chunks[-1].append(article)
        size += article.word_count
    return [c for c in chunks if c]


def extract_chunk(articles: Sequence[Article], model: str | None = None,
                  parses: Path | None = None) -> list[Extraction]:
    """Parse a few articles in one nlp.pipe stream and extract each (also run in worker processes);
    `parses` is the folder of kept parses, if any."""
    docs = nlp.parse(articles, model, store=cache.Cache(parses, ".spacy") if parses else None)
    out = []
    for article in articles:
        try:
            out.append(extract.extract(article, docs[article.id]))
        except Exception as exc:  # a bug met by one seed's text: name the seed, not a traceback
            raise InputError([Problem(article.path, f"extraction failed on this seed ({type(exc).__name__}: {exc}); "
                                      "this is a fault of the generator: please report it with the file")]) from exc
    return out


# Run through parsing and extraction once before any seed is edited: loading the pipeline and the
# extraction rules costs the first edit under `mkdocs serve` seconds otherwise.
_WARM_UP = Article(id="warm-up", path="warm-up", title="Warm-up",
                   paragraphs=(Paragraph(1, "On Monday the mayor said the bridge would reopen.", 1),))


def warm_up(model: str | None = None) -> threading.Thread:
    """Load the spaCy pipeline and the extraction rules in the background."""

    def run() -> None:
        try:
            extract_chunk([_WARM_UP], model)
        except nlp.ModelMissing:
            pass  # reported by the build that needs the pipeline

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread


def generate(seeds_dir: Path, settings: Settings = Settings(), progress: Progress | None = None) -> dict[str, str | bytes]:
    """Every generated page and data file, keyed by its path in the site's docs."""
    return generate_files(seeds_dir, settings, progress).files
