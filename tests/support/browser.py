"""One search typed into a built site in Chromium: which engine answered, what it found, what it fetched.

Used by the benchmark (the first query's payload) and by tests/test_search.py (Pagefind answers).
"""
from __future__ import annotations

import http.server
import os
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")  # Debian's package by default
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class SearchRun:
    engine: str  # "pagefind" or "material"
    hrefs: tuple[str, ...]  # result links, absolute
    requests: tuple[str, ...]  # every URL the page asked for
    search_bytes: int  # bytes of the search files fetched, from page load to the first results
    origin: str


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _is_search(url: str) -> bool:
    return "/search/" in url or "/pagefind/" in url or "/workers/search" in url


def search(site: Path, query: str, start: str = "/") -> SearchRun:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    requests: list[str] = []
    fetched: list[int] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            # Material fetches its whole index when the page loads, Pagefind chunks as the query is
            # typed: count every search file from the page load to the first results shown.
            page.on("response", lambda r: fetched.append(len(r.body()) if r.ok and _is_search(r.url) else 0))
            page.goto(origin + start, wait_until="networkidle")
            # Pagefind's box is made by its script after the page loads: wait for either engine's box.
            page.wait_for_selector(".pagefind-ui__search-input, input[data-md-component=search-query]",
                                   state="attached", timeout=60000)
            engine = "pagefind" if page.locator(".pagefind-ui").count() else "material"
            box, result = {
                "pagefind": (".pagefind-ui__search-input", ".pagefind-ui__result-link"),
                "material": ("input[data-md-component=search-query]", ".md-search-result__link"),
            }[engine]
            page.locator(box).press_sequentially(query, delay=40)
            page.wait_for_selector(result, timeout=60000)
            page.wait_for_load_state("networkidle")
            hrefs = page.locator(result).evaluate_all("links => links.map(a => a.href)")
            browser.close()
    finally:
        server.shutdown()
    return SearchRun(engine, tuple(hrefs), tuple(requests), sum(fetched), origin)
