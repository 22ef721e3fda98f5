"""Events across sources: reports of the same happening folded into one dated entry.

Dates first: each source's unresolved expressions get a second chance from evidence
across sources (a copy takes its original's date; a day and month take the other
sources' year; a repeated sentence takes the date of the sentence it repeats). Then
reports are bucketed by (precision, date) and only compared inside a bucket, so the
work grows with the number of reports per day, not with the square of all reports.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from generator.extract import timex
from generator import lexicon
from generator.merge.actors import ActorIndex
from generator.model import Event, EventClaim, EventReport, Extraction, Source, TimeExpression, Where

# A word in more than this share of one day's reports (and more than COMMON_MIN of them)
# is too common to propose that two of them are the same event.
COMMON_SHARE, COMMON_MIN = 0.2, 20


def start_date(value: str, precision: str) -> date:
    """The first day a value covers ("2021-W35" -> its Monday, "198X" -> 1980-01-01)."""
    if precision == "day":
        return date.fromisoformat(value)
    if precision == "week":  # "2021-W35", or its weekend "2021-W35-WE" (its Saturday)
        year, week = int(value[:4]), int(value[6:8])
        return date.fromisocalendar(year, week, 6 if value.endswith("-WE") else 1)
    if precision == "month":
        return date(int(value[:4]), int(value[5:7]), 1)
    if precision == "year":
        return date(int(value[:4]), 1, 1)
    return date(int(value[:3]) * 10, 1, 1)


def _completed(extractions: Sequence[Extraction], sources: Sequence[Source]) -> dict[Where, TimeExpression]:
    by_id = {s.id: s for s in sources}
    dated = sorted(s.article.published for s in sources if s.article.published)
    out: dict[Where, TimeExpression] = {}
    for ex in extractions:
        source = by_id.get(ex.source)
        anchor = basis = anchor_source = None
        around: Sequence[str] = ()
        if source is not None and not source.article.published:
            original = by_id.get(source.duplicate_of) if source.duplicate_of else None
            if original is not None and original.article.published:
                anchor, anchor_source = original.article.published, original.id
                basis = original.article.published_basis
            else:
                around = dated
        for t in timex.complete(ex.times, anchor, basis, around, anchor_source):
            if anchor_source and t.anchor_source == anchor_source:
                t = replace(t, note="; ".join(filter(None, [f"this source is a copy of {anchor_source}", t.note])))
            out[t.where] = t
    return _a_day_early(out, by_id)


def _bare_weekday(t: TimeExpression) -> int | None:
    """The weekday of 'Tuesday', 'on Tuesday night' (no last/next), read as a day; else None."""
    if t.kind != "weekday" or t.precision != "day" or not t.value:
        return None
    p = timex.find(t.expression)
    return p[0].weekday if len(p) == 1 and p[0].modifier == "past" else None


def _a_day_early(times: dict[Where, TimeExpression], by_id: dict[str, Source]) -> dict[Where, TimeExpression]:
    """'the pumps were restarted on Thursday', in a source dated Wednesday, while a source of the
    story dated Thursday names Thursday as its own day: a bare weekday told in the past names, by
    news style, a day of the week before (here six days back), but the same day name for the next
    day in another source (as its own day, or as the next day in local time) says this source's
    date may be a day early (an update carrying the first version's date, a time zone). Nothing
    says which reading holds: it is left undated."""
    # a day -> the weekdays a source names as that day: its own date, or its next day in local time
    own: dict[date, set[int]] = defaultdict(set)
    for t in times.values():
        source = by_id.get(t.where.source)
        if (wd := _bare_weekday(t)) is not None and source is not None \
                and (source.article.published == t.value or t.note == timex.LOCAL_NEXT_DAY):
            own[date.fromisoformat(t.value)].add(wd)
    if not own:
        return times
    out = dict(times)
    for where, t in times.items():
        source = by_id.get(where.source)
        published = source.article.published if source is not None else None
        if (wd := _bare_weekday(t)) is None or not published:
            continue
        try:
            next_day = date.fromisoformat(published) + timedelta(days=1)
        except ValueError:
            continue
        if wd == next_day.weekday() and wd in own.get(next_day, ()) and t.value == (next_day - timedelta(days=7)).isoformat():
            out[where] = replace(t, value=None, precision=None, anchor=None, anchor_basis=None, anchor_source=None,
                                 note=f"read as {t.value}, but another source names this weekday as {next_day.isoformat()} "
                                      "(its own date, or in local time): this source's date may be a day early; left undated")
    return out


def with_times(sources: Sequence[Source], extractions: Sequence[Extraction]) -> tuple[Source, ...]:
    """Each source with its time expressions as completed across sources, in reading order."""
    times = _completed(extractions, sources)
    by_source: dict[str, list[TimeExpression]] = defaultdict(list)
    for t in times.values():
        by_source[t.where.source].append(t)
    return tuple(replace(s, times=tuple(sorted(by_source.get(s.id, ()), key=lambda t: (t.where.paragraph, t.where.start))))
                 for s in sources)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _reports(extractions: Sequence[Extraction], times: dict[Where, TimeExpression], index: ActorIndex) -> list[tuple[EventReport, EventClaim]]:
    out = []
    for ex in extractions:
        for claim in ex.events:
            t = times.get(claim.time.where, claim.time)
            ids = sorted({i for text in claim.actors if (i := index.lookup(text, claim.where.source, claim.where.paragraph))})
            out.append((EventReport(where=claim.where, text=claim.text, time=t, actors=tuple(ids)), claim))
    return out


@functools.cache
def _settings() -> dict:
    """data/events.yml: the thresholds of merging reports across sources (read once per process)."""
    return lexicon.read("events")


def _repeated_sentences(reports: list[tuple[EventReport, EventClaim]]) -> list[tuple[EventReport, EventClaim]]:
    """An undated sentence that repeats a dated one, with the same time words, takes its date."""
    cfg = _settings()
    # Indexed by the time words, which must match: comparing each undated report with every
    # dated one of every source grew with the square of the sources. Only time words that
    # some undated report has are indexed: most reports are dated.
    wanted = {r.time.expression.lower() for r, _ in reports if r.time.value is None}
    dated: dict[str, list[tuple[EventReport, set[str]]]] = defaultdict(list)
    for r, _ in reports:
        if r.time.value and (expression := r.time.expression.lower()) in wanted:
            dated[expression].append((r, _words(r.text)))
    out = []
    for r, claim in reports:
        if r.time.value is None:
            mine = _words(r.text)
            for other, theirs in dated.get(r.time.expression.lower(), ()):
                if other.where.source == r.where.source:
                    continue
                small = min(len(mine), len(theirs))
                if small >= cfg["same_sentence_min_words"] and len(mine & theirs) / small >= cfg["same_sentence_containment"]:
                    note = f"the same sentence, with the same words for the time, in {other.where.source} ¶{other.where.paragraph}"
                    t = replace(r.time, value=other.time.value, precision=other.time.precision, end=other.time.end,
                                anchor=other.time.anchor, anchor_basis=other.time.anchor_basis,
                                anchor_source=other.time.anchor_source, note=note)
                    r = replace(r, time=t)
                    break
        out.append((r, claim))
    return out


def _features(r: EventReport, claim: EventClaim) -> set[str]:
    return set(claim.terms) | {f"actor:{a}" for a in r.actors}


def _clusters(bucket: list[tuple[EventReport, EventClaim, set[str]]], idf: dict[str, float]) -> list[list[EventReport]]:
    thresholds = _settings()["same_event_overlap"]
    parent = list(range(len(bucket)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidates share a word that is not everywhere: a day with many reports then costs about
    # the number of reports sharing a specific word, not the square of the day's reports.
    # Words in most reports still weigh in the score; they just do not propose pairs. No word
    # is that common among COMMON_MIN reports or fewer (most days): there, every pair that
    # shares a word is a candidate, found without an index.
    common = max(COMMON_MIN, COMMON_SHARE * len(bucket))
    postings: dict[str, list[int]] = defaultdict(list)
    if len(bucket) > COMMON_MIN:
        for i, (_, _, features) in enumerate(bucket):
            for f in features:
                postings[f].append(i)
        postings = {f: ids for f, ids in postings.items() if len(ids) <= common}

    def later(i: int, features: set[str]) -> Iterable[int]:
        if len(bucket) <= COMMON_MIN:
            return range(i + 1, len(bucket))
        return sorted(set().union(*(ids[bisect_right(ids, i):] for f in features if (ids := postings.get(f)))))

    # A report's weight is read once per pair it is in, and every report is in many.
    weights = [sum(idf[t] for t in features) for _, _, features in bucket]
    # Single-link groups are the connected parts of the "same event" graph, so the order pairs
    # are tried in cannot change them, and pairs already joined need no score. Two reports
    # sharing several words are one pair: scored once, not once per word.
    for i, (a, ca, fa) in enumerate(bucket):
        for j in later(i, fa):
            if root(i) == root(j):
                continue
            b, cb, fb = bucket[j]
            if a.where == b.where or ca.statement != cb.statement:  # two times in one sentence are two events
                continue
            both = fa & fb
            if not both:  # only a pair of a small day can share no word
                continue
            threshold = thresholds["statement" if ca.statement else "happening"]
            small = min(weights[i], weights[j])
            shared = sum(idf[t] for t in both)
            if small and shared / small >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[EventReport]] = defaultdict(list)
    for i, (r, _, _) in enumerate(bucket):
        groups[root(i)].append(r)
    return list(groups.values())


def _story_window(sources: Sequence[Source], reports: Sequence[EventReport]) -> tuple[date, date] | None:
    days = int(timex.words()["story_window_days"])
    dated = sorted(date.fromisoformat(s.article.published) for s in sources if s.article.published)
    if not dated:
        fine = sorted(start_date(r.time.value, r.time.precision) for r in reports
                      if r.time.value and r.time.precision == "day")
        if not fine:
            return None
        dated = [fine[-1]]
    return dated[0] - timedelta(days=days), dated[-1] + timedelta(days=7)


def _event(group: list[EventReport], window: tuple[date, date] | None) -> Event:
    group = sorted(group, key=lambda r: (r.where.source, r.where.paragraph, r.where.start))
    # The entry speaks with the report whose own words name the date most fully.
    first = min(group, key=lambda r: (r.time.kind != "date", bool(r.time.note), r.where.source, r.where.paragraph, r.where.start))
    t = first.time
    assert t.value is not None and t.precision is not None
    key = "|".join(f"{r.where.source}:{r.where.paragraph}:{r.where.start}" for r in group)
    start = start_date(t.value, t.precision)
    story = bool(window) and t.precision in ("day", "week", "month") and window[0] <= start <= window[1]
    sources = sorted({Where(r.where.source, r.where.paragraph, r.where.start, r.where.end) for r in group},
                     key=lambda w: (w.source, w.paragraph, w.start))
    return Event(
        id=f"{t.value}-{hashlib.sha1(key.encode()).hexdigest()[:8]}",
        date=t.value,
        precision=t.precision,
        expression=t.expression,
        anchor=t.anchor,
        text=first.text,
        sources=tuple(sources),
        actors=tuple(sorted({a for r in group for a in r.actors})),
        story=story,
        reports=tuple(group),
    )


def merge_events(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Event, ...]:
    times = _completed(extractions, sources)
    reports, seen = [], set()
    for r, c in _repeated_sentences(_reports(extractions, times, index)):
        if r.time.value is None or (r.where, r.time.value) not in seen:
            seen.add((r.where, r.time.value))
            reports.append((r, c))
    dated = [(r, c, _features(r, c)) for r, c in reports if r.time.value and r.time.precision]
    df: dict[str, int] = defaultdict(int)
    for _, _, features in dated:
        for f in features:
            df[f] += 1
    idf = {f: math.log((len(dated) + 1) / (n + 1)) + 0.1 for f, n in df.items()}
    buckets: dict[tuple[str, str], list[tuple[EventReport, EventClaim, set[str]]]] = defaultdict(list)
    for r, c, features in dated:
        buckets[(str(r.time.precision), str(r.time.value))].append((r, c, features))
    window = _story_window(sources, [r for r, _, _ in dated])
    events = [_event(group, window) for key in sorted(buckets) for group in _clusters(buckets[key], idf)]
    precision_order = {p: i for i, p in enumerate(timex.PRECISIONS)}
    return tuple(sorted(events, key=lambda e: (start_date(e.date, e.precision), precision_order[e.precision], e.id)))


def undated(briefing_events: Sequence[Event], extractions: Sequence[Extraction]) -> tuple[EventClaim, ...]:
    """Event sentences the chronology could not place, so the page can say so instead of hiding them."""
    cited = {r.where for e in briefing_events for r in e.reports}
    return tuple(c for ex in extractions for c in ex.events if c.where not in cited and c.time.value is None)
