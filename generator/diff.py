"""Briefing diff: what changed between two briefing.json files, as Markdown for a pull-request comment.

Items are matched by stable keys, most specific first, so an edited quote shows up as
"changed" (with the fields that differ) rather than as one removal plus one addition:
sources by id; quotes by id, then (speaker, normalised text), then normalised text alone
(which catches a re-attributed quote); events by id, then (date, normalised text), then
normalised text; actors by id; figures by (subject, claimant, date).

The comment is rendered by GitHub, and every string in it comes from seed text, so each
one is escaped for GitHub-flavoured Markdown (`gfm_text`): it can never become a link,
an HTML tag, Markdown structure, an @-mention or an issue reference.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import InputError, Problem
from generator.render import value_text

Item = Mapping[str, Any]
KeyFn = Callable[[Item], object]

SECTIONS = ("sources", "actors", "quotes", "figures", "events")
QUOTE_FIELDS = ("text", "speaker", "speaker_text", "kind", "cue", "via", "date")
EVENT_FIELDS = ("date", "precision", "expression", "anchor", "text")
FIGURE_FIELDS = ("value", "unit", "expression")
SOURCE_FIELDS = ("title", "outlet", "url", "published", "duplicate_of", "paragraphs")
ACTOR_FIELDS = ("name", "kind", "roles")  # aliases are reported on their own

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping all of them
# means no seed text can open emphasis, a link, a list, a table cell, an entity or HTML.
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub links @name and #123 in rendered text, escaped or not; a word joiner breaks both.
_MENTION = re.compile(r"([@#])(?=\w)")
# GitHub also links GH-123 (an issue) and a word of 7 to 40 hex digits (a commit, by its SHA or
# a prefix of it): a word joiner after "GH" and after every 6th hex digit breaks both.
_ISSUE_KEY = re.compile(r"(?i)\b(gh)(?=-\d)")
_HEX_WORD = re.compile(r"\b[0-9a-fA-F]{7,}\b")
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


# --- reading ----------------------------------------------------------------

def load(path: Path) -> dict[str, Any]:
    """One briefing.json, or an InputError naming the file (and line) when it is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(str(path), "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(str(path), f"cannot be read: {exc}")]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(str(path), f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)]) from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting thousands deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
        raise InputError([Problem(str(path), f"not a briefing: {reason}")]) from None
    if not isinstance(data, dict):
        raise InputError([Problem(str(path), "not a briefing: the top level is not a JSON object")])
    problems = [
        Problem(str(path), f'"{name}" is not a list of objects')
        for name in SECTIONS
        if not isinstance(data.get(name, []), list) or not all(isinstance(i, dict) for i in data.get(name, []))
    ]
    if problems:
        raise InputError(problems)
    return data


# --- matching ---------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    old: Item
    new: Item
    fields: tuple[tuple[str, object, object], ...]  # (field, old value, new value)


@dataclass(frozen=True)
class Matched:
    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    changed: tuple[Change, ...]


@dataclass(frozen=True)
class BriefingDiff:
    sources: Matched
    actors: Matched
    quotes: Matched
    figures: Matched
    events: Matched
    aliases: tuple[tuple[Item, tuple[str, ...], tuple[str, ...]], ...]  # (actor, aliases gained, aliases lost)
    merged: tuple[tuple[Item, Item], ...]  # (old actor, new actor it became an alias of)

    @property
    def empty(self) -> bool:
        parts = (self.sources, self.actors, self.quotes, self.figures, self.events)
        return not self.aliases and not any(m.added or m.removed or m.changed for m in parts)


def normalise(text: object) -> str:
    """Text as compared across builds: Unicode-normalised, straight quotes, case and spacing folded."""
    folded = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTE_MARKS).casefold()
    return " ".join(folded.split()).strip(" \"'.,;:")


def match(old: Sequence[Item], new: Sequence[Item], keys: Sequence[KeyFn], fields: Sequence[str]) -> Matched:
    """Pair items by each key in turn (a key returning None does not match); unpaired items
    are added or removed, paired items whose `fields` differ are changed."""
    # Sorted first, so that items sharing a key pair up the same way whatever the input order.
    old_left, new_left = sorted(old, key=_comparable), sorted(new, key=_comparable)
    pairs: list[tuple[Item, Item]] = []
    for key in keys:
        by_key: dict[object, list[Item]] = {}
        for item in old_left:
            k = key(item)
            if k is not None:
                by_key.setdefault(k, []).append(item)
        still_new = []
        for item in new_left:
            candidates = by_key.get(key(item)) if key(item) is not None else None
            if candidates:
                partner = candidates.pop(0)
                pairs.append((partner, item))
                old_left.remove(partner)
            else:
                still_new.append(item)
        new_left = still_new
    changed = []
    for o, n in pairs:
        diffs = tuple((f, o.get(f), n.get(f)) for f in fields if _comparable(o.get(f)) != _comparable(n.get(f)))
        places_o, places_n = _places(o), _places(n)
        if places_o != places_n:
            diffs += (("sources", places_o, places_n),)
        if diffs:
            changed.append(Change(o, n, diffs))
    return Matched(tuple(new_left), tuple(old_left), tuple(changed))


