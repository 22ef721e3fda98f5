"""How names are written: the word rules that shape actors' names, and pure functions over one
surface form (titles inside the string, middle initials, familiar given names, initials and
acronyms, transliterated spellings).

The mentions stage reads them to find names in an article, the actors stage to fold the spellings
of one actor ("Gov. Ann Lee", "Ann B. Lee", "Annie Lee"; "WHO" and "World Health Organization")
with the evidence named; neither imports the other.
"""
from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass

from generator import gazetteer
from generator import lexicon as lexicon_data

# Evidence marks of an alias, written by the mentions stage and read by the actors stage.
ABBREVIATED_AS = "abbreviated as"
ALSO_KNOWN_AS = "also known as"
NAME_CONNECTORS = {"of", "the", "and", "for", "de", "du", "&"}
ARTICLES = frozenset({"the"})  # connectors never written as an initial


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    title_synonyms: dict[str, str]
    relation_words: frozenset[str]
    speech_verbs: frozenset[str]
    organization_words: frozenset[str]
    outlet_words: frozenset[str]
    platforms: frozenset[str]
    furniture_tokens: frozenset[str]
    furniture_suffixes: tuple[str, ...]
    place_words: frozenset[str]
    particles: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    courtesy: dict[str, str]  # "mrs" -> "female"
    name_titles: frozenset[str]
    gendered_words: dict[str, str]
    pronouns: dict[str, str]
    name_suffixes: frozenset[str]
    timestamp_words: frozenset[str]
    title_small_words: frozenset[str]  # the small words a title in title case leaves in lower case
    timezones: frozenset[str]
    named_after_words: frozenset[str]
    work_words: frozenset[str]
    occasion_words: frozenset[str]
    building_words: frozenset[str]
    place_abbreviations: dict[str, str]
    holidays: frozenset[str]
    place_nouns_after: frozenset[str]
    place_words_apart: frozenset[str]
    portfolio_titles: frozenset[str]
    direction_words: frozenset[str]
    landmark_words: frozenset[str]
    name_function_words: frozenset[str]
    work_title_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    contest_titles: frozenset[str]
    along_prepositions: frozenset[str]
    work_nouns_after: frozenset[str]
    place_prepositions: frozenset[str]
    legal_forms: frozenset[str]
    prize_words: frozenset[str]
    common_nouns: frozenset[str]
    peoples: frozenset[str]
    law_nouns: frozenset[str]
    inverted_body_words: frozenset[str]
    cities: frozenset[str]  # lower-cased city names of the standards (generator/gazetteer.py)
    countries: dict[str, str]  # any name of a country, lower-cased -> its usual name

    def title_key(self, word: str) -> str:
        w = word.lower()
        return self.title_synonyms.get(w, w)


@functools.cache
def lexicon() -> Lexicon:
    data = lexicon_data.read("actors")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    def mapping(key: str) -> dict[str, str]:
        return {str(k).lower(): str(v or "").lower() for k, v in data[key].items()}

    return Lexicon(
        titles=lexicon_data.titles().roles,
        title_synonyms=mapping("title_synonyms"),
        relation_words=words("relation_words"),
        # The one list of speech verbs, the quotes' and events' (speech.yml): a subject of one speaks.
        speech_verbs=frozenset(str(w).lower() for w in lexicon_data.read("speech")["speech_verbs"]),
        title_small_words=frozenset(str(w).lower() for w in lexicon_data.read("speech")["title_small_words"]) | {"&"},
        organization_words=words("organization_words"),
        outlet_words=words("outlet_words"),
        platforms=words("platforms"),
        furniture_tokens=words("furniture_tokens"),
        furniture_suffixes=tuple(sorted(str(w).lower() for w in data["furniture_suffixes"])),
        place_words=words("place_words"),
        particles=words("name_particles"),
        demonym_suffixes=tuple(sorted(words("demonym_suffixes"), key=lambda w: (-len(w), w))),
        courtesy=dict(lexicon_data.titles().courtesy),
        name_titles=lexicon_data.titles().in_names,
        gendered_words=mapping("gendered_words"),
        pronouns=mapping("gendered_pronouns"),
        name_suffixes=words("name_suffixes"),
        timestamp_words=_timestamp_words(),
        timezones=_time_zones(),
        named_after_words=words("named_after_words"),
        work_words=words("work_words"),
        occasion_words=words("occasion_words"),
        building_words=words("building_words"),
        place_abbreviations=mapping("place_abbreviations"),
        holidays=words("holidays"),
        place_nouns_after=words("place_nouns_after"),
        place_words_apart=words("place_words_apart"),
        portfolio_titles=words("portfolio_titles"),
        direction_words=words("direction_words"),
        landmark_words=words("landmark_words"),
        name_function_words=words("name_function_words"),
        work_title_nouns=words("work_title_nouns"),
        naming_verbs=words("naming_verbs"),
        contest_titles=words("contest_titles"),
        along_prepositions=words("along_prepositions"),
        work_nouns_after=words("work_nouns_after"),
        place_prepositions=words("place_prepositions"),
        legal_forms=frozenset(bare(str(w)) for w in data["legal_forms"]),
        prize_words=words("prize_words"),
        common_nouns=words("common_nouns"),
        peoples=words("peoples"),
        law_nouns=words("law_nouns"),
        inverted_body_words=words("inverted_body_words"),
        cities=gazetteer.cities(),
        countries=_country_names(),
    )


