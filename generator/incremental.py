"""Under `mkdocs serve --dirty`, render again only the pages whose generated text changed.

MkDocs renders a page in a dirty build only when its file reports itself modified, and a generated
file always does; so after a seed edit every page of the briefing would be rendered again. Here a
generated file reports a change only when its text differs from this process's previous build, so
an edit costs the pages it changed (one source page, and the lists that show what changed).
"""
from __future__ import annotations

import gc
import hashlib
import threading

import jinja2
import jinja2.bccache
from mkdocs.structure.files import File


class GeneratedPages:
    def __init__(self) -> None:
        self.dirty = False  # set from MkDocs' on_startup: true only for `mkdocs serve --dirty`
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
    pages and memo), so the collector walks the whole heap during it, more than once; the edited
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
