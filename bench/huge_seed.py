"""Time and peak memory of a build given a 20 MB seed (refused) and seeds at the size limits (built).

    python bench/huge_seed.py [CASE ...]

Each case runs `python -m generator build` in a fresh process on a folder generated here, and
prints wall time, the process's peak resident memory and the first line of its messages. `small`
is one short seed: the cost of starting up and loading the language model, included in every case.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.read import MAX_BYTES, MAX_LINE_CHARS  # noqa: E402

SMALL = "Ferry crossings resume\nThe harbour board said on Monday that crossings would resume on Friday.\n"
NAMES = ["Ingrid Solberg", "Tomasz Wierzbicki", "Amara Okonkwo", "Rafael Quintero", "Lena Hartmann"]
PLACES = ["Eastport", "Marrowby", "Dunmore", "Tarnow", "Kestrel Bay"]
SENTENCES = [
    "{name}, a spokesman for the council of {place}, said on {day} that {n} people had been moved.",
    "\"We will not stop until the road is open,\" {name} told reporters in {place}.",
    "At least {n} houses in {place} were flooded last {day}, according to the fire service.",
    "The mayor of {place} said the bridge would reopen within {n} days.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def prose(chars: int, paragraph_chars: int, seed: int = 1) -> str:
    """About `chars` characters of news-like text in paragraphs of about `paragraph_chars`."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        sentences, length = [], 0
        while length < paragraph_chars:
            s = rng.choice(SENTENCES).format(name=rng.choice(NAMES), place=rng.choice(PLACES),
                                              day=rng.choice(DAYS), n=rng.randint(2, 400))
            sentences.append(s)
            length += len(s) + 1
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)[:chars].rsplit(" ", 1)[0] + ".\n"


def case_files(name: str) -> dict[str, str | bytes]:
    if name == "small":
        return {"small.txt": SMALL}
    if name == "refuse-20MB":
        line = b"The river rose overnight, the mayor of Lakeside said on Monday.\n"
        return {"small.txt": SMALL, "huge.txt": line * (20 * 1024 * 1024 // len(line))}
    if name == "limit-1MB":  # just under MAX_BYTES, in paragraphs of a news article's size
        return {"limit.txt": "Flood report\n" + prose(MAX_BYTES - 1000, 600)}
    if name == "line-100k":  # one paragraph as long as a line may be
        return {"line.txt": "Flood report\n" + prose(MAX_LINE_CHARS - 10, MAX_LINE_CHARS)}
    raise SystemExit(f"unknown case {name!r}; cases: {', '.join(CASES)}")


CASES = ["small", "refuse-20MB", "line-100k", "limit-1MB"]


def run(name: str) -> tuple[float, float, int, str, int]:
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        size = 0
        for file, content in case_files(name).items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (seeds / file).write_bytes(data)
            size += len(data)
        cmd = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(Path(folder) / "out")]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        message = next((line for line in err.splitlines() if "huge.txt" in line or line.startswith("error")),
                       err.strip().splitlines()[-1] if err.strip() else "")
        return seconds, usage.ru_maxrss / 1024, proc.returncode, message, size


def refusal_alone() -> tuple[float, float]:
    """Reading a folder holding the 20 MB seed, in this process: seconds and peak MB allocated."""
    import tracemalloc

    from generator.read import read_seeds

    with tempfile.TemporaryDirectory() as folder:
        for file, content in case_files("refuse-20MB").items():
            (Path(folder) / file).write_bytes(content if isinstance(content, bytes) else content.encode())
        tracemalloc.start()
        start = time.perf_counter()
        seeds, problems = read_seeds(Path(folder))
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert [s.id for s in seeds] == ["small"] and "too large" in problems[0].message
    return seconds, peak


def main(argv: list[str]) -> int:
    print(f"limits: {MAX_BYTES:,} bytes per seed, {MAX_LINE_CHARS:,} characters per line")
    seconds, peak = refusal_alone()
    print(f"reading a folder with the 20 MB seed (refused): {seconds * 1000:.1f} ms, {peak:.2f} MB allocated at peak")
    print(f"{'case':<12} {'input bytes':>12} {'seconds':>8} {'peak MB':>8} {'exit':>4}  message")
    for name in argv or CASES:
        seconds, peak, code, message, size = run(name)
        print(f"{name:<12} {size:>12,} {seconds:>8.1f} {peak:>8.0f} {code:>4}  {message}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
