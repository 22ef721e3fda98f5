"""Recognising time expressions: what the words say, before any anchor is applied.

Recognition is by rules built from `data/time_words.yml`, never by a date library's
free-text search (which finds dates in "may", "now" and "24/7").
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from generator import lexicon
from generator.model import Parsed, Precision


@functools.cache
def words() -> dict[str, Any]:
    return lexicon.read("time_words")


def alternation(names: Sequence[str], flags: str = "") -> str:
    # Longest first, so "Sept" wins over "Sep" and "last night" over "last".
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda n: (-len(n), n)))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# "the year-old inquiry", "a today-only offer": a time word joined by a hyphen to the next word makes
# an adjective of it, not a time
JOINED = r"(?![-‐]\w)"


class _Patterns:
    def __init__(self) -> None:
        w = words()
        months = alternation(list(w["months"]))
        # A bare month name ("in August") must be written out: an abbreviation is the start of
        # a longer name of the same month ("Aug" of "August"), and alone it is too often a word.
        full_months = alternation([m for m, n in w["months"].items()
                            if not any(o != m and o.startswith(m) and k == n for o, k in w["months"].items())])
        days = alternation(list(w["weekdays"]))
        pod = alternation(w["parts_of_day"], "i")
        num = rf"(?:\d{{1,3}}|{alternation(list(w['numbers']), 'i')})"
        unit = alternation(list(w["units"]), "i")
        mods = alternation(list(w["weekday_modifiers"]), "i")
        wd_prefix = rf"(?:(?P<wd>{days})(?:\s+(?P<pod>{pod}))?,?\s+(?:the\s+)?)?"
        year = r"(?P<year>\d{4})(?![\w%@]|[.,]\d)"
        # "in August", and "the end of August": a part of the month names it as a date too
        openers = w["month_prepositions"] + [o for o in w["part_of_openers"] if o.endswith(" of")]
        # a sentence may begin with the preposition ("In January, ...")
        preps = "|".join(rf"(?<=\b{re.escape(o)}\s)" for p in openers for o in dict.fromkeys((p, p[:1].upper() + p[1:])))
        # "a February timetable", "the March ballot": a month naming which one of a thing
        # ("the May government": a month that is also a name is left to its other readings)
        preps += "|" + "|".join(rf"(?<=\b{re.escape(d)}\s)(?!{alternation(w['months_also_names'])}\b)(?=\S+\s+[a-z])" for d in w["month_determiners"])
        month_mods = alternation(list(w["month_modifiers"]), "i")
        directions = alternation(list(w["offset_directions"]), "i")
        # "the day before" counts one; "the years before" is a vague stretch, not a count.
        one_unit = alternation([u for u in w["units"] if not u.endswith("s")], "i")
        period = rf"(?:{alternation(w['period_openers'], 'i')})\s+(?P<span>the\s+(?:{alternation(w['period_words'], 'i')})\s+(?P<n>{num})\s+(?P<unit>{unit}))"
        self.dated = [
            ("mdy", re.compile(rf"\b{wd_prefix}(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                               rf"(?:\s?[-–]\s?(?P<endday>\d{{1,2}})\b(?![-–/.,]\d))?(?:,?\s+{year})?")),
            ("dmy", re.compile(rf"\b{wd_prefix}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{months})\b\.?(?:,?\s+{year})?")),
            # "June 2019", "June of 2019"
            ("my", re.compile(rf"\b(?P<month>{months})\.?,?\s+(?:of\s+)?{year}")),
            ("iso", re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")),
            ("range", re.compile(r"(?<![\w@#$£€.,/'’-])(?P<year>\d{4})\s?[-–—]\s?(?P<end>\d{4}|\d{2})(?![\w%/-]|[.,]\d)")),
            ("decade", re.compile(rf"\b(?:the\s+)?(?:(?P<part>{alternation(w['decade_parts'], 'i')})[-\s]?)?(?P<year>\d{{3}}0)['’]?s\b", re.I)),
            ("year", re.compile(r"(?<![\w@#$£€.,/'’:-])" + year + r"(?![-–—/]\d)")),
            # "mid-1996": the year, not a range or a code
            ("year", re.compile(r"(?<=\bmid-)" + year + r"(?![-–—/]\d)", re.I)),
        ]
        self.relative = [
            ("weekday", re.compile(rf"\b(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:(?:['’]s)?\s+(?P<pod>{pod}))?\b")),
            ("weekday", re.compile(rf"\b(?:the\s+)?(?P<pod>{pod})\s+of\s+(?:(?P<mod>{mods})\s+)?(?P<wd>{days})(?:\s+{pod})?\b")),
            ("month", re.compile(rf"\b(?:(?P<mod>{month_mods})[-\s]+|{preps})(?P<month>{full_months})\b(?!\s*\d)")),
            # "February's timetable": a month's own things (not a name's: "May's government")
            ("month", re.compile(rf"\b(?!{alternation(w['months_also_names'])}\b)(?P<mod>)(?P<month>{full_months})(?=['’]s\s+[a-z])")),
            ("relday", re.compile(rf"\b(?P<phrase>{alternation(list(w['relative_days']), 'i')})\b{JOINED}")),
            ("relperiod", re.compile(rf"\b(?P<phrase>{alternation(list(w['relative_periods']), 'i')})\b{JOINED}")),
            ("recent", re.compile(rf"\b(?P<phrase>{alternation(list(w['recent_periods']), 'i')})\b{JOINED}")),
            ("ago", re.compile(rf"\b(?P<n>{num})\s+(?P<unit>{unit})\s+{alternation(w['ago_words'], 'i')}\b")),
            ("period", re.compile(rf"\b{period}\b", re.I)),
        ]
        self.timeml = _timeml_patterns(w, num, unit, year)
        self.part_of = re.compile(rf"\b(?:{alternation(w['part_of_openers'], 'i')})[\s-]+(?:the\s+)?$")
        self.offset = re.compile(
            rf"(?:\b(?P<n>{num})\s+(?P<unit>{unit})|\bthe\s+(?P<unit1>{one_unit}))\s+"
            rf"(?P<dir>{directions})\s+(?:the\s+)?$"
        )


def _timeml_patterns(w: dict[str, Any], num: str, unit: str, year: str) -> list[tuple[str, re.Pattern[str]]]:
    """The TimeML classes beyond days, months and years; each rule's data says which phrases."""
    qord = alternation(list(w["quarter_ordinals"]), "i")
    hord = alternation(list(w["half_ordinals"]), "i")
    quarters = alternation(list(w["halves_as_quarters"]), "i")
    poss = alternation(list(w["year_possessives"]), "i")
    fill = alternation(w["quarter_fillers"], "i")
    seasons = alternation(list(w["seasons"]), "i")
    smods = alternation([m for m in w["season_modifiers"] if m], "i")
    wemods = alternation(list(w["weekend_modifiers"]), "i")
    zones = alternation(w["time_zones"])
    mer = r"(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
    tens, teens, ones = (alternation(list(w[k]), "i") for k in ("number_tens", "number_teens", "number_ones"))
    centuries = alternation(list(w["year_centuries"]), "i")
    yy = rf"(?:{tens}(?:[\s-]{ones})?|{teens}|oh[\s-]{ones})"
    dunits = alternation(list(w["duration_units"]), "i")
    dnum = rf"(?:\d{{1,3}}(?:\.\d+)?|{tens}[\s-]{ones}|{alternation(list(w['numbers']), 'i')}|{teens}|{alternation(w['duration_vague'], 'i')})"
    dopen = alternation(w["duration_openers"], "i")
    back = alternation(w["year_back"], "i")
    back_nouns = alternation(w["year_back_nouns"], "i")
    day_preps = "|".join(rf"(?<=\b(?i:{re.escape(x)})\s)" for x in w["focus_day_prepositions"])
    code_preps = "|".join(rf"(?<=\b(?i:{re.escape(x)})\s)" for x in w["period_code_openers"])
    then_preps = "|".join(rf"(?<=\b(?i:{re.escape(x)})\s)" for x in w["then_openers"])
    spelled_year = rf"(?:{centuries}[\s-]{yy}|two\s+thousand(?:\s+(?:and\s+)?(?:{teens}|{ones}))?)"
    return [
        ("quarter", re.compile(
            rf"\b(?:the\s+)?(?:(?P<poss>{poss})\s+|(?P<pyear>\d{{4}})\s+)?(?:{fill}[\s-]+)?(?P<ord>{qord})[\s-]+(?:{fill}[\s-]+)?quarter"
            rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?:{year}|(?P<rel>this|last|next)\s+year))?\b", re.I)),
        ("half", re.compile(
            rf"\b(?:the\s+)?(?:(?P<poss>{poss})\s+|(?P<pyear>\d{{4}})\s+)?(?:(?P<ord>{hord})[\s-]+half|(?P<quarters>{quarters}))"
            rf"(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?:{year}|(?P<rel>this|last|next)\s+year|(?P<the>the|this)\s+year))?\b", re.I)),
        # "Q3 2021", "H1'22", "in Q3": a quarter or half in its short form (a bare code only after a
        # word that opens a period, so that a model name stays a name)
        ("qcode", re.compile(
            rf"(?<![\w-])(?P<qh>Q[1-4]|H[12])(?:(?:\s+|\s*[-/]\s*)(?P<year>\d{{4}})|\s*['’](?P<yy>\d{{2}}))(?![\w-])")),
        ("qcode", re.compile(rf"(?:{code_preps})(?P<qh>Q[1-4]|H[12])(?![\w-])")),
        # "FY2022", "FY 2022", "FY22": a fiscal year, dated as the year it names (TimeML)
        ("fycode", re.compile(r"(?<![\w-])FY\s?(?:(?P<year>\d{4})|(?P<yy>\d{2}))(?![\w-])")),
        ("relfocus", re.compile(rf"\b(?P<open>{alternation(list(w['focus_openers']), 'i')})\s+(?P<unit>{alternation(w['focus_units'], 'i')})\b(?!\s+(?:of|before|after|earlier|later|ago|or)\b|['’-])")),
        # ("the quarter-to-quarter comparison", "the period-end rate": a word made with the noun is no period)
        ("focus", re.compile(rf"\b(?P<phrase>{alternation(list(w['focus_quarters']), 'i')})\b(?!\s+of\b|[-‐])")),
        # "the 2021 period", "its 2021 quarter": the period in focus, in the year named
        ("yearfocus", re.compile(rf"\b(?:the|its|their)\s+{year}\s+(?:{alternation(w['year_focus_nouns'], 'i')})\b")),
        ("yearback", re.compile(rf"\b(?:(?:the|a)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<phrase>{back})(?:\s+(?P<noun>{back_nouns}))?\b", re.I)),
        ("yearback", re.compile(rf"\b(?P<phrase>{alternation(w['year_back_phrases'], 'i')})\b")),
        ("season", re.compile(
            rf"\b(?:(?P<mod>{smods})\s+)?(?P<season>{seasons})\b(?:\s+(?:of\s+)?(?:{year}|(?P<spelled>{spelled_year})))?", re.I)),
        ("weekend", re.compile(rf"\b(?P<mod>{wemods})\s+weekend\b", re.I)),
        ("anchorperiod", re.compile(rf"\b(?P<phrase>{alternation(list(w['anchor_periods']), 'i')})\b{JOINED}")),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<mer>{mer})(?:\s+(?P<zone>{zones})\b)?", re.I)),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<zone>{zones})\b")),
        ("clock", re.compile(rf"(?<![\w:.])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<zone>{zones})\b")),
        ("clock", re.compile(rf"\b(?P<word>{alternation(list(w['clock_words']), 'i')})\b")),
        ("numeric", re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.,]\d)")),
        ("monthyear", re.compile(
            rf"\b(?P<month>{alternation([m for m in w['months'] if len(m) > 3])})\s+(?:(?P<rel>this|last|next)\s+year\b|(?:of\s+)?(?P<spelled>{spelled_year})\b)")),
        ("spelled", re.compile(rf"\b(?:the\s+year\s+)?(?P<words>{spelled_year})\b", re.I)),
        ("decadeword", re.compile(rf"\b(?:the\s+)(?:(?P<part>{alternation(w['decade_parts'], 'i')})[-\s]?)?(?:(?P<word>{alternation(list(w['decade_words']), 'i')})|['’](?P<yy>\d0)s)\b", re.I)),
        ("vague", re.compile(rf"\b(?:the\s+)?(?P<phrase>{alternation(list(w['vague_references']), 'i')})\b")),
        ("century", re.compile(rf"\b(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{alternation(list(w['century_ordinals']), 'i')}))[\s-]+century\b", re.I)),
        ("vagueword", re.compile(rf"\b(?P<phrase>{alternation(list(w['vague_words']), 'i')})\b(?![-‐])")),
        ("set", re.compile(rf"\b(?:(?:{alternation(w['set_openers'], 'i')})\s+(?:other\s+)?(?:{alternation(list(w['duration_units']) + w['set_units'], 'i')}|{alternation(list(w['months']))}|{alternation(list(w['weekdays']))}){'|' + alternation(w['set_words'], 'i') if w['set_words'] else ''})\b")),
        # "the day before the crash": counted from an event, not from a date (a date after it
        # makes it an offset, which takes these words with it)
        ("eventoffset", re.compile(rf"\bthe\s+(?:{alternation(list(w['event_offset_units']), 'i')})\s+(?=(?:{alternation(list(w['offset_directions']), 'i')})\s+the\b)")),
        # "for the week", "later in the day", "the week's busiest session": the day last named
        ("dayfocus", re.compile(
            rf"(?:(?:{day_preps})(?i:the)\s+(?P<unit>{alternation(list(w['focus_days']), 'i')})\b"
            rf"(?!['’]s|\s+(?:{alternation(w['focus_day_not_before'], 'i')})\b|[-‐])"
            rf"|\b(?i:the)\s+(?P<punit>{alternation(list(w['focus_days']), 'i')})(?=['’]s\s))")),
        ("thenfocus", re.compile(rf"(?:{then_preps})then\b(?![-‐])")),
        ("nthweekday", re.compile(
            rf"\b(?i:the)\s+(?P<ord>{alternation(list(w['weekday_ordinals']), 'i')})\s+(?P<wd>{alternation(list(w['weekdays']))})"
            rf"\s+(?:of|in)\s+(?:(?P<month>{alternation([m for m in w['months'] if len(m) > 3])})\b(?:,?\s+{year})?|(?P<unnamed>(?:the|each|every)\s+month)\b)")),
        ("named", re.compile(rf"\b(?P<name>{alternation(list(w['named_days']))})(?:['’]s)?\b")),
        ("duration", re.compile(
            rf"\b(?:(?:{dopen})\s+)?(?P<n>{dnum})[\s-](?:(?:{alternation(w['duration_fillers'], 'i')})\s+)?(?P<unit>{dunits})\b(?:[\s-]long\b)?(?![\s-]old\b)"
            rf"(?!\s+(?:{alternation(w['ago_words'], 'i')})\b)", re.I)),
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
    if prev in words()["year_only_words"]:
        return True  # "fiscal 2021 sales", "Since 2019 tourists have come"
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


