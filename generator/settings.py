"""Settings shared by the CLI and the MkDocs glue."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_TITLE = "Briefing"
DEFAULT_DESCRIPTION = "What the collected coverage of one story says: sources, chronology, actors, quotes and figures."


@dataclass(frozen=True)
class Settings:
    title: str = DEFAULT_TITLE
    description: str = DEFAULT_DESCRIPTION
    model: str | None = None  # spaCy pipeline name; None = first installed of nlp.DEFAULT_MODELS
    strict: bool = False  # refuse the whole build when any seed is bad
    cache: bool = True  # reuse the per-article results of unchanged seeds (generator.cache)
    cache_dir: Path | None = None  # None = $BRIEFING_CACHE_DIR, else .cache/briefing in the project
