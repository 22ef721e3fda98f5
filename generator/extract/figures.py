"""Numeric claims of any kind, each with what it counts, its unit, and the claimant of the
statement carrying it.

Every number expression of a paragraph is read once (figure_numbers); those that are never
figures (names, times, dates, ages, ...) are dropped with a reason (figure_never). Casualty
counts keep their own reading, with the side that suffered them (casualties); every other
number becomes a figure only when the parse says what it counts (figure_subjects), so "34"
with no counted noun is left out rather than guessed. The claimant is the speaker of the
innermost quote or reported claim whose words contain the number ("the article" when none)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.extract import casualties, figure_claimants
from generator.extract.figure_never import reason, weak
from generator.extract.figure_numbers import NumberExpr, UnitData, scan, units
from generator.extract.figure_subjects import fold, head_of, phrase, subject_tokens
from generator.model import Article, FigureClaim, QuoteClaim, Where


def extract(article: Article, docs: Sequence[Any], quotes: Sequence[QuoteClaim]) -> tuple[FigureClaim, ...]:
    ud = units()
    out: list[FigureClaim] = []
    by_paragraph: dict[int, list[QuoteClaim]] = {}  # once, not a pass over every quote per paragraph
    for q in quotes:
        by_paragraph.setdefault(q.where.paragraph, []).append(q)
    for paragraph, doc in zip(article.paragraphs, docs):
        here = by_paragraph.get(paragraph.n, [])
        exprs = list(scan(doc, ud))
        never = {i for e in exprs if reason(e, doc, ud) for i in _numbers_of(e)}
        # A sum, a share or a measure is never a casualty count ("the index lost 12 points").
        measured = {i for e in exprs if e.unit for i in _numbers_of(e)}
        found, used = casualties.claims(article, paragraph, doc, here, never | measured, ud.people)
        rest = [e for e in exprs if not (set(_numbers_of(e)) & (never | used)) and not weak(e, doc, ud)]
        found += _generic(article, paragraph, doc, here, rest, ud)
        out.extend(sorted(found, key=lambda f: f.where.start))
    return tuple(out)


def _numbers_of(e: NumberExpr) -> tuple[int, ...]:
    return (e.number,) if e.range_end is None else (e.number, e.range_end)


def _unit(e: NumberExpr, noun: Any, ud: UnitData) -> str:
    if e.unit:
        return f"{e.unit} {e.rate}".strip()
    base = "" if noun is None else "people" if noun.lemma_.lower() in ud.people else noun.lower_
    whole = f"out of {e.out_of}" if e.out_of is not None else ""
    return " ".join(w for w in (whole, base, e.rate) if w)


def _generic(article: Article, paragraph: Any, doc: Any, here: Sequence[QuoteClaim],
             exprs: Sequence[NumberExpr], ud: UnitData) -> list[FigureClaim]:
    out: list[FigureClaim] = []
    heads: dict[int, tuple[str, str]] = {}  # head token of a figure -> (subject, key)
    for e in exprs:
        h = head_of(e, doc)
        # "$87 million, or $2.02 a share": an apposition shares the subject of its head.
        inherited = heads.get(h.head.i) if h.dep_ in ("appos", "conj") else None
        read = subject_tokens(e, doc, ud) if inherited is None else None
        if inherited is not None:
            subject, key = inherited
            noun = None
        elif read is None:
            continue
        else:
            words, noun = read
            subject, key = phrase(words), fold(words)
            if not key:
                continue
        heads[h.i] = (subject, key)
        unit = _unit(e, noun, ud)
        last = e.end if noun is None or noun.i < e.end or noun.i - e.end > 3 else noun.i
        start, end = doc[e.start].idx, doc[last].idx + len(doc[last].text)
        anchor = doc[e.number]
        claim = casualties.claim_for(anchor.idx, anchor.idx + len(anchor.text), here)
        stated_by = (claim.speaker_text if claim is not None else None) or figure_claimants.claimant(anchor, ud)
        out.append(FigureClaim(
            subject=subject,
            value=e.value,
            unit=unit,
            expression=paragraph.text[start:end],
            where=Where(article.id, paragraph.n, start, end),
            claimant_text=stated_by,
            qualifier=e.qualifier,
            via=claim.via if claim is not None else (),
            claim=claim.where if claim is not None else None,
            key=f"{key} | {unit}" if unit else key,
        ))
    return out
