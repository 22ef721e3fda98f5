"""Casualty figures (killed, wounded, captured, missing, displaced), each with its side and the
claimant of the statement carrying it: one subject family among the figures of any kind.

A number counts as a figure only when a subject word (killed, wounded, captured, ...)
governs it or follows it; "19 counties" and "25 years" are not claims. The claimant
is the speaker of the innermost quote or reported claim whose words contain the
number, so "7 dead" inside one spokesman's tweet and "8 killed" in another's
statement stay two claims. Values keep their qualifier: "at least 30" is [30, None].
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator import lexicon
from generator.extract.quotes import subject_of
from generator.model import Article, FigureClaim, QuoteClaim, Where

SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
COUNTED = {"NOUN", "PROPN"}
BETWEEN = {"AUX", "ADV", "PART"}


@dataclass(frozen=True)
class FigureData:
    terms: dict[str, str]  # word -> subject
    loss_verbs: frozenset[str]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str, str], ...]  # (words, kind, text), longest first
    same_number: tuple[tuple[str, ...], ...]
    hedges: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()  # "casualties from the rebel side": the word naming a side


@functools.cache
def data() -> FigureData:
    d = lexicon.read("figures")
    terms = {str(w).lower(): subject for subject, words in d["subjects"].items() for w in words}
    quals = sorted(((tuple(k.lower().split()), v, k) for k, v in d["qualifiers"].items()), key=lambda q: -len(q[0]))
    return FigureData(
        terms=terms,
        loss_verbs=frozenset(d.get("loss_verbs") or ()),
        numbers={str(k).lower(): int(v) for k, v in d["number_words"].items()},
        multipliers={str(k).lower(): int(v) for k, v in (d.get("multipliers") or {}).items()},
        qualifiers=tuple(quals),
        same_number=tuple(tuple(p.lower().split()) for p in d.get("same_number") or ()),
        hedges=frozenset(d.get("hedges") or ()),
        side_nouns=frozenset(d.get("side_nouns") or ()),
    )


def number(tok: Any, fd: FigureData) -> int | None:
    """The integer a token writes, in digits ("1,200") or words ("seven"); None otherwise."""
    if tok.ent_type_ in SKIP_ENTS:
        return None
    text = tok.lower_.replace(",", "")
    previous = tok.doc[tok.i - 1] if tok.i > 0 else None
    if text in fd.multipliers and previous is not None and number(previous, fd) is not None:
        return None  # "hundred" of "two hundred", read with the number before it
    if text.isdigit():
        value = int(text)
    elif text in fd.numbers and tok.pos_ in ("NUM", "DET", "ADJ", "NOUN"):
        value = fd.numbers[text]
    else:
        return None
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if following is not None and following.lower_ in fd.multipliers:
        value *= fd.multipliers[following.lower_]
    return value


def term_of(tok: Any, fd: FigureData) -> str | None:
    for form in (tok.lower_, tok.lemma_.lower()):
        if form in fd.terms:
            return fd.terms[form]
    return None


@dataclass
class Found:
    subject: str
    term: Any
    unit: Any | None
    side: str | None


def _side_text(tok: Any) -> str:
    words = [t for t in tok.lefts if t.dep_ in ("compound",) and t.pos_ == "PROPN"] + [tok]
    return " ".join(t.text for t in words)


def _side_of_noun(noun: Any) -> str | None:
    """ "Coalition fighters" -> Coalition (a name compounded with the counted noun); "fighters
    from the rebel side" -> rebel (for a side written as "the X side" / "X ranks" below the noun)."""
    for t in noun.children:
        if t.dep_ == "compound" and (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE")):
            return _side_text(t)
    side_nouns = data().side_nouns
    for t in noun.subtree:
        if t.lemma_.lower() in side_nouns or t.lower_ in side_nouns:
            side = next((c for c in t.children if c.dep_ in ("compound", "amod", "poss")), None)
            if side is not None:
                return side.text
    return None


def _side_of_subject(verb: Any) -> str | None:
    subj = subject_of(verb)
    if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in ("ORG", "NORP", "GPE")):
        return _side_text(subj)
    return None


