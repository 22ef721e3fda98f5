"""The MkDocs plugin `briefing`: found through its entry point, configured from mkdocs.yml, and
given the command line's choices by `generator site` without leaving anything behind."""
import os
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT, write_seeds
from generator import search
from generator.cli import main
from generator.plugin import BriefingPlugin

SEEDS = {"ferry.txt": "The ferry service to the island stopped on Monday after a storm damaged the pier, "
                      "the harbour master said.\n"}


def test_the_plugin_is_the_entry_point_pyproject_declares():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["entry-points"]["mkdocs.plugins"] == {"briefing": "generator.plugin:BriefingPlugin"}
    [found] = [e for e in metadata.entry_points(group="mkdocs.plugins") if e.name == "briefing"]
    assert found.load() is BriefingPlugin


def _plugin_config(monkeypatch, **environment):
    from mkdocs.config import load_config

    for name in ("BRIEFING_SEEDS", "BRIEFING_CACHE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return load_config(str(ROOT / "mkdocs.yml")).plugins["briefing"].config


def test_mkdocs_yml_configures_the_plugin(monkeypatch):
    config = _plugin_config(monkeypatch)
    assert (config.seeds, config.model, config.cache, config.cache_dir, config.search, config.executor) == \
        ("seeds", None, True, None, "auto", None)
    config = _plugin_config(monkeypatch, BRIEFING_SEEDS="/elsewhere/seeds", BRIEFING_CACHE="off")
    assert (config.seeds, config.cache) == ("/elsewhere/seeds", False)


def test_site_gives_the_plugin_its_options_and_leaves_the_environment_as_it_was(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    before = dict(os.environ)
    assert main(["site", "--seeds", str(seeds), "--site-dir", str(tmp_path / "a"), "--title", "Pier storm", "--no-cache"]) == 0
    assert dict(os.environ) == before
    assert "<title>Pier storm</title>" in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    # MkDocs keeps one plugin object per process: the next build has none of these choices.
    assert main(["site", "--seeds", str(seeds), "--site-dir", str(tmp_path / "b")]) == 0
    assert "Pier storm" not in (tmp_path / "b" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("engine", "expected"), [("auto", "material"), ("material", "material"), ("pagefind", "pagefind")])
def test_the_search_engine_can_be_chosen_whatever_the_index_size(engine, expected, monkeypatch):
    monkeypatch.delenv(search.ENV_THRESHOLD, raising=False)
    small = ["<p>The pier reopens in May.</p>"]
    assert search.decide(small, ["pagefind"], engine=engine).engine == expected
    monkeypatch.setenv(search.ENV_THRESHOLD, "0")
    assert search.decide(small, ["pagefind"], engine="material").engine == "material"
