"""Benchmark: syndication detection (merge.sources.link) on synthetic seed sets.

Run: python bench/syndication.py [N ...]   (default 250 500 1000 2000 sources)
Each set has 5-15 paragraphs of 20-60 random words per source; one source in ten copies
the first paragraphs of an earlier one. Prints seconds per set and copies found: the
time should grow about linearly with N (candidates come from LSH and a run index, never
from comparing every pair).
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.merge.sources import link  # noqa: E402
from generator.model import Article, Paragraph  # noqa: E402


def corpus(n: int, rng: random.Random) -> list[Article]:
    vocabulary = [f"w{i}" for i in range(20000)]
    articles: list[Article] = []
    for i in range(n):
        if i and rng.random() < 0.1:
            original = articles[rng.randrange(len(articles))]
            texts = [p.text for p in original.paragraphs[: rng.randint(2, len(original.paragraphs))]]
        else:
            texts = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 60))) for _ in range(rng.randint(5, 15))]
        paragraphs = tuple(Paragraph(k, t, k) for k, t in enumerate(texts, start=1))
        articles.append(Article(id=f"s{i:05}", path=f"seeds/s{i:05}.txt", title="t", paragraphs=paragraphs))
    return articles


def main(sizes: list[int]) -> None:
    print(f"{'sources':>8} {'seconds':>8} {'copies':>7}")
    for n in sizes:
        articles = corpus(n, random.Random(1))
        start = time.perf_counter()
        sources = link(articles)
        took = time.perf_counter() - start
        print(f"{n:>8} {took:>8.2f} {sum(1 for s in sources if s.duplicate_of):>7}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000, 2000])
