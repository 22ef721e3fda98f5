"""Resolving a recognised time expression against an anchor date, TimeML-style.

Each value carries the precision the words support and nothing finer: "1989" stays a year,
"the 1980s" a decade. Without an anchor, expressions relative to it stay unresolved.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from generator import published
from generator.extract.timex_find import Parsed, find, words
from generator.model import Precision


# Coarse to fine; a result is never finer than what its words support.
PRECISIONS: tuple[Precision, ...] = ("decade", "year", "month", "week", "day")


@dataclass(frozen=True)
class Resolution:
    value: str | None
    precision: Precision | None
    anchored: bool  # the anchor was used
    end: str | None = None
    note: str = ""


SEASON_OF_MONTH = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def fmt(d: date, precision: str) -> str:
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{d.year:04d}-H{1 if d.month < 7 else 2}"
    if precision == "season":
        return f"{d.year:04d}-{SEASON_OF_MONTH[d.month]}"
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


def _weekend(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _part_start(p: Parsed, anchor: date | None, tense: str | None) -> date | None:
    """First day of a quarter, half or season; with no year, the latest that began on or before
    the anchor (or, in the future tense, a season that has not ended by it, and a quarter or half
    under way or just ended, else the next one)."""
    assert p.part is not None
    if p.kind == "season":
        month = int(words()["season_months"][p.part])
    else:
        month = (int(p.part[1]) - 1) * (3 if p.part[0] == "Q" else 6) + 1
    if p.year is not None:
        return date(p.year, month, 1)
    if anchor is None:
        return None
    if p.modifier == "shift" or p.modifier == "this":
        return date(anchor.year + (p.count if p.modifier == "shift" else 0), month, 1)
    length = 3 if p.kind != "half" else 6
    starts = [date(y, month, 1) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if p.modifier == "last":  # the latest one that ended before the anchor
        return max(d for d in starts if shift(d, "month", length) <= anchor)
    if p.modifier == "next" or (tense == "future" and p.kind == "season"):
        return min(d for d in starts if shift(d, "month", length) > anchor and (p.modifier != "next" or d > anchor))
    latest = max(d for d in starts if d <= anchor)
    if tense == "future" and shift(latest, "month", 2 * length) <= anchor:
        # "sales will rise in the first quarter", told in November: a quarter told of in the future
        # is the one under way or just ended (its results are still to come), else the next one
        return shift(latest, "month", 12)
    return latest


def _year_for(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    """A day and month without a year: after the anchor in the future tense; otherwise the latest
    on or before it unless the next is much closer. The past tense moves a day back only from far
    ahead: "has set Nov. 10 as the deadline" is past and names a day to come."""
    w = words()
    options = [date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if day <= calendar.monthrange(y, month)[1]]
    if not options:
        return None
    if tense == "nearest":
        return _nearest_year(month, day, anchor)
    before = [d for d in options if d <= anchor]
    after = [d for d in options if d > anchor]
    if tense == "future" and after:
        return after[0]
    if not before:
        return after[0]
    past = before[-1]
    if not after:
        return past
    ahead = after[0]
    limit = w["past_tense_ahead_days"] if tense == "past" else (anchor - past).days - w["past_bias_days"]
    return ahead if (ahead - anchor).days < limit else past


def easter(year: int) -> date:
    """Western Easter Sunday of a Gregorian year: the anonymous Gregorian algorithm (Meeus, Jones,
    Butcher), so that Good Friday or Easter weekend is placed by a rule and not read as a weekday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letters)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _named_day(name: str, year: int) -> date | None:
    rule = words()["named_days"].get(name)
    if not rule:
        return None
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    first = date(year, rule["month"], 1)
    d = first + timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (rule["nth"] - 1))
    return d + timedelta(days=rule.get("offset", 0))


def coarser(a: Precision, b: Precision) -> Precision:
    return a if PRECISIONS.index(a) <= PRECISIONS.index(b) else b


def shift(d: date, unit: Precision, count: int) -> date:
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
    if modifier == "future_or_today":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if modifier == "same_week":
        return anchor + timedelta(days=weekday - anchor.weekday())
    if modifier == "nearest":  # the closer of the last such day (or today) and the next; a tie goes back
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead) if ahead < diff else anchor - timedelta(days=diff)
    return anchor - timedelta(days=diff)


