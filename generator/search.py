"""Search at scale: Material's own search for small briefings, Pagefind for large ones.

Material's search downloads its whole index with the first page (4.4 MB at 1,000 sources);
Pagefind fetches only the index chunks a query needs. The choice is made before the pages are
rendered, from the text the index would hold, so each page carries exactly one search.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import write

if TYPE_CHECKING:
    from generator.incremental import SiteMemory

THRESHOLD_BYTES = 1_000_000  # Material's search_index.json above this: use Pagefind
ENV_THRESHOLD = "BRIEFING_PAGEFIND_ABOVE"  # another threshold in bytes (0: always Pagefind)
THEME = Path(__file__).resolve().parent / "theme"  # replaces Material's search box when Pagefind is on
PROJECT = Path(__file__).resolve().parents[1]
ENV_COMMAND = "BRIEFING_PAGEFIND"  # path of a pagefind binary, or "off" to keep Material's search
INSTALL_HINT = "npm ci (installs the pagefind binary from package-lock.json)"
# The page text only: navigation, header and footer would match every query on every page.
ROOT_SELECTOR = ".md-content"
# Lists that repeat text the index already holds, or hold only links: a source page's quotes and
# events are its own paragraphs again, a profile's events are the sources' and the chronology's,
# and copy pairs and mention lists are source ids and paragraph numbers. Left out, a phrase leads
# to where it was written instead of to every profile that lists it, and Pagefind needs about a
# third less time and memory (bench/RESULTS.md).
NOT_INDEXED = (".briefing-source-quotes", ".briefing-source-events", ".briefing-overlap-pairs",
               ".briefing-events", ".briefing-mentions")
EXCLUDE = ", ".join((".headerlink", *NOT_INDEXED))
# Whole pages left out for the same reason: the lists of every quote, event and figure are the
# sources' own paragraphs again (each row links to one), so a phrase leads to the paragraph that
# wrote it and the profile of who said it. These pages change on every edit and were a third of
# the HTML an edit indexed again (bench/RESULTS.md).
PAGES_NOT_INDEXED = ("quotes/index.html", "chronology/index.html", "figures/index.html")
# Pagefind holds a whole index in memory until it writes it; above this much HTML a site is
# indexed in parts (run_pagefind). 32 MB of source pages index in about 230 MB.
PART_BYTES = 32_000_000
ENV_PART_BYTES = "BRIEFING_PAGEFIND_PART_BYTES"  # another size in bytes (tests split the small seeds' site)
PARTS_SCRIPT = "parts.js"  # in the bundle: the folders of the other parts, for the search box to merge
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


ENGINES = ("auto", "material", "pagefind")  # what a site may ask for; "auto" chooses by index size


def decide(pages: Iterable[str], command: list[str] | None = None, engine: str = "auto") -> Decision:
    """Which search the site of these Markdown pages gets: `engine`, or for "auto" Pagefind when
    Material's index would pass the threshold. Pagefind needs its binary; without it the site
    keeps Material's search, with a note saying how to install Pagefind."""
    size = estimated_index_bytes(pages)
    if engine == "material":
        return Decision("material", size)
    threshold = 0 if engine == "pagefind" else int(os.environ.get(ENV_THRESHOLD) or THRESHOLD_BYTES)
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


def index_site(site_dir: Path, command: Iterable[str], reuse: SiteMemory | None = None) -> None:
    """Index the built HTML into site_dir/pagefind/ and drop Material's index, which no page loads."""
    run_pagefind(site_dir, command, site_dir / "pagefind", reuse=reuse)
    drop_materials_index(site_dir)


