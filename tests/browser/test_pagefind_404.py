"""A Pagefind site published as a project site (under a sub-path, as GitHub Pages serves
https://owner.github.io/project/): its 404 page, shown for any mistyped address at any depth, loads
its search only from the site. The search partial once joined base_url by hand, and the 404 page's
base_url "/" made that "//pagefind/…", a request to a host named "pagefind".
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import SEEDS, _QuietHandler
from generator.cli import main
from generator.search import ENV_THRESHOLD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PREFIX = "/project/"


class _Site(_QuietHandler):
    """The site under `prefix`, and its 404.html (status 404) for every address that is not a file."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        address = urlsplit(path).path
        if not address.startswith(self.prefix):
            return str(Path(self.directory) / "\x00 not under the site")
        return super().translate_path("/" + address[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _ProjectSite(_Site):
    prefix = PREFIX


# A project site says where it is published (site_url); a site without one is served from "/".
@pytest.fixture(scope="module", params=[PREFIX, "/"], ids=["project-site", "site-at-root"])
def project_site(request, tmp_path_factory):
    prefix = request.param
    site = tmp_path_factory.mktemp("pagefind-project") / "site"
    address = ["--site-url", f"https://example.org{prefix}"] if prefix != "/" else []
    with pytest.MonkeyPatch.context() as env:
        env.setenv(ENV_THRESHOLD, "0")  # Pagefind whatever the index size
        assert main(["site", "--seeds", str(SEEDS), "--site-dir", str(site), *address]) == 0
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    handler = _ProjectSite if prefix != "/" else _Site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}", prefix
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("missing", ["no-such-page/", "sources/no/such/page/deep/"])
def test_the_404_page_of_a_pagefind_project_site_loads_only_from_the_site(watched, project_site, missing):
    page, watch = watched
    project_site, prefix = project_site
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    address = project_site + missing
    response = page.goto(address)
    assert response is not None and response.status == 404
    page.wait_for_load_state("networkidle")
    assert not watch.outside, watch.outside
    page.wait_for_selector(".pagefind-ui__search-input", timeout=15_000)  # the search box started
    assert [u for u in requested if not u.startswith(project_site)] == []
    loaded = {urlsplit(u).path for u in requested}
    assert {f"{prefix}pagefind/pagefind-ui.js", f"{prefix}pagefind/parts.js", f"{prefix}pagefind/pagefind-ui.css"} <= loaded
    # The page itself is answered with 404, which Chromium logs once; any other failure counts.
    assert [f for f in watch.failed if not f.startswith(address)] == [], watch.failed
    own_status = f"{address}: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert watch.errors.count(own_status) <= 1 and [e for e in watch.errors if e != own_status] == [], watch.errors
