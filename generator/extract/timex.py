"""Time expressions, resolved against the article's own publication date (the anchor).

Recognition is by rules built from `data/time_words.yml`, never by a date library's
free-text search (which finds dates in "may", "now" and "24/7"). Each value carries
the precision the words support and nothing finer: "1989" stays a year, "the 1980s"
a decade. Expressions relative to the anchor stay unresolved (value None) when the
article has no date; `complete` can resolve them later from evidence found across
sources (a copy's original, the other sources' year, the article's own dated weekday).
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml

from generator import published
from generator.model import Article, Precision, TimeExpression, Where

# Coarse to fine; a result is never finer than what its words support.
PRECISIONS: tuple[Precision, ...] = ("decade", "year", "month", "week", "day")


@functools.cache
def words() -> dict[str, Any]:
    text = resources.files("generator").joinpath("data/time_words.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _alt(names: Sequence[str], flags: str = "") -> str:
    # Longest first, so "Sept" wins over "Sep" and "last night" over "last".
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda n: (-len(n), n)))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass(frozen=True)
class Parsed:
    """What the words say, before any anchor is applied."""

    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None  # how a weekday or month picks its occurrence
    unit: Precision | None = None
    count: int = 0  # days for relative days, units for periods / ago / offsets
    end_year: int | None = None
    base: Parsed | None = None  # the date an offset counts from


@dataclass(frozen=True)
class Resolution:
    value: str | None
    precision: Precision | None
    anchored: bool  # the anchor was used
    end: str | None = None
    note: str = ""


class _Patterns:
    def __init__(self) -> None:
        w = words()
        months = _alt(list(w["months"]))
        # A bare month name ("in August") must be written out: an abbreviation is the start of
        # a longer name of the same month ("Aug" of "August"), and alone it is too often a word.
        full_months = _alt([m for m, n in w["months"].items()
                            if not any(o != m and o.startswith(m) and k == n for o, k in w["months"].items())])
        days = _alt(list(w["weekdays"]))
        pod = _alt(w["parts_of_day"], "i")
        num = rf"(?:\d{{1,3}}|{_alt(list(w['numbers']), 'i')})"
        unit = _alt(list(w["units"]), "i")
        mods = _alt(list(w["weekday_modifiers"]), "i")
        wd_prefix = rf"(?:(?P<wd>{days})(?:\s+(?P<pod>{pod}))?,?\s+(?:the\s+)?)?"
        year = r"(?P<year>\d{4})(?![\w%@]|[.,]\d)"
        preps = "|".join(rf"(?<=\b{re.escape(p)}\s)" for p in w["month_prepositions"])
        month_mods = _alt(list(w["month_modifiers"]), "i")
        directions = _alt(list(w["offset_directions"]), "i")
        # "the day before" counts one; "the years before" is a vague stretch, not a count.
        one_unit = _alt([u for u in w["units"] if not u.endswith("s")], "i")
        period = rf"(?:{_alt(w['period_openers'], 'i')})\s+(?P<span>the\s+(?:{_alt(w['period_words'], 'i')})\s+(?P<n>{num})\s+(?P<unit>{unit}))"
        self.dated = [
            ("mdy", re.compile(rf"\b{wd_prefix}(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{year})?")),
            ("dmy", re.compile(rf"\b{wd_prefix}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{months})\b\.?(?:,?\s+{year})?")),
            ("my", re.compile(rf"\b(?P<month>{months})\.?,?\s+{year}")),
            ("iso", re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")),
            ("range", re.compile(r"(?<![\w@#$£€.,/'’-])(?P<year>\d{4})\s?[-–—]\s?(?P<end>\d{4}|\d{2})(?![\w%/-]|[.,]\d)")),
            ("decade", re.compile(rf"\b(?:the\s+)?(?:(?P<part>{_alt(w['decade_parts'], 'i')})[-\s]?)?(?P<year>\d{{3}}0)['’]?s\b", re.I)),
            ("year", re.compile(r"(?<![\w@#$£€.,/'’:-])" + year + r"(?![-–—/]\d)")),
        ]
        self.relative = [
            ("weekday", re.compile(rf"\b(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:['’]s)?(?:\s+(?P<pod>{pod}))?\b")),
            ("weekday", re.compile(rf"\b(?:the\s+)?(?P<pod>{pod})\s+of\s+(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:\s+{pod})?\b")),
            ("month", re.compile(rf"\b(?:(?P<mod>{month_mods})[-\s]+|{preps})(?P<month>{full_months})\b(?!\s*\d)")),
            ("relday", re.compile(rf"\b(?P<phrase>{_alt(list(w['relative_days']), 'i')})\b")),
            ("relperiod", re.compile(rf"\b(?P<phrase>{_alt(list(w['relative_periods']), 'i')})\b")),
            ("recent", re.compile(rf"\b(?P<phrase>{_alt(list(w['recent_periods']), 'i')})\b")),
            ("ago", re.compile(rf"\b(?P<n>{num})\s+(?P<unit>{unit})\s+{_alt(w['ago_words'], 'i')}\b")),
            ("period", re.compile(rf"\b{period}\b", re.I)),
        ]
        self.offset = re.compile(
            rf"(?:\b(?P<n>{num})\s+(?P<unit>{unit})|\bthe\s+(?P<unit1>{one_unit}))\s+"
            rf"(?P<dir>{directions})\s+(?:the\s+)?$"
        )


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns()


def _number(text: str) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else int(words()["numbers"][text])


def _month(text: str) -> int:
    return int(words()["months"][text.rstrip(".")])


def _weekday(text: str) -> int:
    return int(words()["weekdays"][text])


def _in_years(y: int) -> bool:
    low, high = words()["year_range"]
    return low <= y <= high


def _year_context(text: str, start: int, end: int, doc: Any) -> bool:
    """A bare number is a year only where a year is expected, and never a count of things."""
    before = re.findall(r"[\w']+", text[max(0, start - 20):start])
    prev = before[-1].lower() if before else ""
    wanted = prev in words()["year_words"] or text[max(0, start - 1):start] == "("
    if doc is not None:
        tokens = [t for t in doc if t.idx == start]
        if tokens:
            token = tokens[0]
            if token.ent_type_ == "DATE":
                wanted = True
            if token.dep_ == "nummod" and token.head.text not in words()["months"]:
                return False
    return wanted


def _inside_name(text: str, start: int) -> bool:
    """'Today' after a capitalised word mid-sentence is part of a name ("Channel Today")."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip()
    words_before = re.findall(r"[\w'’]+", before[-40:])
    return bool(words_before) and words_before[-1][0].isupper() and not before.endswith((".", "!", "?", ":", "“", '"'))


