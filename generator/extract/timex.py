"""Time expressions of an article, anchored: recognised by `timex_find`, resolved by
`timex_resolve` against the article's own publication date (the anchor), and here read
in order with TimeML's temporal focus ("the quarter", "a year earlier", "the previous
Friday" count from what the article named before). Expressions relative to the anchor stay
unresolved (value None) when the article has no date; `complete` can resolve them later from
evidence found across sources (a copy's original, the other sources' year, the article's own
dated weekday).
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from generator import lexicon
from generator.extract import tense
from generator.extract.timex_find import Parsed, alternation, find, words
from generator.extract.timex_resolve import PRECISIONS, Resolution, coarser, first_day, fmt, resolve, resolve_parsed, shift
from generator.model import Article, Precision, TimeExpression, Where

# The stage's interface, whichever module does the work.
__all__ = ["LOCAL_NEXT_DAY", "PRECISIONS", "Parsed", "Resolution", "coarser", "complete", "extract", "find",
           "resolve", "resolve_parsed", "words"]


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
        clock=p.clock,
        parsed=p,
    )


# how far back (in paragraphs) a named period or day stays the article's focus
FOCUS_PARAGRAPHS = int(lexicon.thresholds("timex")["focus_paragraphs"])
# what "until then" may point back to: a time the words place, not a stretch or a vague one
THEN_PRECISIONS = ("day", "week", "month", "quarter", "half", "season", "year")
THEN_KINDS = ("date", "weekday", "relday", "named", "month", "quarter", "half", "season", "year", "offset", "weekend")


def extract(article: Article, docs: Sequence[Any]) -> tuple[TimeExpression, ...]:
    anchor = _anchor(article)
    out: list[TimeExpression] = []
    # TimeML's temporal focus: the period the article last named, for "the quarter" and "a year earlier".
    quarter: tuple[TimeExpression, int] | None = None
    # "a year earlier" compares results: the period last named that had begun by the anchor
    # ("the third quarter of next year" is a forecast, not what is compared)
    reported: tuple[TimeExpression, int] | None = None
    named: tuple[TimeExpression, int] | None = None
    day: tuple[TimeExpression, int] | None = None  # the day last named, weekdays included
    stretch = False  # a stretch ("the nine months") was reported on since the quarter was named
    bare: dict[int, list[int]] = {}  # a weekday named with no last/next: where it stands in `out`
    last: tuple[TimeExpression, int] | None = None  # the time last named, for "until then"
    for i, paragraph in enumerate(article.paragraphs):
        doc = docs[i] if i < len(docs) else None
        found = find(paragraph.text, doc)
        for k, p in enumerate(found):
            p = replace(p, tense=_own_tense(paragraph.text, p) or tense.of(p.start, p.end, doc))
            where = Where(article.id, paragraph.n, p.start, p.end)
            t = _expression(paragraph.text, p, where, anchor, article.published_basis)
            near_q = quarter[0] if quarter and paragraph.n - quarter[1] <= FOCUS_PARAGRAPHS else None
            near = named[0] if named and paragraph.n - named[1] <= FOCUS_PARAGRAPHS else None
            near_r = reported[0] if reported and paragraph.n - reported[1] <= FOCUS_PARAGRAPHS else None
            ended = _ending_on(paragraph.text, p, found[k + 1] if k + 1 < len(found) else None, anchor)
            if p.kind == "focus" and ended is not None:
                t = replace(t, value=fmt(ended, "quarter"), precision="quarter", note="the quarter that ends on the date named after it")
            elif (p.kind in ("focus", "yearback") and p.base is None) or (p.kind == "ago" and p.unit == "year" and p.count == 1):
                t = _from_focus(t, p, near_q if p.kind == "focus" else near_r, near)
            elif p.kind == "weekday" and day is not None and paragraph.n - day[1] <= FOCUS_PARAGRAPHS \
                    and (step := _focus_weekday_step(paragraph.text, p)):
                t = _weekday_from(t, p, day[0], step)
            elif p.kind == "dayfocus" and day is not None and paragraph.n - day[1] <= FOCUS_PARAGRAPHS:
                t = _on_focus_day(t, p, day[0])
            elif p.kind == "yearfocus" and near_q is not None and near_q.value and not stretch:
                t = replace(t, value=f"{p.year:04d}{near_q.value[4:]}", precision=near_q.precision,
                            note=f"the period named before ({near_q.expression}) in the year named")
            elif p.kind == "eventoffset" and k and (unit := _in_apposition(paragraph.text, found[k - 1], p, out[-1])):
                t = replace(t, value=fmt(date.fromisoformat(out[-1].value or ""), unit), precision=unit, anchor=out[-1].anchor,
                            anchor_basis=out[-1].anchor_basis, anchor_source=out[-1].anchor_source,
                            note=f"the same time as {out[-1].expression}, which it follows in apposition")
            elif p.kind == "clock" and t.value and day is not None and paragraph.n - day[1] <= 1 and day[0].value != t.value:
                t = _clock_on_day(t, p, day[0])
            elif p.kind == "thenfocus" and last is not None and paragraph.n - last[1] <= 1:
                t = replace(t, value=last[0].value, precision=last[0].precision, anchor=None, anchor_basis=None,
                            anchor_source=None, note=f"the time named before: {last[0].expression}")
            elif p.kind == "relfocus" and near is not None:
                t = _from_named(t, p, near)
            elif p.kind == "duration" and anchor is not None and p.tense == "future" and (ahead := _in_so_long(paragraph.text, p)):
                unit, count = ahead
                t = replace(t, value=fmt(shift(anchor, unit, count), unit), precision=unit, anchor=anchor.isoformat(),
                            anchor_basis=article.published_basis, anchor_source=article.id,
                            note="a time to come, counted from the anchor")
            elif p.kind == "relperiod" and anchor is not None and _since_year_end(paragraph.text, p):
                t = replace(t, value=f"{anchor.year - 1:04d}-12-31", precision="day",
                            note="since a year's end: the last one before the anchor")
            if p.kind == "weekday" and anchor is not None and _local_next_day(paragraph.text, p, anchor):
                d = anchor + timedelta(days=1)
                t = replace(t, value=d.isoformat(), precision="day", anchor=anchor.isoformat(), anchor_basis=article.published_basis,
                            anchor_source=article.id, note=LOCAL_NEXT_DAY)
            out.append(t)
            if p.kind == "weekday" and p.modifier == "past" and t.precision == "day" and p.weekday is not None:
                bare.setdefault(p.weekday, []).append(len(out) - 1)
            # "the latest quarter" with no quarter named before it is placed by the anchor's rule
            # (the latest quarter ended): it is then the period the article reports on, as if named
            # (only a phrase that says "quarter": "the latest period" may be a half or a year)
            fallback = p.kind == "focus" and near_q is None and t.precision == "quarter" \
                and p.modifier in ("latest", "completed") and "quarter" in t.expression.lower()
            if (p.kind in ("quarter", "half") or (p.kind == "focus" and ended is not None) or fallback) and t.value \
                    and not (near_q is not None and _told_for_contrast(paragraph.text, p)):
                quarter, stretch = (t, paragraph.n), False
                # "a year earlier" compares results of a period begun by the anchor; one still under way
                # and told in the future tense ("expects sales to keep falling through the third quarter")
                # is a forecast, not what is compared ("its second quarter ended March 9", a fiscal
                # quarter, has ended on the day named)
                if anchor is None or (ended <= anchor if ended is not None else _period_start(t) <= anchor
                                      and not (p.tense == "future" and _period_end(t) > anchor)):
                    reported = quarter
            elif p.kind == "duration" and re.match(r"the\s", t.expression, re.I):
                # "For the nine months, ... a year earlier": a stretch the article reports on now
                # takes the focus from the quarter: "a year earlier" no longer counts from it, nor is
                # "the 1988 period" that quarter of 1988 (it is the stretch, in a year named)
                reported = None
                stretch = True
            elif p.kind in ("focus", "yearback") and quarter is not None and near_q is not None and t.value:
                # "the quarter", "a year earlier": a sentence that speaks of the period in focus keeps
                # it in focus, so a report's "a year ago" five paragraphs on still counts from it
                quarter = (quarter[0], paragraph.n)
                if reported is not None and reported[0] is quarter[0]:
                    reported = quarter
            if t.value and t.precision == "day" and p.kind in ("date", "weekday", "relday"):
                day = (t, paragraph.n)
            if t.value and t.precision in THEN_PRECISIONS and p.kind in THEN_KINDS:
                last = (t, paragraph.n)
            if t.value and t.precision in ("day", "month", "quarter", "half", "year") and p.kind in ("date", "quarter", "half", "month", "year"):
                named = (t, paragraph.n)
    return tuple(_one_day_per_weekday(out, bare, anchor))


def _clock_on_day(t: TimeExpression, p: Parsed, named: TimeExpression) -> TimeExpression:
    """'The ferry sank on Tuesday. At 9 a.m. rescuers arrived': a time of day with no day of its
    own, told in the past, is on the past day just named, not the anchor's. Otherwise ("a briefing
    will follow at 3 p.m.", "the old fares were due to end at midnight" after a deadline was named) it may
    be on either, and is left undated."""
    if p.tense != "past" or named.value is None or (t.anchor is not None and named.value > t.anchor):
        return replace(t, value=None, precision=None, anchor=None, anchor_basis=None, anchor_source=None,
                       note=f"a time of day after {named.expression} was named, not told as on it: the day is not said")
    return replace(t, value=named.value, precision="day", anchor=named.anchor, anchor_basis=named.anchor_basis,
                   anchor_source=named.anchor_source, note=f"a time of day on the day named before: {named.expression}")


LOCAL_NEXT_DAY = "the anchor's next day, counted in local time"


def _local_next_day(text: str, p: Parsed, anchor: date) -> bool:
    """'the ferry sank early Friday local time', in an article dated Thursday: the day is
    counted where it happened, less than a day from where the article is dated, so the weekday that
    follows the anchor is that next day and not the one six days before."""
    if p.modifier != "past" or p.weekday != (anchor + timedelta(days=1)).weekday():
        return False
    phrases = alternation(words()["local_time_phrases"], "i")
    # after the weekday, or inside the expression with its time of day ("2 a.m. local time on Friday")
    return bool(re.match(rf"\s*,?\s*\(?{phrases}\b", text[p.end:p.end + 30]) or re.search(rf"\b{phrases}\b", text[p.start:p.end]))


def _told_for_contrast(text: str, p: Parsed) -> bool:
    """'After a weak second quarter, the chain credited summer crowds': a quarter or half opened by
    "after" (an article and up to two words between) is the period before the one reported on."""
    openers = alternation(words()["focus_contrast_openers"], "i")
    return bool(re.search(rf"\b{openers}\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){{0,2}}$", text[max(0, p.start - 60):p.start], re.I))


def _one_day_per_weekday(out: list[TimeExpression], bare: dict[int, list[int]], anchor: date | None) -> list[TimeExpression]:
    """A weekday named with no last/next, read by its tenses as the day after the anchor in one place
    ("exemptions were set to expire Tuesday") and as that weekday a week before in another ("markets
    were closed Tuesday"): the mark of a copy written or updated a day after the date it carries (a
    file name's, a time zone's), or of a reading that is wrong. Nothing says which: all are left
    undated. Readings further apart ("said late Friday", "will visit Friday") are two days."""
    if anchor is None:
        return out
    next_day = anchor + timedelta(days=1)
    for at in bare.values():
        days = sorted({out[i].value for i in at if out[i].value})
        if days != [(next_day - timedelta(days=7)).isoformat(), next_day.isoformat()]:
            continue
        for i in at:
            out[i] = replace(out[i], value=None, precision=None, anchor=None, anchor_basis=None, anchor_source=None,
                             note=f"the article reads this weekday as two different days ({', '.join(days)}); left undated")
    return out


def _in_apposition(text: str, before: Parsed, p: Parsed, dated: TimeExpression) -> Precision | None:
    """'on May 2, the day before the storm': a phrase counted from an event that directly follows a
    date, set off by a comma, names that date again (TimeML dates it so); the unit it is dated at,
    or None. Without the date before it ("the day before the storm") it stays undated."""
    if dated.value is None or dated.precision != "day" or before.kind not in ("date", "weekday", "relday"):
        return None
    if text[before.end:p.start] != ", ":
        return None
    unit = words()["event_offset_units"].get(text[p.start:p.end].split()[-1].lower())
    return unit if unit is not None and dated.where.start == before.start else None


def _own_tense(text: str, p: Parsed) -> str | None:
    """'announced a timetable effective March 1': the day is when something takes effect, told by
    the word before it and not by the verb's tense; it is the occurrence nearest the anchor."""
    if p.kind != "date" or p.year is not None or p.day is None:
        return None
    before = re.search(r"([\w-]+)\s+$", text[max(0, p.start - 20):p.start])
    return "nearest" if before and before[1].lower() in words()["nearest_openers"] else None


