"""Publication dates from file names, stamps opening the first line, and a sidecar table."""
from pathlib import Path

from generator import clean, published, read


def _seeds(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_date_in_the_file_name_dates_the_seed_with_its_basis(tmp_path):
    folder = _seeds(tmp_path, {
        "2019-06-02_harbour_ferry.txt": "Ferry crews walked out on Sunday.\n",
        "07_gazette_2019-06-03.txt": "The strike went on for a second day.\n",
        "notes.txt": "The strike went on for a second day.\n",
    })
    seeds, _ = read.read_seeds(folder)
    dated = {a.id: (a.published, a.published_basis) for a in clean.clean_all(seeds)}
    assert dated["2019-06-02_harbour_ferry"] == ("2019-06-02", "file name")
    assert dated["07_gazette_2019-06-03"] == ("2019-06-03", "file name")
    assert dated["notes"] == (None, None)


def test_a_file_name_with_no_real_date_gives_none():
    assert published.from_file_name("2019-13-40_story") == (None, None)
    assert published.from_file_name("report_12345678") == (None, None)


def test_a_stamp_opening_a_one_line_article_is_the_date_and_leaves_the_text(tmp_path):
    folder = _seeds(tmp_path, {"a.txt": "OSLO | Tue Jun 4, 2019 7:05am GMT Ferry crews voted on Monday to end the strike.\n"})
    seeds, _ = read.read_seeds(folder)
    (art,) = clean.clean_all(seeds)
    assert (art.published, art.published_basis) == ("2019-06-04", "timestamp")
    assert art.paragraphs[0].text == "Ferry crews voted on Monday to end the strike."
    assert any(r.text.startswith("OSLO | Tue Jun 4, 2019") for r in art.removed)


def test_a_date_starting_a_sentence_is_not_a_stamp():
    assert published.head_stamp("June 4, 2019 was the day the ferries stopped.") == (None, 0)


def test_a_sidecar_table_is_read_like_front_matter(tmp_path):
    folder = _seeds(tmp_path, {
        "a.txt": "Ferry crews walked out.\n",
        "b.txt": "---\npublished: 2019-06-01\n---\nThe strike began.\n",
        "sources.csv": "file,title,outlet,url,published,author\n"
                       "a.txt,Crews walk out,Harbour Post,https://example.org/a,2019-06-02,Ann Lee\n"
                       "b.txt,,,,2019-06-09,\n",
    })
    seeds, problems = read.read_seeds(folder)
    assert problems == []
    arts = {a.id: a for a in clean.clean_all(seeds)}
    assert (arts["a"].published, arts["a"].published_basis, arts["a"].outlet) == ("2019-06-02", "sources.csv", "Harbour Post")
    assert (arts["b"].published, arts["b"].published_basis) == ("2019-06-01", "front matter")  # the file's own wins


def test_a_sidecar_row_naming_no_seed_is_an_error(tmp_path):
    folder = _seeds(tmp_path, {"a.txt": "Ferry crews walked out.\n",
                               "sources.yml": "- file: a.txt\n  outlet: Harbour Post\n- file: missing.txt\n  title: Gone\n"})
    _, problems = read.read_seeds(folder)
    assert [(p.severity, "missing.txt" in p.message) for p in problems] == [("error", True)]


def test_a_hostile_sidecar_is_an_error_naming_it_never_a_hang_or_a_traceback(tmp_path):
    laughs = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))
    folder = _seeds(tmp_path, {"a.txt": "Ferry crews walked out.\n",
                               "sources.yml": "l0: &l0 [ha]\n" + laughs + "- file: a.txt\n"})
    seeds, problems = read.read_seeds(folder)
    assert [s.id for s in seeds] == ["a"]
    assert [p.path.endswith("sources.yml") and p.severity == "error" for p in problems] == [True]
    (folder / "sources.yml").unlink()
    (folder / "sources.csv").write_bytes(b"file,outlet\na.txt,Harbour \xff Post\n")
    seeds, problems = read.read_seeds(folder)
    assert [s.id for s in seeds] == ["a"]
    assert [p.path.endswith("sources.csv") and "UTF-8" in p.message for p in problems] == [True]
