"""YAML as the user typed it, for front matter and the seeds folder's sources file: every value
a string, no aliases, bounded nesting; and the one reading of a date both use."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from generator.published import MAX_YEAR, MIN_YEAR

# Front matter is a handful of short fields: deeper nesting is a mistake or an attack (YAML's
# composer recurses per level), and aliases are refused outright ("billion laughs").
MAX_YAML_DEPTH = 20
MAX_DATE_CHARS = 100
_NULLS = {"", "~", "null", "Null", "NULL"}


class TextLoader(yaml.BaseLoader):
    """YAML's safe subset, every value the text the user typed: `yes`, `1:30`, `1700000000` and
    `2024-02-30` stay strings (no booleans, sexagesimals, epochs or dates made up), a repeated key is
    recorded, and aliases (which expand exponentially) and deep nesting are refused."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0
        self.lines: dict[str, int] = {}  # top-level key -> line of the file
        self.repeated: list[tuple[str, int]] = []

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              self.peek_event().start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                                              self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_text(self, node):
        value = self.construct_scalar(node)
        return None if node.style is None and value in _NULLS else value

    def construct_keyed(self, node):
        seen: set[object] = set()
        top = node is self._root
        for key_node, _ in node.value:
            key = self.construct_object(key_node)
            if isinstance(key, str) and key in seen:
                self.repeated.append((key, key_node.start_mark.line + 2))
            seen.add(key if isinstance(key, str) else id(key))
            if top and isinstance(key, str):
                self.lines.setdefault(key, key_node.start_mark.line + 2)
        return self.construct_mapping(node)

    def refuse(self, node):
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {node.tag!r} is not allowed: front matter values are text", node.start_mark)

    def construct_document(self, node):
        self._root = node
        return super().construct_document(node)

    yaml_constructors = {
        "tag:yaml.org,2002:str": construct_text,
        "tag:yaml.org,2002:seq": yaml.BaseLoader.construct_sequence,
        "tag:yaml.org,2002:map": construct_keyed,
        None: refuse,
    }


def iso_date(text: str) -> str | None:
    """A date the user wrote; epochs, dates that do not exist and years a later "on Monday" could
    not be counted from are not dates."""
    text = text.strip()
    if len(text) > MAX_DATE_CHARS or text.isdigit():
        return None
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        if re.match(r"\d{4}-\d", text):  # ISO in form, not in fact: 2023-13-01 is no day-month swap
            return None
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={
            "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["absolute-time"]})
        if parsed is None:
            return None
        day = parsed.date()
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None