DURATION_UNITS: dict[str, Precision] = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _in_so_long(text: str, p: Parsed) -> tuple[Precision, int] | None:
    """'will be redeemed in five years': "in" and a counted stretch, told in the future tense, is the
    time that far ahead of the anchor (in the past tense, "the first time in five years" is a
    stretch); the unit and count, or None."""
    m = re.fullmatch(r"P(\d+)([DWMY])", p.note)
    if m is None or not re.search(r"\bin\s+$", text[max(0, p.start - 4):p.start], re.I):
        return None
    return DURATION_UNITS[m[2]], int(m[1])


def _since_year_end(text: str, p: Parsed) -> bool:
    """'The change is since year-end': counted from the end of the last year, not of the anchor's
    (which has not come yet)."""
    w = words()
    phrase = " ".join(text[p.start:p.end].lower().split())
    return phrase in w["year_end_phrases"] and bool(re.search(r"\bsince\s+$", text[max(0, p.start - 8):p.start], re.I))


def _focus_weekday_step(text: str, p: Parsed) -> int:
    """'the previous Friday', 'the following Monday': a weekday counted from the day last named
    (-1 / +1), not from the anchor; 0 when the words do not say so."""
    m = re.search(rf"\bthe\s+(?P<w>{alternation(list(words()['weekday_focus']), 'i')})\s+$", text[max(0, p.start - 20):p.start], re.I)
    if m is None:
        m = re.match(rf"(?P<w>{alternation(list(words()['weekday_focus']), 'i')})\s+", text[p.start:p.end])
        if m is None or not re.search(r"\bthe\s+$", text[max(0, p.start - 6):p.start], re.I):
            return 0
    return int(words()["weekday_focus"][m["w"].lower()])