def run_pagefind(site_dir: Path, command: Iterable[str], output: Path,
                 run: Callable[[list[str]], None] | None = None, reuse: SiteMemory | None = None) -> None:
    """Index the HTML of site_dir into the folder output (which may be outside the site).

    A site with more than part_bytes() of HTML is indexed in parts, one Pagefind at a time, each
    part a run of pages in path order: Pagefind holds a whole index in memory until it writes it
    (about 340 MB for the 47 MB of HTML of 1,000 source pages), so a part bounds that at any size.
    The first part is the bundle the search box loads; the others go to output/part-N/, listed in
    output/parts.js for the box to merge (Pagefind's mergeIndex). `run` runs one Pagefind command
    line and raises RuntimeError when it fails. With `reuse` (an incremental `generator site`), a
    part whose pages are byte-identical to the previous build's takes that build's output instead.
    """
    run = run or _run
    parts = index_parts(site_dir, part_bytes())
    merged = [f"part-{number}/" for number in range(2, len(parts) + 1)]
    # The first part's output is the bundle's root folder, so it is written before the other parts' folders.
    with tempfile.TemporaryDirectory(prefix=".briefing-index-", dir=site_dir.parent) as scratch:
        for folder, pages in zip(["", *merged], parts):
            names = [page.relative_to(site_dir).as_posix() for page in pages]
            if reuse is not None and reuse.reuse_part(folder, names, output / folder):
                continue
            root = _linked(site_dir, pages, Path(scratch) / (folder or "part-1"))
            run(_arguments(root, command, output / folder))
            shutil.rmtree(root)
            if reuse is not None:
                reuse.indexed(folder, output / folder, merged)
    if not (output / "pagefind-ui.js").is_file():
        raise RuntimeError("Pagefind wrote no pagefind-ui.js")
    (output / PARTS_SCRIPT).write_text(f"window.briefingPagefindParts = {json.dumps(merged)};\n", encoding="utf-8")


def part_bytes() -> int:
    return int(os.environ.get(ENV_PART_BYTES) or PART_BYTES)


def index_parts(site_dir: Path, limit: int) -> list[list[Path]]:
    """The site's HTML pages but PAGES_NOT_INDEXED, the listing pages first and then the item
    pages, each in path order, cut into runs of at most `limit` bytes (a larger page is a run of
    its own).

    Where a run ends is decided by the pages at the cut, not by a running total: a run ends after
    a page when its path's hash falls under that page's share of half the limit (so runs average
    about half of it), or before a page that would take the run past the limit. An edited page
    that grows or shrinks then moves no cut elsewhere, and an incremental build indexes again
    only the runs that hold changed pages; with cuts by running total, every run after the
    edited page would shift and be indexed again.
    """
    pages = sorted((_part_order(p.relative_to(site_dir)), p) for p in site_dir.rglob("*.html")
                   if not _hidden(p.relative_to(site_dir)))
    parts: list[list[Path]] = [[]]
    size, listing = 0, True
    for (item, path), page in pages:
        bytes_ = page.stat().st_size
        if parts[-1] and (size + bytes_ > limit or item == listing):
            parts.append([])
            size = 0
        listing = not item
        parts[-1].append(page)
        size += bytes_
        if _ends_part(path, bytes_, limit):
            parts.append([])
            size = 0
    return [part for part in parts if part]


def _part_order(relative: Path) -> tuple[bool, str]:
    # The home page and the section pages (actors/, quotes/ …) list the whole briefing, so any edit
    # changes them: they come first, in runs of their own, and an edit indexes again those runs and
    # the runs of the item pages it changed (a source, its speakers' profiles), not every run.
    return len(relative.parts) > 2, relative.as_posix()


def _ends_part(path: str, size: int, limit: int) -> bool:
    share = int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") / 2 ** 64
    return share < 2 * size / limit


def _hidden(relative: Path) -> bool:
    # Dot folders are the search box's own swap folders; pagefind/ holds no page.
    return (relative.parts[0] == "pagefind" or any(part.startswith(".") for part in relative.parts)
            or relative.as_posix() in PAGES_NOT_INDEXED)


def _linked(site_dir: Path, pages: list[Path], root: Path) -> Path:
    """A folder of links to `pages` at their places in the site, so Pagefind gives them their URLs."""
    for page in pages:
        target = root / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        write.link_or_copy(str(page), str(target))
    return root


def _run(arguments: list[str]) -> None:
    process = _started(arguments)
    out, err = process.communicate()
    _check(process.returncode, err or out)


