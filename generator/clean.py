"""Clean stage: Seeds -> Articles (title, metadata, numbered paragraphs, removed furniture).

The rules are generic (generator/data/furniture.yml, dates.yml); what one seed cannot
settle alone is settled with evidence from the whole seed set: lines one outlet repeats
on several of its pages, and the year of a date the text gives only as weekday + day.
Nothing is dropped silently: every removed line is kept with its reason and line.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

from generator.model import Article, Paragraph, Removed, Seed

HEADLINE_MAX_WORDS = 25
REASON_HEADLINE = "headline (shown as the title)"
REASON_HEADLINE_REPEAT = "headline repeated"
REASON_DATELINE = "dateline (shown as published)"
REASON_ICONS = "icon strip"
REASON_NAV = "navigation strip"
REASON_BYLINE = "byline"


def _data(name: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("generator").joinpath("data", name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Rules:
    max_words: int
    phrases: tuple[tuple[str, re.Pattern[str]], ...]
    outlet: tuple[re.Pattern[str], ...]
    icon_words: frozenset[str]
    icon_min_tokens: int
    icon_min_share: float
    nav_split: re.Pattern[str]
    nav_min_parts: int
    nav_max_part_words: int
    cues: frozenset[str]
    quote: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    dateline_words: tuple[str, ...]
    time_zones: frozenset[str]
    text_date: re.Pattern[str]
    dateline_date: re.Pattern[str]
    future: re.Pattern[str]
    byline: re.Pattern[str]
    labels: frozenset[str]
    label_reason: str


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def rules() -> _Rules:
    furniture, dates = _data("furniture.yml"), _data("dates.yml")
    months, weekdays = dates["months"], dates["weekdays"]
    month = f"(?:{'|'.join(f'{m[0].upper()}{re.escape(m[1:])}' for m in sorted(months, key=lambda w: (-len(w), w)))})"
    weekday = f"(?:{'|'.join(f'{d[0].upper()}{re.escape(d[1:])}' for d in sorted(weekdays, key=lambda w: (-len(w), w)))})"
    parts = _alternation(dates["parts_of_day"])
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
    nav = furniture["navigation"]
    return _Rules(
        max_words=furniture["max_words"],
        phrases=tuple((group["reason"], re.compile(p, re.I)) for group in furniture["phrases"] for p in group["patterns"]),
        outlet=tuple(re.compile(p, re.I) for p in furniture["outlet"]),
        icon_words=frozenset(furniture["icons"]["words"]),
        icon_min_tokens=furniture["icons"]["min_tokens"],
        icon_min_share=furniture["icons"]["min_share"],
        nav_split=re.compile("|".join(re.escape(s) for s in nav["separators"])),
        nav_min_parts=nav["min_parts"],
        nav_max_part_words=nav["max_part_words"],
        cues=frozenset(furniture["reporting"]["cues"]),
        quote=re.compile(
            r"[“\"«](?:[^”\"»]*?\s){%d,}[^”\"»]*?[”\"»]" % (furniture["reporting"]["quote_min_words"] - 1)
        ),
        months=months,
        weekdays=weekdays,
        dateline_words=tuple(sorted(dates["dateline_words"], key=lambda w: (-len(w), w))),
        time_zones=frozenset(dates["time_zones"]),
        text_date=text_date,
        dateline_date=dateline_date,
        byline=re.compile(furniture["byline"], re.I),
        labels=frozenset(str(x).casefold() for x in furniture["labels"]["lines"]),
        label_reason=furniture["labels"]["reason"],
        future=re.compile(rf"(?:\b|(?<=\w))(?:{_alternation(dates['future_cues'])})\b", re.I),
    )


# --- what a line is -----------------------------------------------------------

_SENTENCE_END = re.compile(r"[.?!…][”\"’')\]]*$|[”\"]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def reads_as_reporting(text: str) -> bool:
    """A reporting sentence: a speech cue with a quotation or a sentence ending, or any
    quotation of a few words. Such a line is kept whatever furniture rule it resembles."""
    r = rules()
    if r.quote.search(text):
        return True
    words = {w.lower().strip("'’") for w in _WORD.findall(text)}
    return bool(words & r.cues) and bool(_SENTENCE_END.search(text.strip()))


def _icon_strip(text: str) -> bool:
    r = rules()
    tokens = text.split()
    if len(tokens) < r.icon_min_tokens or any(c.isupper() for c in text) or _SENTENCE_END.search(text):
        return False
    iconish = sum(1 for t in tokens if t in r.icon_words or any(t.endswith(w) or t.startswith(w) for w in ("icon", "bicon")))
    return iconish / len(tokens) >= r.icon_min_share


def _nav_strip(text: str) -> bool:
    r = rules()
    parts = [p.strip() for p in r.nav_split.split(text)]
    if len(parts) < r.nav_min_parts or _SENTENCE_END.search(text):
        return False
    return all(p and len(p.split()) <= r.nav_max_part_words for p in parts)


def furniture_reason(text: str) -> str | None:
    """Why this line is page furniture, or None when it is (or may be) article text."""
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
    for reason, pattern in rules().phrases:
        if pattern.search(text):
            return reason
    return None


def byline(text: str) -> str | None:
    """The author named by a byline ("By Ana Ruiz and Li Wei, Reuters"), else None."""
    match = rules().byline.match(text.strip())
    if not match or _SENTENCE_END.search(text.strip()):
        return None
    author = match["author"]
    return author if sum(1 for w in author.split() if w[0].isupper()) >= 2 else None


def _looks_like_headline(text: str) -> bool:
    return len(text.split()) <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", "”", '"', ":"))


def _title_from_text(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group())


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dateline(text: str) -> str | None:
    """The ISO date of a line that is nothing but a date (with time, zone, weekday or a
    word like "Updated"); None for any other line, or when a weekday contradicts the date."""
    r = rules()
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


# --- one seed -----------------------------------------------------------------

@dataclass(frozen=True)
class _Draft:
    """One seed after its own rules ran; the seed set may still remove repeated lines."""

    seed: Seed
    kept: tuple[tuple[int, str], ...]  # (file line, text)
    removed: tuple[Removed, ...]
    title: str
    title_basis: str
    outlet: str | None
    outlet_basis: str | None
    author: str | None
    author_basis: str | None
    published: str | None
    published_basis: str | None
    published_evidence: str | None


def _quote_line(text: str, limit: int = 80) -> str:
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


MARKDOWN_SUFFIXES = (".md", ".markdown")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_MD_LINE_MARK = re.compile(r"^(?:>\s?)+|^(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\s]+|<[^>\n]*>)(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]+)`")


def _markdown_text(line: str) -> str:
    """The words of one line of a Markdown seed, without its markup: a heading's hashes,
    quote and list marks, link targets, emphasis and code marks. An image stays as it is
    (a furniture rule removes it with its own reason)."""
    heading = _MD_HEADING.match(line)
    text = heading.group(1) if heading else _MD_LINE_MARK.sub("", line)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _MD_CODE.sub(r"\1", text).strip()


def _blocks(seed: Seed) -> list[tuple[int, str]]:
    """Non-blank lines with their line in the file; a Markdown seed's lines as plain text."""
    markdown = seed.path.lower().endswith(MARKDOWN_SUFFIXES)
    lines = [(n, line.strip()) for n, line in enumerate(seed.text.split("\n"), start=seed.first_line)]
    if markdown:
        lines = [(n, line if _is_rule_line(line) else _markdown_text(line)) for n, line in lines]
    return [(n, text) for n, text in lines if text]


