"""The generator's language knowledge and tuning numbers, read from generator/data/ by one loader.

Every stage builds its own typed rules (a frozen dataclass of frozensets and compiled patterns)
once per process from the sections it names here; no stage opens a data file itself or imports
another stage's loader. Word files hold words; the numbers that tune a rule as a whole (how long
a line may be before it is split, how many words a furniture line may have) are in
`thresholds.yml`, one section per stage. A number that belongs to one pattern group (the longer
limit of an editor's note) stays beside its patterns.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


class _WordLoader(yaml.SafeLoader):
    """YAML as word lists need it: only `true` and `false` are booleans (YAML 1.2). YAML 1.1 also
    reads `no`, `on`, `off`, `yes`, `y` and `n` as booleans, which silently drops those words
    from a list ("No." as an abbreviation, "on" as a preposition)."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def read(name: str) -> dict[str, Any]:
    """One data file (`speech`, `furniture.yml` …), parsed. The stages keep what they build
    from it, so each file is read once per stage and process."""
    file = name if name.endswith(".yml") else f"{name}.yml"
    text = resources.files("generator").joinpath("data", file).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_WordLoader)  # noqa: S506 - a SafeLoader with fewer booleans


def thresholds(stage: str) -> dict[str, Any]:
    """The tuning numbers of one stage (`cleaning`, `sentences`, `posts` …)."""
    return read("thresholds")[stage]


@dataclass(frozen=True)
class Titles:
    """The titles of people (titles.yml), each word list once. `before_names` is every word a
    title written before a name may hold ("Foreign Minister", "Mr.", "Gov.", "the late"): the
    words of the other three lists and the qualifiers listed only there."""
    roles: frozenset[str]  # "spokesman", "governor": a person's title or role
    courtesy: dict[str, str]  # "mrs" -> "female", "dr" -> "": written before a name, with the gender told
    in_names: frozenset[str]  # "gov", "rep": may be written inside a name string
    before_names: frozenset[str]


@functools.cache
def titles() -> Titles:
    data = read("titles")
    roles, in_names, only_before = (frozenset(str(w).lower() for w in data[key]) for key in ("roles", "in_names", "before_names"))
    courtesy = {str(k).lower(): str(v or "").lower() for k, v in data["courtesy"].items()}
    return Titles(roles, courtesy, in_names, roles | in_names | frozenset(courtesy) | only_before)
