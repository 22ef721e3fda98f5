"""What only `mkdocs serve` keeps and does: dirty rebuilds (only changed generated pages count as
modified), compiled templates, the seeds polled often, the collector held off during a rebuild."""
from pathlib import Path
from types import SimpleNamespace

import jinja2

from generator.serving import GeneratedPages, TemplateCache

CONFIG = SimpleNamespace(docs_dir="docs", site_dir="site", use_directory_urls=True,
                         plugins=SimpleNamespace(_current_plugin="briefing"))


def test_only_changed_pages_are_modified_in_a_dirty_serve():
    pages = GeneratedPages(dirty=True)
    assert pages.file(CONFIG, "sources/ferry.md", "# Ferry\n").is_modified()  # first build: everything
    assert pages.file(CONFIG, "data/briefing.json", b"{}").is_modified()
    assert not pages.file(CONFIG, "sources/ferry.md", "# Ferry\n").is_modified()
    assert not pages.file(CONFIG, "data/briefing.json", b"{}").is_modified()
    assert pages.file(CONFIG, "sources/ferry.md", "# Ferry halted\n").is_modified()
    assert pages.file(CONFIG, "sources/mill.md", "# Mill\n").is_modified()


def test_other_builds_render_every_page():
    pages = GeneratedPages(dirty=False)
    pages.file(CONFIG, "index.md", "# Home\n")
    assert pages.file(CONFIG, "index.md", "# Home\n").is_modified()


def test_templates_are_compiled_once_across_environments_and_again_when_edited():
    sources = {"page.html": "Hello {{ name }}"}
    compiled = []
    cache = TemplateCache()

    class Counting(jinja2.Environment):
        def _compile(self, source, filename):
            compiled.append(filename)
            return super()._compile(source, filename)

    def render() -> str:
        env = Counting(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("page.html").render(name="harbour")

    assert render() == render() == "Hello harbour"
    assert len(compiled) == 1
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye harbour"
    assert len(compiled) == 2


def test_the_seeds_folder_is_polled_more_often_than_mkdocs_polls_the_rest(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    from generator.serving import SEEDS_POLL_SECONDS, watch_often

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds").mkdir()
    server.watch(str(tmp_path / "docs"))
    watch_often(server, str(tmp_path / "seeds"), SEEDS_POLL_SECONDS)
    intervals = {Path(e.watch.path).name: e.timeout for e in server.observer.emitters}
    server.server_close()
    assert intervals == {"docs": 0.5, "seeds": SEEDS_POLL_SECONDS}
    assert server.observer.timeout == 0.5  # watches scheduled later keep MkDocs' interval


def test_a_serve_rebuild_collects_cycles_after_the_build_not_during_it(monkeypatch):
    import gc
    import threading

    from generator.serving import IdleCollection

    collected = threading.Event()
    monkeypatch.setattr(gc, "collect", lambda *args: collected.set())
    monkeypatch.setattr(IdleCollection, "DELAY", 0.01)
    idle = IdleCollection()
    try:
        idle.pause()
        assert not gc.isenabled()
        idle.resume()
        assert gc.isenabled()
        assert collected.wait(10)
    finally:
        gc.enable()


def test_only_mkdocs_serve_keeps_a_memory_between_builds():
    from generator.memory import BuildMemory
    from generator.plugin import BriefingPlugin

    plugin = BriefingPlugin()
    assert plugin.serving is None  # `python -m generator site` builds without on_startup
    try:
        plugin.on_startup(command="serve", dirty=True)
        assert isinstance(plugin.serving.memory, BuildMemory) and plugin.serving.pages.dirty
        plugin.on_startup(command="build", dirty=False)
        assert plugin.serving is None
    finally:
        plugin.on_shutdown()
