"""The MkDocs plugin `briefing`: generates the briefing's pages in memory on every build.

Pages are added as generated files, never written into docs_dir, so `mkdocs serve` does not see
its own output and cannot loop. Configured in mkdocs.yml:

    plugins:
      - search
      - briefing:
          seeds: seeds        # the seed articles, relative to mkdocs.yml
          model: null         # spaCy pipeline; null: the first installed of nlp.DEFAULT_MODELS
          cache: true         # reuse the per-article results of unchanged seeds
          cache_dir: null     # null: $BRIEFING_CACHE_DIR, else .cache/briefing in the project
          search: auto        # auto (Pagefind for a large index), material or pagefind

Registered as the entry point `briefing` of the group `mkdocs.plugins` (pyproject.toml), so the
project must be installed (`make` installs it in editable mode in `.venv`).
"""
from __future__ import annotations

import ctypes
import gc
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import incremental, pipeline, search
from generator.incremental import SiteMemory
from generator.model import InputError
from generator.nlp import ModelMissing
from generator.rawhtml import RawBlocksExtension
from generator.serving import SEEDS_POLL_SECONDS, Serving, watch_often
from generator.settings import DEFAULT_DESCRIPTION, Settings
from generator.terminal import terminal_safe

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    model = c.Optional(c.Type(str))
    cache = c.Type(bool, default=True)
    cache_dir = c.Optional(c.Type(str))
    search = c.Choice(search.ENGINES, default="auto")
    executor = c.Optional(c.Type(str))  # "dask://HOST:PORT": parse and extract on a Dask cluster


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        # Set by on_startup for `mkdocs serve` only: what the server keeps from build to build.
        # MkDocs keeps this plugin object for the whole serve because it has on_startup.
        self.serving: Serving | None = None
        self.seeds = Path("seeds")
        self.settings = Settings()
        self.decision = search.Decision("material", 0)
        self.data_files: list[File] = []
        # Set by `python -m generator site` only: the previous site's pages and index parts to reuse.
        self.site_memory: SiteMemory | None = None

    def on_startup(self, *, command, dirty) -> None:
        self.on_shutdown()
        self.serving = Serving(dirty=dirty, log=log) if command == "serve" else None

    def on_shutdown(self) -> None:
        if self.serving is not None:
            self.serving.close()
        self.serving = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.seeds = root / self.config.seeds  # an absolute path stays itself
        self.settings = Settings(
            title=config.site_name,
            description=config.site_description or DEFAULT_DESCRIPTION,
            model=self.config.model,
            cache=self.config.cache,
            cache_dir=root / self.config.cache_dir if self.config.cache_dir else None,
            executor=self.config.executor,
            # `mkdocs build --strict` refuses the whole build on any bad seed, naming each one.
            strict=bool(config.strict),
        )
        if not config.use_directory_urls:
            raise PluginError("the briefing pages link with directory URLs: set use_directory_urls: true")
        config.markdown_extensions.append(RawBlocksExtension())
        return config

    def on_pre_build(self, *, config) -> None:
        if self.serving is not None:
            self.serving.collection.pause()

    def on_build_error(self, *, error) -> None:
        if self.serving is not None:
            self.serving.collection.resume()

    def on_files(self, files: Files, *, config) -> Files:
        memory = self.serving.memory if self.serving else None
        try:
            generated = pipeline.generate_files(self.seeds, self.settings, memory=memory, kept=self.site_memory)
        except (InputError, ModelMissing) as exc:
            raise PluginError(f"briefing not built:\n{terminal_safe(exc)}") from exc
        for problem in generated.problems:  # a strict build never gets here: the pipeline refused it
            (log.error if problem.severity == "error" else log.warning)("%s", terminal_safe(problem))
        self.data_files = []
        for path, content in generated.files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning("generated %s replaces the file of that name in docs/", path)
                files.remove(existing)
            if self.serving is not None:
                file = self.serving.pages.file(config, path, content)
            else:
                file = File.generated(config, path, content=content)
            files.append(file)
            if not file.is_documentation_page():
                self.data_files.append(file)
        self.decision = search.decide((f.content_string for f in files.documentation_pages()),
                                      engine=self.config.search)
        if self.decision.note:
            log.info("%s", self.decision.note)
        if self.site_memory is not None:
            self._reuse_previous_pages(files, config)
        return files

    def _reuse_previous_pages(self, files: Files, config) -> None:
        """Mark the generated pages whose previous HTML is reused (see generator.incremental)."""
        memory = self.site_memory
        root = Path(config.config_file_path or ".").resolve().parent
        overrides = {key: config.get(key) for key in ("site_name", "site_url", "site_description", "strict")}
        memory.start(incremental.context_digest(Path(config.config_file_path), Path(config.docs_dir), overrides,
                                                self.decision.engine, search.part_bytes(), root / "package-lock.json"))
        if self.decision.engine != "pagefind":
            return  # Material's index is made from the pages rendered in this build: render them all
        for file in files.documentation_pages():
            if file.generated_by and memory.reuse_page(file.src_uri, file.dest_uri, file.content_bytes):
                file.is_modified = _unmodified

    def on_page_markdown(self, markdown, *, page, config, files):
        if self.decision.engine == "pagefind":
            # Material's index would be built from every page only to be deleted (see search.index_site).
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_content(self, html, *, page, config, files):
        # MkDocs holds every page's Markdown and HTML until the last page is written; a large briefing's
        # pages are ~150 MB of text, so the Markdown (read once, now converted) is let go here.
        if page.file.generated_by:
            page.markdown = ""
            page.file.content_string = ""
        return html

    def on_post_page(self, output, *, page, config):
        if page.file.generated_by:
            page.content = ""  # written out; nothing later reads it (the search index, if any, took its text)
        return output

    def on_env(self, env, *, config, files):
        if self.serving is not None:
            env.bytecode_cache = self.serving.templates
        if self.decision.engine == "pagefind":
            search.use_pagefind_templates(env)
        return env

    def on_post_build(self, *, config) -> None:
        # Written by now, and nothing reads them again; briefing.json alone is ~50 MB at 1,000 sources.
        for file in self.data_files:
            file.content_string = ""
        self.data_files = []
        if self.serving is not None:
            self.serving.collection.resume()
        if self.decision.engine != "pagefind":
            return
        try:
            if self.serving is not None:
                self.serving.background_index.after_build(Path(config.site_dir), self.decision.command)
            else:
                _release_memory()
                search.index_site(Path(config.site_dir), self.decision.command, reuse=self.site_memory)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from exc

    def on_serve(self, server, *, config, builder):
        watch_often(server, str(self.seeds), SEEDS_POLL_SECONDS)
        # A warm cache spares the first build loading spaCy; load it now so the first edit is fast too.
        pipeline.warm_up(self.settings.model)
        return server


def _unmodified() -> bool:
    return False  # the previous build's HTML of this page, linked into the new site, is still right


def _release_memory() -> None:
    """Give the pages' freed memory back to the system before Pagefind starts.

    Pagefind is another process, and the peak memory that counts (bench/RESULTS.md: at most 1 GB at
    1,000 sources) is that of the whole process tree. CPython's allocator and glibc's malloc keep
    what a build freed (the pages' Markdown and HTML, the data files: hundreds of MB) for reuse
    instead of returning it, so without this the build's peak and Pagefind's would add.
    `malloc_trim` is glibc's own call for returning it; elsewhere memory is only reused, as before.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is only reused, not returned
