"""The "Disputed figures" page: numeric claims on one subject side by side, by claimant
and date. Nothing is averaged or preferred; each claim keeps its own words."""
from __future__ import annotations

from generator.model import Figure
from generator.pages.quotes import actor_names, first_published, publication_dates, refs, speaker_name
from generator.render import Context, value_text


def pages(ctx: Context) -> dict[str, str]:
    groups: dict[str, list[Figure]] = {}
    for f in ctx.briefing.figures:
        groups.setdefault(f.subject, []).append(f)
    names, dates = actor_names(ctx.briefing), publication_dates(ctx.briefing)
    sections = []
    for subject in sorted(groups, key=lambda s: (s.casefold(), s)):
        rows = sorted(groups[subject], key=lambda f: (f.date or "9999", speaker_name(names, f.claimant, f.claimant_text), f.expression))
        sections.append((subject, [
            (f, speaker_name(names, f.claimant, f.claimant_text), value_text(f.value), refs(f.sources), first_published(dates, f.sources))
            for f in rows
        ]))
    return {"figures.md": ctx.page("figures.md.j2", "figures.md", sections=sections)}
