"""Search at scale: the switch to Pagefind, and Pagefind answering in the browser from the built site."""
import sys
from pathlib import Path

import pytest

from support import browser
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


def _page(site: Path, path: str, size: int) -> None:
    page = site / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<html>" + "x" * (size - 13) + "</html>", encoding="utf-8")


def _parts(site: Path, limit: int) -> list[list[str]]:
    return [[p.relative_to(site).as_posix() for p in part] for part in search.index_parts(site, limit)]


def test_a_site_is_cut_into_parts_of_whole_pages_listings_first(tmp_path: Path):
    site = tmp_path / "site"
    sizes = {"index.html": 300, "actors/a/index.html": 500, "actors/b/index.html": 400,
             "sources/x/index.html": 1500, "sources/y/index.html": 200, "sources/z/index.html": 700}
    for path, size in [*sizes.items(), ("pagefind/stray.html", 100), (".pagefind-new/stray.html", 100)]:
        _page(site, path, size)
    sizes["actors/index.html"] = 200
    _page(site, "actors/index.html", 200)
    parts = _parts(site, 1000)
    # every page once: the pages listing a section (which any edit changes) first, in runs of their own
    listings = ["actors/index.html", "index.html"]
    assert [page for part in parts for page in part] == listings + sorted(set(sizes) - set(listings))
    assert all(set(part) <= set(listings) or not set(part) & set(listings) for part in parts)
    assert ["sources/x/index.html"] in parts  # larger than a part: alone
    assert all(sum(sizes[page] for page in part) <= 1000 for part in parts if len(part) > 1)


def test_a_page_that_grows_recuts_only_the_parts_around_it(tmp_path: Path):
    site = tmp_path / "site"
    paths = [f"actors/{n:03d}/index.html" for n in range(300)]
    for n, path in enumerate(paths):
        _page(site, path, 200 + (n * 37) % 400)
    before = _parts(site, 6000)
    assert len(before) > 8
    for grown in (paths[40], paths[150], paths[260]):
        _page(site, grown, 200 + 450)
        after = _parts(site, 6000)
        # the grown page's own part is indexed again anyway; at most the next cut may move
        moved = [part for part in after if part not in before and grown not in part]
        assert len(moved) <= 1, (grown, moved)
        before = after


FAKE_PAGEFIND = r'''
import sys
from pathlib import Path

args = sys.argv[1:]
site, output = Path(args[args.index("--site") + 1]), Path(args[args.index("--output-path") + 1])
output.mkdir(parents=True)
(output / "pagefind-ui.js").write_text("")
(output / "pages.txt").write_text("\n".join(sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))))
'''


def test_each_part_is_indexed_from_its_own_pages_at_their_places_in_the_site(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    for path in ("index.html", "actors/a/index.html", "sources/x/index.html"):
        _page(site, path, 600)
    fake = tmp_path / "fake_pagefind.py"
    fake.write_text(FAKE_PAGEFIND, encoding="utf-8")
    monkeypatch.setenv(search.ENV_PART_BYTES, "1000")
    search.run_pagefind(site, [sys.executable, str(fake)], site / "pagefind")
    bundle = site / "pagefind"
    assert (bundle / "pages.txt").read_text() == "index.html"
    assert (bundle / "part-2" / "pages.txt").read_text() == "actors/a/index.html"
    assert (bundle / "part-3" / "pages.txt").read_text() == "sources/x/index.html"
    assert (bundle / search.PARTS_SCRIPT).read_text() == 'window.briefingPagefindParts = ["part-2/", "part-3/"];\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake_pagefind.py", "site"]  # the linked parts are gone


def test_a_small_site_is_one_bundle_with_no_parts_to_merge(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    _page(site, "index.html", 600)
    fake = tmp_path / "fake_pagefind.py"
    fake.write_text(FAKE_PAGEFIND, encoding="utf-8")
    monkeypatch.delenv(search.ENV_PART_BYTES, raising=False)
    search.run_pagefind(site, [sys.executable, str(fake)], site / "pagefind")
    assert (site / "pagefind" / "pages.txt").read_text() == "index.html"
    assert (site / "pagefind" / search.PARTS_SCRIPT).read_text() == "window.briefingPagefindParts = [];\n"


def test_the_lists_of_every_quote_event_and_figure_are_left_to_the_pages_they_repeat(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    for path in ("index.html", "quotes/index.html", "chronology/index.html", "figures/index.html",
                 "actors/index.html", "sources/x/index.html"):
        _page(site, path, 300)
    fake = tmp_path / "fake_pagefind.py"
    fake.write_text(FAKE_PAGEFIND, encoding="utf-8")
    monkeypatch.delenv(search.ENV_PART_BYTES, raising=False)
    search.run_pagefind(site, [sys.executable, str(fake)], site / "pagefind")
    # each part, the bundle's own too, is indexed from linked pages, so the left-out pages never reach Pagefind
    indexed = [page for listed in sorted((site / "pagefind").rglob("pages.txt")) for page in listed.read_text().split()]
    assert indexed == ["actors/index.html", "index.html", "sources/x/index.html"]


def test_a_pagefind_that_cannot_start_is_a_clear_error(tmp_path: Path):
    site = tmp_path / "site"
    _page(site, "index.html", 600)
    with pytest.raises(RuntimeError, match="Pagefind could not start"):
        search.index_site(site, [str(tmp_path / "no-such-pagefind")])


# Small enough to cut the seeds' site (about 1 MB of HTML) into several parts, as a large briefing is.
SEEDS_PART_BYTES = 200_000


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    """The seeds' site built as if it were large, so it gets Pagefind instead of Material's search,
    indexed in parts."""
    from generator.cli import main

    assert search.pagefind_command(), f"Pagefind is not installed: run {search.INSTALL_HINT} in {ROOT.name}/"
    site = tmp_path_factory.mktemp("pagefind") / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(search.ENV_THRESHOLD, "0")
        mp.setenv(search.ENV_PART_BYTES, str(SEEDS_PART_BYTES))
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
    assert "pagefind-ui.js" in html and "parts.js" in html and 'name="search"' not in html


@pytest.mark.slow
@pytest.mark.browser
def test_pagefind_answers_in_the_browser_without_leaving_the_site(pagefind_site: Path):
    seed = sorted(SEEDS.iterdir())[0]
    word = max((w for w in seed.read_text(encoding="utf-8").split() if w.isalpha()), key=len)
    page = f"sources/{seed.stem.replace('_', '-')}/index.html"
    parts = [[p.relative_to(pagefind_site).as_posix() for p in part]
             for part in search.index_parts(pagefind_site, SEEDS_PART_BYTES)]
    [part] = [n for n, pages in enumerate(parts, start=1) if page in pages]
    assert part > 1  # so the page is found only if the search box merged the other parts
    found = browser.search(pagefind_site, word, start="/sources/")
    origin = found.origin
    assert found.engine == "pagefind"
    assert f"{origin}/{page.removesuffix('index.html')}" in found.hrefs
    assert any("/pagefind/" in url and url.endswith(".pf_index") for url in found.requests)
    assert all(url.startswith((origin, "data:")) for url in found.requests), found.requests
