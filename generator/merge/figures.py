"""Figures across sources: one row per (subject, value, claimant, date), every source that
carries it. The claims of different people, or of one person on different days, are never
folded together, averaged or ranked; copies of one claim in several sources are one row.

Rows about the same thing share a key (the subject folded by a generic rule, and its unit),
which the Disputed figures page groups by; `spread` and `disagree` read such a group."""
from __future__ import annotations

from collections.abc import Sequence

from generator.merge.actors import ActorIndex
from generator.merge.quotes import merge_all, normalise
from generator.model import Extraction, Figure, FigureValue, Quote, Source, Where


def merge_figures(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Figure, ...]:
    return merge_all(extractions, index, sources)[1]


def value_key(value: FigureValue) -> tuple:
    """Orders and tells apart values: exact numbers first, then ranges, open ends as -1."""
    if not isinstance(value, tuple):
        return (0, value, value)
    low, high = value
    return (1, -1 if low is None else low, -1 if high is None else high)


def merge_linked(extractions: Sequence[Extraction], index: ActorIndex, quotes: Sequence[Quote],
                 quote_of: dict[Where, str]) -> tuple[Figure, ...]:
    """Figures, each linked to the merged quote carrying it (`quote_of`: claim span -> quote id)."""
    by_id = {q.id: q for q in quotes}
    claims = {c.where: c for x in extractions for c in x.quotes}
    groups: dict[tuple, list] = {}
    for x in extractions:
        for f in x.figures:
            qid = quote_of.get(f.claim) if f.claim is not None else None
            quote = by_id.get(qid) if qid else None
            carrier = claims.get(f.claim) if f.claim is not None else None
            named = carrier is None or carrier.speaker_named
            claimant = index.lookup(f.claimant_text, f.where.source, f.where.paragraph) if f.claimant_text and named else None
            date = f.date or (quote.date if quote is not None else None)
            who = claimant or normalise(f.claimant_text or "")
            key = (f.key or f.subject, f.subject, value_key(f.value), who, date or "")
            groups.setdefault(key, []).append((f, claimant, qid, date))
    out = []
    for members in groups.values():
        members.sort(key=lambda m: (m[0].where.source, m[0].where.paragraph, m[0].where.start))
        f, claimant, qid, date = members[0]
        via: list[str] = []
        for m in members:
            via.extend(v for v in m[0].via if v not in via)
        out.append(Figure(
            subject=f.subject, value=f.value, unit=f.unit, expression=f.expression,
            sources=tuple(m[0].where for m in members),
            claimant=claimant, claimant_text=f.claimant_text, date=date,
            qualifier=f.qualifier, via=tuple(via), quote=qid, key=f.key or f.subject,
        ))
    out.sort(key=lambda g: (g.subject, g.date or "", g.claimant_text or "", value_key(g.value), g.sources[0].source, g.key))
    return tuple(out)


def bounds(value: FigureValue) -> tuple[float | None, float | None]:
    return value if isinstance(value, tuple) else (value, value)


def spread(figures: Sequence[Figure]) -> tuple[FigureValue, FigureValue] | None:
    """The lowest and the highest figure of a group as stated (never a mean); None when empty."""
    if not figures:
        return None
    low = min(figures, key=lambda f: (bounds(f.value)[0] if bounds(f.value)[0] is not None else bounds(f.value)[1]))
    high = max(figures, key=lambda f: (bounds(f.value)[1] if bounds(f.value)[1] is not None else bounds(f.value)[0]))
    return low.value, high.value


def _who(f: Figure) -> str:
    return f.claimant or normalise(f.claimant_text or "")


def disagree(a: Figure, b: Figure) -> bool:
    """Two claims about one thing disagree when their values cannot both hold ("7" and "8";
    "at least 30" and "nearly 20") and they are not one statement's own parts (one claimant
    in one paragraph giving two numbers, as in "up from 58 percent to 55 percent")."""
    one_statement = _who(a) == _who(b) and {(w.source, w.paragraph) for w in a.sources} & {(w.source, w.paragraph) for w in b.sources}
    if one_statement:
        return False
    (alo, ahi), (blo, bhi) = bounds(a.value), bounds(b.value)
    # Ranges overlap when each one's low is at most the other's high (an open end holds anything).
    return not ((alo is None or bhi is None or alo <= bhi) and (blo is None or ahi is None or blo <= ahi))


def disputed(figures: Sequence[Figure]) -> bool:
    return any(disagree(a, b) for i, a in enumerate(figures) for b in figures[i + 1:])
