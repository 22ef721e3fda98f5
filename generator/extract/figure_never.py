"""Numbers that are never figures, with the reason: names and identifiers, times, dates and
years, ages, phone numbers, addresses, scores, references back and rhetoric.

Each rule names the construction it reads; a number a rule is unsure about is still dropped,
since a flight number filed as a death toll is worse than a count left out."""
from __future__ import annotations

import re
from typing import Any

from generator.extract.figure_numbers import NumberExpr, UnitData, step

PHONE = re.compile(r"(?:\+?\d{1,2}[-.\s])?(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.]\d{4}\b")
CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|\b\d{1,2}:\d{2}\b", re.I)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
NAME_ENTS = {"PRODUCT", "FAC", "ORG", "LAW", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC", "NORP"}


def _inside(pattern: re.Pattern, text: str, start: int) -> bool:
    return any(m.start() <= start < m.end() for m in pattern.finditer(text))


def _words_at(doc: Any, i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(t.lower_ for t in doc[i:i + len(p)]) == p for p in phrases if i + len(p) <= len(doc))


def _words_before(doc: Any, i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(i - len(p) >= 0 and tuple(t.lower_ for t in doc[i - len(p):i]) == p for p in phrases)


def _year(tok: Any, e: NumberExpr) -> bool:
    """ "in 1995", "the 2015 agreement": four digits, no comma, no unit; "1500 troops" counts."""
    text = tok.text
    if not (len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100) or e.unit:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.tag_ not in ("NNS", "NNPS")


def reason(e: NumberExpr, doc: Any, ud: UnitData) -> str | None:
    """Why the expression is not a figure, or None when it may be one. The rules run in order;
    each comment gives the construction a rule reads, in invented words."""
    tok = doc[e.number]
    text = doc.text
    before = doc[e.start - 1] if e.start > 0 else None
    after = doc[step(doc, e.end)] if step(doc, e.end) < len(doc) else None
    if _inside(PHONE, text, tok.idx):  # "call 555-123-4567", "(212) 555-0199"
        return "phone number"
    if _inside(CLOCK, text, tok.idx):  # "at 7 pm", "at 6:30", "the 9 o'clock ferry"
        return "time of day"
    if _year(tok, e):
        return "year"
    if "/" in tok.text and not e.start < e.number and (tok.i == 0 or not doc[tok.i - 1].like_num):
        fraction = tok.text.split("/")
        if len(fraction) != 2 or not fraction[1].isdigit() or int(fraction[1]) > 10:
            return "date"  # "9/11", "3/15"; "1/2" stays a fraction
    if e.unit in ud.time_units:
        # "four years ago", "two days later", "200 years old": the span dates or ages something.
        if after is not None and (_words_at(doc, e.end + 1, ud.time_offsets) or after.lower_ in ud.age_after):
            return "age" if after.lower_ in ud.age_after else "date (a span before or after something)"
        # "within 3 days", "the past 10 days" (articles skipped), from the qualifier or the number.
        for k in (e.start, e.number):
            while k > 0 and doc[k - 1].lower_ in ud.articles:
                k -= 1
            if _words_before(doc, k, ud.time_frames):
                return "date (a span up to now)"
    elif tok.ent_type_ in ("DATE", "TIME") and not e.unit and not e.vague:
        return "date or time"  # "on 12 May", the parser's reading of a bare number as a date
    # "a 40-year-old bridge": the span fused by hyphens to "old".
    if e.hyphen_unit and e.unit_token is not None and e.unit_token + 2 < len(doc) and \
            doc[e.unit_token + 1].text == "-" and doc[e.unit_token + 2].lower_ in ud.age_after:
        return "age"
    if before is not None and before.lower_ in ud.age_words:  # "patients aged 12"
        return "age"
    if _appositive_age(e, doc):
        return "age"
    if before is not None and before.lower_ in ud.identifier_nouns and not e.unit:  # "room 12", "flight 214"
        return "name or identifier"
    # "Harbour 3 closed", "Apollo 11": a bare number after a capitalised name, unless it counts
    # the plural noun after it ("Vega 3 ferries" is no name).
    if before is not None and before.pos_ == "PROPN" and before.is_title and not e.unit and e.start == e.number \
            and (after is None or after.tag_ not in ("NNS", "NNPS")):
        return "name or identifier"
    if tok.ent_type_ in NAME_ENTS and not e.unit:  # "Boeing 747", "Chapter 11", "Section 230"
        return "name or identifier"
    if _address(e, doc, ud):
        return "address"
    if _score(e, doc):
        return "score or ratio"
    if e.unit == "times" and (after is None or after.lower_ not in ud.multiple_after):
        return "occasions (\"they met five times\"), not a multiple"
    if e.hyphen_unit and e.value == 1:
        return "a kind, not a count (\"a one-term president\")"
    if e.hyphen_unit and e.unit_token is not None and doc[e.unit_token].lemma_.lower() in ud.hyphen_kinds:
        return "a kind, not a count (\"a four-way race\")"
    if e.unit in ud.distance_units and after is not None and after.lower_ in ud.directions:
        return "a place (\"80 kilometres west of\")"
    if e.unit == "percent" and after is not None and after.lower_ in ud.rhetoric_after:
        return "rhetoric"  # "100 percent sure"
    if e.vague and e.end + 2 < len(doc) and doc[e.end + 2].lower_ == "times":
        return "rhetoric"  # "thousands of times"
    return None


def weak(e: NumberExpr, doc: Any, ud: UnitData) -> str | None:
    """Why a bare count reads as no claim of its own ("one of them", "the two countries"), or
    None. Checked for figures of any kind; a casualty count ("recaptured all three") keeps them."""
    before = doc[e.start - 1] if e.start > 0 else None
    if e.value == 1 and not e.unit and not e.qualifier and e.out_of is None:
        return "one: a pronoun or article, not a count"
    if not e.unit and not e.vague and before is not None and e.start == e.number and \
            (before.lower_ in ud.reference_words or before.tag_ == "POS"):
        return "reference to things already named"
    return None


def _appositive_age(e: NumberExpr, doc: Any) -> bool:
    """ "Tom Young, 30, lay down", "Ruiz (45)": a bare number set off after a name."""
    if e.unit or e.start < 2 or e.end + 1 >= len(doc):
        return False
    comma, name, closing = doc[e.start - 1], doc[e.start - 2], doc[e.end + 1]
    return comma.text in (",", "(") and (name.pos_ == "PROPN" or name.ent_type_ == "PERSON") \
        and closing.text in (",", ".", ";", ")") and isinstance(e.value, int) and 0 < e.value < 120


def _address(e: NumberExpr, doc: Any, ud: UnitData) -> bool:
    """ "469 Vermont St.", "131 West 23rd Street": a number, capitalised words or ordinals, a street word."""
    k = e.end + 1
    while k < len(doc) and (doc[k].is_title or ORDINAL.match(doc[k].text)) and k - e.end <= 3:
        if doc[k].lower_ in ud.street_words:
            return k > e.end + 1
        k += 1
    return k < len(doc) and k > e.end + 1 and doc[k].lower_ in ud.street_words


def _score(e: NumberExpr, doc: Any) -> bool:
    """ "won 3-2", "a 5-4 decision": two numbers joined by a hyphen, no unit."""
    if e.unit or e.range_end is not None:
        return False
    nxt = doc[e.end + 1] if e.end + 1 < len(doc) else None
    prev = doc[e.start - 1] if e.start > 0 else None
    joined_after = nxt is not None and nxt.text in ("-", "–") and e.end + 2 < len(doc) and doc[e.end + 2].like_num
    joined_before = prev is not None and prev.text in ("-", "–") and e.start > 1 and doc[e.start - 2].like_num
    return joined_after or joined_before
