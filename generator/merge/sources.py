"""Sources across the seed set: which articles are copies of, or overlap with, which.

Candidates are found near-linearly: MinHash/LSH over each paragraph's word shingles finds
similar paragraphs, and an index of exact word runs finds shared passages (a run carried
by too many sources is boilerplate and indexes nothing). Only candidate pairs are then
compared exactly, paragraph by paragraph.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from difflib import SequenceMatcher

from datasketch import MinHash, MinHashLSH

from generator.model import Article, Overlap, Source

SHINGLE_WORDS = 3  # MinHash shingles: word 3-grams of one paragraph
NUM_PERM = 64
LSH_THRESHOLD = 0.3  # estimated Jaccard that makes two paragraphs a candidate pair
NEAR = 0.8  # word-sequence similarity for two paragraphs to count as the same, lightly edited
NEAR_CANDIDATES = 5  # paragraphs of B, sharing the most shingles, aligned word by word
SEQUENCE_MAX_WORDS = 2000  # longer pairs are compared by shingles only
PASSAGE_WORDS = 8  # a shared run of this many words is a shared passage
BOILERPLATE_SOURCES = 50  # a run in more sources than this is boilerplate, not a passage
COPY_SHARE = 0.8  # share of a source's paragraphs found in another that makes it a copy
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    # Case, punctuation and quote styles differ between copies of one text; words do not.
    return _WORD.findall(text.casefold())


def _grams(words: list[str], n: int) -> set[str]:
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@dataclass(frozen=True)
class _Text:
    """One article's paragraphs as words, its whole text for containment checks, and
    indexes from shingles and passages to the paragraphs that hold them."""

    article: Article
    words: tuple[tuple[str, ...], ...]
    joined: str  # " w1 w2 … " over all paragraphs
    starts: tuple[int, ...]  # offset in `joined` where each paragraph begins

    @classmethod
    def of(cls, article: Article) -> _Text:
        words = tuple(tuple(_words(p.text)) for p in article.paragraphs)
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
    def shingles(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(_grams(list(w), SHINGLE_WORDS)) for w in self.words)

    @cached_property
    def shingle_index(self) -> dict[str, tuple[int, ...]]:
        return _index(self.shingles)

    @cached_property
    def run_index(self) -> dict[str, tuple[int, ...]]:
        return _index([_grams(list(w), PASSAGE_WORDS) if len(w) >= PASSAGE_WORDS else set() for w in self.words])

    def paragraphs_at(self, start: int, end: int) -> list[int]:
        """Paragraph numbers (1-based) covering the span [start, end) of `joined`."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_left(self.starts, end) - 1
        return [k + 1 for k in range(max(first, 0), last + 1) if self.words[k]]


