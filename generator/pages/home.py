"""The overview a reader meets first: what the briefing covers, its best-corroborated events,
the figures that disagree and which source carries which main claim.

Every part is shown even when nothing was extracted for it, saying so, so an empty section
reads as "nothing found" and never as "nothing there".
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.model import Briefing, Event, Figure, Quote, Where
from generator.merge.figures import value_key
from generator.pages.actors import actor_pages
from generator.pages.figures import subject_groups
from generator.pages.quotes import refs as places
from generator.render import Context

KEY_EVENTS = 6  # key developments listed on the overview
MAIN_CLAIMS = 8  # columns of the coverage matrix
QUOTES_PAGE = "quotes.md"
FIGURES_PAGE = "figures.md"


@dataclass(frozen=True)
class Claim:
    """One row of the claims legend and one column of the coverage matrix."""

    label: str  # "Q1", "F2": short column header
    kind: str  # "quote" or "figure"
    text: str
    who: str | None
    who_id: str | None  # actor id, for a link to the profile
    page: str  # the page listing it in full
    anchor: str | None  # its entry on that page
    sources: tuple[Where, ...]
    independent: int


@dataclass(frozen=True)
class Dispute:
    subject: str
    figures: tuple[Figure, ...]
    spread: str = ""  # lowest – highest as claimed
    disagree: bool = False  # two of the claims cannot both hold


def roots(briefing: Briefing) -> dict[str, str]:
    """source id -> the source it was ultimately copied from (itself when independent)."""
    copy_of = {s.id: s.duplicate_of for s in briefing.sources}
    out: dict[str, str] = {}
    for sid in copy_of:
        seen, cur = {sid}, sid
        while copy_of.get(cur) and copy_of[cur] not in seen:
            cur = copy_of[cur]
            seen.add(cur)
        out[sid] = cur
    return out


def independent_count(sources: tuple[Where, ...], root: dict[str, str]) -> int:
    return len({root.get(w.source, w.source) for w in sources})


def key_events(briefing: Briefing, root: dict[str, str]) -> list[tuple[Event, int]]:
    """The story's events carried by the most independent sources; ties in date order."""
    story = [e for e in briefing.events if e.story] or list(briefing.events)
    ranked = sorted(story, key=lambda e: (-independent_count(e.sources, root), e.date, e.id))
    return [(e, independent_count(e.sources, root)) for e in ranked[:KEY_EVENTS]]


def disputes(briefing: Briefing) -> list[Dispute]:
    """Subjects with more than one distinct figure claimed: those whose claims disagree first,
    then by subject; figures in date then value order."""
    groups = [g for g in subject_groups(briefing.figures) if g.values > 1]
    groups.sort(key=lambda g: (not g.disputed, g.subject.casefold(), g.key))
    return [Dispute(g.subject, tuple(sorted(g.figures, key=lambda f: (f.date or "", value_key(f.value), f.claimant_text or "", f.expression))),
                    g.spread, g.disputed) for g in groups]


def main_claims(briefing: Briefing, root: dict[str, str]) -> list[Claim]:
    """Quotes and figures carried by the most independent sources, then by the most sources."""
    candidates: list[tuple[tuple, str, Quote | Figure]] = []
    for i, q in enumerate(briefing.quotes):
        candidates.append(((-independent_count(q.sources, root), -len(q.sources), 0, i), "quote", q))
    for i, f in enumerate(briefing.figures):
        candidates.append(((-independent_count(f.sources, root), -len(f.sources), 1, i), "figure", f))
    candidates.sort(key=lambda c: c[0])
    claims: list[Claim] = []
    counts = {"quote": 0, "figure": 0}
    for _, kind, item in candidates[:MAIN_CLAIMS]:
        counts[kind] += 1
        if isinstance(item, Quote):
            text, who, who_id = item.text, item.speaker_text, item.speaker
            page, anchor = QUOTES_PAGE, item.id
        else:
            text, who, who_id = f"{item.subject}: {item.expression}", item.claimant_text, item.claimant
            page, anchor = FIGURES_PAGE, None
        claims.append(Claim(
            label=f"{kind[0].upper()}{counts[kind]}", kind=kind, text=text, who=who, who_id=who_id, page=page, anchor=anchor,
            sources=item.sources, independent=independent_count(item.sources, root),
        ))
    return claims


def coverage(briefing: Briefing, claims: list[Claim]) -> list[tuple[str, list[int | None]]]:
    """Per source, the first paragraph carrying each claim (None: the source does not carry it)."""
    firsts: list[dict[str, int]] = []
    for c in claims:
        first: dict[str, int] = {}
        for w in c.sources:
            first[w.source] = min(w.paragraph, first.get(w.source, w.paragraph))
        firsts.append(first)
    return [(s.id, [first.get(s.id) for first in firsts]) for s in briefing.sources]


def pages(ctx: Context) -> dict[str, str]:
    b = ctx.briefing
    sources = b.sources
    dates = sorted(a.published for a in (s.article for s in sources) if a.published)
    outlets = sorted({s.article.outlet for s in sources if s.article.outlet})
    independent = [s for s in sources if s.duplicate_of is None]
    root = roots(b)
    claims = main_claims(b, root)
    return {
        "index.md": ctx.render(
            "home.md.j2",
            "index.md",
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            undated=len(sources) - len(dates),
            outlets=outlets,
            independent=independent,
            key_events=key_events(b, root),
            disputes=disputes(b),
            claims=claims,
            coverage=coverage(b, claims) if claims else [],
            places=places,
            actor_pages=actor_pages(b),
        )
    }
