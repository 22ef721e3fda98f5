"""Actors across sources: fold mentions into people, organisations and places.

Surface forms are grouped by evidence only, and every fold is recorded as a `Merge`
so the profile can say why two spellings are one actor:

- the same name written with other capitals or punctuation ("U.S." / "US");
- an accidental repetition of the last element ("A B B" is "A B");
- an acronym defined in the text ("Long Name (LN)", "LN (Long Name)"), an undefined
  acronym that is the initials of exactly one long name, or a defined acronym with two
  letters swapped in the same source;
- a place written with its kind ("X Valley" is the place X);
- a transliteration: the same number of name elements, equal spelling keys (or one
  edit apart), and shared context (a title, a kinship, or a person named near both);
- a short form (one name element) that is the surname of exactly one full name, or,
  when two full names share it, the nearest full name before it in the same source
  that is not only mentioned as someone's relative.

Names that differ by a whole element ("A S M" and "A M") are never folded by spelling.
Candidates are found through keyed indexes, so the work stays near-linear in mentions.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator import links
from generator import names
from generator.names import ABBREVIATED_AS, acronym_key, defines, initials, is_acronym, lexicon, spelling_key
from generator.model import Actor, Article, Extraction, Kind, Merge, Mention, Unresolved, Where

KIND_ORDER: dict[str, int] = {"person": 0, "organization": 1, "place": 2, "other": 3}
MAX_TITLED_NAME_WORDS = 6  # "Deputy Foreign Minister Given Middle Family" at most
SURNAME_IN_CAPITALS_MIN = 4  # letters: a person's word in capitals this long is read as a surname, not initials
SWAPPED_ACRONYM_LETTERS_MIN = 4  # three letters swapped ("NSA", "NAS") are as often two bodies
SWAPPED_ACRONYM_SOURCES_MIN = 3  # the right spelling is the one written in this many sources or more
INITIALS_SPREAD = 2  # initials fold across sources when written in at most this many times the long name's sources
CORRECTED_WEIGHT = 3  # a kind backed by evidence in the sentence outweighs the tagger's guess
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


# --- keys ---------------------------------------------------------------------
# Each is a pure function of the name and the fixed word lists, asked for the same names again
# and again: memoised (bounded), which keeps no state between builds, only answers.


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The surface form as shown: one space between words, no leading article, no possessive."""
    text = " ".join(text.translate(_APOSTROPHES).split()).strip("\"'“”«» ,.;:") if not is_acronym(text.strip()) else text.strip()
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    return re.sub(r"'s$", "", text)


@functools.lru_cache(maxsize=65536)
def form_key(text: str) -> str:
    """Same name whatever the capitals or punctuation: 'U.S.' and 'US', 'X valley' and 'X Valley'."""
    text = normalise(text)
    if is_acronym(text):
        return acronym_key(text).lower()
    # "Ji-won" and "Ji Won" are one spelling: a hyphen between letters is a space.
    text = re.sub(r"\s&\s", " and ", text.casefold())
    return " ".join(re.sub(r"(?<=\w)-(?=\w)", " ", re.sub(r"[^\w\s-]", "", text)).split())


@functools.lru_cache(maxsize=65536)
def collapse_repetition(text: str) -> str:
    """'A B B' -> 'A B': a name whose last element is written twice."""
    words = text.split()
    if len(words) >= 3 and words[-1].casefold() == words[-2].casefold():
        return " ".join(words[:-1])
    return text


@functools.lru_cache(maxsize=65536)
def _read(text: str) -> tuple[str, str, str]:
    """A mention as written: as shown, with a repeated last element collapsed, and its form key."""
    surface = normalise(text)
    collapsed = collapse_repetition(surface)
    return surface, collapsed, form_key(collapsed)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> tuple[str, ...]:
    return tuple(k for k in (spelling_key(w) for w in text.split()) if k)


@functools.lru_cache(maxsize=65536)
def _deletions(key: str) -> set[str]:  # shared: not to be changed
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# --- working records ----------------------------------------------------------


