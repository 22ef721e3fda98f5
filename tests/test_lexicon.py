"""The data files are read once per process: a rule that re-reads its file per article turns
YAML parsing into most of a large build (it once made cleaning 1,000 articles take 15 s, not 1)."""
from __future__ import annotations

from collections import Counter

from generator import clean, lexicon, read


def _article(n: int) -> str:
    return (f"---\ntitle: Ferry strike, day {n}\n---\n"
            "ABSTRACT.\n\nThe harbour ferries stopped again.\n\nFULL TEXT.\n\n"
            f"The harbour ferries stopped for the {n}th day, the union said on Monday.\n")


def test_cleaning_more_articles_reads_no_data_file_again(tmp_path, monkeypatch):
    reads: Counter[str] = Counter()
    real = lexicon.read

    def counted(name):
        reads[name] += 1
        return real(name)

    monkeypatch.setattr(lexicon, "read", counted)
    for n in range(1, 4):
        (tmp_path / f"ferry-{n}.md").write_text(_article(n), encoding="utf-8")
    seeds, _ = read.read_seeds(tmp_path)
    clean.clean_all(seeds[:1])
    first = sum(reads.values())
    clean.clean_all(seeds)
    assert sum(reads.values()) == first, f"data files read again while cleaning more articles: {dict(reads)}"


def test_extracting_more_articles_reads_no_data_file_again(tmp_path, monkeypatch):
    from generator import pipeline

    for n in range(1, 4):
        (tmp_path / f"ferry-{n}.md").write_text(_article(n), encoding="utf-8")
    articles = clean.clean_all(read.read_seeds(tmp_path)[0])
    pipeline.extract_chunk(articles[:1])  # every rule built once
    reads: Counter[str] = Counter()
    real = lexicon.read
    monkeypatch.setattr(lexicon, "read", lambda name: reads.update([name]) or real(name))
    pipeline.extract_chunk(articles[1:])
    assert not reads, f"data files read again while extracting more articles: {dict(reads)}"
