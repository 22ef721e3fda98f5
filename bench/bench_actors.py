"""Alias resolution time and memory as the number of mentions grows (synthetic names).

Run: python bench/bench_actors.py [sizes...]
Each size is a number of distinct people; every person is mentioned with a full name,
a variant spelling, a surname alone and a role, spread over sources of 20 paragraphs.
The time per mention should stay roughly flat (the resolver indexes by keys).
"""
from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.merge.actors import resolve  # noqa: E402
from generator.model import Extraction, Mention, RoleClaim, Where  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "zu", "bra", "dan", "fe", "gor", "hil", "jo", "nar", "pel", "qui", "sten", "ul", "wex"]


def name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def extractions(people: int) -> list[Extraction]:
    rng = random.Random(people)
    names = sorted({name(rng) for _ in range(people)})
    per_source = 50
    out = []
    for s in range(0, len(names), per_source):
        source = f"s{s // per_source:05d}"
        mentions, roles = [], []
        for i, full in enumerate(names[s : s + per_source]):
            p = i % 20 + 1
            variant = full[:-1] + ("y" if full.endswith("i") else full[-1] * 2)
            surname = full.split()[-1]
            mentions += [
                Mention(full, "person", Where(source, p, 0, len(full)), "PERSON"),
                Mention(variant, "person", Where(source, p, 100, 100 + len(variant)), "PERSON"),
                Mention(surname, "person", Where(source, p, 200, 200 + len(surname)), "PERSON"),
            ]
            roles += [RoleClaim(full, "spokesman for the council", Where(source, p)), RoleClaim(variant, "spokesman", Where(source, p, 100))]
        out.append(Extraction(source, mentions=tuple(mentions), roles=tuple(roles)))
    return out


def main(sizes: list[int]) -> None:
    print(f"{'people':>8} {'mentions':>9} {'actors':>7} {'seconds':>8} {'µs/mention':>11} {'peak MB':>8}")
    for n in sizes:
        ex = extractions(n)
        count = sum(len(e.mentions) for e in ex)
        t = time.perf_counter()
        actors, _ = resolve([], ex)
        took = time.perf_counter() - t
        # Memory in a second run: tracing slows Python down too much to time the same run.
        tracemalloc.start()
        resolve([], ex)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"{n:>8} {count:>9} {len(actors):>7} {took:>8.2f} {1e6 * took / count:>11.1f} {peak:>8.1f}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [250, 500, 1000, 2000])