def _weekday_from(t: TimeExpression, p: Parsed, named: TimeExpression, step: int) -> TimeExpression:
    assert p.weekday is not None and named.value is not None
    base = date.fromisoformat(named.value)
    gap = ((base.weekday() - p.weekday) % 7 or 7) if step < 0 else ((p.weekday - base.weekday()) % 7 or 7)
    d = base + timedelta(days=gap * step)
    return replace(t, value=d.isoformat(), precision="day", anchor=None, anchor_basis=None, anchor_source=None,
                   note=f"counted from {named.expression}")


def _on_focus_day(t: TimeExpression, p: Parsed, named: TimeExpression) -> TimeExpression:
    """'later in the day', 'for the week': the day last named, or the week that holds it."""
    assert named.value is not None and p.unit is not None
    d = date.fromisoformat(named.value)
    return replace(t, value=fmt(d, p.unit), precision=p.unit, anchor=None, anchor_basis=None, anchor_source=None,
                   note=f"the day named before: {named.expression}")


ENDING = re.compile(r"\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+|in\s+)?$", re.I)


def _ending_on(text: str, p: Parsed, following: Parsed | None, anchor: date | None) -> date | None:
    """'the quarter ended Sept. 30': the quarter is the one that holds the date that follows."""
    if following is None or not ENDING.fullmatch(text[p.end:following.start]):
        return None
    start = first_day(following, anchor) if following.kind == "date" else None
    return start[0] if start and start[1] in ("day", "month") else None


