"""Which lines of a scraped page are furniture, not article: generic rules from
generator/data/furniture.yml, and the guard that keeps every reporting sentence."""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator import lexicon

REASON_ICONS = "icon strip"
REASON_NAV = "navigation strip"
REASON_BYLINE = "byline"


@dataclass(frozen=True)
class _Rules:
    max_words: int
    phrases: tuple[tuple[str, re.Pattern[str], int], ...]
    notices: tuple[tuple[str, re.Pattern[str], int], ...]  # notes about the article itself
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    outlet: tuple[re.Pattern[str], ...]
    icon_words: frozenset[str]
    icon_affixes: tuple[str, ...]  # an icon font's class names begin or end with these ("bicon-share")
    icon_min_tokens: int
    icon_min_share: float
    nav_split: re.Pattern[str]
    nav_min_parts: int
    nav_max_part_words: int
    cues: frozenset[str]
    quote_min_words: int
    byline: re.Pattern[str]
    labels: frozenset[str]
    label_reason: str
    wire_tag: re.Pattern[str]
    story_dateline: re.Pattern[str]
    author_bio: re.Pattern[str]
    author_bio_reason: str
    author_bio_max_words: int


@functools.cache
def rules() -> _Rules:
    furniture = lexicon.read("furniture")
    limits = lexicon.thresholds("furniture")
    nav = furniture["navigation"]
    return _Rules(
        max_words=limits["max_words"],
        phrases=_phrases(furniture, limits["max_words"], notice=False),
        notices=_phrases(furniture, limits["max_words"], notice=True),
        inline=tuple((group["reason"], re.compile(p)) for group in furniture["inline"] for p in group["patterns"]),
        outlet=tuple(re.compile(p, re.I) for p in furniture["outlet"]),
        icon_words=frozenset(furniture["icons"]["words"]),
        icon_affixes=tuple(furniture["icons"]["affixes"]),
        icon_min_tokens=limits["icon_min_tokens"],
        icon_min_share=limits["icon_min_share"],
        nav_split=re.compile("|".join(re.escape(s) for s in nav["separators"])),
        nav_min_parts=limits["nav_min_parts"],
        nav_max_part_words=limits["nav_max_part_words"],
        cues=frozenset(furniture["reporting"]["cues"]),
        quote_min_words=limits["quote_min_words"],
        byline=re.compile(furniture["byline"], re.I),
        labels=frozenset(str(x).casefold() for x in furniture["labels"]["lines"]),
        label_reason=furniture["labels"]["reason"],
        wire_tag=re.compile(furniture["wire_tag"]),
        story_dateline=re.compile(furniture["story_dateline"]),
        author_bio=re.compile(furniture["author_bio"]["pattern"], re.I),
        author_bio_reason=furniture["author_bio"]["reason"],
        author_bio_max_words=furniture["author_bio"]["max_words"],
    )


def _phrases(furniture: dict[str, Any], max_words: int, notice: bool) -> tuple[tuple[str, re.Pattern[str], int], ...]:
    return tuple((group["reason"], re.compile(p, re.I), group.get("max_words", max_words))
                 for group in furniture["phrases"] if bool(group.get("notice")) == notice for p in group["patterns"])


