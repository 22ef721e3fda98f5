"""Sources against tests/gold/sources.yml: furniture removed, metadata found, copies detected."""
from __future__ import annotations

from generator.model import Briefing
from generator.scoring import Score

PART = "sources"


def score(briefing: Briefing, gold: dict) -> list[Score]:
    by_id = {s.id: s for s in briefing.sources}
    furniture = [0, 0, 0]
    metadata = [0, 0, 0]
    published = [0, 0, 0]
    copies = [0, 0, 0]

    def count(tally: list[int], want: object, got: object) -> None:
        if want is not None and got == want:
            tally[0] += 1
        elif got is not None:
            tally[1] += 1
            tally[2] += want is not None  # a wrong value is also a missed one
        elif want is not None:
            tally[2] += 1

    for sid, g in sorted(gold["sources"].items()):
        source = by_id.get(sid)
        if source is None:
            furniture[2] += len(g["furniture"])
            continue
        a = source.article
        removed = {r.line for r in a.removed}
        want = set(g["furniture"])
        furniture[0] += len(removed & want)
        furniture[1] += len(removed - want)
        furniture[2] += len(want - removed)
        if "title" in g:
            count(metadata, g["title"], a.title)
        count(metadata, g.get("outlet"), a.outlet)
        after = g.get("published_after")
        if after is not None and a.published is not None and a.published_basis == "text":
            # An honest lower bound: the article appeared on or after the date given.
            count(published, after, after if a.published <= str(after) else a.published)
        else:
            exact = g.get("published")
            count(published, None if exact is None else str(exact), a.published)
            if after is not None and a.published is None:
                published[2] += 1
        count(copies, g.get("duplicate_of"), source.duplicate_of)
    return [
        Score(PART, "furniture lines removed", *furniture, note="fp = a line of the article removed"),
        Score(PART, "title and outlet", *metadata),
        Score(PART, "published date (exact or lower bound)", *published),
        Score(PART, "copy of (duplicate_of)", *copies),
    ]
