"""The "Who said what" page: every quote and reported claim in one sortable table,
then one section per speaker so that search finds each statement under its speaker."""
from __future__ import annotations

from generator.model import Quote, Where
from generator.render import Context

UNATTRIBUTED = "Unattributed"


def refs(sources: tuple[Where, ...]) -> list[tuple[str, int]]:
    """Each (source, paragraph) once, in order: two spans of one paragraph are one link."""
    seen: list[tuple[str, int]] = []
    for w in sources:
        if (w.source, w.paragraph) not in seen:
            seen.append((w.source, w.paragraph))
    return seen


def sort_key(name: str) -> str:
    """Descriptions sort by their noun, not by "a" or "the"."""
    words = name.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words)


def speaker_name(ctx: Context, speaker: str | None, text: str | None) -> str:
    names = {a.id: a.name for a in ctx.briefing.actors}
    return names.get(speaker or "") or text or UNATTRIBUTED


def first_published(ctx: Context, sources: tuple[Where, ...]) -> str | None:
    """The earliest publication date of the sources carrying an item: when the words are not
    dated themselves, this is the latest day they can have been said."""
    # A date read from the running text is only a lower bound of publication: no use here.
    dates = {s.id: s.article.published for s in ctx.briefing.sources if s.article.published_basis != "text"}
    found = sorted(d for w in sources for d in [dates.get(w.source)] if d)
    return found[0] if found else None


def pages(ctx: Context) -> dict[str, str]:
    quotes = ctx.briefing.quotes
    rows = [(q, speaker_name(ctx, q.speaker, q.speaker_text), refs(q.sources), first_published(ctx, q.sources))
            for q in quotes]
    sections: dict[str, list[tuple[Quote, str, list, str | None]]] = {}
    for row in rows:
        sections.setdefault(row[1], []).append(row)
    order = sorted(sections, key=lambda name: (name == UNATTRIBUTED, sort_key(name), name))
    return {
        "quotes.md": ctx.render(
            "quotes.md.j2", "quotes.md", rows=rows, sections=[(name, sections[name]) for name in order],
        )
    }
