"""Pagefind under `mkdocs serve`: indexed in the background, the last index served meanwhile.

A fake Pagefind stands in for the real one. It counts its runs and writes an index naming the page
it read. When a test has made a gate (a named pipe) for a run, that run stops after reading the
site until the test opens its gate and says "ok" or "fail". Opening a gate blocks until its run
waits behind it, so the tests know where a run is without timing anything.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.utils import clean_directory

from generator import search

FAKE_PAGEFIND = r'''
import os, signal, sys
from pathlib import Path

signal.alarm(90)  # a test that never opens the gate fails instead of hanging
args = sys.argv[1:]
site, output = Path(args[args.index("--site") + 1]), Path(args[args.index("--output-path") + 1])
control = Path(os.environ["FAKE_PAGEFIND_CONTROL"])
with open(control / "runs", "a+") as runs:
    runs.write("run\n")
    runs.seek(0)
    number = len(runs.readlines())
page = (site / "index.html").read_text()
answer = "ok"
if (control / f"gate-{number}").exists():
    with open(control / f"gate-{number}") as gate:
        answer = gate.read()
if answer == "fail":
    sys.exit("fake pagefind: the disk is on fire")
(output / "fragment").mkdir(parents=True)
(output / "fragment" / "one.pf_fragment").write_text(page)
(output / "pagefind-ui.js").write_text(page)
'''
WAIT = 60  # seconds before a test gives up on what should have happened (a hang guard, not a speed)


@pytest.fixture
def fake(tmp_path: Path, monkeypatch) -> SimpleNamespace:
    control = tmp_path / "control"
    control.mkdir()
    (control / "runs").touch()
    script = tmp_path / "fake_pagefind.py"
    script.write_text(FAKE_PAGEFIND, encoding="utf-8")
    monkeypatch.setenv("FAKE_PAGEFIND_CONTROL", str(control))
    return SimpleNamespace(command=(sys.executable, str(script)), control=control)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    build(site, "build 1")
    return site


@pytest.fixture
def background():
    index = search.BackgroundIndex(logging.getLogger("mkdocs.plugins.briefing"))
    try:
        yield index
    finally:
        index.close()


def build(site: Path, label: str, clean: bool = False) -> None:
    """What MkDocs leaves in site_dir: pages, and Material's search index."""
    site.mkdir(exist_ok=True)
    if clean:
        clean_directory(str(site))  # as `mkdocs serve` without --dirty does before every build
    (site / "index.html").write_text(label, encoding="utf-8")
    (site / "search").mkdir(exist_ok=True)
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")


def served_index(site: Path) -> str:
    return (site / "pagefind" / "pagefind-ui.js").read_text(encoding="utf-8")


def runs(fake) -> int:
    return len((fake.control / "runs").read_text().splitlines())


def close_gate(fake, run: int) -> None:
    """Have the fake's run number `run` (counting from 1) wait for the test after reading the site."""
    os.mkfifo(fake.control / f"gate-{run}")


def at_gate(fake, run: int):
    """The run's gate, opened once the run waits behind it: write its answer and close it."""
    opened: list = []
    opener = threading.Thread(target=lambda: opened.append(open(fake.control / f"gate-{run}", "w")), daemon=True)
    opener.start()
    opener.join(WAIT)
    assert opened, f"Pagefind's run {run} never came"
    return opened[0]


def test_the_first_build_waits_for_its_index(fake, site, background):
    background.after_build(site, fake.command)
    assert served_index(site) == "build 1"
    assert runs(fake) == 1
    assert not (site / "search").exists()


def test_a_rebuild_returns_at_once_serving_the_last_index_until_the_new_one_is_done(fake, site, background):
    background.after_build(site, fake.command)
    close_gate(fake, 2)
    build(site, "build 2", clean=True)
    assert not (site / "pagefind").exists()

    background.after_build(site, fake.command)  # returns while the run cannot finish: its gate is shut
    assert served_index(site) == "build 1"
    assert not (site / "search").exists()
    with at_gate(fake, 2) as gate:
        assert served_index(site) == "build 1"
        gate.write("ok")
    assert background.wait(WAIT)
    assert served_index(site) == "build 2"
    assert (site / "pagefind" / "fragment" / "one.pf_fragment").read_text() == "build 2"
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []


