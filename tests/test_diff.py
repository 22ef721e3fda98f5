"""Briefing diff: two small hand-written briefings that differ in each way the PR comment reports."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from generator import diff
from generator.cli import main
from generator.model import InputError


def where(source: str, paragraph: int) -> dict:
    return {"source": source, "paragraph": paragraph, "start": 0, "end": 10}


OLD = {
    "title": "Harbour strike",
    "sources": [
        {"id": "courier-1", "title": "Dockers walk out", "outlet": "Valley Courier", "url": None,
         "published": "2024-03-05", "published_basis": "front matter", "duplicate_of": None,
         "paragraphs": [{"n": 1, "text": "Dockers walked out on Monday."}], "removed": []},
        {"id": "gazette-1", "title": "Port closed", "outlet": "Coast Gazette", "url": None,
         "published": "2024-03-06", "published_basis": "dateline", "duplicate_of": None,
         "paragraphs": [{"n": 1, "text": "The port stayed closed."}], "removed": []},
    ],
    "actors": [
        {"id": "lena-varga", "name": "Lena Varga", "kind": "person", "aliases": ["Varga"],
         "roles": ["spokeswoman for the union"], "mentions": [{"source": "courier-1", "paragraph": 1}]},
        {"id": "harbour-workers-union", "name": "Harbour Workers Union", "kind": "organization",
         "aliases": [], "roles": [], "mentions": [{"source": "courier-1", "paragraph": 1}]},
        {"id": "l-vargha", "name": "L. Vargha", "kind": "person", "aliases": [],
         "roles": [], "mentions": [{"source": "gazette-1", "paragraph": 1}]},
    ],
    "quotes": [
        {"id": "q1", "speaker": "lena-varga", "speaker_text": "Lena Varga", "text": "We will not go back without a contract",
         "kind": "direct", "cue": "said", "via": [], "sources": [where("courier-1", 1)]},
        {"id": "q2", "speaker": "harbour-workers-union", "speaker_text": "the union",
         "text": "the strike would last a week", "kind": "indirect", "cue": "said", "via": [],
         "sources": [where("courier-1", 1)]},
        {"id": "q3", "speaker": "lena-varga", "speaker_text": "Varga", "text": "Cranes are idle",
         "kind": "direct", "cue": "said", "via": [], "sources": [where("gazette-1", 1)]},
        {"id": "q9", "speaker": None, "speaker_text": None, "text": "A quote that the new build no longer finds",
         "kind": "direct", "cue": None, "via": [], "sources": [where("gazette-1", 1)]},
    ],
    "figures": [
        {"subject": "containers stranded", "value": 400, "unit": "containers", "claimant": "lena-varga",
         "date": "2024-03-05", "sources": [where("courier-1", 1)]},
        {"subject": "workers on strike", "value": [1200, None], "unit": "people", "claimant": "harbour-workers-union",
         "date": "2024-03-05", "sources": [where("courier-1", 1)]},
    ],
    "events": [
        {"id": "e1", "date": "2024-03-04", "precision": "day", "expression": "Monday", "anchor": "2024-03-05",
         "text": "Dockers walked out.", "sources": [where("courier-1", 1)]},
        {"id": "e2", "date": "2024-03", "precision": "month", "expression": "this month", "anchor": "2024-03-06",
         "text": "The port stayed closed.", "sources": [where("gazette-1", 1)]},
    ],
}


def new_briefing() -> dict:
    new = copy.deepcopy(OLD)
    # Sources: one removed, one added, one with a paragraph edited and one added.
    gazette = new["sources"][1]
    gazette["paragraphs"] = [{"n": 1, "text": "The port stayed closed on Tuesday."}, {"n": 2, "text": "Ships waited."}]
    new["sources"] = [s for s in new["sources"] if s["id"] != "courier-1"] + [
        {"id": "herald-1", "title": "Talks resume at the port", "outlet": "Northern Herald", "url": None,
         "published": "2024-03-08", "published_basis": "text", "duplicate_of": None,
         "paragraphs": [{"n": 1, "text": "Talks resumed."}], "removed": []},
    ]
    # Actors: a new one, an old one folded in as an alias, aliases gained and lost, a kind changed.
    varga = new["actors"][0]
    varga["aliases"] = ["L. Vargha", "Lena Vargha"]  # gained two, lost "Varga"
    union = new["actors"][1]
    union.update(kind="other", aliases=["Dockers' Union"])
    new["actors"] = [varga, union, {
        "id": "port-authority", "name": "Port Authority", "kind": "organization", "aliases": ["the authority"],
        "roles": [], "mentions": [{"source": "herald-1", "paragraph": 1}]}]
    # Quotes: q1 unchanged, q2 re-attributed under a new id, q3's cue changed, q9 gone, one new.
    q2 = next(q for q in new["quotes"] if q["id"] == "q2")
    q2.update(id="q2-new", speaker="lena-varga", speaker_text="Lena Varga")
    q3 = next(q for q in new["quotes"] if q["id"] == "q3")
    q3.update(cue="told", via=["Northern Herald"])
    new["quotes"] = [q for q in new["quotes"] if q["id"] != "q9"] + [
        {"id": "q4", "speaker": "port-authority", "speaker_text": "Port Authority",
         "text": "Ships are being diverted to <b>Westhaven</b> [see](javascript:alert(1)) @everyone #12",
         "kind": "direct", "cue": "said", "via": [], "sources": [where("herald-1", 1)]},
    ]
    # Figures: one value changed, one unchanged, one new (another claimant, same subject).
    new["figures"][0]["value"] = 450
    new["figures"].append({"subject": "containers stranded", "value": [300, 500], "unit": "containers",
                           "claimant": "port-authority", "date": "2024-03-07", "sources": [where("herald-1", 1)]})
    # Events: e1 re-dated, e2 unchanged, one new.
    new["events"][0].update(id="e1-renumbered", date="2024-03-03", expression="Sunday night")
    new["events"].append({"id": "e3", "date": "2024-03-08", "precision": "day", "expression": "Friday",
                          "anchor": "2024-03-08", "text": "Talks resumed at the port.", "sources": [where("herald-1", 1)]})
    return new


def section(markdown: str, title: str) -> list[str]:
    """The bullet lines under one '### title' heading ([] when the section is absent)."""
    match = re.search(rf"^### {re.escape(title)}\n\n((?:- .*\n)+)", markdown, re.M)
    return [line[2:] for line in match.group(1).splitlines()] if match else []


@pytest.fixture(scope="module")
def report() -> str:
    new = new_briefing()
    return diff.to_markdown(diff.diff(OLD, new), OLD, new)


def plain(text: str) -> str:
    """Markdown as GitHub shows it: backslash escapes and word joiners gone."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