@dataclass
class _Node:
    """One surface form (by form key) and the mentions written that way."""

    key: str
    surfaces: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    repeated: set[str] = field(default_factory=set)  # original surfaces with a repeated element
    titled: dict[str, str] = field(default_factory=dict)  # surface with a title inside -> the title

    # Read only once every mention is collected; cached because the folds read them often.
    @functools.cached_property
    def surface(self) -> str:
        return sorted(self.surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    @functools.cached_property
    def words(self) -> list[str]:
        return self.surface.split()


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _kind_votes(mentions: Iterable[Mention], forms: Iterable[str]) -> Kind:
    lex = lexicon()
    votes: dict[str, int] = {}
    for m in mentions:
        votes[m.kind] = votes.get(m.kind, 0) + (CORRECTED_WEIGHT if m.evidence else 1)
    for form in forms:
        words = form.lower().split()
        if len(words) > 1 and words[-1] in lex.place_words:
            votes["place"] = votes.get("place", 0) + CORRECTED_WEIGHT
    if not votes:
        return "other"
    return min(votes.items(), key=lambda kv: (-kv[1], KIND_ORDER[kv[0]]))[0]


def _abbreviated_place(word: str, abbreviations: dict[str, str]) -> str | None:
    """The place a usual abbreviation stands for ('Fla.', 'N.C.'), also when the full stop that
    ends it was read as the sentence's ('W.Va' of 'Fairview, W.Va. -')."""
    w = word.lower()
    for key in (w, w.rstrip("."), f"{w.rstrip('.')}."):
        if key in abbreviations and ("." in key[:-1]) == ("." in w.rstrip(".")):
            return abbreviations[key]
    return None


def _where_text(w: Where) -> str:
    return f"{w.source} ¶{w.paragraph}"


# --- the resolver -------------------------------------------------------------


class _Resolver:
    def __init__(self, extractions: Sequence[Extraction]):
        self.extractions = extractions
        self.nodes: dict[str, _Node] = {}
        self.union = _Union()
        self.edges: list[tuple[str, str, str]] = []  # (alias node, other node, evidence)
        self.assigned: dict[tuple[str, int, int], str] = {}  # (source, paragraph, start) -> node key
        self.unresolved: dict[tuple[str, int, int], tuple[Mention, tuple[str, ...], str]] = {}  # left unassigned
        self.joined: set[str] = set()  # node keys folded by some evidence
        self.epithets: set[str] = set()  # full names whose first word is an epithet, not a given name
        self.cut_names: set[str] = set()  # two-word ends of longer names ("Suu Kyi"): never the profile's name
        self._members: dict[str, list[str]] | None = None  # cluster root -> node keys, once unions are done
        self._labels: dict[str, str] = {}  # cluster root -> label, while `_members` holds
        self._kinds: dict[str, Kind] = {}  # node key -> kind: a node's mentions are all in once collected
        self.lex = lexicon()

    # -- collect
    def collect(self) -> None:
        for ex in self.extractions:
            for m in ex.mentions:
                if m.kind == "other":
                    continue
                surface, collapsed, key = _read(m.text)
                title = ""
                if m.kind == "person":
                    title, core = names.split_title(collapsed)
                    if title:
                        collapsed, key = core, form_key(core)
                node = self.nodes.get(key)
                if node is None:  # a node is made once per form, not once per mention
                    node = self.nodes[key] = _Node(key)
                    self.union.find(key)
                node.surfaces[collapsed] += 1
                if title:
                    node.titled[surface] = title
                elif collapsed != surface:
                    node.repeated.add(surface)
                node.mentions.append(m)

    def coordinated(self) -> None:
        """'the Kestrel Board and the Harbour Court', 'Lakeport Post-Valley News': two names the tagger
        ran into one, where the second (and, without an article after 'and', the first too) is an
        actor's name written on its own elsewhere. Not an actor: its parts are. One organisation
        with 'and' inside ('Parks and Wildlife Service', 'Education and the Workforce Committee')
        keeps its name, since no actor is called by its second half."""
        def known(text: str, kind: Kind | None = None) -> bool:
            k = form_key(text)
            return k in self.nodes and len(self.nodes[k].mentions) > 0 and (kind is None or self.kind_of(k) == kind)

        drop = []
        for k, n in sorted(self.nodes.items()):
            surface, kind = n.surface, self.kind_of(k)
            joined = re.fullmatch(r"(.+?) and (the )?(.+)", surface)
            if joined and kind != "person":
                first, article, second = joined.groups()
                if known(second, kind) and (article or known(first)) and form_key(second) != k:
                    drop.append(k)
                    continue
            hyphened = re.fullmatch(r"((?:\S+ )+\S*[a-z])-([A-Z]\S*(?: \S+)+)", surface)
            if hyphened and kind != "person" and known(hyphened.group(1)) and known(hyphened.group(2)):
                drop.append(k)
        for k in drop:
            del self.nodes[k]
        self._kinds.clear()

    def join(self, alias: str, other: str, evidence: str) -> None:
        if self.union.union(alias, other):
            self.edges.append((alias, other, evidence))
            self.joined.update((alias, other))
            self._members = None
            self._labels.clear()

    def kind_of(self, key: str) -> Kind:
        kind = self._kinds.get(key)
        if kind is None:
            node = self.nodes[key]
            kind = self._kinds[key] = _kind_votes(node.mentions, node.surfaces)
        return kind

    # -- evidence-based folds
    def acronyms(self) -> None:
        defined: set[str] = set()
        for ex in self.extractions:
            for r in ex.relations:
                if r.relation != ABBREVIATED_AS:
                    continue
                long, short = form_key(r.subject), form_key(r.object)
                if long in self.nodes and short in self.nodes:
                    self.join(long, short, f"defined as “{normalise(r.subject)} ({normalise(r.object)})” in {_where_text(r.where)}")
                    defined.add(short)
        acr = sorted(k for k, n in self.nodes.items() if is_acronym(n.surface))
        # A defined acronym with two letters swapped, in a source that uses the right one.
        by_letters: dict[str, list[str]] = defaultdict(list)
        for k in acr:
            by_letters["".join(sorted(k))].append(k)
        for k in acr:
            if k in defined:
                continue
            sources = {m.where.source for m in self.nodes[k].mentions}
            for other in by_letters["".join(sorted(k))]:
                if other != k and other in defined and len(k) >= 3 and sources & {m.where.source for m in self.nodes[other].mentions}:
                    if sum(a != b for a, b in zip(k, other)) == 2:
                        self.join(k, other, f"letters of “{self.nodes[other].surface}” swapped, in a source that also writes “{self.nodes[other].surface}”")
                        defined.add(k)
        # A misspelt acronym, written once: two neighbouring letters of an acronym of four or more
        # letters that sources write often swapped ("KVBN" once where "KBVN" is written all over).
        spread = {k: {m.where.source for m in self.nodes[k].mentions} for k in acr}
        for k in acr:
            if k in defined or len(self.nodes[k].mentions) != 1 or len(k) < SWAPPED_ACRONYM_LETTERS_MIN:
                continue
            swaps = {k[:i] + k[i + 1] + k[i] + k[i + 2:] for i in range(len(k) - 1) if k[i] != k[i + 1]}
            others = sorted(o for o in swaps & set(acr) if len(spread[o]) >= SWAPPED_ACRONYM_SOURCES_MIN
                            and self.kind_of(o) == self.kind_of(k))
            if len(others) == 1:
                o = others[0]
                self.join(k, o, f"“{self.nodes[o].surface}” with two neighbouring letters swapped, written once where "
                                f"“{self.nodes[o].surface}” is written in {len(spread[o])} sources")
                defined.add(k)
        # An undefined acronym that is the initials of exactly one long organisation or place name.
        by_initials: dict[str, list[str]] = defaultdict(list)
        for k, n in self.nodes.items():
            if len(n.words) >= 2 and not is_acronym(n.surface) and self.kind_of(k) in ("organization", "place"):
                # "U.S. Senate" writes the acronym itself: it is no long form of "US".
                written = {acronym_key(w).lower() for w in n.words if is_acronym(w)}
                # "VOA" for "Voice of America": some initials keep the connector's letter.
                for key in sorted({initials(n.surface).lower(), initials(n.surface, connectors=True).lower()}):
                    if key not in written:
                        by_initials[key].append(k)
        for k in acr:
            if k in defined or k in self.joined:
                continue
            longs = sorted({self.union.find(x) for x in by_initials.get(k, [])})
            only = "the only long name with them" if len(longs) == 1 else "the only long name with them in every source that writes them"
            if len(longs) > 1:
                longs = self._initials_by_sources(k, longs, by_initials[k])
            if len(longs) == 1:
                target = sorted(x for x in by_initials[k] if self.union.find(x) == longs[0])[0]
                # Initials alone say little across sources: a network's three letters are also a
                # convention's in one article about another thing. They fold where one source writes
                # both, or where the long name, of the same kind, is written in at least a share of the
                # sources the initials are (a long name written once does not explain initials used all over).
                short_in = {m.where.source for m in self.nodes[k].mentions}
                long_in = {m.where.source for x in by_initials[k] if self.union.find(x) == longs[0] for m in self.nodes[x].mentions}
                together = short_in & long_in
                widely = len(long_in) * INITIALS_SPREAD >= len(short_in) and self.kind_of(k) == self.kind_of(target)
                if (together or widely) and defines(self.nodes[target].surface, self.nodes[k].surface):
                    where = f"both written in {sorted(together)[0]}" if together else f"written in {len(long_in)} sources, the initials in {len(short_in)}"
                    self.join(k, target, f"initials of “{self.nodes[target].surface}”, {only}, {where}")

    def _initials_by_sources(self, k: str, longs: list[str], holders: list[str]) -> list[str]:
        """Of several long names with the same initials ('DNC': a committee and a convention), the one
        written in every source that writes the initials, where no source of them writes another:
        the reader of each of those sources had only that name to read the initials by. Otherwise
        all of them, and the initials stay apart."""
        short_in = {m.where.source for m in self.nodes[k].mentions}
        written_in = {root: {m.where.source for x in holders if self.union.find(x) == root for m in self.nodes[x].mentions}
                      for root in longs}
        everywhere = [root for root in longs if short_in <= written_in[root]]
        if len(everywhere) == 1 and not any(written_in[root] & short_in for root in longs if root != everywhere[0]):
            return everywhere
        return longs

    def place_suffixes(self) -> None:
        for k, n in sorted(self.nodes.items()):
            words = n.words
            if (len(words) >= 2 and words[-1].lower() in self.lex.place_words and words[-1].lower() not in self.lex.place_words_apart
                    and self.kind_of(k) == "place"):
                base = form_key(" ".join(words[:-1]))
                if base in self.nodes:  # not "X Republic", a newspaper the tagger calls an organisation
                    self.join(k, base, f"“{n.surface}” names the place {self.nodes[base].surface} with its kind")

    def abbreviations(self) -> None:
        """'Fla.' is Florida, and 'U.N. Command' is 'United Nations Command' when 'United Nations' is written."""
        for k, n in sorted(self.nodes.items()):
            if self.kind_of(k) != "place" or len(n.words) > 2:
                continue
            full = _abbreviated_place(n.surface, self.lex.place_abbreviations)
            if full and form_key(full) in self.nodes and self.kind_of(form_key(full)) == "place":
                self.join(k, form_key(full), f"the usual abbreviation of {self.nodes[form_key(full)].surface}")
            elif len(n.words) == 2 and "." in n.words[1] and _abbreviated_place(n.words[1], self.lex.place_abbreviations):
                # "Lakeport N.C.", "Lakeport D.C.": a place written with the dotted abbreviation of the
                # state or district it lies in is the place its first word names (dotted only: "Va",
                # "Miss" or "Del" ending two words may be a name's own word).
                base = form_key(n.words[0])
                if base in self.nodes and self.kind_of(base) == "place":
                    self.join(k, base, f"“{n.surface}” names the place {self.nodes[base].surface} with the abbreviation of where it lies")
        # An acronym can abbreviate only a name whose first initial is its own first letter
        # (names.defines): grouped by that letter, each acronym is tried against its group alone.
        by_initial: dict[str, list[str]] = defaultdict(list)
        for k, n in self.nodes.items():
            if len(n.words) >= 2 and not is_acronym(n.surface):
                by_initial[initials(n.surface)[:1]].append(k)
        for k, n in sorted(self.nodes.items()):
            if len(n.words) < 2 or not is_acronym(n.words[0]) or self.kind_of(k) not in ("organization", "place"):
                continue
            longs = by_initial.get(acronym_key(n.words[0])[:1], [])
            rest = " ".join(n.words[1:])
            found = {form_key(f"{self.nodes[x].surface} {rest}") for x in longs if defines(self.nodes[x].surface, n.words[0])} & set(self.nodes)
            if not found:
                # "U.N. Command" for "United Nations Command" where "United Nations" is not written alone:
                # a long name with the same last words whose first words the acronym abbreviates.
                tail = form_key(rest)
                found = {x for x in longs if len(self.nodes[x].words) > len(n.words) and x != k
                         and form_key(" ".join(self.nodes[x].words[len(self.nodes[x].words) - len(n.words) + 1:])) == tail
                         and not any(is_acronym(w) for w in self.nodes[x].words)
                         and defines(" ".join(self.nodes[x].words[: len(self.nodes[x].words) - len(n.words) + 1]), n.words[0])}
            if len(found) == 1:
                other = next(iter(found))
                self.join(k, other, f"“{n.words[0]}” written for “{' '.join(self.nodes[other].words[: len(self.nodes[other].words) - len(n.words) + 1])}”")

    def legal_forms(self) -> None:
        """'Kestrel Foods Inc' and 'Kestrel Foods': a company's name with its legal form ('Inc', 'Ltd',
        'plc') is the organisation its other words name, wherever each is written. Only where
        those words are an organisation's: 'Lee Inc' is not the person Lee."""
        for k, n in sorted(self.nodes.items()):
            if len(n.words) < 2 or n.words[-1].lower().strip(".") not in self.lex.legal_forms or self.kind_of(k) != "organization":
                continue
            base = form_key(" ".join(n.words[:-1]).rstrip(","))
            if base in self.nodes and base != k and self.kind_of(base) == "organization":
                self.join(k, base, f"“{n.surface}” names the company {self.nodes[base].surface} with its legal form")

    def inverted_bodies(self) -> None:
        """'Harbour Affairs Department' and 'Department of Harbour Affairs': a department or ministry
        written either way round is one body, wherever each is written."""
        for k, n in sorted(self.nodes.items()):
            words = n.words
            if (len(words) < 3 or words[0].lower() not in self.lex.inverted_body_words or words[1].lower() != "of"
                    or self.kind_of(k) != "organization"):
                continue
            rest = words[2:]
            other = form_key(" ".join(rest + [words[0]]))
            if other in self.nodes and other != k and self.kind_of(other) == "organization":
                self.join(other, k, f"“{self.nodes[other].surface}” is “{n.surface}” written the other way round")

    def countries(self) -> None:
        """'Eswatini' and 'Kingdom of Eswatini': names of one country (generator/gazetteer.py).

        A name that is a word sequence inside another country's name ("Republic of X" inside
        "Democratic Republic of X") folds only when that other country is not named at all.
        """
        named: dict[str, list[str]] = defaultdict(list)  # usual country name -> nodes naming it
        for k, n in sorted(self.nodes.items()):
            usual = self.lex.countries.get(n.surface.lower()) or self.lex.countries.get(k)
            if usual and self.kind_of(k) == "place":
                named[usual].append(k)
        for usual, keys in sorted(named.items()):
            ok = []
            for k in keys:
                # Another country one of whose names holds this one, and that is named here too.
                inside = {other for name, other in self.lex.countries.items() if other != usual and f" {k} " in f" {form_key(name)} "}
                if not inside & set(named):
                    ok.append(k)
            if len(ok) < 2:
                continue
            main = form_key(usual) if form_key(usual) in ok else max(ok, key=lambda x: (len(self.nodes[x].mentions), x))
            for k in ok:
                if k != main:
                    self.join(k, main, f"another name of the country {usual} (a list of country names)")
        # "the Federal Republic" in a source that names one country whose long name opens so ("Federal
        # Republic of X"): that country. Several such countries share the opening; the source tells which.
        in_source: dict[str, set[str]] = defaultdict(set)  # source -> usual names of the countries it names
        for usual, keys in named.items():
            for k in keys:
                for m in self.nodes[k].mentions:
                    in_source[m.where.source].add(usual)
        for k, n in sorted(self.nodes.items()):
            if self.kind_of(k) != "place" or len(n.words) < 2 or k in self.lex.countries:
                continue
            opened = {usual for name, usual in self.lex.countries.items() if name.startswith(k + " of ")}
            if not opened:
                continue
            for m in n.mentions:
                fits = sorted(opened & in_source.get(m.where.source, set()))
                if len(fits) == 1:
                    target = min(named[fits[0]])
                    spot = (m.where.source, m.where.paragraph, m.where.start)
                    if spot not in self.assigned:
                        self.assigned[spot] = target
                        self.edges.append((k, target, f"the opening of a long name of {fits[0]}, the one country with a name "
                                                      f"opening so that {m.where.source} names"))

    def divided_countries(self) -> None:
        """'the North' is North X in a source that names both North X and South X (one country of
        two, written by its half): mention by mention, and only when one such pair is named there."""
        halves = {"north": "south", "south": "north", "east": "west", "west": "east"}
        by_source: dict[str, dict[str, str]] = defaultdict(dict)  # source -> "north x" -> node
        for k, n in self.nodes.items():
            if len(n.words) == 2 and n.words[0].lower() in halves and self.kind_of(k) == "place":
                for m in n.mentions:
                    by_source[m.where.source][k] = k
        for k, n in sorted(self.nodes.items()):
            word = n.surface.lower()
            if len(n.words) != 1 or word not in halves:
                continue
            for m in n.mentions:
                here = by_source.get(m.where.source, {})
                pairs = [x for x in here if x.split()[0] == word and f"{halves[word]} {x.split(maxsplit=1)[1]}" in here]
                if len(pairs) == 1:
                    target = pairs[0]
                    other = f"{halves[word]} {target.split(maxsplit=1)[1]}"
                    self.assigned[(m.where.source, m.where.paragraph, m.where.start)] = target
                    self.edges.append((k, target, f"“{n.surface}” for {self.nodes[target].surface} in {m.where.source}, which names it beside {self.nodes[other].surface}"))

    def _context(self) -> dict[str, set[str]]:
        """Per full-name node: title words, kinship words and spelling keys of people named with it."""
        ctx: dict[str, set[str]] = defaultdict(set)
        by_para: dict[tuple[str, int], set[str]] = defaultdict(set)
        for k, n in self.nodes.items():
            for m in n.mentions:
                if m.kind == "person" and len(n.words) >= 2:
                    by_para[(m.where.source, m.where.paragraph)].add(k)
        for keys in by_para.values():
            for k in keys:
                ctx[k].update("with|" + _loose(self.nodes[o].surface) for o in keys if o != k)
        for ex in self.extractions:
            for role in ex.roles:
                k = _read(role.holder)[2]
                ctx[k].update("title|" + self.lex.title_key(w) for w in role.role.lower().split() if w in self.lex.titles)
            for r in ex.relations:
                k = _read(r.subject)[2]
                if r.relation.split()[0] in self.lex.relation_words:
                    ctx[k].add(f"rel|{r.relation}|" + _loose(normalise(r.object)))
                    ctx[_read(r.object)[2]].add(f"inv|{r.relation}|" + _loose(normalise(r.subject)))
        return ctx

    def transliterations(self) -> None:
        ctx = self._context()
        full = sorted(k for k, n in self.nodes.items() if len(n.words) >= 2 and not is_acronym(n.surface))
        index: dict[tuple[int, str], list[str]] = defaultdict(list)
        keys = {k: "".join(name_key(self.nodes[k].surface)) for k in full}
        for k in full:
            for d in _deletions(keys[k]):
                index[(len(self.nodes[k].words), d)].append(k)
        for k in full:
            n = self.nodes[k]
            seen: set[str] = set()
            for d in _deletions(keys[k]):
                for other in index[(len(n.words), d)]:
                    if other <= k or other in seen:
                        continue
                    seen.add(other)
                    a, b = keys[k], keys[other]
                    if not (a == b or (min(len(a), len(b)) >= 6 and _distance_at_most_one(a, b))):
                        continue
                    if self.kind_of(k) != self.kind_of(other):
                        continue
                    shared = sorted(ctx[k] & ctx[other])
                    if not shared:
                        continue
                    how = "the same spelling key" if a == b else "spelling keys one letter apart"
                    why = "; ".join(_describe(s) for s in shared[:2])
                    alias, into = sorted((k, other), key=lambda x: (-len(self.nodes[x].mentions), x))[::-1]
                    self.join(alias, into, f"transliteration: {how} as “{self.nodes[into].surface}”, and shared context ({why})")

    # -- one person's full names written two ways
    def _people(self) -> list[str]:
        return sorted(k for k, n in self.nodes.items() if len(n.words) >= 2 and self.kind_of(k) == "person" and not is_acronym(n.surface))

    def middle_initials(self) -> None:
        """'Ann B. Lee' is 'Ann Lee' when no other initial is written between the same names."""
        variants: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for k in self._people():
            base, middle = names.without_middle_initials(self.nodes[k].surface)
            if middle:
                variants[form_key(base)].append((k, middle))
        for base, found in sorted(variants.items()):
            if base not in self.nodes or self.kind_of(base) != "person":
                continue
            if len({m.replace(".", "").upper() for _, m in found}) != 1:
                continue  # "George H. W. Lee" and "George W. Lee": two people, and "George Lee" either
            for k, middle in found:
                self.join(k, base, f"the same name with the middle initial or numeral “{middle}”")

    def initial_cut(self) -> None:
        """'Ann L' in a post cut short: a given name and one capital letter without a stop is the one
        person of the same source with that given name and a surname opening with that letter."""
        people = self._people()
        for k in people:
            words = self.nodes[k].words
            if len(words) != 2 or not re.fullmatch(r"[A-Z]", words[1]):
                continue
            sources = {m.where.source for m in self.nodes[k].mentions}
            fits = {self.union.find(o) for o in people if o != k and len(self.nodes[o].words) >= 2
                    and form_key(self.nodes[o].words[0]) == form_key(words[0]) and self.nodes[o].words[-1][:1] == words[1]
                    and len(self.nodes[o].words[-1]) > 1 and sources & {m.where.source for m in self.nodes[o].mentions}}
            if len(fits) == 1:
                target = min(o for o in people if self.union.find(o) == next(iter(fits)))
                self.join(k, target, f"“{self.nodes[k].surface}” is “{self.label(self.union.find(target))}” cut after the surname's first letter, in a source that names her or him in full")
                self.cut_names.add(k)

    def hyphen_cut(self) -> None:
        """'Ann Lee' is 'Ann Lee-Park' cut at the hyphen when no other name is cut to it."""
        cut: dict[str, list[str]] = defaultdict(list)
        for k in self._people():
            words = self.nodes[k].words
            if "-" in words[-1].strip("-"):
                cut[form_key(" ".join(words[:-1] + [words[-1].split("-")[0]]))].append(k)
        for base, found in sorted(cut.items()):
            if base in self.nodes and self.kind_of(base) == "person" and len({self.union.find(k) for k in found}) == 1:
                self.join(base, found[0], f"“{self.nodes[found[0]].surface}” cut at the hyphen")

    def familiar_names(self) -> None:
        """'Bob Lee' is 'Robert Lee' when no other person named Lee has a given name 'Bob' may stand for.

        Names are compared without their middle initials ('Bob Lee' and 'Robert J. Lee'), unless both
        write one and they differ ('Bob K. Lee' is not 'Robert J. Lee').
        """
        plain: dict[str, tuple[list[str], str]] = {}  # node -> (words without middle initials, the initials)
        by_surname: dict[str, list[str]] = defaultdict(list)
        suffixes: dict[str, str] = {}  # node -> its suffix ('jr')
        for k in self._people():
            base, middle = names.without_middle_initials(self.nodes[k].surface)
            words = base.split()
            # "Joe Lee" is "Joseph K. Lee Jr." too: a suffix after the surname is no word to compare,
            # but one written by both must be the same ("Bob Lee Sr." is not "Robert Lee Jr.").
            if len(words) > 2 and names.bare(words[-1]) in self.lex.name_suffixes:
                suffixes[k] = names.bare(words.pop())
            plain[k] = (words, middle.replace(".", "").upper())
            by_surname[form_key(plain[k][0][-1]) + "|" + str(len(plain[k][0]))].append(k)
        for group in by_surname.values():
            for k in group:
                words, middle = plain[k]
                pairs = [(o, names.familiar_pair(words[0], plain[o][0][0])) for o in group if o != k]
                pairs = [(o, f) for o, f in pairs if f and plain[o][0][1:-1] == words[1:-1] and not (middle and plain[o][1] and middle != plain[o][1])
                         and not (k in suffixes and o in suffixes and suffixes[k] != suffixes[o])]
                formal = [(o, f) for o, f in pairs if plain[o][0][0].lower() == f]
                if len({self.union.find(o) for o, _ in formal}) == 1 and words[0].lower() != formal[0][1]:
                    o = formal[0][0]
                    self.join(k, o, f"“{words[0]}” is a familiar form of the given name “{plain[o][0][0]}”, with the same surname")

    def leading_words(self) -> None:
        """'Crooked Ann Lee', 'Universe Ann Lee': a full name with one word before it that opens no
        other person's name is that name written with an epithet or a title the tagger took in."""
        people = self._people()
        firsts = Counter(form_key(self.nodes[k].words[0]) for k in people)
        for k in people:
            words = self.nodes[k].words
            if len(words) < 3 or firsts[form_key(words[0])] > 1:
                continue
            base = form_key(" ".join(words[1:]))
            if base in self.nodes and base != k and self.kind_of(base) == "person" and len(self.nodes[base].mentions) >= len(self.nodes[k].mentions):
                self.join(k, base, f"the same name with “{words[0]}” written before it, a word that opens no other person's name")
                self.epithets.add(k)

    def _introduced(self, keys: Iterable[str]) -> dict[str, list[tuple[int, int, str]]]:
        """source -> (¶, start, node) of the mentions of `keys`, in reading order."""
        seen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for k in sorted(set(keys)):
            for m in self.nodes[k].mentions:
                seen[m.where.source].append((m.where.paragraph, m.where.start, k))
        for lst in seen.values():
            lst.sort()
        return seen

    def _fold_before(self, k: str, longs: set[str], seen: dict[str, list[tuple[int, int, str]]], why: str) -> None:
        """Each mention of `k` goes to the one actor of `longs` the same source introduced before it."""
        for m in self.nodes[k].mentions:
            listed = seen.get(m.where.source, [])
            before = {self.union.find(x[2]): x[2] for x in listed[: bisect_left(listed, (m.where.paragraph, m.where.start))] if x[2] in longs}
            if len(before) == 1:
                target = next(iter(before.values()))
                self.assigned[(m.where.source, m.where.paragraph, m.where.start)] = target
                self.edges.append((k, target, why.format(long=self.nodes[target].surface, source=m.where.source)))

    def compound_surnames(self) -> None:
        """'Suu Kyi' after 'Aung San Suu Kyi', 'de Luca' after 'Ana Maria de Luca': the last two words of a
        longer name, written alone in a source that introduced exactly one such name before them."""
        people = self._people()
        ending: dict[str, set[str]] = defaultdict(set)
        for k in people:
            words = self.nodes[k].words
            if len(words) >= 3 and k not in self.epithets:  # "Crooked Ann Lee" is Ann Lee, folded already
                ending[form_key(" ".join(words[-2:]))].add(k)
        # "Ann Lee" may be a woman of her own beside "Mary Ann Lee": a pair opening with a given name stays apart.
        shorts = [k for k in people if len(self.nodes[k].words) == 2 and k in ending and k not in ending[k]
                  and not names.is_given_name(self.nodes[k].words[0])
                  and not any(self.union.find(x) == self.union.find(k) for x in ending[k])]
        seen = self._introduced(x for k in shorts for x in ending[k])
        for k in shorts:
            self._fold_before(k, ending[k], seen, "the last two words of “{long}”, the only name ending so introduced before it in {source}")
            # "De Luca said ..." in a source that names nobody so: a surname opening with a particle is
            # distinctive enough to go to the one person of all the sources whose name ends with it.
            owners = {self.union.find(x) for x in ending[k]}
            if names.bare(self.nodes[k].words[0]) in self.lex.particles and len(owners) == 1:
                target = min(ending[k])
                for m in self.nodes[k].mentions:
                    spot = (m.where.source, m.where.paragraph, m.where.start)
                    if spot not in self.assigned:
                        self.assigned[spot] = target
                        self.edges.append((k, target, f"the last two words of “{self.nodes[target].surface}”, a surname with the particle "
                                                      f"“{self.nodes[k].words[0]}” that ends no other person's name in the sources"))
            self.cut_names.add(k)

    def organisation_first_words(self) -> None:
        """'Halden' after 'Halden University', 'Justice' after 'Justice Department': an organisation's first
        word alone, when the rest of the name is only organisation words ('University', 'Department')
        and exactly one such name was introduced before it in the same source."""
        opening: dict[str, set[str]] = defaultdict(set)
        for k, n in self.nodes.items():
            if (len(n.words) >= 2 and self.kind_of(k) == "organization" and not is_acronym(n.surface)
                    and all(w.lower().strip(".") in self.lex.organization_words for w in n.words[1:])):
                opening[form_key(n.words[0])].add(k)
        # The tagger may call the short form a person ("Lee" for "Lee Mining"): then only when no
        # person's name holds that word.
        in_names = {form_key(w) for x in self._people() for w in self.nodes[x].words}
        shorts = [k for k, n in sorted(self.nodes.items()) if len(n.words) == 1 and k in opening
                  and (self.kind_of(k) == "organization" or (self.kind_of(k) == "person" and k not in in_names))]
        seen = self._introduced(x for k in shorts for x in opening[k])
        for k in shorts:
            self._fold_before(k, opening[k], seen, "the first word of “{long}”, the only such name introduced before it in {source}")

    def short_organisations(self) -> None:
        """'the Times' after 'The Daily Times' in the same source: an outlet's last word alone is
        the one organisation introduced before it there with that last word."""
        ending: dict[str, set[str]] = defaultdict(set)
        for k, n in self.nodes.items():
            if len(n.words) >= 2 and self.kind_of(k) == "organization" and not is_acronym(n.surface):
                ending[form_key(n.words[-1])].add(k)
        seen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # source -> (¶, start, node)
        for k in sorted(set().union(*ending.values()) if ending else ()):
            for m in self.nodes[k].mentions:
                seen[m.where.source].append((m.where.paragraph, m.where.start, k))
        for lst in seen.values():
            lst.sort()
        for k, n in sorted(self.nodes.items()):
            if len(n.words) != 1 or is_acronym(n.surface) or n.surface.lower() not in self.lex.outlet_words:
                continue
            longs = ending.get(form_key(n.surface), set())
            for m in n.mentions:
                listed = seen.get(m.where.source, [])
                before = {self.union.find(x[2]): x[2] for x in listed[: bisect_left(listed, (m.where.paragraph, m.where.start))] if x[2] in longs}
                if len(before) == 1:
                    target = next(iter(before.values()))
                    self.assigned[(m.where.source, m.where.paragraph, m.where.start)] = target
                    self.edges.append((k, target, f"short form of “{self.label(self.union.find(target))}”, the only name ending so introduced before it in {m.where.source}"))

    # -- short forms, mention by mention
    def _genders(self, learned: bool = False) -> dict[str, str]:
        """cluster root -> 'male' / 'female', from pronouns and courtesy titles of full-name
        mentions and gendered roles and relations ('wife of', 'spokeswoman'); only a clear majority counts."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for k in self._people():
            for m in self.nodes[k].mentions:
                if m.gender:
                    votes[self.union.find(k)][m.gender] += 1
        if learned:
            for k, n in self.nodes.items():
                for m in n.mentions:
                    target = self.assigned.get((m.where.source, m.where.paragraph, m.where.start))
                    gender = m.gender or names.courtesy_gender(n.titled.get(_read(m.text)[0], ""))
                    if target and gender:
                        votes[self.union.find(target)][gender] += 1
        for ex in self.extractions:
            said = [(role.holder, role.role) for role in ex.roles] + [(r.subject, r.relation) for r in ex.relations]
            for holder, words in said:
                key = _read(holder)[2]
                if key in self.nodes and len(self.nodes[key].words) >= 2:
                    for w in words.lower().split():
                        if w in self.lex.gendered_words:
                            votes[self.union.find(key)][self.lex.gendered_words[w]] += 1
        out = {}
        for root, v in votes.items():
            (top, n), *rest = v.most_common() + [("", 0)]
            if n > 2 * rest[0][1]:
                out[root] = top
        return out

    def _titles(self) -> dict[str, set[str]]:
        """cluster root -> title keys written with its full names ('President Ann Lee', 'Lee, the senator')."""
        out: dict[str, set[str]] = defaultdict(set)
        for k in self._people():
            root = self.union.find(k)
            for m in self.nodes[k].mentions:
                out[root].update(self.lex.title_key(names.bare(w)) for w in m.title.split())
            for title in self.nodes[k].titled.values():
                out[root].update(self.lex.title_key(names.bare(w)) for w in title.split())
        for ex in self.extractions:
            for role in ex.roles:
                key = _read(role.holder)[2]
                if key in self.nodes and len(self.nodes[key].words) >= 2:
                    out[self.union.find(key)].update(self.lex.title_key(w) for w in role.role.lower().split() if w in self.lex.titles)
        return out

    def short_forms(self) -> None:
        """A one-word name ('Lee', 'Mr. Lee', 'Ann') goes to the full name it shortens, mention by mention.

        Candidates are the people whose surname it is (or, when nobody has it as a surname, whose
        first name it is: a given name, or a family name written first). In the mention's own
        source, the candidates introduced before it count; when exactly one fits its courtesy
        title, title and pronouns, it is that person. When two fit, it is left unresolved.
        """
        people = self._people()
        surname: dict[str, set[str]] = defaultdict(set)
        exact: dict[str, set[str]] = defaultdict(set)
        given: dict[str, set[str]] = defaultdict(set)
        for k in people:
            words = self.nodes[k].words
            last = ([w for w in words if names.bare(w) not in self.lex.name_suffixes] or words)[-1]
            surname[spelling_key(last)].add(k)
            exact[form_key(last)].add(k)
            if k not in self.epithets:
                given[form_key(words[0])].add(k)
        background = self._background()
        # Full-name mentions in reading order, per source: who is introduced before a short form.
        full_mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for k in people:
            for m in self.nodes[k].mentions:
                if (m.where.source, m.where.paragraph, normalise(m.text)) not in background:
                    full_mentions[m.where.source].append((m.where.paragraph, m.where.start, k))
        for lst in full_mentions.values():
            lst.sort()
        genders = self._genders()
        titles = self._titles()
        todo: list[tuple[str, set[str], set[str], str, list[Mention]]] = []
        cues: dict[tuple[str, str], list[tuple[str, set[str]]]] = defaultdict(list)  # (source, node) -> cues written
        for k, n in self.nodes.items():
            if len(n.words) == 1:
                for m in n.mentions:
                    cue = self._cue(m)
                    if cue[0] or cue[1]:
                        cues[(m.where.source, k)].append(cue)
        for k, n in sorted(self.nodes.items()):
            kind = self.kind_of(k)
            # "PELLHAM:" opening a transcript's paragraphs is a surname in capitals, not an acronym.
            capitals = kind == "person" and n.surface.isalpha() and len(n.surface) >= SURNAME_IN_CAPITALS_MIN
            if len(n.words) != 1 or (is_acronym(n.surface) and not capitals):
                continue
            word = form_key(n.surface)
            # A place is not a person's short name unless written exactly so ("Peru" is not "Perez").
            holders = (surname.get(spelling_key(n.surface), set()) if kind != "place" else exact.get(word, set())) - {k}
            how = "surname"
            # The tagger calls a lone given name an organisation often ("you and Ann here"): as a
            # place, it may be a person's given name when only the tagger's label says otherwise.
            label_only = kind == "organization" and not any(m.evidence for m in n.mentions) and n.surface.lower() not in self.lex.organization_words | self.lex.outlet_words
            if not holders and (kind in ("person", "place") or n.titled or label_only):
                holders, how = given.get(word, set()) - {k}, "first name"
                if label_only and kind == "organization":  # never the first word of a company taken for a person
                    holders = {x for x in holders if not any(names.bare(w) in self.lex.organization_words | self.lex.legal_forms for w in self.nodes[x].words)}
            if not holders:
                continue
            owners = {self.union.find(x) for x in holders}
            spelled = "" if any(form_key(self.nodes[x].words[-1 if how == "surname" else 0]) == word for x in holders) else ", spelled differently"
            if kind == "place":
                # A place name is a person's surname only where that person is named in full:
                # in every source that writes it, or mention by mention where the tagger says person.
                named = {m.where.source for x in holders for m in self.nodes[x].mentions}
                everywhere = {m.where.source for m in n.mentions} <= named
                todo.append((k, holders, owners, how + spelled, [m for m in n.mentions if everywhere or m.kind == "person"]))
                continue
            todo.append((k, holders, owners, how + spelled, n.mentions))
        # Twice: a courtesy title placed by the first round ("Mr. Lee" where only Ann Lee's husband
        # is named) tells that person's gender for the second.
        for round_ in (1, 2):
            for k, holders, owners, how, found in todo:
                for m in found:
                    spot = (m.where.source, m.where.paragraph, m.where.start)
                    if spot not in self.assigned:
                        self._place(k, m, holders, owners, how, full_mentions, genders, titles, cues)
            if round_ == 1:
                genders = self._genders(learned=True)

    def _cue(self, m: Mention) -> tuple[str, set[str]]:
        """The gender and title keys a short form is written with: ('male', set()) for 'Mr. Lee'."""
        title, _ = names.split_title(_read(m.text)[1])
        gender = m.gender or names.courtesy_gender(title)
        return gender, {self.lex.title_key(names.bare(w)) for w in (m.title or title).split()} - set(self.lex.courtesy)

    def _place(self, k: str, m: Mention, holders: set[str], owners: set[str], how: str,
               full_mentions: dict[str, list[tuple[int, int, str]]], genders: dict[str, str], titles: dict[str, set[str]],
               cues: dict[tuple[str, str], list[tuple[str, set[str]]]]) -> None:
        spot = (m.where.source, m.where.paragraph, m.where.start)
        title, _ = names.split_title(_read(m.text)[1])
        gender, want = self._cue(m)
        listed = full_mentions.get(m.where.source, [])
        at = bisect_left(listed, (m.where.paragraph, m.where.start))
        here = sorted({self.union.find(x[2]) for x in listed[:at] if self.union.find(x[2]) in owners})
        pool = here or sorted(owners)
        where = "introduced before it in this source" if here else "in the sources"
        if not here and self.kind_of(k) == "place":
            return  # a place name is a person's only where that person is named

        def ruled_out(o: str, gender: str, want: set[str]) -> bool:
            """A known other gender, or known titles none of which is the one written."""
            return bool(gender and genders.get(o, gender) != gender) or bool(want and titles.get(o) and not want & titles[o])

        def narrow(cands: list[str], gender: str, want: set[str]) -> list[str]:
            cands = [o for o in cands if not ruled_out(o, gender, want)]
            if want and len(cands) > 1:
                cands = [o for o in cands if want & titles.get(o, set())]
            if gender and len(cands) > 1:  # of several, only one known to be of that gender
                cands = [o for o in cands if genders.get(o) == gender]
            return cands

        fitting = narrow(pool, gender, want)
        if not fitting and here and (gender or want) and not how.startswith("first name"):
            # Someone this source names only by surname; never for a first name, which shortens a
            # full name only where its own source introduced it (see first_only below).
            fitting = narrow(sorted(owners), gender, want)
        if len(fitting) == 1 and not (gender or want) and len(owners) > 1:
            # The one full name introduced here is no evidence when the same source writes the
            # surname with a title or pronoun that cannot be that person ("Mr. Lee" after "Ann Lee").
            if any(ruled_out(fitting[0], g, w) for g, w in cues.get((m.where.source, k), ())):
                fitting = []
        label = " and ".join(f"“{self.label(o)}”" for o in pool)
        # A first name alone is weak evidence: it shortens a full name only where the same source
        # introduced that name before it ("Ann" after "Ann Lee"); from another article it is listed
        # as unresolved, with that one candidate, rather than folded or made an actor of its own.
        first_only = how.startswith("first name") and not here
        if len(fitting) == 1 and first_only:
            self.unresolved[spot] = (m, tuple(fitting), f"the {how} of “{self.label(fitting[0])}”, who is not "
                                     f"named in {_where_text(m.where)}: a first name alone does not tell it is them")
        elif len(fitting) == 1 and (here or len(owners) == 1 or gender or want):
            root = fitting[0]
            pool = sorted(set(pool) | {root})
            target = min(x for x in holders if self.union.find(x) == root)
            if len(pool) == 1:
                why = f"{how} of “{self.label(root)}”, the only full name with it {where}"
            else:
                cue = f"“{m.gender_cue or title}” ({gender})" if gender else f"the title “{m.title or title}”"
                why = f"{how} of {label} {where}; {cue} fits only “{self.label(root)}” in {_where_text(m.where)}"
            self.assigned[spot] = target
            self.edges.append((k, target, why))
        elif len(owners) > 1:
            pool = pool if len(pool) > 1 else sorted(owners)
            label = " and ".join(f"“{self.label(o)}”" for o in pool)
            self.unresolved[spot] = (m, tuple(pool), f"the {how} of {label}, and nothing in {_where_text(m.where)} tells which")

    def label(self, root: str) -> str:
        """The most used multi-word spelling in a cluster, to name it in evidence."""
        if self._members is None:
            self._members = defaultdict(list)
            for k in self.nodes:
                self._members[self.union.find(k)].append(k)
        label = self._labels.get(root)
        if label is None:
            keys = self._members[root]
            label = self._labels[root] = min((self.nodes[k] for k in keys), key=lambda n: (-(len(n.words) > 1), -len(n.mentions), n.surface)).surface
        return label

    def _background(self) -> set[tuple[str, int, str]]:
        """Names mentioned only as someone's relative ('son of Y'): not the person a later surname means."""
        out = set()
        for ex in self.extractions:
            for r in ex.relations:
                if r.relation.split()[0] in self.lex.relation_words:
                    out.add((r.where.source, r.where.paragraph, normalise(r.object)))
        return out

    # -- assemble
    def clusters(self) -> dict[str, list[tuple[Mention, str]]]:
        """cluster root -> [(mention, node key)] with short forms placed mention by mention."""
        out: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
        root = {k: self.union.find(k) for k in self.nodes}  # the folds are done
        for k, n in self.nodes.items():
            for m in n.mentions:
                spot = (m.where.source, m.where.paragraph, m.where.start)
                if spot in self.unresolved:
                    continue
                target = self.assigned.get(spot, k)
                out[root[target]].append((m, k))
        return out


@functools.lru_cache(maxsize=65536)
def _loose(name: str) -> str:
    """A person in someone's context, keyed loosely (first element, element count) because
    that person's own name may be spelled differently in the other source too."""
    keys = name_key(collapse_repetition(name))
    return f"{keys[0] if keys else ''}/{len(keys)}"


def _describe(context: str) -> str:
    kind, _, rest = context.partition("|")
    relation = rest.partition("|")[0]
    if kind == "title":
        return f"both called {rest}"
    if kind == "with":
        return "both named near the same person"
    if kind == "rel":
        return f"both the {relation} the same person"
    return f"the same person is the {relation} both"


def _canonical(members: list[tuple[Mention, str]], nodes: dict[str, _Node], short: set[str]) -> str:
    """The fullest, most used spelling: not a short form, not an acronym when a long name exists."""
    keys = sorted({k for _, k in members})
    candidates = [k for k in keys if k not in short] or keys
    long = [k for k in candidates if not is_acronym(nodes[k].surface)]
    candidates = long or candidates
    lex = lexicon()
    plain = [k for k in candidates if nodes[k].words[-1].lower() not in lex.place_words or len(nodes[k].words) == 1]
    candidates = plain or candidates
    counts = Counter(k for _, k in members)

    def support(k: str) -> int:
        # A name that opens a longer one shares its mentions ("Front" in "Front of Somewhere").
        words = nodes[k].surface.casefold().split()
        return sum(c for o, c in counts.items() if nodes[o].surface.casefold().split()[: len(words)] == words)

    # Between names used as often, the one written out ("North Kestrel", not "N. Kestrel").
    best = sorted(candidates, key=lambda k: (-support(k), -counts[k], -len(nodes[k].words), "." in nodes[k].surface, nodes[k].surface))[0]
    return nodes[best].surface


class ActorIndex:
    """Finds the actor a surface form (as written in one source) refers to."""

    def __init__(self, names: dict[str, str] | None = None):
        self._names = {form_key(k): v for k, v in (names or {}).items()}
        self._at: dict[tuple[str, int], list[tuple[int, str, str]]] = defaultdict(list)  # (source, ¶) -> (start, form key, id)
        self._forms: dict[str, set[str]] = defaultdict(set)
        self._spelling: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._full: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # source -> (¶, start, id)
        self._sorted = True
        # Quotes, figures and events look up the same names where they were written, again and again.
        self._found: dict[tuple[str, str | None, int | None, int | None], str | None] = {}
        self.unresolved: tuple[Unresolved, ...] = ()  # short names left unassigned, for the briefing

    def add(self, actor: Actor, mentions: Iterable[tuple[Mention, bool]]) -> None:
        """Index an actor, its names, and its mentions (each flagged True unless only named as a relative)."""
        for form in (actor.name, *actor.aliases):
            if actor.kind == "person":
                form = names.split_title(form)[1]
            self._forms[form_key(form)].add(actor.id)
            self._spelling[name_key(form)].add(actor.id)
            if actor.kind == "person" and len(actor.name.split()) >= 2 and len(form.split()) >= 2:
                self._surnames[spelling_key(form.split()[-1])].add(actor.id)
        for m, foreground in mentions:
            _, text, key = _read(m.text)
            if actor.kind == "person":
                text = names.split_title(text)[1]
                key = form_key(text)
            self._at[(m.where.source, m.where.paragraph)].append((m.where.start, key, actor.id))
            if foreground and actor.kind == "person" and len(text.split()) >= 2:
                self._full[m.where.source].append((m.where.paragraph, m.where.start, actor.id))
        self._sorted = False
        self._found.clear()

    def lookup(self, text: str, source: str | None = None, paragraph: int | None = None, start: int | None = None) -> str | None:
        """The actor id `text` names, read where it is written (source, paragraph, char start)."""
        spot = (text, source, paragraph, start)
        if spot not in self._found:
            self._found[spot] = self._lookup(text, source, paragraph, start)
        return self._found[spot]

    def _lookup(self, text: str, source: str | None, paragraph: int | None, start: int | None) -> str | None:
        # "X, aide to Y" names X: read up to the first comma.
        words = normalise((text or "").split(",")[0]).split()
        # "Group spokesman Given Family": the whole name, then ever shorter endings of it; not
        # for longer phrases, whose last words may name someone else.
        for i in range(len(words) if len(words) <= MAX_TITLED_NAME_WORDS else 1):
            found = self._one(" ".join(words[i:]), source, paragraph, start)
            if found:
                return found
        return None

    def _one(self, text: str, source: str | None, paragraph: int | None, start: int | None) -> str | None:
        if not self._sorted:
            for v in (*self._at.values(), *self._full.values()):
                v.sort()
            self._sorted = True
        key = form_key(collapse_repetition(text))
        if key in self._names:
            return self._names[key]
        if source is not None and paragraph is not None:
            here = [(s, i) for s, k, i in self._at.get((source, paragraph), ()) if k == key]
            if here and start is not None:
                return min(here, key=lambda x: (abs(x[0] - start), x[0]))[1]
            if len({i for _, i in here}) == 1:
                return here[0][1]
        ids = self._forms.get(key) or self._spelling.get(name_key(text)) or set()
        if len(text.split()) == 1:
            owners = ids | self._surnames.get(spelling_key(text), set())
            if len(owners) > 1:
                # A short name two people share is one of them only when exactly one is introduced
                # before it in this source: the nearest alone is no evidence (husband and wife).
                if source is None:
                    return None
                limit = (paragraph if paragraph is not None else 10**9, start if start is not None else 10**9)
                before = {x[2] for x in self._full.get(source, ()) if x[2] in owners and (x[0], x[1]) < limit}
                return next(iter(before)) if len(before) == 1 else None
            if len(owners) == 1:
                return next(iter(owners))
        if len(ids) == 1:
            return next(iter(ids))
        return None


def resolve(articles: Sequence[Article], extractions: Sequence[Extraction]) -> tuple[tuple[Actor, ...], ActorIndex]:
    r = _Resolver(extractions)
    r.collect()
    r.coordinated()
    r.acronyms()
    r.place_suffixes()
    r.abbreviations()
    r.legal_forms()
    r.inverted_bodies()
    r.countries()
    r.divided_countries()
    r.transliterations()
    r.middle_initials()
    r.familiar_names()
    r.hyphen_cut()
    r.initial_cut()
    r.leading_words()
    r.compound_surnames()
    r.organisation_first_words()
    r.short_forms()
    r.short_organisations()
    clusters = r.clusters()
    aliased = {e[0] for e in r.edges}
    short = {k for k, n in r.nodes.items() if len(n.words) == 1 and k in aliased and not is_acronym(n.surface)} | (r.cut_names & aliased)
    background = r._background()

    drafts = []
    for root, members in clusters.items():
        name = _canonical(members, r.nodes, short)
        forms = {k for _, k in members}
        # A person's kind is read from the full names: short forms ("Lee" tagged ORG) do not vote.
        full = [(m, k) for m, k in members if len(r.nodes[k].words) >= 2 and not is_acronym(r.nodes[k].surface)]
        kind = _kind_votes((m for m, _ in full or members), (r.nodes[k].surface for k in ({k for _, k in full} or forms)))
        drafts.append((KIND_ORDER[kind], name.casefold(), name, kind, root, members))
    drafts.sort(key=lambda d: d[:3])

    by_key: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # node -> (0 alias side / 1 other side, other node, why)
    for alias, other, why in r.edges:
        by_key[alias].append((0, other, why))
        by_key[other].append((1, alias, why))
    used: set[str] = set(links.RESERVED_SLUGS)  # an actor called Index must not take actors/index.md
    ids: dict[str, str] = {}  # cluster root -> actor id
    index = ActorIndex()
    placed: list[Actor] = []
    for _, _, name, kind, root, members in drafts:
        slug = links.free_slug(links.slugify(name, "actor"), used)
        aliases: set[str] = set()
        merges: list[Merge] = []
        # The spellings of this actor's own mentions: a short form shared by two people shows
        # "Mr. Lee" on his profile and "Mrs. Lee" on hers, not both on both.
        written: dict[str, set[str]] = defaultdict(set)
        for m, k in members:
            surface, collapsed, _ = _read(m.text)
            title, core = names.split_title(collapsed) if surface in r.nodes[k].titled else ("", collapsed)
            # "Mr. Lee" is no other spelling of Lee: a courtesy title is kept out of the aliases.
            written[k].update({core} if any(names.bare(w) in r.lex.courtesy for w in title.split()) else {surface, core})
        for k in sorted(written):
            for surface in sorted(written[k]):
                if surface != name and surface not in aliases:
                    aliases.add(surface)
                    merges.append(Merge(surface, name, _evidence(r, by_key, k, surface, name, root)))
        mentions = tuple(sorted({m.where for m, _ in members}, key=lambda w: (w.source, w.paragraph, w.start, w.end)))
        actor = Actor(id=slug, name=name, kind=kind, aliases=tuple(sorted(aliases)), merges=tuple(sorted(merges, key=lambda x: x.alias)), mentions=mentions)
        placed.append(actor)
        ids[root] = slug
        index.add(actor, [(m, (m.where.source, m.where.paragraph, normalise(m.text)) not in background) for m, _ in members])

    # Roles and relations, read through the index where they were written.
    roles: dict[str, list[tuple[str, Where]]] = defaultdict(list)
    rels: dict[str, list[tuple[str, str, Where]]] = defaultdict(list)
    for ex in extractions:
        starts = _starts(ex)
        for role in ex.roles:
            holder = index.lookup(role.holder, role.where.source, role.where.paragraph, _nearest(starts, role.holder, role.where))
            if holder:
                roles[holder].append((role.role, role.where))
        for rel in ex.relations:
            if rel.relation == ABBREVIATED_AS:
                continue
            subject = index.lookup(rel.subject, rel.where.source, rel.where.paragraph, _nearest(starts, rel.subject, rel.where))
            other = index.lookup(rel.object, rel.where.source, rel.where.paragraph, _nearest(starts, rel.object, rel.where))
            if subject and subject != other:
                rels[subject].append((rel.relation, other or normalise(rel.object), rel.where))
    actors: list[Actor] = []
    for actor in placed:
        actors.append(
            Actor(
                id=actor.id, name=actor.name, kind=actor.kind, aliases=actor.aliases, merges=actor.merges,
                roles=tuple(sorted(set(roles.get(actor.id, [])), key=lambda x: (x[1].source, x[1].paragraph, x[1].start, x[0]))),
                relations=tuple(sorted(set(rels.get(actor.id, [])), key=lambda x: (x[2].source, x[2].paragraph, x[2].start, x[0], x[1]))),
                mentions=actor.mentions,
            )
        )
    index.unresolved = tuple(
        Unresolved(text=_read(m.text)[0], candidates=tuple(sorted(ids[o] for o in pool if o in ids)), why=why, where=m.where)
        for m, pool, why in sorted(r.unresolved.values(), key=lambda x: (x[0].where.source, x[0].where.paragraph, x[0].where.start))
    )
    return tuple(actors), index


def _starts(ex: Extraction) -> dict[tuple[int, str], list[int]]:
    """(paragraph, name as normalised) -> char starts of its mentions, to place a claim's holder."""
    out: dict[tuple[int, str], list[int]] = defaultdict(list)
    for m in ex.mentions:
        out[(m.where.paragraph, normalise(m.text))].append(m.where.start)
    return out


def _nearest(starts: dict[tuple[int, str], list[int]], text: str, where: Where) -> int | None:
    """Char start of the mention `text` nearest to a claim's span in the same paragraph."""
    spots = starts.get((where.paragraph, normalise(text)))
    return min(spots, key=lambda s: (abs(s - where.start), s)) if spots else None


def _evidence(r: _Resolver, by_key: dict[str, list[tuple[int, str, str]]], key: str, surface: str, name: str, root: str) -> str:
    if surface in r.nodes[key].repeated:
        return f"the last name element is repeated; “{collapse_repetition(surface)}” is meant"
    title = r.nodes[key].titled.get(surface)
    if title and len(r.nodes[key].words) >= 2:
        return f"the same name with the title “{title}” written in it"
    if form_key(surface) == form_key(name):
        return "the same name with other capitals or punctuation"
    # A short form can belong to two actors: give the fold that brought it into this one.
    edges = by_key.get(key, [])
    for side, other, why in edges:
        if side == 0 and r.union.find(other) == root:
            return why
    for side, other, why in edges:
        if side == 1:
            return why
    if title:
        return f"the same name with the title “{title}” written in it"
    return "the same name with other capitals or punctuation"
