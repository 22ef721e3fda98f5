"""End to end: the seeds' whole site with `mkdocs build --strict`, and live regeneration."""
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import serving
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def test_site_has_a_page_per_seed_and_a_search_index(seeds_site: Path):
    for seed in SEEDS.iterdir():
        page = seeds_site / "sources" / seed.stem.replace("_", "-") / "index.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        first_line = next(line for line in seed.read_text(encoding="utf-8").splitlines() if len(line.split()) > 12)
        assert first_line.split()[5] in html
    index = json.loads((seeds_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"sources/{p.stem.replace('_', '-')}/" for p in SEEDS.iterdir()} <= locations
    assert (seeds_site / "data" / "briefing.json").is_file()


def test_site_makes_no_font_request(seeds_site: Path):
    html = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    """The page, or "" while the server is busy rebuilding (a loaded machine can be slow to answer)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_serve_regenerates_an_edited_seed(seeds_copy: Path, tmp_path: Path):
    port = _free_port()
    # The server's temporary folders (MkDocs' site, the kept search index) go here, to be counted.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, BRIEFING_SEEDS=str(seeds_copy), TMPDIR=str(temporary))
    proc = serving.start(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/sources/000-f479be00ecd4fe35/"
    try:
        deadline = time.monotonic() + 120
        while not (before := _get(url)):
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "mkdocs serve did not come up"
            time.sleep(0.5)
        marker = "Inserted sentence for the reload test."
        assert marker not in before
        seed = seeds_copy / "000_f479be00ecd4fe35.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + marker + "\n", encoding="utf-8")
        edited = time.monotonic()
        while marker not in _get(url):
            assert time.monotonic() - edited < 60, "edited seed never appeared"
            time.sleep(0.2)
        # Nothing was written into docs/, so the rebuild does not trigger another one.
        assert not any(p.suffix == ".md" for p in (ROOT / "docs").rglob("*"))
    finally:
        serving.stop(proc, timeout=30)
    assert not list(temporary.iterdir()), "the server left temporary folders behind"
