"""The data files published with the site: briefing.json (the contract) and CSV tables.

briefing.json keeps every text verbatim. CSV cells are opened by spreadsheets, which run a cell
starting with = + - @ (or a tab or carriage return) as a formula: such a cell gets a leading
apostrophe in the CSV only, so quotes.csv can differ from the JSON by that one character.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable
from functools import partial
from typing import Any

from generator import __version__
from generator.model import (Actor, Attribution, Briefing, Event, Figure, Paragraph, Problem, Quote, Source,
                             TimeExpression, Unresolved, Where)


def where(w: Where) -> dict[str, Any]:
    return {"source": w.source, "paragraph": w.paragraph, "start": w.start, "end": w.end}


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.article.title,
        "outlet": s.article.outlet,
        "outlet_basis": s.article.outlet_basis,
        "url": s.article.url,
        "author": s.article.author,
        "author_basis": s.article.author_basis,
        "published": s.article.published,
        "published_basis": s.article.published_basis,
        "published_evidence": s.article.published_evidence,
        "duplicate_of": s.duplicate_of,
        "overlaps": [
            {"source": o.other, "relation": o.relation, "shared_paragraphs": o.shared, "of": o.of,
             "paragraph_pairs": [list(p) for p in o.pairs], "other_adds": list(o.other_adds)}
            for o in s.overlaps
        ],
        "encoding": s.article.encoding,
        "time_expressions": [_time(t) for t in s.times],
        "paragraphs": [_paragraph(p) for p in s.article.paragraphs],
        "notes": list(s.article.notes),
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in s.article.removed],
    }


def _paragraph(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {"n": p.n, "text": p.text}
    if p.post:
        out["post"] = {"author": p.post.author, "handle": p.post.handle, "date": p.post.date}
    return out


# A time expression's fields as briefing.json names them; its source is the list it is in.
TIME_FIELDS = (("expression", "expression"), ("value", "value"), ("time_of_day", "clock"), ("precision", "precision"),
               ("kind", "kind"), ("anchor", "anchor"), ("anchor_basis", "anchor_basis"),
               ("anchor_source", "anchor_source"), ("note", "note"))


def _time(t: TimeExpression) -> dict[str, Any]:
    span = {"paragraph": t.where.paragraph, "start": t.where.start, "end": t.where.end}
    return {**span, **{key: getattr(t, attr) for key, attr in TIME_FIELDS}}


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "merges": [{"alias": m.alias, "into": m.into, "evidence": m.evidence} for m in a.merges],
        "roles": sorted({role for role, _ in a.roles}),
        "role_sources": [{"role": role, **where(w)} for role, w in a.roles],
        "relations": [{"relation": r, "actor": other, **where(w)} for r, other, w in a.relations],
        "mentions": [where(w) for w in a.mentions],
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "via": list(q.via),
        "date": q.date,
        "sources": [where(w) for w in q.sources],
        **({"attribution": _attribution(q.attribution)} if q.attribution is not None else {}),
    }


def _attribution(a: Attribution) -> dict[str, Any]:
    return {"rule": a.rule, "words": a.words, "confidence": a.confidence, "candidate": a.candidate}


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "subject": f.subject,
        "value": list(f.value) if isinstance(f.value, tuple) else f.value,
        "unit": f.unit,
        "expression": f.expression,
        "key": f.key or f.subject,
        "qualifier": f.qualifier,
        "claimant": f.claimant,
        "claimant_text": f.claimant_text,
        "via": list(f.via),
        "quote": f.quote,
        "date": f.date,
        "sources": [where(w) for w in f.sources],
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": e.date,
        "precision": e.precision,
        "expression": e.expression,
        "anchor": e.anchor,
        "text": e.text,
        "story": e.story,
        "actors": list(e.actors),
        "sources": [where(w) for w in e.sources],
        "reports": [
            {
                **where(r.where),
                "text": r.text,
                "expression": r.time.expression,
                "date": r.time.value,
                "precision": r.time.precision,
                "anchor": r.time.anchor,
                "anchor_source": r.time.anchor_source,
                "anchor_basis": r.time.anchor_basis,
                "note": r.time.note,
                "actors": list(r.actors),
            }
            for r in e.reports
        ],
    }


def _problem(p: Problem) -> dict[str, Any]:
    return {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}


def _unresolved(u: Unresolved) -> dict[str, Any]:
    return {"text": u.text, "candidates": list(u.candidates), "why": u.why, **where(u.where)}


# Each list of the briefing and how one of its items is written.
RECORDS: tuple[tuple[str, Callable[[Briefing], tuple], Callable[[Any], dict[str, Any]]], ...] = (
    ("sources", lambda b: b.sources, _source),
    ("actors", lambda b: b.actors, _actor),
    ("quotes", lambda b: b.quotes, _quote),
    ("figures", lambda b: b.figures, _figure),
    ("events", lambda b: b.events, _event),
    ("problems", lambda b: b.problems, _problem),
    ("unresolved_names", lambda b: b.unresolved, _unresolved),
)


def briefing_dict(b: Briefing) -> dict[str, Any]:
    return {
        "generator": {"name": "briefing-generator", "version": __version__},
        "title": b.title,
        "description": b.description,
        **{key: [record(item) for item in items(b)] for key, items, record in RECORDS},
    }


Lines = Callable[[str, object, Callable[[object], str]], str]


def briefing_json(b: Briefing, lines: Lines | None = None) -> str:
    """One line per source, actor, quote, figure, event…: a change shows as a changed line, and the
    writing stays with json's C encoder (indenting takes its pure-Python path, 5x slower here,
    for a file of ~50 MB at 1,000 sources). `lines(list name, item, write)` may give an unchanged
    item's line from an earlier build (`render.PageMemo.line`)."""
    head = {"generator": {"name": "briefing-generator", "version": __version__}, "title": b.title,
            "description": b.description}
    parts = [f"{_compact(key)}: {_compact(value)}" for key, value in head.items()]
    for key, items, record in RECORDS:
        found = items(b)
        if not found:
            parts.append(f"{_compact(key)}: []")
            continue
        write = partial(_line, record)
        body = ",\n".join(lines(key, item, write) if lines else write(item) for item in found)
        parts.append(f"{_compact(key)}: [\n{body}\n]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _line(record: Callable[[Any], dict[str, Any]], item: object) -> str:
    return _compact(record(item))


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip leading spaces (a no-break space too) and read full-width signs (＝, ＋) as
# the ASCII ones before they decide a cell is a formula.
_LEADING_BLANKS = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text instead of evaluating (OWASP's CSV injection advice)."""
    if cell.startswith(_FORMULA_START):
        return "'" + cell
    rest = cell[_LEADING_BLANKS.match(cell).end():]
    return "'" + cell if unicodedata.normalize("NFKC", rest[:1]).startswith(_FORMULA_START) else cell


def quotes_csv(b: Briefing) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "speaker", "speaker_text", "kind", "cue", "via", "date", "text", "sources"])
    for q in b.quotes:
        writer.writerow([spreadsheet_safe(cell) for cell in (
            q.id, q.speaker or "", q.speaker_text or "", q.kind, q.cue or "", "; ".join(q.via), q.date or "",
            q.text, "; ".join(f"{w.source}#p{w.paragraph}" for w in q.sources),
        )])
    return buf.getvalue()


def data_files(b: Briefing, lines: Lines | None = None) -> dict[str, str]:
    return {"data/briefing.json": briefing_json(b, lines), "data/quotes.csv": quotes_csv(b)}
