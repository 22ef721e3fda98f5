"""Shared fixtures: the project's seeds, a tmp seeds folder, and one built site per run."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Each run starts from an empty per-seed cache, so no test passes on a result an earlier run stored.
_CACHE = tempfile.TemporaryDirectory(prefix="briefing-test-cache-")
os.environ["BRIEFING_CACHE_DIR"] = _CACHE.name


def write_seeds(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """A built site served over HTTP on 127.0.0.1 (a free port) while the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seeds_briefing():
    """The Briefing of the project's own seeds, built once per test run."""
    from generator import pipeline

    return pipeline.build_briefing(SEEDS)


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Path:
    """The whole HTML site of the project's seeds, built once with `mkdocs build --strict`."""
    from generator.cli import main

    site = tmp_path_factory.mktemp("site") / "site"
    assert main(["site", "--seeds", str(SEEDS), "--site-dir", str(site), "--strict"]) == 0
    return site


# Debian's Chromium, driven by Playwright (which cannot download browsers of its own here).
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def browser_unavailable(reason: str):
    """Locally a missing browser skips with the reason; in CI (CI set) it fails, so a green CI
    run always means the browser tests ran."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests need it: {reason}")


def require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        browser_unavailable("Playwright for Python is not installed (pip install playwright)")
    if not CHROMIUM.is_file():
        browser_unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
