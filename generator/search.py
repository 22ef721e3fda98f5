"""Search at scale: Material's own search for small briefings, Pagefind for large ones.

Material's search downloads its whole index with the first page (4.4 MB at 1,000 sources);
Pagefind fetches only the index chunks a query needs. The choice is made before the pages are
rendered, from the text the index would hold, so each page carries exactly one search.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

THRESHOLD_BYTES = 1_000_000  # Material's search_index.json above this: use Pagefind
ENV_THRESHOLD = "BRIEFING_PAGEFIND_ABOVE"  # another threshold in bytes (0: always Pagefind)
THEME = Path(__file__).resolve().parent / "theme"  # replaces Material's search box when Pagefind is on
PROJECT = Path(__file__).resolve().parents[1]
ENV_COMMAND = "BRIEFING_PAGEFIND"  # path of a pagefind binary, or "off" to keep Material's search
INSTALL_HINT = "npm ci (installs the pagefind binary from package-lock.json)"
# The page text only: navigation, header and footer would match every query on every page.
ROOT_SELECTOR = ".md-content"
EXCLUDE = ".headerlink"
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&#?\w+;")


def estimated_index_bytes(pages: Iterable[str]) -> int:
    """Material's index holds the text of every page without its markup, so the Markdown's text
    predicts its size; compared with the real index in bench/RESULTS.md."""
    return sum(len(_ENTITY.sub("x", _TAG.sub(" ", text)).encode()) for text in pages)


def pagefind_command(project: Path = PROJECT) -> list[str] | None:
    """How to run Pagefind here: $BRIEFING_PAGEFIND, the project's npm install, or one on PATH."""
    chosen = os.environ.get(ENV_COMMAND)
    if chosen == "off":
        return None
    if chosen:
        return [chosen]
    local = project / "node_modules" / ".bin" / "pagefind"
    if local.exists() and shutil.which("node"):
        return [str(local)]
    found = shutil.which("pagefind")
    return [found] if found else None


@dataclass(frozen=True)
class Decision:
    engine: str  # "material" or "pagefind"
    index_bytes: int  # estimated size of Material's index
    command: tuple[str, ...] = ()
    note: str = ""


def decide(pages: Iterable[str], command: list[str] | None = None) -> Decision:
    """Which search the site of these Markdown pages gets."""
    size = estimated_index_bytes(pages)
    threshold = int(os.environ.get(ENV_THRESHOLD) or THRESHOLD_BYTES)
    if size <= threshold:
        return Decision("material", size)
    command = command or pagefind_command()
    if not command:
        return Decision("material", size, note=f"the search index will be about {size:,} bytes, downloaded whole "
                                               f"on the first query; for Pagefind's fast search run: {INSTALL_HINT}")
    return Decision("pagefind", size, tuple(command))


def use_pagefind_templates(env) -> None:
    """Put our search box before Material's templates in the Jinja loader of this build."""
    if str(THEME) not in env.loader.searchpath:
        env.loader.searchpath.insert(0, str(THEME))


def index_site(site_dir: Path, command: Iterable[str]) -> None:
    """Index the built HTML into site_dir/pagefind/ and drop Material's index, which no page loads."""
    run_pagefind(site_dir, command, site_dir / "pagefind")
    drop_materials_index(site_dir)


def run_pagefind(site_dir: Path, command: Iterable[str], output: Path) -> None:
    """Index the HTML of site_dir into the folder output (which may be outside the site)."""
    result = subprocess.run(_arguments(site_dir, command, output), capture_output=True, text=True)
    if result.returncode != 0 or not (output / "pagefind-ui.js").is_file():
        raise RuntimeError(f"pagefind failed (exit {result.returncode}): {_tail(result.stderr or result.stdout)}")


def _arguments(site_dir: Path, command: Iterable[str], output: Path) -> list[str]:
    return [*command, "--site", str(site_dir), "--output-path", str(output), "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE, "--force-language", "en", "--quiet"]


def _tail(output: str) -> str:
    return output.strip()[-2000:]


def drop_materials_index(site_dir: Path) -> None:
    (site_dir / "search" / "search_index.json").unlink(missing_ok=True)
    if (site_dir / "search").is_dir() and not any((site_dir / "search").iterdir()):
        (site_dir / "search").rmdir()
