"""What a Dask worker adds: the per-article stage on a local Dask cluster against this process.

    python bench/executor.py ../shared/corpora/scale/polnear_1000 --articles 60

Builds the same real articles (no cache) three ways and prints words per second: in this
process, on a local Dask cluster of one worker process, and of two. The briefings must be equal;
the figures say what one worker parses and what the cluster costs on top of a local build, which
is what decides when `--executor dask://…` pays (a cluster's workers add cores this machine lacks).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.settings import Settings  # noqa: E402


def timed(seeds: Path, executor: str | None) -> tuple[float, object]:
    start = time.perf_counter()
    briefing = pipeline.build_briefing(seeds, Settings(cache=False, executor=executor))
    return time.perf_counter() - start, briefing


def main() -> None:
    import distributed

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for f in sorted(args.corpus.glob("*.txt"))[: args.articles]:
            shutil.copy2(f, seeds / f.name)
        local_s, local = timed(seeds, None)
        words = sum(s.article.word_count for s in local.sources)
        print(f"{len(local.sources)} articles, {words:,} words")
        print(f"this process: {local_s:.1f} s ({words / local_s:,.0f} words/s)")
        for workers in (1, 2):
            with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                          dashboard_address=None, host="127.0.0.1") as cluster:
                address = cluster.scheduler_address.removeprefix("tcp://")
                cluster_s, on_cluster = timed(seeds, f"dask://{address}")
            same = "same briefing" if on_cluster == local else "DIFFERENT briefing"
            print(f"local Dask cluster, {workers} worker(s): {cluster_s:.1f} s "
                  f"({words / cluster_s:,.0f} words/s, {cluster_s / local_s:.2f} x this process; {same})")


if __name__ == "__main__":
    main()
