"""Clean stage: Seeds -> Articles (title, metadata, numbered paragraphs, removed furniture).

The rules are generic (generator/data/furniture.yml, dates.yml); what one seed cannot
settle alone is settled with evidence from the whole seed set: lines one outlet repeats
on several of its pages, and the year of a date the text gives only as weekday + day.
Nothing is dropped silently: every removed line is kept with its reason and line.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator import lexicon, published, sentences
from generator.furniture import (REASON_BYLINE, SENTENCE_END, author_bio, byline, furniture_reason, inline_furniture,
                                 outlet_named, reads_as_reporting, rules as furniture_rules, speech_cue, story_dateline, title_case,
                                 wire_tag)
from generator.model import Article, Paragraph, Post, Removed, Seed
from generator.posts import REASON_EMBED, pieces
from generator.published import dateline, quote_line

REASON_SUB_HEAD = "sub-head"
REASON_HEADLINE = "headline (shown as the title)"
REASON_HEADLINE_REPEAT = "headline repeated"
REASON_DATELINE = "dateline (shown as published)"
REASON_ABOVE_DATELINE = "above the story's dateline (a deck, caption or summary)"


@functools.cache
def _limits() -> dict[str, int | float]:
    """How long a headline, a sub-head and a page's head may be (data/thresholds.yml, `clean`)."""
    return lexicon.thresholds("clean")


@functools.cache
def _articles() -> frozenset[str]:
    """The articles ("the", "a", "an"), which a headline leaves out (data/sentences.yml)."""
    return frozenset(str(w).casefold() for w in lexicon.read("sentences")["articles"])


def _title_case(text: str) -> bool:
    return title_case(re.findall(r"[A-Za-z][\w'’-]*", text))


def _looks_like_headline(text: str, following: str | None = None) -> bool:
    """A short line without a sentence end; or, with a final full stop (some exports end every
    line with one), a title-case line, or one short sentence before a much longer line
    (`following`; None for a part of a split line, which has no line after it to compare)."""
    limits = _limits()
    if len(text.split()) > limits["headline_max_words"] or len(text) > limits["headline_max_chars"]:
        return False
    if not text.rstrip().endswith((".", "”", '"', ":")):
        return True
    if not text.rstrip().endswith(".") or text.rstrip().endswith(".."):
        return False
    if _title_case(text):
        return True
    return (following is not None and len(text.split()) <= limits["short_headline_words"]
            and len(following.split()) >= limits["following_ratio"] * len(text.split()) and len(sentences.split(text)) == 1
            and _headlinese(text))


def _headlinese(text: str) -> bool:
    """Written as headlines are: no article anywhere, and no first word that opens running
    text ("Now for the quiz.", "The board adopted a plan." are sentences of a body)."""
    words = [w.casefold() for w in re.findall(r"[A-Za-z]+", text)]
    return bool(words) and not (_articles() & set(words)) and words[0] not in sentences.rules().openers


def _deck_after_semicolon(headline: str, text: str) -> bool:
    """A deck under a headline that an export ends with a semicolon ("Ferry talks stall;" /
    "Union and operator trade blame over winter timetable."): the semicolon says the headline
    goes on, so the short sentence below it is the rest of the head, full stop or not."""
    return headline.rstrip().endswith(";") and len(text.split()) <= _limits()["short_headline_words"] \
        and len(sentences.split(text)) == 1


def _deck(headline: str, text: str, following: str | None) -> bool:
    """A second headline under the first: a short line without a sentence end, the rest of a head
    ended with a semicolon, or one short sentence in headline style (no article, no opener of
    running text: "Crews walk out over winter timetable.") above a much longer line. A deck that
    reads as reporting stays, as everywhere."""
    if reads_as_reporting(text):
        return False
    if (_looks_like_headline(text) and not SENTENCE_END.search(text)) or _deck_after_semicolon(headline, text):
        return True
    limits = _limits()
    words = len(text.split())
    return (following is not None and text.rstrip().endswith(".") and not text.rstrip().endswith("..")
            and words <= limits["short_headline_words"] and len(following.split()) >= limits["following_ratio"] * words
            and len(sentences.split(text)) == 1 and _headlinese(text))


def _stands_alone(blocks: Sequence[_Block], i: int) -> bool:
    """A blank line before and after: a line of a list or of a wrapped paragraph is no heading."""
    return all(abs(blocks[j].line - blocks[i].line) > 1 for j in (i - 1, i + 1) if 0 <= j < len(blocks))


