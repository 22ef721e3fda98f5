"""What only `mkdocs serve` needs: the memory kept from one build for the next, dirty rebuilds,
compiled templates, the garbage collector held off during a rebuild, Pagefind in the background,
and a faster poll of the seeds folder. The plugin (generator.plugin) makes a `Serving` at
`on_startup` of `mkdocs serve` and none for any other command, so a one-off build keeps nothing.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import threading

import jinja2
import jinja2.bccache
from mkdocs.structure.files import File

from generator import search
from generator.memory import BuildMemory

# MkDocs polls what it watches every 0.5 s, a quarter of the 2 s an edit may take to show. A seeds
# folder is small to poll (one stat per seed), so it is polled more often.
SEEDS_POLL_SECONDS = 0.1


class Serving:
    """Everything one `mkdocs serve` process keeps across its rebuilds."""

    def __init__(self, dirty: bool, log: logging.Logger) -> None:
        self.memory = BuildMemory()  # extractions, links and pages of the last build
        self.pages = GeneratedPages(dirty)
        self.templates = TemplateCache()
        self.collection = IdleCollection()  # the cyclic collector runs between builds
        # Only a server indexes in the background: a built site must have its whole index when the build ends.
        self.background_index = search.BackgroundIndex(log)

    def close(self) -> None:
        self.background_index.close()


class GeneratedPages:
    """Under `mkdocs serve --dirty`, render again only the pages whose generated text changed.

    MkDocs renders a page in a dirty build only when its file reports itself modified, and a
    generated file always does; so after a seed edit every page of the briefing would be rendered
    again. Here a generated file reports a change only when its text differs from this process's
    previous build, so an edit costs the pages it changed (one source page, and the lists that show
    what changed).
    """

    def __init__(self, dirty: bool) -> None:
        self.dirty = dirty  # true only for `mkdocs serve --dirty`: other builds write every page
        self._previous: dict[str, str] = {}  # page path -> sha256 of its text at the previous build

    def file(self, config, path: str, content: str | bytes) -> File:
        if not self.dirty:  # every page is written anyway: nothing to compare, nothing to keep
            return File.generated(config, path, content=content)
        digest = hashlib.sha256(content if isinstance(content, bytes) else content.encode("utf-8")).hexdigest()
        unchanged = self._previous.get(path) == digest
        self._previous[path] = digest
        generated = File.generated(config, path, content=content)
        if unchanged:
            generated.is_modified = lambda: False  # the HTML of the previous build is still right
        return generated


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory across rebuilds: MkDocs makes a new Jinja environment for
    every build, and compiling Material's templates again is a large part of a rebuild."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])  # ignored if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class IdleCollection:
    """Under `mkdocs serve`, the cyclic garbage collector runs after a rebuild instead of during it.

    A rebuild makes as many objects as the server already holds (the previous build's briefing,
    pages and memory), so the collector walks the whole heap during it, more than once; the edited
    page waits for that. Reference counting frees nearly everything a build drops; the cycles are
    collected once the build is served, while the server is idle.
    """

    DELAY = 0.5  # seconds after a build: the reloaded page has been served by then

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def pause(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        gc.disable()

    def resume(self) -> None:
        gc.enable()
        self._timer = threading.Timer(self.DELAY, gc.collect)
        self._timer.daemon = True
        self._timer.start()


def watch_often(server, path: str, seconds: float) -> None:
    """`server.watch(path)`, polled every `seconds`.

    Neither MkDocs nor watchdog offers an interval per watch: MkDocs' LiveReloadServer makes one
    PollingObserver with a 0.5 s timeout, and watchdog's `BaseObserver.schedule` hands the
    observer's `_timeout` to the emitter it makes for each watch. So that private attribute is set
    only while this one watch is scheduled, and restored at once: other watches keep MkDocs'
    interval (tests/test_serving.py checks both intervals on the installed versions). A watchdog
    without that attribute just keeps MkDocs' interval; the cost is up to 0.4 s per edit.
    """
    observer = server.observer
    usual = getattr(observer, "_timeout", None)
    if usual is None:
        server.watch(path)
        return
    observer._timeout = seconds
    try:
        server.watch(path)
    finally:
        observer._timeout = usual
