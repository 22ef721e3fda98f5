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

from generator.extract import tense
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
    part: str | None = None  # a part of a year: "Q3", "H2", "SU"
    clock: str | None = None  # a time of day, "14:15"
    tense: str | None = None  # "future" / "past": the tense of the verb the time belongs to
    note: str = ""


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
        # "in August", and "the end of August": a part of the month names it as a date too
        openers = w["month_prepositions"] + [o for o in w["part_of_openers"] if o.endswith(" of")]
        # a sentence may begin with the preposition ("In January, ...")
        preps = "|".join(rf"(?<=\b{re.escape(o)}\s)" for p in openers for o in dict.fromkeys((p, p[:1].upper() + p[1:])))
        # "a June agreement", "the March meeting": a month naming which one of a thing
        # ("the May government": a month that is also a name is left to its other readings)
        preps += "|" + "|".join(rf"(?<=\b{re.escape(d)}\s)(?!{_alt(w['months_also_names'])}\b)(?=\S+\s+[a-z])" for d in w["month_determiners"])
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
            # "mid-1996": the year, not a range or a code
            ("year", re.compile(r"(?<=\bmid-)" + year + r"(?![-–—/]\d)", re.I)),
        ]
        self.relative = [
            ("weekday", re.compile(rf"\b(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:(?:['’]s)?\s+(?P<pod>{pod}))?\b")),
            ("weekday", re.compile(rf"\b(?:the\s+)?(?P<pod>{pod})\s+of\s+(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:\s+{pod})?\b")),
            ("month", re.compile(rf"\b(?:(?P<mod>{month_mods})[-\s]+|{preps})(?P<month>{full_months})\b(?!\s*\d)")),
            ("relday", re.compile(rf"\b(?P<phrase>{_alt(list(w['relative_days']), 'i')})\b")),
            ("relperiod", re.compile(rf"\b(?P<phrase>{_alt(list(w['relative_periods']), 'i')})\b")),
            ("recent", re.compile(rf"\b(?P<phrase>{_alt(list(w['recent_periods']), 'i')})\b")),
            ("ago", re.compile(rf"\b(?P<n>{num})\s+(?P<unit>{unit})\s+{_alt(w['ago_words'], 'i')}\b")),
            ("period", re.compile(rf"\b{period}\b", re.I)),
        ]
        self.timeml = _timeml_patterns(w, num, unit, year)
        self.part_of = re.compile(rf"\b(?:{_alt(w['part_of_openers'], 'i')})[\s-]+(?:the\s+)?$")
        self.offset = re.compile(
            rf"(?:\b(?P<n>{num})\s+(?P<unit>{unit})|\bthe\s+(?P<unit1>{one_unit}))\s+"
            rf"(?P<dir>{directions})\s+(?:the\s+)?$"
        )


