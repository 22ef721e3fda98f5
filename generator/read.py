"""Read stage: files in a seeds folder -> Seed records (decoded text + front matter).

Bad files become Problems naming the file (and line); they never stop the other seeds.
"""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from generator import sidecar
from generator.model import FrontMatter, Problem, Seed
from generator.published import MAX_YEAR, MIN_YEAR
from generator.terminal import HIDDEN, one_line
from generator.typed_yaml import TextLoader, iso_date

SUFFIXES = (".txt", ".md", ".markdown")
# Documented in the README; measured by bench/huge_seed.py. Parsing one 100,000-character paragraph
# takes about 350 MB of memory, and a 1 MB seed minutes, so both limits keep a build bounded; larger
# input is refused, never half-read. A long news article is under 50 kB.
MAX_BYTES = 1_000_000
MAX_LINE_CHARS = 100_000  # one line is one paragraph, parsed in one piece
KNOWN_KEYS = {"title", "outlet", "url", "published", "author"}
WESTERN = "cp1252"  # the legacy charset assumed for English text when detection ties
_STRAY = re.compile(r"[\udc80-\udcff]")  # bytes that are not UTF-8, kept by surrogateescape
_OPENING = re.compile(r"---[ \t]*(?:\n|\Z)")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def read_seeds(seeds_dir: Path) -> tuple[list[Seed], list[Problem]]:
    """Every readable seed of the folder, in file-name order, and what was wrong with the rest."""
    seeds: list[Seed] = []
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        return [], [Problem(shown_name(str(seeds_dir)), "seeds folder not found")]
    root = seeds_dir.resolve()
    entries = sorted(seeds_dir.iterdir(), key=lambda p: p.name)
    own = _own_links(entries)
    device = root.stat().st_dev
    taken: dict[str, str] = {}  # seed id -> the file that has it
    for path in entries:
        shown = f"{shown_name(seeds_dir.name)}/{shown_name(path.name)}"
        try:
            info = path.stat()  # follows links: a loop or a dangling link fails here, unopened
        except OSError as exc:
            info, failed = None, exc
        if info is not None and stat.S_ISDIR(info.st_mode):
            continue
        if path.suffix.lower() not in SUFFIXES:
            problems.append(Problem(shown, f"ignored: only {', '.join(SUFFIXES)} files are seeds", severity="warning"))
            continue
        if info is None:
            problems.append(Problem(shown, f"cannot be read: {failed.strerror or failed}"))
            continue
        refused = _refusal(path, info, root, device, own)
        if refused:
            problems.append(Problem(shown, refused))
            continue
        if shown_name(path.name) != path.name:
            problems.append(Problem(shown, "the file name has characters that are not valid UTF-8, invisible, "
                                    "line-breaking or that change the text direction; they are shown escaped",
                                    severity="warning"))
        seed_id = Path(shown_name(path.name)).stem
        if seed_id in taken:
            problems.append(Problem(shown, f"same name as {taken[seed_id]} apart from the extension: one source "
                                    "per name, so this one is left out (rename one of them)"))
            continue
        try:
            seed, found = read_seed(path, shown, info)
        except OSError as exc:  # a file removed or replaced while reading, no permission
            seed, found = None, [Problem(shown, f"cannot be read: {exc.strerror or exc}")]
        problems.extend(found)
        if seed is not None:
            taken[seed_id] = shown
            seeds.append(seed)
    return sidecar.apply(seeds_dir, seeds, problems)


def shown_name(name: str) -> str:
    """A file name as messages and pages show it: bytes that are not UTF-8 and characters that are
    invisible, break the line or reorder the text (bidi controls) written as escapes, so a name can
    neither forge a message line nor disguise itself."""
    return one_line(os.fsencode(name).decode("utf-8", errors="backslashreplace"))


def _own_links(entries: list[Path]) -> Counter:
    """How many names each file (device, inode) has in the folder itself."""
    counts: Counter = Counter()
    for path in entries:
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            counts[(info.st_dev, info.st_ino)] += 1
    return counts


def _refusal(path: Path, info: os.stat_result, root: Path, device: int, own: Counter) -> str | None:
    """Why a seed file is refused before it is opened, if it is. A FIFO or a device would block or
    read forever; a file with names outside the folder (a hard link) or on another device (a
    mount) is not the folder's own, like a symbolic link that points out of it."""
    if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
        return "ignored: a link that points outside the seeds folder"
    if not stat.S_ISREG(info.st_mode):
        return "ignored: not a regular file (a FIFO, socket or device is never read)"
    if info.st_dev != device:
        return "ignored: on another file system than the seeds folder (a mount point)"
    if info.st_nlink > own[(info.st_dev, info.st_ino)]:
        return "ignored: a hard link to a file that also has a name outside the seeds folder"
    return None