def _from_match(kind: str, m: re.Match[str]) -> Parsed | None:
    g = m.groupdict()
    start, end = m.span()
    if kind in ("mdy", "dmy", "my", "iso"):
        month = int(g["month"]) if kind == "iso" else _month(g["month"])
        day = int(g["day"]) if g.get("day") else None
        year = int(g["year"]) if g.get("year") else None
        if not 1 <= month <= 12 or (year is not None and not _in_years(year)):
            return None
        if day is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
            return None
        weekday = _weekday(g["wd"]) if g.get("wd") else None
        return Parsed("date", start, end, year=year, month=month, day=day, weekday=weekday)
    if kind == "range":
        first, last = int(g["year"]), g["end"]
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not (_in_years(first) and _in_years(last_year) and first < last_year):
            return None
        return Parsed("range", start, end, year=first, end_year=last_year)
    if kind == "decade":
        year = int(g["year"])
        return Parsed("decade", start, end, year=year) if _in_years(year) else None
    if kind == "year":
        year = int(g["year"])
        return Parsed("year", start, end, year=year) if _in_years(year) else None
    if kind == "weekday":
        modifier = words()["weekday_modifiers"].get((g.get("mod") or "").lower(), "past")
        return Parsed("weekday", start, end, weekday=_weekday(g["wd"]), modifier=modifier)
    if kind == "month":
        if g["mod"] is None:
            start = m.start("month")
        modifier = words()["month_modifiers"].get((g["mod"] or "").lower()) or None
        return Parsed("month", start, end, month=_month(g["month"]), modifier=modifier)
    if kind == "relday":
        days = words()["relative_days"]
        phrase = " ".join(g["phrase"].lower().split())
        return Parsed("relday", start, end, count=int(days[phrase]), unit="day")
    if kind in ("relperiod", "recent"):
        table = words()["relative_periods" if kind == "relperiod" else "recent_periods"]
        unit, count = table[" ".join(g["phrase"].lower().split())]
        return Parsed(kind, start, end, unit=unit, count=int(count))
    if kind in ("ago", "period"):
        unit = words()["units"][g["unit"].lower()]
        if kind == "period":
            start = m.start("span")
        return Parsed(kind, start, end, unit=unit, count=_number(g["n"]))
    return None


