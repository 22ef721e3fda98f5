"""Benchmark: syndication detection (merge.sources.link) on synthetic seed sets.

Run: python bench/syndication.py [N ...]   (default 100 300 1000 2000 sources)

Two corpora per N:
- `random`: 5-15 paragraphs of 20-60 random words per source; one source in ten copies the
  first paragraphs of an earlier one, and one in twenty is a lightly edited copy of one wire
  story (so that story is carried by N/20 sources).
- `synth`: the articles of tests/support/synth.py (about 600 words from templates, with stock
  sentences that most sources share), read and cleaned as seeds are.

Prints, per corpus and N: candidate pairs (what `link` compares), seconds for `link`, and
the sources found to be copies. Time and pairs should grow about linearly with N: a text
carried by many sources pairs each of them with its first carriers only, never every two.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import synth  # noqa: E402

from generator import clean, read  # noqa: E402
from generator.merge import sources  # noqa: E402
from generator.merge.sources.candidates import candidates  # noqa: E402
from generator.merge.sources.signatures import Text  # noqa: E402
from generator.model import Article, Paragraph  # noqa: E402


def corpus(n: int, rng: random.Random) -> list[Article]:
    vocabulary = [f"w{i}" for i in range(20000)]
    wire = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 60))) for _ in range(8)]
    articles: list[Article] = []
    for i in range(n):
        if i % 20 == 10:
            texts = [t.replace(t.split()[0], rng.choice(vocabulary), 1) if rng.random() < 0.3 else t for t in wire]
        elif i and rng.random() < 0.1:
            original = articles[rng.randrange(len(articles))]
            texts = [p.text for p in original.paragraphs[: rng.randint(2, len(original.paragraphs))]]
        else:
            texts = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 60))) for _ in range(rng.randint(5, 15))]
        paragraphs = tuple(Paragraph(k, t, k) for k, t in enumerate(texts, start=1))
        articles.append(Article(id=f"s{i:05}", path=f"seeds/s{i:05}.txt", title="t", paragraphs=paragraphs))
    return articles


def synthetic(n: int) -> list[Article]:
    with tempfile.TemporaryDirectory() as folder:
        synth.write_seeds(Path(folder), n)
        seeds, _ = read.read_seeds(Path(folder))
    return clean.clean_all(seeds)


def main(sizes: list[int]) -> None:
    print(f"{'corpus':>7} {'sources':>8} {'pairs':>8} {'seconds':>8} {'copies':>7}")
    for name, make in (("random", lambda n: corpus(n, random.Random(1))), ("synth", synthetic)):
        for n in sizes:
            articles = make(n)
            pairs = len(candidates([Text.of(a) for a in articles]))
            start = time.perf_counter()
            linked = sources.link(articles)
            took = time.perf_counter() - start
            copies = sum(1 for s in linked if s.duplicate_of)
            print(f"{name:>7} {n:>8} {pairs:>8} {took:>8.2f} {copies:>7}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 300, 1000, 2000])