def _is_rule_line(line: str) -> bool:
    return furniture_reason(line) in ("separator", "image")


def _draft(seed: Seed, boilerplate: dict[str, str] | None = None) -> _Draft:
    """`boilerplate`: lines the seed set shows to be furniture of this seed's outlet, with why."""
    blocks = _blocks(seed)
    reasons: dict[int, str] = {}
    for i, (_, text) in enumerate(blocks):
        reason = furniture_reason(text) or (boilerplate or {}).get(text)
        if reason:
            reasons[i] = reason

    title, title_basis = seed.meta.title, "front matter"
    published = seed.meta.published
    published_basis = "front matter" if published else None
    evidence = None
    headline: str | None = None
    # The head of the page: furniture, datelines and the headline before the first paragraph.
    for i, (line, text) in enumerate(blocks):
        if i in reasons:
            continue
        date = dateline(text)
        if date:
            reasons[i] = REASON_DATELINE
            if published is None:
                published, published_basis, evidence = date, "dateline", f"line {line}: {_quote_line(text)}"
            continue
        if headline is None and _looks_like_headline(text) and (title is None or text == title):
            headline = text
            if reads_as_reporting(text):
                break  # the title, and still the first paragraph: a reporting sentence stays
            reasons[i] = REASON_HEADLINE
            continue
        if headline is not None and text == headline:
            continue  # marked below with every later repeat
        break
    if headline is not None and not reads_as_reporting(headline):
        for i, (_, text) in enumerate(blocks):
            if text == headline and i not in reasons:
                reasons[i] = REASON_HEADLINE_REPEAT
    if headline is not None and title is None:
        title, title_basis = headline, "headline"

    removed = tuple(Removed(text, reasons[i], line) for i, (line, text) in enumerate(blocks) if i in reasons)
    kept = tuple(block for i, block in enumerate(blocks) if i not in reasons)
    if title is None:
        title, title_basis = _title_from_text(kept[0][1] if kept else seed.id), "first sentence"
    outlet, outlet_basis = seed.meta.outlet, "front matter" if seed.meta.outlet else None
    if outlet is None:
        outlet, outlet_basis = _outlet(removed)
    author, author_basis = seed.meta.author, "front matter" if seed.meta.author else None
    if author is None:
        lines = [r for r in removed if r.reason == REASON_BYLINE]
        if lines:
            author, author_basis = byline(lines[0].text), f"byline, line {lines[0].line}: {_quote_line(lines[0].text)}"
    return _Draft(seed, kept, removed, title, title_basis, outlet, outlet_basis, author, author_basis,
                  published, published_basis, evidence)


