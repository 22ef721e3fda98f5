"""Benchmark: build briefings of N synthetic sources and measure what the performance issue targets.

    python bench/run.py                  # N = 5, 100, 1000; prints a table, writes its part of bench/RESULTS.md
    python bench/run.py --sizes 5 100    # a quicker run (RESULTS.md is written only with --write)
    python bench/run.py --real ../shared/corpora/scale/polnear_1000   # also 100 and all of these real articles

Every measured build runs in a child process, so spaCy's load time, the worker processes and the
peak memory are those of a real command. Peak memory is the largest sum of the resident memory of
the build's whole process tree, sampled every 50 ms from /proc.

Columns: parse floor = the same cleaned paragraphs through nlp.pipe in as many processes as the
build parses in (load included), and cold / floor its ratio to the cold build; raw spaCy = a process that loads the pipeline and runs nlp.pipe over the same cleaned
paragraphs (words/s over load + parse); per-article stage = clean + parse + extract inside the cold
build (words/s, workers' start-up included); ratio = the second over the first; cold / warm build =
`python -m generator site` with an empty / a filled cache; one source edited = the same with one
seed changed and the rest in the cache; plain mkdocs = `mkdocs build` of the same
generated Markdown without the briefing plugin; Material index = the search_index.json Material's
search would download; first search = bytes of search files the browser fetched from loading the
home page to showing the first results of one query; reload = seconds from saving an edited seed to
`mkdocs serve` serving the page with the edit (three edits).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from tests.support import browser, serving, synth  # noqa: E402

PY = sys.executable
QUERY = "council"
PYCACHE = Path(tempfile.gettempdir()) / "briefing-bench-pycache"


def child_env(**extra: str) -> dict[str, str]:
    """The children's environment: bytecode is cached (in a folder of its own), as on a normal
    install, so every build is not timed compiling MkDocs and Material from source again."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, PYTHONPYCACHEPREFIX=str(PYCACHE), NO_MKDOCS_2_WARNING="1", **extra)


# --- measured in child processes -------------------------------------------------------------

def child_raw_parse(seeds: Path, processes: Path = Path("1")) -> dict:
    """Plain spaCy on the same cleaned paragraphs: load the pipeline, nlp.pipe, nothing else; with
    `processes` > 1, spaCy's own multiprocessing (the parse floor for a build with as many workers)."""
    from generator import clean, nlp, read

    found, _ = read.read_seeds(seeds)
    texts = [p.text for a in map(clean.clean, found) for p in a.paragraphs]
    start = time.perf_counter()
    model = nlp.load()
    loaded = time.perf_counter()
    for _ in model.pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=int(str(processes))):
        pass
    return {"words": sum(len(t.split()) for t in texts), "load_s": loaded - start, "parse_s": time.perf_counter() - loaded}


