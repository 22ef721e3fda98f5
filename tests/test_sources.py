"""Syndication: copies, partial copies, near duplicates and shared passages across sources."""
import random

import pytest

from generator.clean import clean_all
from generator.merge.sources import link
from generator.merge.sources.candidates import PARTNERS, buckets, candidates
from generator.merge.sources.signatures import LSH_THRESHOLD, NUM_PERM, Text, bands, minhashes
from generator.model import Article, FrontMatter, Paragraph, Seed
from generator.read import read_seeds
from conftest import SEEDS

FLOOD = [
    "The river Aln burst its banks on Friday night, flooding more than forty homes in the lower town.",
    "Emergency crews evacuated a care home and a primary school before the water reached the main square.",
    "“We have never seen the water rise this fast,” said Edith Marr, who has run the bakery on Bridge Street for thirty years.",
    "The county council said the new flood wall, finished in March, had held along most of its length.",
    "Forecasters expect more rain on Sunday, and residents were told to keep sandbags in place.",
]


def article(sid: str, paragraphs: list[str], published: str | None = None) -> Article:
    return Article(id=sid, path=f"seeds/{sid}.txt", title=sid,
                   paragraphs=tuple(Paragraph(n, text, n) for n, text in enumerate(paragraphs, start=1)),
                   published=published, published_basis="front matter" if published else None)


def by_id(sources):
    return {s.id: s for s in sources}


def test_the_first_paragraphs_of_an_article_are_a_partial_copy_of_it():
    s = by_id(link([article("full", FLOOD), article("part", FLOOD[:3])]))
    assert s["part"].duplicate_of == "full"
    assert s["full"].duplicate_of is None
    (o,) = s["part"].overlaps
    assert (o.other, o.relation, o.shared, o.of) == ("full", "partial copy", 3, 3)
    assert o.pairs == ((1, 1), (2, 2), (3, 3))
    assert o.other_adds == (4, 5)
    (back,) = s["full"].overlaps
    assert (back.other, back.relation, back.shared, back.of) == ("part", "shares passages", 3, 5)


def test_identical_copies_the_earlier_dated_is_the_original():
    s = by_id(link([article("a", FLOOD, "2024-03-09"), article("b", FLOOD, "2024-03-08")]))
    assert (s["a"].duplicate_of, s["b"].duplicate_of) == ("b", None)
    assert s["a"].overlaps[0].relation == "copy" and s["a"].overlaps[0].other_adds == ()


def test_identical_undated_copies_tie_break_on_id_and_not_on_input_order():
    for order in ([article("x", FLOOD), article("y", FLOOD)], [article("y", FLOOD), article("x", FLOOD)]):
        s = by_id(link(order))
        assert (s["x"].duplicate_of, s["y"].duplicate_of) == (None, "x")


def test_a_lightly_edited_copy_is_a_near_duplicate():
    edited = [p.replace("forty", "40").replace("Friday night", "Friday evening").replace("“", '"').replace("”", '"')
              for p in FLOOD]
    edited[3] = edited[3].replace("had held", "largely held")
    s = by_id(link([article("orig", FLOOD, "2024-03-09"), article("edit", edited, "2024-03-10")]))
    assert s["edit"].duplicate_of == "orig"
    assert s["edit"].overlaps[0].relation == "near duplicate"


def test_paragraphs_merged_by_the_copy_still_count_as_copied():
    merged = [FLOOD[0] + " " + FLOOD[1], FLOOD[2]]
    s = by_id(link([article("orig", FLOOD), article("merged", merged)]))
    assert s["merged"].duplicate_of == "orig"
    assert s["merged"].overlaps[0].pairs == ((1, 1), (2, 3))


def test_independent_reports_sharing_a_quote_share_passages_but_are_not_copies():
    other = [
        "Floodwater reached the square in the lower town of Alnford late on Friday.",
        "Baker Edith Marr told reporters: “We have never seen the water rise this fast.”",
        "Insurers said claims could pass two million pounds.",
    ]
    s = by_id(link([article("a", FLOOD), article("b", other)]))
    assert s["a"].duplicate_of is None and s["b"].duplicate_of is None
    (o,) = s["b"].overlaps
    assert (o.other, o.relation, o.shared, o.pairs) == ("a", "shares passages", 1, ((2, 3),))


