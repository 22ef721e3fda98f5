"""How merging quotes scales: time to merge N synthetic claims spread over sources.

Run: python bench/bench_quotes_merge.py [N ...]. Doubling N should roughly double the
time (the shingle index keeps it near-linear); all-pairs comparison would quadruple it.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.merge.actors import ActorIndex  # noqa: E402
from generator.merge.quotes import merge_quotes  # noqa: E402
from generator.model import Article, Extraction, Paragraph, QuoteClaim, Source, Where  # noqa: E402

WORDS = "the council river bridge water mayor will said rebuild homes flood road night storm power".split()


def corpus(n: int, per_source: int = 20, seed: int = 7):
    rng = random.Random(seed)
    statements = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 25))) for _ in range(max(1, n // 3))]
    sources, extractions = [], []
    for s in range(max(1, n // per_source)):
        sid = f"s{s:05d}"
        texts = [rng.choice(statements) for _ in range(per_source)]
        paragraphs = tuple(Paragraph(i + 1, t) for i, t in enumerate(texts))
        sources.append(Source(Article(sid, f"seeds/{sid}.txt", sid, paragraphs)))
        claims = tuple(QuoteClaim(t, "direct", None, "said", Where(sid, i + 1, 0, len(t))) for i, t in enumerate(texts))
        extractions.append(Extraction(sid, quotes=claims))
    return extractions, sources


def main(sizes: list[int]) -> None:
    for n in sizes:
        extractions, sources = corpus(n)
        start = time.perf_counter()
        merged = merge_quotes(extractions, ActorIndex(), sources)
        elapsed = time.perf_counter() - start
        print(f"{n:>7} claims -> {len(merged):>6} rows in {elapsed:6.2f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 2000, 4000, 8000])