def _titled(text: str, p: Parsed) -> bool:
    """'ABC's "This Week"': a phrase whose later words are capitalised in running text is a title
    (a programme, a column), not a time; a headline in title case says nothing either way."""
    later = text[p.start:p.end].split()[1:]
    if not later or not any(w[:1].isupper() for w in later):
        return False
    words_ = re.findall(r"[A-Za-z][\w'’]*", text)
    return sum(w[0].islower() for w in words_) * 2 > len(words_)


def _modifies_noun(token: Any) -> bool:
    """'the 2011 frost', 'her brilliant 2014 season', 'the 2026 Regatta': after a determiner or an
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


def _full_month(name: str) -> bool:
    """'March', not 'Mar': no longer name of the same month begins with it."""
    months = words()["months"]
    return not any(o != name and o.startswith(name) and n == months.get(name) for o, n in months.items())


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
        if kind == "dmy" and m.end("month") == end - 1 and _full_month(g["month"]):
            end -= 1  # "on 12 March.": after a month written out the dot ends the sentence
        end_day = int(g["endday"]) if g.get("endday") else None
        if end_day is not None and not (day or 0) < end_day <= calendar.monthrange(year or 2000, month)[1]:
            # "a March 3-1 win" is no span of days: the date is the day alone
            return Parsed("date", start, m.end("day"), month=month, day=day, weekday=weekday)
        return Parsed("date", start, end, year=year, month=month, day=day, weekday=weekday, end_day=end_day)
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
        if g.get("quarters"):  # "the first two quarters": the first half
            part = "H" + str(w["halves_as_quarters"][" ".join(g["quarters"].lower().split())])
        else:
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
    if kind == "century":
        n = int(g["n"]) if g.get("n") else int(w["century_ordinals"][g["word"].lower()])
        return Parsed(kind, start, end, count=n) if 1 <= n <= 22 else None
    if kind == "vagueword":
        return Parsed("vague", start, end, note=w["vague_words"][g["phrase"].lower()])
    if kind == "eventoffset":
        return Parsed(kind, start, m.end() - len(m.group(0)) + len(m.group(0).rstrip()), note="counted from an event the words name, not from a date")
    if kind == "dayfocus":
        return Parsed(kind, start, end, unit=w["focus_days"][(g["unit"] or g["punit"]).lower()])
    if kind in ("qcode", "fycode"):
        year = int(g["year"]) if g.get("year") else (2000 + int(g["yy"]) if int(g["yy"]) < 50 else 1900 + int(g["yy"])) if g.get("yy") else None
        if year is not None and not _in_years(year):
            return None
        if kind == "fycode":
            return Parsed("year", start, end, year=year, note="a fiscal year")
        return Parsed("quarter" if g["qh"][0] == "Q" else "half", start, end, year=year, part=g["qh"])
    if kind == "nthweekday":
        if g.get("unnamed"):  # "the first Monday of the month": no month the words name
            return Parsed(kind, start, end, note="a weekday counted within a month the words do not name")
        year = int(g["year"]) if g.get("year") else None
        if year is not None and not _in_years(year):
            return None
        return Parsed(kind, start, end, year=year, month=_month(g["month"]), weekday=_weekday(g["wd"]),
                      count=int(w["weekday_ordinals"][g["ord"].lower()]))
    if kind == "thenfocus":
        return Parsed(kind, start, end, note="the time the article last named")
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
            if kind in ("relday", "relperiod", "recent") and (_inside_name(text, parsed.start) or _titled(text, parsed)):
                continue
            if parsed.kind == "duration" and _is_rate(text, parsed):
                parsed = replace(parsed, kind="set", note="a rate: an amount per unit of time (TimeML SET)")
            found.append(parsed)
    chosen: list[Parsed] = []
    for p in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(p.end <= c.start or p.start >= c.end for c in chosen):
            chosen.append(p)
    chosen.sort(key=lambda p: p.start)
    placed = [_with_part_of(text, _with_week_of(text, _with_offset(text, p))) for p in chosen]
    # "two days before the May 5 vote": the count is part of the offset; before a clause
    # ("several months before the crew struck") it stays a duration of its own.
    # "the last half of the '80s": a part of a period read as its own expression goes with it.
    placed = [p for p in placed if not any(o is not p and o.start <= p.start and p.end <= o.end for o in placed)]
    return _with_clocks(text, _with_weeks_back(text, _with_year_back(text, placed)))


def _with_weeks_back(text: str, found: list[Parsed]) -> list[Parsed]:
    """'a week ago Tuesday', 'two weeks ago Friday': the weekday so many weeks before the one a bare
    weekday names, as one expression (apart, "Tuesday" would be the latest Tuesday)."""
    out: list[Parsed] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "ago" and prev.unit == "week" and p.kind == "weekday" \
                and p.modifier == "past" and not text[prev.end:p.start].strip():
            out[-1] = replace(p, start=prev.start, modifier="weeks_back", count=prev.count)
            continue
        out.append(p)
    return out


def _with_year_back(text: str, found: list[Parsed]) -> list[Parsed]:
    """'the year-ago third quarter', 'the year-earlier nine months': the period the words name, a
    year back, as one expression (a quarter or half dated a year before it; a stretch stays one)."""
    adjectives = tuple(a.lower() for a in words()["year_back_adjectives"])
    after = tuple(a.lower() for a in words()["year_back_after_focus"])
    out: list[Parsed] = []
    for p in found:
        prev = out[-1] if out else None
        # "the quarter a year ago", "the period a year earlier": the period in focus, a year back, as
        # one expression (read apart, "the quarter" would be this year's)
        if prev is not None and prev.kind == "focus" and p.kind == "yearback" and p.base is None \
                and " ".join(text[p.start:p.end].lower().split()) in after and not text[prev.end:p.start].strip():
            out[-1] = Parsed("yearback", prev.start, p.end, unit="year", count=-1)
            continue
        if prev is not None and prev.kind == "yearback" and p.kind in ("quarter", "half", "duration") \
                and text[prev.start:prev.end].lower().endswith(adjectives) and not text[prev.end:p.start].strip():
            merged = replace(p, start=prev.start) if p.kind == "duration" else \
                Parsed("yearback", prev.start, p.end, unit="year", count=-1, base=p)
            out[-1] = merged
            continue
        out.append(p)
    return out


def _is_rate(text: str, p: Parsed) -> bool:
    """'$1.76 a year', 'four flights a week': "a <unit>" after an amount is how often, not how long."""
    w = words()
    if not re.match(r"(?:a|an)\s", text[p.start:p.end], re.I):
        return False
    if re.search(r"[,;:(]\s*$", text[max(0, p.start - 3):p.start]):
        return False  # "In 2019, a year after the strike": after a comma no amount is counted per unit
    before = re.findall(r"[\w$%.,']+", text[max(0, p.start - 40):p.start])
    for token in reversed(before[-3:]):
        low = token.lower().strip(".,")
        if re.search(r"\d", low) or low in w["rate_amounts"] or low in w["numbers"] or low in w["number_teens"] \
                or low in w["number_tens"]:
            return low not in ("a", "an")
        if low in w["rate_not_between"]:
            return False
    return False


DATED_PARTS = ("date", "month", "year", "decade", "decadeword", "relperiod", "weekday", "quarter", "half", "season", "relday")


def _with_part_of(text: str, p: Parsed) -> Parsed:
    """'the end of November', 'late last week': a part of a period is dated as the period, and the
    expression covers the words that say which part."""
    if p.kind not in DATED_PARTS:
        return p
    m = _patterns().part_of.search(text[max(0, p.start - 30):p.start])
    return replace(p, start=max(0, p.start - 30) + m.start()) if m else p


@functools.cache
def _clock_joins() -> re.Pattern[str]:
    """What may stand between a time of day and its day: "3 p.m. Tuesday", "Tuesday at 3 p.m.",
    "2 a.m. local time on Tuesday"."""
    local = alternation(words()["local_time_phrases"], "i")
    return re.compile(rf"\s*(?:,\s*)?(?:\(?{local}\)?\s*,?\s*)?(?:(?:at|on|of)\s+)?(?:the\s+)?$", re.I)


DATED = ("date", "weekday", "relday", "named")


def _with_clocks(text: str, found: list[Parsed]) -> list[Parsed]:
    """'3 p.m. Tuesday', 'Tuesday at 3 p.m.', 'Mon Mar 3, 2014 9:12am GMT': one expression, the
    day's, with the time of day kept beside it."""
    out: list[Parsed] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and {prev.kind, p.kind} & {"clock"} and (prev.kind in DATED or p.kind in DATED) \
                and _clock_joins().fullmatch(text[prev.end:p.start]):
            day, clock = (prev, p) if p.kind == "clock" else (p, prev)
            if day.clock is None and clock.kind == "clock":
                out[-1] = replace(day, start=prev.start, end=p.end, clock=clock.clock)
                continue
        out.append(p)
    return out


def _with_week_of(text: str, p: Parsed) -> Parsed:
    """'in the week of March 6': the week that holds the day, as one expression dated at the week."""
    if p.kind != "date" or p.day is None:
        return p
    m = re.search(rf"\b(?:{alternation(words()['week_of_phrases'], 'i')})\s+$", text[max(0, p.start - 30):p.start])
    if m is None:
        return p
    return Parsed("offset", max(0, p.start - 30) + m.start(), p.end, unit="week", count=0, base=p)


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
