"""What one article is reduced to for comparing it with others: its paragraphs as words, their
shingles and passages, the indexes from those to the paragraphs, and each paragraph's MinHash.

Everything here is a function of one article (or one paragraph) alone.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, cached_property
from itertools import chain

import numpy

from generator import lexicon
from generator.model import Article

SHINGLE_WORDS = 3  # MinHash shingles: word 3-grams of one paragraph
NUM_PERM = 64
LSH_THRESHOLD = 0.3  # estimated Jaccard that makes two paragraphs a candidate pair
PASSAGE_WORDS = lexicon.thresholds("sources")["passage_words"]  # a shared run of this many words is a shared passage
_WORD = re.compile(r"\w+")

# What datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) chooses; importing
# datasketch costs ~3 s of every build (it loads scipy to choose them), so the choice is written
# here and a test checks it against datasketch.
BANDS, ROWS = 21, 3


def words_of(text: str) -> list[str]:
    # Case, punctuation and quote styles differ between copies of one text; words do not.
    return _WORD.findall(text.casefold())


def _grams(words: Sequence[str], n: int) -> frozenset[str]:
    if len(words) < n:
        return frozenset({" ".join(words)} if words else ())
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def _numbered(words: Sequence[str]) -> frozenset[str]:
    """The words, a repeat marked with its number ("the", "the 2", …): the size of two
    paragraphs' intersection is then how many words they have in common, repeats included."""
    distinct = frozenset(words)
    if len(distinct) == len(words):
        return distinct
    numbered: set[str] = set()
    for w in words:
        token, n = w, 1
        while token in numbered:
            n += 1
            token = f"{w} {n}"
        numbered.add(token)
    return frozenset(numbered)


def rank(a: Article) -> tuple[str, int, str]:
    """Which of two copies is the original: the earlier dated, then the longer, then by id."""
    return (a.published or "9999-99-99", -a.word_count, a.id)


