"""Clean stage: Seeds -> Articles (title, metadata, numbered paragraphs, removed furniture).

The rules are generic (generator/data/furniture.yml, dates.yml); what one seed cannot
settle alone is settled with evidence from the whole seed set: lines one outlet repeats
on several of its pages, and the year of a date the text gives only as weekday + day.
Nothing is dropped silently: every removed line is kept with its reason and line.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator import published
from generator.furniture import REASON_BYLINE, SENTENCE_END, byline, furniture_reason, outlet_named, reads_as_reporting
from generator.model import Article, Paragraph, Removed, Seed
from generator.published import dateline, quote_line

HEADLINE_MAX_WORDS = 25
REASON_HEADLINE = "headline (shown as the title)"
REASON_HEADLINE_REPEAT = "headline repeated"
REASON_DATELINE = "dateline (shown as published)"


def _looks_like_headline(text: str) -> bool:
    return len(text.split()) <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", "”", '"', ":"))


def _title_from_text(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --- one seed -----------------------------------------------------------------

@dataclass(frozen=True)
class _Draft:
    """One seed after its own rules ran; the seed set may still remove repeated lines."""

    seed: Seed
    blocks: tuple[tuple[int, str], ...]  # every non-blank line (file line, text), read once
    kept: tuple[tuple[int, str], ...]
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


MARKDOWN_SUFFIXES = (".md", ".markdown")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_MD_LINE_MARK = re.compile(r"^(?:>\s?)+|^(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
# Bounded repeats: each is tried from many positions of a line, so an unbounded one is
# quadratic on a hostile line of brackets or asterisks.
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,500})\]\((?:[^()\s]{0,2000}|<[^>\n]{0,2000}>)(?:\s+\"[^\"]{0,500}\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]{1,500}?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]{1,500}?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]{1,500})`")


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


def _draft(seed: Seed, boilerplate: dict[str, str] | None = None,
           blocks: tuple[tuple[int, str], ...] | None = None) -> _Draft:
    """`boilerplate`: lines the seed set shows to be furniture of this seed's outlet, with why."""
    blocks = tuple(_blocks(seed)) if blocks is None else blocks
    reasons: dict[int, str] = {}
    for i, (_, text) in enumerate(blocks):
        reason = furniture_reason(text) or (boilerplate or {}).get(text)
        if reason:
            reasons[i] = reason

    title, title_basis = seed.meta.title, "front matter"
    published = seed.meta.published
    published_basis = (seed.meta.published_basis or "front matter") if published else None
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
                published, published_basis, evidence = date, "dateline", f"line {line}: {quote_line(text)}"
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
            author, author_basis = byline(lines[0].text), f"byline, line {lines[0].line}: {quote_line(lines[0].text)}"
    return _Draft(seed, blocks, kept, removed, title, title_basis, outlet, outlet_basis, author, author_basis,
                  published, published_basis, evidence)


def _outlet(removed: Sequence[Removed]) -> tuple[str | None, str | None]:
    """The site a page names in its own furniture; a written-out name beats a domain or handle."""
    found = []
    for r in removed:
        named = outlet_named(r.text) if r.reason not in (REASON_HEADLINE, REASON_HEADLINE_REPEAT, REASON_DATELINE) else None
        if named:
            found.append((named[0], r.line, named[1], r))
    if not found:
        return None, None
    _, _, name, r = min(found)
    return name, f"named in the page's own furniture, line {r.line} ({r.reason}): {quote_line(r.text)}"


# --- the seed set -------------------------------------------------------------

def _repeated_lines(drafts: Sequence[_Draft]) -> dict[str, dict[str, str]]:
    """outlet -> {line: reason} for lines one outlet repeats verbatim on several of its pages.

    Only lines without a sentence ending that do not read as reporting qualify: copies of
    an article by the same outlet share whole paragraphs, and those are text, not furniture.
    And the line must stand between different neighbours on different pages: two copies of
    one article share their headline with the same text around it, boilerplate does not."""
    by_outlet: dict[str, list[_Draft]] = defaultdict(list)
    for d in drafts:
        if d.outlet:
            by_outlet[d.outlet.casefold()].append(d)
    out: dict[str, dict[str, str]] = {}
    for outlet, group in sorted(by_outlet.items()):
        if len(group) < 2:
            continue
        pages: dict[str, int] = defaultdict(int)
        around: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
        for d in group:
            texts = [t for _, t in d.blocks]
            for text in set(texts):
                pages[text] += 1
            for i, text in enumerate(texts):
                around[text].add((texts[i - 1] if i else None, texts[i + 1] if i + 1 < len(texts) else None))
        out[outlet] = {
            text: f"repeated verbatim on {n} pages of {group[0].outlet}"
            for text, n in sorted(pages.items())
            if n >= 2 and len(around[text]) >= 2 and not furniture_reason(text)
            and not SENTENCE_END.search(text) and not reads_as_reporting(text)
        }
    return out


def clean_all(seeds: Sequence[Seed]) -> list[Article]:
    drafts = [_draft(seed) for seed in seeds]
    repeated = _repeated_lines(drafts)
    drafts = [_draft(d.seed, repeated.get(d.outlet.casefold()), d.blocks) if d.outlet else d for d in drafts]
    drafts = [_dated_by_head(d) for d in drafts]
    # Years the seed set is dated in, from front matter or datelines only (never from a
    # date that was itself inferred from text), with the sources that attest them.
    years: dict[int, list[str]] = defaultdict(list)
    for d in drafts:
        if d.published and d.published_basis in ("front matter", "dateline", "timestamp", "file name"):
            years[int(d.published[:4])].append(f"{d.seed.id}'s {d.published_basis}")
    articles = []
    for d in drafts:
        if d.published is None:
            date, why = published.from_text(d.kept, years)  # its own year cannot be among them: it has no date
            if date:
                d = replace(d, published=date, published_basis="text", published_evidence=why)
        articles.append(_article(d))
    return articles


def _dated_by_head(d: _Draft) -> _Draft:
    """A stamp opening the first line ("LONDON | Mon Mar 3, 2014 9:12am GMT The ...") is the
    publication date and leaves the text; else a date in the file name dates the seed."""
    if d.kept:
        (line, text), rest = d.kept[0], d.kept[1:]
        date, end = published.head_stamp(text)
        if date and text[end:].strip():
            stamp = text[:end].strip()
            d = replace(d, kept=((line, text[end:].strip()),) + rest,
                        removed=d.removed + (Removed(stamp, REASON_DATELINE, line),))
            if d.published is None:
                d = replace(d, published=date, published_basis="timestamp", published_evidence=f"line {line}: {quote_line(stamp)}")
    if d.published is None:
        date, why = published.from_file_name(d.seed.id)
        if date:
            d = replace(d, published=date, published_basis="file name", published_evidence=why)
    return d


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
