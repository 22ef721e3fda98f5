"""Profile the per-article extract stage alone, with every parse read from the parse cache.

    python bench/profile_extract.py SEEDS [--top 40] [--sort tottime|cumulative] [--repeat 1]

Reads and cleans the seeds, parses them (through `nlp.parse` with a parse store, so a second run
parses nothing), then times `extract.extract` over every article under cProfile and prints the
hot spots, the extract stage's words/s, and the same without the profiler (`--repeat` times).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cache, clean, extract, nlp, pipeline, read  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args()
    seeds, _ = read.read_seeds(args.seeds)
    articles = clean.clean_all(seeds)
    words = sum(a.word_count for a in articles)
    store = cache.Cache(cache.default_folder() / pipeline.PARSES, ".spacy")
    start = time.perf_counter()
    docs = nlp.parse(articles, store=store)
    print(f"{len(articles)} articles, {words:,} words; parses loaded in {time.perf_counter() - start:.2f} s")
    extract.extract(articles[0], docs[articles[0].id])  # load the rules outside the timings
    if not args.no_profile:
        profile = cProfile.Profile()
        profile.enable()
        for article in articles:
            extract.extract(article, docs[article.id])
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
    for _ in range(args.repeat):
        start = time.perf_counter()
        for article in articles:
            extract.extract(article, docs[article.id])
        took = time.perf_counter() - start
        print(f"extract: {took:.2f} s, {words / took:,.0f} words/s")


if __name__ == "__main__":
    main()
