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


def test_each_title_list_is_written_once_and_both_stages_read_it():
    from generator import names
    from generator.extract import mentions, quotes

    titles = lexicon.titles()
    assert "titles" not in lexicon.read("speech")
    assert not {"person_titles", "courtesy_titles", "name_titles", "speech_verbs"} & set(lexicon.read("actors"))
    assert names.lexicon().titles == titles.roles and names.lexicon().courtesy == titles.courtesy
    assert quotes.lexicon().titles == titles.before_names >= titles.roles | titles.in_names | set(titles.courtesy)
    assert {"former", "foreign"} <= titles.before_names - titles.roles


def test_a_role_title_before_a_name_is_no_part_of_the_speakers_name():
    from generator import nlp
    from generator import names
    from generator.extract import mentions, quotes
    from generator.model import Article, Paragraph

    article = Article(id="s", path="seeds/s.txt", title="A story",
                      paragraphs=(Paragraph(1, "“The pier will reopen,” Moderator Jane Okoro said on Monday."),))
    docs = nlp.parse([article])["s"]
    found = quotes.extract(article, docs, mentions.extract(article, docs)[0])
    assert [q.speaker_text for q in found if q.kind == "direct"] == ["Jane Okoro"]
