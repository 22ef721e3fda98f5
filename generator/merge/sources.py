"""Sources across the seed set: which articles are copies of, or overlap with, which.

Candidate pairs come from keys that sources share: the LSH buckets of each paragraph's
word shingles (similar paragraphs) and runs of PASSAGE_WORDS words (shared passages; a run
carried by more than BOILERPLATE_SOURCES sources is boilerplate and is no key). A paragraph
that several sources carry verbatim is one LSH entry with the list of its holders, and the
buckets are walked band by band, so finding them costs the buckets' sizes, not the pairs.

Which pairs are compared stays near-linear in the number of sources. Each paragraph of a
source meets the first EARLIEST other sources, in `_rank` order (earliest dated, then
longest, then id), among those sharing a key with it; a source keeps the PARTNERS it met
through the most paragraphs (ties to the better ranked), and a pair is compared when either
of its sources keeps the other. Among a few sources this is every pair that shares a key,
as before. A text carried widely (a wire story syndicated by dozens of outlets, a stock
sentence) would otherwise pair every two of its carriers: comparisons growing with the
square of their number, that tell a fact-checker nothing the first carriers do not, since
what matters is which earliest source(s) the text comes from. A copy meets its original
through every paragraph it took, and the original ranks before its copies, so
`duplicate_of` still points to it; a passage two sources alone share is found unless both
share more with PARTNERS others. Overlaps among the later carriers of a widely carried text
are not reported.

Candidate pairs are then compared exactly, paragraph by paragraph.
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, cached_property
from itertools import chain
from pathlib import Path

import numpy

from generator.cache import Cache
from generator.merge.memory import no_cycle_collection
from generator.model import Article, Overlap, Source

SHINGLE_WORDS = 3  # MinHash shingles: word 3-grams of one paragraph
NUM_PERM = 64
LSH_THRESHOLD = 0.3  # estimated Jaccard that makes two paragraphs a candidate pair
NEAR = 0.8  # word-sequence similarity for two paragraphs to count as the same, lightly edited
NEAR_CANDIDATES = 5  # paragraphs of B, sharing the most shingles, aligned word by word
SEQUENCE_MAX_WORDS = 2000  # longer pairs are compared by shingles only
PASSAGE_WORDS = 8  # a shared run of this many words is a shared passage
BOILERPLATE_SOURCES = 50  # a run in more sources than this is boilerplate, not a passage
EARLIEST = 3  # a paragraph pairs its source with this many of the first others sharing a key with it
PARTNERS = 3  # of those, the sources each source is compared with: the ones met most often
COPY_SHARE = 0.8  # share of a source's paragraphs found in another that makes it a copy
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
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
    def rank(self) -> tuple[str, int, str]:
        return _rank(self.article)  # counts the article's words: once per article, not per use

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


@dataclass(frozen=True)
class _Match:
    contained: int  # paragraphs of A found verbatim (as words) in B
    near: int  # further paragraphs of A that match a paragraph of B up to light edits
    passages: int  # further paragraphs of A that share a passage with B
    pairs: tuple[tuple[int, int], ...]
    covered: frozenset[int]  # paragraphs of B that A's matches cover


def _nearest(a: _Text, k: int, b: _Text, likely: list[int]) -> int | None:
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
# `mkdocs serve` after one edit meets the same pairs again, and so does the next build of an
# unchanged seed set (`dump_compared` / `load_compared` keep them in the build cache): compare
# only what changed.
_COMPARED: dict[tuple[str, str], _Match] = {}
_COMPARED_MAX = 200_000
_USED: set[tuple[str, str]] = set()  # the pairs the last `link` read
_FRESH: list[tuple[str, str]] = []  # the pairs it had to compare
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # stored comparisons are this code's


def _compare(a: _Text, b: _Text) -> _Match:
    key = (a.digest, b.digest)
    _USED.add(key)
    found = _COMPARED.get(key)
    if found is None:
        if len(_COMPARED) >= _COMPARED_MAX:
            _COMPARED.clear()
        found = _COMPARED[key] = _compare_texts(a, b)
        _FRESH.append(key)
    return found


def dump_compared() -> bytes:
    """The comparisons the last `link` read, as JSON."""
    # `_COMPARED` also holds the pairs of texts since edited, up to _COMPARED_MAX.
    rows = [[a, b, m.contained, m.near, m.passages, [list(p) for p in m.pairs], sorted(m.covered)]
            for (a, b) in sorted(k for k in _USED if k in _COMPARED) for m in [_COMPARED[(a, b)]]]
    return json.dumps(rows, separators=(",", ":")).encode()


def load_compared(body: bytes) -> None:
    """Remember comparisons `dump_compared` wrote; anything malformed is ignored whole."""
    try:
        found = {}
        for a, b, contained, near, passages, pairs, covered in json.loads(body):
            if not all(type(x) is str for x in (a, b)) or not all(type(x) is int for x in (contained, near, passages)):
                raise TypeError("not a comparison")
            found[(a, b)] = _Match(contained, near, passages, tuple((int(x), int(y)) for x, y in pairs),
                                   frozenset(int(n) for n in covered))
    except (ValueError, TypeError):
        return
    _COMPARED.update(found)


def _compare_texts(a: _Text, b: _Text) -> _Match:
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
    return _Match(contained, near, passages, tuple(pairs), frozenset(covered))


def _relation(a: _Text, m: _Match, back: _Match, b: _Text) -> str | None:
    size = a.size
    if size == 0 or not m.pairs:
        return None
    if m.contained == size and back.contained == b.size:
        return "copy"
    if m.contained >= COPY_SHARE * size:
        return "partial copy"
    if m.contained + m.near >= COPY_SHARE * size:
        return "near duplicate"
    return "shares passages"


def _rank(a: Article) -> tuple[str, int, str]:
    """Which of two copies is the original: the earlier dated, then the longer, then by id."""
    return (a.published or "9999-99-99", -a.word_count, a.id)


# What datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) chooses; importing
# datasketch costs ~3 s of every build (it loads scipy to choose them), so the choice is written
# here and a test checks it against datasketch.
BANDS, ROWS = 21, 3


def _bands() -> list[tuple[int, int]]:
    """The rows of a MinHash that make each LSH band (`_buckets` reads them as these slices)."""
    return [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]


@cache
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """datasketch's MinHash(num_perm=NUM_PERM, seed=1) "affine32" parameters: odd a, any b."""
    gen = numpy.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return a, b


