"""The reading of real actor lists (tests/gold/actor_readings.yml) and what it says about the rules.

The lists were built from real coverage that is not part of the project; each actor was judged by
reading it (ok, junk, duplicate, wrong kind). The figures the project reports are recomputed here
from the verdicts, so they cannot drift from the reading, and the form-based junk rules are checked
never to drop an actor the reading judged a real one. Each list is read whole, so the reading is
also held against the briefing the generator builds now from the same articles (the development
corpora; set BRIEFING_CORPORA to their folder when it is not next to the project as
`../shared/corpora`): an actor the reading never saw, or a real one it saw that is gone, means the
figures no longer describe the output and the list is to be read again.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from generator.extract import mentions
from generator import names

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "actor_readings.yml"
CORPORA = Path(os.environ.get("BRIEFING_CORPORA", ROOT.parent / "shared" / "corpora"))
FOLDERS = {"polnear_sep2016": "attribution/polnear_sep2016", "newswcl50_event0": "actors/newswcl50_event0",
           "newswcl50_event4": "actors/newswcl50_event4"}
VERDICTS = {"ok", "junk", "duplicate", "wrong kind"}
# The briefing may drift a little from the reading between two readings (a rule elsewhere adds or
# drops an actor); past this share of the list the shares describe another output.
DRIFT = 0.02


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


def test_every_list_is_read_whole_and_a_duplicate_names_an_actor_of_its_list():
    assert {r["set"] for r in readings()} == set(FOLDERS)
    for reading in readings():
        assert reading["sample"] == "the whole list" and reading["judged"] == reading["actors_in_briefing"]
        listed = {a["name"] for a in reading["actors"]}
        for a in reading["actors"]:
            assert (a["verdict"] == "duplicate") == ("of" in a), a
            if "of" in a:
                assert a["of"] in listed and a["of"] != a["name"], a


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


def _built(set_name: str, tmp_path: Path):
    from generator import pipeline
    from generator.settings import Settings

    folder = CORPORA / FOLDERS[set_name]
    if not folder.is_dir():
        # The articles are the corpora's, not the project's: a clone without them cannot compare,
        # but CI, which has them, must.
        message = f"the development corpora are not at {CORPORA}: set BRIEFING_CORPORA to their folder"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    seeds = tmp_path / set_name
    seeds.mkdir()
    for f in sorted(folder.glob("*.txt")):
        shutil.copy(f, seeds / f.name)
    return pipeline.build_briefing(seeds, Settings())


@pytest.mark.parametrize("set_name", sorted(FOLDERS))
def test_the_reading_still_describes_the_actor_list_built_now(set_name, tmp_path):
    reading = next(r for r in readings() if r["set"] == set_name)
    briefing = _built(set_name, tmp_path)
    now = {(a.name, a.kind): a for a in briefing.actors}
    read = {(a["name"], a["kind"]): a for a in reading["actors"]}
    names_now = {n for a in briefing.actors for n in (a.name, *a.aliases)}
    unread = sorted(set(now) - set(read))
    gone = sorted(set(read) - set(now))
    recounted = sorted((k, read[k]["mentions"], len(now[k].mentions)) for k in set(now) & set(read)
                       if read[k]["mentions"] != len(now[k].mentions))
    # A real actor gone is a loss unless its name lives on as an alias (a fold of the same one).
    lost = [k for k in gone if read[k]["verdict"] in ("ok", "wrong kind") and k[0] not in names_now]
    print(f"\n{set_name}: {len(now)} actors now, {len(read)} read; not read: {unread}; gone: {gone}; "
          f"lost: {lost}; mention counts changed: {recounted}")
    limit = DRIFT * len(read)
    assert len(unread) <= limit, f"actors the reading has not judged (read them): {unread}"
    assert len(lost) <= limit, f"real actors no longer in the briefing: {lost}"
    # What the fixes since the reading removed counts as fixed, never as worse.
    for verdict, share in reading["shares"].items():
        still = sum(read[k]["verdict"] == verdict for k in set(read) & set(now))
        assert still <= round(share * len(read)) + 0.5, verdict
