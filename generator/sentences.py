"""Sentence boundaries without a parser, for cleaning (which runs before spaCy).

Text copied from a PDF, an API or a text export may hold a whole article on one line; cleaning
splits such a line at sentence ends before it looks for furniture, so every sentence is judged
on its own and the body is numbered in paragraphs of a few sentences. The word lists are in
generator/data/sentences.yml.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import lexicon


@dataclass(frozen=True)
class _Rules:
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    openers: frozenset[str]
    long_line_words: int
    paragraph_sentences: int
    paragraph_words: int


@functools.cache
def rules() -> _Rules:
    data = lexicon.read("sentences")
    limits = lexicon.thresholds("sentences")
    return _Rules(
        abbreviations=frozenset(str(w).casefold() for w in data["abbreviations"]),
        number_abbreviations=frozenset(str(w).casefold() for w in data["number_abbreviations"]),
        openers=frozenset(str(w).casefold() for w in data["openers"]),
        long_line_words=limits["long_line_words"],
        paragraph_sentences=limits["paragraph_sentences"],
        paragraph_words=limits["paragraph_words"],
    )


# A sentence end: terminal punctuation, any closing quotes or brackets, then space and the
# capital, digit or opening quote that starts the next sentence.
_BOUNDARY = re.compile(r"[.?!…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s+[“\"‘'(\[]?([A-Za-z0-9]+)")


def _quote_depths(text: str) -> list[int]:
    """For each position, whether it lies inside a quotation (1) or not (0). Straight quotes
    count only when they pair up in the text, curly ones only when their opening and closing
    marks are equal in number: one stray mark must not hide every later sentence end."""
    curly = text.count("“") == text.count("”")
    straight = text.count('"') % 2 == 0
    depth, out = 0, []
    for c in text:
        if curly and c == "“":
            depth += 1
        elif curly and c == "”":
            depth = max(0, depth - 1)
        elif straight and c == '"':
            depth = 0 if depth else 1
        out.append(depth)
    return out


def _ends_sentence(text: str, mark_start: int, stop: int, mark: str) -> bool:
    """Whether the punctuation from `mark_start` to `stop` ends a sentence: not after an
    abbreviation ("Mr.", "Calif."), an initial ("J."), a numbering word before its number
    ("No. 9"), or a dotted abbreviation ("U.S.") followed by a word that does not usually open
    a sentence ("U.S. President …")."""
    if not mark.startswith(".") or mark.startswith("..."):
        return True
    # an abbreviation is short: look back a few characters only, so a line without spaces
    # is not scanned again for each of its full stops
    reach = max(0, mark_start - 40)
    word = text[max(reach, text.rfind(" ", reach, mark_start) + 1) : mark_start]
    word = word.lstrip("“\"‘'([").casefold()
    if word in rules().abbreviations or (len(word) == 1 and word.isalpha()):
        return False
    if word in rules().number_abbreviations:
        following = _NEXT_WORD.match(text, stop)
        return not (following and following.group(1)[:1].isdigit())
    if "." in word:
        following = _NEXT_WORD.match(text, stop)
        return bool(following) and following.group(1).casefold() in rules().openers
    return True


def full_stop_ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop at `at` ends a sentence; the one judgement of abbreviations that
    cleaning's splitter and quote extraction's sentence bounds share."""
    return _ends_sentence(text, at, at + 1, ".")


@functools.lru_cache(maxsize=64)  # a long line is asked about more than once while it is cleaned
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, in order, covering every non-space character."""
    depths = _quote_depths(text)
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        stop = m.end()
        if depths[stop - 1]:
            continue  # inside a quotation: its sentences belong to one quote
        mark = text[m.start():stop].rstrip("”\"’')]")
        if not _ends_sentence(text, m.start(), stop, mark):
            continue
        out.append((start, stop))
        start = stop + (len(text[stop:]) - len(text[stop:].lstrip()))
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return tuple(out)


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in spans(text)]


def is_long(text: str) -> bool:
    return len(text.split()) > rules().long_line_words


def group(sentences: Sequence[str]) -> list[str]:
    """Consecutive sentences joined into paragraphs of a few sentences each."""
    r = rules()
    out: list[list[str]] = [[]]
    for sentence in sentences:
        out[-1].append(sentence)
        if len(out[-1]) >= r.paragraph_sentences or sum(len(s.split()) for s in out[-1]) >= r.paragraph_words:
            out.append([])
    return [" ".join(p) for p in out if p]