def build_workers(words: int) -> int:
    """How many processes the build parses `words` words in (pipeline._extract_all's choice)."""
    from generator import pipeline

    if words < pipeline.PARALLEL_MIN_WORDS:
        return 1
    return max(1, min(os.cpu_count() or 1, 1 + words // pipeline.CHUNK_WORDS))


def child_site(seeds: Path, site: Path, cache_dir: Path) -> dict:
    """The real `python -m generator site`, with the per-article stage timed on the way."""
    os.environ["BRIEFING_CACHE_DIR"] = str(cache_dir)
    from generator import cli, pipeline

    real, spent = pipeline.analyse, []

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    pipeline.analyse = timed
    start = time.perf_counter()
    code = cli.main(["site", "--seeds", str(seeds), "--site-dir", str(site)])
    return {"code": code, "total_s": time.perf_counter() - start, "analyse_s": sum(spent)}


def run_child(mode: str, *args: Path, env: dict | None = None) -> dict:
    """Run this script in `mode` as a child; returns its JSON result plus the tree's peak memory."""
    proc = subprocess.Popen([PY, __file__, f"--child-{mode}", *map(str, args)], cwd=ROOT,
                            env=child_env(**(env or {})),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = _sample_memory(proc)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak[0] / 1024
    return result


def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _sample_memory(proc: subprocess.Popen) -> list[int]:
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    thread.join()
    return peak


# --- measured from the parent ----------------------------------------------------------------

def plain_mkdocs(seeds: Path, work: Path, cache_dir: Path) -> float:
    """`mkdocs build` of the same generated Markdown, without the briefing plugin."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    md = work / "markdown"
    env = child_env(BRIEFING_CACHE_DIR=str(cache_dir))
    subprocess.run([PY, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(md)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    for asset in (ROOT / "docs").rglob("*"):
        if asset.is_file():
            (md / asset.relative_to(ROOT / "docs")).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, md / asset.relative_to(ROOT / "docs"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "briefing" in p)]
    config["docs_dir"] = str(md)
    (work / "plain.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(work / "plain.yml"), "-d", str(work / "plain-site")],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def serve_reload(seeds: Path, cache_dir: Path, edits: int = 3, dirty: bool = False) -> list[float]:
    """Seconds from saving an edited seed to `mkdocs serve` serving the page with the edit."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = child_env(BRIEFING_SEEDS=str(seeds), BRIEFING_CACHE_DIR=str(cache_dir))
    proc = serving.start([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seed = sorted(seeds.iterdir())[len(list(seeds.iterdir())) // 2]
    url = f"http://127.0.0.1:{port}/sources/{seed.stem.replace('_', '-')}/"

    def get() -> str:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read().decode("utf-8")
        except OSError:  # the server answers once the running rebuild is done
            return ""

    times = []
    try:
        deadline = time.monotonic() + 600
        while not get():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.5)
        original = seed.read_text(encoding="utf-8")
        for i in range(edits):
            marker = f"Edited paragraph number {i} for the reload measurement."
            # Let the watcher settle after the previous build; before the first edit, give the server
            # the time it takes to load spaCy in the background (nobody edits in the first seconds).
            time.sleep(1.5 if i else 20)
            seed.write_text(original + f"\n{marker}\n", encoding="utf-8")
            saved = time.monotonic()
            while marker not in get():
                if time.monotonic() - saved > 120:
                    raise RuntimeError("the edit never appeared")
                time.sleep(0.05)
            times.append(time.monotonic() - saved)
        seed.write_text(original, encoding="utf-8")
    finally:
        serving.stop(proc, timeout=60)
    return times


def real_seeds(corpus: Path, seeds: Path, n: int) -> None:
    """The first `n` articles of a folder of real ones, in name order."""
    seeds.mkdir(parents=True)
    for f in sorted(corpus.glob("*.txt"))[:n]:
        shutil.copy2(f, seeds / f.name)


def bench(n: int, work: Path, serve: bool, corpus: Path | None = None) -> dict:
    folder = work / (f"real{n}" if corpus else f"n{n}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    seeds, cache_dir = folder / "seeds", folder / "cache"
    if corpus:
        real_seeds(corpus, seeds, n)
        n = len(list(seeds.iterdir()))
    else:
        synth.write_seeds(seeds, n)
    row: dict = {"n": n, "corpus": corpus.name if corpus else "synthetic"}
    subprocess.run([PY, "-c", "import spacy, generator.cli, mkdocs.commands.build, material.plugins.search.plugin"], cwd=ROOT, env=child_env(),
                   check=True)  # fill the bytecode cache outside the timings
    raw = run_child("raw", seeds)
    row["words"] = raw["words"]
    row["raw_wps"] = raw["words"] / (raw["load_s"] + raw["parse_s"])
    row["raw_parse_s"] = raw["load_s"] + raw["parse_s"]
    row["workers"] = build_workers(raw["words"])
    floor = raw if row["workers"] == 1 else run_child("raw", seeds, Path(str(row["workers"])))
    row["floor_s"] = floor["load_s"] + floor["parse_s"]
    cold = run_child("site", seeds, folder / "site", cache_dir)
    row["cold_s"], row["peak_mb"] = cold["total_s"], cold["peak_mb"]
    row["extract_wps"] = raw["words"] / cold["analyse_s"]
    warm = run_child("site", seeds, folder / "site", cache_dir)
    row["warm_s"], row["warm_peak_mb"] = warm["total_s"], warm["peak_mb"]
    # The everyday rebuild: one source edited, every other one served from the cache.
    edited = sorted(seeds.iterdir())[n // 2]
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nA paragraph added to measure the rebuild after one edit.\n", encoding="utf-8")
    row["edit_s"] = run_child("site", seeds, folder / "site", cache_dir)["total_s"]
    edited.write_text(original, encoding="utf-8")
    row["plain_mkdocs_s"] = plain_mkdocs(seeds, folder, cache_dir)
    row["site_bytes"], row["site_files"] = folder_size(folder / "site")
    row["html_pages"] = sum(1 for _ in (folder / "site").rglob("*.html"))
    # What Material's search would download: its index in the plain build (Pagefind sites drop it).
    row["material_index_bytes"] = (folder / "plain-site" / "search" / "search_index.json").stat().st_size
    found = browser.search(folder / "site", QUERY)
    row["search_bytes"], row["search_hits"], row["search_engine"] = found.search_bytes, len(found.hrefs), found.engine
    if serve:
        row["reload_s"] = serve_reload(seeds, cache_dir)
        row["dirty_reload_s"] = serve_reload(seeds, cache_dir, dirty=True)
    shutil.rmtree(folder / "plain-site", ignore_errors=True)
    return row


def table(rows: list[dict]) -> str:
    def mb(b: float) -> str:
        return f"{b / 1e6:.2f} MB"

    lines = [
        "| corpus | N | words | parse floor (processes) | cold / floor | raw spaCy (load+pipe) | per-article stage | ratio | cold build | warm build | one source edited | plain mkdocs | cold / (raw + plain) | cold s per source | peak memory (cold / warm) | site | Material index | first search | reload after edit (serve / serve --dirty) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        reload = " / ".join(", ".join(f"{t:.2f}" for t in r[k]) + " s" for k in ("reload_s", "dirty_reload_s") if r.get(k)) or "—"
        lines.append(
            f"| {r.get('corpus', 'synthetic')} | {r['n']} | {r['words']:,} | {_floor(r)} | {r['raw_wps']:,.0f} w/s ({r['raw_parse_s']:.1f} s) | {r['extract_wps']:,.0f} w/s"
            f" | {r['extract_wps'] / r['raw_wps']:.2f} | {r['cold_s']:.1f} s | {r['warm_s']:.1f} s | {r['edit_s']:.1f} s | {r['plain_mkdocs_s']:.1f} s"
            f" | {r['cold_s'] / (r['raw_parse_s'] + r['plain_mkdocs_s']):.2f} | {r['cold_s'] / r['n']:.3f} | {r['peak_mb']:.0f} / {r['warm_peak_mb']:.0f} MB"
            f" | {mb(r['site_bytes'])} ({r['site_files']:,} files) | {mb(r['material_index_bytes'])} | {mb(r['search_bytes'])} ({r['search_engine']}, {r['search_hits']} results) | {reload} |"
        )
    return "\n".join(lines)


def _floor(r: dict) -> str:
    if "floor_s" not in r:
        return "— | —"
    return f"{r['floor_s']:.1f} s ({r['workers']}) | {r['cold_s'] / r['floor_s']:.2f}"


def real_verdicts(r: dict) -> list[tuple[str, str, bool]]:
    """The targets for a build of real articles (the scale issue's list)."""
    return [
        (f"{r['corpus']} ({r['n']}): cold <= 1.15 x parse floor", f"{r['cold_s']:.1f} s = {r['cold_s'] / r['floor_s']:.2f} x {r['floor_s']:.1f} s",
         r["cold_s"] <= 1.15 * r["floor_s"]),
        (f"{r['corpus']} ({r['n']}): warm <= 15 s", f"{r['warm_s']:.1f} s", r["warm_s"] <= 15),
        (f"{r['corpus']} ({r['n']}): one seed edited <= 10 s", f"{r['edit_s']:.1f} s", r["edit_s"] <= 10),
        (f"{r['corpus']} ({r['n']}): site <= 100 MB", f"{r['site_bytes'] / 1e6:.1f} MB, {r['html_pages']:,} HTML pages",
         r["site_bytes"] <= 100e6),
        (f"{r['corpus']} ({r['n']}): peak memory of the process tree <= 1 GB", f"{max(r['peak_mb'], r['warm_peak_mb']):.0f} MB",
         max(r["peak_mb"], r["warm_peak_mb"]) <= 1024),
    ]


def verdicts(rows: list[dict]) -> str:
    """The issue's targets against this run, each marked met or not."""
    checks = [c for r in rows if r.get("corpus", "synthetic") != "synthetic" for c in real_verdicts(r)]
    rows = [r for r in rows if r.get("corpus", "synthetic") == "synthetic"]
    if not rows:
        return _verdict_table(checks)
    by_n = {r["n"]: r for r in rows}
    if 1000 in by_n:
        r = by_n[1000]
        checks += [
            ("1,000 sources cold <= 90 s", f"{r['cold_s']:.1f} s", r["cold_s"] <= 90),
            ("1,000 sources warm <= 15 s", f"{r['warm_s']:.1f} s", r["warm_s"] <= 15),
            ("peak memory <= 1 GB", f"{max(x['peak_mb'] for x in rows):.0f} MB", max(x["peak_mb"] for x in rows) <= 1024),
            ("first search at 1,000 sources <= 1 MB", f"{r['search_bytes'] / 1e6:.2f} MB ({r['search_engine']})",
             r["search_bytes"] <= 1e6),
        ]
    if 100 in by_n and 1000 in by_n:
        growth = (by_n[1000]["cold_s"] / 1000) / (by_n[100]["cold_s"] / 100)
        checks.append(("build time linear in N (cold s per source, 1,000 vs 100)", f"{growth:.2f}x", growth <= 1.25))
    worst = max(r["cold_s"] / (r["raw_parse_s"] + r["plain_mkdocs_s"]) for r in rows)
    checks.append(("total build <= 1.3 x (raw spaCy parse + plain mkdocs build)", f"worst {worst:.2f}", worst <= 1.3))
    for r in rows:
        for key, how in (("reload_s", "mkdocs serve"), ("dirty_reload_s", "mkdocs serve --dirty")):
            if r.get(key):
                checks.append((f"seed edit -> reload <= 2 s at {r['n']} sources ({how})", f"worst {max(r[key]):.2f} s",
                               max(r[key]) <= 2))
    return _verdict_table(checks)


def _verdict_table(checks: list[tuple[str, str, bool]]) -> str:
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {what} | {value} | {'yes' if ok else 'NO'} |" for what, value, ok in checks]
    return "\n".join(lines)


def machine() -> str:
    from importlib import metadata

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores ({cpu}), {mem / 1024 / 1024:.0f} GB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, spaCy {metadata.version('spacy')}, MkDocs {metadata.version('mkdocs')}, "
            f"mkdocs-material {metadata.version('mkdocs-material')}; load average at start {os.getloadavg()[0]:.1f}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1].startswith("--child-"):
        mode, args = sys.argv[1][len("--child-"):], [Path(a) for a in sys.argv[2:]]
        print(json.dumps({"raw": child_raw_parse, "site": child_site}[mode](*args)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5, 100, 1000], help="synthetic sizes (none: only --real)")
    parser.add_argument("--real", type=Path, help="also build this folder of real articles (e.g. the 991 of a scale corpus)")
    parser.add_argument("--real-sizes", type=int, nargs="+", default=[100, 100_000],
                        help="how many of the real articles to build (default: 100, with the live reload, and all)")
    parser.add_argument("--serve-at", type=int, default=100, help="measure the live reload at this N")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one)")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md (default when all sizes run)")
    parser.add_argument("--from-json", type=Path, help="only print (and --write) the tables of an earlier results.json")
    args = parser.parse_args()
    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        rows, described = saved["rows"], saved["machine"]
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
        described = machine()
        rows = []
        for n in args.sizes:
            rows.append(bench(n, work, serve=n == args.serve_at))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
        for n in (args.real_sizes if args.real else []):
            rows.append(bench(n, work, serve=n == args.serve_at, corpus=args.real))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
        described += f"; load average at the end {os.getloadavg()[0]:.1f}"
        (work / "results.json").write_text(json.dumps({"machine": described, "rows": rows}, indent=1))
    synthetic = [r for r in rows if r.get("corpus", "synthetic") == "synthetic"]
    real = [r for r in rows if r.get("corpus", "synthetic") != "synthetic"]
    blocks = {kind: f"Machine: {described}.\n\n" + table(part) + "\n\n" + verdicts(part)
              for kind, part in (("synthetic", synthetic), ("real", real)) if part}
    print("\n\n".join(blocks.values()))
    if args.write or [r["n"] for r in synthetic] == [5, 100, 1000]:
        results = BENCH / "RESULTS.md"
        text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
        for kind, block in blocks.items():
            text = replace_block(text, kind, block)
        results.write_text(text, encoding="utf-8")


def replace_block(text: str, kind: str, block: str) -> str:
    """Put this run's tables of one kind between their markers in RESULTS.md, keeping the rest.

    The prose around the tables (what the figures mean, what holds a target back, profiles) is
    written by hand and must survive a new run; a kind without markers yet gets a section at the end.
    """
    start, end = f"<!-- bench/run.py {kind}: start -->", f"<!-- bench/run.py {kind}: end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        return head + start + "\n" + block + "\n" + end + rest.split(end, 1)[1]
    title = {"synthetic": "Synthetic articles", "real": "Real articles"}[kind]
    return text.rstrip("\n") + f"\n\n## {title} (`bench/run.py`)\n\n{start}\n{block}\n{end}\n"

if __name__ == "__main__":
    main()
