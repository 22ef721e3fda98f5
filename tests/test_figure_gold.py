"""Figures on real coverage of other stories, against gold written by reading the articles.

The articles are the development corpora (not part of the project); set BRIEFING_CORPORA to
their folder when it is not next to the project as `../shared/corpora`. The test prints
precision and recall for value + subject + claimant and asserts the figures measured when the
extractor was last changed, as a floor: a change that loses figures fails here."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator import clean, merge, pipeline, read
from generator.model import Briefing, Figure
from generator.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "figures_real.yml"
CORPORA = Path(os.environ.get("BRIEFING_CORPORA", ROOT.parent / "shared" / "corpora"))

# Measured, rounded down: dev 94 of 101 found, 94 of 109 gold; held-out 22 of 23, 22 of 26.
# (dev was 96 before the quote speakers' abstention: two claimants now come out as "a report"
# or nobody where a named source was meant.)
PRECISION_FLOOR = 0.93
RECALL_FLOOR = 0.86
HELD_OUT_PRECISION_FLOOR = 0.95
HELD_OUT_RECALL_FLOOR = 0.84


def _numbers(value) -> tuple[float, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(float(v) for v in value if v is not None)
    return (float(value),)


def _same_value(gold, found) -> bool:
    """The same stated numbers; an open side ("at least", "past") counts as stated either way,
    since the gold and the extractor may read "past the $1 billion mark" differently."""
    g, f = _numbers(gold), _numbers(found)
    return len(g) == len(f) and all(abs(a - b) <= 1e-6 * max(1.0, abs(a)) for a, b in zip(g, f))


def _subject_ok(keys: list[str], subject: str) -> bool:
    words = subject.casefold().replace("-", " ").split()
    return any(any(w.startswith(k.casefold()) for w in words) or k.casefold() in subject.casefold()
               for k in keys)


def _claimant_ok(claimants, f: Figure, names: dict[str, list[str]]) -> bool:
    accepted = claimants if isinstance(claimants, list) else [claimants]
    said = [n for n in [f.claimant_text, *names.get(f.claimant or "", [])] if n]
    if not said:
        return None in accepted
    return any(c is not None and any(c.casefold() in s.casefold() or s.casefold() in c.casefold() for s in said)
               for c in accepted)


def _articles(entries: list[dict], prefix: str):
    if not CORPORA.is_dir():
        # The articles are the corpora's, not the project's: a clone without them cannot measure,
        # but CI, which has them, must (as the browser tests fail there instead of skipping).
        message = f"the development corpora are not at {CORPORA}: set BRIEFING_CORPORA to their folder"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    out = []
    for i, entry in enumerate(entries):
        path = CORPORA / entry["file"]
        seed, _ = read.read_seed(path, entry["file"])
        assert seed is not None, entry["file"]
        article = clean.clean(seed)
        out.append(replace(article, id=f"{prefix}{i:02d}_{path.stem}"))
    return out


def _briefing(articles) -> Briefing:
    settings = Settings()
    return merge.merge(articles, pipeline.analyse(articles, settings), settings)


def _measure(entries: list[dict], prefix: str) -> tuple[float, float]:
    articles = _articles(entries, prefix)
    briefing = _briefing(articles)
    names = {a.id: [a.name, *a.aliases] for a in briefing.actors}
    line_of = {(a.id, p.n): p.line for a in articles for p in a.paragraphs}
    found = [(w.source, line_of[w.source, w.paragraph], f) for f in briefing.figures for w in f.sources]
    used: set[int] = set()
    matched = value_only = 0
    misses = []
    total = 0
    for article, entry in zip(articles, entries):
        for line, value, unit, keys, claimants in entry["figures"]:
            total += 1
            here = [i for i, (s, p, f) in enumerate(found) if s == article.id and p == line and i not in used
                    and _same_value(value, f.value)]
            if here:
                value_only += 1
            best = next((i for i in here if _subject_ok(keys, found[i][2].subject)
                         and _claimant_ok(claimants, found[i][2], names)), None)
            if best is None:
                near = [(found[i][2].subject, found[i][2].claimant_text) for i in here]
                misses.append(f"{article.id} line {line}: {value} {unit} {keys} by {claimants}; got {near}")
            else:
                used.add(best)
                matched += 1
    extras = [f"{s} line {p}: {f.value} {f.unit} '{f.subject}' by {f.claimant_text} <{f.expression}>"
              for i, (s, p, f) in enumerate(found) if i not in used]
    precision = matched / len(found) if found else 0.0
    recall = matched / total
    print(f"\n{prefix}: {len(entries)} articles, {total} gold, {len(found)} found, {matched} matched "
          f"(value only: {value_only}); precision {precision:.2f}, recall {recall:.2f}")
    print("missing:\n  " + "\n  ".join(misses))
    print("extra:\n  " + "\n  ".join(extras))
    return precision, recall


def test_figures_on_real_coverage_reach_their_measured_precision_and_recall():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    precision, recall = _measure(gold["articles"], "dev")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR


def test_figures_on_articles_the_rules_were_not_shaped_by():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    precision, recall = _measure(gold["held_out"], "held-out")
    assert precision >= HELD_OUT_PRECISION_FLOOR and recall >= HELD_OUT_RECALL_FLOOR