def _continued(blocks: Sequence[_Block], reasons: dict[int, str]) -> None:
    """A furniture line cut short by a hard line break ("Editor's note: The mayor" / "has
    recused herself from …"): the lines right below it that carry on its sentence (a small
    letter first) up to the one that ends it are furniture too, for the same reason."""
    for i in sorted(reasons):
        if reasons[i] in (REASON_HEADLINE, REASON_HEADLINE_REPEAT, REASON_DATELINE, REASON_SUB_HEAD) \
                or SENTENCE_END.search(blocks[i].text):
            continue
        j = i + 1
        while (j < len(blocks) and j not in reasons and blocks[j].line == blocks[j - 1].line + 1
               and blocks[j].text[:1].islower() and not reads_as_reporting(blocks[j].text)):
            reasons[j] = f"{reasons[i]} (continued)"
            if SENTENCE_END.search(blocks[j].text):
                break
            j += 1


def _sub_head(text: str) -> bool:
    """A line that heads a section of the body: a few words, no sentence end, no colon
    introducing what follows, no speech word (a lead-in to a quotation the page left out)."""
    return (len(text.split()) <= _limits()["sub_head_max_words"] and text[:1].isupper() and not SENTENCE_END.search(text)
            and not text.rstrip().endswith((":", ",", ";")) and not speech_cue(text))


def _stopped_sub_head(text: str) -> bool:
    """A sub-head of an export that ends every line with a full stop ("A Divided Council.",
    "Talks With the Union.", "HARBOUR WORKS DELAYED."): a few words, one full stop at the end and
    none before it, no figure or colon, no speech word or quotation; in capitals (three words or
    more), or in title case with a function word ("the", "with") or an article first. The last
    condition tells it from a signature line, a name in title case ("Ana Ruiz."), and the case
    from a short sentence of the body ("That's correct.")."""
    stripped = text.rstrip()
    words = stripped.split()
    if len(words) > _limits()["sub_head_max_words"] or not stripped.endswith(".") or stripped.endswith("..") \
            or SENTENCE_END.search(stripped[:-1]) or re.search(r"[\d:;]", stripped) or len(sentences.split(text)) != 1:
        return False
    if speech_cue(text) or reads_as_reporting(text):
        return False
    plain = [w.casefold() for w in re.findall(r"[A-Za-z]+", stripped)]
    if len(words) >= 3 and not any(c.islower() for c in stripped):
        return True
    return _title_case(stripped) and bool(plain) and (plain[0] in _articles() or bool(set(plain) & _function_words()))


_SINGLE_QUOTED = re.compile(r"['‘](?!['‘])(?P<inner>[^\"“”]+?)[’'](?<!'')\.?")


def _quoted_sub_head(text: str) -> bool:
    """A sub-head that is only a phrase in single quotation marks ("'No Easy Crossing.'", "'Late,
    again'."), as headlines quote: a few words, no speech word. The caller asks it only of a page
    that writes its quotations in double marks, where single marks around a whole line are a
    heading's and not someone's words (a page quoting in single marks keeps such a line)."""
    match = _SINGLE_QUOTED.fullmatch(text.strip())
    return bool(match) and len(text.split()) <= _limits()["sub_head_max_words"] and not speech_cue(match["inner"])


@functools.cache
def _function_words() -> frozenset[str]:
    """Words a name does not hold and a heading often does (data/sentences.yml)."""
    return frozenset(str(w).casefold() for w in lexicon.read("sentences")["function_words"])


def _same_line(a: str, b: str) -> bool:
    """The same words, whatever the case, spacing and final punctuation (a headline repeated
    as the first paragraph often gains a full stop)."""
    def norm(t: str) -> str:
        return " ".join(t.casefold().rstrip(" .:;!?…").split())
    return norm(a) == norm(b)


def _title_from_text(text: str) -> str:
    """The first sentence, whole, without the wire tag or dateline that opens the story
    ("PORTLAND (Wire)_ Ferry crews walked out …"): a place and an agency are no title."""
    first = sentences.split(text[:_limits()["title_scan_chars"]])
    title = first[0] if first else text
    tag = wire_tag(title)
    rest = title[len(tag[1]):].strip() if tag and title.startswith(tag[1]) else _after_dateline(title)
    return rest if len(rest.split()) >= _limits()["title_min_words"] else title