def _timeml_patterns(w: dict[str, Any], num: str, unit: str, year: str) -> list[tuple[str, re.Pattern[str]]]:
    """The TimeML classes beyond days, months and years; each rule's data says which phrases."""
    qord = _alt(list(w["quarter_ordinals"]), "i")
    hord = _alt(list(w["half_ordinals"]), "i")
    poss = _alt(list(w["year_possessives"]), "i")
    fill = _alt(w["quarter_fillers"], "i")
    seasons = _alt(list(w["seasons"]), "i")
    smods = _alt([m for m in w["season_modifiers"] if m], "i")
    wemods = _alt(list(w["weekend_modifiers"]), "i")
    zones = _alt(w["time_zones"])
    mer = r"(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
    tens, teens, ones = (_alt(list(w[k]), "i") for k in ("number_tens", "number_teens", "number_ones"))
    centuries = _alt(list(w["year_centuries"]), "i")
    yy = rf"(?:{tens}(?:[\s-]{ones})?|{teens}|oh[\s-]{ones})"
    dunits = _alt(list(w["duration_units"]), "i")
    dnum = rf"(?:\d{{1,3}}(?:\.\d+)?|{tens}[\s-]{ones}|{_alt(list(w['numbers']), 'i')}|{teens}|{_alt(w['duration_vague'], 'i')})"
    dopen = _alt(w["duration_openers"], "i")
    back = _alt(w["year_back"], "i")
    back_nouns = _alt(w["year_back_nouns"], "i")
    spelled_year = rf"(?:{centuries}[\s-]{yy}|two\s+thousand(?:\s+(?:and\s+)?(?:{teens}|{ones}))?)"
    return [
        ("quarter", re.compile(
            rf"\b(?:the\s+)?(?:(?P<poss>{poss})\s+|(?P<pyear>\d{{4}})\s+)?(?:{fill}[\s-]+)?(?P<ord>{qord})[\s-]+(?:{fill}[\s-]+)?quarter"
            rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?:{year}|(?P<rel>this|last|next)\s+year))?\b", re.I)),
        ("half", re.compile(
            rf"\b(?:the\s+)?(?:(?P<poss>{poss})\s+|(?P<pyear>\d{{4}})\s+)?(?P<ord>{hord})[\s-]+half"
            rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?:{year}|(?P<rel>this|last|next)\s+year|(?P<the>the|this)\s+year))?\b", re.I)),
        ("relfocus", re.compile(rf"\b(?P<open>{_alt(list(w['focus_openers']), 'i')})\s+(?P<unit>{_alt(w['focus_units'], 'i')})\b(?!\s+(?:of|before|after|earlier|later|ago|or)\b|['’-])")),
        ("focus", re.compile(rf"\b(?P<phrase>{_alt(list(w['focus_quarters']), 'i')})\b(?!\s+of\b)")),
        # "the 1988 period", "its 1988 quarter": the period in focus, in the year named
        ("yearfocus", re.compile(rf"\b(?:the|its|their)\s+{year}\s+(?:{_alt(w['year_focus_nouns'], 'i')})\b")),
        ("yearback", re.compile(rf"\b(?:(?:the|a)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<phrase>{back})(?:\s+(?P<noun>{back_nouns}))?\b", re.I)),
        ("yearback", re.compile(rf"\b(?P<phrase>{_alt(w['year_back_phrases'], 'i')})\b")),
        ("season", re.compile(
            rf"\b(?:(?P<mod>{smods})\s+)?(?P<season>{seasons})\b(?:\s+(?:of\s+)?(?:{year}|(?P<spelled>{spelled_year})))?", re.I)),
        ("weekend", re.compile(rf"\b(?P<mod>{wemods})\s+weekend\b", re.I)),
        ("anchorperiod", re.compile(rf"\b(?P<phrase>{_alt(list(w['anchor_periods']), 'i')})\b")),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<mer>{mer})(?:\s+(?P<zone>{zones})\b)?", re.I)),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<zone>{zones})\b")),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<zone>{zones})\b")),
        ("clock", re.compile(rf"\b(?P<word>{_alt(list(w['clock_words']), 'i')})\b")),
        ("numeric", re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)")),
        ("monthyear", re.compile(
            rf"\b(?P<month>{_alt([m for m in w['months'] if len(m) > 3])})\s+(?:(?P<rel>this|last|next)\s+year\b|(?:of\s+)?(?P<spelled>{spelled_year})\b)")),
        ("spelled", re.compile(rf"\b(?:the\s+year\s+)?(?P<words>{spelled_year})\b", re.I)),
        ("decadeword", re.compile(rf"\b(?:the\s+)(?:(?P<part>{_alt(w['decade_parts'], 'i')})[-\s]?)?(?:(?P<word>{_alt(list(w['decade_words']), 'i')})|['’](?P<yy>\d0)s)\b", re.I)),
        ("vague", re.compile(rf"\b(?:the\s+)?(?P<phrase>{_alt(list(w['vague_references']), 'i')})\b")),
        ("set", re.compile(rf"\b(?:(?:{_alt(w['set_openers'], 'i')})\s+(?:other\s+)?(?:{_alt(list(w['duration_units']) + w['set_units'], 'i')}|{_alt(list(w['months']))}|{_alt(list(w['weekdays']))}){'|' + _alt(w['set_words'], 'i') if w['set_words'] else ''})\b")),
        ("named", re.compile(rf"\b(?P<name>{_alt(list(w['named_days']))})(?:['’]s)?\b")),
        ("duration", re.compile(
            rf"\b(?:(?:{dopen})\s+)?(?P<n>{dnum})[\s-](?:(?:{_alt(w['duration_fillers'], 'i')})\s+)?(?P<unit>{dunits})\b(?:[\s-]long\b)?(?![\s-]old\b)"
            rf"(?!\s+(?:{_alt(w['ago_words'], 'i')})\b)", re.I)),
    ]


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns()