def test_sources_added_and_removed(report):
    assert [plain(x) for x in section(report, "Sources added")] == [
        "herald-1: Talks resume at the port (Northern Herald, 2024-03-08)"]
    assert [plain(x) for x in section(report, "Sources removed")] == [
        "courier-1: Dockers walk out (Valley Courier, 2024-03-05)"]
    assert [plain(x) for x in section(report, "Sources changed")] == [
        "gazette-1: Port closed (Coast Gazette, 2024-03-06): paragraphs: 1 edited, 1 added (1 → 2)"]


def test_new_changed_and_lost_quotes_name_their_speakers(report):
    new = [plain(x) for x in section(report, "New quotes")]
    assert len(new) == 1 and new[0].startswith("**Port Authority** said: “Ships are being diverted")
    changed = sorted(plain(x) for x in section(report, "Changed quotes"))
    assert len(changed) == 2
    # The re-attributed statement is matched by its text, not reported as removed + new.
    assert changed[0].startswith("**Lena Varga** said: “the strike would last a week”")
    assert "speaker: harbour-workers-union → lena-varga" in changed[0]
    assert "speaker text: the union → Lena Varga" in changed[0]
    assert changed[1].startswith("**Varga** told via Northern Herald: “Cranes are idle”")
    assert "cue: said → told" in changed[1] and "via: _none_ → Northern Herald" in changed[1]
    assert [plain(x) for x in section(report, "Quotes no longer found")] == [
        "_unattributed_: “A quote that the new build no longer finds” (gazette-1#p1)"]
    assert "We will not go back" not in report  # unchanged quotes are not listed


def test_new_and_changed_events(report):
    assert [plain(x) for x in section(report, "New events")] == [
        "2024-03-08 (day, Friday): Talks resumed at the port. (herald-1#p1)"]
    changed = [plain(x) for x in section(report, "Changed events")]
    assert len(changed) == 1
    assert "date: 2024-03-04 → 2024-03-03" in changed[0] and "expression: Monday → Sunday night" in changed[0]
    assert "stayed closed" not in "".join(changed)