def _index(grams: Sequence[set[str] | frozenset[str]]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = defaultdict(list)
    for k, found in enumerate(grams):
        for g in found:
            index[g].append(k)
    return {g: tuple(ks) for g, ks in index.items()}


@dataclass(frozen=True)
class _Match:
    contained: int  # paragraphs of A found verbatim (as words) in B
    near: int  # further paragraphs of A that match a paragraph of B up to light edits
    passages: int  # further paragraphs of A that share a passage with B
    pairs: tuple[tuple[int, int], ...]
    covered: frozenset[int]  # paragraphs of B that A's matches cover


def _similarity(a: tuple[str, ...], b: tuple[str, ...], a_shingles: frozenset[str], b_shingles: frozenset[str]) -> float:
    """Word-sequence similarity, exact only where it can reach NEAR: the cheap upper bounds
    settle the many candidates that share a few phrases and nothing more."""
    if len(a) + len(b) > SEQUENCE_MAX_WORDS:  # word alignment is quadratic; shingles are not
        return len(a_shingles & b_shingles) / len(a_shingles | b_shingles)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < NEAR:
            return upper
    return matcher.ratio()


def _contained_at(needle: str, first: str, b: _Text) -> int:
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


# Pair comparisons are the cost that grows with how much sources share. A rebuild under
# `mkdocs serve` after one edit meets the same pairs again: compare only what changed.
_COMPARED: dict[tuple[str, str], _Match] = {}
_COMPARED_MAX = 200_000


def _compare(a: _Text, b: _Text) -> _Match:
    key = (a.digest, b.digest)
    found = _COMPARED.get(key)
    if found is None:
        if len(_COMPARED) >= _COMPARED_MAX:
            _COMPARED.clear()
        found = _COMPARED[key] = _compare_texts(a, b)
    return found


def _compare_texts(a: _Text, b: _Text) -> _Match:
    contained = near = passages = 0
    pairs: list[tuple[int, int]] = []
    covered: set[int] = set()
    for k, words in enumerate(a.words):
        n = k + 1
        mine = a.shingles[k]
        if not words:
            continue
        needle = " " + " ".join(words) + " "
        at = _contained_at(needle, " ".join(words[:SHINGLE_WORDS]), b)
        if at >= 0:
            spanned = b.paragraphs_at(at + 1, at + len(needle) - 1)
            contained += 1
            pairs.append((n, spanned[0]))
            covered.update(spanned)
            continue
        sharing = Counter(j for g in mine for j in b.shingle_index.get(g, ()))
        likely = sorted(sharing, key=lambda j: (-sharing[j], j))[:NEAR_CANDIDATES]
        scored = [(_similarity(words, b.words[j], mine, b.shingles[j]), -j) for j in likely]
        best_r, best = max(scored, default=(0.0, 0))
        if best_r >= NEAR:
            near += 1
            pairs.append((n, -best + 1))
            covered.add(-best + 1)
            continue
        runs = _grams(list(words), PASSAGE_WORDS) if len(words) >= PASSAGE_WORDS else set()
        hits = sorted({j + 1 for g in runs for j in b.run_index.get(g, ())})
        if hits:
            passages += 1
            pairs.append((n, hits[0]))
            covered.update(hits)
    return _Match(contained, near, passages, tuple(pairs), frozenset(covered))


def _relation(a: _Text, m: _Match, back: _Match, b: _Text) -> str | None:
    size = sum(1 for w in a.words if w)
    if size == 0 or not m.pairs:
        return None
    if m.contained == size and back.contained == sum(1 for w in b.words if w):
        return "copy"
    if m.contained >= COPY_SHARE * size:
        return "partial copy"
    if m.contained + m.near >= COPY_SHARE * size:
        return "near duplicate"
    return "shares passages"


def _rank(a: Article) -> tuple[str, int, str]:
    """Which of two copies is the original: the earlier dated, then the longer, then by id."""
    return (a.published or "9999-99-99", -a.word_count, a.id)


def _candidates(texts: Sequence[_Text]) -> list[tuple[int, int]]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    keys: list[tuple[int, str]] = []
    sets: list[set[str]] = []
    for i, t in enumerate(texts):
        for n, words in enumerate(t.words, start=1):
            if words:
                keys.append((i, f"{i}:{n}"))
                sets.append(_grams(list(words), SHINGLE_WORDS))
    hashes = MinHash.bulk([[s.encode() for s in sorted(g)] for g in sets], num_perm=NUM_PERM, seed=1)
    for (_, key), h in zip(keys, hashes):
        lsh.insert(key, h)
    pairs: set[tuple[int, int]] = set()
    for (i, _), h in zip(keys, hashes):
        for other in lsh.query(h):
            j = int(other.split(":")[0])
            if i != j:
                pairs.add((min(i, j), max(i, j)))
    runs: dict[str, set[int]] = defaultdict(set)
    for i, t in enumerate(texts):
        for words in t.words:
            if len(words) >= PASSAGE_WORDS:
                for run in _grams(list(words), PASSAGE_WORDS):
                    runs[run].add(i)
    for holders in runs.values():
        if 1 < len(holders) <= BOILERPLATE_SOURCES:
            ordered = sorted(holders)
            pairs.update((x, y) for k, x in enumerate(ordered) for y in ordered[k + 1 :])
    return sorted(pairs)


def link(articles: Sequence[Article]) -> tuple[Source, ...]:
    texts = [_Text.of(a) for a in articles]
    overlaps: dict[int, list[Overlap]] = defaultdict(list)
    originals: dict[int, list[tuple[int, tuple[str, int, str], int]]] = defaultdict(list)
    for i, j in _candidates(texts):
        forward, back = _compare(texts[i], texts[j]), _compare(texts[j], texts[i])
        for x, y, m, r in ((i, j, forward, back), (j, i, back, forward)):
            relation = _relation(texts[x], m, r, texts[y])
            if relation is None:
                continue
            a, b = texts[x].article, texts[y].article
            adds = tuple(n for n in range(1, len(b.paragraphs) + 1) if n not in m.covered)
            overlaps[x].append(Overlap(other=b.id, shared=len(m.pairs), of=len(a.paragraphs),
                                       relation=relation, pairs=m.pairs, other_adds=adds))
            if relation != "shares passages":
                reverse = _relation(texts[y], r, m, texts[x])
                mutual = reverse in ("copy", "partial copy", "near duplicate")
                # A copy cannot be older than what it copies: a mutual match goes to the
                # earlier/longer source, a one-way containment to the container unless
                # the contained text is dated strictly earlier.
                if (mutual and _rank(b) < _rank(a)) or (
                    not mutual and not (a.published and b.published and a.published < b.published)
                ):
                    originals[x].append((-m.contained - m.near, _rank(b), y))
    parent = {x: min(c)[2] for x, c in originals.items()}
    sources = []
    for x, t in enumerate(texts):
        root, seen = parent.get(x), {x}
        while root is not None and root in parent and root not in seen:
            seen.add(root)
            root = parent[root]
        duplicate_of = texts[root].article.id if root is not None and root != x else None
        ordered = tuple(sorted(overlaps[x], key=lambda o: (-o.shared, o.other)))
        sources.append(Source(article=t.article, duplicate_of=duplicate_of, overlaps=ordered))
    return tuple(sources)