def _after_dateline(text: str) -> str:
    """The text after a story's opening dateline ("PORTLAND, Maine — "), or all of it."""
    match = story_dateline(text)
    return text[match.end():].strip() if match else text


# --- one seed -----------------------------------------------------------------

@dataclass(frozen=True)
class _Draft:
    """One seed after its own rules ran; the seed set may still remove repeated lines."""

    seed: Seed
    blocks: tuple[_Block, ...]  # every non-blank line (or part of one), read once
    kept: tuple[_Block, ...]
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
    headline: str | None = None  # the first line, read as the page's headline
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Block:
    """A non-blank line of the seed, or a part of one (a sentence of a long line, an embedded
    post, markup cut out of it)."""

    line: int  # in the file
    text: str
    reason: str | None = None  # furniture already known from cutting the line
    post: Post | None = None
    part: bool = False  # a sentence of a line split at sentence ends


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


def _blocks(seed: Seed) -> list[_Block]:
    """Non-blank lines with their line in the file; a Markdown seed's lines as plain text.
    Embedded posts and inserted furniture are cut out of their lines, and a line too long to be
    one paragraph (or a seed that is all one line) is cut at sentence ends."""
    markdown = seed.path.lower().endswith(MARKDOWN_SUFFIXES)
    lines = [(n, line.strip()) for n, line in enumerate(seed.text.split("\n"), start=seed.first_line)]
    if markdown:
        lines = [(n, line if _is_rule_line(line) else _markdown_text(line)) for n, line in lines]
    lines = [(n, text) for n, text in lines if text]
    out: list[_Block] = []
    for n, text in lines:
        text, cut = inline_furniture(text)
        out.extend(_Block(n, c, reason) for c, reason in cut)
        for piece in pieces(text) if text else ():
            if piece.markup or piece.post:
                out.append(_Block(n, piece.text, REASON_EMBED if piece.markup else None, piece.post))
            elif _to_split(piece.text, alone=len(lines) == 1):
                parts = sentences.split(piece.text)
                if not out:
                    parts = _head_cuts(parts[0]) + parts[1:]
                out.extend(_Block(n, part, part=True) for part in parts)
            else:
                out.append(_Block(n, piece.text))
    return out


def _to_split(text: str, alone: bool) -> bool:
    """A line long enough to be several paragraphs, or an article that came as one line."""
    if sentences.is_long(text):
        return True
    return alone and len(text.split()) > sentences.rules().paragraph_words and len(sentences.split(text)) > 1


def _head_cuts(first: str) -> list[str]:
    """The first sentence of an article that came as one line, cut where the page's head runs
    into the text: before a byline, around a date stamp, and before a capitalised dateline
    ("HEADLINE By Ana Ruiz March 3, 2025 9:12 AM GMT PORTLAND (Wire) - The …")."""
    head = first[:_limits()["head_scan_chars"]]  # a page's head is short; the rest of the sentence is text
    stamps = [m.span() for m in _STAMP.finditer(head)]
    cuts = {0, len(first)} | {i for span in stamps for i in span}
    for pattern in _HEAD_CUTS:
        for m in pattern.finditer(head):
            cuts.update(i for i in m.span() if 0 < i < len(first) and not any(a < i < b for a, b in stamps))
    cuts_sorted = sorted(cuts)
    return [first[a:b].strip() for a, b in zip(cuts_sorted, cuts_sorted[1:]) if first[a:b].strip()]


def _stamp() -> re.Pattern[str]:
    r = published.rules()
    zones = "|".join(sorted((re.escape(z) for z in r.time_zones), key=len, reverse=True))
    words = "|".join(re.escape(w) for w in r.dateline_words if len(w) > 3)
    weekdays = "|".join(sorted((re.escape(w) for w in r.weekdays), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:{words})\b:?\s*)?(?:\b(?:{weekdays})\.?,?\s+)?{r.dateline_date.pattern}"
        rf"(?:,?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?(?:\s*\b(?:{zones})\b)?", re.I)


# A date stamp in a one-line article's head ("Updated: Mon Mar 3, 2025 9:12 AM GMT").
_STAMP = _stamp()
# Where a one-line article's head runs into its text: before a byline written "By First Last",
# and before a wire dateline in capitals, "PORTLAND, Maine (Wire) - " (tests/test_clean_constructions.py).
_HEAD_CUTS = (
    re.compile(r"(?<=\S)\s+(?=By\s+[A-Z][\w.'’-]+\s+[A-Z])"),
    re.compile(r"(?<=\S)\s+(?=[A-Z]{3,}(?:[ ,.'-]+[A-Z][A-Za-z.]*){0,3}\s*(?:\([^()]{1,40}\)\s*)?[-–—]\s)"),
)


