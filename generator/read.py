"""Read stage: files in a seeds folder -> Seed records (decoded text + front matter).

Bad files become Problems naming the file (and line); they never stop the other seeds.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from generator import sidecar
from generator.model import FrontMatter, Problem, Seed

SUFFIXES = (".txt", ".md", ".markdown")
# Documented in the README; measured by bench/huge_seed.py. Parsing one 100,000-character paragraph
# takes about 350 MB of memory, and a 1 MB seed minutes, so both limits keep a build bounded; larger
# input is refused, never half-read. A long news article is under 50 kB.
MAX_BYTES = 1_000_000
MAX_LINE_CHARS = 100_000  # one line is one paragraph, parsed in one piece
KNOWN_KEYS = {"title", "outlet", "url", "published", "author"}
WESTERN = "cp1252"  # the legacy charset assumed for English text when detection ties
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def read_seeds(seeds_dir: Path) -> tuple[list[Seed], list[Problem]]:
    """Every readable seed of the folder, in file-name order, and what was wrong with the rest."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        return [], [Problem(str(seeds_dir), "seeds folder not found")]
    root = seeds_dir.resolve()
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        shown = f"{seeds_dir.name}/{path.name}"
        if path.is_dir():
            continue
        if path.suffix.lower() not in SUFFIXES:
            problems.append(Problem(shown, f"ignored: only {', '.join(SUFFIXES)} files are seeds", severity="warning"))
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            problems.append(Problem(shown, "ignored: a link that points outside the seeds folder"))
            continue
        try:
            seed, found = read_seed(path, shown)
        except OSError as exc:  # a dangling link, a file removed while reading, no permission
            seed, found = None, [Problem(shown, f"cannot be read: {exc.strerror or exc}")]
        problems.extend(found)
        if seed is not None:
            seeds.append(seed)
    return sidecar.apply(seeds_dir, seeds, problems)


def read_seed(path: Path, shown: str) -> tuple[Seed | None, list[Problem]]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(shown, f"too large: {size:,} bytes; the limit is {MAX_BYTES:,} bytes per seed (split it into several seeds)")]
    raw = path.read_bytes()
    text, encoding, problem = decode(raw, shown)
    if problem and problem.severity == "error":
        return None, [problem]
    warnings = [problem] if problem else []
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for n, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return None, [Problem(shown, f"line too long: {len(line):,} characters; the limit is {MAX_LINE_CHARS:,} per line", line=n)]
    meta, body, first_line, problems = split_front_matter(text, shown)
    problems = warnings + problems
    if meta is None:
        return None, problems
    if not body.strip():
        return None, problems + [Problem(shown, "empty: no text to build a source from")]
    return Seed(id=path.stem, path=shown, text=body, meta=meta, encoding=encoding, first_line=first_line), problems


def decode(raw: bytes, shown: str) -> tuple[str, str, Problem | None]:
    """Decode by BOM, then strict UTF-8, then a detected legacy single-byte charset; never guess silently."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig", None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            return "", "", Problem(shown, f"not valid UTF-16 despite its byte-order mark: {exc.reason}")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return "", "", Problem(shown, "binary data (NUL byte): not a text seed", line=line)
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    return _decode_legacy(raw, shown, utf8_error)


def _decode_legacy(raw: bytes, shown: str, utf8_error: UnicodeDecodeError) -> tuple[str, str, Problem | None]:
    """A legacy single-byte charset. Detection often cannot tell Western from Central
    European on a short text (é and č share a byte); among equally likely charsets the
    Western one wins (what browsers assume for legacy pages), and if another would read
    different letters, a warning names the file and the first line where they differ."""
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(raw) if not m.encoding.startswith("utf")]
    if not results:
        line = raw[: utf8_error.start].count(b"\n") + 1
        return "", "", Problem(shown, "not text in any encoding that could be identified", line=line)
    best = results[0]
    tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    names = sorted({m.encoding for m in tied} | {e for m in tied for e in m.could_be_from_charset})
    chosen = WESTERN if WESTERN in names else best.encoding
    text = raw.decode(chosen)
    lines = text.splitlines()
    differ: dict[str, int] = {}
    for name in names:
        try:
            other = raw.decode(name).splitlines()
        except (UnicodeDecodeError, LookupError):
            continue
        changed = [n for n, (a, b) in enumerate(zip(lines, other), start=1) if a != b]
        if changed:
            differ[name] = changed[0]
    if not differ:
        return text, chosen, None
    line = min(differ.values())
    return text, chosen, Problem(
        shown,
        f"legacy encoding read as {chosen}; {', '.join(sorted(differ))} would read some letters differently "
        "(save the file as UTF-8 to be sure)",
        line=line,
        severity="warning",
    )


def split_front_matter(text: str, shown: str) -> tuple[FrontMatter | None, str, int, list[Problem]]:
    match = _FRONT.match(text)
    if not text.startswith("---") or not match:
        return FrontMatter(), text, 1, []
    block = match.group(1)
    first_line = text[: match.end()].count("\n") + 1
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the opening ---
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, "", 0, [Problem(shown, f"front matter is not valid YAML: {reason}", line=line)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, "", 0, [Problem(shown, "front matter is not a mapping of keys to values", line=2)]
    problems = [
        Problem(shown, f"unknown front matter key {key!r} ignored", line=_key_line(block, key), severity="warning")
        for key in sorted(map(str, data)) if key not in KNOWN_KEYS
    ]
    fields: dict[str, str | None] = {}
    for key in sorted(KNOWN_KEYS):
        value = data.get(key)
        if value is None:
            continue
        if key == "published":
            iso = _iso_date(value)
            if iso is None:
                problems.append(Problem(shown, f"front matter 'published' is not a date: {value!r}",
                                        line=_key_line(block, key), severity="warning"))
            fields[key] = iso
        else:
            fields[key] = str(value).strip() or None
    return FrontMatter(**fields), text[match.end():], first_line, problems


def _key_line(block: str, key: str) -> int | None:
    for n, line in enumerate(block.splitlines(), start=2):
        if line.startswith(f"{key}:"):
            return n
    return None


def _iso_date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