def _number(text: str) -> int:
    text = " ".join(text.lower().replace("-", " ").split())
    if text.isdigit():
        return int(text)
    w = words()
    if text in w["numbers"]:
        return int(w["numbers"][text])
    if text in w["number_teens"]:
        return int(w["number_teens"][text])
    tens, _, ones = text.partition(" ")
    return int(w["number_tens"][tens]) + (int(w["number_ones"][ones]) if ones else 0)


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
            if _modifies_noun(token):
                return True
            if token.dep_ == "nummod" and token.head.text not in words()["months"]:
                return False
    return wanted


def _modifies_noun(token: Any) -> bool:
    """'the 1987 crash', 'his failed 1996 campaign', 'the 2000 Olympics': after a determiner or an
    adjective, a number before a singular or proper noun names which one; a count would take a
    plural common noun ("the 1500 troops")."""
    if token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    prev, nxt = token.nbor(-1), token.nbor(1)
    return prev.tag_ in words()["year_modifier_tags"] and nxt.tag_ in ("NN", "NNP", "NNPS")


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


def _spelled_year(text: str) -> int | None:
    w = words()
    parts = re.split(r"[\s-]+", text.lower())
    if parts[:2] == ["the", "year"]:
        parts = parts[2:]
    if parts[:2] == ["two", "thousand"]:
        rest = [x for x in parts[2:] if x != "and"]
        value = {**w["number_teens"], **w["number_ones"]}.get(rest[0], 0) if rest else 0
        return 2000 + value
    century = w["year_centuries"].get(parts[0])
    if century is None:
        return None
    rest = parts[1:]
    if rest and rest[0] == "oh":
        return century * 100 + w["number_ones"][rest[1]]
    if rest and rest[0] in w["number_teens"]:
        return century * 100 + w["number_teens"][rest[0]]
    tens = w["number_tens"].get(rest[0], 0) if rest else 0
    ones = w["number_ones"].get(rest[1], 0) if len(rest) > 1 else 0
    return century * 100 + tens + ones