def _started(arguments: list[str]) -> subprocess.Popen:
    try:
        return subprocess.Popen(arguments, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:  # a missing or broken binary is reported as Pagefind's failure, not a traceback
        raise RuntimeError(f"Pagefind could not start: {exc}") from exc


def _check(returncode: int, output: str) -> None:
    if returncode != 0:
        raise RuntimeError(f"Pagefind failed (exit {returncode}): {_tail(output) or 'no output'}")


def _arguments(site_dir: Path, command: Iterable[str], output: Path) -> list[str]:
    return [*command, "--site", str(site_dir), "--output-path", str(output), "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE, "--force-language", "en", "--quiet"]


def _tail(output: str) -> str:
    return output.strip()[-2000:]


def drop_materials_index(site_dir: Path) -> None:
    (site_dir / "search" / "search_index.json").unlink(missing_ok=True)
    if (site_dir / "search").is_dir() and not any((site_dir / "search").iterdir()):
        (site_dir / "search").rmdir()


class BackgroundIndex:
    """Pagefind off `mkdocs serve`'s reload path: the browser reloads only when the build returns,
    and re-indexing the whole site is a large part of a rebuild after one seed's edit.

    The last finished index is kept outside site_dir (a clean build empties site_dir) and put back
    by every build, so a reloaded page can always search, if slightly stale; a thread then indexes
    the new pages into a staging folder and swaps the result in. One Pagefind runs at a time: builds
    that end while it runs ask for a single run after it, which also covers pages a build changed
    while Pagefind was reading them.
    """

    def __init__(self, logger: logging.Logger):
        self.log = logger
        # Made by the first index, so a server whose site keeps Material's search leaves no folder behind.
        self.folder: Path | None = None
        # Held for the fields below and for every change to kept/ and to site_dir/pagefind/.
        self._lock = threading.Lock()
        self._site_dir = Path()
        self._command: tuple[str, ...] = ()
        self._thread: threading.Thread | None = None
        self._again = False
        self._process: subprocess.Popen | None = None
        self._closed = False

    def after_build(self, site_dir: Path, command: Iterable[str]) -> None:
        """Give site_dir the last index now, and have a fresh one made in the background."""
        drop_materials_index(site_dir)
        with self._lock:
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix="briefing-pagefind-"))
            self._site_dir, self._command = site_dir, tuple(command)
            if self.kept.is_dir():
                self._install()
                if self._thread is not None:
                    self._again = True
                else:
                    self._thread = threading.Thread(target=self._loop, name="pagefind", daemon=True)
                    self._thread.start()
                return
        # With no index yet there is nothing stale to serve, and the first build runs before the
        # server answers anyone: it waits for Pagefind, so the first page served can search.
        shutil.rmtree(self._staging, ignore_errors=True)
        run_pagefind(site_dir, command, self._staging)
        with self._lock:
            self._keep()

    @property
    def kept(self) -> Path:
        return self.folder / "index"  # the last index Pagefind finished; never written in place

    @property
    def _staging(self) -> Path:
        return self.folder / "staging"

    def wait(self, timeout: float | None = None) -> bool:
        """Return True once no run is under way or asked for (False if timeout came first)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._process is not None:
                self._process.terminate()
        self.wait()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _loop(self) -> None:
        while True:
            with self._lock:
                # Builds that asked until now are all covered by this run: it reads the site after them.
                self._again = False
                site_dir, command = self._site_dir, self._command
            try:
                self._index(site_dir, command)
            except Exception:  # the server must keep serving, with the stale index
                self.log.exception("Pagefind's background run failed; search keeps the previous index")
            with self._lock:
                if not self._again or self._closed:
                    self._thread = None  # in the same hold as the check, so no request is lost
                    return

    def _index(self, site_dir: Path, command: tuple[str, ...]) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)
        try:
            run_pagefind(site_dir, command, self._staging, run=self._run)
        except _Closed:
            return
        except (OSError, RuntimeError) as exc:  # OSError: the scratch or staging folder
            self.log.error("%s; search keeps the previous index", exc)
            return
        with self._lock:
            self._keep()

    def _run(self, arguments: list[str]) -> None:
        with self._lock:
            if self._closed:
                raise _Closed
            self._process = _started([*_yielding(), *arguments])
        out, err = self._process.communicate()
        if self._closed:
            raise _Closed
        _check(self._process.returncode, err or out)

    def _keep(self) -> None:
        """Make the finished staging index the kept one and the site's (with the lock held)."""
        old = self.folder / "old"
        if self.kept.is_dir():
            self.kept.rename(old)
        self._staging.rename(self.kept)
        shutil.rmtree(old, ignore_errors=True)
        self._install()

    def _install(self) -> None:
        """Replace site_dir/pagefind/ with a copy of the kept index (with the lock held)."""
        # Dot names: MkDocs' clean of site_dir passes them over, and no page links to them.
        new, old = self._site_dir / ".pagefind-new", self._site_dir / ".pagefind-old"
        for leftover in (new, old):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.copytree(self.kept, new, copy_function=write.link_or_copy)
        target = self._site_dir / "pagefind"
        if target.exists():
            target.rename(old)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)


class _Closed(Exception):
    """The server stopped while its Pagefind ran."""


def _yielding() -> list[str]:
    """A prefix that runs a command at low priority where `nice` exists: a background Pagefind uses
    every core, and the rebuild after the next edit should not wait for it."""
    found = shutil.which("nice")
    return [found, "-n", "10"] if found else []
