"""The reading of real actor lists (tests/gold/actor_readings.yml) and what it says about the rules.

The lists were built from real coverage that is not part of the project; each actor was judged by
reading it (ok, junk, duplicate, wrong kind). The figures the project reports are recomputed here
from the verdicts, so they cannot drift from the reading, and the form-based junk rules are checked
never to drop an actor the reading judged a real one.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.extract import mentions
from generator import names

GOLD = Path(__file__).resolve().parent / "gold" / "actor_readings.yml"
VERDICTS = {"ok", "junk", "duplicate", "wrong kind"}


def readings() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["readings"]


def shares(reading: dict) -> dict[str, float]:
    judged = reading["actors"]
    return {v: round(sum(a["verdict"] == v for a in judged) / len(judged), 3) for v in VERDICTS - {"ok"}}


def test_every_actor_read_has_one_verdict_and_a_reason_when_not_ok():
    for reading in readings():
        assert reading["judged"] == len(reading["actors"]) <= reading["actors_in_briefing"]
        for a in reading["actors"]:
            assert a["verdict"] in VERDICTS, a
            assert (a["verdict"] == "ok") != bool(a.get("why")), a


def test_reported_shares_are_the_verdicts_counted():
    for reading in readings():
        assert reading["shares"] == shares(reading), reading["set"]


def test_the_form_rules_drop_no_actor_the_reading_judged_real():
    lex = names.lexicon()
    for reading in readings():
        for a in reading["actors"]:
            if a["verdict"] in ("ok", "wrong kind", "duplicate"):
                assert mentions.written_reason(a["name"], lex) is None, a["name"]


def test_a_first_name_alone_in_another_article_is_not_folded_into_a_full_name(tmp_path):
    from generator import pipeline
    from generator.settings import Settings
    from conftest import write_seeds

    seeds = write_seeds(tmp_path / "seeds", {
        "a.txt": "Road shut\n\nMarta Quell said on Monday that the road was shut.\n",
        "b.txt": "Road open\n\nMarta said on Tuesday that the road was open again.\n",
        "c.txt": "Bridge\n\nTomas Brel said the bridge held. Tomas added that it would be checked.\n",
    })
    briefing = pipeline.build_briefing(seeds, Settings(cache=False))
    actors = {a.name: a for a in briefing.actors}
    assert "Marta" not in actors["Marta Quell"].aliases and "Marta" not in actors  # no evidence it is her
    assert [(u.text, u.candidates) for u in briefing.unresolved] == [("Marta", (actors["Marta Quell"].id,))]
    assert "Tomas" in actors["Tomas Brel"].aliases  # the same article introduced him first
