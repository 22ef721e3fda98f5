"""briefing.json against its published JSON Schema, for every briefing the tests build."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import write_seeds
from generator import export, pipeline
from generator.pages import data
from generator.render import render
from test_home import story_briefing

VALIDATOR = jsonschema.Draft202012Validator(data.schema(), format_checker=jsonschema.FormatChecker())


def errors(doc: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(doc)]


def dangling(doc: dict) -> list[str]:
    """References the schema cannot check: to sources, paragraphs and actors that do not exist."""
    paragraphs = {s["id"]: {p["n"] for p in s["paragraphs"]} for s in doc["sources"]}
    actors = {a["id"] for a in doc["actors"]}
    out = [f"source {s['id']}: duplicate_of {s['duplicate_of']}" for s in doc["sources"]
           if s["duplicate_of"] is not None and s["duplicate_of"] not in paragraphs]
    for part in ("quotes", "figures", "events"):
        for item in doc[part]:
            for w in item["sources"]:
                if w["paragraph"] not in paragraphs.get(w["source"], ()):
                    out.append(f"{part}: {w['source']} ¶{w['paragraph']}")
    for a in doc["actors"]:
        out += [f"actor {a['id']}: {w['source']} ¶{w['paragraph']}" for w in a["mentions"]
                if w["paragraph"] not in paragraphs.get(w["source"], ())]
    out += [f"quote {q['id']}: speaker {q['speaker']}" for q in doc["quotes"]
            if q["speaker"] is not None and q["speaker"] not in actors]
    out += [f"figure {f['subject']}: claimant {f['claimant']}" for f in doc["figures"]
            if f["claimant"] is not None and f["claimant"] not in actors]
    return out


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(data.schema())


def test_a_briefing_with_every_kind_of_item_is_valid():
    doc = export.briefing_dict(story_briefing())
    assert errors(doc) == []
    assert dangling(doc) == []


def test_the_seeds_briefing_is_valid(seeds_briefing):
    doc = json.loads(export.briefing_json(seeds_briefing))
    assert errors(doc) == []
    assert dangling(doc) == []


def test_a_briefing_of_other_seeds_is_valid(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", {
        "a.md": "---\ntitle: Dam inspection finds cracks\noutlet: River Post\npublished: 2022-06-01\n---\n"
                "Engineers found cracks in the Oberau dam on Tuesday, chief inspector Mara Lindqvist said.\n\n"
                "\u201cThe structure is safe for now,\u201d Lindqvist told reporters.\n",
        "b.txt": "Inspectors reported two cracks in the Oberau dam last week.\n\n"
                 "The regional council said repairs would cost 3 million euros.\n",
    })
    doc = json.loads(export.briefing_json(pipeline.build_briefing(seeds)))
    assert errors(doc) == []
    assert dangling(doc) == []


@pytest.mark.parametrize(("path", "bad"), [
    (("figures", 0, "value"), "eight"),
    (("figures", 0, "value"), [3]),
    (("sources", 0, "published"), "12 March 2024"),
    (("events", 0, "precision"), "fortnight"),
    (("events", 0, "date"), "last Monday"),
    (("quotes", 0, "kind"), "paraphrase"),
    (("quotes", 0, "sources"), []),
    (("actors", 0, "kind"), "company"),
    (("sources", 0, "paragraphs", 0, "n"), 0),
])
def test_the_schema_rejects_what_the_contract_forbids(path, bad):
    doc = export.briefing_dict(story_briefing())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert errors(doc), f"{path} = {bad!r} passed"


@pytest.mark.parametrize("field", ["sources", "actors", "quotes", "figures", "events"])
def test_the_schema_requires_every_contract_part(field):
    doc = copy.deepcopy(export.briefing_dict(story_briefing()))
    del doc[field]
    assert errors(doc)


def test_the_schema_is_published_with_the_data():
    files = render(story_briefing())
    assert json.loads(files[data.SCHEMA_PATH]) == data.schema()
    page = files["data.md"]
    for name in ("briefing.json", "quotes.csv", "briefing.schema.json"):
        assert f'href="{name}"' in page  # the Data page (data/) links to its neighbours


@pytest.mark.slow
def test_the_built_sites_briefing_json_is_valid(seeds_site: Path):
    doc = json.loads((seeds_site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert errors(doc) == []
    assert dangling(doc) == []
    assert json.loads((seeds_site / "data" / "briefing.schema.json").read_text(encoding="utf-8")) == data.schema()
