"""Search at scale: the switch to Pagefind, and Pagefind answering in the browser from the built site."""
from pathlib import Path

import pytest

from bench import browser
from conftest import ROOT, SEEDS
from generator import search


def test_small_briefings_keep_materials_search():
    decision = search.decide(["<div><p>The ferry sailed on Monday.</p></div>"], command=["pagefind"])
    assert decision.engine == "material" and decision.command == ()


def test_large_briefings_get_pagefind(monkeypatch):
    monkeypatch.delenv(search.ENV_THRESHOLD, raising=False)
    page = "<p>" + "The harbour master counted the boats again. " * 400 + "</p>\n"
    decision = search.decide([page] * 70, command=["pagefind"])
    assert decision.index_bytes > search.THRESHOLD_BYTES
    assert decision.engine == "pagefind" and decision.command == ("pagefind",)


def test_without_pagefind_a_large_briefing_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv(search.ENV_COMMAND, "off")
    decision = search.decide(["x" * (search.THRESHOLD_BYTES + 1)])
    assert decision.engine == "material"
    assert search.INSTALL_HINT in decision.note


def test_the_estimate_counts_text_not_markup():
    assert search.estimated_index_bytes(['<div class="long-attribute-value"><a href="../x/">Quay</a></div>']) < 12


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    """The seeds' site built as if it were large, so it gets Pagefind instead of Material's search."""
    from generator.cli import main

    assert search.pagefind_command(), f"Pagefind is not installed: run {search.INSTALL_HINT} in {ROOT.name}/"
    site = tmp_path_factory.mktemp("pagefind") / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(search.ENV_THRESHOLD, "0")
        assert main(["site", "--seeds", str(SEEDS), "--site-dir", str(site), "--strict"]) == 0
    return site


def test_what_pagefind_leaves_out_is_what_the_templates_mark_so():
    """A renamed class would silently put the repeated lists back into the index."""
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator" / "templates").glob("*.j2"))
    for selector in search.NOT_INDEXED:
        assert f'class="{selector[1:]}"' in templates, selector


@pytest.mark.slow
def test_pagefind_replaces_materials_index(pagefind_site: Path):
    assert (pagefind_site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (pagefind_site / "search" / "search_index.json").exists()
    html = (pagefind_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "pagefind-ui.js" in html and 'name="search"' not in html


@pytest.mark.slow
@pytest.mark.browser
def test_pagefind_answers_in_the_browser_without_leaving_the_site(pagefind_site: Path):
    seed = sorted(SEEDS.iterdir())[0]
    word = max((w for w in seed.read_text(encoding="utf-8").split() if w.isalpha()), key=len)
    found = browser.search(pagefind_site, word, start="/sources/")
    origin = found.origin
    assert found.engine == "pagefind"
    assert f"{origin}/sources/{seed.stem.replace('_', '-')}/" in found.hrefs
    assert any("/pagefind/" in url and url.endswith(".pf_index") for url in found.requests)
    assert all(url.startswith((origin, "data:")) for url in found.requests), found.requests
