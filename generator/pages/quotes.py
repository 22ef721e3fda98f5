"""The "Who said what" page: every quote and reported claim in one sortable table,
then one section per speaker so that search finds each statement under its speaker."""
from __future__ import annotations

from generator.model import Briefing, Quote, Where
from generator.render import Context

UNATTRIBUTED = "Unattributed"


def refs(sources: tuple[Where, ...]) -> list[tuple[str, int]]:
    """Each (source, paragraph) once, in order: two spans of one paragraph are one link."""
    return list(dict.fromkeys((w.source, w.paragraph) for w in sources))


def sort_key(name: str) -> str:
    """Descriptions sort by their noun, not by "a" or "the"."""
    words = name.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words)


def actor_names(briefing: Briefing) -> dict[str, str]:
    return {a.id: a.name for a in briefing.actors}


def speaker_name(names: dict[str, str], speaker: str | None, text: str | None) -> str:
    return names.get(speaker or "") or text or UNATTRIBUTED


def publication_dates(briefing: Briefing) -> dict[str, str]:
    """source id -> the date it was published, where that date can date the words it carries."""
    # A date read from the running text is only a lower bound of publication: no use here.
    return {s.id: s.article.published for s in briefing.sources if s.article.published and s.article.published_basis != "text"}


def first_published(dates: dict[str, str], sources: tuple[Where, ...]) -> str | None:
    """The earliest publication date of the sources carrying an item: when the words are not
    dated themselves, this is the latest day they can have been said."""
    return min((dates[w.source] for w in sources if w.source in dates), default=None)


def pages(ctx: Context) -> dict[str, str]:
    names, dates = actor_names(ctx.briefing), publication_dates(ctx.briefing)
    rows = [(q, speaker_name(names, q.speaker, q.speaker_text), refs(q.sources), first_published(dates, q.sources))
            for q in ctx.briefing.quotes]
    sections: dict[str, list[tuple[Quote, str, list, str | None]]] = {}
    for row in rows:
        sections.setdefault(row[1], []).append(row)
    order = sorted(sections, key=lambda name: (name == UNATTRIBUTED, sort_key(name), name))
    return {
        "quotes.md": ctx.page(
            "quotes.md.j2", "quotes.md", rows=rows, sections=[(name, sections[name]) for name in order],
        )
    }
