"""When an article appeared: a dateline line, or a weekday and a date in its text that
agree in one year (generator/data/dates.yml holds the calendar words)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator import lexicon


# Dates near the ends of Python's calendar (years 1 and 9999) overflow once a week or a story
# window is added to them; no news article is dated there, so such a date is not a date.
MIN_YEAR, MAX_YEAR = 1000, 9000


@dataclass(frozen=True)
class _Rules:
    months: dict[str, int]
    weekdays: dict[str, int]
    dateline_words: tuple[str, ...]
    time_zones: frozenset[str]
    text_date: re.Pattern[str]
    dateline_date: re.Pattern[str]
    future: re.Pattern[str]
    dateline_max_words: int
    head_chars: int  # a stamp stands at the very start of an article's first line


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def rules() -> _Rules:
    dates = lexicon.read("dates")
    limits = lexicon.thresholds("dates")
    # The calendar's words are the time expressions' own table (data/time_words.yml), read here
    # in lower case, with the abbreviations a stamp uses for weekdays ("Mon, Jan 5").
    calendar = lexicon.read("time_words")
    months = {str(k).lower(): v for k, v in calendar["months"].items()}
    weekdays = {str(k).lower(): v for k, v in {**calendar["weekdays"], **calendar["weekday_abbreviations"]}.items()}
    month = f"(?:{_alternation(m.capitalize() for m in months)})"
    weekday = f"(?:{_alternation(d.capitalize() for d in weekdays)})"
    parts = _alternation(calendar["parts_of_day"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    # "Monday night, Aug. 30[, 2021]" and "Monday, 30 August[ 2021]": capitalised names only,
    # so the verb "may" or the word "sun" in running text are never read as dates.
    text_date = re.compile(
        rf"\b(?P<wd>{weekday})\.?(?:\s+(?:{parts}))?,?\s+(?:the\s+)?"
        rf"(?:(?P<mon>{month})\.?\s+(?P<day>{day})|(?P<day2>{day})\s+(?:of\s+)?(?P<mon2>{month})\b\.?)"
        r"(?![\d:])(?:,?\s+(?P<year>\d{4})\b)?"
    )
    dateline_date = re.compile(
        rf"(?:(?P<day>{day})\s+(?P<mon>{month})\.?,?\s+(?P<year>\d{{4}})"
        rf"|(?P<mon2>{month})\.?\s+(?P<day2>{day}),?\s+(?P<year2>\d{{4}})"
        r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b",
        re.I,
    )
    return _Rules(
        months=months,
        weekdays=weekdays,
        dateline_words=tuple(sorted(dates["dateline_words"], key=lambda w: (-len(w), w))),
        time_zones=frozenset(str(z).lower() for z in calendar["time_zones"]),
        text_date=text_date,
        dateline_date=dateline_date,
        future=re.compile(rf"(?:\b|(?<=\w))(?:{_alternation(dates['future_cues'])})\b", re.I),
        dateline_max_words=limits["dateline_max_words"],
        head_chars=limits["head_stamp_chars"],
    )


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group())


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dateline(text: str) -> str | None:
    """The ISO date of a line that is nothing but a date (with time, zone, weekday or a
    word like "Updated"); None for any other line, or when a weekday contradicts the date."""
    r = rules()
    if len(text.split()) > r.dateline_max_words:
        return None
    match = r.dateline_date.search(text)
    if not match:
        return None
    if match["iso"]:
        found = dt.date.fromisoformat(match["iso"]) if _date(*map(int, match["iso"].split("-"))) else None
    else:
        day, mon, year = (match["day"], match["mon"], match["year"]) if match["day"] else (match["day2"], match["mon2"], match["year2"])
        found = _date(int(year), r.months[mon.lower().rstrip(".")], _day(day))
    if found is None:
        return None
    rest = (text[: match.start()] + " " + text[match.end():]).lower()
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", " ", rest)
    for word in r.dateline_words:
        rest = re.sub(rf"\b{re.escape(word)}\b", " ", rest)
    weekday = None
    for token in re.findall(r"[a-z]+", rest):
        if token in r.weekdays:
            weekday = r.weekdays[token]
        elif token not in r.time_zones:
            return None
    if re.sub(r"[\s,.:;|/()\-–—+\d]", "", re.sub(r"[a-z]+", "", rest)):
        return None
    if weekday is not None and weekday != found.weekday():
        return None
    return found.isoformat()


def quote_line(text: str, limit: int = 80) -> str:
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (abbreviations like "Aug." may cut it short,
    which only makes the future-tense check look at less)."""
    before = max(text.rfind(c, 0, start) for c in ".!?")
    after = [i for i in (text.find(c, end) for c in ".!?") if i >= 0]
    return text[before + 1 : min(after) + 1 if after else len(text)]