def find(text: str, doc: Any = None) -> list[Parsed]:
    """Every time expression in a paragraph, longest first where they overlap, in text order."""
    pats = _patterns()
    found: list[Parsed] = []
    for kind, pattern in pats.dated + pats.relative:
        for m in pattern.finditer(text):
            parsed = _from_match(kind, m)
            if parsed is None:
                continue
            if parsed.kind == "year" and not _year_context(text, parsed.start, parsed.end, doc):
                continue
            if kind in ("relday", "relperiod", "recent") and _inside_name(text, parsed.start):
                continue
            found.append(parsed)
    chosen: list[Parsed] = []
    for p in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(p.end <= c.start or p.start >= c.end for c in chosen):
            chosen.append(p)
    chosen.sort(key=lambda p: p.start)
    return [_with_offset(text, p) for p in chosen]


def _with_offset(text: str, p: Parsed) -> Parsed:
    """'two days before the September 11, 2001 attacks': an offset counted from an absolute date."""
    if p.kind not in ("date", "year", "decade", "month"):
        return p
    m = _patterns().offset.search(text[max(0, p.start - 40):p.start])
    if not m:
        return p
    unit = words()["units"][(m["unit"] or m["unit1"]).lower()]
    count = _number(m["n"]) if m["n"] else 1
    sign = int(words()["offset_directions"][" ".join(m["dir"].lower().split())])
    start = max(0, p.start - 40) + m.start()
    return Parsed("offset", start, p.end, unit=unit, count=sign * count, base=p)


# --- resolution ------------------------------------------------------------------

def _fmt(d: date, precision: Precision) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return f"{d.year // 10:03d}X"


def coarser(a: Precision, b: Precision) -> Precision:
    return a if PRECISIONS.index(a) <= PRECISIONS.index(b) else b


def _shift(d: date, unit: Precision, count: int) -> date:
    if unit == "day":
        return d + timedelta(days=count)
    if unit == "week":
        return d + timedelta(weeks=count)
    months = count * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _nearest_year(month: int, day: int, anchor: date) -> date | None:
    """The occurrence of a day-of-year closest to the anchor (ties: the earlier one)."""
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= calendar.monthrange(y, month)[1]:
            options.append(date(y, month, day))
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def _weekday_date(weekday: int, modifier: str | None, anchor: date) -> date:
    diff = (anchor.weekday() - weekday) % 7
    if modifier == "strictly_past":
        return anchor - timedelta(days=diff or 7)
    if modifier == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if modifier == "same_week":
        return anchor + timedelta(days=weekday - anchor.weekday())
    return anchor - timedelta(days=diff)


