"""Extraction quality against gold annotations written by reading the seeds (tests/gold/).

Each module here scores one part (actors, quotes, events) and returns Scores; the
`score` command prints them and the Method page shows them.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model import Briefing, Where


@dataclass(frozen=True)
class Score:
    part: str  # e.g. "actors"
    measure: str  # e.g. "people and organisations"
    tp: int
    fp: int
    fn: int
    note: str = ""

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


def spans_of(briefing: Briefing, source: str, text: str) -> list[Where]:
    """Every paragraph of the source that holds the gold text, with the text's span in it:
    gold is written as quoted text, so scorers locate it in the cleaned paragraphs."""
    return [
        Where(source, p.n, at, at + len(text))
        for s in briefing.sources if s.id == source
        for p in s.article.paragraphs if (at := p.text.find(text)) >= 0
    ]


def load_gold(gold_dir: Path, part: str) -> dict | None:
    path = gold_dir / f"{part}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def score_all(briefing: Briefing, gold_dir: Path) -> list[Score]:
    """Scores of every part that has a gold file; parts without one are skipped."""
    import generator.scoring as package

    scores: list[Score] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        gold = load_gold(gold_dir, info.name)
        if gold is not None:
            module = importlib.import_module(f"generator.scoring.{info.name}")
            scores.extend(module.score(briefing, gold))
    return scores


def format_table(scores: list[Score]) -> str:
    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    rows = [f"{'part':<10} {'measure':<40} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>6} {'f1':>5}"]
    for s in scores:
        rows.append(f"{s.part:<10} {s.measure:<40} {s.tp:>4} {s.fp:>4} {s.fn:>4} {pct(s.precision):>9} {pct(s.recall):>6} {pct(s.f1):>5}")
    notes = [f"  {s.part} / {s.measure}: {s.note}" for s in scores if s.note]
    if notes:
        rows += ["", "Where the errors are:", *notes]
    return "\n".join(rows)
