"""Time of each stage on one line (paragraph) of 10, 20, 40 and 80 KB: time must grow linearly.

    python bench/long_lines.py [PATTERN ...] [--sizes 10,20,40,80]

Each pattern fills the line by repetition: `brackets` (a run of `[`, once minutes at 40 KB in the
tokenizer), `quote-cue` and `cue-quote` (short quotations with their speech verbs), `punctuation`
(mixed brackets, quotes and stops without spaces) and `prose` (news sentences, the baseline).
Stages: clean (read and clean the seed), parse (spaCy, nothing cached), extract, merge. The last
column is the time per KB, which stays flat when the stages are linear.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import clean, extract, merge, nlp  # noqa: E402
from generator.model import Seed  # noqa: E402
from generator.settings import Settings  # noqa: E402

PATTERNS = {
    "brackets": "[",
    "quote-cue": '"Yes," she said. ',
    "cue-quote": 'He said: "No." ',
    "punctuation": '[("."),]',
    "prose": "The harbour master said on Monday that the quay at Eastport would reopen within 12 days. ",
}


def line_of(pattern: str, kb: int) -> str:
    size = kb * 1000
    return (pattern * (size // len(pattern) + 1))[:size]


def run(pattern: str, kb: int) -> dict[str, float]:
    seed = Seed(id="long", path="seeds/long.txt", text=f"Long line test\n\n{line_of(pattern, kb)}\n")
    times: dict[str, float] = {}
    start = time.perf_counter()
    articles = clean.clean_all([seed])
    times["clean"] = time.perf_counter() - start
    start = time.perf_counter()
    docs = nlp.parse(articles, None)
    times["parse"] = time.perf_counter() - start
    start = time.perf_counter()
    extractions = [extract.extract(a, docs[a.id]) for a in articles]
    times["extract"] = time.perf_counter() - start
    start = time.perf_counter()
    merge.merge(articles, extractions, Settings(cache=False), [])
    times["merge"] = time.perf_counter() - start
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="*", choices=[[], *PATTERNS], metavar="PATTERN", help=", ".join(PATTERNS))
    parser.add_argument("--sizes", default="10,20,40,80", help="line sizes in KB (default: 10,20,40,80)")
    args = parser.parse_args(argv)
    nlp.load(None)
    run("prose", 1)  # load the extraction rules before timing
    print(f"{'pattern':<12} {'KB':>3} {'clean':>7} {'parse':>7} {'extract':>8} {'merge':>7} {'total':>7} {'s/KB':>6}")
    for pattern in args.patterns or PATTERNS:
        for kb in (int(k) for k in args.sizes.split(",")):
            t = run(PATTERNS[pattern], kb)
            total = sum(t.values())
            print(f"{pattern:<12} {kb:>3} {t['clean']:>7.2f} {t['parse']:>7.2f} {t['extract']:>8.2f} "
                  f"{t['merge']:>7.2f} {total:>7.2f} {total / kb:>6.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