def _year_of(g: dict[str, Any]) -> tuple[int | None, int | None]:
    """An explicit year (absolute) or a shift of the anchor's year, from "1990", "next year's"."""
    for key in ("year", "pyear"):
        if g.get(key):
            return int(g[key]), None
    if g.get("poss"):
        return None, int(words()["year_possessives"][" ".join(g["poss"].lower().split())])
    if g.get("rel"):
        return None, {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    if g.get("the"):
        return None, 0
    return None, None


def _timeml_match(kind: str, m: re.Match[str]) -> Parsed | None:
    w = words()
    g = m.groupdict()
    start, end = m.span()
    if kind in ("quarter", "half"):
        year, shift = _year_of(g)
        table = w["quarter_ordinals" if kind == "quarter" else "half_ordinals"]
        part = ("Q" if kind == "quarter" else "H") + str(table[g["ord"].lower()])
        return Parsed(kind, start, end, year=year, count=shift if shift is not None else 0,
                      modifier="shift" if shift is not None else None, part=part)
    if kind == "relfocus":
        shift = int(w["focus_openers"][" ".join(g["open"].lower().split())])
        return Parsed(kind, start, end, unit=g["unit"].lower(), count=shift)
    if kind == "focus":
        return Parsed(kind, start, end, modifier=w["focus_quarters"][" ".join(g["phrase"].lower().split())])
    if kind == "yearback":
        return Parsed(kind, start, end, unit="year", count=-1)
    if kind == "season":
        mod = " ".join((g.get("mod") or "").lower().split())
        year = int(g["year"]) if g.get("year") else (_spelled_year(g["spelled"]) if g.get("spelled") else None)
        if not mod and year is None:
            return None  # a bare "fall" or "spring" is as often a verb or a noun
        return Parsed(kind, start, end, year=year, modifier=w["season_modifiers"].get(mod, "") or None,
                      part=w["seasons"][g["season"].lower()])
    if kind == "weekend":
        return Parsed(kind, start, end, modifier=w["weekend_modifiers"][" ".join(g["mod"].lower().split())])
    if kind == "anchorperiod":
        unit, count = w["anchor_periods"][" ".join(g["phrase"].lower().split())]
        return Parsed("relperiod", start, end, unit=unit, count=int(count))
    if kind == "clock":
        if g.get("word"):
            return Parsed(kind, start, end, clock=w["clock_words"][g["word"].lower()])
        hour, minute = int(g["h"]), int(g["m"] or 0)
        mer = w["meridiems"].get((g.get("mer") or "").lower().rstrip(".") + ("." if (g.get("mer") or "").endswith(".") else ""))
        mer = mer or ("pm" if (g.get("mer") or "").lower().startswith("p") else "am" if g.get("mer") else None)
        if mer and not 1 <= hour <= 12:
            return None
        if mer == "pm" and hour != 12:
            hour += 12
        elif mer == "am" and hour == 12:
            hour = 0
        return Parsed(kind, start, end, clock=f"{hour:02d}:{minute:02d}")
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), g["y"]
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
        order = w["numeric_dates"]["dotted" if g["sep"] == "." else "slashed"]
        if order == "dmy" or a > 12:
            day, month = a, b
        elif b > 12:
            day, month = b, a
        elif a == b:
            day, month = a, b
        else:
            return Parsed("date", start, end, year=year, note=f"day and month order unknown: {year}-{a:02d}-{b:02d} or {year}-{b:02d}-{a:02d}")
        if not 1 <= month <= 12 or not _in_years(year) or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return Parsed("date", start, end, year=year, month=month, day=day)
    if kind == "yearfocus":
        year = int(g["year"])
        return Parsed(kind, start, end, year=year) if _in_years(year) else None
    if kind == "monthyear":
        month = _month(g["month"])
        if g.get("spelled"):
            year = _spelled_year(g["spelled"])
            return Parsed("date", start, end, year=year, month=month) if year and _in_years(year) else None
        return Parsed("month", start, end, month=month, modifier="year_shift", count={"this": 0, "last": -1, "next": 1}[g["rel"].lower()])
    if kind == "spelled":
        year = _spelled_year(g["words"])
        return Parsed("year", start, end, year=year, note="in words") if year and _in_years(year) else None
    if kind == "decadeword":
        digit = int(g["yy"][0]) if g.get("yy") else int(w["decade_words"][g["word"].lower()])
        return Parsed("decadeword", start, end, count=digit)
    if kind == "set":
        return Parsed("set", start, end, note="a set of times (TimeML SET)")
    if kind == "vague":
        return Parsed("vague", start, end, note=w["vague_references"][" ".join(g["phrase"].lower().split())])
    if kind == "named":
        name = g["name"]
        return Parsed("named", start, end, note=name)
    if kind == "duration":
        n = g["n"].lower()
        unit = w["duration_units"][g["unit"].lower()]
        try:
            amount = str(_number(n)) if not re.fullmatch(r"\d+(?:\.\d+)?", n) else n
        except (KeyError, ValueError):
            amount = "X"
        return Parsed("duration", start, end, note=f"P{'T' if unit.startswith('T') else ''}{amount}{unit[-1] if unit != 'DE' else 'DE'}")
    return None