def _sha1_hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def _minhashes(sets: Sequence[frozenset[str]]) -> list[bytes]:
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


# A paragraph's MinHash depends on its words alone. A rebuild after one edit meets nearly
# all paragraphs again, so each `link` keeps those of the paragraphs it read, for the next.
_MINHASH: dict[tuple[str, ...], bytes] = {}


def _known_minhashes(paragraphs: Sequence[tuple[str, ...]], shingles: Sequence[frozenset[str]]) -> list[bytes]:
    """`_minhashes(shingles)`, hashing only the paragraphs the last call did not."""
    global _MINHASH
    known = _MINHASH
    missing = [u for u, words in enumerate(paragraphs) if words not in known]
    fresh = dict(zip((paragraphs[u] for u in missing), _minhashes([shingles[u] for u in missing])))
    values = [known.get(words) or fresh[words] for words in paragraphs]
    _MINHASH = dict(zip(paragraphs, values))
    return values


def _buckets(values: Sequence[bytes]) -> list[list[int]]:
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


def _sharing(texts: Sequence[_Text]) -> list[tuple[frozenset[int], list[int]]]:
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
    for bucket in set(map(tuple, _buckets(_known_minhashes(list(number), shingles)))):
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


def _candidates(texts: Sequence[_Text]) -> list[tuple[int, int]]:
    # Sources are numbered here in `_rank` order, so the first of a set are its smallest.
    order = sorted(range(len(texts)), key=lambda i: texts[i].rank)
    met: list[Counter[int]] = [Counter() for _ in texts]
    for held, nearby in _sharing([texts[i] for i in order]):
        if len(nearby) > 1:
            for x in held:
                met[x].update([y for y in nearby if y != x][:EARLIEST])
    pairs: set[tuple[int, int]] = set()
    for x, others in enumerate(met):
        # Met most often first, then the better ranked (the sort is stable).
        for y in sorted(sorted(others), key=others.__getitem__, reverse=True)[:PARTNERS]:
            pairs.add((min(order[x], order[y]), max(order[x], order[y])))
    return sorted(pairs)


