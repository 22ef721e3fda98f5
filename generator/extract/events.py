"""Events: sentences that report something happening at a time the article names.

One claim per sentence and distinct time: the text is the whole sentence, verbatim, so
nothing is summarised away; unresolved times are kept (a copy's original or the other
sources may date them at merge time).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from generator import lexicon
from generator.model import Article, EventClaim, Mention, TimeExpression, Where

# Durations ("for the past four decades") describe a state, not something that happened then.
NOT_EVENTS = {"period", "vague", "set", "relfocus", "duration", "quarter", "half", "season", "focus", "yearback", "decadeword", "yearfocus", "eventoffset", "dayfocus", "thenfocus", "century"}
TERM_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


@functools.cache
def settings() -> dict[str, Any]:
    """data/events.yml: thresholds for merging reports across sources."""
    return lexicon.read("events")


@functools.cache
def reporting_verbs() -> frozenset[str]:
    """The verbs (lemmas) that make a sentence's time the time of a statement, not of a happening:
    the speech verbs of data/speech.yml, the one list of them."""
    return frozenset(str(w).lower() for w in lexicon.read("speech")["speech_verbs"])


def _sentences(text: str, doc: Any) -> list[tuple[int, int, Any]]:
    if doc is None:
        return [(0, len(text), None)]
    return [(s.start_char, s.end_char, s) for s in doc.sents]


def _is_annotation(text: str, t: TimeExpression) -> bool:
    """Years in brackets after a name ("(1953-2001)") annotate it; they are not an event."""
    before = text[:t.where.start].rstrip()
    after = text[t.where.end:].lstrip()
    return before.endswith("(") and after.startswith(")")


def _terms(span: Any, skip: list[tuple[int, int]]) -> tuple[str, ...]:
    if span is None:
        return ()
    out = set()
    for tok in span:
        if tok.pos_ not in TERM_POS or tok.is_stop or not tok.is_alpha or len(tok.text) < 3:
            continue
        if any(a <= tok.idx < b for a, b in skip):
            continue
        out.add(tok.lemma_.lower())
    return tuple(sorted(out))


def _is_statement(span: Any, t: TimeExpression) -> bool:
    """Does the time belong to a reporting verb ("said on Thursday") rather than to a happening?"""
    if span is None:
        return False
    inside = [tok for tok in span if t.where.start <= tok.idx < t.where.end]
    heads = [tok for tok in inside if not t.where.start <= tok.head.idx < t.where.end or tok.head == tok]
    if not heads:
        return False
    # "said on Monday they had ...": a time right after a reporting verb is the saying's,
    # whichever verb the parser hung it on; "said Thursday's clashes ..." is not.
    prev = inside[0].i - 1
    if prev > span.start and span.doc[prev].pos_ == "ADP":
        prev -= 1
    possessive = any(tok.dep_ in ("poss", "case") for tok in inside)
    if not possessive and prev >= span.start and span.doc[prev].lemma_.lower() in reporting_verbs():
        return True
    tok = heads[0]
    for _ in range(len(span) + 1):
        if tok != heads[0] and tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head == tok:
            break
        tok = tok.head
    return tok.lemma_.lower() in reporting_verbs()


def _has_verb(span: Any) -> bool:
    return span is None or any(tok.pos_ in ("VERB", "AUX") for tok in span)


def _in_a_clause(span: Any, t: TimeExpression) -> bool:
    """Is the time said of something happening: does a verb govern it within its sentence?
    A stamp or caption ("Photo: Staff, Tuesday 4 March") dates a fragment with no verb
    above the date, even where another clause of the sentence has one."""
    if span is None:
        return True
    inside = [tok for tok in span if t.where.start <= tok.idx < t.where.end]
    if not inside:
        return True
    # (spaCy makes a new Token object on every access, so a root is found by index, never by `is`;
    # the walk is bounded, as a head chain is, by the sentence's length)
    tok = inside[0]
    for _ in range(len(span) + 1):
        if not (t.where.start <= tok.idx < t.where.end) or tok.head.i == tok.i:
            break
        tok = tok.head
    for _ in range(len(span) + 1):
        if tok.pos_ in ("VERB", "AUX"):
            return True
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return False
        tok = tok.head
    return False


def extract(article: Article, docs: Sequence[Any], times: Sequence[TimeExpression], mentions: Sequence[Mention]) -> tuple[EventClaim, ...]:
    out: list[EventClaim] = []
    for i, paragraph in enumerate(article.paragraphs):
        doc = docs[i] if i < len(docs) else None
        here = [t for t in times if t.where.paragraph == paragraph.n and t.kind not in NOT_EVENTS]
        if not here:
            continue
        spans = [(t.where.start, t.where.end) for t in here]
        for start, end, span in _sentences(paragraph.text, doc):
            if not _has_verb(span):
                continue
            seen: set[tuple[str | None, str]] = set()
            for t in here:
                if not start <= t.where.start < end or _is_annotation(paragraph.text, t) or not _in_a_clause(span, t):
                    continue
                key = (t.value, t.expression if t.value is None else "")
                if key in seen:
                    continue
                seen.add(key)
                actors = sorted({m.text for m in mentions
                                 if m.where.paragraph == paragraph.n and start <= m.where.start < end})
                out.append(EventClaim(
                    text=paragraph.text[start:end].strip(),
                    time=t,
                    where=Where(article.id, paragraph.n, start, end),
                    actors=tuple(actors),
                    terms=_terms(span, spans),
                    statement=_is_statement(span, t),
                ))
    return tuple(out)