def _period_start(t: TimeExpression) -> date:
    """The first day of a quarter or half ("2016-Q3" -> 2016-07-01)."""
    assert t.value is not None
    return date(int(t.value[:4]), (int(t.value[6]) - 1) * (3 if t.value[5] == "Q" else 6) + 1, 1)


def _period_end(t: TimeExpression) -> date:
    """The day after a quarter or half ends ("2016-Q3" -> 2016-10-01)."""
    assert t.value is not None
    return shift(_period_start(t), "month", 3 if t.value[5] == "Q" else 6)


def _from_named(t: TimeExpression, p: Parsed, named: TimeExpression) -> TimeExpression:
    """'that year', 'the following month': the date named before, at this unit, shifted."""
    assert p.unit is not None and named.value is not None and named.precision is not None
    order = ("day", "week", "month", "quarter", "half", "year")
    if named.precision not in order or order.index(named.precision) > order.index(p.unit):
        return t  # "the following day" after a year named: no day to count from
    v = named.value
    if named.precision == "day":
        d = date.fromisoformat(v)
    elif named.precision == "month":
        d = date(int(v[:4]), int(v[5:7]), 1)
    elif named.precision in ("quarter", "half"):  # "2016-Q3", "2016-H2": the part's first month
        d = date(int(v[:4]), (int(v[6]) - 1) * (3 if v[5] == "Q" else 6) + 1, 1)
    else:
        d = date(int(v[:4]), 1, 1)
    unit: Precision = p.unit  # type: ignore[assignment]
    value = fmt(shift(d, unit, p.count), unit)
    return replace(t, value=value, precision=unit, anchor=None, anchor_basis=None, anchor_source=None,
                   note=f"counted from {named.expression}")