def link(articles: Sequence[Article], store: Cache | None = None) -> tuple[Source, ...]:
    """`store`: where the comparisons of the last build of this seed set are kept."""
    key = hashlib.sha256("\n".join(["compared", _CODE, *sorted(a.id for a in articles)]).encode()).hexdigest()
    body = store.get_bytes(key) if store else None
    if body is not None and not _holds(body):
        load_compared(body)
    with no_cycle_collection():
        linked = _link(articles)
    for t in _TEXTS.values():
        t.forget_comparing()
    if store and _USED and (body is None or _FRESH):
        body = dump_compared()
        store.put_bytes(key, body)
    _remember(body)
    return linked


# Under `mkdocs serve` each rebuild reads back the comparisons it wrote or read the time
# before, which parsing again costs more than a rebuild compares: the last body seen is kept,
# with its pairs, to tell when everything it holds is in `_COMPARED` already.
_SEEN: tuple[bytes | None, tuple[tuple[str, str], ...]] = (None, ())


def _remember(body: bytes | None) -> None:
    global _SEEN
    _SEEN = (body, tuple(_USED)) if body is not None and _USED else (None, ())


def _holds(body: bytes) -> bool:
    seen, pairs = _SEEN
    return seen == body and all(p in _COMPARED for p in pairs)


# An article's words, shingles and indexes depend on the article alone; the articles the
# last `link` read are kept, so that a rebuild after one edit reads only the edited one again.
_TEXTS: dict[Article, _Text] = {}


def _texts(articles: Sequence[Article]) -> list[_Text]:
    global _TEXTS
    known = _TEXTS
    texts = [known.get(a) or _Text.of(a) for a in articles]
    _TEXTS = dict(zip(articles, texts))
    return texts


def forget() -> None:
    """Let go of what is kept for the next `link`: a one-off build has none."""
    global _TEXTS, _MINHASH, _SEEN
    _TEXTS, _MINHASH, _SEEN = {}, {}, (None, ())
    _COMPARED.clear()
    _USED.clear()
    _FRESH.clear()


def _link(articles: Sequence[Article]) -> tuple[Source, ...]:
    _USED.clear()
    _FRESH.clear()
    texts = _texts(articles)
    overlaps: dict[int, list[Overlap]] = defaultdict(list)
    originals: dict[int, list[tuple[int, tuple[str, int, str], int]]] = defaultdict(list)
    for i, j in _candidates(texts):
        forward, back = _compare(texts[i], texts[j]), _compare(texts[j], texts[i])
        for x, y, m, r in ((i, j, forward, back), (j, i, back, forward)):
            relation = _relation(texts[x], m, r, texts[y])
            if relation is None:
                continue
            a, b = articles[x], articles[y]
            adds = tuple(n for n in range(1, len(b.paragraphs) + 1) if n not in m.covered)
            overlaps[x].append(Overlap(other=b.id, shared=len(m.pairs), of=len(a.paragraphs),
                                       relation=relation, pairs=m.pairs, other_adds=adds))
            if relation != "shares passages":
                reverse = _relation(texts[y], r, m, texts[x])
                mutual = reverse in ("copy", "partial copy", "near duplicate")
                # A copy cannot be older than what it copies: a mutual match goes to the
                # earlier/longer source, a one-way containment to the container unless
                # the contained text is dated strictly earlier.
                if (mutual and texts[y].rank < texts[x].rank) or (
                    not mutual and not (a.published and b.published and a.published < b.published)
                ):
                    originals[x].append((-m.contained - m.near, texts[y].rank, y))
    parent = {x: min(c)[2] for x, c in originals.items()}
    sources = []
    for x in range(len(texts)):
        root, seen = parent.get(x), {x}
        while root is not None and root in parent and root not in seen:
            seen.add(root)
            root = parent[root]
        duplicate_of = articles[root].id if root is not None and root != x else None
        ordered = tuple(sorted(overlaps[x], key=lambda o: (-o.shared, o.other)))
        sources.append(Source(article=articles[x], duplicate_of=duplicate_of, overlaps=ordered))
    return tuple(sources)
