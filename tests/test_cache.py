"""The per-seed cache: exact round trips, reuse of unchanged seeds only, corrupt entries rebuilt."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_seeds
from generator import cache, pipeline
from generator.memory import BuildMemory
from generator.model import (
    Article, EventClaim, Extraction, FigureClaim, Mention, Paragraph, QuoteClaim, RelationClaim, Removed,
    Parsed, RoleClaim, TimeExpression, Where,
)
from generator.settings import Settings

SEEDS = {
    "ferry.md": "---\ntitle: Ferry service halted\noutlet: Lakeside Herald\npublished: 2022-03-14\n---\n"
                "Ingrid Holmqvist, a spokeswoman for the Lake Ferry Company, said on Monday that 12 crossings were cancelled.\n\n"
                "\u201cWe will resume when the ice clears,\u201d Holmqvist told reporters.\n",
    "mill.txt": "Old mill to become a library\n\nThe town council of Brackenford approved the plan on Friday.\n",
}


def _full_extraction() -> Extraction:
    w = Where("ferry", 2, 0, 9)
    time = TimeExpression("on Monday", w, "2022-03-14", "day", "2022-03-14", "front matter")
    return Extraction(
        source="ferry",
        mentions=(Mention("Ingrid Holmqvist", "person", w, "ORG", "title before the name"),),
        roles=(RoleClaim("Ingrid Holmqvist", "spokeswoman for the Lake Ferry Company", w),),
        relations=(RelationClaim("Ingrid Holmqvist", "sister of", "Per Holmqvist", w),),
        quotes=(QuoteClaim("We will resume", "direct", "Holmqvist", "told", w, via=("reporters",)),),
        figures=(FigureClaim("crossings cancelled", 12, "crossings", "12", w),
                 FigureClaim("crossings cancelled", (10, None), "crossings", "at least 10", w, "Holmqvist", "2022-03-14")),
        times=(time, TimeExpression("a week after Monday", w, None, None, None, parsed=Parsed(
            "offset", 0, 19, unit="week", count=1, base=Parsed("weekday", 12, 19, weekday=0, tense="past")))),
        events=(EventClaim("12 crossings were cancelled", time, w, ("ingrid-holmqvist",)),),
    )


def _article() -> Article:
    return Article(id="ferry", path="seeds/ferry.md", title="Ferry service halted",
                   paragraphs=(Paragraph(1, "Ingrid Holmqvist said…", 6), Paragraph(2, "\u201cWe will\u201d", 8)),
                   removed=(Removed("Share this", "share buttons", 9),), published="2022-03-14",
                   published_basis="front matter")


def test_entries_round_trip_exactly(tmp_path: Path):
    store = cache.Cache(tmp_path)
    store.put("ab" * 32, _full_extraction())
    assert store.get("ab" * 32) == _full_extraction()
    # Ranges stay tuples and single values stay ints, so the merge stage sees the same types.
    assert store.get("ab" * 32).figures[1].value == (10, None)
    # A parsed time holds the parsed day it counts from: records of their own kind rebuild too.
    assert store.get("ab" * 32).times[1].parsed == _full_extraction().times[1].parsed
    assert cache.decode(Article, json.loads(json.dumps(cache.encode(_article())))) == _article()


def test_decode_refuses_what_does_not_fit_the_model():
    data = cache.encode(_full_extraction())
    data["figures"][0]["value"] = "12"
    with pytest.raises(TypeError):
        cache.decode(Extraction, data)
    data = cache.encode(_full_extraction())
    data["mentions"][0]["kind"] = "animal"
    with pytest.raises(TypeError):
        cache.decode(Extraction, data)
    for field, wrong in (("paragraph", "3"), ("paragraph", True), ("source", None)):
        data = cache.encode(_full_extraction())
        data["mentions"][0]["where"][field] = wrong
        with pytest.raises(TypeError):
            cache.decode(Extraction, data)
    data = cache.encode(_full_extraction())
    del data["events"]
    with pytest.raises(TypeError):
        cache.decode(Extraction, data)


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # truncated write
    lambda raw: raw.replace(b"Holmqvist", b"Holmqvisu"),  # altered but still valid JSON
    lambda raw: b"garbage",
    lambda raw: raw.replace(f"{cache.FORMAT} ".encode(), b"0 ", 1),  # another format version
])
def test_a_damaged_entry_is_ignored(tmp_path: Path, damage):
    store = cache.Cache(tmp_path)
    key = "cd" * 32
    store.put(key, _full_extraction())
    path = next(tmp_path.rglob(f"{key}.json"))
    path.write_bytes(damage(path.read_bytes()))
    assert store.get(key) is None


def _build(seeds: Path, cache_dir: Path, **settings):
    return pipeline.build_briefing(seeds, Settings(cache_dir=cache_dir, **settings))


def _count_parsed(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = pipeline.extract_chunk

    def counting(articles, model=None, parses=None):
        parsed.extend(a.id for a in articles)
        return real(articles, model, parses)

    monkeypatch.setattr(pipeline, "extract_chunk", counting)
    return parsed


def test_only_new_or_edited_seeds_are_parsed_again(tmp_path: Path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    parsed = _count_parsed(monkeypatch)
    cold = _build(seeds, tmp_path / "cache")
    assert sorted(parsed) == ["ferry", "mill"]
    parsed.clear()
    warm = _build(seeds, tmp_path / "cache")
    assert parsed == []
    assert warm == cold
    (seeds / "mill.txt").write_text(SEEDS["mill.txt"] + "\nThe library opens in 2024.\n", encoding="utf-8")
    edited = _build(seeds, tmp_path / "cache")
    assert parsed == ["mill"]
    assert edited.sources[1].article.paragraphs[-1].text == "The library opens in 2024."
    assert edited.sources[0] == cold.sources[0]


def test_a_serve_rebuild_reads_only_edited_seeds_from_disk(tmp_path: Path, monkeypatch):
    """`mkdocs serve` keeps the previous build's extractions: unchanged seeds are not read again."""
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    settings = Settings(cache_dir=tmp_path / "cache")
    memory = BuildMemory()
    cold = pipeline.build_briefing(seeds, settings, memory=memory)
    read: list[str] = []
    real = cache.Cache.get

    def counting(self, key):
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(cache.Cache, "get", counting)
    assert pipeline.build_briefing(seeds, settings, memory=memory) == cold
    assert read == []
    (seeds / "mill.txt").write_text(SEEDS["mill.txt"] + "\nThe library opens in 2024.\n", encoding="utf-8")
    parsed = _count_parsed(monkeypatch)
    edited = pipeline.build_briefing(seeds, settings, memory=memory)
    assert len(read) == 1 and parsed == ["mill"]
    assert edited == _build(seeds, tmp_path / "cache")  # what a build without the kept results gives