SENTENCE_END = re.compile(r"[.?!…][”\"’')\]]*$|[”\"]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_OPENING, _CLOSING = "“\"«", "”\"»"


def _has_quotation(text: str, min_words: int) -> bool:
    """A passage of at least `min_words` words between quotation marks. One pass over the
    text: a regular expression for this backtracks badly on a hostile line."""
    start = None
    for i, c in enumerate(text):
        if start is None:
            if c in _OPENING:
                start = i
        elif c in _CLOSING:
            if len(text[start + 1 : i].split()) >= min_words:
                return True
            start = None
    return False


# Each line is asked about several times (cleaning, cross-seed boilerplate), and syndicated seeds
# repeat lines: answers are remembered, as the rules are fixed data.
@functools.lru_cache(maxsize=1 << 16)
def reads_as_reporting(text: str) -> bool:
    """A reporting sentence: a speech cue with a quotation or a sentence ending, or any
    quotation of a few words. Such a line is kept whatever furniture rule it resembles."""
    r = rules()
    if _has_quotation(text, r.quote_min_words):
        return True
    return bool(_cue_words(text)) and bool(SENTENCE_END.search(text.strip()))


def speech_cue(text: str) -> bool:
    """Whether the line holds a word that introduces or attributes speech."""
    return bool(_cue_words(text))


def _cue_words(text: str) -> set[str]:
    """The speech words of a line. A cue word written with a capital inside a name of several
    capitalised words ("the United States", "Consumer Reports") names something and says nothing:
    in a line not written in title case, where a capital mid-sentence marks a name, it is no cue.
    In a title-case line every word has a capital, so there the word still counts."""
    cues = rules().cues
    found = list(_WORD.finditer(text))
    words = [m.group(0) for m in found]
    out: set[str] = set()
    in_title_case: bool | None = None
    for k, w in enumerate(words):
        word = w.lower().strip("'’")
        if word not in cues:
            continue
        if w[0].isupper() and k > 0 and not re.search(r"[.!?:;\"“”(]\s*$", text[: found[k].start()]):
            if in_title_case is None:
                in_title_case = title_case(words)
            if not in_title_case and any(
                    0 <= j < len(words) and words[j][0].isupper()
                    and text[min(found[j].end(), found[k].end()): max(found[j].start(), found[k].start())] == " "
                    for j in (k - 1, k + 1)):
                continue
        out.add(word)
    return out


@functools.cache
def _title_limits() -> dict[str, Any]:
    return lexicon.thresholds("clean")


def title_case(words: Sequence[str]) -> bool:
    """Headline style: most words of four letters or more start with a capital (data/thresholds.yml, `clean`)."""
    limits = _title_limits()
    long_words = [w for w in words if len(w) >= limits["title_case_letters"]]
    return len(long_words) >= limits["title_case_min_words"] \
        and sum(w[0].isupper() for w in long_words) >= limits["title_case_share"] * len(long_words)


def _icon_strip(text: str) -> bool:
    r = rules()
    tokens = text.split()
    if len(tokens) < r.icon_min_tokens or any(c.isupper() for c in text) or SENTENCE_END.search(text):
        return False
    iconish = sum(1 for t in tokens if t in r.icon_words or any(t.endswith(w) or t.startswith(w) for w in r.icon_affixes))
    return iconish / len(tokens) >= r.icon_min_share


def _nav_strip(text: str) -> bool:
    r = rules()
    parts = [p.strip() for p in r.nav_split.split(text)]
    if len(parts) < r.nav_min_parts or SENTENCE_END.search(text):
        return False
    return all(p and len(p.split()) <= r.nav_max_part_words for p in parts)


@functools.lru_cache(maxsize=1 << 16)
def furniture_reason(text: str) -> str | None:
    """Why this line is page furniture, or None when it is (or may be) article text."""
    r = rules()
    words = len(text.split())
    # A notice is anchored on words no reporting sentence opens with ("Correction:"), so a
    # quotation inside it (the words it corrects) does not make it article text.
    for reason, pattern, max_words in r.notices:
        if words <= max_words and pattern.search(text):
            return reason
    if reads_as_reporting(text):
        return None
    if _icon_strip(text):
        return REASON_ICONS
    if len(text.split()) > rules().max_words:
        return None
    if _nav_strip(text):
        return REASON_NAV
    if text.casefold().rstrip(" .:!»›>…") in rules().labels:
        return rules().label_reason
    if byline(text):
        return REASON_BYLINE
    for reason, pattern, max_words in r.phrases:
        if words <= max_words and pattern.search(text):
            return reason
    return None


def inline_furniture(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The line without the furniture a page inserted inside it, and what was cut, with why."""
    cut: list[tuple[str, str]] = []
    for reason, pattern in rules().inline:
        for m in pattern.finditer(text):
            cut.append((m.group(0), reason))
        text = pattern.sub(" ", text)
    return (re.sub(r"\s{2,}", " ", text).strip() if cut else text), cut


def byline(text: str) -> str | None:
    """The author named by a byline ("By Ana Ruiz and Li Wei, Harbour Post"), else None."""
    match = rules().byline.match(text.strip())
    if not match or SENTENCE_END.search(text.strip()):
        return None
    author = match["author"]
    return author if sum(1 for w in author.split() if w[0].isupper()) >= 2 else None


def outlet_named(text: str) -> tuple[int, str] | None:
    """(preference, name) of the site a furniture line names as its own ("Discover more
    from X"); a lower preference is a better witness (a name beats a domain or a handle)."""
    for rank, pattern in enumerate(rules().outlet):
        match = pattern.search(text)
        if match and match["outlet"].strip():
            return rank, match["outlet"].strip()
    return None


def wire_tag(text: str) -> tuple[str, str] | None:
    """(agency, the tag as written) of a wire story's dateline at the start of a paragraph."""
    match = rules().wire_tag.match(text)
    return (match["outlet"].strip(), match.group(0).strip()) if match else None


def story_dateline(text: str) -> re.Match[str] | None:
    """The place dateline that begins a story's text, if the paragraph opens with one
    ("PORTLAND, Maine — …", "MARLOW (Wire) - …")."""
    return rules().story_dateline.match(text)


def author_bio(text: str) -> str | None:
    """The author an opinion piece's closing note describes ("Ana Ruiz is a lecturer in maritime
    law at Marlow College."), else None. Only the shape: whether the line closes the text and
    whether its name is new to it is for the caller to say."""
    r = rules()
    stripped = text.strip()
    if len(stripped.split()) > r.author_bio_max_words or speech_cue(stripped) or len(_sentence_ends(stripped)) != 1:
        return None
    match = r.author_bio.match(stripped)
    return match["author"] if match else None


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end: a stop, then a space and a capital, or the end of the text (a stop
    after an initial or "Jr." followed by a comma or a small letter is none)."""
    return [m.start() for m in re.finditer(r"(?<![A-Z])(?<!\b(?:Jr|Sr|Dr|St|Mr|Ms))[.!?](?=\s+[A-Z]|$)", text)]