def find(text: str, doc: Any = None) -> list[Parsed]:
    """Every time expression in a paragraph, longest first where they overlap, in text order."""
    pats = _patterns()
    found: list[Parsed] = []
    rules = [(k, pat, _from_match) for k, pat in pats.dated] + [(k, pat, _timeml_match) for k, pat in pats.timeml]
    rules += [(k, pat, _from_match) for k, pat in pats.relative]
    for kind, pattern, read in rules:
        for m in pattern.finditer(text):
            parsed = read(kind, m)
            if parsed is None:
                continue
            if parsed.kind == "year" and parsed.note != "in words" and not _year_context(text, parsed.start, parsed.end, doc):
                continue
            if kind in ("relday", "relperiod", "recent") and _inside_name(text, parsed.start):
                continue
            found.append(parsed)
    chosen: list[Parsed] = []
    for p in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(p.end <= c.start or p.start >= c.end for c in chosen):
            chosen.append(p)
    chosen.sort(key=lambda p: p.start)
    placed = [_with_part_of(text, _with_offset(text, p)) for p in chosen]
    # "two days before the May 5 vote": the count is part of the offset; before a clause
    # ("several months before he took office") it stays a duration of its own.
    offsets = [p for p in placed if p.kind == "offset"]
    placed = [p for p in placed if p.kind != "duration" or not any(o.start <= p.start and p.end <= o.end for o in offsets)]
    return _with_clocks(text, placed)


DATED_PARTS = ("date", "month", "year", "decade", "relperiod", "weekday", "quarter", "half", "season", "relday")


def _with_part_of(text: str, p: Parsed) -> Parsed:
    """'the end of November', 'late last week': a part of a period is dated as the period, and the
    expression covers the words that say which part."""
    if p.kind not in DATED_PARTS:
        return p
    m = _patterns().part_of.search(text[max(0, p.start - 30):p.start])
    return replace(p, start=max(0, p.start - 30) + m.start()) if m else p


CLOCK_JOINS = re.compile(r"\s*(?:,\s*)?(?:(?:at|on|of)\s+)?(?:the\s+)?$", re.I)
DATED = ("date", "weekday", "relday", "named")


def _with_clocks(text: str, found: list[Parsed]) -> list[Parsed]:
    """'3 p.m. Tuesday', 'Tuesday at 3 p.m.', 'Mon Mar 3, 2014 9:12am GMT': one expression, the
    day's, with the time of day kept beside it."""
    out: list[Parsed] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and {prev.kind, p.kind} & {"clock"} and (prev.kind in DATED or p.kind in DATED) \
                and CLOCK_JOINS.fullmatch(text[prev.end:p.start]):
            day, clock = (prev, p) if p.kind == "clock" else (p, prev)
            if day.clock is None and clock.kind == "clock":
                out[-1] = replace(day, start=prev.start, end=p.end, clock=clock.clock)
                continue
        out.append(p)
    return out


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

