"""Chronology against tests/gold/events.yml: date accuracy, event recall, false events.

Gold places are a source and a verbatim snippet, located here in the cleaned
paragraphs, so the gold does not depend on how paragraphs are numbered.
"""
from __future__ import annotations

from collections.abc import Iterable

from generator.model import Briefing, Event, TimeExpression, Where
from generator.scoring import Score, spans_of

PART = "events"


def _locate(briefing: Briefing, source: str, snippet: str, inner: str | None = None) -> Where | None:
    """The span of `inner` (default: the snippet) inside the first paragraph holding the snippet."""
    found = spans_of(briefing, source, snippet)
    offset = snippet.find(inner) if inner else 0
    if not found or offset < 0:
        return None
    w = found[0]
    return Where(source, w.paragraph, w.start + offset, w.start + offset + len(inner or snippet))


def _overlaps(a: Where, b: Where) -> bool:
    return a.source == b.source and a.paragraph == b.paragraph and a.start < b.end and b.start < a.end


def _times(briefing: Briefing) -> list[TimeExpression]:
    """What each expression finally resolved to: events carry the cross-source completion."""
    final = {t.where: t for ex in briefing.extractions for t in ex.times}
    final.update({r.time.where: r.time for e in briefing.events for r in e.reports})
    return list(final.values())


def _date_accuracy(briefing: Briefing, gold: Iterable[dict]) -> Score:
    times = _times(briefing)
    right = wrong = missed = 0
    wrong_notes = []
    for g in gold:
        where = _locate(briefing, g["source"], g["snippet"], g["expression"])
        found = [t for t in times if where and _overlaps(t.where, where)]
        if not found or found[0].value is None:
            missed += 1
            wrong_notes.append(f"unresolved: {g['expression']!r} in {g['source']}")
        elif (found[0].value, found[0].precision) == (g["value"], g["precision"]):
            right += 1
        else:
            wrong += 1
            wrong_notes.append(f"{g['expression']}: {found[0].value} not {g['value']}")
    return Score(PART, "date accuracy (time expressions)", right, wrong, missed, "; ".join(wrong_notes))


def _reports(briefing: Briefing, g: dict) -> list[Where]:
    return [w for r in g["reports"] if (w := _locate(briefing, r["source"], r["snippet"]))]


def _cites(e: Event, where: Where) -> bool:
    return any(_overlaps(r.where, where) for r in e.reports)


def score(briefing: Briefing, gold: dict) -> list[Score]:
    scores = [_date_accuracy(briefing, gold.get("times", []))]
    gold_events = [(g, _reports(briefing, g)) for g in gold.get("events", [])]
    found = missed = merged = split = cited = uncited = 0
    uncited_notes: list[str] = []
    missed_notes: list[str] = []
    matched_ids: set[str] = set()
    for g, places in gold_events:
        same_date = [e for e in briefing.events if (e.date, e.precision) == (str(g["date"]), g["precision"])]
        hits = [e for e in same_date if any(_cites(e, w) for w in places)]
        matched_ids.update(e.id for e in hits)
        if g.get("optional"):
            continue
        if not hits:
            missed += 1
            missed_notes.append(f"missing: {g['date']} {g.get('name', '')}".rstrip())
            continue
        found += 1
        covered = [w for w in places if any(_cites(e, w) for e in hits)]
        uncited_notes += [f"{w.source} ¶{w.paragraph} not in {g['date']}" for w in places if w not in covered]
        cited, uncited = cited + len(covered), uncited + len(places) - len(covered)
        if len(covered) > 1:
            if len(hits) == 1:
                merged += 1
            else:
                split += 1
    # One sentence may tell two events at two times, so only gold events of the entry's own
    # date count towards mixing.
    owners: dict[str, set[int]] = {}
    for n, (g, places) in enumerate(gold_events):
        for e in briefing.events:
            if (e.date, e.precision) == (str(g["date"]), g["precision"]) and any(_cites(e, w) for w in places):
                owners.setdefault(e.id, set()).add(n)
    mixed = [e for e in briefing.events if len(owners.get(e.id, ())) > 1]
    false = [e for e in briefing.events if e.id not in matched_ids]
    scores.append(Score(PART, "event recall / false events", found, len(false), missed,
                        "; ".join(missed_notes + [f"false: {e.date} {e.expression!r}" for e in false])))
    scores.append(Score(PART, "reports cited by their event", cited, 0, uncited, "; ".join(uncited_notes)))
    scores.append(Score(PART, "events kept as one entry (not split)", merged, split, 0))
    scores.append(Score(PART, "entries mixing two gold events", len(briefing.events) - len(mixed), len(mixed), 0,
                        "; ".join(f"{e.date} {e.expression!r}" for e in mixed)))
    hits = 0
    clean = 0
    for g in gold.get("not_times", []):
        where = _locate(briefing, g["source"], g["snippet"], g["text"])
        if where is None:
            continue  # removed as page furniture: it cannot be misread as a time
        if any(_overlaps(t.where, where) for t in _times(briefing)):
            hits += 1
        else:
            clean += 1
    scores.append(Score(PART, "false hits avoided (not times)", clean, hits, 0))
    return scores