def _is_rule_line(line: str) -> bool:
    """A Markdown rule ("***") or image, which the furniture rules remove as written."""
    return furniture_reason(line) in ("separator", "image")


def _draft(seed: Seed, boilerplate: dict[str, str] | None = None,
           blocks: tuple[_Block, ...] | None = None) -> _Draft:
    """`boilerplate`: lines the seed set shows to be furniture of this seed's outlet, with why."""
    blocks = tuple(_blocks(seed)) if blocks is None else blocks
    reasons: dict[int, str] = {}
    for i, b in enumerate(blocks):
        reason = b.reason or (None if b.post else furniture_reason(b.text) or (boilerplate or {}).get(b.text))
        if reason:
            reasons[i] = reason

    title, title_basis = seed.meta.title, "front matter"
    published = seed.meta.published
    published_basis = (seed.meta.published_basis or "front matter") if published else None
    evidence = None
    headline: str | None = None
    # The head of the page: furniture, datelines and the headline before the first paragraph.
    for i, b in enumerate(blocks):
        line, text = b.line, b.text
        if i in reasons:
            continue
        if b.post:
            break
        date = dateline(text)
        if date:
            reasons[i] = REASON_DATELINE
            if published is None:
                published, published_basis, evidence = date, "dateline", f"line {line}: {quote_line(text)}"
            continue
        following = None if b.part else next((c.text for j, c in enumerate(blocks[i + 1:], start=i + 1)
                                               if j not in reasons), "")
        if headline is None and (_same_line(text, title) if title else _looks_like_headline(text, following)):
            headline = text
            if reads_as_reporting(text):
                break  # the title, and still the first paragraph: a reporting sentence stays
            reasons[i] = REASON_HEADLINE
            continue
        if headline is not None and _same_line(text, headline):
            continue  # marked below with every later repeat
        if headline is not None and not b.part and _deck(headline, text, following):
            reasons[i] = REASON_SUB_HEAD  # a second headline under the first (a deck)
        break
    if headline is not None and not reads_as_reporting(headline):
        for i, b in enumerate(blocks):
            if _same_line(b.text, headline) and i not in reasons:
                reasons[i] = REASON_HEADLINE_REPEAT
    if headline is not None and title is None:
        title, title_basis = headline, "headline"
    _continued(blocks, reasons)
    _signatures(blocks, reasons)
    _question_heads(blocks, reasons)
    body = [i for i in range(len(blocks)) if i not in reasons]
    double_quoted = any(c in b.text for b in blocks for c in '"“”')
    for before, i, after in zip(body, body[1:], body[2:]):  # a first or last line is not a sub-head
        text = blocks[i].text
        if (_sub_head(text) or _stopped_sub_head(text) or (double_quoted and _quoted_sub_head(text))) \
                and not blocks[before].text.rstrip().endswith(":") \
                and _stands_alone(blocks, i) and not (blocks[i].part or blocks[i].post):
            reasons[i] = REASON_SUB_HEAD

    _summary_block(blocks, reasons)
    bio = _closing_bio(blocks, reasons)
    head = _above_dateline(blocks, reasons)
    first = next((i for i in range(len(blocks)) if i not in reasons), None)
    if head and title is None and head[0] == first and not blocks[first].part:
        title, title_basis = blocks[first].text, "headline"  # the page's first line, above its text
    reasons.update((i, REASON_ABOVE_DATELINE) for i in head)

    removed = tuple(Removed(b.text, reasons[i], b.line) for i, b in enumerate(blocks) if i in reasons)
    kept = tuple(block for i, block in enumerate(blocks) if i not in reasons)
    if title is None:
        title, title_basis = _title_from_text(kept[0].text if kept else seed.id), "first sentence"
    outlet, outlet_basis = seed.meta.outlet, "front matter" if seed.meta.outlet else None
    if outlet is None:
        outlet, outlet_basis = _outlet(removed)
    if outlet is None:
        outlet, outlet_basis = _wire_outlet(kept)
    author, author_basis = seed.meta.author, "front matter" if seed.meta.author else None
    if author is None:
        lines = [r for r in removed if r.reason == REASON_BYLINE]
        if lines:
            author, author_basis = byline(lines[0].text), f"byline, line {lines[0].line}: {quote_line(lines[0].text)}"
    if author is None and bio is not None:
        author, author_basis = bio[1], f"author's note closing the text, line {blocks[bio[0]].line}: {quote_line(blocks[bio[0]].text)}"
    return _Draft(seed, blocks, kept, removed, title, title_basis, outlet, outlet_basis, author, author_basis,
                  published, published_basis, evidence, headline)