def test_new_actors_and_merged_aliases(report):
    assert [plain(x) for x in section(report, "New actors")] == ["Port Authority (organization; also the authority)"]
    merged = [plain(x) for x in section(report, "Merged aliases")]
    assert sorted(merged) == [
        "Harbour Workers Union gained Dockers' Union",
        "L. Vargha is now an alias of Lena Varga",
        "Lena Varga gained L. Vargha, Lena Vargha",
    ]
    assert [plain(x) for x in section(report, "Aliases split off")] == ["Lena Varga no longer includes Varga"]
    assert [plain(x) for x in section(report, "Changed actors")] == [
        "Harbour Workers Union (other; also Dockers' Union): kind: organization → other"]
    # Folded into another actor, so not also reported as lost.
    assert section(report, "Actors no longer found") == []


def test_changed_and_new_figures_are_kept_apart_by_claimant(report):
    changed = [plain(x) for x in section(report, "Changed figures")]
    assert changed == ["containers stranded: 450 containers, claimed by Lena Varga on 2024-03-05 (courier-1#p1): value: 400 → 450"]
    assert [plain(x) for x in section(report, "New figures")] == [
        "containers stranded: 300–500 containers, claimed by Port Authority on 2024-03-07 (herald-1#p1)"]
    assert "1200 or more" not in report  # unchanged


def test_seed_text_cannot_become_markdown_html_or_a_mention(report):
    line = section(report, "New quotes")[0]
    assert "<b>" not in line and "\\<b\\>" in line
    assert "](" not in line and "\\]\\(" in line
    assert "@everyone" not in line and "@\u2060everyone" in line
    assert "#12" not in line and "#\u2060" in line


def test_gfm_text_escapes_every_markdown_character():
    hostile = "*a* _b_ `c` [d](e) <i>f</i> | g & h; ![i](j) # k\n- l"
    escaped = diff.gfm_text(hostile)
    assert "\n" not in escaped
    assert not re.search(r"(?<!\\)[*_`\[\]()<>|&!#-]", escaped)
    assert plain(escaped) == "*a* _b_ `c` [d](e) <i>f</i> | g & h; ![i](j) # k - l"


def test_identical_briefings_have_no_changes():
    assert "No changes" in diff.to_markdown(diff.diff(OLD, OLD), OLD, OLD)


def test_output_is_deterministic_whatever_the_input_order():
    new = new_briefing()
    shuffled = {k: list(reversed(v)) if isinstance(v, list) else v for k, v in new.items()}
    assert diff.to_markdown(diff.diff(OLD, new), OLD, new) == diff.to_markdown(diff.diff(OLD, shuffled), OLD, shuffled)


def test_an_older_briefing_without_some_sections_still_compares():
    old = {"sources": OLD["sources"]}
    new = new_briefing()
    report = diff.to_markdown(diff.diff(old, new), old, new)
    assert len(section(report, "New quotes")) == len(new["quotes"])


def test_limit_cuts_at_a_line_and_says_how_much_is_left(report):
    cut = diff.limit(report, 300)
    assert len(cut) < 300 + 100 and cut.endswith("the diff is longer than a comment may be._\n")
    assert diff.limit(report, None) == report


def test_command_prints_the_diff(tmp_path: Path, capsys):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(OLD), encoding="utf-8")
    new.write_text(json.dumps(new_briefing()), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Briefing changes\n") and "### Merged aliases" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"sources": [}', ":1: not valid JSON"),
        ("[1, 2]", "top level is not a JSON object"),
        ('{"quotes": {"a": 1}}', '"quotes" is not a list of objects'),
    ],
)
def test_a_bad_briefing_is_an_error_naming_the_file(tmp_path: Path, capsys, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        diff.load(bad)
    assert str(bad) in str(exc.value) and message in str(exc.value)
    good = tmp_path / "good.json"
    good.write_text("{}", encoding="utf-8")
    assert main(["diff", str(bad), str(good)]) == 1
    assert str(bad) in capsys.readouterr().err


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path, capsys):
    assert main(["diff", str(tmp_path / "nope.json"), str(tmp_path / "nope.json")]) == 1
    assert "nope.json: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "words"), [
    ("[" * 100_000, "nested too deeply"),
    ('{"sources": [{"id": ' + "9" * 6000 + "}]}", "Exceeds the limit"),
])
def test_a_hostile_json_file_is_an_error_naming_it_not_a_traceback(tmp_path, capsys, content, words):
    empty, bad = tmp_path / "old.json", tmp_path / "new.json"
    empty.write_text("{}", encoding="utf-8")
    bad.write_text(content, encoding="utf-8")
    assert main(["diff", str(empty), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: not a briefing: ") and words in err
