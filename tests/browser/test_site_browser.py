"""The seeds site as a reader meets it, in Chromium: search, links, tables, accessibility.

Every page is visited; none may log a console error, fail a request or request anything
outside the site. Screenshots of each page type go to tests/artifacts/ (not committed).
"""
from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_every_internal_link_and_anchor_resolves(crawl, artifacts):
    broken = []
    for on_page, link in crawl.links:
        target, fragment = urldefrag(link)
        if target in crawl.pages:
            if fragment and fragment not in crawl.pages[target]:
                broken.append(f"{on_page} -> {link}: no element with id {fragment!r}")
        elif crawl.files.get(target) != 200:
            broken.append(f"{on_page} -> {link}: HTTP {crawl.files.get(target)}")
    (artifacts / "links.txt").write_text(
        f"{len(crawl.pages)} pages, {len(crawl.links)} internal links checked, "
        f"{len(crawl.files)} linked files, {len(crawl.external)} external links not followed\n",
        encoding="utf-8",
    )
    assert not broken, "\n".join(broken)
    assert len(crawl.pages) >= 5  # overview, sources index, data, method and at least one source page


def test_no_page_logs_an_error_fails_a_request_or_leaves_the_site(crawl):
    assert not crawl.watch.outside, crawl.watch.outside
    assert not crawl.watch.errors, crawl.watch.errors
    assert not crawl.watch.failed, crawl.watch.failed


# Searched on the seeds site: an actor's name in another source's spelling (merged into one
# profile), and a phrase from inside a quote; each must lead to the page that holds it.
SEARCHES = [
    ("Fahim Dashty", "Dashty", "actors/fahim-dashti/"),
    ("unwilling to make any concessions", "concessions", "quotes/"),
]


@pytest.mark.parametrize(("query", "must_show", "must_link"), SEARCHES)
def test_search_finds(watched, site_url, query, must_show, must_link):
    page, watch = watched
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    texts = results.all_inner_texts()
    assert any(must_show.lower() in t.lower() for t in texts), texts
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(site_url) for h in hrefs), hrefs
    assert any(h.startswith(site_url + must_link) for h in hrefs), hrefs
    assert not watch.errors and not watch.outside, (watch.errors, watch.outside)


def page_types(site_url: str, pages) -> dict[str, str]:
    """One page per kind: the overview, each top-level page, and one item page of each folder."""
    kinds: dict[str, str] = {}
    for url in sorted(pages):
        parts = urlsplit(url).path.strip("/").split("/")
        kind = "overview" if parts == [""] else parts[0] if len(parts) == 1 else f"{parts[0]}-item"
        kinds.setdefault(kind, url)
    return kinds


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id}: ${v.help} -- ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
}"""


def test_axe_finds_no_serious_violation_on_any_page(watched, crawl, site_url, axe_script, artifacts):
    """Every page in the light scheme, one page of each kind in the dark one too."""
    page, watch = watched
    kinds = page_types(site_url, crawl.pages)
    assert {"overview", "chronology", "actors", "actors-item", "quotes", "figures", "sources", "sources-item", "data", "method"} <= set(kinds), kinds
    runs = [("light", url) for url in sorted(crawl.pages)] + [("dark", url) for _, url in sorted(kinds.items())]
    shots = {url: kind for kind, url in kinds.items()}
    found = {}
    for scheme, url in runs:
        page.emulate_media(color_scheme=scheme)
        page.goto(url, wait_until="load")
        if scheme == "light" and url in shots:
            page.screenshot(path=str(artifacts / f"{shots[url]}.png"), full_page=True)
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[f"{url} ({scheme})"] = violations
    (artifacts / "axe.txt").write_text(
        "".join(f"{kind}: {url}\n" for kind, url in sorted(kinds.items()))
        + f"{len(runs)} axe runs: {len(crawl.pages)} pages in the light scheme, {len(kinds)} in the dark\n",
        encoding="utf-8",
    )
    assert not found, "\n".join(f"{url}: {v}" for url, vs in found.items() for v in vs)
    assert not watch.outside, watch.outside


def _column(page, table, n: int) -> list[str]:
    return table.locator(f"tbody tr:not([hidden]) td:nth-child({n})").all_inner_texts()


def test_tables_sort_and_filter_from_the_keyboard(watched, site_url):
    page, watch = watched
    page.goto(site_url + "sources/")
    table = page.locator("table.briefing-table").first
    words = table.locator("th").nth(3)
    assert words.inner_text().strip() == "Words"
    before = [int(x) for x in _column(page, table, 4)]
    assert len(before) >= 3

    # The filter box, then the scroll region, then the first sort button, by Tab alone.
    page.get_by_label("Filter Sources").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('th').textContent.trim()") == "Source"

    words.locator("button").focus()
    page.keyboard.press("Enter")
    assert words.get_attribute("aria-sort") == "ascending"
    assert [int(x) for x in _column(page, table, 4)] == sorted(before)
    page.keyboard.press("Space")
    assert words.get_attribute("aria-sort") == "descending"
    assert [int(x) for x in _column(page, table, 4)] == sorted(before, reverse=True)

    first_title = table.locator("tbody tr td:first-child a").first.inner_text()
    page.get_by_label("Filter Sources").fill(first_title[:20])
    shown = table.locator("tbody tr:not([hidden])")
    assert 1 <= shown.count() < len(before)
    assert all(first_title[:20].lower() in t.lower() for t in shown.all_inner_texts())
    assert "rows shown" in page.locator(".briefing-filter-status").first.inner_text()
    page.get_by_label("Filter Sources").fill("")
    assert shown.count() == len(before)
    assert not watch.errors, watch.errors


def test_a_phone_reads_tables_without_the_page_scrolling_sideways(chromium, site_url, artifacts):
    page = chromium.new_page()
    try:
        page.set_viewport_size({"width": 375, "height": 740})
        page.goto(site_url + "sources/")
        scroll = page.locator(".briefing-scroll").first
        assert scroll.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than the phone"
        page.screenshot(path=str(artifacts / "phone-sources.png"), full_page=True)
    finally:
        page.close()
