"""The Method page: scores computed at build time, and honest about what they were measured on."""
from __future__ import annotations

from pathlib import Path

from conftest import write_seeds
from generator.pages import method
from generator.render import render
from generator.scoring import Score
from test_home import story_briefing


def sample_like(tmp_path: Path, ids) -> Path:
    return write_seeds(tmp_path / "sample", {f"{i}.txt": "A short report about a harbour fire.\n" for i in ids})


def gold_dir(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "unscored.yml").write_text("items: []\n", encoding="utf-8")  # no scorer has this name
    return gold


def test_no_gold_means_no_numbers(tmp_path: Path):
    measured = method.measure(story_briefing(), gold=tmp_path / "missing", sample=tmp_path)
    assert measured.basis == "none" and measured.scores == ()


def test_the_annotated_seeds_are_measured_on_this_briefing(tmp_path: Path):
    sample = sample_like(tmp_path, ["wire", "copy", "local"])
    measured = method.measure(story_briefing(), gold=gold_dir(tmp_path), sample=sample)
    assert measured.basis == "this briefing" and measured.sources == 3


def test_other_seeds_are_measured_on_the_bundled_sample(tmp_path: Path):
    sample = sample_like(tmp_path, ["s1", "s2"])
    measured = method.measure(story_briefing(), gold=gold_dir(tmp_path), sample=sample)
    assert measured.basis == "bundled sample" and measured.sources == 2


def test_the_page_shows_the_computed_scores_and_says_what_they_measure(monkeypatch):
    scores = (Score("quotes", "direct quotes", tp=3, fp=1, fn=2),)
    monkeypatch.setattr(method, "measure", lambda b: method.Measurement("bundled sample", scores, 5))
    page = render(story_briefing())["method.md"]
    assert "This briefing is not annotated" in page and "(5 sources)" in page
    row = '<td>quotes</td><td>direct quotes</td><td class="num">3</td><td class="num">1</td><td class="num">2</td>'
    assert row in page
    assert '<td class="num">0.75</td><td class="num">0.60</td><td class="num">0.67</td>' in page


def test_without_annotations_the_page_says_so(monkeypatch):
    monkeypatch.setattr(method, "measure", lambda b: method.Measurement("none"))
    page = render(story_briefing())["method.md"]
    assert "This briefing is not annotated" in page and "<table" not in page


def test_the_seeds_are_measured_as_this_briefing(seeds_briefing):
    expected = "this briefing" if any(method.GOLD.glob("*.yml")) else "none"
    assert method.measure(seeds_briefing).basis == expected
