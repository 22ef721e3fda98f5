"""Benchmark: the merge stage on its own, as `mkdocs serve` runs it after one seed is edited.

Run: python bench/merge_edit.py SEEDS CACHE [--repeat N]

SEEDS is a folder of seeds (tests/support/synth.py writes synthetic ones), CACHE the build cache
to read their extractions from (a warm one: extracting is not what is timed here). The
seeds are copied, so SEEDS is only read. Prints, in seconds of this process's CPU time
(the least over the repeats, as other load on the machine only adds to it):

- first merge: in a new process, with the comparisons of sources kept in CACHE;
- unchanged: the same articles merged again in the same process;
- after an edit: one seed, in the middle, gets a paragraph more; it is read, cleaned and
  extracted again, then the articles are merged (each repeat edits it again);

and checks that what the process merges after the edit equals what it merges with every
per-process memo cleared, by comparing with a merge in a new process.
"""
from __future__ import annotations

import argparse
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import clean, merge, pipeline, read  # noqa: E402
from generator.settings import Settings  # noqa: E402


def timed(run):
    start = time.process_time()
    result = run()
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(cache_dir=args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(args.seeds, seeds)

        def analysed():
            found, problems = read.read_seeds(seeds)
            articles = clean.clean_all(found)
            return articles, pipeline.analyse(articles, settings), problems

        articles, extractions, problems = analysed()
        first, _ = timed(lambda: merge.merge(articles, extractions, settings, problems))
        unchanged = min(timed(lambda: merge.merge(articles, extractions, settings, problems))[0]
                        for _ in range(args.repeat))
        files = sorted(seeds.iterdir())
        edited = files[len(files) // 2]
        after = []
        for n in range(args.repeat):
            edited.write_text(edited.read_text(encoding="utf-8") + f"\n\nA paragraph added on review, number {n}.\n",
                              encoding="utf-8")
            articles, extractions, problems = analysed()
            spent, briefing = timed(lambda: merge.merge(articles, extractions, settings, problems))
            after.append(spent)
        fresh = subprocess.run(
            [sys.executable, "-c", "import pickle, sys; from generator import merge; "
             "sys.stdout.buffer.write(pickle.dumps(merge.merge(*pickle.load(sys.stdin.buffer))))"],
            input=pickle.dumps((articles, extractions, settings, problems)), capture_output=True, check=True, cwd=ROOT)
    print(f"{len(articles)} sources: first merge {first:.3f} s, unchanged {unchanged:.3f} s, "
          f"after an edit {min(after):.3f} s (of {', '.join(f'{t:.3f}' for t in after)})")
    print("after the edit, equal to a new process's merge:", pickle.loads(fresh.stdout) == briefing)


if __name__ == "__main__":
    main()