def _nth_weekday(p: Parsed, anchor: date | None) -> tuple[date, Any, bool, str] | None:
    """'the first Monday of April', 'the last Friday in March 2024': the weekday counted within the
    month, the month's year placed as a month named alone would be."""
    assert p.month is not None and p.weekday is not None
    anchored = p.year is None
    if p.year is not None:
        year = p.year
    else:
        month = first_day(replace(p, kind="month", modifier=None), anchor)
        if month is None:
            return None
        year = month[0].year
    first = date(year, p.month, 1)
    if p.count > 0:
        d = first + timedelta(days=(p.weekday - first.weekday()) % 7 + 7 * (p.count - 1))
    else:
        last = date(year, p.month, calendar.monthrange(year, p.month)[1])
        d = last - timedelta(days=(last.weekday() - p.weekday) % 7)
    if d.month != p.month:  # "the fifth Monday of April" in a year that has four
        return None
    return d, "day", anchored, "a weekday counted within its month"


def first_day(p: Parsed, anchor: date | None) -> tuple[date, Any, bool, str] | None:
    """The first day a parsed expression covers, its precision, and whether the anchor was used."""
    tense = p.tense
    if p.kind in ("quarter", "half", "season"):
        d = _part_start(p, anchor, tense)
        return None if d is None else (d, p.kind, p.year is None, "")
    if p.kind == "decadeword":
        if anchor is None:
            return None
        year = anchor.year // 100 * 100 + 10 * p.count
        year -= 100 if year > anchor.year else 0  # the latest such decade begun by the anchor
        return date(year, 1, 1), "decade", True, "the latest such decade begun by the anchor"
    if p.kind == "named":
        if anchor is None or not words()["named_days"].get(p.note):
            return None
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _named_day(p.note, y))]
        if tense == "future":
            options = [d for d in options if d >= anchor] or options
        elif tense == "past":
            options = [d for d in options if d <= anchor] or options
        unit = "weekend" if words()["named_days"][p.note].get("weekend") else "day"
        return min(options, key=lambda d: (abs((d - anchor).days), d)), unit, True, f"{p.note} by its rule"
    if p.kind == "nthweekday":
        return _nth_weekday(p, anchor) if p.month is not None else None
    if p.kind == "date" and p.month is None:  # a numeric date whose order is unknown keeps its year
        assert p.year is not None
        return date(p.year, 1, 1), "year", False, p.note
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
        d = _year_for(p.month, p.day, anchor, tense)
        if d is None:
            return None
        note = "year of the anchor" if d.year == anchor.year else "year nearest the anchor"
        if p.weekday is not None and d.weekday() != p.weekday:
            note += "; the weekday named does not fall on this date"
        return d, "day", True, note
    if p.kind in ("year", "range", "yearfocus"):
        assert p.year is not None
        return date(p.year, 1, 1), "year", False, ""
    if p.kind == "decade":
        assert p.year is not None
        return date(p.year, 1, 1), "decade", False, ""
    if p.kind == "offset":
        assert p.base is not None and p.unit is not None
        base = first_day(p.base, anchor)
        if base is None:
            return None
        d, precision, anchored, note = base
        return shift(d, p.unit, p.count), coarser(precision, p.unit), anchored, note
    if anchor is None:
        return None
    if p.kind == "weekday" and p.modifier == "weeks_back":
        assert p.weekday is not None
        d = _weekday_date(p.weekday, "past", anchor) - timedelta(weeks=p.count)
        return d, "day", True, f"the latest such weekday, {p.count} week(s) back"
    if p.kind == "weekday":
        assert p.weekday is not None
        modifier = "future_or_today" if p.modifier == "past" and tense in ("future", "present") else \
            "nearest" if p.modifier == "past" and tense == "nearest" else p.modifier
        note = {"future_or_today": "the verb's tense points ahead",
                "nearest": "a plan told in the past: the occurrence nearest the anchor"}.get(modifier, "") if modifier != p.modifier else ""
        return _weekday_date(p.weekday, modifier, anchor), "day", True, note
    if p.kind == "weekend":
        modifier = "future" if p.modifier == "past" and tense == "future" else p.modifier
        saturday = {
            "past": lambda: anchor - timedelta(days=(anchor.weekday() - 5) % 7),
            "strictly_past": lambda: anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7),
            "same_week": lambda: anchor + timedelta(days=5 - anchor.weekday()),
            "next_week": lambda: anchor + timedelta(days=12 - anchor.weekday()),
            "future": lambda: anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7),
        }[modifier or "past"]()
        return saturday, "weekend", True, ""
    if p.kind == "clock":
        return anchor, "day", True, "a time of day on the anchor's day"
    if p.kind == "month":
        assert p.month is not None
        # Without a word saying otherwise, a month is the latest one on or before the anchor.
        if p.modifier == "this":
            year = anchor.year
        elif p.modifier == "year_shift":  # "July last year"
            year = anchor.year + p.count
        elif p.modifier == "next":
            year = anchor.year + (p.month <= anchor.month)
        elif p.modifier == "last":
            year = anchor.year - (p.month >= anchor.month)
            if p.month == anchor.month - 1:
                # "collided last February", told in March: the month just ended would be "last month";
                # naming it says the one a year before ("last December" told in January is left as
                # the one just ended: there "last" may mean "of last year", which is the same month)
                year -= 1
        elif tense == "future":
            year = anchor.year + (p.month < anchor.month)
        else:  # the latest on or before the anchor, unless the next is much closer
            back = (anchor.month - p.month) % 12
            ahead = 12 - back if back else 0
            bias = int(words()["past_tense_ahead_months"]) if tense == "past" else -int(words()["past_bias_months"])
            year = anchor.year - (p.month > anchor.month)
            if back and (ahead <= bias if tense == "past" else ahead < back + bias):
                year += 1
        return date(year, p.month, 1), "month", True, ""
    if p.kind == "relday":
        return anchor + timedelta(days=p.count), "day", True, ""
    if p.kind == "relperiod":
        assert p.unit is not None
        return shift(anchor, p.unit, p.count), p.unit, True, ""
    if p.kind == "recent":
        assert p.unit is not None
        return anchor + timedelta(days=p.count), p.unit, True, "a period ending at the anchor, placed by its middle"
    if p.kind in ("ago", "period"):
        assert p.unit is not None
        note = "the start of a period lasting to the anchor" if p.kind == "period" else ""
        return shift(anchor, p.unit, -p.count), p.unit, True, note
    return None


