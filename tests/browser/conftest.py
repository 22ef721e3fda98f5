"""Chromium through Playwright on the built seeds site, served from 127.0.0.1.

Locally a missing browser skips these tests with the reason; in CI (CI set) it fails them,
so a green CI run always means the browser suite ran.
"""
from __future__ import annotations

import shutil
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_browser, serve

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
ARTIFACTS = HERE.parent / "artifacts"
HOST = "127.0.0.1"


# Package scope: Playwright's sync API allows one running instance per thread, and other
# test modules start their own once this package is done.
@pytest.fixture(scope="package")
def chromium():
    require_browser()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="briefing-chromium-")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url(seeds_site: Path):
    with serve(seeds_site) as url:
        yield url


class Watch:
    """What a page did that a reader would not want: console errors and requests off the site."""

    def __init__(self):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.failed: list[str] = []

    def _failed(self, request) -> None:
        # Leaving a page cancels what it still loads (net::ERR_ABORTED): not a fault of the site.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} ({request.failure})")

    def attach(self, page) -> None:
        page.on("console", lambda msg: self.errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: self.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)

        def guard(route):
            host = urlsplit(route.request.url).hostname
            if route.request.url.startswith(("data:", "blob:")) or host == HOST:
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        page.route("**/*", guard)


@pytest.fixture
def watched(chromium):
    """A fresh tab whose console errors, failed and outside requests are recorded."""
    page = chromium.new_page()
    watch = Watch()
    watch.attach(page)
    try:
        yield page, watch
    finally:
        page.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return AXE


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)  # page url -> ids on it
    links: list[tuple[str, str]] = field(default_factory=list)  # (on page, to url with any fragment)
    files: dict[str, int] = field(default_factory=dict)  # url of a linked file -> HTTP status
    external: set[str] = field(default_factory=set)  # links off the site, listed, not followed
    watch: Watch = field(default_factory=Watch)


_COLLECT = """() => ({
  // SVG links (a picture's nodes) carry their href as an SVGAnimatedString: resolve it here.
  links: Array.from(document.querySelectorAll('a'))
    .map(a => typeof a.href === 'string' ? a.href : (a.href && a.href.baseVal) || a.getAttribute('xlink:href'))
    .filter(h => h)
    .map(h => new URL(h, document.baseURI).href),
  ids: Array.from(document.querySelectorAll('[id], a[name]'), e => e.id || e.getAttribute('name')),
})"""


def is_page(url: str) -> bool:
    return urlsplit(url).path.endswith(("/", ".html"))


@pytest.fixture(scope="package")
def crawl(chromium, site_url) -> Crawl:
    """Every page reachable from the overview, visited once in the browser."""
    result = Crawl()
    page = chromium.new_page()
    result.watch.attach(page)
    queue = deque([site_url])
    seen = {site_url}
    try:
        while queue:
            url = queue.popleft()
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, f"{url}: {response and response.status}"
            found = page.evaluate(_COLLECT)
            result.pages[url] = set(found["ids"])
            for link in found["links"]:
                if not link.startswith(site_url):
                    if urlsplit(link).scheme in ("http", "https"):
                        result.external.add(link)
                    continue
                result.links.append((url, link))
                target = urldefrag(link).url
                if target in seen:
                    continue
                seen.add(target)
                if is_page(target):
                    queue.append(target)
                else:
                    result.files[target] = page.request.get(target).status
    finally:
        page.close()
    return result