def _comparable(value: object) -> object:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _places(item: Item) -> tuple[str, ...]:
    """Where an item is carried, as source#paragraph, ignoring the character spans."""
    out = set()
    for w in item.get("sources") or ():
        if isinstance(w, dict):
            out.add(f"{w.get('source')}#p{w.get('paragraph')}")
    return tuple(sorted(out))


def _field(name: str) -> KeyFn:
    return lambda item: item.get(name) or None


def _quote_speaker(item: Item) -> str:
    return str(item.get("speaker") or normalise(item.get("speaker_text")) or "")


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> BriefingDiff:
    def section(name: str) -> list[Item]:
        return list(old.get(name) or []), list(new.get(name) or [])

    sources = match(*section("sources"), [_field("id")], SOURCE_FIELDS)
    actors = match(*section("actors"), [_field("id")], ACTOR_FIELDS)
    quotes = match(
        *section("quotes"),
        [_field("id"), lambda q: (_quote_speaker(q), normalise(q.get("text"))), lambda q: normalise(q.get("text")) or None],
        QUOTE_FIELDS,
    )
    events = match(
        *section("events"),
        [_field("id"), lambda e: (e.get("date"), normalise(e.get("text"))), lambda e: normalise(e.get("text")) or None],
        EVENT_FIELDS,
    )
    figures = match(
        *section("figures"),
        [lambda f: (normalise(f.get("subject")), f.get("claimant") or normalise(f.get("claimant_text")), f.get("date"))],
        FIGURE_FIELDS,
    )
    old_actors = {a.get("id"): a for a in old.get("actors") or []}
    aliases = []
    for a in new.get("actors") or []:
        before = old_actors.get(a.get("id"))
        if before is not None:
            now, then = set(a.get("aliases") or ()), set(before.get("aliases") or ())
            gained, lost = tuple(sorted(now - then, key=normalise)), tuple(sorted(then - now, key=normalise))
            if gained or lost:
                aliases.append((a, gained, lost))
    merged = []
    for gone in actors.removed:
        forms = {normalise(gone.get("name")), *(normalise(x) for x in gone.get("aliases") or ())}
        for a in new.get("actors") or []:
            if forms & {normalise(x) for x in a.get("aliases") or ()}:
                merged.append((gone, a))
                break
    return BriefingDiff(
        sources, actors, quotes, figures, events,
        tuple(sorted(aliases, key=lambda p: normalise(p[0].get("name")))),
        tuple(sorted(merged, key=lambda p: normalise(p[0].get("name")))),
    )


# --- Markdown for GitHub ----------------------------------------------------

def gfm_text(text: object) -> str:
    """Seed text for a GitHub comment: one line, every Markdown and HTML character escaped."""
    line = " ".join(str(text).split())
    line = _HEX_WORD.sub(lambda m: "\u2060".join(re.findall(".{1,6}", m.group())), line)
    line = _ISSUE_KEY.sub("\\1\u2060", line)
    return _MENTION.sub("\\1\u2060", _PUNCT.sub(r"\\\1", line))


def _speaker(q: Item, names: Mapping[str, str]) -> str:
    name = q.get("speaker_text") or names.get(q.get("speaker") or "") or q.get("speaker")
    return f"**{gfm_text(name)}**" if name else "_unattributed_"


def _where(item: Item) -> str:
    places = _places(item)
    return f" ({gfm_text(', '.join(places))})" if places else ""


def _value(value: object) -> str:
    """A figure's value in the words the Disputed figures page uses."""
    if isinstance(value, list) and len(value) == 2:
        return value_text((value[0], value[1]))
    return str(value)


def _show(field: str, value: object) -> str:
    if value is None or value == "" or value == []:
        return "_none_"
    if field == "value":
        return gfm_text(_value(value))
    if isinstance(value, (list, tuple)):
        return gfm_text(", ".join(str(v) for v in value))
    return gfm_text(value)


def _changes(change: Change) -> str:
    return "; ".join(
        _paragraphs(a, b) if name == "paragraphs" else f"{name.replace('_', ' ')}: {_show(name, a)} → {_show(name, b)}"
        for name, a, b in change.fields
    )


def _paragraphs(old: object, new: object) -> str:
    """How much of a source's text changed, counted, not quoted: the preview shows the text."""
    def texts(value: object) -> list[str]:
        return [str(p.get("text")) for p in value if isinstance(p, dict)] if isinstance(value, list) else []

    a, b = texts(old), texts(new)
    edited = sum(1 for x, y in zip(a, b) if x != y)
    parts = [f"{edited} edited"] if edited else []
    if len(b) != len(a):
        parts.append(f"{abs(len(b) - len(a))} {'added' if len(b) > len(a) else 'removed'}")
    return f"paragraphs: {', '.join(parts) or 'reordered'} ({len(a)} → {len(b)})"