def _from_focus(t: TimeExpression, p: Parsed, quarter: TimeExpression | None, named: TimeExpression | None) -> TimeExpression:
    """'the quarter' is the quarter last named; 'a year earlier' that period (or date) a year back."""
    if p.kind == "focus":
        if quarter is None or p.modifier == "current":
            return t
        if p.modifier == "completed" and t.anchor and _period_end(quarter) > date.fromisoformat(t.anchor):
            return t  # "the latest quarter" is not one still under way: the anchor's rule stands
        return replace(t, value=quarter.value, precision=quarter.precision, note=f"the period named before: {quarter.expression}")
    day = named if named is not None and named.precision == "day" else None
    base = quarter or (day if p.kind == "yearback" and "earlier" in t.expression.lower() else None)
    if base is None or base.value is None:
        return t
    value = f"{int(base.value[:4]) - 1:04d}{base.value[4:]}"
    if base.precision == "day":
        d = date.fromisoformat(base.value)
        value = shift(d, "year", -1).isoformat()
    return replace(t, value=value, precision=base.precision, note=f"a year before {base.expression}")


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
                r = resolve_parsed(t.parsed, a) if t.parsed else resolve(t.expression, a)
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
        p = t.parsed or _whole(t.expression)
        if p and p.kind == "date" and p.weekday is not None and t.precision == "day" and t.value:
            d = date.fromisoformat(t.value)
            if d.weekday() == p.weekday:
                paired.setdefault(p.weekday, set()).add(d)
    for i, t in enumerate(out):
        p = t.parsed or _whole(t.expression)
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
    p = t.parsed or _whole(t.expression)
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
        shifted = shift(d, p.unit, p.count)
        return replace(t, value=fmt(shifted, coarser("day", p.unit)), precision=coarser("day", p.unit), note=note)
    return replace(t, value=d.isoformat(), precision="day", note=note)