def _claim_note(line: int) -> str:
    return (f"Line {line} is the headline (shown as the title); it reads as reporting (a speech word or a "
            "quotation), so it is also kept as paragraph 1")


def _headlines_of_the_set(drafts: Sequence[_Draft]) -> list[_Draft]:
    """Where most pages of the seed set open with a headline line, a page whose first line has a
    headline's shape too (one short sentence, no dateline or wire tag, text below it) opens with
    its headline, though it is written as a sentence ("Mayor's ferry plan hits a wall of
    debt."): alone, that line could be the first paragraph; the set says how its pages begin.
    A headline that reports what someone said ("Union says talks have failed.") stays as the
    first paragraph, as everywhere, with a note; only where the set shows its pages open with
    headlines (a first line alone that reads as reporting is more often the story's first sentence)."""
    limits = _limits()
    if len(drafts) < limits["headline_set_min_pages"] \
            or sum(d.headline is not None for d in drafts) < limits["headline_set_share"] * len(drafts):
        return list(drafts)
    out = []
    for d in drafts:
        if d.headline is not None and reads_as_reporting(d.headline) and d.kept and d.kept[0].text == d.headline:
            d = replace(d, notes=d.notes + (_claim_note(d.kept[0].line),))
        elif d.headline is None and d.seed.meta.title is None and len(d.kept) >= 2 and _headline_shape(d.kept[0], d.blocks):
            first = d.kept[0]
            d = replace(d, headline=first.text, title=first.text, title_basis="headline (the seed set's pages open with one)")
            if reads_as_reporting(first.text):
                d = replace(d, notes=d.notes + (_claim_note(first.line),))
            else:
                cut = [Removed(first.text, REASON_HEADLINE, first.line)]
                rest = d.kept[1:]
                if len(rest) >= 2 and not (rest[0].part or rest[0].post) and _deck(first.text, rest[0].text, rest[1].text):
                    cut.append(Removed(rest[0].text, REASON_SUB_HEAD, rest[0].line))
                    rest = rest[1:]
                d = replace(d, kept=rest, removed=tuple(sorted(d.removed + tuple(cut), key=lambda r: r.line)))
        out.append(d)
    return out


def _headline_shape(b: _Block, blocks: Sequence[_Block]) -> bool:
    """The first line of the page, one sentence of a headline's length, that opens no story (no
    dateline, no wire tag) and introduces nothing (no final colon)."""
    limits = _limits()
    text = b.text.strip()
    return (b is blocks[0] or all(c.reason or furniture_reason(c.text) for c in blocks[: blocks.index(b)])) \
        and not (b.part or b.post) and len(text.split()) <= limits["headline_max_words"] \
        and len(text) <= limits["headline_max_chars"] and len(sentences.split(text)) == 1 \
        and not text.endswith((":", "..", "…")) and story_dateline(text) is None and wire_tag(text) is None


@functools.cache
def _signature_shapes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str]:
    """The shapes of a signature's name, handle and town lines, and its reason (data/furniture.yml)."""
    data = lexicon.read("furniture")["signatures"]
    return re.compile(data["name"]), re.compile(data["handle"]), re.compile(data["place"]), data["reason"]


