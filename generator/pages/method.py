"""The Method page: how each part is found, its known limits, and how well it does.

The precision and recall come from the project's gold annotations (tests/gold/), which
describe the project's own seeds. They are computed at build time, never typed in: on this
briefing when it is built from those seeds, otherwise on the bundled seeds (and the page
says so), or not at all when the annotations are not there (and the page says that).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import generator
from generator.model import Briefing
from generator.render import Context
from generator.scoring import Score, score_all

PROJECT = Path(generator.__file__).resolve().parents[1]
GOLD = PROJECT / "tests" / "gold"
SAMPLE = PROJECT / "seeds"
SEED_SUFFIXES = {".txt", ".md"}


@dataclass(frozen=True)
class Measurement:
    basis: str  # "this briefing", "bundled sample" or "none"
    scores: tuple[Score, ...] = ()
    sources: int = 0  # how many sources the scores were measured on


def sample_ids(seeds: Path) -> frozenset[str]:
    if not seeds.is_dir():
        return frozenset()
    return frozenset(p.stem for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)


def measure(briefing: Briefing, gold: Path = GOLD, sample: Path = SAMPLE) -> Measurement:
    if not any(gold.glob("*.yml")):
        return Measurement("none")
    annotated = sample_ids(sample)
    if annotated and {s.id for s in briefing.sources} == annotated:
        return Measurement("this briefing", tuple(score_all(briefing, gold)), len(briefing.sources))
    if not annotated:
        return Measurement("none")
    scores, n = _sample_scores(str(gold), str(sample))
    return Measurement("bundled sample", scores, n)


@lru_cache(maxsize=4)
def _sample_scores(gold: str, sample: str) -> tuple[tuple[Score, ...], int]:
    # Building the sample briefing parses it again; once per process is enough.
    from generator import pipeline

    briefing = pipeline.build_briefing(Path(sample))
    return tuple(score_all(briefing, Path(gold))), len(briefing.sources)


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def pages(ctx: Context) -> dict[str, str]:
    return {"method.md": ctx.render("method.md.j2", "method.md", measured=measure(ctx.briefing), pct=pct)}
