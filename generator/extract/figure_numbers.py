"""Number expressions in a parsed sentence: the value, qualifier, unit and the tokens that wrote them.

Reads "at least 30", "nearly $1.1 billion", "31.4 percent", "2 1/2 years", "four or five",
"almost four dozen", "half a ton", "dozens", "549,000 marks (dlrs 305,000)", "12,000 litres
an hour" and "a 30-day delay". Whether the expression is a figure at all, and what it
counts, is decided elsewhere (figure_never, figure_subjects)."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from generator import lexicon

Value = int | float | tuple[int | float | None, int | float | None]

DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
FRACTION = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class UnitData:
    currency_before: dict[str, str]
    currency_after: tuple[tuple[tuple[str, ...], str], ...]  # longest phrase first
    units: tuple[tuple[tuple[str, ...], str], ...]
    time_units: frozenset[str]
    time_offsets: tuple[tuple[str, ...], ...]
    time_frames: tuple[tuple[str, ...], ...]
    rate_words: frozenset[str]
    rate_units: frozenset[str]
    people: frozenset[str]
    identifier_nouns: frozenset[str]
    street_words: frozenset[str]
    age_words: frozenset[str]
    reference_words: frozenset[str]
    rhetoric_after: frozenset[str]
    vague: tuple[tuple[tuple[str, ...], int], ...]
    amount_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    hyphen_kinds: frozenset[str]
    ratio_words: tuple[tuple[str, ...], ...]
    distance_units: frozenset[str]
    multiple_after: frozenset[str]
    directions: frozenset[str]
    vague_scale: tuple[tuple[tuple[str, ...], int], ...]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str, str], ...]
    fused: re.Pattern[str]  # digits with a multiplier fused to them ("3bn", "12m")
    fused_multipliers: dict[str, int]
    range_words: frozenset[str]
    articles: frozenset[str]
    age_after: frozenset[str]
    # Every word but a digit-led one that a number expression can start with (_expression): the
    # first words of the vague numbers, multipliers, currencies before a number, number words and
    # "half". A scan passes over any other token at once.
    starts: frozenset[str] = frozenset()


def _phrases(d: dict) -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple(sorted(((tuple(str(k).lower().split()), v) for k, v in d.items()), key=lambda p: -len(p[0])))


def _scaled(d: dict) -> tuple[tuple[tuple[str, ...], int], ...]:
    return tuple(sorted(((tuple(str(k).split()), int(v)) for k, v in d.items()), key=lambda p: -len(p[0])))


# UnitData fields that are plain word sets, and the data key each is read from.
WORD_SETS = (
    ("time_units", "time_units"), ("rate_words", "rate_words"), ("rate_units", "rate_units"),
    ("people", "people_nouns"), ("identifier_nouns", "identifier_nouns"), ("street_words", "street_words"),
    ("age_words", "age_words"), ("reference_words", "reference_words"), ("rhetoric_after", "rhetoric_after"),
    ("amount_verbs", "amount_verbs"), ("evidence_verbs", "evidence_verbs"), ("hyphen_kinds", "hyphen_kinds"),
    ("distance_units", "distance_units"), ("directions", "directions"), ("multiple_after", "multiple_after"),
    ("range_words", "range_words"), ("age_after", "age_after"),
)


def _words(items) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(str(w).lower().split()) for w in items), key=lambda p: -len(p)))


@functools.cache
def units() -> UnitData:
    u = lexicon.read("figure_units")
    f = lexicon.read("figures")
    quals = sorted(((tuple(k.lower().split()), v, k) for k, v in f["qualifiers"].items()), key=lambda q: -len(q[0]))
    words = {name: frozenset(u[key]) for name, key in WORD_SETS}
    fused = {str(k).lower(): int(v) for k, v in f["fused_multipliers"].items()}
    suffixes = "|".join(re.escape(k) for k in sorted(fused, key=len, reverse=True))
    read = UnitData(
        currency_before={str(k).lower(): v for k, v in u["currency_before"].items()},
        currency_after=_phrases(u["currency_after"]),
        units=_phrases(u["units"]),
        time_offsets=_words(u["time_offsets"]),
        time_frames=_words(u["time_frames"]),
        ratio_words=_words(u["ratio_words"]),
        vague=_scaled(u["vague_numbers"]),
        vague_scale=_scaled(u["vague_scale"]),
        numbers={str(k).lower(): int(v) for k, v in f["number_words"].items() if " " not in str(k)},
        multipliers={str(k).lower(): int(v) for k, v in (f.get("multipliers") or {}).items()},
        qualifiers=tuple(quals),
        fused=re.compile(rf"^(\d[\d,]*(?:\.\d+)?)({suffixes})$"),
        fused_multipliers=fused,
        articles=frozenset(str(w).lower() for w in lexicon.read("sentences")["articles"]),
        **words,
    )
    starts = {words[0] for words, _ in read.vague} | {*read.multipliers, *read.currency_before, *read.numbers, "half"}
    return replace(read, starts=frozenset(starts))


@dataclass(frozen=True)
class NumberExpr:
    start: int  # first token (qualifier or currency included)
    end: int  # last token (unit or rate included)
    number: int  # token of the (first) number itself
    value: Value
    qualifier: str | None  # as written: "at least", "nearly", "dozens"
    unit: str  # "percent", "USD", "days", "" when the figure counts a noun
    unit_token: int | None  # token of the unit word, when written as a word
    rate: str = ""  # "a week", "a share"
    vague: bool = False  # "dozens", "thousands"
    hyphen_unit: bool = False  # "a 30-day delay": the unit is fused to the number
    range_end: int | None = None  # token of the second number of a range
    out_of: int | float | None = None  # "eight of 10 voters": the whole the value is a share of


def step(doc: Any, i: int) -> int:
    """The next token after i that is not white space (a no-break space is a token of its own)."""
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _match(doc: Any, i: int, phrases) -> tuple[tuple[str, ...], Any] | None:
    """(words, value) of the longest phrase starting at token i, white space skipped; the last
    token of the match is `last_of(doc, i, len(words))`."""
    first = doc[i].lower_ if i < len(doc) else None
    for words, value in phrases:
        if words[0] != first:
            continue  # the first word of the test below, without reading the token again
        k, ok = i, True
        for w in words:
            if k >= len(doc) or doc[k].lower_ != w:
                ok = False
                break
            k = step(doc, k)
        if ok:
            return words, value
    return None


def last_of(doc: Any, i: int, n: int) -> int:
    for _ in range(n - 1):
        i = step(doc, i)
    return i


def _plain(tok: Any, ud: UnitData) -> float | None:
    """The number one token writes: "1,200", "3.5", "seven", "1/2"; None otherwise."""
    text = tok.lower_
    if DIGITS.match(text):
        number = float(text.replace(",", ""))
        return number
    if text in ud.numbers and tok.pos_ in ("NUM", "DET", "ADJ", "NOUN", "PRON"):
        return float(ud.numbers[text])
    fraction = FRACTION.match(text)
    if fraction and int(fraction.group(2)):
        return int(fraction.group(1)) / int(fraction.group(2))
    return None


def _tidy(n: float) -> int | float:
    return int(n) if float(n).is_integer() else round(n, 6)


def _number_at(doc: Any, i: int, ud: UnitData) -> tuple[float, int] | None:
    """(value, last token) of the number starting at token i, multipliers and fractions included."""
    tok = doc[i]
    fused = ud.fused.match(tok.lower_)
    if fused:
        scale = ud.fused_multipliers[fused.group(2)]
        return float(fused.group(1).replace(",", "")) * scale, i
    value = _plain(tok, ud)
    if value is None:
        if tok.lower_ == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an"):
            return 0.5, i + 1
        return None
    j = i
    if tok.lower_ in ud.numbers and value >= 20 and value % 10 == 0 and j + 2 < len(doc) and doc[j + 1].text == "-":
        unit_word = doc[j + 2].lower_
        if unit_word in ud.numbers and ud.numbers[unit_word] < 10:  # "twenty-seven"
            value += ud.numbers[unit_word]
            j += 2
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is not None and FRACTION.match(nxt.text) and value.is_integer():  # "2 1/2"
        value += _plain(nxt, ud) or 0.0
        j += 1
    while step(doc, j) < len(doc) and doc[step(doc, j)].lower_ in ud.multipliers:  # "four dozen", "3.2 million"
        j = step(doc, j)
        value *= ud.multipliers[doc[j].lower_]
    return value, j


def _qualifier(doc: Any, i: int, ud: UnitData) -> tuple[int, str | None, str | None]:
    for words, kind, text in ud.qualifiers:
        start = i - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:i]) == words:
            return start, kind, text
    return i, None, None


def _bounded(n: float, kind: str | None) -> Value:
    if kind == "min":
        return (_tidy(n), None)
    if kind == "max":
        return (None, _tidy(n))
    return _tidy(n)


def _unit_after(doc: Any, j: int, ud: UnitData) -> tuple[str, int | None, int]:
    """(unit, unit token, last token) for the words after the number ending at token j."""
    k = step(doc, j)
    if k < len(doc) and doc[k].text in ("-", "–") and k + 1 < len(doc):
        if doc[j].whitespace_ or doc[k].whitespace_:
            return "", None, j  # "in 2015 - its second time": a dash, not a fused unit
        k += 1  # "30-day": the unit fused by a hyphen
    for table in (ud.currency_after, ud.units):
        hit = _match(doc, k, table)
        if hit is not None:
            words, unit = hit
            return unit, k, last_of(doc, k, len(words))
    # A unit in singular after a hyphen ("30-day", "46-page").
    if k > j + 1 and k < len(doc) and doc[k].is_alpha:
        lemma = doc[k].lemma_.lower()
        for words, unit in ud.units:
            if len(words) == 1 and (words[0] == lemma or words[0] == lemma + "s"):
                return unit, k, k
        return doc[k].lower_ + "s", k, k
    return "", None, j


def _rate(doc: Any, j: int, ud: UnitData) -> tuple[str, int]:
    a = step(doc, j)
    b = step(doc, a)
    if b < len(doc) and doc[a].lower_ in ud.rate_words and doc[b].lemma_.lower() in ud.rate_units:
        return f"{doc[a].lower_} {doc[b].lower_}", b
    return "", j


def _ratio(doc: Any, j: int, n: float, ud: UnitData) -> tuple[int | float, int] | None:
    """ "eight of 10", "nine out of ten": (the whole, its last token) after the number ending at j."""
    k = step(doc, j)
    for words in ud.ratio_words:
        if tuple(t.lower_ for t in doc[k:k + len(words)]) == words:
            whole = _number_at(doc, k + len(words), ud)
            if whole is not None and whole[0] > n:
                return _tidy(whole[0]), whole[1]
    return None


def scan(doc: Any, ud: UnitData | None = None) -> Iterator[NumberExpr]:
    """Every number expression of a parsed paragraph, left to right, none overlapping."""
    ud = ud or units()
    i = 0
    while i < len(doc):
        expr = _expression(doc, i, ud)
        if expr is None:
            i += 1
            continue
        yield expr
        i = expr.end + 1


def _expression(doc: Any, i: int, ud: UnitData) -> NumberExpr | None:
    tok = doc[i]
    lower = tok.lower_
    if lower not in ud.starts and not lower[:1].isdigit():
        return None  # no way below starts here: digits (DIGITS, FUSED, FRACTION) or a word of ud.starts
    vague = _match(doc, i, ud.vague)
    if vague is not None:
        words, low = vague
        if i + len(words) < len(doc) and doc[i + len(words)].lower_ == "of":
            return NumberExpr(i, i + len(words) - 1, i, (low, None), " ".join(words), "", None, vague=True)
        return None
    if tok.lower_ in ud.multipliers and tok.lower_ != "dozen":
        # "several thousand", "a few hundred": a vague number, its smallest reading.
        k = i - 1 if i > 0 and doc[i - 1].text == "-" else i  # "a several-thousand-strong crowd"
        for words, times in ud.vague_scale:
            if k - len(words) >= 0 and tuple(t.lower_ for t in doc[k - len(words):k]) == words:
                low = times * ud.multipliers[tok.lower_]
                return NumberExpr(k - len(words), i, i, (low, None), " ".join([*words, tok.lower_]), "", None, vague=True)
    currency = ""
    first = i
    if tok.lower_ in ud.currency_before:
        currency = ud.currency_before[tok.lower_]
        i += 1
        if i >= len(doc):
            return None
    found = _number_at(doc, i, ud)
    if found is None:
        return None
    n, j = found
    start, kind, qualifier = _qualifier(doc, first, ud)
    value: Value = _bounded(n, kind)
    range_end = None
    unit, unit_token, last = ("", None, j) if currency else _unit_after(doc, j, ud)
    hyphen = unit_token is not None and unit_token > j + 1 and doc[j + 1].text in ("-", "–")
    if not unit and not currency:
        # "four or five people", "10 to 15 people", "between 3 and 5": a range when the first
        # number has no unit of its own ("43 percent to 38 percent" compares, it is no range).
        k = j + 1
        # "and" joins a range only after "between"; the other range words on their own.
        word = doc[k].lower_ if k + 1 < len(doc) else None
        if word in ud.range_words and (word != "and" or (start > 0 and doc[first - 1].lower_ == "between")):
            second = _number_at(doc, k + 1, ud)
            if second is not None and second[0] > n:
                value, range_end, j = (_tidy(n), _tidy(second[0])), k + 1, second[1]
                unit, unit_token, last = _unit_after(doc, j, ud)
    if not unit and not currency and range_end is None:
        ratio = _ratio(doc, j, n, ud)
        if ratio is not None:
            whole, last = ratio
            rate, last = _rate(doc, last, ud)
            return NumberExpr(start=start, end=last, number=i, value=value, qualifier=qualifier, unit="",
                              unit_token=None, rate=rate, out_of=whole, range_end=None)
    if currency:
        unit, last = currency, j
        hit = _match(doc, step(doc, j), ud.currency_after)  # "US$5 dollars"
        if hit is not None:
            last = last_of(doc, step(doc, j), len(hit[0]))
    rate, last = _rate(doc, last, ud)
    return NumberExpr(start=start, end=last, number=i, value=value, qualifier=qualifier, unit=unit,
                      unit_token=unit_token, rate=rate, hyphen_unit=hyphen, range_end=range_end)