def test_a_damaged_entry_is_rebuilt_to_the_same_result(tmp_path: Path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    cold = _build(seeds, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-5])
    parsed = _count_parsed(monkeypatch)
    assert _build(seeds, tmp_path / "cache") == cold
    assert sorted(parsed) == ["ferry", "mill"]


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    _build(seeds, tmp_path / "cache")
    parsed = _count_parsed(monkeypatch)
    _build(seeds, tmp_path / "other", cache=False)
    assert sorted(parsed) == ["ferry", "mill"]
    assert not (tmp_path / "other").exists()


def test_changing_rules_or_data_invalidates_but_templates_do_not(tmp_path: Path, monkeypatch):
    package = tmp_path / "generator"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    before = cache.code_fingerprint()
    (package / "templates" / "extra.md.j2").write_text("page text\n", encoding="utf-8")
    assert cache.code_fingerprint() == before
    (package / "data").mkdir(exist_ok=True)
    (package / "data" / "cues.yml").write_text("verbs: [remarked]\n", encoding="utf-8")
    with_data = cache.code_fingerprint()
    assert with_data != before
    rules = package / "extract" / "quotes.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# another rule\n", encoding="utf-8")
    assert cache.code_fingerprint() != with_data


def test_the_key_covers_the_cleaned_article_and_the_pipeline():
    from dataclasses import replace

    article = _article()
    keys = {
        cache.article_key(article, cache.fingerprint("en:a-1.0")),
        cache.article_key(replace(article, paragraphs=article.paragraphs[:1]), cache.fingerprint("en:a-1.0")),
        cache.article_key(replace(article, id="ferry2"), cache.fingerprint("en:a-1.0")),
        # Cleaning may date an article from evidence in other seeds: a new date is a new key.
        cache.article_key(replace(article, published="2022-03-15"), cache.fingerprint("en:a-1.0")),
        cache.article_key(article, cache.fingerprint("en:a-1.1")),
    }
    assert len(keys) == 5
    assert cache.article_key(_article(), cache.fingerprint("en:a-1.0")) in keys


def test_a_warm_build_does_not_load_spacy(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    script = (
        "import sys; from pathlib import Path; from generator import pipeline; from generator.settings import Settings; "
        f"pipeline.build_briefing(Path({str(seeds)!r}), Settings(cache_dir=Path({str(tmp_path / 'c')!r}))); "
        "print('spacy' in sys.modules)"
    )
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]


def test_parallel_workers_give_the_serial_result(tmp_path: Path, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    serial = _build(seeds, tmp_path / "a", cache=False)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_WORDS", 0)
    monkeypatch.setattr(pipeline, "CHUNK_WORDS", 1)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    assert _build(seeds, tmp_path / "b", cache=False) == serial


def test_cache_entries_are_deterministic(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    _build(seeds, tmp_path / "a")
    _build(seeds, tmp_path / "b")
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}  # noqa: E731
    assert files(tmp_path / "a") == files(tmp_path / "b")
    entries = {p: body.partition(b"\n")[2] for p, body in files(tmp_path / "a").items() if p.parts[0] != pipeline.PARSES}
    extractions = [p for p, body in entries.items() if body.startswith(b"{")]
    # two extractions and the seed set's paragraph MinHashes (merge/sources/stored.py); the parses are kept too
    assert len(extractions) == 2 and len(entries) == 3 and len(files(tmp_path / "a")) > 3
    assert all(json.loads(files(tmp_path / "a")[p].partition(b"\n")[2]) for p in extractions)
