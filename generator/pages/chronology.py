"""The chronology page: story days first (one section per day), then background by era,
with a timeline drawn at build time as inline SVG (no script, no request outside the site)."""
from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import groupby, takewhile

from generator.merge.events import start_date
from generator.model import Event, Source
from generator.render import Context

WIDTH, MARGIN = 720, 24
LABEL_GAP = 56  # px between axis labels, so they never overlap


def when(value: str, precision: str) -> str:
    """A value as a reader says it: '30 Aug 2021', 'week of 23 Aug 2021', 'Aug 2021', '1989', '1980s'."""
    d = start_date(value, precision)
    if precision == "day":
        return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"
    if precision == "week" and value.endswith("-WE"):  # a weekend: its Saturday and Sunday
        end = d + timedelta(days=1)
        return f"weekend of {d.day} {calendar.month_abbr[d.month]} {d.year} (to {end.day} {calendar.month_abbr[end.month]})"
    if precision == "week":
        end = d + timedelta(days=6)
        return f"week of {d.day} {calendar.month_abbr[d.month]} {d.year} (to {end.day} {calendar.month_abbr[end.month]})"
    if precision == "month":
        return f"{calendar.month_abbr[d.month]} {d.year}"
    if precision == "year":
        return str(d.year)
    return f"{d.year}s"


def short(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {calendar.month_abbr[d.month]}"


def heading(e: Event) -> str:
    d = start_date(e.date, e.precision)
    if e.precision == "day":
        return f"{calendar.day_name[d.weekday()]} {when(e.date, 'day')}"
    return when(e.date, e.precision)


def era(e: Event) -> str:
    return f"{start_date(e.date, e.precision).year // 10 * 10}s"


LANE = 16  # px between rows of marks that would overlap on one line


@dataclass(frozen=True)
class Mark:
    x: float
    width: float  # 0 for a day; the span of a week, month, year or decade otherwise
    r: float
    event: Event
    y: float = 0.0


@dataclass(frozen=True)
class Strip:
    title: str
    marks: tuple[Mark, ...]
    labels: tuple[tuple[float, str, str], ...]  # x, text, text-anchor
    height: float
    axis: float  # y of the axis line


def _strip(title: str, events: list[Event], unit_days: bool) -> Strip | None:
    if not events:
        return None

    def pos(d: date) -> float:
        return (d - first).days if unit_days else d.year + (d.timetuple().tm_yday - 1) / 366

    def span(e: Event) -> tuple[date, date]:
        s = start_date(e.date, e.precision)
        length = 2 if e.date.endswith("-WE") else {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3653}[e.precision]
        return s, s + timedelta(days=length)

    first = min(span(e)[0] for e in events)
    last = max(span(e)[1] for e in events)
    low, high = pos(first), max(pos(last), pos(first) + 1)
    scale = (WIDTH - 2 * MARGIN) / (high - low)
    marks = []
    for e in events:
        a, b = span(e)
        x0, x1 = MARGIN + (pos(a) - low) * scale, MARGIN + (pos(b) - low) * scale
        width = 0.0 if e.precision == "day" else round(max(x1 - x0, 2.0), 1)
        marks.append(Mark(round(x0 if width else (x0 + x1) / 2, 1), width, min(3 + len(e.sources), 7), e))
    # Marks that would overlap go on the next lane down, so every one stays visible and clickable.
    lanes: list[float] = []
    placed = []
    for m in sorted(marks, key=lambda m: (m.x - (m.r if not m.width else 0), -m.width)):
        left, right = (m.x, m.x + m.width) if m.width else (m.x - m.r, m.x + m.r)
        lane = next((i for i, end in enumerate(lanes) if end + 2 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        lanes[lane] = right
        placed.append(replace(m, y=16 + lane * LANE))
    axis = 16 + (len(lanes) - 1) * LANE + 12
    labels: list[tuple[float, str, str]] = []
    for m in sorted(placed, key=lambda m: m.x):
        text = short(m.event.date) if unit_days and m.event.precision == "day" else when(m.event.date, m.event.precision).split(" (")[0]
        side = "start" if m.x < LABEL_GAP else "end" if m.x > WIDTH - LABEL_GAP else "middle"
        if not labels or m.x - labels[-1][0] >= LABEL_GAP:
            labels.append((m.x, text, side))
    return Strip(title, tuple(sorted(placed, key=lambda m: (m.x, m.y))), tuple(labels), axis + 24, axis)


@dataclass(frozen=True)
class Coverage:
    """Who carried a story event first, and which sources published after it leave it out."""

    first: tuple[str, ...]  # source ids of the earliest publication date carrying it
    first_date: str | None
    silent: tuple[str, ...]  # sources published after the event's day that do not mention it


@dataclass(frozen=True)
class Dated:
    """The publication dates of a briefing's sources, read once for every event's coverage."""

    published: dict[str, str]  # source id -> ISO date, for the sources that have one
    # (date, id) of every dated source that is not a copy, latest first: the ones an event's
    # coverage may call silent. A copy says nothing its original does not: it neither reports
    # the event nor leaves it out.
    originals: tuple[tuple[date, str], ...]

    @classmethod
    def of(cls, sources: Sequence[Source]) -> Dated:
        published = {s.id: s.article.published for s in sources if s.article.published}
        originals = sorted(((date.fromisoformat(published[s.id]), s.id) for s in sources
                            if not s.duplicate_of and s.id in published), reverse=True)
        return cls(published, tuple(originals))


# Later sources silent on an event are named up to this many, then counted: on a large story every
# event would otherwise list most sources, and the page would grow as events times sources.
SILENT_SHOWN = 8


def coverage(e: Event, sources: Sequence[Source], dated: Dated | None = None) -> Coverage:
    """`dated`: Dated.of(sources), when it is at hand (a page covers every event of the briefing)."""
    dated = dated or Dated.of(sources)
    published = dated.published
    carrying = {w.source for w in e.sources}
    dates = sorted(published[i] for i in carrying if i in published)
    first = tuple(sorted(i for i in carrying if dates and published.get(i) == dates[0]))
    day = start_date(e.date, e.precision)
    last_day = day if e.precision == "day" else day + timedelta(days=1 if e.date.endswith("-WE") else {"week": 6, "month": 30}.get(e.precision, 0))
    later = takewhile(lambda original: original[0] > last_day, dated.originals)
    silent = tuple(sorted(sid for _, sid in later if sid not in carrying))
    return Coverage(first, dates[0] if dates else None, silent)


def pages(ctx: Context) -> dict[str, str]:
    events = list(ctx.briefing.events)
    story = [e for e in events if e.story]
    background = [e for e in events if not e.story]
    days = [(heading(group[0]), group) for _, g in groupby(story, key=lambda e: (e.date, e.precision)) for group in [list(g)]]
    eras = [(name, list(g)) for name, g in groupby(background, key=era)]
    strips = [s for s in (_strip("Story days", story, True), _strip("Background", background, False)) if s]
    actors = {a.id: a for a in ctx.briefing.actors}
    names = {s.id: s.article.outlet or s.id for s in ctx.briefing.sources}
    page = "chronology.md"
    dated = Dated.of(ctx.briefing.sources)
    return {
        page: ctx.page(
            "chronology.md.j2", page,
            days=days, eras=eras, strips=strips, actors=actors, names=names,
            unplaced=ctx.briefing.undated,
            coverage={e.id: coverage(e, ctx.briefing.sources, dated) for e in story},
            silent_shown=SILENT_SHOWN,
            when=when, short=short, width=WIDTH,
        )
    }
