"""Benchmark: merging event reports across sources grows near-linearly with their number.

Reports are bucketed by (precision, date) and compared only inside a bucket. This builds
synthetic extractions (no parsing) spread over a story of `--days` days and times
`merge_events` for doubling report counts; the time per report should stay roughly flat.

    python bench/chronology.py [--days 60] [--max 16000]
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from generator.merge.actors import ActorIndex
from generator.merge.events import merge_events
from generator.model import Article, EventClaim, Extraction, Paragraph, Source, TimeExpression, Where

COMMON = [f"common{i}" for i in range(5)]  # words in most reports (the story's main actors)
EVENTS_PER_DAY = 8


def synthetic(n: int, days: int, seed: int = 1) -> tuple[list[Extraction], list[Source]]:
    """n reports from sources of 20 reports each; each report tells one of a few events a day,
    in four of that event's own ten words plus three of the story's common words."""
    rng = random.Random(seed)
    per_source = 20
    extractions, sources = [], []
    start = date(2020, 1, 1)
    for s in range(0, n, per_source):
        sid = f"s{s // per_source:05d}"
        published = start + timedelta(days=rng.randrange(days))
        sources.append(Source(Article(id=sid, path=f"seeds/{sid}.txt", title=sid,
                                      paragraphs=(Paragraph(1, "x", 1),), published=published.isoformat())))
        claims = []
        for k in range(min(per_source, n - s)):
            day = published - timedelta(days=rng.randrange(7))
            event = f"{day.isoformat()}-{rng.randrange(EVENTS_PER_DAY)}"
            own = rng.sample([f"{event}-w{i}" for i in range(10)], 4)
            where = Where(sid, k + 1, 0, 10)
            t = TimeExpression("Monday", where, day.isoformat(), "day", published.isoformat(), "front matter",
                               kind="weekday", anchor_source=sid)
            claims.append(EventClaim(text=f"sentence {k}", time=t, where=where,
                                     terms=tuple(sorted(own + rng.sample(COMMON, 3)))))
        extractions.append(Extraction(source=sid, times=tuple(c.time for c in claims), events=tuple(claims)))
    return extractions, sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--max", type=int, default=16000)
    args = parser.parse_args()
    n = 1000
    print(f"{'reports':>8} {'events':>7} {'seconds':>8} {'µs/report':>10}")
    while n <= args.max:
        extractions, sources = synthetic(n, args.days)
        t0 = time.perf_counter()
        events = merge_events(extractions, ActorIndex(), sources)
        elapsed = time.perf_counter() - t0
        print(f"{n:>8} {len(events):>7} {elapsed:>8.2f} {elapsed / n * 1e6:>10.0f}")
        n *= 2


if __name__ == "__main__":
    main()
