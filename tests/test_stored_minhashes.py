"""MinHashes kept in the cache between builds give the same MinHashes, and so the same links."""
from __future__ import annotations

from pathlib import Path

from generator.cache import Cache
from generator.merge.sources import link
from generator.merge.sources.signatures import Text, minhashes
from generator.merge.sources.stored import StoredMinhashes
from test_sources import article, wire_copies

PARAGRAPHS = [("the", "ferry", "left", "the", "harbour", "at", "noon"), ("the", "crew", "of", "six", "was", "safe")]


def _shingles(paragraphs):
    return [frozenset(" ".join(p[i:i + 3]) for i in range(len(p) - 2)) for p in paragraphs]


def test_stored_minhashes_are_the_computed_ones_and_are_read_back(tmp_path: Path, monkeypatch):
    store = Cache(tmp_path)
    shingles = _shingles(PARAGRAPHS)
    first = StoredMinhashes(store, "k")(PARAGRAPHS, shingles)
    assert first == minhashes(shingles)
    # a second build computes nothing: every value comes from the store
    import generator.merge.sources.stored as stored
    monkeypatch.setattr(stored, "minhashes", lambda sets: [b"x" * len(first[0])] * len(sets))
    assert StoredMinhashes(store, "k")(PARAGRAPHS, shingles) == first


def test_a_new_paragraph_is_hashed_and_the_others_are_kept(tmp_path: Path):
    store = Cache(tmp_path)
    StoredMinhashes(store, "k")(PARAGRAPHS[:1], _shingles(PARAGRAPHS[:1]))
    values = StoredMinhashes(store, "k")(PARAGRAPHS, _shingles(PARAGRAPHS))
    assert values == minhashes(_shingles(PARAGRAPHS))


def test_a_damaged_store_is_computed_again(tmp_path: Path):
    store = Cache(tmp_path)
    StoredMinhashes(store, "k")(PARAGRAPHS, _shingles(PARAGRAPHS))
    path = next(p for p in tmp_path.rglob("*") if p.is_file())
    path.write_bytes(path.read_bytes()[:-7])  # cut short: its checksum no longer holds
    assert StoredMinhashes(store, "k")(PARAGRAPHS, _shingles(PARAGRAPHS)) == minhashes(_shingles(PARAGRAPHS))


def test_links_built_twice_with_a_store_equal_links_built_without(tmp_path: Path):
    articles = wire_copies(12) + [article("zz-other", ["A ferry ran aground off the point on Sunday night.",
                                                      "Nobody was hurt, the harbour master said."])]
    plain = link(articles)
    store = Cache(tmp_path)
    assert link(articles, store) == plain
    assert link(articles, store) == plain  # the second time, from the stored MinHashes
    assert Text.of(articles[0]).words  # the fixture has text to hash