def from_text(lines: Iterable[tuple[int, str]], years: Mapping[int, Sequence[str]]) -> tuple[str | None, str | None]:
    """Latest date the text pins with a weekday and a month-day that agree in one year.

    The year is the one written with the date, else one of `years` (the years other sources
    of the seed set are dated in, with who attests them), used only when exactly one of them
    agrees with the weekday.
    The article appeared on or after that date, so it is an honest lower bound, not a guess."""
    r = rules()
    found: list[tuple[dt.date, str]] = []
    for line, text in lines:
        for m in r.text_date.finditer(text):
            sentence = _sentence_around(text, m.start(), m.end())
            if r.future.search(sentence):
                continue  # perhaps a date still to come: no bound on when the article appeared
            weekday = r.weekdays[m["wd"].lower()]
            month = r.months[(m["mon"] or m["mon2"]).lower()]
            day = _day(m["day"] or m["day2"])
            expression = quote_line(m.group(0).rstrip(",."))
            if m["year"]:
                date = _date(int(m["year"]), month, day)
                if date and date.weekday() == weekday:
                    found.append((date, f"{expression} (line {line}): the weekday agrees with the date"))
                continue
            agreeing = [y for y in sorted(years) if (d := _date(y, month, day)) and d.weekday() == weekday]
            if len(agreeing) == 1:
                year = agreeing[0]
                witnesses = ", ".join(years[year])
                found.append((dt.date(year, month, day),
                              f"{expression} (line {line}): the weekday agrees with that date in {year}, "
                              f"the year of {witnesses}"))
    if not found:
        return None, None
    date, why = max(found)
    return date.isoformat(), f"{why}; published on or after this date"




# A date in a file name, as static-site generators name posts: "2016-07-05_story", "05_outlet_2016-07-05",
# "20160705-story". Only a whole ISO-like date between separators counts, never digits inside a word.
_FILE_DATE = re.compile(r"(?:^|(?<=[_\-. ]))(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>[0-3]\d)(?=$|[_\-. ])")


def from_file_name(name: str) -> tuple[str | None, str | None]:
    """The date a seed's file name carries, with the evidence; None when it names no date or two."""
    found = {d for m in _FILE_DATE.finditer(name)
             if (d := _date(int(m["y"]), int(m["m"]), int(m["d"])))}
    if len(found) != 1:
        return None, None
    (date,) = found
    return date.isoformat(), f"the file name {quote_line(name)} carries the date"




def head_stamp(text: str) -> tuple[str | None, int]:
    """A dateline or timestamp opening a line that goes on with the article
    ("LONDON | Mon Mar 3, 2014 9:12am GMT ..."): its ISO date and where the stamp ends (0: none).
    Only a date followed by a clock time or a separator is a stamp; "March 3, 2014 was ..." is text."""
    r = rules()
    head = text[:r.head_chars]
    match = r.dateline_date.search(head)
    if not match:
        return None, 0
    zones = _alternation(z.upper() for z in r.time_zones)
    clock = re.match(rf"\s*(?:,\s*)?(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s+(?:{zones})\b)?", text[match.end():], re.I)
    end = match.end() + (clock.end() if clock else 0)
    if not clock and not re.match(r"\s*[|–—:-]", text[end:]):
        return None, 0
    sep = re.match(r"\s*[|–—:-]?\s*", text[end:])
    stamp_end = end + (sep.end() if sep else 0)
    # a place may open the stamp ("LONDON |", "NEW YORK, "): capitalised words and a separator
    place = re.match(r"(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z.'’-]+\s*[|,–—-]\s*", text[:match.start()])
    date = dateline(text[place.end() if place else 0:end].strip(" |–—-:"))
    return (date, stamp_end) if date else (None, 0)