SEASON_OF_MONTH = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def _fmt(d: date, precision: str) -> str:
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
    the anchor (or, in the future tense, the first that has not ended by it)."""
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
        return max(d for d in starts if _shift(d, "month", length) <= anchor)
    if p.modifier == "next" or (tense == "future" and p.kind == "season"):
        return min(d for d in starts if _shift(d, "month", length) > anchor and (p.modifier != "next" or d > anchor))
    return max(d for d in starts if d <= anchor)


def _year_for(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    """A day and month without a year: after the anchor in the future tense; otherwise the latest
    on or before it unless the next is much closer. The past tense moves a day back only from far
    ahead: "has set Nov. 10 as the deadline" is past and names a day to come."""
    w = words()
    options = [date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if day <= calendar.monthrange(y, month)[1]]
    if not options:
        return None
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


def _named_day(name: str, year: int) -> date | None:
    rule = words()["named_days"].get(name)
    if not rule:
        return None
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    first = date(year, rule["month"], 1)
    d = first + timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (rule["nth"] - 1))
    return d + timedelta(days=rule.get("offset", 0))


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
    if modifier == "future_or_today":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if modifier == "same_week":
        return anchor + timedelta(days=weekday - anchor.weekday())
    return anchor - timedelta(days=diff)


def _start(p: Parsed, anchor: date | None) -> tuple[date, Any, bool, str] | None:
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
        return min(options, key=lambda d: (abs((d - anchor).days), d)), "day", True, f"{p.note} by its rule"
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
        base = _start(p.base, anchor)
        if base is None:
            return None
        d, precision, anchored, note = base
        return _shift(d, p.unit, p.count), coarser(precision, p.unit), anchored, note
    if anchor is None:
        return None
    if p.kind == "weekday":
        assert p.weekday is not None
        modifier = "future_or_today" if p.modifier == "past" and tense in ("future", "present") else p.modifier
        return _weekday_date(p.weekday, modifier, anchor), "day", True, "the verb's tense points ahead" if modifier != p.modifier else ""
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
        elif tense == "future":
            year = anchor.year + (p.month < anchor.month)
        else:  # the latest on or before the anchor, unless the next is much closer
            back = (anchor.month - p.month) % 12
            ahead = 12 - back if back else 0
            bias = 2 if tense == "past" else -int(words()["past_bias_months"])
            year = anchor.year - (p.month > anchor.month)
            if back and (ahead <= bias if tense == "past" else ahead < back + bias):
                year += 1
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
    if p.kind == "duration":
        return Resolution(p.note, None, False, note="a duration")
    if p.kind == "vague":
        return Resolution(p.note, None, False, note="a vague reference, not a date")
    if p.kind == "set":
        return Resolution(None, None, False, note=p.note)
    if p.kind in ("focus", "yearback") and anchor is not None:
        return _fallback_focus(p, anchor)
    if p.kind == "relfocus":
        return Resolution(None, None, False, note="counted from a date the article names; none named before it")
    try:
        start = _start(p, anchor)
    except (ValueError, OverflowError):  # arithmetic beyond the calendar: leave it unresolved
        return Resolution(None, None, False, note="outside the calendar")
    if start is None:
        return Resolution(None, None, False, note="needs the article's date" if anchor is None else "")
    d, precision, anchored, note = start
    if precision == "weekend":
        return Resolution(_weekend(d), "week", anchored, None, note)
    end = _fmt(date(p.end_year, 1, 1), precision) if p.kind == "range" and p.end_year else None
    return Resolution(_fmt(d, precision), precision, anchored, end, note)


def _quarter_before(anchor: date) -> date:
    current = date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
    return _shift(current, "month", -3)


def _fallback_focus(p: Parsed, anchor: date) -> Resolution:
    """A focus phrase with no period named before it: the anchor's quarters, or abstain."""
    if p.kind == "yearback":
        return Resolution(str(anchor.year - 1), "year", True, note="the anchor's year before")
    if p.modifier in ("latest", "completed"):
        return Resolution(_fmt(_quarter_before(anchor), "quarter"), "quarter", True, note="the latest quarter ended before the anchor")
    if p.modifier == "current":
        return Resolution(_fmt(date(anchor.year, anchor.month, 1), "quarter"), "quarter", True, note="the anchor's quarter")
    return Resolution(None, None, False, note="no period named before it")


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
        clock=p.clock,
    )


FOCUS_PARAGRAPHS = 3  # how far back a named period stays the article's focus


