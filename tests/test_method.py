"""The Method page: figures read from the recorded measurement, each labelled for what it measures."""
from __future__ import annotations

import json
from pathlib import Path

from generator.pages import method
from generator.render import render
from generator.scoring import score_all
from test_home import story_briefing

GOLD = Path(__file__).parent / "gold"

RECORDED = {
    "measured": "2026-01-05", "commit": "abc1234",
    "sample": [{"part": "quotes", "measure": "direct quotes", "tp": 3, "fp": 1, "fn": 2}],
    "real": {
        "attributions": {"clusters": 1, "articles": 12, "totals": {
            "pred": 10, "pred_ok": 9, "gold": 20, "gold_ok": 12, "speech": 15, "speech_ok": 11, "marks": 8,
            "marks_ok": 7, "named": 10, "named_ok": 8, "named_wrong": 1, "named_none": 1, "tiny": 0}},
        "entities": {"clusters": 2, "articles": 10, "totals": {"concepts": 4, "found": 3, "split": 1, "wrong_merge": 0, "actors": 9}},
        "timexes": {"clusters": 30, "articles": 30, "totals": {"pred": 10, "gold": 16, "matched": 9, "correct": 8, "neutral": 0}},
    },
}


def test_the_page_shows_both_kinds_of_figure_labelled(tmp_path: Path, monkeypatch):
    recorded = tmp_path / "quality.json"
    recorded.write_text(json.dumps(RECORDED), encoding="utf-8")
    monkeypatch.setattr(method, "QUALITY", recorded)
    page = render(story_briefing())["method.md"]
    assert "Measured on 2026-01-05 (version abc1234)" in page
    assert page.index("On real coverage of other stories") < page.index("On the sample articles")
    assert "upper bound" in page
    row = '<td>quotes</td><td>direct quotes</td><td class="num">3</td><td class="num">1</td><td class="num">2</td>'
    assert row in page and '<td class="num">0.75</td><td class="num">0.60</td><td class="num">0.67</td>' in page
    assert '<td>named speaker wrong (somebody else named)</td><td class="num">0.10 (1 of 10)</td><td>12 articles, one story, annotated attributions</td>' in page
    assert '<td>of them split over two or more profiles</td><td class="num">1</td><td>10 articles, 2 stories, annotated actors, five outlets a story</td>' in page
    # P = 8/10, R = 8/16: F1 = 2 * 0.8 * 0.5 / 1.3
    assert '<td>F1 of the two</td><td class="num">0.62</td>' in page


def test_without_a_recorded_measurement_the_page_says_so(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(method, "QUALITY", tmp_path / "missing.json")
    page = render(story_briefing())["method.md"]
    assert "No measurement was recorded" in page and "<table" not in page


def test_the_recorded_sample_figures_are_those_of_the_current_code(seeds_briefing):
    """bench/quality.py must be run again after a change to extraction: this fails until it is."""
    recorded = method.load()
    assert recorded is not None, "generator/measured/quality.json is missing: run bench/quality.py"
    now = [{"part": s.part, "measure": s.measure, "tp": s.tp, "fp": s.fp, "fn": s.fn}
           for s in score_all(seeds_briefing, GOLD)]
    assert recorded["sample"] == now


def test_the_recorded_measurement_covers_real_coverage_of_every_part():
    recorded = method.load()
    assert recorded is not None
    assert set(recorded["real"]) >= {"attributions", "entities", "timexes"}
    assert all(part["clusters"] and part["totals"] for part in recorded["real"].values())