def _source_line(s: Item) -> str:
    extra = ", ".join(str(x) for x in (s.get("outlet"), s.get("published")) if x)
    return f"{gfm_text(s.get('id'))}: {gfm_text(s.get('title') or 'untitled')}" + (f" ({gfm_text(extra)})" if extra else "")


def _quote_line(q: Item, names: Mapping[str, str]) -> str:
    cue = f" {gfm_text(q.get('cue'))}" if q.get("cue") else ""
    via = f" via {gfm_text(', '.join(q.get('via') or ()))}" if q.get("via") else ""
    return f"{_speaker(q, names)}{cue}{via}: “{gfm_text(q.get('text') or '')}”{_where(q)}"


def _event_line(e: Item) -> str:
    how = ", ".join(str(x) for x in (e.get("precision"), e.get("expression")) if x)
    return f"{gfm_text(e.get('date') or 'undated')}" + (f" ({gfm_text(how)})" if how else "") + f": {gfm_text(e.get('text') or '')}{_where(e)}"


def _actor_line(a: Item) -> str:
    aliases = a.get("aliases") or ()
    also = f"; also {gfm_text(', '.join(aliases))}" if aliases else ""
    return f"{gfm_text(a.get('name') or a.get('id'))} ({gfm_text(a.get('kind') or 'other')}{also})"


def _figure_line(f: Item, names: Mapping[str, str]) -> str:
    who = f.get("claimant_text") or names.get(f.get("claimant") or "") or f.get("claimant") or "unattributed"
    unit = f" {f.get('unit')}" if f.get("unit") else ""
    head = f"{gfm_text(f.get('subject') or '')}: {gfm_text(_value(f.get('value')) + unit)}"
    return f"{head}, claimed by {gfm_text(who)}" + (f" on {gfm_text(f.get('date'))}" if f.get("date") else "") + _where(f)


def to_markdown(d: BriefingDiff, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    names = {a.get("id"): a.get("name") for a in [*(old.get("actors") or []), *(new.get("actors") or [])]}
    merged = [o for o, _ in d.merged]

    def changed(line: Callable[[Item], str], changes: Iterable[Change]) -> list[str]:
        return [f"{line(c.new)}: {_changes(c)}" for c in changes]

    def quote(q: Item) -> str:
        return _quote_line(q, names)

    def figure(f: Item) -> str:
        return _figure_line(f, names)

    # Each block's lines are sorted as rendered: by speaker, by ISO date, by name or by id.
    blocks: list[tuple[str, list[str]]] = [
        ("Sources added", [_source_line(s) for s in d.sources.added]),
        ("Sources removed", [_source_line(s) for s in d.sources.removed]),
        ("Sources changed", changed(_source_line, d.sources.changed)),
        ("New quotes", [quote(q) for q in d.quotes.added]),
        ("Changed quotes", changed(quote, d.quotes.changed)),
        ("Quotes no longer found", [quote(q) for q in d.quotes.removed]),
        ("New events", [_event_line(e) for e in d.events.added]),
        ("Changed events", changed(_event_line, d.events.changed)),
        ("Events no longer found", [_event_line(e) for e in d.events.removed]),
        ("New actors", [_actor_line(a) for a in d.actors.added]),
        ("Changed actors", changed(_actor_line, d.actors.changed)),
        ("Merged aliases", [f"{gfm_text(a.get('name'))} gained {gfm_text(', '.join(gained))}" for a, gained, _ in d.aliases if gained]
         + [f"{gfm_text(o.get('name'))} is now an alias of {gfm_text(n.get('name'))}" for o, n in d.merged]),
        ("Aliases split off", [f"{gfm_text(a.get('name'))} no longer includes {gfm_text(', '.join(lost))}" for a, _, lost in d.aliases if lost]),
        ("Actors no longer found", [_actor_line(a) for a in d.actors.removed if not any(a is o for o in merged)]),
        ("New figures", [figure(f) for f in d.figures.added]),
        ("Changed figures", changed(figure, d.figures.changed)),
        ("Figures no longer found", [figure(f) for f in d.figures.removed]),
    ]
    lines = ["## Briefing changes", ""]
    if d.empty:
        return "\n".join([*lines, "No changes to sources, quotes, events, actors or figures.", ""])
    counts = [f"{title.lower()}: {len(items)}" for title, items in blocks if items]
    lines += ["; ".join(counts).capitalize() + ".", ""]
    for title, items in blocks:
        if items:
            lines += [f"### {title}", "", *(f"- {item}" for item in sorted(items)), ""]
    return "\n".join(lines)


def limit(markdown: str, max_chars: int | None) -> str:
    """Cut a long diff at a line boundary (GitHub refuses comments over 65,536 characters)."""
    if max_chars is None or len(markdown) <= max_chars:
        return markdown
    kept = markdown[:max_chars].rsplit("\n", 1)[0]
    left = markdown[len(kept):].count("\n- ")
    return f"{kept}\n\n_… {left} more items not shown: the diff is longer than a comment may be._\n"


def compare(old_path: Path, new_path: Path, max_chars: int | None = None) -> str:
    old, new = load(old_path), load(new_path)
    return limit(to_markdown(diff(old, new), old, new), max_chars)