def extract(article: Article, docs: Sequence[Any]) -> tuple[TimeExpression, ...]:
    anchor = _anchor(article)
    out: list[TimeExpression] = []
    # TimeML's temporal focus: the period the article last named, for "the quarter" and "a year earlier".
    quarter: tuple[TimeExpression, int] | None = None
    named: tuple[TimeExpression, int] | None = None
    day: tuple[TimeExpression, int] | None = None  # the day last named, weekdays included
    for i, paragraph in enumerate(article.paragraphs):
        doc = docs[i] if i < len(docs) else None
        found = find(paragraph.text, doc)
        for k, p in enumerate(found):
            p = replace(p, tense=tense.of(p.start, p.end, doc))
            where = Where(article.id, paragraph.n, p.start, p.end)
            t = _expression(paragraph.text, p, where, anchor, article.published_basis)
            near_q = quarter[0] if quarter and paragraph.n - quarter[1] <= FOCUS_PARAGRAPHS else None
            near = named[0] if named and paragraph.n - named[1] <= FOCUS_PARAGRAPHS else None
            ended = _ending_on(paragraph.text, p, found[k + 1] if k + 1 < len(found) else None, anchor)
            if p.kind == "focus" and ended is not None:
                t = replace(t, value=_fmt(ended, "quarter"), precision="quarter", note="the quarter that ends on the date named after it")
            elif p.kind in ("focus", "yearback") or (p.kind == "ago" and p.unit == "year" and p.count == 1):
                t = _from_focus(t, p, near_q, near)
            elif p.kind == "weekday" and day is not None and paragraph.n - day[1] <= FOCUS_PARAGRAPHS \
                    and (step := _focus_weekday_step(paragraph.text, p)):
                t = _weekday_from(t, p, day[0], step)
            elif p.kind == "yearfocus" and near_q is not None and near_q.value:
                t = replace(t, value=f"{p.year:04d}{near_q.value[4:]}", precision=near_q.precision,
                            note=f"the period named before ({near_q.expression}) in the year named")
            elif p.kind == "relfocus" and near is not None:
                t = _from_named(t, p, near)
            out.append(t)
            if (p.kind in ("quarter", "half") or (p.kind == "focus" and ended is not None)) and t.value:
                quarter = (t, paragraph.n)
            if t.value and t.precision == "day" and p.kind in ("date", "weekday", "relday"):
                day = (t, paragraph.n)
            if t.value and t.precision in ("day", "month", "quarter", "half", "year") and p.kind in ("date", "quarter", "half", "month", "year"):
                named = (t, paragraph.n)
    return tuple(out)


def _focus_weekday_step(text: str, p: Parsed) -> int:
    """'the previous Friday', 'the following Monday': a weekday counted from the day last named
    (-1 / +1), not from the anchor; 0 when the words do not say so."""
    m = re.search(rf"\bthe\s+(?P<w>{_alt(list(words()['weekday_focus']), 'i')})\s+$", text[max(0, p.start - 20):p.start], re.I)
    if m is None:
        m = re.match(rf"(?P<w>{_alt(list(words()['weekday_focus']), 'i')})\s+", text[p.start:p.end])
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


ENDING = re.compile(r"\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+|in\s+)?$", re.I)


def _ending_on(text: str, p: Parsed, following: Parsed | None, anchor: date | None) -> date | None:
    """'the quarter ended Sept. 30': the quarter is the one that holds the date that follows."""
    if following is None or not ENDING.fullmatch(text[p.end:following.start]):
        return None
    start = _start(following, anchor) if following.kind == "date" else None
    return start[0] if start and start[1] in ("day", "month") else None


def _period_end(t: TimeExpression) -> date:
    """The day after a quarter or half ends ("2016-Q3" -> 2016-10-01)."""
    assert t.value is not None
    months = 3 if t.value[5] == "Q" else 6
    return _shift(date(int(t.value[:4]), (int(t.value[6]) - 1) * months + 1, 1), "month", months)


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
    value = _fmt(_shift(d, unit, p.count), unit)
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
        value = _shift(d, "year", -1).isoformat()
    return replace(t, value=value, precision=base.precision, note=f"a year before {base.expression}")


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
