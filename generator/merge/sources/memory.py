"""What `link` keeps from one build for the next when it is given a LinkMemory (`mkdocs serve`
gives one, through generator.memory.BuildMemory). Each entry is keyed by what it was derived from,
so nothing kept can be stale; only the last build's articles and paragraphs are kept."""
from __future__ import annotations

from collections.abc import Sequence

from generator.merge.sources.comparison import Match
from generator.merge.sources.signatures import Text, minhashes
from generator.model import Article


class LinkMemory:
    def __init__(self) -> None:
        # An article's words, shingles and indexes depend on the article alone: a rebuild after one
        # edit reads only the edited article again.
        self._texts: dict[Article, Text] = {}
        # A paragraph's MinHash depends on its words alone, and a rebuild meets nearly all again.
        self._minhashes: dict[tuple[str, ...], bytes] = {}
        # Pair comparisons, by the two texts' digests: the cost that grows with how much sources
        # share, and a rebuild meets the same pairs again.
        self.compared: dict[tuple[str, str], Match] = {}
        # The stored comparisons the last build read or wrote, and the pairs it read: reading the
        # same body back costs more than the rebuild compares, so it is skipped (`holds`).
        self._seen: tuple[bytes | None, tuple[tuple[str, str], ...]] = (None, ())

    def texts(self, articles: Sequence[Article]) -> list[Text]:
        known = self._texts
        texts = [known.get(a) or Text.of(a) for a in articles]
        self._texts = dict(zip(articles, texts))
        return texts

    def minhashes(self, paragraphs: Sequence[tuple[str, ...]], shingles: Sequence[frozenset[str]]) -> list[bytes]:
        """`signatures.minhashes(shingles)`, hashing only the paragraphs the last call did not."""
        known = self._minhashes
        missing = [u for u, words in enumerate(paragraphs) if words not in known]
        fresh = dict(zip((paragraphs[u] for u in missing), minhashes([shingles[u] for u in missing])))
        values = [known.get(words) or fresh[words] for words in paragraphs]
        self._minhashes = dict(zip(paragraphs, values))
        return values

    def after_link(self, body: bytes | None, used: set[tuple[str, str]]) -> None:
        """The build's link is done: its texts drop what only comparing reads, and `body` (the
        comparisons stored for its seed set) is remembered with the pairs it read."""
        for t in self._texts.values():
            t.forget_comparing()
        self._seen = (body, tuple(used)) if body is not None and used else (None, ())

    def holds(self, body: bytes) -> bool:
        """Whether every comparison in the stored `body` is in `compared` already."""
        seen, pairs = self._seen
        return seen == body and all(p in self.compared for p in pairs)