def _start(p: Parsed, anchor: date | None) -> tuple[date, Precision, bool, str] | None:
    """The first day a parsed expression covers, its precision, and whether the anchor was used."""
    if p.kind == "date":
        assert p.month is not None
        if p.year is not None:
            d = date(p.year, p.month, p.day or 1)
            note = "" if p.weekday is None or p.day is None or d.weekday() == p.weekday else "the weekday named does not fall on this date"
            return d, ("day" if p.day else "month"), False, note
        if anchor is None:
            return None
        if p.day is None:
            return date(anchor.year, p.month, 1), "month", True, "year of the anchor"
        d = _nearest_year(p.month, p.day, anchor)
        if d is None:
            return None
        note = "year of the anchor" if d.year == anchor.year else "year nearest the anchor"
        if p.weekday is not None and d.weekday() != p.weekday:
            note += "; the weekday named does not fall on this date"
        return d, "day", True, note
    if p.kind in ("year", "range"):
        assert p.year is not None
        return date(p.year, 1, 1), "year", False, ""
    if p.kind == "decade":
        assert p.year is not None
        return date(p.year, 1, 1), "decade", False, ""
    if p.kind == "offset":
        assert p.base is not None and p.unit is not None
        base = _start(p.base, anchor)
        if base is None:
            return None
        d, precision, anchored, note = base
        return _shift(d, p.unit, p.count), coarser(precision, p.unit), anchored, note
    if anchor is None:
        return None
    if p.kind == "weekday":
        assert p.weekday is not None
        return _weekday_date(p.weekday, p.modifier, anchor), "day", True, ""
    if p.kind == "month":
        assert p.month is not None
        # Without a word saying otherwise, a month is the latest one on or before the anchor.
        if p.modifier == "this":
            year = anchor.year
        elif p.modifier == "next":
            year = anchor.year + (p.month <= anchor.month)
        elif p.modifier == "last":
            year = anchor.year - (p.month >= anchor.month)
        else:
            year = anchor.year - (p.month > anchor.month)
        return date(year, p.month, 1), "month", True, ""
    if p.kind == "relday":
        return anchor + timedelta(days=p.count), "day", True, ""
    if p.kind == "relperiod":
        assert p.unit is not None
        return _shift(anchor, p.unit, p.count), p.unit, True, ""
    if p.kind == "recent":
        assert p.unit is not None
        return anchor + timedelta(days=p.count), p.unit, True, "a period ending at the anchor, placed by its middle"
    if p.kind in ("ago", "period"):
        assert p.unit is not None
        note = "the start of a period lasting to the anchor" if p.kind == "period" else ""
        return _shift(anchor, p.unit, -p.count), p.unit, True, note
    return None


def resolve_parsed(p: Parsed, anchor: date | None) -> Resolution:
    try:
        start = _start(p, anchor)
    except (ValueError, OverflowError):  # arithmetic beyond the calendar: leave it unresolved
        return Resolution(None, None, False, note="outside the calendar")
    if start is None:
        return Resolution(None, None, False, note="needs the article's date" if anchor is None else "")
    d, precision, anchored, note = start
    if not published.MIN_YEAR <= d.year <= published.MAX_YEAR:  # later arithmetic would overflow
        return Resolution(None, None, False, note="outside the calendar")
    end = _fmt(date(p.end_year, 1, 1), precision) if p.kind == "range" and p.end_year else None
    return Resolution(_fmt(d, precision), precision, anchored, end, note)


def resolve(expression: str, anchor: date | None) -> Resolution:
    """Resolve an expression on its own, e.g. a copy's expression against its original's date."""
    parsed = find(expression)
    if not parsed:
        return Resolution(None, None, False, note="not a time expression")
    return resolve_parsed(max(parsed, key=lambda p: p.end - p.start), anchor)