def _find(tok: Any, fd: FigureData) -> Found | None:
    doc = tok.doc
    noun = tok.head if tok.dep_ == "nummod" else None
    # Linear: "30 killed", "nine Harbour Guard members have reportedly been killed", "two injuries".
    j, unit, skipped = tok.i + 1, None, 0
    if j < len(doc) and doc[j].lower_ in fd.multipliers:
        j += 1
    while j < len(doc) and skipped < 5:
        cand = doc[j]
        subject = term_of(cand, fd)
        if subject is not None and cand.pos_ == "VERB" and any(t.dep_ == "dobj" for t in cand.children):
            # "sailed at 40 knots, killing no one": a verb with an object of its own counts that
            # object, not the number before it.
            break
        if subject is not None:
            side = _side_of_noun(unit) if unit is not None else None
            if side is None:
                side = _side_of_with(tok) or _side_of_loss(cand, fd)
            if side is None:
                side = _side_of_head(cand)
            return Found(subject, cand, unit if unit is not None else (cand if cand.pos_ == "NOUN" else None), side)
        if cand.pos_ in COUNTED and (unit is None or cand.head.i == unit.i or unit.head.i == cand.i or unit.i == cand.i - 1):
            unit = cand
        elif cand.pos_ not in BETWEEN and not (cand.lemma_.lower() in fd.hedges and cand.tag_ == "VBN"):
            break
        j += 1
        skipped += 1
    counted = noun if noun is not None else tok
    # For a count that is the subject of a loss verb whose object is the subject word ("two
    # officers sustained injuries"; tests/test_figure_casualties.py).
    if counted.dep_ in ("nsubj", "nsubjpass") and counted.head.lemma_.lower() in fd.loss_verbs:
        obj = next((t for t in counted.head.children if t.dep_ == "dobj" and term_of(t, fd)), None)
        if obj is not None:
            return Found(term_of(obj, fd) or "", obj, noun, _side_of_noun(counted))
    # "lost 17 of its sailors", "seized four villages", "killing 12 people".
    if counted.dep_ in ("dobj", "nsubjpass", "nsubj") and term_of(counted.head, fd):
        verb = counted.head
        side = _side_of_noun(counted) if noun is not None else None
        if side is None and verb.lemma_.lower() in fd.loss_verbs:
            side = _side_of_subject(verb)
        return Found(term_of(verb, fd) or "", verb, noun or _of_unit(tok), side)
    # For a count put at a number: "put the number of [X] dead at seven", the side the name
    # after "of" (tests/test_figure_casualties.py).
    if tok.dep_ == "pobj" and tok.head.lower_ == "at":
        verb = tok.head.head
        obj = next((t for t in verb.children if t.dep_ == "dobj"), None)
        for t in verb.subtree:
            if t.i != tok.i and term_of(t, fd) and obj is not None:
                side = next((_side_text(p) for p in obj.subtree if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
                return Found(term_of(t, fd) or "", t, None, side)
    return None


def _of_unit(tok: Any) -> Any | None:
    """ "40 of their forces": the noun after "of"."""
    prep = next((t for t in tok.children if t.dep_ == "prep" and t.lower_ == "of"), None)
    return next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None


def _side_of_head(term: Any) -> str | None:
    """For a count set after the noun that names whose losses they are ("casualties from the
    rebel side, at least 25 killed"): the subject word hangs on that noun (as a clause or an
    adjective), or is the second of two conjoined ones; the noun's side is the count's."""
    if term.dep_ not in ("acl", "relcl", "amod", "conj"):
        return None
    return _side_of_noun(term.head if term.dep_ != "conj" else term.head.head)


def _side_of_loss(term: Any, fd: FigureData) -> str | None:
    """For a count of what a fight cost a side ("the clash cost the rebels ten fighters killed"):
    the side is the loss verb's indirect object (dative), else its subject."""
    head = term.head
    for _ in range(2):
        if head.lemma_.lower() in fd.loss_verbs:
            dative = next((t for t in head.children if t.dep_ == "dative"), None)
            if dative is not None and (dative.pos_ == "PROPN" or dative.ent_type_):
                return _side_text(dative)
            return _side_of_subject(head)
        head = head.head
    return None


def _side_of_with(tok: Any) -> str | None:
    """For a count after "with" ("were beaten back with 9 dead", "retreated with 12 wounded"): the
    side is the subject of the verb "with" hangs on, up to four heads above the number."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ in ("VERB", "AUX"):
            return _side_of_subject(t.head.head)
        t = t.head
    return None


def _qualifier(tok: Any, fd: FigureData) -> tuple[int, str | None, str | None]:
    """(first token of the expression, kind, words) for "at least 30", "nearly 30", ..."""
    doc = tok.doc
    for words, kind, text in fd.qualifiers:
        start = tok.i - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:tok.i]) == words:
            return start, kind, text
    return tok.i, None, None


def _value(n: int, kind: str | None) -> int | tuple[int | None, int | None]:
    if kind == "min":
        return (n, None)
    if kind == "max":
        return (None, n)
    return n


def claim_for(start: int, end: int, claims: Sequence[QuoteClaim]) -> QuoteClaim | None:
    """The innermost quote or reported claim whose words contain the span."""
    containing = [q for q in claims if q.where.start <= start and end <= q.where.end]
    return min(containing, key=lambda q: q.where.end - q.where.start) if containing else None


def claims(article: Article, paragraph: Any, doc: Any, here: Sequence[QuoteClaim],
           never: set[int], people: frozenset[str] = frozenset()) -> tuple[list[FigureClaim], set[int]]:
    """The casualty figures of one paragraph, and the number tokens they read. Numbers in
    `never` (names, dates, ages, sums, ...) are not read; with `people`, a loss verb counts
    casualties only when what was lost is people ("lost 40 soldiers", not "lost 300 jobs")."""
    fd = data()
    out: list[FigureClaim] = []
    used: set[int] = set()
    previous: tuple[Any, int | tuple, Found] | None = None
    for tok in doc:
        if tok.i in never:
            continue
        same = _same_number(tok, fd)
        if same is not None and previous is not None and previous[0].sent.start == tok.sent.start:
            first, last_i = same
            found = _find(doc[last_i], fd)
            if found is None:
                continue
            value, found = previous[1], Found(found.subject, found.term, None, previous[2].side)
            unit_tok = previous[2].unit
            kind = text = None
            q_start = first
            anchor = doc[last_i]
        else:
            n = number(tok, fd)
            if n is None:
                continue
            found = _find(tok, fd)
            if found is None or (people and _lost_things(found, fd, people)):
                continue
            q_start, kind, text = _qualifier(tok, fd)
            value = _value(n, kind)
            anchor = tok
            unit_tok = found.unit
            used.add(tok.i)
        near = [anchor.i] + [t.i for t in (found.term, found.unit) if t is not None and abs(t.i - anchor.i) <= 6]
        first_i, last = min([q_start, *near]), max(near)
        start, end = doc[first_i].idx, doc[last].idx + len(doc[last].text)
        claim = claim_for(anchor.idx, anchor.idx + len(anchor.text), here)
        unit = (unit_tok.lower_ if unit_tok is not None and unit_tok.pos_ == "NOUN" and not term_of(unit_tok, fd)
                else "people" if found.subject in ("killed", "wounded") else "")
        subject = f"{found.side} {found.subject}" if found.side else found.subject
        out.append(FigureClaim(
            subject=subject,
            value=value,
            unit=unit,
            expression=paragraph.text[start:end],
            where=Where(article.id, paragraph.n, start, end),
            claimant_text=claim.speaker_text if claim is not None else None,
            qualifier=text,
            via=claim.via if claim is not None else (),
            claim=claim.where if claim is not None else None,
            key=subject.casefold(),
        ))
        previous = (anchor, value, Found(found.subject, found.term, unit_tok, found.side))
    return out, used


def _lost_things(found: Found, fd: FigureData, people: frozenset[str]) -> bool:
    """ "the firm lost 300 jobs": a loss verb whose counted noun is not people."""
    if found.term.lemma_.lower() not in fd.loss_verbs or found.unit is None:
        return False
    return found.unit.lemma_.lower() not in people and found.unit.lower_ not in people


def _same_number(tok: Any, fd: FigureData) -> tuple[int, int] | None:
    """(first, last token) of "as many" / "the same number" starting at tok."""
    first = tok.lower_
    for words in fd.same_number:
        if words[0] != first:
            continue  # the same test as below, without slicing the doc
        span = tok.doc[tok.i:tok.i + len(words)]
        if len(span) == len(words) and tuple(t.lower_ for t in span) == words:
            return tok.i, tok.i + len(words) - 1
    return None
