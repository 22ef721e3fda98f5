"""BuildMemory: everything one build keeps for the next build in the same process.

Only `mkdocs serve` makes one (generator.serving), and passes it to `pipeline.build_briefing`
and `render.render`; without it every stage is a function of its inputs and keeps nothing.
Each part is keyed by what it was derived from (an article's cache key, an article, a
paragraph's words, the values a page shows), so a kept entry is never stale; each keeps only
what the last build used.
"""
from __future__ import annotations

from generator.merge.sources import LinkMemory
from generator.model import Extraction
from generator.render import PageMemo


class BuildMemory:
    def __init__(self) -> None:
        # The last build's extractions by cache key: a rebuild after an edit then reads from disk
        # only what changed.
        self.extractions: dict[str, Extraction] = {}
        self.links = LinkMemory()  # the merge's texts, MinHashes and pair comparisons
        self.pages = PageMemo()  # the rendered pages and data lines, by what they show