def _anchor(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def _expression(text: str, p: Parsed, where: Where, anchor: date | None, basis: str | None) -> TimeExpression:
    r = resolve_parsed(p, anchor)
    return TimeExpression(
        expression=text[p.start:p.end],
        where=where,
        value=r.value,
        precision=r.precision,
        anchor=anchor.isoformat() if r.anchored and anchor else None,
        anchor_basis=basis if r.anchored else None,
        kind=p.kind,
        end=r.end,
        note=r.note,
        anchor_source=where.source if r.anchored else None,
    )


def extract(article: Article, docs: Sequence[Any]) -> tuple[TimeExpression, ...]:
    anchor = _anchor(article)
    out: list[TimeExpression] = []
    for i, paragraph in enumerate(article.paragraphs):
        doc = docs[i] if i < len(docs) else None
        for p in find(paragraph.text, doc):
            where = Where(article.id, paragraph.n, p.start, p.end)
            out.append(_expression(paragraph.text, p, where, anchor, article.published_basis))
    return tuple(out)


# --- completion across sources -----------------------------------------------------

def complete(
    times: Sequence[TimeExpression],
    anchor: str | None = None,
    anchor_basis: str | None = None,
    around: Sequence[str] = (),
    anchor_source: str | None = None,
) -> tuple[TimeExpression, ...]:
    """Resolve what the article alone could not, from evidence named in each note.

    - `anchor`: a date borrowed from elsewhere (the original of a copy); every expression
      is resolved against it as if it were the article's own.
    - `around`: the other sources' dates. A day and month without a year take the one
      year that puts them within half a year of those dates, and only when the weekday,
      if named, falls on that day.
    - a weekday the article itself pairs with a date ("Thursday night, September 2") is
      that date wherever else the article names it without last/next.
    """
    out = list(times)
    if anchor:
        a = date.fromisoformat(anchor)
        for i, t in enumerate(out):
            if t.value is None:
                r = resolve(t.expression, a)
                if r.value:
                    out[i] = replace(t, value=r.value, precision=r.precision, end=r.end,
                                     anchor=anchor if r.anchored else None,
                                     anchor_basis=anchor_basis if r.anchored else None,
                                     anchor_source=anchor_source if r.anchored else None,
                                     note=r.note)
    if around:
        dates = sorted(date.fromisoformat(d) for d in around)
        low, high = dates[0] - timedelta(days=183), dates[-1] + timedelta(days=183)
        for i, t in enumerate(out):
            if t.value is None:
                out[i] = _from_year_context(t, low, high)
    paired: dict[int, set[date]] = {}
    for t in out:
        p = _whole(t.expression)
        if p and p.kind == "date" and p.weekday is not None and t.precision == "day" and t.value:
            d = date.fromisoformat(t.value)
            if d.weekday() == p.weekday:
                paired.setdefault(p.weekday, set()).add(d)
    for i, t in enumerate(out):
        p = _whole(t.expression)
        if t.value is None and p and p.kind == "weekday" and p.modifier == "past" and len(paired.get(p.weekday, ())) == 1:
            (d,) = paired[p.weekday]
            out[i] = replace(t, value=d.isoformat(), precision="day",
                             note=f"the article names this {calendar.day_name[d.weekday()]} as {d.isoformat()}")
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)  # the merge asks again for every expression of every source
def _whole(expression: str) -> Parsed | None:
    found = find(expression)
    return max(found, key=lambda p: p.end - p.start) if found else None


def _from_year_context(t: TimeExpression, low: date, high: date) -> TimeExpression:
    p = _whole(t.expression)
    target = p.base if p and p.kind == "offset" else p
    if not target or target.kind != "date" or target.year is not None or target.day is None:
        return t
    assert target.month is not None
    options = []
    for y in range(low.year, high.year + 1):
        if target.day <= calendar.monthrange(y, target.month)[1]:
            d = date(y, target.month, target.day)
            if low <= d <= high and (target.weekday is None or d.weekday() == target.weekday):
                options.append(d)
    if len(options) != 1:
        return t
    (d,) = options
    why = "the weekday named falls on it in that year" if target.weekday is not None else "within half a year of them"
    note = f"year from the other sources' dates ({why})"
    if p is not None and p.kind == "offset" and p.unit is not None:
        shifted = _shift(d, p.unit, p.count)
        return replace(t, value=_fmt(shifted, coarser("day", p.unit)), precision=coarser("day", p.unit), note=note)
    return replace(t, value=d.isoformat(), precision="day", note=note)
