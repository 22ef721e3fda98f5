"""Settings shared by the CLI and the MkDocs plugin."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

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
    executor: str | None = None  # None = worker processes here; "dask://HOST:PORT" = a Dask cluster


PLUGIN = "briefing"  # the plugin's name in mkdocs.yml (generator.plugin)


def from_mkdocs_config(path: Path, **overrides: object) -> Settings:
    """Settings as mkdocs.yml gives them (site_name, site_description, the plugin's model),
    so `generator build` writes the same pages as the MkDocs build does."""
    config: dict = {}
    if path.is_file():
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    plugin: dict = {}
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and PLUGIN in entry:
            plugin = entry[PLUGIN] or {}
    values = {
        "title": config.get("site_name") or DEFAULT_TITLE,
        "description": config.get("site_description") or DEFAULT_DESCRIPTION,
        "model": plugin.get("model"),
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads MkDocs' own tags (!ENV, !!python/name:…) as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