@dataclass(frozen=True)
class Text:
    """One article's paragraphs as words, its whole text for containment checks, and
    indexes from shingles and passages to the paragraphs that hold them."""

    article: Article
    words: tuple[tuple[str, ...], ...]
    joined: str  # " w1 w2 … " over all paragraphs
    starts: tuple[int, ...]  # offset in `joined` where each paragraph begins

    @classmethod
    def of(cls, article: Article) -> Text:
        words = tuple(tuple(words_of(p.text)) for p in article.paragraphs)
        starts, offset = [], 1
        for w in words:
            starts.append(offset)
            offset += sum(len(x) + 1 for x in w)
        return cls(article, words, " " + " ".join(" ".join(w) for w in words if w) + " ", tuple(starts))

    @cached_property
    def digest(self) -> str:
        """Identifies the paragraphs' words, which are all a comparison reads."""
        return hashlib.sha256("\n".join(" ".join(w) for w in self.words).encode()).hexdigest()

    @cached_property
    def rank(self) -> tuple[str, int, str]:
        return rank(self.article)  # counts the article's words: once per article, not per use

    @cached_property
    def size(self) -> int:
        return sum(1 for w in self.words if w)

    @cached_property
    def shingles(self) -> tuple[frozenset[str], ...]:
        return tuple(_grams(w, SHINGLE_WORDS) for w in self.words)

    @cached_property
    def shingle_index(self) -> dict[str, tuple[int, ...]]:
        return _index(self.shingles)

    @cached_property
    def all_shingles(self) -> frozenset[str]:
        return frozenset().union(*self.shingles)

    @cached_property
    def runs(self) -> tuple[frozenset[str], ...]:
        return tuple(_grams(w, PASSAGE_WORDS) if len(w) >= PASSAGE_WORDS else frozenset() for w in self.words)

    @cached_property
    def run_index(self) -> dict[str, tuple[int, ...]]:
        return _index(self.runs)

    @cached_property
    def all_runs(self) -> frozenset[str]:
        return frozenset().union(*self.runs)

    @cached_property
    def needles(self) -> tuple[tuple[str, str], ...]:
        """Each paragraph as " w1 … wn ", to look for in another text's `joined`, with its
        first shingle, where a copy of it must start."""
        return tuple((" " + " ".join(w) + " ", " ".join(w[:SHINGLE_WORDS])) for w in self.words)

    @cached_property
    def tokens(self) -> tuple[frozenset[str], ...]:
        return tuple(_numbered(w) for w in self.words)

    @cached_property
    def _matchers(self) -> dict[int, SequenceMatcher]:
        return {}

    # Only comparing reads these, and a rebuild compares little but the edited text: a kept
    # text drops them (matchers and indexes take more memory than the words) until needed.
    _COMPARING = ("shingle_index", "all_shingles", "run_index", "all_runs", "needles", "tokens", "_matchers")

    def forget_comparing(self) -> None:
        for name in self._COMPARING:
            self.__dict__.pop(name, None)

    def matcher(self, k: int) -> SequenceMatcher:
        """A matcher against paragraph k: SequenceMatcher indexes its second sequence once
        and keeps that index while the first one changes."""
        found = self._matchers.get(k)
        if found is None:
            found = self._matchers[k] = SequenceMatcher(None, (), self.words[k], autojunk=False)
        return found

    def paragraphs_at(self, start: int, end: int) -> list[int]:
        """Paragraph numbers (1-based) covering the span [start, end) of `joined`."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_left(self.starts, end) - 1
        return [k + 1 for k in range(max(first, 0), last + 1) if self.words[k]]


def _index(grams: Sequence[frozenset[str]]) -> dict[str, tuple[int, ...]]:
    """Which paragraphs hold each gram, built a paragraph at a time: most grams are in one."""
    index: dict[str, tuple[int, ...]] = {}
    seen: set[str] = set()
    repeated: set[str] = set()
    for k, found in enumerate(grams):
        repeated |= seen & found
        seen |= found
        index.update(dict.fromkeys(found, (k,)))
    if repeated:
        holding: dict[str, list[int]] = defaultdict(list)
        for k, found in enumerate(grams):
            for g in found & repeated:
                holding[g].append(k)
        index.update((g, tuple(ks)) for g, ks in holding.items())
    return index


def bands() -> list[tuple[int, int]]:
    """The rows of a MinHash that make each LSH band (`candidates.buckets` reads them as these slices)."""
    return [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]


@cache  # constants of the MinHash scheme, computed once per process
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """datasketch's MinHash(num_perm=NUM_PERM, seed=1) "affine32" parameters: odd a, any b."""
    gen = numpy.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return a, b


def _sha1_hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def minhashes(sets: Sequence[frozenset[str]]) -> list[bytes]:
    """The hash values of datasketch's MinHash(num_perm=NUM_PERM, seed=1) over each set, for all
    sets at once: a MinHash per set spends more on numpy calls than on hashing. Its default scheme
    ("affine32") mixes each element's SHA-1 hash with the MurmurHash3 finalizer, permutes it
    as a * h + b mod 2^32 and keeps the least per permutation."""
    a, b = _permutations()
    number = {g: n for n, g in enumerate(frozenset().union(*sets))}
    h = numpy.fromiter((_sha1_hash32(g.encode()) for g in number), dtype=numpy.uint32, count=len(number))
    for shift, multiplier in ((16, 0x85EBCA6B), (13, 0xC2B2AE35)):
        h ^= h >> numpy.uint32(shift)
        h *= numpy.uint32(multiplier)
    h ^= h >> numpy.uint32(16)
    values: list[bytes] = []
    for start in range(0, len(sets), 1024):  # 1,024 sets at a time bound the memory used
        chunk = sets[start : start + 1024]
        sizes = numpy.fromiter(map(len, chunk), dtype=numpy.int64, count=len(chunk))
        elements = numpy.fromiter(chain.from_iterable(map(number.__getitem__, c) for c in chunk), dtype=numpy.int64)
        permuted = h[elements][:, None] * a + b
        least = numpy.minimum.reduceat(permuted, numpy.cumsum(sizes) - sizes, axis=0)
        values.extend(row.tobytes() for row in least)
    return values
