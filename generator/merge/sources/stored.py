"""MinHashes kept in the cache folder from one `generator build`/`site` of a seed set for the next.

A paragraph's MinHash depends on its words alone (signatures.minhashes), and a rebuild meets nearly
every paragraph again; computing them all is most of linking the sources when nothing changed
(bench/RESULTS.md). `mkdocs serve` keeps them in memory instead (memory.LinkMemory). What is stored
is only the last build's paragraphs, each under the SHA-1 of its words, so the body never grows
beyond the seed set and an entry can never be stale.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from generator.cache import Cache
from generator.merge.sources.signatures import NUM_PERM, minhashes

_DIGEST = 20  # bytes of a SHA-1
_VALUE = NUM_PERM * 4  # bytes of one MinHash (NUM_PERM 32-bit values)


def _digest(words: tuple[str, ...]) -> bytes:
    return hashlib.sha1("\x1f".join(words).encode("utf-8")).digest()


class StoredMinhashes:
    def __init__(self, store: Cache, key: str) -> None:
        self.store, self.key = store, key
        body = store.get_bytes(key) or b""
        step = _DIGEST + _VALUE
        self._known = {body[i:i + _DIGEST]: body[i + _DIGEST:i + step] for i in range(0, len(body) - step + 1, step)}

    def __call__(self, paragraphs: Sequence[tuple[str, ...]], shingles: Sequence[frozenset[str]]) -> list[bytes]:
        """`signatures.minhashes(shingles)`, hashing only the paragraphs the stored build did not."""
        digests = [_digest(words) for words in paragraphs]
        missing = [u for u, d in enumerate(digests) if d not in self._known]
        fresh = dict(zip((digests[u] for u in missing), minhashes([shingles[u] for u in missing])))
        values = [self._known.get(d) or fresh[d] for d in digests]
        if missing or len(self._known) != len(set(digests)):
            self.store.put_bytes(self.key, b"".join(d + v for d, v in dict(zip(digests, values)).items()))
        return values