def _time_zones() -> frozenset[str]:
    # Two-letter zones ("ET", "CT", "PT") are also state and other abbreviations in names
    # ("Hartford, CT"): only the longer ones mark a span as a timestamp.
    return frozenset(str(z).lower() for z in lexicon_data.read("time_words")["time_zones"] if len(str(z)) > 2)


def _timestamp_words() -> frozenset[str]:
    """The words of datelines and timestamps ("Thu Jul 14", "10:32 GMT"), never part of an actor's
    name: the abbreviated weekdays and months, the time zones and am/pm of the time words."""
    time_words = lexicon_data.read("time_words")
    months = {k for k in time_words["months"] if k not in calendar.month_name}
    parts = (time_words["weekday_abbreviations"], months, time_words["meridiems"].values())
    return frozenset(str(w).lower() for part in parts for w in part) | _time_zones()


def bare(word: str) -> str:
    """A title word without its full stop and case: 'Mrs.' -> 'mrs'."""
    return word.strip(".").lower()


@functools.lru_cache(maxsize=65536)
def _country_names() -> dict[str, str]:
    """The standards' country names, with the initials of each usual name ("P.N.G.", "PNG") and its
    compass word shortened ("S. Sudan"):
    undotted only from three letters, since two capitals alone ("PR") are more often something
    else, and never of an official form, whose initials spell words ("ARE", "IRA"). Initials two
    countries share, or that are already a name, are left out."""
    names = gazetteer.countries()
    found: dict[str, set[str]] = {}
    compass = {str(k).lower(): str(v).lower() for k, v in lexicon_data.read("actors")["compass_initials"].items()}
    for usual in sorted(set(names.values())):
        first, _, rest = usual.partition(" ")
        if first.lower() in compass and rest:  # "S. Sudan", "E. Timor"
            found.setdefault(f"{compass[first.lower()]} {rest.lower()}", set()).add(usual)
        letters = initials(usual)
        if len(usual.split()) < 2 or not 2 <= len(letters) <= 5:
            continue
        for form in (".".join(letters) + ".", *([letters] if len(letters) >= 3 else [])):
            found.setdefault(form.lower(), set()).add(usual)
    return names | {form: next(iter(u)) for form, u in found.items() if len(u) == 1 and form not in names}


def is_acronym(text: str) -> bool:
    """'UNHCR', 'U.S.', 'AL-Q': two or more capitals and nothing lower-case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and bool(re.fullmatch(r"[A-Z0-9.\-&]+", text))


def acronym_key(text: str) -> str:
    return "".join(c for c in text if c.isalnum()).upper()


def initials(name: str, connectors: bool = False) -> str:
    """Capital initials of the words of a long name, skipping connectors ('of', 'the'). With
    `connectors`, the connectors other than articles count too: 'Voice of America' is also written
    'VOA', 'Bank for Farmers' 'BFF'."""
    keep = NAME_CONNECTORS - ARTICLES if connectors else frozenset()
    return "".join(w[0].upper() for w in name.split()
                   if (w.lower() not in NAME_CONNECTORS or w.lower() in keep) and w[:1].isalpha())


def defines(long: str, short: str) -> bool:
    """Whether `short` can abbreviate `long` ('World Health Organization of X' -> 'WHO')."""
    acr, init = acronym_key(short), initials(long)
    if not acr or len(long.split()) < 2:
        return False
    if init.startswith(acr):
        return True
    # Letters in order, starting with the first word's initial ("AQ-M" for "Al Qaida Maghreb").
    rest = iter(c for c in long.upper() if c.isalpha())
    return acr[0] == init[:1] and all(ch in rest for ch in acr)


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A key that transliteration variants share: y/i, doubled letters, ph/f, q/k, vowel runs."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    w = w[0] + w[1:].replace("y", "i")
    w = w.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("kh", "k").replace("dh", "d")
    w = re.sub(r"(.)\1+", r"\1", w)
    return re.sub(r"[aeiou]+", "a", w)


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