def read_seed(path: Path, shown: str, info: os.stat_result | None = None) -> tuple[Seed | None, list[Problem]]:
    info = info or path.stat()
    if not stat.S_ISREG(info.st_mode):
        return None, [Problem(shown, "ignored: not a regular file (a FIFO, socket or device is never read)")]
    if info.st_size > MAX_BYTES:
        return None, [Problem(shown, f"too large: {info.st_size:,} bytes; the limit is {MAX_BYTES:,} bytes per seed (split it into several seeds)")]
    # Non-blocking, and checked again once open: a file swapped for a FIFO after the stat is not read.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(f.fileno())
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            return None, [Problem(shown, "cannot be read: the file changed while it was being read")]
        raw = f.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, f"too large: over {MAX_BYTES:,} bytes; the limit is {MAX_BYTES:,} bytes per seed (split it into several seeds)")]
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
    return Seed(id=Path(shown_name(path.name)).stem, path=shown, text=body, meta=meta, encoding=encoding, first_line=first_line), problems


def decode(raw: bytes, shown: str) -> tuple[str, str, Problem | None]:
    """Decode by BOM, then UTF-8, then a detected legacy single-byte charset; never guess silently."""
    for bom, name in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                      (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):  # UTF-32's marks first: FF FE also starts UTF-32-LE's
            try:
                return raw.decode(name), name, None
            except UnicodeDecodeError as exc:
                return "", "", Problem(shown, f"not valid {name.upper()} despite its byte-order mark: {exc.reason}")
    if raw.startswith(b"\xef\xbb\xbf"):
        text, problem = _utf8(raw[3:], shown)
        return text, "utf-8-sig", problem
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return "", "", Problem(shown, "binary data (NUL byte): not a text seed", line=line)
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text, problem = _utf8(raw, shown)
    if problem is not None and problem.severity == "warning":
        return text, "utf-8", problem
    return _decode_legacy(raw, shown, utf8_error)


def _utf8(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """UTF-8 with a few stray bytes of a legacy charset (a Latin-1 "é" pasted into a UTF-8 file):
    when the file has more valid multi-byte UTF-8 letters than stray bytes, it is UTF-8, and each
    stray byte is read as a Windows Western letter, with a warning naming its first line."""
    text = raw.decode("utf-8", errors="surrogateescape")
    strays = _STRAY.findall(text)
    if not strays:
        return text, None
    letters = sum(1 for ch in text if ord(ch) > 0x7F) - len(strays)
    if letters <= len(strays):
        line = text[: _STRAY.search(text).start()].count("\n") + 1
        return "", Problem(shown, "not valid UTF-8", line=line)
    line = text[: _STRAY.search(text).start()].count("\n") + 1
    fixed = _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode(WESTERN, errors="replace"), text)
    return fixed, Problem(
        shown, f"not valid UTF-8: {len(strays)} byte(s) of another charset, read as {WESTERN} letters "
        "(save the file as UTF-8 to be sure)", line=line, severity="warning")


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
    if not match:
        if _OPENING.match(text):
            return FrontMatter(), text, 1, [Problem(
                shown, "front matter opened by '---' is never closed by a '---' line: the whole file is read "
                "as text", line=1, severity="warning")]
        return FrontMatter(), text, 1, []
    block = match.group(1)
    first_line = text[: match.end()].count("\n") + 1
    try:
        loader = TextLoader(block)  # checks the characters first
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        return None, "", 0, [Problem(shown, f"front matter is not valid YAML: {_reason(exc)}", line=_error_line(exc, block))]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, "", 0, [Problem(shown, "front matter is not a mapping of keys to values", line=2)]
    problems = [Problem(shown, f"front matter key {key!r} is given again; the later value is used",
                        line=line, severity="warning") for key, line in loader.repeated]
    problems += [
        Problem(shown, f"unknown front matter key {one_line(key)!r} ignored", line=loader.lines.get(key),
                severity="warning")
        for key in sorted(map(str, data)) if key not in KNOWN_KEYS
    ]
    fields: dict[str, str | None] = {}
    for key in sorted(KNOWN_KEYS):
        value, line = data.get(key), loader.lines.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(Problem(shown, f"front matter {key!r} is not text (a list or a mapping): ignored",
                                    line=line, severity="warning"))
            continue
        if HIDDEN.search(value):
            problems.append(Problem(shown, f"front matter {key!r} has invisible or direction-changing characters "
                                    f"({', '.join(sorted({f'U+{ord(c):04X}' for c in HIDDEN.findall(value)}))})",
                                    line=line, severity="warning"))
        if key == "published":
            iso = iso_date(value)
            if iso is None:
                problems.append(Problem(shown, f"front matter 'published' is not a date between the years {MIN_YEAR} and {MAX_YEAR}: {value[:80]!r}",
                                        line=line, severity="warning"))
            fields[key] = iso
        else:
            fields[key] = value.strip() or None
    return FrontMatter(**fields), text[match.end():], first_line, problems


def _reason(exc: yaml.YAMLError) -> str:
    return one_line(getattr(exc, "problem", None) or str(exc).splitlines()[0])


def _error_line(exc: yaml.YAMLError, block: str) -> int:
    """The file's line of a YAML error (the block starts on line 2, after the opening ---)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 2
    position = getattr(exc, "position", None)  # a ReaderError (a character YAML does not accept)
    if isinstance(position, int):
        return block[:position].count("\n") + 2
    return 2


