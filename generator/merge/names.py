"""How a person's name is written: titles inside the string, middle initials, familiar given names.

Pure functions over one surface form, used by the actors stage to fold the spellings of one
person ("Gov. Ann Lee", "Ann B. Lee", "Annie Lee") with the evidence named.
"""
from __future__ import annotations

import functools
import re

from generator import lexicon as lexicon_data
from generator.extract.mentions import bare, lexicon

_PARTY_TAG = re.compile(r"\s*[,(]\s*[RDI]\s*-\s*[A-Z][A-Za-z. ]*\)?\s*$")  # "Lee (R-Calif.)", "Lee, D-N.Y."
_NUMERALS = {"II", "III", "IV"}
_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")


@functools.lru_cache(maxsize=65536)
def split_title(surface: str) -> tuple[str, str]:
    """'Gov. Ann Lee' -> ('Gov.', 'Ann Lee'); 'Rep. Lee (R-Calif.)' -> ('Rep.', 'Lee'); no title -> ('', surface).

    Only titles written before a name that still has a capitalised word after them are taken off,
    so 'Justice' alone, or 'President' alone, stays as written.
    """
    lex = lexicon()
    text = _PARTY_TAG.sub("", surface).strip()
    words = text.split()
    taken = 0
    while taken < len(words) - 1 and (bare(words[taken]) in lex.courtesy or bare(words[taken]) in lex.name_titles) and words[taken][:1].isupper():
        taken += 1
    rest = [w.lower().strip(".,") for w in words[taken:]]
    if taken and (not words[taken][:1].isupper() or any(w in lex.organization_words | lex.outlet_words | lex.place_words for w in rest)):
        taken = 0  # "Justice Department" is not the Justice "Department"
    return " ".join(words[:taken]), " ".join(words[taken:])


def courtesy_gender(title: str) -> str:
    """'Mrs.' -> 'female'; '' when the title tells no gender."""
    lex = lexicon()
    return next((lex.courtesy[bare(w)] for w in title.split() if lex.courtesy.get(bare(w))), "")


@functools.lru_cache(maxsize=65536)
def without_middle_initials(name: str) -> tuple[str, str]:
    """'Ann J. Lee' -> ('Ann Lee', 'J.'), 'Ann J. Lee III' -> ('Ann Lee', 'J. III'): initials between the
    first and last word, and a numeral after the last."""
    words = name.split()
    # A numeral after the surname ("III") is left out with the initials; "Jr" and "Sr" are not:
    # they tell a son from his father.
    numeral = [words.pop()] if len(words) >= 3 and words[-1].strip(".").upper() in _NUMERALS else []
    if len(words) < 2 or _INITIAL.fullmatch(words[0]) or _INITIAL.fullmatch(words[-1]):
        return name, ""
    middle = [w for w in words[1:-1] if _INITIAL.fullmatch(w)] + numeral
    if not middle:
        return name, ""
    return " ".join(w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))), " ".join(middle)


@functools.cache
def _formal() -> dict[str, frozenset[str]]:
    data = lexicon_data.read("nicknames")
    out: dict[str, set[str]] = {}
    for formal, familiar in data.items():
        out.setdefault(str(formal).lower(), set()).add(str(formal).lower())
        for f in familiar:
            out.setdefault(str(f).lower(), set()).add(str(formal).lower())
    return {k: frozenset(v) for k, v in out.items()}


def formal_names(given: str) -> frozenset[str]:
    """The formal given names a given name may stand for: 'Bob' -> {'robert'}; 'Robert' -> {'robert'}."""
    g = given.lower()
    return _formal().get(g, frozenset({g}))


def is_given_name(word: str) -> bool:
    """Whether a word is a given name of the nicknames list, formal or familiar ('Ann', 'Bob')."""
    return word.lower() in _formal()


def familiar_pair(a: str, b: str) -> str | None:
    """The formal name of two given names when one is a familiar form of the other ('Liz', 'Elizabeth')."""
    if a.lower() == b.lower():
        return None
    shared = formal_names(a) & formal_names(b) & {a.lower(), b.lower()}  # one of them is the formal name
    return next(iter(shared)) if len(shared) == 1 else None