def test_unrelated_articles_do_not_overlap():
    other = ["The city marathon was moved to October because of road works on the coast road.",
             "Organisers said entries would be refunded on request."]
    s = by_id(link([article("a", FLOOD), article("b", other)]))
    assert s["a"].overlaps == () and s["b"].overlaps == ()


def test_a_copy_of_a_copy_points_to_the_original():
    s = by_id(link([article("c", FLOOD[:2]), article("b", FLOOD[:4]), article("a", FLOOD)]))
    assert (s["a"].duplicate_of, s["b"].duplicate_of, s["c"].duplicate_of) == (None, "a", "a")


def test_candidates_are_only_the_pairs_that_share_text():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    articles = [article(f"s{i:03}", [" ".join(rng.choices(vocabulary, k=40)) for _ in range(4)]) for i in range(150)]
    articles.append(article("copy", list(articles[42].paragraphs[i].text for i in (1, 2))))
    texts = [Text.of(a) for a in articles]
    assert candidates(texts) == [(42, 150)]


WIRE = [
    "Ferry crews in Kelmsworth walked out at dawn on Tuesday, stranding about 900 passengers on the island of Brisk.",
    "The Kelmsworth Ferry Company said two of its four boats would sail a reduced timetable until the dispute was settled.",
    "Union organiser Tobias Wrenfield said crews had been asked to work twelve-hour shifts without extra pay since January.",
    "“Nobody wants to leave people on the quay, but the rota is not safe,” Wrenfield told reporters at the harbour gate.",
    "Island shops said fresh milk and bread had run out by midday, and the clinic asked for a medical boat to stay in service.",
    "Talks between the company and the union are due to resume on Thursday at the county offices.",
]
LOCAL = "Brisk resident Maud Ellery said she had missed a hospital appointment on the mainland because of the strike."


EDITS = [("at dawn", "early"), ("about 900", "nearly 900"), ("two of its four", "two of four"),
         ("twelve-hour", "12-hour"), ("reporters", "journalists"), ("midday", "noon"), ("due to", "expected to")]


def wire_copies(outlets: int) -> list[Article]:
    """A wire story and its copies by many outlets, each lightly edited in its own way."""
    copies = [article("wire", WIRE, "2024-05-07")]
    for i in range(outlets):
        edits = {EDITS[i % len(EDITS)], EDITS[(3 * i + 1) % len(EDITS)]}
        edited = [p for p in WIRE]
        for old, new in edits:
            edited = [p.replace(old, new) for p in edited]
        copies.append(article(f"outlet-{i:02}", edited, f"2024-05-{8 + i % 3:02}"))
    return copies


def test_every_copy_of_a_widely_carried_wire_story_points_to_it_and_a_rare_passage_is_still_found():
    copies = wire_copies(60)
    copies[38] = article("outlet-37", [p.text for p in copies[38].paragraphs] + [LOCAL], copies[38].published)
    report = article("island-notes", ["The island council met late on Tuesday to plan a supply boat.", LOCAL], "2024-05-09")
    s = by_id(link(copies + [report]))
    assert s["wire"].duplicate_of is None
    assert all(s[f"outlet-{i:02}"].duplicate_of == "wire" for i in range(60))
    (shared,) = [o for o in s["island-notes"].overlaps]
    assert (shared.other, shared.relation, shared.pairs) == ("outlet-37", "shares passages", ((2, 7),))
    assert any(o.other == "island-notes" for o in s["outlet-37"].overlaps)


def test_a_widely_carried_story_does_not_make_every_pair_of_its_copies_a_candidate():
    texts = [Text.of(a) for a in wire_copies(60)]
    pairs = candidates(texts)
    assert {(0, i) for i in range(1, len(texts))} <= set(pairs)
    assert len(pairs) <= PARTNERS * len(texts) < len(texts) * (len(texts) - 1) // 2


def test_minhashes_are_those_of_datasketch():
    from datasketch import MinHash

    sets = [Text.of(article("a", FLOOD)).shingles[k] for k in range(len(FLOOD))] + [frozenset({"one"})]
    expected = [m.hashvalues.tobytes() for m in MinHash.bulk([[g.encode() for g in s] for s in sets], num_perm=NUM_PERM, seed=1)]
    assert minhashes(sets) == expected


