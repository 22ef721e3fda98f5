"""A sidecar file in the seeds folder (`sources.csv` or `sources.yml`): one row per seed with
file, title, outlet, url, published, author, read like front matter for users whose scraper
already wrote a spreadsheet. A seed's own front matter wins field by field; a row that names no
seed is an error naming the row, never silently dropped."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import yaml

from generator.model import FrontMatter, Problem, Seed
from generator.typed_yaml import TextLoader, iso_date

NAMES = ("sources.csv", "sources.yml", "sources.yaml")
FIELDS = ("title", "outlet", "url", "published", "author")


def _rows(path: Path, shown: str) -> tuple[list[tuple[int, dict[str, object]]], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, f"cannot be read as UTF-8 text: {exc}")]
    if path.suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
            return [], [Problem(shown, "a sources table needs a 'file' column", line=1)]
        return [(n, {(k or "").strip().lower(): v for k, v in row.items()}) for n, row in enumerate(reader, start=2)], []
    try:
        # the front matter's loader: every value as typed, no aliases ("billion laughs"), no deep nesting
        data = TextLoader(text).get_single_data()
    except yaml.YAMLError as exc:
        return [], [Problem(shown, f"not valid YAML: {getattr(exc, 'problem', None) or exc}")]
    if isinstance(data, dict):  # file: {title: ..., published: ...}
        data = [{"file": k, **(v if isinstance(v, dict) else {})} for k, v in data.items()]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        return [], [Problem(shown, "a sources file is a list of rows, each with a 'file' key")]
    return [(None, {str(k).lower(): v for k, v in r.items()}) for r in data], []  # type: ignore[misc]


def apply(seeds_dir: Path, seeds: list[Seed], problems: list[Problem]) -> tuple[list[Seed], list[Problem]]:
    """The seeds with the sidecar's fields filled in, and the problems (the sidecar is no seed)."""
    paths = [seeds_dir / n for n in NAMES if (seeds_dir / n).is_file()]
    if not paths:
        return seeds, problems
    path = paths[0]
    shown = f"{seeds_dir.name}/{path.name}"
    problems = [p for p in problems if p.path != shown]
    rows, found = _rows(path, shown)
    problems = problems + found
    by_name = {}
    for s in seeds:
        name = Path(s.path).name
        by_name[name] = by_name[s.id] = s.id
    fields: dict[str, dict[str, str]] = {}
    for line, row in rows:
        name = str(row.get("file") or "").strip()
        if name not in by_name:
            problems.append(Problem(shown, f"row names no seed in the folder: {name!r}", line=line))
            continue
        values: dict[str, str] = {}
        for key in FIELDS:
            value = row.get(key)
            if value in (None, ""):
                continue
            if key == "published":
                iso = iso_date(value)
                if iso is None:
                    problems.append(Problem(shown, f"'published' of {name} is not a date: {value!r}", line=line, severity="warning"))
                    continue
                values[key] = iso
            else:
                values[key] = str(value).strip()
        fields[by_name[name]] = values
    out = []
    for s in seeds:
        extra = {k: v for k, v in fields.get(s.id, {}).items() if getattr(s.meta, k) is None}
        if extra:
            basis = f"{path.name}" if "published" in extra else s.meta.published_basis
            s = replace(s, meta=replace(s.meta, **extra, published_basis=basis))
        out.append(s)
    return out, problems