def resolve_parsed(p: Parsed, anchor: date | None) -> Resolution:
    if p.kind == "duration":
        return Resolution(p.note, None, False, note="a duration")
    if p.kind == "vague":
        return Resolution(p.note, None, False, note="a vague reference, not a date")
    if p.kind in ("set", "eventoffset"):
        return Resolution(None, None, False, note=p.note)
    if p.kind == "yearback" and p.base is not None:  # "the year-ago third quarter"
        base = resolve_parsed(replace(p.base, tense=p.tense), anchor)
        if not base.value or base.precision not in ("quarter", "half"):
            return Resolution(None, None, False, note="a year before a period not placed")
        return Resolution(f"{int(base.value[:4]) - 1:04d}{base.value[4:]}", base.precision, base.anchored,
                          note="the period named, a year before")
    if p.kind in ("focus", "yearback") and anchor is not None:
        return _fallback_focus(p, anchor)
    if p.kind == "century":  # TimeML's value: the century's first two digits ("the 20th century": "19")
        return Resolution(f"{p.count - 1:02d}", None, False, note="a century, written as TimeML does (its first two digits)")
    if p.kind == "dayfocus":
        return Resolution(None, None, False, note="the day the article last named; none named before it")
    if p.kind == "thenfocus":
        return Resolution(None, None, False, note="the time the article last named; none named just before it")
    if p.kind == "relfocus":
        return Resolution(None, None, False, note="counted from a date the article names; none named before it")
    try:
        start = first_day(p, anchor)
    except (ValueError, OverflowError):  # arithmetic beyond the calendar: leave it unresolved
        return Resolution(None, None, False, note="outside the calendar")
    if start is None:
        return Resolution(None, None, False, note="needs the article's date" if anchor is None else "")
    d, precision, anchored, note = start
    if not published.MIN_YEAR <= d.year <= published.MAX_YEAR:  # later arithmetic would overflow
        return Resolution(None, None, False, note="outside the calendar")
    if precision == "weekend":
        return Resolution(_weekend(d), "week", anchored, None, note)
    end = fmt(date(p.end_year, 1, 1), precision) if p.kind == "range" and p.end_year else None
    if p.kind == "date" and p.end_day is not None and precision == "day":
        end = date(d.year, d.month, p.end_day).isoformat()  # "March 20-24": the span's last day
    return Resolution(fmt(d, precision), precision, anchored, end, note)


def _quarter_before(anchor: date) -> date:
    current = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
    return shift(current, "month", -3)


def _fallback_focus(p: Parsed, anchor: date) -> Resolution:
    """A focus phrase with no period named before it: the anchor's quarters, or abstain."""
    if p.kind == "yearback":
        return Resolution(str(anchor.year - 1), "year", True, note="the anchor's year before")
    if p.modifier in ("latest", "completed"):
        return Resolution(fmt(_quarter_before(anchor), "quarter"), "quarter", True, note="the latest quarter ended before the anchor")
    if p.modifier == "current":
        return Resolution(fmt(date(anchor.year, anchor.month, 1), "quarter"), "quarter", True, note="the anchor's quarter")
    return Resolution(None, None, False, note="no period named before it")


def resolve(expression: str, anchor: date | None) -> Resolution:
    """Resolve an expression on its own, e.g. a copy's expression against its original's date."""
    parsed = find(expression)
    if not parsed:
        return Resolution(None, None, False, note="not a time expression")
    return resolve_parsed(max(parsed, key=lambda p: p.end - p.start), anchor)