def test_lsh_bands_are_those_datasketch_chooses_for_the_threshold():
    from datasketch import MinHashLSH

    assert bands() == MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges


def test_lsh_buckets_pair_what_datasketch_queries_find():
    import numpy
    from datasketch import MinHash, MinHashLSH

    rng = random.Random(3)
    words = [f"w{i}" for i in range(30)]
    texts = [rng.sample(words, 8) for _ in range(150)]
    texts += [t[:7] + ["other"] for t in texts[:20]] + texts[:10]  # near and exact copies
    values = minhashes([frozenset(" ".join(t[i : i + 3]) for i in range(len(t) - 2)) for t in texts])
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = [MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashvalues=numpy.frombuffer(v, dtype=numpy.uint32).astype(numpy.uint64))
              for v in values]
    for u, m in enumerate(hashes):
        lsh.insert(u, m)
    found: dict[int, set[int]] = {u: {u} for u in range(len(values))}
    for bucket in buckets(values):
        assert len(bucket) > 1
        for u in bucket:
            found[u].update(bucket)
    assert found == {u: set(lsh.query(m)) for u, m in enumerate(hashes)}
    assert any(len(f) > 2 for f in found.values()) and any(len(f) == 1 for f in found.values())


def test_result_does_not_depend_on_input_order():
    items = [article("full", FLOOD), article("part", FLOOD[:3]), article("copy", FLOOD)]
    first = by_id(link(items))
    again = by_id(link(list(reversed(items))))
    assert {k: (v.duplicate_of, v.overlaps) for k, v in first.items()} == {k: (v.duplicate_of, v.overlaps) for k, v in again.items()}


def test_seed_003_is_a_partial_copy_of_001():
    seeds, _ = read_seeds(SEEDS)
    s = by_id(link(clean_all(seeds)))
    assert s["003_dbc8428046f0a47d"].duplicate_of == "001_a9023ac0acb5dd89"
    (o, *_) = s["003_dbc8428046f0a47d"].overlaps
    assert (o.other, o.relation, o.shared, o.of) == ("001_a9023ac0acb5dd89", "partial copy", 8, 8)
    assert [sid for sid, v in s.items() if v.duplicate_of] == ["003_dbc8428046f0a47d"]


def test_source_page_says_what_a_partial_copy_copies_with_links():
    from generator.model import Briefing
    from generator.render import render

    linked = link([article("orig", FLOOD), article("part", FLOOD[:2])])
    files = render(Briefing(title="t", description="d", sources=linked))
    page = files["sources/part.md"]
    assert "<strong>Partial copy of</strong>" in page
    assert ": 2 of its 2 paragraphs appear in orig; orig adds " in page
    assert '<a href="../orig/#p3">¶3</a>, <a href="../orig/#p4">¶4</a>, <a href="../orig/#p5">¶5</a>.' in page
    assert '<li><a href="#p2">¶2</a> = <a href="../orig/#p2">orig ¶2</a></li>' in page
    original = files["sources/orig.md"]
    assert "<strong>Copied by</strong>" in original and "2 of this source’s 5 paragraphs appear in part" in original


def test_seeds_against_the_gold_sources():
    from pathlib import Path

    from generator.model import Briefing
    from generator.scoring import load_gold
    from generator.scoring.sources import score

    seeds, _ = read_seeds(SEEDS)
    briefing = Briefing(title="t", description="d", sources=link(clean_all(seeds)))
    scores = {s.measure: (s.tp, s.fp, s.fn) for s in score(briefing, load_gold(Path(__file__).parent / "gold", "sources"))}
    assert scores["furniture lines removed"] == (14, 0, 0)
    assert scores["copy of (duplicate_of)"] == (1, 0, 0)
    assert scores["published date (exact or lower bound)"] == (3, 0, 0)


def test_scoring_counts_a_wrong_date_and_a_lost_line():
    from generator.model import Briefing, Removed
    from generator.scoring.sources import score

    a = article("a", FLOOD, "2024-03-10")
    a = Article(**{**a.__dict__, "published_basis": "text", "removed": (Removed("x", "share prompt", 3),)})
    gold = {"sources": {"a": {"furniture": [9], "published_after": "2024-03-09", "duplicate_of": None}}}
    scores = {s.measure: (s.tp, s.fp, s.fn) for s in score(Briefing("t", "d", (link([a])[0],)), gold)}
    assert scores["furniture lines removed"] == (0, 1, 1)
    assert scores["published date (exact or lower bound)"] == (0, 1, 1)


