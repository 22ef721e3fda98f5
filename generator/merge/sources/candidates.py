"""Which pairs of sources are compared: those sharing a key, kept near-linear in the sources.

Candidate pairs come from keys that sources share: the LSH buckets of each paragraph's
word shingles (similar paragraphs) and runs of PASSAGE_WORDS words (shared passages; a run
carried by more than BOILERPLATE_SOURCES sources is boilerplate and is no key). A paragraph
that several sources carry verbatim is one LSH entry with the list of its holders, and the
buckets are walked band by band, so finding them costs the buckets' sizes, not the pairs.

Each paragraph of a source meets the first EARLIEST other sources, in `rank` order (earliest
dated, then longest, then id), among those sharing a key with it; a source keeps the PARTNERS
it met through the most paragraphs (ties to the better ranked), and a pair is compared when
either of its sources keeps the other. Among a few sources this is every pair that shares a
key. A text carried widely (a wire story syndicated by dozens of outlets, a stock sentence)
would otherwise pair every two of its carriers: comparisons growing with the square of their
number, that tell a fact-checker nothing the first carriers do not, since what matters is
which earliest source(s) the text comes from. A copy meets its original through every
paragraph it took, and the original ranks before its copies, so `duplicate_of` still points
to it; a passage two sources alone share is found unless both share more with PARTNERS
others. Overlaps among the later carriers of a widely carried text are not reported.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import chain

import numpy

from generator import lexicon
from generator.merge.sources.signatures import BANDS, ROWS, Text, minhashes

_LIMITS = lexicon.thresholds("sources")  # data/thresholds.yml
BOILERPLATE_SOURCES = _LIMITS["boilerplate_sources"]  # a run in more sources than this is boilerplate, not a passage
EARLIEST = _LIMITS["earliest"]  # a paragraph pairs its source with this many of the first others sharing a key with it
PARTNERS = _LIMITS["partners"]  # of those, the sources each source is compared with: the ones met most often

# The MinHashes of distinct paragraphs (as words) from their shingles: `signatures.minhashes`, or
# a kept memory's, which hashes only the paragraphs it has not met.
Hasher = Callable[[Sequence[tuple[str, ...]], Sequence[frozenset[str]]], list[bytes]]


def _hash_all(paragraphs: Sequence[tuple[str, ...]], shingles: Sequence[frozenset[str]]) -> list[bytes]:
    return minhashes(shingles)


def buckets(values: Sequence[bytes]) -> list[list[int]]:
    """The LSH buckets (over all bands) that hold more than one of the MinHashes `values`."""
    if not values:
        return []
    rows = numpy.frombuffer(b"".join(values), dtype=numpy.uint32).reshape(len(values), -1).astype(numpy.uint64)
    # One key per (MinHash, band), read as two numbers: the band and its first row, then its
    # other two rows (ROWS is 3). Sorted, equal keys are neighbours: a run of them is a bucket.
    band = numpy.arange(BANDS, dtype=numpy.uint64) << numpy.uint64(32)
    high = (band | rows[:, 0 : BANDS * ROWS : ROWS]).reshape(-1)
    low = (rows[:, 1 : BANDS * ROWS : ROWS] << numpy.uint64(32) | rows[:, 2 : BANDS * ROWS : ROWS]).reshape(-1)
    order = numpy.lexsort((low, high))
    high, low = high[order], low[order]
    starts = numpy.flatnonzero(numpy.concatenate(([True], (high[1:] != high[:-1]) | (low[1:] != low[:-1]), [True])))
    shared = numpy.flatnonzero(numpy.diff(starts) > 1)
    held = (order // BANDS).tolist()
    return [held[a:b] for a, b in zip(starts[shared].tolist(), starts[shared + 1].tolist())]


def _sharing(texts: Sequence[Text], hasher: Hasher) -> list[tuple[frozenset[int], list[int]]]:
    """Each distinct paragraph, as the sources holding it, with the first EARLIEST + 1 (the
    smallest numbers) of the sources that share a key with it, its own holders included: an
    LSH bucket of similar paragraphs, or a run (not boilerplate)."""
    number: dict[tuple[str, ...], int] = {}
    holders: list[set[int]] = []
    shingles: list[frozenset[str]] = []
    runs: list[frozenset[str]] = []
    for i, t in enumerate(texts):
        for k, words in enumerate(t.words):
            if words:
                u = number.setdefault(words, len(number))
                if u == len(holders):
                    holders.append(set())
                    shingles.append(t.shingles[k])
                    runs.append(t.runs[k])
                holders[u].add(i)
    held = [frozenset(h) for h in holders]
    # One more than EARLIEST, as a source is not its own partner; the first of a union are
    # among the first of its parts, so each key's set of sources is cut to its first at once.
    first = EARLIEST + 1
    nearby = [sorted(h)[:first] for h in held]
    # Grouping each band's keys finds what MinHashLSH queries would, at the cost of the
    # buckets' sizes rather than of the pairs they make. Similar paragraphs share a bucket
    # in many bands: each set of paragraphs is looked at once.
    for bucket in set(map(tuple, buckets(hasher(list(number), shingles)))):
        firsts = sorted(frozenset().union(*map(held.__getitem__, bucket)))[:first]
        for u in bucket:
            nearby[u].extend(firsts)
    # A run in one distinct paragraph adds no source to it: counting the runs first leaves
    # only those several paragraphs share to look at one by one.
    repeated = {run for run, n in Counter(chain.from_iterable(runs)).items() if n > 1}
    holding: dict[str, list[int]] = defaultdict(list)
    for u, mine in enumerate(runs):
        for run in mine & repeated:
            holding[run].append(u)
    for us in holding.values():
        carriers = frozenset().union(*map(held.__getitem__, us))
        if len(carriers) <= BOILERPLATE_SOURCES:
            firsts = sorted(carriers)[:first]
            for u in us:
                nearby[u].extend(firsts)
    return [(h, sorted(set(near))[:first]) for h, near in zip(held, nearby)]


def candidates(texts: Sequence[Text], hasher: Hasher = _hash_all) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of `texts` to compare."""
    # Sources are numbered here in `rank` order, so the first of a set are its smallest.
    order = sorted(range(len(texts)), key=lambda i: texts[i].rank)
    met: list[Counter[int]] = [Counter() for _ in texts]
    for held, nearby in _sharing([texts[i] for i in order], hasher):
        if len(nearby) > 1:
            for x in held:
                met[x].update([y for y in nearby if y != x][:EARLIEST])
    pairs: set[tuple[int, int]] = set()
    for x, others in enumerate(met):
        # Met most often first, then the better ranked (the sort is stable).
        for y in sorted(sorted(others), key=others.__getitem__, reverse=True)[:PARTNERS]:
            pairs.add((min(order[x], order[y]), max(order[x], order[y])))
    return sorted(pairs)
