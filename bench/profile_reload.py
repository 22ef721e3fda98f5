"""Profile one rebuild of `mkdocs serve --dirty` after a seed edit, in this process.

    python bench/profile_reload.py SEEDS [--edits 3] [--top 50] [--no-profile]

Does what `mkdocs serve --dirty` does (mkdocs.commands.serve): loads the configuration, starts the
plugins for `serve`, builds once, loads spaCy as `on_serve` does, then appends a paragraph to the
middle seed and rebuilds, the configuration loaded again as the server's builder does. Prints the
seconds of each rebuild and, unless --no-profile, the profile of one more. The seed is restored.
Use a filled cache (BRIEFING_CACHE_DIR): the figure is a server's, whose cache holds every seed.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--stages", action="store_true", help="print the time of each stage of every rebuild")
    args = parser.parse_args()
    os.environ["BRIEFING_SEEDS"] = str(args.seeds.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import stages

    from generator import pipeline

    spent = stages.instrument() if args.stages else {}
    site_dir = tempfile.mkdtemp(prefix="reload-")

    def get_config():
        return load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    serve_url = "http://127.0.0.1:8000/"
    config.site_url = serve_url

    def builder() -> float:
        start = time.perf_counter()
        fresh = get_config()
        fresh.site_url = serve_url
        build(fresh, serve_url=serve_url, dirty=True)
        return time.perf_counter() - start

    seed = sorted(args.seeds.iterdir())[len(list(args.seeds.iterdir())) // 2]
    original = seed.read_text(encoding="utf-8")
    try:
        start = time.perf_counter()
        build(config, serve_url=serve_url, dirty=False)
        print(f"first build: {time.perf_counter() - start:.2f} s")
        pipeline.warm_up(None).join()
        times = []
        for i in range(args.edits + (0 if args.no_profile else 1)):
            time.sleep(0.6)  # the plugin collects garbage 0.5 s after a build, while the server idles
            seed.write_text(original + f"\nEdited paragraph number {i} for the reload measurement.\n", encoding="utf-8")
            if i < args.edits:
                spent.clear()
                times.append(builder())
                if args.stages:
                    stages.report(spent, times[-1])
                continue
            profile = cProfile.Profile()
            profile.enable()
            took = builder()
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
            print(out.getvalue())
            print(f"profiled rebuild: {took:.2f} s")
        print("rebuilds after an edit: " + ", ".join(f"{t:.2f} s" for t in times))
    finally:
        seed.write_text(original, encoding="utf-8")
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
