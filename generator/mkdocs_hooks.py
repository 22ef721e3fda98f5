"""MkDocs glue: generate the briefing pages in memory on every build, watch the seeds.

Pages are added as generated files, never written into docs_dir, so `mkdocs serve`
does not see its own output and cannot loop.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import os
import sys
from pathlib import Path

# The hook is loaded by path; make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

from generator import merge, pipeline, render, search  # noqa: E402
from generator.rawhtml import RawBlocksExtension  # noqa: E402
from generator.incremental import GeneratedPages, IdleCollection, TemplateCache  # noqa: E402
from generator.model import InputError  # noqa: E402
from generator.nlp import ModelMissing  # noqa: E402
from generator.settings import DEFAULT_DESCRIPTION, Settings  # noqa: E402
from generator.terminal import terminal_safe  # noqa: E402

log = logging.getLogger("mkdocs.hooks.briefing")
_state: dict[str, object] = {}
_pages = GeneratedPages()
_templates = TemplateCache()


class _Serving:
    """What `mkdocs serve` keeps from one build for the next; `mkdocs build` has no next build."""

    def __init__(self) -> None:
        self.recent = pipeline.Recent()  # extractions of the last build's seeds
        self.memo = render.PageMemo()  # its pages and data lines, by what they show
        self.collection = IdleCollection()  # the cyclic collector runs between builds
        # Only a server indexes in the background: a built site must have its whole index when the build ends.
        self.background_index = search.BackgroundIndex(log)


_serving: _Serving | None = None


def on_startup(command, dirty):
    global _serving
    _pages.dirty = command == "serve" and dirty
    on_shutdown()
    _serving = _Serving() if command == "serve" else None


def on_shutdown():
    global _serving
    if _serving is not None:
        _serving.background_index.close()
    _serving = None


def on_pre_build(config):
    if _serving is not None:
        _serving.collection.pause()


def on_build_error(error):
    if _serving is not None:
        _serving.collection.resume()


def on_config(config):
    options = dict(config.extra.get("briefing") or {})
    root = Path(config.config_file_path or ".").resolve().parent
    seeds = Path(os.environ.get("BRIEFING_SEEDS") or options.get("seeds") or "seeds")
    _state["seeds"] = seeds if seeds.is_absolute() else root / seeds
    if os.environ.get("BRIEFING_TITLE"):
        config.site_name = os.environ["BRIEFING_TITLE"]
    _state["settings"] = Settings(
        title=config.site_name,
        description=config.site_description or DEFAULT_DESCRIPTION,
        model=os.environ.get("BRIEFING_MODEL") or options.get("model"),
        cache=os.environ.get("BRIEFING_CACHE") != "off",
        # `mkdocs build --strict` refuses the whole build on any bad seed, naming each one.
        strict=bool(config.strict),
    )
    if not config.use_directory_urls:
        raise PluginError("the briefing pages link with directory URLs: set use_directory_urls: true")
    config.markdown_extensions.append(RawBlocksExtension())
    return config


def on_files(files: Files, config) -> Files:
    try:
        briefing = pipeline.build_briefing(_state["seeds"], _state["settings"],
                                           recent=_serving.recent if _serving else None)
        if _serving is None:
            merge.forget()  # nothing rebuilds after a one-off build
    except (InputError, ModelMissing) as exc:
        raise PluginError(f"briefing not built:\n{terminal_safe(exc)}") from exc
    for problem in briefing.problems:  # a strict build never gets here: the pipeline refused it
        (log.error if problem.severity == "error" else log.warning)("%s", terminal_safe(problem))
    generated = render.publishable(render.render(briefing, _serving.memo if _serving else None))
    _state["data_files"] = []
    for path, content in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning("generated %s replaces the file of that name in docs/", path)
            files.remove(existing)
        file = _pages.file(config, path, content)
        files.append(file)
        if not file.is_documentation_page():
            _state["data_files"].append(file)
    _state["search"] = search.decide(f.content_string for f in files.documentation_pages())
    if _state["search"].note:
        log.info("%s", _state["search"].note)
    return files


def on_page_markdown(markdown, page, config, files):
    if _state["search"].engine == "pagefind":
        # Material's index would be built from every page only to be deleted (see search.index_site).
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_page_content(html, page, config, files):
    # MkDocs holds every page's Markdown and HTML until the last page is written; a large briefing's
    # pages are ~150 MB of text, so the Markdown (read once, now converted) is let go here.
    if page.file.generated_by:
        page.markdown = ""
        page.file.content_string = ""
    return html


def on_post_page(output, page, config):
    if page.file.generated_by:
        page.content = ""  # written out; nothing later reads it (the search index, if any, took its text)
    return output


def on_env(env, config, files):
    env.bytecode_cache = _templates
    if _state["search"].engine == "pagefind":
        search.use_pagefind_templates(env)
    return env


def on_post_build(config):
    # Written by now, and nothing reads them again; briefing.json alone is ~50 MB at 1,000 sources.
    for file in _state.pop("data_files", ()):
        file.content_string = ""
    if _serving is not None:
        _serving.collection.resume()
    if _state["search"].engine != "pagefind":
        return
    try:
        if _serving is not None:
            _serving.background_index.after_build(Path(config.site_dir), _state["search"].command)
        else:
            _release_memory()  # Pagefind's own peak adds to this process's for as long as it runs
            search.index_site(Path(config.site_dir), _state["search"].command)
    except RuntimeError as exc:
        raise PluginError(str(exc)) from exc


def _release_memory() -> None:
    """Give the pages' freed memory back to the system: CPython's allocator keeps it otherwise."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is only reused, not returned


# MkDocs polls what it watches every 0.5 s, a quarter of the 2 s an edit may take to show. A seeds
# folder is small to poll (one stat per seed), so it is polled more often.
SEEDS_POLL_SECONDS = 0.1


def on_serve(server, config, builder):
    watch_often(server, str(_state["seeds"]), SEEDS_POLL_SECONDS)
    # A warm cache spares the first build loading spaCy; load it now so the first edit is fast too.
    pipeline.warm_up(_state["settings"].model)
    return server


def watch_often(server, path: str, seconds: float) -> None:
    """`server.watch(path)`, polled every `seconds`. The watchdog observer hands its timeout to each
    watch it schedules, so it is set only while this one is scheduled; a watchdog without that
    attribute just keeps MkDocs' interval."""
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
