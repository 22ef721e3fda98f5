"""The "Disputed figures" page: numeric claims on one subject side by side, by claimant
and date. Nothing is averaged or preferred; each claim keeps its own words.

Figures are grouped by their key (the subject folded by a generic rule, with its unit), so
"workers on strike" and "striking workers" are one subject; each group shows the spread of
what is claimed (lowest to highest as stated) and marks the claims that disagree."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.merge.figures import disagree, spread, value_key
from generator.model import Figure
from generator.pages.quotes import actor_names, first_published, publication_dates, refs, speaker_name
from generator.render import Context, value_text


@dataclass(frozen=True)
class SubjectGroup:
    key: str
    subject: str  # the wording most of its claims use
    figures: tuple[Figure, ...]  # by date, then claimant, then value
    conflicting: tuple[bool, ...]  # per figure: it disagrees with another claim of the group
    spread: str  # "7 – 40 people"; "" when every claim gives one value

    @property
    def disputed(self) -> bool:
        return any(self.conflicting)

    @property
    def values(self) -> int:
        return len({(value_key(f.value), f.unit) for f in self.figures})


def _spread_text(figures: Sequence[Figure]) -> str:
    ends = spread(figures)
    if ends is None or value_key(ends[0]) == value_key(ends[1]):
        return ""
    units = {f.unit for f in figures}
    unit = f" {units.pop()}" if len(units) == 1 and "" not in units else ""
    return f"{value_text(ends[0])} – {value_text(ends[1])}{unit}"


def subject_groups(figures: Sequence[Figure]) -> list[SubjectGroup]:
    """Every subject with its claims, in subject order (case folded)."""
    by_key: dict[str, list[Figure]] = {}
    for f in figures:
        by_key.setdefault(f.key or f.subject, []).append(f)
    out = []
    for key, members in by_key.items():
        members.sort(key=lambda f: (f.date or "9999", f.claimant_text or "", value_key(f.value), f.expression))
        wording = Counter(f.subject for f in members)
        subject = min(wording, key=lambda s: (-wording[s], s))
        conflicting = tuple(any(disagree(f, g) for g in members if g is not f) for f in members)
        out.append(SubjectGroup(key, subject, tuple(members), conflicting, _spread_text(members)))
    out.sort(key=lambda g: (g.subject.casefold(), g.subject, g.key))
    return out


def pages(ctx: Context) -> dict[str, str]:
    names, dates = actor_names(ctx.briefing), publication_dates(ctx.briefing)
    sections = []
    for group in subject_groups(ctx.briefing.figures):
        rows = [(f, speaker_name(names, f.claimant, f.claimant_text), value_text(f.value), refs(f.sources),
                 first_published(dates, f.sources), conflict)
                for f, conflict in zip(group.figures, group.conflicting)]
        sections.append((group, rows))
    return {"figures.md": ctx.page("figures.md.j2", "figures.md", sections=sections)}