def test_builds_ending_during_a_run_ask_for_one_more_run_only(fake, site, background):
    background.after_build(site, fake.command)
    close_gate(fake, 2)
    close_gate(fake, 3)
    build(site, "build 2")
    background.after_build(site, fake.command)
    with at_gate(fake, 2) as gate:  # run 2 has read build 2; three more builds end while it runs
        for n in (3, 4, 5):
            build(site, f"build {n}", clean=True)
            background.after_build(site, fake.command)
            assert served_index(site) == "build 1"
        gate.write("ok")
    with at_gate(fake, 3) as gate:
        gate.write("ok")
    assert background.wait(WAIT)
    assert runs(fake) == 3  # the first build's, the one under way, and one for the three builds after it
    assert served_index(site) == "build 5"


def test_a_failed_run_is_logged_and_the_last_index_stays(fake, site, background, caplog):
    background.after_build(site, fake.command)
    close_gate(fake, 2)
    build(site, "build 2", clean=True)
    background.after_build(site, fake.command)
    with at_gate(fake, 2) as gate:
        gate.write("fail")
    assert background.wait(WAIT)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.name.startswith("mkdocs.")
    assert "Pagefind failed (exit 1)" in record.getMessage() and "the disk is on fire" in record.getMessage()
    assert served_index(site) == "build 1"

    close_gate(fake, 3)
    build(site, "build 3", clean=True)  # the next build still has search, and a new index after it
    background.after_build(site, fake.command)
    assert served_index(site) == "build 1"
    with at_gate(fake, 3) as gate:
        gate.write("ok")
    assert background.wait(WAIT)
    assert served_index(site) == "build 3"


def test_closing_stops_a_run_and_removes_the_kept_index(fake, site):
    background = search.BackgroundIndex(logging.getLogger("mkdocs.plugins.briefing"))
    background.after_build(site, fake.command)
    close_gate(fake, 2)
    background.after_build(site, fake.command)
    with at_gate(fake, 2):  # the run waits for an answer that never comes: only stopping it ends it
        closing = threading.Thread(target=background.close)
        closing.start()
        closing.join(WAIT)
        assert not closing.is_alive(), "close() waited for the run instead of stopping it"
    assert not background.folder.exists()
    assert served_index(site) == "build 1"


@pytest.fixture
def plugin(fake):
    """The briefing plugin after a build whose pages chose Pagefind (the fake one)."""
    from generator.plugin import BriefingPlugin

    plugin = BriefingPlugin()
    plugin.decision = search.Decision("pagefind", 0, fake.command)
    yield plugin
    plugin.on_shutdown()


def test_mkdocs_build_has_its_whole_index_when_the_build_ends(plugin, fake, site):
    plugin.on_startup(command="build", dirty=False)
    assert plugin.serving is None
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(site)))
    build(site, "build 2", clean=True)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(site)))
    assert served_index(site) == "build 2"
    assert runs(fake) == 2
    assert not (site / "search").exists()


def test_mkdocs_serve_indexes_in_the_background_and_cleans_up_at_shutdown(plugin, fake, site):
    plugin.on_startup(command="serve", dirty=True)
    index = plugin.serving.background_index
    assert index.folder is None  # a site on Material's search leaves nothing
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(site)))
    assert served_index(site) == "build 1"
    close_gate(fake, 2)
    build(site, "build 2")
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(site)))
    assert served_index(site) == "build 1"
    folder = index.folder
    with at_gate(fake, 2) as gate:
        gate.write("ok")
    assert index.wait(WAIT)
    assert served_index(site) == "build 2"
    plugin.on_shutdown()
    assert not folder.exists() and plugin.serving is None
