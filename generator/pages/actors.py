"""Actors index (grouped by kind) and one profile per actor, with a small relationship picture."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from generator import links as site_links
from generator.model import NOT_AN_ACTOR, Actor, Briefing, Mention, Where
from generator.render import Context

KIND_TITLES = (("person", "People"), ("organization", "Organisations"), ("place", "Places"), ("other", "Other"))
PICTURE_SIZE = 460
PICTURE_RADIUS = 150
PICTURE_MAX_NEIGHBOURS = 12  # more would not be legible; the full list is on the page
T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """One relation as seen from one actor's profile."""

    relation: str  # as written, e.g. "son of"
    other_id: str | None  # actor id when the other side is an actor
    other_text: str
    where: Where
    outgoing: bool  # True: this actor is the subject ("X son of Y" on X's page)


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    label: str
    href: str | None
    edge: str  # relation text drawn on the line to the centre


def profiled(briefing: Briefing) -> set[str]:
    """Actors that get a profile page: they speak, claim a figure, act in an event, or are
    mentioned in more than one paragraph. Everyone else is a row of the actors index, whose
    mentions link straight to the paragraphs, so a story of a thousand names stays a small site."""
    out = {q.speaker for q in briefing.quotes if q.speaker}
    out.update(f.claimant for f in briefing.figures if f.claimant)
    out.update(a for e in briefing.events for a in e.actors)
    out.update(a.id for a in briefing.actors if len({(w.source, w.paragraph) for w in a.mentions}) > 1)
    return out


def actor_pages(briefing: Briefing) -> dict[str, str]:
    """actor id -> page path, for the actors with a profile; ids are unique slugs, 'index' is kept for the list."""
    keep = profiled(briefing)
    return {a.id: f"actors/{'index-actor' if a.id == 'index' else a.id}.md" for a in briefing.actors if a.id in keep}


def links_of(briefing: Briefing) -> dict[str, list[Link]]:
    names = {a.id: a.name for a in briefing.actors}
    out: dict[str, list[Link]] = defaultdict(list)
    for a in briefing.actors:
        for relation, other, where in a.relations:
            known = other if other in names else None
            out[a.id].append(Link(relation, known, names.get(other, other), where, True))
            if known:
                out[known].append(Link(relation, a.id, a.name, where, False))
    return out


def picture(actor: Actor, links: list[Link], pages: dict[str, str], href: Callable[[str], str]) -> list[Node]:
    """Related actors on a circle around the centre, one per (other, relation, direction)."""
    seen: dict[tuple[str, str, bool], Link] = {}
    for link in links:
        seen.setdefault((link.other_id or link.other_text, link.relation, link.outgoing), link)
    chosen = sorted(seen.values(), key=lambda k: (k.other_text.casefold(), k.relation, not k.outgoing))[:PICTURE_MAX_NEIGHBOURS]
    nodes = []
    centre = PICTURE_SIZE / 2
    for i, link in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(chosen), 1)
        nodes.append(Node(
            x=round(centre + PICTURE_RADIUS * math.cos(angle), 1),
            y=round(centre + PICTURE_RADIUS * math.sin(angle), 1),
            label=link.other_text,
            href=href(pages[link.other_id]) if link.other_id in pages else None,
            edge=f"{actor.name} is {link.relation} {link.other_text}" if link.outgoing else f"{link.other_text} is {link.relation} {actor.name}",
        ))
    return nodes


def dropped(briefing: Briefing) -> list[Mention]:
    """Entities the tagger proposed that are not actors, with the reason, for the index."""
    return list(briefing.not_actors)


def unresolved(briefing: Briefing) -> list[tuple[str, list[Actor], list[tuple[str, int]]]]:
    """Short names left unassigned, by spelling and candidates: (text, the actors it fits, paragraphs)."""
    actors = {a.id: a for a in briefing.actors}
    groups: dict[tuple[str, tuple[str, ...]], list[Where]] = defaultdict(list)
    for u in briefing.unresolved:
        groups[(u.text, u.candidates)].append(u.where)
    return [(text, [actors[c] for c in ids if c in actors], cited(tuple(ws)))
            for (text, ids), ws in sorted(groups.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1]))]


def kind_evidence(briefing: Briefing) -> dict[Where, Mention]:
    """Each mention by its place, to show the tagger's label and why the kind differs from it."""
    return {m.where: m for m in briefing.mentions if m.kind != "other"}


def cited(sources: tuple[Where, ...]) -> list[tuple[str, int]]:
    """(source, paragraph) of each span an item is cited by, as it is listed on a profile."""
    return [(w.source, w.paragraph) for w in sources]


def by_actor(items: Iterable[T], actor_ids: Callable[[T], Iterable[str | None]]) -> dict[str | None, list[T]]:
    """actor id -> the items naming that actor, in the items' order: one pass for all profiles."""
    out: dict[str | None, list[T]] = defaultdict(list)
    for item in items:
        for actor_id in dict.fromkeys(actor_ids(item)):
            out[actor_id].append(item)
    return out


def pages(ctx: Context) -> dict[str, str]:
    b = ctx.briefing
    pages_by_id = actor_pages(b)
    related = links_of(b)
    groups = [(title, [a for a in b.actors if a.kind == kind]) for kind, title in KIND_TITLES]
    out = {
        "actors/index.md": ctx.page(
            "actors_index.md.j2", "actors/index.md",
            groups=[g for g in groups if g[1]], actor_pages=pages_by_id, dropped=dropped(b), not_an_actor=NOT_AN_ACTOR,
            paragraphs={a.id: cited(a.mentions) for a in b.actors if a.id not in pages_by_id},
            unresolved=unresolved(b),
        )
    }
    tagged = kind_evidence(b)
    quotes = by_actor(b.quotes, lambda q: (q.speaker,))
    figures = by_actor(b.figures, lambda f: (f.claimant,))
    events = by_actor(b.events, lambda e: e.actors)
    for actor in b.actors:
        if actor.id not in pages_by_id:
            continue
        page = pages_by_id[actor.id]
        seen = [tagged[w] for w in actor.mentions if w in tagged]
        labels = sorted(Counter(m.label or "none" for m in seen).items())
        corrected = [m for m in seen if m.evidence]
        mine = related.get(actor.id, [])

        def href_from(to: str, page: str = page) -> str:
            return site_links.href(page, to)

        by_source: dict[str, list[int]] = defaultdict(list)
        for w in actor.mentions:
            if w.paragraph not in by_source[w.source]:
                by_source[w.source].append(w.paragraph)
        out[page] = ctx.page(
            "actor.md.j2", page,
            actor=actor,
            cited=cited,
            actor_pages={link.other_id: pages_by_id[link.other_id] for link in mine if link.other_id in pages_by_id},
            links=mine,
            nodes=picture(actor, mine, pages_by_id, href_from),
            size=PICTURE_SIZE,
            mentions_by_source=sorted(by_source.items()),
            labels=labels,
            corrected=corrected,
            quotes=quotes.get(actor.id, []),
            figures=figures.get(actor.id, []),
            # Only the reports naming this actor: an event many sources report lists them all
            # in the chronology, not again on each of its actors' profiles.
            events=[(e, tuple(r.where for r in e.reports if actor.id in r.actors)) for e in events.get(actor.id, [])],
        )
    return out