def _outlet(removed: Sequence[Removed]) -> tuple[str | None, str | None]:
    """The site a page names in its own furniture; a written-out name beats a domain or handle."""
    for pattern in rules().outlet:
        for r in removed:
            if r.reason in (REASON_HEADLINE, REASON_HEADLINE_REPEAT, REASON_DATELINE):
                continue
            match = pattern.search(r.text)
            if match and match["outlet"].strip():
                return match["outlet"].strip(), f"named in the page's own furniture, line {r.line} ({r.reason}): {_quote_line(r.text)}"
    return None, None


# --- the seed set -------------------------------------------------------------

def _repeated_lines(drafts: Sequence[_Draft]) -> dict[str, dict[str, str]]:
    """outlet -> {line: reason} for lines one outlet repeats verbatim on several of its pages.

    Only lines without a sentence ending that do not read as reporting qualify: copies of
    an article by the same outlet share whole paragraphs, and those are text, not furniture."""
    by_outlet: dict[str, list[_Draft]] = defaultdict(list)
    for d in drafts:
        if d.outlet:
            by_outlet[d.outlet.casefold()].append(d)
    out: dict[str, dict[str, str]] = {}
    for outlet, group in sorted(by_outlet.items()):
        if len(group) < 2:
            continue
        counts: dict[str, int] = defaultdict(int)
        for d in group:
            for text in {t for _, t in _blocks(d.seed)}:
                counts[text] += 1
        out[outlet] = {
            text: f"repeated verbatim on {n} pages of {group[0].outlet}"
            for text, n in sorted(counts.items())
            if n >= 2 and not furniture_reason(text) and not _SENTENCE_END.search(text) and not reads_as_reporting(text)
        }
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (abbreviations like "Aug." may cut it short,
    which only makes the future-tense check look at less)."""
    before = max(text.rfind(c, 0, start) for c in ".!?")
    after = [i for i in (text.find(c, end) for c in ".!?") if i >= 0]
    return text[before + 1 : min(after) + 1 if after else len(text)]


def _text_date(draft: _Draft, years: dict[int, list[str]]) -> tuple[str | None, str | None]:
    """Latest date the text pins with a weekday and a month-day that agree in one year.

    The year is the one written with the date, else one of the years the other sources of
    the seed set are dated in, used only when exactly one of them agrees with the weekday.
    The article appeared on or after that date, so it is an honest lower bound, not a guess."""
    r = rules()
    found: list[tuple[dt.date, str]] = []
    for line, text in draft.kept:
        for m in r.text_date.finditer(text):
            sentence = _sentence_around(text, m.start(), m.end())
            if r.future.search(sentence):
                continue  # perhaps a date still to come: no bound on when the article appeared
            weekday = r.weekdays[m["wd"].lower()]
            month = r.months[(m["mon"] or m["mon2"]).lower()]
            day = _day(m["day"] or m["day2"])
            expression = _quote_line(m.group(0).rstrip(",."))
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


def clean_all(seeds: Sequence[Seed]) -> list[Article]:
    drafts = [_draft(seed) for seed in seeds]
    repeated = _repeated_lines(drafts)
    drafts = [_draft(d.seed, repeated.get(d.outlet.casefold())) if d.outlet else d for d in drafts]
    # Years the seed set is dated in, from front matter or datelines only (never from a
    # date that was itself inferred from text), with the sources that attest them.
    years: dict[int, list[str]] = defaultdict(list)
    for d in drafts:
        if d.published and d.published_basis in ("front matter", "dateline"):
            years[int(d.published[:4])].append(f"{d.seed.id}'s {d.published_basis}")
    articles = []
    for d in drafts:
        if d.published is None:
            own_years = {y: [w for w in ws if not w.startswith(f"{d.seed.id}'s")] for y, ws in years.items()}
            date, why = _text_date(d, {y: ws for y, ws in own_years.items() if ws})
            if date:
                d = replace(d, published=date, published_basis="text", published_evidence=why)
        articles.append(_article(d))
    return articles


def clean(seed: Seed) -> Article:
    """One seed on its own (no evidence from other seeds)."""
    return clean_all([seed])[0]


def _article(d: _Draft) -> Article:
    seed = d.seed
    return Article(
        id=seed.id,
        path=seed.path,
        title=d.title,
        title_basis=d.title_basis,
        paragraphs=tuple(Paragraph(n=i, text=text, line=line) for i, (line, text) in enumerate(d.kept, start=1)),
        removed=d.removed,
        outlet=d.outlet,
        outlet_basis=d.outlet_basis,
        url=seed.meta.url,
        published=d.published,
        published_basis=d.published_basis,
        author=d.author,
        encoding=seed.encoding,
        published_evidence=d.published_evidence,
        author_basis=d.author_basis,
    )