def test_source_page_lists_the_actors_quotes_and_events_found_in_it():
    from generator.model import Actor, Briefing, Event, Quote, Where
    from generator.render import render

    linked = link([article("orig", FLOOD), article("other", ["The mayor of Alnford visited on Saturday."])])
    briefing = Briefing(
        title="t", description="d", sources=linked,
        actors=(Actor("edith-marr", "Edith Marr", "person", mentions=(Where("orig", 3, 86, 96), Where("other", 1))),),
        quotes=(Quote("q1", "We have never seen the water rise this fast", "direct", "edith-marr", "Edith Marr",
                      "said", (Where("orig", 3, 1, 44),)),),
        events=(Event("e1", "2024-03-08", "day", "Friday night", "2024-03-09", "The river burst its banks.",
                      (Where("orig", 1),)),),
    )
    page = render(briefing)["sources/orig.md"]
    assert '<li>Edith Marr <small>(person)</small>: <a href="#p3">¶3</a></li>' in page
    assert "<q>We have never seen the water rise this fast</q> — Edith Marr (said): <a href=\"#p3\">¶3</a>" in page
    assert '<time>2024-03-08</time> (Friday night): The river burst its banks. <a href="#p1">¶1</a>' in page
    assert "Quotes in this source" not in render(briefing)["sources/other.md"]


from hypothesis import given, settings, strategies as st

paragraph_texts = st.lists(st.sampled_from(["river", "bridge", "council", "said", "the", "on", "Friday", "homes",
                                            "forty", "water", "rose", "mayor", "“", "”", ",", "."]),
                           min_size=0, max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(paragraph_texts, min_size=1, max_size=6), min_size=1, max_size=5))
def test_link_never_fails_and_never_points_a_source_at_itself(texts):
    sources = link([article(f"s{i}", paras) for i, paras in enumerate(texts)])
    ids = {s.id for s in sources}
    for s in sources:
        assert s.duplicate_of != s.id and (s.duplicate_of is None or s.duplicate_of in ids)
        assert all(o.other != s.id and 0 < o.shared <= o.of for o in s.overlaps)


@settings(max_examples=40, deadline=None)
@given(keep=st.lists(st.booleans(), min_size=len(FLOOD), max_size=len(FLOOD)).filter(lambda k: any(k) and not all(k)))
def test_any_selection_of_paragraphs_is_a_partial_copy(keep):
    chosen = [p for p, k in zip(FLOOD, keep) if k]
    s = by_id(link([article("orig", FLOOD), article("copy", chosen)]))
    assert s["copy"].duplicate_of == "orig"
    assert s["copy"].overlaps[0].relation == "partial copy"
    assert s["copy"].overlaps[0].other_adds == tuple(n for n, k in enumerate(keep, start=1) if not k)


def test_comparisons_kept_in_the_cache_give_the_same_links(tmp_path, monkeypatch):
    from generator import cache
    from generator.merge.sources import comparison

    items = [article("full", FLOOD), article("part", FLOOD[:3]), article("other", ["Unrelated words about a quiet harbour town."])]
    store = cache.Cache(tmp_path)
    first = link(items, store)
    compared: list[str] = []
    monkeypatch.setattr(comparison, "compare_texts", lambda a, b: compared.append(a.article.id) or pytest.fail("compared again"))
    assert link(items, store) == first
    assert compared == []


def test_a_damaged_store_of_comparisons_is_ignored(tmp_path):
    from generator import cache

    items = [article("full", FLOOD), article("part", FLOOD[:3])]
    store = cache.Cache(tmp_path)
    first = link(items, store)
    # The store's own check passes: the body is what was stored, but not comparisons.
    keys = [p.read_bytes().split(b"\n", 1)[0].split()[1].decode() for p in tmp_path.rglob("*") if p.is_file()]
    assert keys
    for damage in (b'[["a", "b", "1", 0, 0, [], []]]', b"not json"):
        for key in keys:
            store.put_bytes(key, damage)
        assert link(items, store) == first
