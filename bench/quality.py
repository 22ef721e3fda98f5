"""Extraction quality, measured and written down for the Method page.

    python bench/quality.py CORPORA/score.py      # writes generator/measured/quality.json

Two kinds of figure, kept apart because they mean different things:
- sample: `generator score` on the bundled seeds against tests/gold/ — the articles the rules were
  first written from, so these figures are an upper bound, not an estimate;
- real: the scorer of a folder of annotated real news (PolNeAR attributions, NewsWCL50 actors,
  TimeBank time expressions; its docstring defines every figure), run over every cluster it
  finds, which builds each with this project's CLI.
The Method page shows both, labelled, with the date and commit they were measured at; it never
runs the pipeline itself. Re-run this after any change to extraction: a test fails when the
sample figures no longer match the code.
"""
from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.pages.method import QUALITY  # noqa: E402


def sample_rows(seeds: Path = ROOT / "seeds", gold: Path = ROOT / "tests" / "gold") -> list[dict]:
    """The bundled seeds scored against the gold written by reading them, as counts only: a
    score's note quotes the sample's text, and the package names no story."""
    from generator import pipeline
    from generator.scoring import score_all

    return [{"part": s.part, "measure": s.measure, "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for s in score_all(pipeline.build_briefing(seeds), gold)]


def real_figures(scorer: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        subprocess.run([sys.executable, str(scorer), "--json", str(out)], cwd=ROOT, check=True)
        report = json.loads(out.read_text(encoding="utf-8"))
    # Counted, not named: the generator's package names no corpus.
    articles = {m.parent.name: len(json.loads(m.read_text(encoding="utf-8"))["articles"])
                for m in scorer.parent.rglob("meta.json")}
    sets: dict[str, dict] = {}
    for name, cluster in sorted(report["clusters"].items()):
        counts = sets.setdefault(cluster["kind"], {"clusters": 0, "articles": 0})
        counts["clusters"] += 1
        counts["articles"] += articles.get(name, 0)
    for kind, totals in report["totals"].items():
        sets[kind]["totals"] = totals
    return sets


def commit() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scorer", type=Path, help="score.py of the annotated corpora")
    parser.add_argument("--out", type=Path, default=QUALITY)
    args = parser.parse_args()
    data = {
        "measured": datetime.date.today().isoformat(),
        "commit": commit(),
        "sample": sample_rows(),
        "real": real_figures(args.scorer.resolve()),
    }
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