def _signatures(blocks: Sequence[_Block], reasons: dict[int, str]) -> None:
    """Readers' letters or posts, each closed by its writer's name or handle on a line of its own,
    perhaps with the writer's town on the line below ("Ana Ruiz." / "Marlow, Maine.", "@harbour_fan."):
    those lines are signatures, not text. Decided on the page's shape, not on one line: several such
    lines, each right after a paragraph that ends a sentence, and one of them closing the page (a
    sub-head of two capitalised words, "Harbour Works.", heads what follows and never closes a page).
    The writer is not given to the source: a page of letters has as many writers as letters."""
    name, handle, place, reason = _signature_shapes()
    limits = _limits()
    body = [i for i in range(len(blocks)) if i not in reasons]

    def short(i: int) -> bool:
        text = blocks[i].text.strip()
        return not (blocks[i].part or blocks[i].post) and len(text.split()) <= limits["signature_max_words"] \
            and not reads_as_reporting(text)

    def signer(i: int) -> bool:
        text = blocks[i].text.strip()
        if not short(i):
            return False
        if handle.match(text):
            return True
        # a line in capitals is a heading's ("HARBOUR WORKS DELAYED."), not a signature's
        words = {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}
        return bool(name.match(text)) and any(c.islower() for c in text) and not words & (_function_words() | _articles())

    signed: dict[int, str] = {}
    names = 0
    k = 1
    while k < len(body):
        before, i = body[k - 1], body[k]
        if before not in signed and SENTENCE_END.search(blocks[before].text) and not signer(before) and signer(i):
            signed[i] = reason
            names += 1
            town = body[k + 1] if k + 1 < len(body) else None
            if town is not None and short(town) and place.match(blocks[town].text.strip()) \
                    and not handle.match(blocks[i].text.strip()):
                signed[town] = reason
                k += 1
        k += 1
    if names >= limits["signature_min_lines"] and body and body[-1] in signed:
        reasons.update(signed)


@functools.cache
def _question_words() -> tuple[frozenset[str], str]:
    """The words that address a question to someone, and the reason (data/furniture.yml)."""
    data = lexicon.read("furniture")["question_heads"]
    return frozenset(str(w).casefold() for w in data["addressed"]), data["reason"]


def _question_heads(blocks: Sequence[_Block], reasons: dict[int, str]) -> None:
    """An explainer's sub-heads written as questions ("What happens next?" / "Has anyone been
    charged?"): a short question on a line of its own between two paragraphs, the one below it
    longer and not a question (its answer). Decided on the page's shape, not on one line: a page
    with several such lines is built of questions and answers; one such line alone is a question
    the text asks, and stays. A question quoting someone, or speaking to someone ("you", "I": an
    interviewer's question), stays. A speech word does not keep it: a question asks what was said
    ("What has the mayor said?") and reports nothing."""
    addressed, reason = _question_words()
    limits = _limits()
    body = [i for i in range(len(blocks)) if i not in reasons]

    def question(i: int) -> bool:
        text = blocks[i].text.strip()
        words = {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}
        return not (blocks[i].part or blocks[i].post) and text.endswith("?") and text[:1].isupper() \
            and len(text.split()) <= limits["question_head_max_words"] and len(sentences.split(text)) == 1 \
            and not any(c in text for c in '"“”«»') and not words & addressed

    heads = [i for before, i, after in zip(body, body[1:], body[2:])
             if question(i) and SENTENCE_END.search(blocks[before].text) and not blocks[before].text.rstrip().endswith("?")
             and not blocks[after].text.rstrip().endswith("?") and SENTENCE_END.search(blocks[after].text)
             and len(blocks[after].text.split()) > len(blocks[i].text.split())]
    if len(heads) >= limits["question_heads_min"]:
        reasons.update((i, reason) for i in heads)


@functools.cache
def _summary_labels() -> tuple[frozenset[str], frozenset[str], str]:
    """The labels that open and close a summary block, and its reason (data/furniture.yml)."""
    data = lexicon.read("furniture")["summary_block"]
    return (frozenset(str(w).casefold() for w in data["opens"]),
            frozenset(str(w).casefold() for w in data["closes"]), data["reason"])


def _summary_block(blocks: Sequence[_Block], reasons: dict[int, str]) -> None:
    """A database export's summary, between a label that opens it ("ABSTRACT.") and one that
    opens the full text ("FULL TEXT."): the text that follows says it again. A line that reads
    as reporting stays, as everywhere."""
    opens, closes, reason = _summary_labels()

    def label(i: int) -> str:
        return blocks[i].text.casefold().rstrip(" .:")
    for i in range(len(blocks)):
        if label(i) not in opens:
            continue
        end = next((j for j in range(i + 1, min(len(blocks), i + 2 + _limits()["summary_max_lines"]))
                    if label(j) in closes), None)
        if end is None:
            continue
        for j in range(i + 1, end):
            if j not in reasons and not blocks[j].post and not reads_as_reporting(blocks[j].text):
                reasons[j] = reason


