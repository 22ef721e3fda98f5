"""The Data page, and the JSON Schema of briefing.json published next to the data it describes."""
from __future__ import annotations

import json
from importlib import resources

from generator.render import Context

SCHEMA_PATH = "data/briefing.schema.json"


def schema_text() -> str:
    return resources.files("generator").joinpath("data/briefing.schema.json").read_text(encoding="utf-8")


def schema() -> dict:
    return json.loads(schema_text())


def pages(ctx: Context) -> dict[str, str]:
    b = ctx.briefing
    counts = [
        ("sources", len(b.sources)),
        ("actors", len(b.actors)),
        ("quotes", len(b.quotes)),
        ("figures", len(b.figures)),
        ("events", len(b.events)),
    ]
    return {
        "data.md": ctx.render("data.md.j2", "data.md", counts=counts, schema_path=SCHEMA_PATH),
        SCHEMA_PATH: schema_text(),
    }
