"""Where the time of one `python -m generator site` goes, stage by stage, without a profiler.

    python bench/stages.py SEEDS SITE_DIR [--repeat 2]

Wraps the stages in timers (read, clean, analyse, merge, render, MkDocs' page builds, Pagefind)
and prints their seconds and shares of the whole build; run it with a filled cache for a warm
build (BRIEFING_CACHE_DIR), with an empty one for a cold build. bench/profile_reload.py uses the
same timers for a rebuild under `mkdocs serve --dirty`.
"""
from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def instrument() -> dict[str, float]:
    """Wrap the stages in timers; returns the seconds spent in each, by label, summed until cleared."""
    import mkdocs.commands.build as mk

    from generator import clean, incremental, merge, pipeline, read, render, search

    spent: dict[str, float] = defaultdict(float)

    def timed(owner, name, label):
        real = getattr(owner, name)

        @functools.wraps(real)
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                spent[label] += time.perf_counter() - t

        setattr(owner, name, wrapper)

    timed(read, "read_seeds", "read")
    timed(clean, "clean_all", "clean")
    timed(pipeline, "analyse", "analyse (parse + extract, or the cache)")
    timed(merge, "merge", "merge")
    timed(render, "render", "render (pages as Markdown)")
    timed(render, "publishable", "render (pages as Markdown)")
    timed(incremental.SiteMemory, "generated", "previous generated files (read, check)")
    timed(incremental.SiteMemory, "keep_generated", "generated files (kept for the next build)")
    timed(mk, "_populate_page", "mkdocs: Markdown to HTML")
    timed(mk, "_build_page", "mkdocs: theme templates + write")
    timed(mk, "_build_theme_template", "mkdocs: theme templates + write")
    timed(search, "index_site", "pagefind")
    return spent


def report(spent: dict[str, float], total: float) -> None:
    for label, s in spent.items():
        print(f"{label:45s} {s:6.2f} s  {s / total:5.1%}")
    rest = total - sum(spent.values())
    print(f"{'the rest (config, files, nav, copying)':45s} {rest:6.2f} s  {rest / total:5.1%}")
    print(f"{'total':45s} {total:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    from generator import cli

    spent = instrument()
    print(f"imports {time.perf_counter() - start:.2f} s (not in the total)")
    for _ in range(args.repeat):
        spent.clear()
        t = time.perf_counter()
        cli.main(["site", "--seeds", str(args.seeds), "--site-dir", str(args.site)])
        report(spent, time.perf_counter() - t)


if __name__ == "__main__":
    main()
