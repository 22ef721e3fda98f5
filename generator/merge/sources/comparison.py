"""Two sources compared exactly, paragraph by paragraph: which paragraphs of A are in B verbatim,
nearly (light edits), or share a passage with it. `Comparisons` reuses what was compared before
(a build's stored comparisons, or a kept memory's) and records what one `link` read."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from generator import lexicon
from generator.merge.sources.signatures import Text

_LIMITS = lexicon.thresholds("sources")  # data/thresholds.yml
NEAR = _LIMITS["near"]  # word-sequence similarity for two paragraphs to count as the same, lightly edited
NEAR_CANDIDATES = _LIMITS["near_candidates"]  # paragraphs of B, sharing the most shingles, aligned word by word
SEQUENCE_MAX_WORDS = 2000  # longer pairs are compared by shingles only
COMPARED_MAX = 200_000  # comparisons kept at most; past this the kept ones are dropped
_HERE = Path(__file__).resolve().parent
# Stored comparisons are those of this code, of the signatures it reads and of their numbers.
CODE = hashlib.sha256(b"".join([*((_HERE / name).read_bytes() for name in ("comparison.py", "signatures.py")),
                                json.dumps(_LIMITS, sort_keys=True).encode()])).hexdigest()


@dataclass(frozen=True)
class Match:
    contained: int  # paragraphs of A found verbatim (as words) in B
    near: int  # further paragraphs of A that match a paragraph of B up to light edits
    passages: int  # further paragraphs of A that share a passage with B
    pairs: tuple[tuple[int, int], ...]
    covered: frozenset[int]  # paragraphs of B that A's matches cover


class Comparisons:
    """One `link`'s comparisons: `known` (kept from before, and added to), the pairs it read and
    the pairs it had to compare."""

    def __init__(self, known: dict[tuple[str, str], Match]) -> None:
        self.known = known
        self.used: set[tuple[str, str]] = set()
        self.fresh: list[tuple[str, str]] = []

    def compare(self, a: Text, b: Text) -> Match:
        key = (a.digest, b.digest)
        self.used.add(key)
        found = self.known.get(key)
        if found is None:
            if len(self.known) >= COMPARED_MAX:
                self.known.clear()
            found = self.known[key] = compare_texts(a, b)
            self.fresh.append(key)
        return found

    def dump(self) -> bytes:
        """The comparisons this `link` read, as JSON."""
        # `known` may also hold the pairs of texts since edited, up to COMPARED_MAX.
        rows = [[a, b, m.contained, m.near, m.passages, [list(p) for p in m.pairs], sorted(m.covered)]
                for (a, b) in sorted(k for k in self.used if k in self.known) for m in [self.known[(a, b)]]]
        return json.dumps(rows, separators=(",", ":")).encode()


def load(body: bytes) -> dict[tuple[str, str], Match]:
    """The comparisons `Comparisons.dump` wrote; anything malformed is ignored whole."""
    try:
        found = {}
        for a, b, contained, near, passages, pairs, covered in json.loads(body):
            if not all(type(x) is str for x in (a, b)) or not all(type(x) is int for x in (contained, near, passages)):
                raise TypeError("not a comparison")
            found[(a, b)] = Match(contained, near, passages, tuple((int(x), int(y)) for x, y in pairs),
                                  frozenset(int(n) for n in covered))
    except (ValueError, TypeError):
        return {}
    return found


def _nearest(a: Text, k: int, b: Text, likely: list[int]) -> int | None:
    """The paragraph of B among `likely` most like paragraph k of A word by word, if one
    reaches NEAR. The exact ratio is computed only where SequenceMatcher's cheap upper
    bounds (lengths, then words in common, both kept per paragraph) can reach NEAR: they
    settle the many candidates that share a few phrases and nothing more."""
    x, numbered, size = a.words[k], a.tokens[k], len(a.words[k])
    best_r, best = 0.0, None
    for j in likely:
        y = b.words[j]
        length = size + len(y)
        if length > SEQUENCE_MAX_WORDS:  # word alignment is quadratic; shingles are not
            r = len(a.shingles[k] & b.shingles[j]) / len(a.shingles[k] | b.shingles[j])
        elif 2 * min(size, len(y)) / length < NEAR or 2 * len(numbered & b.tokens[j]) / length < NEAR:
            continue
        else:
            matcher = b.matcher(j)
            matcher.set_seq1(x)
            r = matcher.ratio()
        if r >= NEAR and (best is None or (r, -j) > (best_r, -best)):
            best_r, best = r, j
    return best


def _contained_at(needle: str, first: str, b: Text) -> int:
    """Where the paragraph `needle` (" w1 … wn ") starts in B's text, or -1. Only starts
    inside a paragraph of B holding its first shingle are tried: a copy may run on into the
    next paragraphs of B, but it starts in one that has its first words."""
    for k in b.shingle_index.get(first, ()):
        lo = b.starts[k] - 1
        hi = (b.starts[k + 1] if k + 1 < len(b.starts) else len(b.joined)) + len(needle)
        at = b.joined.find(needle, lo, hi)
        if at >= 0:
            return at
    return -1


def compare_texts(a: Text, b: Text) -> Match:
    contained = near = passages = 0
    pairs: list[tuple[int, int]] = []
    covered: set[int] = set()
    for k, words in enumerate(a.words):
        n = k + 1
        # Each test below needs a shingle of this paragraph in B: its first words for a
        # containment, one in common for a near match, a run's shingles for a passage.
        shared = a.shingles[k] & b.all_shingles
        if not words or not shared:
            continue
        needle, first = a.needles[k]
        at = _contained_at(needle, first, b)
        if at >= 0:
            spanned = b.paragraphs_at(at + 1, at + len(needle) - 1)
            contained += 1
            pairs.append((n, spanned[0]))
            covered.update(spanned)
            continue
        sharing = [0] * len(b.words)
        for j in chain.from_iterable(map(b.shingle_index.__getitem__, shared)):
            sharing[j] += 1
        # Most shingles in common first, then in B's order (the sort is stable).
        likely = [j for j in sorted(range(len(sharing)), key=sharing.__getitem__, reverse=True)[:NEAR_CANDIDATES] if sharing[j]]
        best = _nearest(a, k, b, likely)
        if best is not None:
            near += 1
            pairs.append((n, best + 1))
            covered.add(best + 1)
            continue
        hits = sorted({j + 1 for j in chain.from_iterable(map(b.run_index.__getitem__, a.runs[k] & b.all_runs))})
        if hits:
            passages += 1
            pairs.append((n, hits[0]))
            covered.update(hits)
    return Match(contained, near, passages, tuple(pairs), frozenset(covered))
