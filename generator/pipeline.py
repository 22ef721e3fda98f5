"""The whole pipeline as one library call: seeds folder -> Briefing -> generated files."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator import clean, extract, merge, nlp, read, render
from generator.model import Briefing, InputError, Problem
from generator.settings import Settings

Progress = Callable[[int, int], None]


def build_briefing(seeds_dir: Path, settings: Settings = Settings(), progress: Progress | None = None) -> Briefing:
    seeds, problems = read.read_seeds(seeds_dir)
    errors = [p for p in problems if p.severity == "error"]
    if settings.strict and problems:
        raise InputError(problems)
    if not seeds:
        raise InputError(errors or [Problem(str(seeds_dir), "no seeds to build a briefing from")])
    articles = clean.clean_all(seeds)
    docs = nlp.parse(articles, settings.model)
    extractions = []
    for i, article in enumerate(articles, start=1):
        extractions.append(extract.extract(article, docs[article.id]))
        if progress:
            progress(i, len(articles))
    return merge.merge(articles, extractions, settings, problems)


def generate(seeds_dir: Path, settings: Settings = Settings(), progress: Progress | None = None) -> dict[str, str | bytes]:
    """Every generated page and data file, keyed by its path in the site's docs."""
    return render.publishable(render.render(build_briefing(seeds_dir, settings, progress)))