def _closing_bio(blocks: Sequence[_Block], reasons: dict[int, str]) -> tuple[int, str] | None:
    """An opinion piece's closing note about its author ("Ana Ruiz is a lecturer in maritime law at
    Marlow College."): the last line of the text, whose full name the text above never uses (a
    news story that ends by describing someone has named them before). Marked, with the author."""
    body = [i for i in range(len(blocks)) if i not in reasons and not blocks[i].post]
    if len(body) < 2 or blocks[body[-1]].part:
        return None
    last = body[-1]
    author = author_bio(blocks[last].text)
    if author is None or any(author in blocks[i].text for i in body[:-1]):
        return None
    reasons[last] = furniture_rules().author_bio_reason
    return last, author


def _above_dateline(blocks: Sequence[_Block], reasons: dict[int, str]) -> list[int]:
    """The paragraphs a page shows above the dateline that opens its story ("PORTLAND, Maine —
    …"): a deck, a photo caption, a summary, the headline again. Only when the dateline comes
    within the first few paragraphs and each one above it is short; a line that reads as
    reporting stays (a deck quoting someone is still that person's words), as does a post."""
    limits = _limits()
    body = [i for i in range(len(blocks)) if i not in reasons]
    for k, i in enumerate(body[: limits["above_dateline_paragraphs"] + 1]):
        if story_dateline(blocks[i].text) is not None:
            above = body[:k]
            if any(blocks[j].post or len(blocks[j].text.split()) > limits["above_dateline_words"] for j in above):
                return []
            return [j for j in above if not reads_as_reporting(blocks[j].text)]
    return []


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


def _wire_outlet(kept: Sequence[_Block]) -> tuple[str | None, str | None]:
    """The agency a wire story's dateline names ("PORTLAND (Wire) - …"), in its first paragraph,
    or below a deck or a caption kept because it quotes someone (as many as stand above a dateline)."""
    for b in kept[: _limits()["above_dateline_paragraphs"] + 1]:
        found = wire_tag(b.text)
        if found:
            return found[0], f"wire tag, line {b.line}: {quote_line(found[1])}"
    return None, None


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
            texts = [b.text for b in d.blocks]
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
    drafts = _headlines_of_the_set(drafts)
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
            date, why = published.from_text([(b.line, b.text) for b in d.kept], years)  # its own year cannot be among them: it has no date
            if date:
                d = replace(d, published=date, published_basis="text", published_evidence=why)
        articles.append(_article(d))
    return articles


def _dated_by_head(d: _Draft) -> _Draft:
    """A stamp opening the first line ("LONDON | Mon Mar 3, 2014 9:12am GMT The ...") is the
    publication date and leaves the text; else a date in the file name dates the seed."""
    if d.kept:
        first, rest = d.kept[0], d.kept[1:]
        line, text = first.line, first.text
        date, end = published.head_stamp(text)
        if date and text[end:].strip():
            stamp = text[:end].strip()
            d = replace(d, kept=(replace(first, text=text[end:].strip()),) + rest,
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


def _paragraphs(kept: Sequence[_Block]) -> tuple[list[Paragraph], list[str]]:
    """Numbered paragraphs: a kept line is one, and the kept sentences of a split line are
    grouped a few to a paragraph; with a note for each split line."""
    texts: list[tuple[int, str, Post | None]] = []
    notes: list[str] = []
    i = 0
    while i < len(kept):
        b = kept[i]
        if not b.part:
            texts.append((b.line, b.text, b.post))
            i += 1
            continue
        j = i
        while j < len(kept) and kept[j].part and kept[j].line == b.line:
            j += 1
        run = sentences.group([k.text for k in kept[i:j]])
        first = len(texts) + 1
        texts.extend((b.line, text, None) for text in run)
        if len(run) > 1:
            notes.append(f"Line {b.line} has no paragraph breaks ({sum(len(k.text.split()) for k in kept[i:j])} words "
                         f"kept): it is split at sentence ends into paragraphs {first}–{len(texts)}")
        i = j
    return [Paragraph(n=n, text=text, line=line, post=post) for n, (line, text, post) in enumerate(texts, start=1)], notes


def _article(d: _Draft) -> Article:
    seed = d.seed
    paragraphs, split_notes = _paragraphs(d.kept)
    notes = list(d.notes) + split_notes
    return Article(
        id=seed.id,
        path=seed.path,
        title=d.title,
        title_basis=d.title_basis,
        paragraphs=tuple(paragraphs),
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
        notes=tuple(notes),
    )
