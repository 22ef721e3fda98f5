"""Direct quotes and reported speech, with speaker, cue and intermediary, per article.

Direct quotes come from the quote marks of the paragraph text, not from the parse:
the parser splits sentences inside quotes, and a stray mark must only cost that
one quote. Their cue and speaker come from the parse of the text around them.
Reported speech comes from dependency rules: the clausal complement of a speech
verb, "according to X" / "per X", vows and appeals, and figures stated with
"put the number at". Pronouns and definite descriptions ("he", "the spokesman")
are resolved against the article's earlier subjects; indefinite descriptions ("a
local official") introduce someone new and stay as written.

Every claim records how its speaker was found (`Attribution`: the rule, the linking words,
a confidence). Where the words do not settle who spoke (a pronoun with two compatible
antecedents, a relative pronoun after a thing, "it", a number, a dateline), the claim is
left unattributed with its nearest candidate rather than given to the nearest name.

Every quote's text is the paragraph text at its span; `verbatim` enforces it.
"""
from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator import lexicon as lexicon_data
from generator import sentences
from generator.model import Article, Attribution, Mention, NotVerbatim, QuoteClaim, Where

PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
# Marks that close a quote opened by each kind; a straight mark may close a curly one.
PAIRS_OF = {"“": ("”", '"'), '"': ('"', "”"), "«": ("»",), "„": ("“", "”"), "''": ("''",), "``": ("''",)}
CLOSERS = {"”", "»"}
# Every character a mark can start with (_mark_at): the scan jumps from one to the next.
MARK_START = re.compile("[" + re.escape("".join(sorted({*PAIRS, *CLOSERS, "'", "`"}))) + "]")
# A sentence ends at . ! ? (or an ellipsis) followed by space and a capital or an opening mark,
# unless the full stop closes an abbreviation ("Ms. Alvarez said") or an initial ("John Q. Public").
SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"“«„'A-Z])")
TRIM_TAIL = {"PUNCT", "CCONJ", "ADP", "SCONJ", "DET", "PART"}
DEFINITE = {"the", "this", "that", "these", "those"}
# Below this, a speaker is shown only as the nearest candidate of an unattributed claim.
MIN_CONFIDENCE = 0.5
PLACES = ("GPE", "LOC")


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    appeal_verbs: dict[str, frozenset[str]]
    estimate_verbs: frozenset[str]
    estimate_objects: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    quoted_as: frozenset[str]
    channel_nouns: frozenset[str]
    audience_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    person_nouns: frozenset[str]
    role_synonyms: dict[str, str]
    titles: frozenset[str]
    indefinite: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    male: frozenset[str] = frozenset()
    female: frozenset[str] = frozenset()
    non_speakers: frozenset[str] = frozenset()
    quantities: frozenset[str] = frozenset()
    share_words: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    title_small_words: frozenset[str] = frozenset()
    judgement_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    characterising_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    claim_nouns: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    speech_idioms: dict[str, frozenset[str]] = field(default_factory=dict)
    listing_preps: frozenset[str] = frozenset()
    verb_lemmas: dict[str, str] = field(default_factory=dict)

    def role(self, lemma: str) -> str:
        return self.role_synonyms.get(lemma, lemma)


@functools.cache
def lexicon() -> Lexicon:
    d = lexicon_data.read("speech")
    words = lambda key: frozenset(str(w).lower() for w in d.get(key) or ())  # noqa: E731
    return Lexicon(
        speech_verbs=words("speech_verbs"),
        commitment_verbs=words("commitment_verbs"),
        appeal_verbs={k: frozenset(v) for k, v in (d.get("appeal_verbs") or {}).items()},
        estimate_verbs=words("estimate_verbs"),
        estimate_objects=words("estimate_objects"),
        attribution_phrases=tuple(tuple(p.lower().split()) for p in d.get("attribution_phrases") or ()),
        quoted_as=words("quoted_as"),
        channel_nouns=words("channel_nouns"),
        audience_nouns=words("audience_nouns"),
        outlet_nouns=words("outlet_nouns"),
        person_nouns=words("person_nouns"),
        role_synonyms={str(k): str(v) for k, v in (d.get("role_synonyms") or {}).items()},
        titles=lexicon_data.titles().before_names,
        indefinite=words("indefinite"),
        person_pronouns=words("person_pronouns"),
        group_pronouns=words("group_pronouns"),
        relative_pronouns=words("relative_pronouns"),
        male=words("male"),
        female=words("female"),
        non_speakers=words("non_speakers"),
        quantities=words("quantities"),
        share_words=words("share_words"),
        negating_verbs=words("negating_verbs"),
        naming_verbs=words("naming_verbs"),
        source_nouns=words("source_nouns"),
        directive_verbs=words("directive_verbs"),
        title_small_words=words("title_small_words"),
        judgement_verbs={k: frozenset(v) for k, v in (d.get("judgement_verbs") or {}).items()},
        characterising_verbs={k: frozenset(v) for k, v in (d.get("characterising_verbs") or {}).items()},
        claim_nouns=words("claim_nouns"),
        stance_verbs=words("stance_verbs"),
        listing_preps=words("listing_preps"),
        verb_lemmas={str(k): str(v) for k, v in (d.get("verb_lemmas") or {}).items()},
        speech_idioms={str(k): frozenset(str(w).lower() for w in v) for k, v in (d.get("speech_idioms") or {}).items()},
    )


# --- quote marks -------------------------------------------------------------

def _mark_at(text: str, i: int) -> str | None:
    """The quotation mark starting at i: one character, or a doubled apostrophe ('' or ``)."""
    two = text[i:i + 2]
    if two in ("''", "``"):
        return two
    return text[i] if text[i] in PAIRS or text[i] in CLOSERS else None


def _opens(text: str, i: int, mark: str) -> bool:
    """A symmetric mark (" or '') opens where it starts a word: after a space or the start."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _closes(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Inner (start, end) of every closed quotation in the text.

    Curly, straight and doubled ('' … '') marks. An opening mark that is never closed is
    ignored rather than swallowing the rest of the paragraph: a new opening mark of the same
    kind restarts the quote, a straight mark is an opener or a closer by where it stands (so one
    stray mark cannot flip quote and narrative for the rest of the text), and a closing mark
    with nothing open is dropped."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opened = ""
    i = 0
    while i < len(text):
        mark = _mark_at(text, i)
        if mark is None:
            found = MARK_START.search(text, i + 1)
            i = found.start() if found else len(text)
            continue
        symmetric = mark in ('"', "''")
        if open_at is not None and mark in PAIRS_OF.get(opened, ()) and (not symmetric or _closes(text, i, mark)):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif mark in PAIRS_OF and (open_at is None or mark == opened) and (not symmetric or _opens(text, i, mark)):
            open_at, opened = i + len(mark), mark
        elif mark == "”" and open_at is None and not text[:i].strip() and "”" in text[i + 1:]:
            # A paragraph that opens with a closing mark (”Fear. I am afraid …”) was typed with the
            # wrong one: it opens the quote its closing mark ends.
            open_at, opened = i + 1, "“"
        i += len(mark)
    return spans


def with_marks(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each quote's span with its marks, one or two characters wide."""
    width = lambda two: 2 if two in ("''", "``") else 1  # noqa: E731
    return [(s - width(text[max(0, s - 2):s]), e + width(text[e:e + 2])) for s, e in spans]


def inside(i: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether offset `i` lies in one of `spans`. Quote spans come in reading order, so a search
    finds the one that may hold `i` (a line with thousands of quotes stays linear); the span
    before it is looked at too, for two quotes whose marks touch."""
    if not spans:
        return False
    ordered = spans if isinstance(spans, list) else sorted(spans)
    k = bisect_right(ordered, (i, math.inf)) - 1
    return (k >= 0 and ordered[k][0] <= i < ordered[k][1]) or (k >= 1 and ordered[k - 1][0] <= i < ordered[k - 1][1])


def _trim(text: str, start: int, end: int, strip: str = " \t,;:") -> tuple[int, int]:
    # Any white space counts as a space: a no-break space alone between marks is no quote.
    while start < end and (text[start] in strip or (" " in strip and text[start].isspace())):
        start += 1
    while end > start and (text[end - 1] in strip or (" " in strip and text[end - 1].isspace())):
        end -= 1
    return start, end


def verbatim(claim: QuoteClaim, paragraph_text: str) -> QuoteClaim:
    """The claim, after checking that its text is the paragraph's text at its span."""
    w = claim.where
    if not claim.text or paragraph_text[w.start:w.end] != claim.text:
        raise NotVerbatim(f"{w.source} ¶{w.paragraph} [{w.start}:{w.end}]: {claim.text!r} is not the paragraph's text")
    return claim


# --- who is speaking ------------------------------------------------------------

@dataclass(frozen=True)
class Entity:
    """Someone or something an article has made the subject of a clause."""

    text: str
    person: bool
    named: bool
    roles: frozenset[str] = frozenset()
    plural: bool = False
    how: str = "name"  # the rule that linked the words to this entity
    confidence: float = 0.95
    candidate: str | None = None  # set when the entity is only the nearest candidate (abstained)
    place: bool = False  # a country, a city: "it", never "they"

    @property
    def last(self) -> str:
        return self.text.split()[-1].lower() if self.text else ""


def _name(tok: Any, lex: Lexicon) -> str:
    """The proper name a PROPN token heads, without titles written before it."""
    doc = tok.doc
    under = {t.i for t in tok.subtree}
    start = tok.i
    # The whole run of proper nouns before the head ("United Nations Security Council"), and names
    # written with hyphens ("Al-Amin", "Ki-moon"), which come out of the tokenizer in pieces.
    while start > 0:
        prev = doc[start - 1]
        if prev.i in under and prev.pos_ == "PROPN" and prev.dep_ in ("compound", "flat", "nmod"):
            start -= 1
        elif start > 1 and prev.text in "-–" and not prev.whitespace_ and not doc[start - 2].whitespace_:
            start -= 2
        else:
            break
    parts = list(doc[start:tok.i + 1])
    parts += [t for t in tok.rights if t.dep_ in ("flat",) and t.pos_ == "PROPN"]
    # "Lt." comes out of the tokenizer as "Lt" and ".": the full stop is part of the title.
    is_title = lambda t: t.lower_.strip(".") in lex.titles or t.lemma_.lower() in lex.titles or t.text == "."  # noqa: E731
    if (len(parts) >= 4 and is_title(parts[0]) and not is_title(parts[1]) and parts[0].head.i == parts[1].i
            and parts[1].i != tok.i):
        # "former Miss Harbour Ana Ruiz": a title that qualifies the word after it, not the name, makes
        # a title of the two; the name is what follows them.
        parts = parts[2:]
    if not all(is_title(t) for t in parts):
        # "Retired General" is all titles: who it is, as written, not its last word alone.
        titled = parts
        while len(parts) > 1 and is_title(parts[0]):
            parts = parts[1:]
        if len(parts) == 1 and len(titled) > 1 and parts[0].lower_ in lex.source_nouns:
            parts = titled  # "General Council": part of a body's name, not a title before it
        # "River Police Chief Ana Ruiz", "Harbour Board Chairman Ana Ruiz": what comes before a title
        # qualifies the title; the name is what follows the last one.
        last = max((k for k, t in enumerate(parts[:-1]) if is_title(t)), default=None)
        if last is not None and not (len(parts) - last - 1 == 1 and parts[-1].lower_ in lex.source_nouns):
            parts = parts[last + 1:]
    end = parts[-1].i
    # "Bureau of Prisons", "Committee for a Balanced Budget", "Commission on Fair Elections": a name
    # that goes on after "of", "for" or (not a person's, and not a date) "on".
    joins = ("of", "for") if tok.ent_type_ == "PERSON" else ("of", "for", "on")
    prep = next((c for c in doc[end].rights if c.dep_ == "prep" and c.lower_ in joins and c.i == end + 1), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"
                 and c.ent_type_ not in ("DATE", "TIME")), None) if prep else None
    if pobj is not None and all(t.pos_ == "PROPN" or t.lower_ in ("a", "an", "the") for t in doc[prep.i + 1:pobj.i + 1]):
        end = pobj.i
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text in "-–" and not doc[end + 1].whitespace_:
        end += 2
    return doc[parts[0].i: end + 1].text


def _roles(tok: Any, lex: Lexicon) -> frozenset[str]:
    """Person nouns said of a name: its appositions and title compounds."""
    roles = set()
    for t in tok.children:
        if t.dep_ == "appos" and t.lemma_.lower() in lex.person_nouns:
            roles.add(lex.role(t.lemma_.lower()))
        if t.dep_ == "compound" and t.lemma_.lower() in lex.person_nouns:
            roles.add(lex.role(t.lemma_.lower()))
    return frozenset(roles)


def _description(tok: Any) -> str:
    """A common-noun subject as written, up to its first comma or clause."""
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") or t.i < tok.i]
    end = tok.i
    doc = tok.doc
    clauses = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    for t in sorted(tok.subtree, key=lambda t: t.i):
        if tok.i < t.i <= end:
            continue  # inside a restrictive clause kept whole below
        c = next((c for c in clauses if c.left_edge.i <= t.i <= c.right_edge.i), None)
        if c is not None:
            # "a study that appeared in a medical journal", "a report released by the audit office":
            # a restrictive clause (no comma before it, none inside) says which one it is; a long
            # or comma-set clause is only more about it, and is left out from its first word on.
            clause = doc[c.left_edge.i:c.right_edge.i + 1]
            if (c.left_edge.i == end + 1 and c.right_edge.i - tok.left_edge.i < 14
                    and not any(w.text in ",;(—–―-" or w.text in PAIRS_OF or w.text in CLOSERS for w in clause)):
                end = c.right_edge.i
                # "… published by the Harbour Authority in May": when it was is not who it is.
                while end > c.i and (doc[end].ent_type_ in ("DATE", "TIME") or doc[end].pos_ == "ADP"):
                    end -= 1
                continue
            break
        if t.i > tok.i and (t.text in ",;(—–―-" or t.text in PAIRS_OF or t.text in CLOSERS
                            or t.dep_ in ("relcl", "acl", "case") or t.head.dep_ == "relcl"):
            if t.dep_ in ("relcl", "acl"):
                # "the brother of a diver badly hurt": the clause's own first words go with it
                end = min(end, max(tok.i, t.left_edge.i - 1))
            break  # a possessive's "’s" ("the mayor’s claim") is not part of who it is
        end = t.i
    start = min(t.i for t in words)
    if end > tok.i and doc[end].dep_ == "acl" and doc[end].tag_ == "VBN" and not any(c.i <= end for c in doc[end].children):
        end -= 1  # "a report released" once "on Monday" is left out: the bare participle says nothing
    # "an analysis released by the Veterans Office": who released it is part of what the source is.
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == end + 1):
        agent = next((a for a in acl.children if a.dep_ == "agent"), None)
        named = next((o for o in agent.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None) if agent else None
        if named is not None and not any(t.text in ",;" for t in tok.doc[end + 1:named.right_edge.i + 1]):
            end = named.right_edge.i
    return tok.doc[start:end + 1].text.strip(" ,")


class Discourse:
    """The subjects an article has introduced, in reading order, for resolving speakers."""

    def __init__(self, lex: Lexicon, persons: set[str], organisations: set[str]):
        self.lex = lex
        self.seen: list[Entity] = []
        self.names: dict[str, set[str]] = {}  # last word -> full names written anywhere so far
        self.persons = persons  # surface forms tagged as people by the mentions stage
        self.organisations = organisations
        self.role_names: dict[str, set[str]] = {}  # role -> full names it was said of
        self.gender: dict[str, str] = {}  # entity text -> "m" / "f", from titles, nouns and pronouns
        self.speaker: Entity | None = None  # the last one a claim was attributed to
        # people in reading order: (name, whether a subject, the sentence it is in)
        self.log: list[tuple[str, bool, tuple[int, int]]] = []

    def _is_person(self, tok: Any, text: str, roles: frozenset[str]) -> bool:
        if text in self.organisations:
            return False
        return text in self.persons or bool(roles) or tok.ent_type_ == "PERSON" or (not tok.ent_type_ and self.personal(tok))

    def read_names(self, doc: Any) -> None:
        """Remember every full proper name of a paragraph, for a later bare surname, and the roles
        said of it ("Ana Ruiz, the director,"), for a later "the director"."""
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            name = _name(tok, self.lex)
            if len(name.split()) > 1 and tok.ent_type_ == "PERSON":
                self.names.setdefault(name.split()[-1].lower(), set()).add(name)
            if len(name.split()) > 1 and (tok.ent_type_ == "PERSON" or self.personal(tok)):
                for role in _roles(tok, self.lex):
                    self.role_names.setdefault(role, set()).add(name)

    def personal(self, tok: Any) -> bool:
        """Whether a name outside a quote may be a person's: enough to compete for a pronoun.
        The tagger calls many two-word names of people organisations, so those count too."""
        name = _name(tok, self.lex)
        if tok.ent_type_ == "PERSON" or name in self.persons:
            return True
        words = name.split()
        return (tok.ent_type_ in ("", "ORG") and name not in self.organisations and 2 <= len(words) <= 3
                and all(w[:1].isupper() for w in words)
                and not any(w.lower() in self.lex.source_nouns | self.lex.outlet_nouns for w in words))

    def mention(self, name: str, tok: Any = None) -> None:
        """A person named outside a quote in another role than subject: a rival for a later pronoun."""
        self.log.append((name, False, _sentence_key(tok)))

    def attributed(self, entity: Entity | None) -> None:
        if entity is not None and entity.person and entity.candidate is None and entity.confidence >= MIN_CONFIDENCE:
            self.speaker = entity

    def describe(self, tok: Any) -> Entity | None:
        """Resolve a subject token to an entity, remembering it for what follows."""
        entity = self._resolve(tok)
        if entity is not None and entity.text and entity.candidate is None and entity.confidence >= MIN_CONFIDENCE:
            self.seen.append(entity)
            if entity.person:
                self.log.append((entity.text, True, _sentence_key(tok)))
            g = self._gender_of(tok)
            if g and entity.person:
                self.gender.setdefault(entity.text, g)
        return entity

    def _gender_of(self, tok: Any) -> str | None:
        # The head and its titles ("Mr. Roe", "the spokeswoman"), never a possessive ("his wife").
        words = [tok.lower_, tok.lemma_.lower()] + [t.lower_.strip(".") for t in tok.lefts if t.dep_ != "poss"]
        for w in words:
            if w in self.lex.male:
                return "m"
            if w in self.lex.female:
                return "f"
        return None

    def _pronoun(self, tok: Any) -> Entity:
        """ "he said": the nearest earlier subject who could be "he" (a name inside a quote, an object
        or a list is never the antecedent). When another such person was named after that subject,
        only the last speaker is still kept; anyone else is only the nearest candidate."""
        want = self._gender_of(tok)
        fits = lambda text: self.gender.get(text, want) == want  # noqa: E731
        latest = self._latest(lambda e: e.person and not e.plural and fits(e.text))  # "he" is never "residents"
        if latest is None:
            return Entity(tok.text, True, False, how="pronoun, no antecedent", confidence=0.2)
        after = []
        here, beside = _sentence_key(tok), False
        for text, subject, sentence in reversed(self.log):
            if subject and text == latest.text:
                break
            if text != latest.text and fits(text):
                after.append(text)
                beside = beside or sentence == here
        is_speaker = self.speaker is not None and self.speaker.text == latest.text
        if not after:
            # Only an antecedent nobody competes with learns its gender from the pronoun: "Roe told
            # Poe, after he admitted ..." must not make Roe "he" for every later "she".
            if want:
                self.gender.setdefault(latest.text, want)
            how, conf = ("last speaker" if is_speaker else "previous subject"), (0.85 if is_speaker else 0.75)
            return replace(latest, how=f"pronoun “{tok.text}” → {how}", confidence=conf)
        # A rival in the pronoun's own sentence ("Roe told Poe, after he admitted ...") is as likely
        # meant as the last speaker: only a rival in an earlier sentence leaves the speaker ahead.
        if is_speaker and not beside:
            return replace(latest, how=f"pronoun “{tok.text}” → last speaker, past {after[0]}", confidence=0.6)
        return replace(latest, how=f"pronoun “{tok.text}”: {latest.text} or {after[0]}", confidence=0.3,
                       candidate=latest.text)

    def _resolve(self, tok: Any) -> Entity | None:
        lex, low = self.lex, tok.lower_
        if not any(ch.isalpha() for ch in tok.text):
            return None  # a dash or a figure the parser made a subject
        if low in lex.relative_pronouns and tok.head.dep_ == "relcl":
            said_of = self._who_after_a_phrase(tok)
            antecedent = self._resolve(said_of)
            if antecedent is not None and low in ("who", "whom") and not antecedent.candidate:
                if said_of.pos_ not in ("NOUN", "PROPN"):
                    # "the first who is a doctor": an ordinal or a number names no one a pronoun can mean
                    return replace(antecedent, how="relative pronoun after no noun", confidence=0.2,
                                   candidate=antecedent.text)
                antecedent = replace(antecedent, person=True)  # "who" is said of people only
            if antecedent is not None and not antecedent.person:
                return replace(antecedent, how="relative pronoun after a thing", confidence=0.2,
                               candidate=antecedent.text)
            return antecedent
        if low in lex.person_pronouns:
            return self._pronoun(tok)
        if low in lex.group_pronouns:
            # "they": the last group, named ("the council") or described in the plural ("officials").
            # A country or a city is "it" ("Norway said it would"); "they" after one is someone else.
            group = self._latest(lambda e: (e.plural or (e.named and not e.person)) and not e.place)
            if group is not None:
                return replace(group, how=f"pronoun “{tok.text}” → last group", confidence=0.7)
            return Entity(tok.text, False, False, how="pronoun, no antecedent", confidence=0.2)
        surname = self._surname_tagged_as_a_word(tok)
        if surname is not None:
            return surname
        if tok.pos_ in ("NUM",) or tok.lemma_.lower() in lex.quantities:
            if any(c.lower_ == "no" for c in tok.children):
                return Entity(tok.text, False, False, how="“no one” names nobody", confidence=0.0)
            # "three in five residents", "73 percent of voters", "one of the lawyers": the group counted.
            counted = next((c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                            for c in p.children if c.dep_ == "pobj"), None)
            appos = next((t for t in tok.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"), None)
            if appos is not None:
                return Entity(_name(appos, lex), True, True, how="name apposed to a counted group", confidence=0.85)
            if counted is not None and counted.i != tok.i:
                inner = self._resolve(counted)
                if inner is not None:
                    return Entity(_description(tok), inner.person, False, inner.roles, True,
                                  how="counted group", confidence=0.7)
            if tok.lower_ in lex.share_words and any(c.pos_ == "NUM" or c.like_num for c in tok.children):
                # "Another 19 percent said …": a share of the people a poll asked, written as a share;
                # no one of them is named.
                return Entity(_description(tok), True, False, plural=True, how="a share of those asked",
                              confidence=0.6)
            return Entity(tok.text, False, False, how="a number names nobody", confidence=0.1)
        if low in lex.non_speakers or (tok.pos_ in ("PRON", "DET") and low not in lex.group_pronouns):
            # "That said", "It added", "nobody": no one to name; the last named subject is only a candidate.
            near = self._latest(lambda e: e.named)
            return Entity(tok.text, False, False, how=f"“{tok.text}” names nobody", confidence=0.1,
                          candidate=near.text if near else None)
        if tok.pos_ == "PROPN" or (tok.ent_type_ and tok.pos_ not in ("PRON", "NOUN", "DET")):
            if _dateline(tok):
                return Entity(tok.text, False, False, how="dateline, not a speaker", confidence=0.0)
            name = _name(tok, lex)
            roles = _roles(tok, lex)
            others, link = [], tok
            while (nxt := next((c for c in link.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)) is not None:
                others.append(_name(nxt, lex))
                link = nxt
            if others:
                # "Senators Roe, Poe and Doe said": all of them; no one role is the group's.
                everyone = [name, *others]
                return Entity(", ".join(everyone[:-1]) + " and " + everyone[-1], True, True, frozenset(), True,
                              how="coordinated names", confidence=0.85)
            if (len(name.split()) > 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                    and len(self.names.get(tok.lower_, set())) == 1 and tok.text == name.split()[-1]):
                # "Speaking to the readers of the Harbour Courier Brandt said": a comma left out runs a paper's
                # name into a surname; a person's name takes no "the", and that surname is one known.
                name = tok.text
            # A title alone ("the Senator"), but not one before a name, nor a surname that is also a
            # title ("Dean", "King") of a person named in full before.
            if (name == tok.text and tok.lower_ in lex.titles and tok.lower_ in lex.person_nouns
                    and tok.lower_ not in self.names
                    and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].pos_ != "PROPN")
                    and not self._latest(lambda e: e.named and e.last == tok.lower_ and len(e.text.split()) > 1)):
                return self._title_alone(tok, name)
            if len(name.split()) == 1:
                # Never a group's last name: "Ruiz" after "Ortega and Ana Ruiz" is Ana Ruiz alone.
                earlier = self._latest(lambda e: e.named and not e.plural and e.last == name.lower()
                                       and len(e.text.split()) > 1)
                if earlier is not None:
                    return Entity(earlier.text, earlier.person or bool(roles), True, earlier.roles | roles,
                                  how="surname of a name before", confidence=0.9)
                # Never a subject before, but named once in full: only an unambiguous full name will do.
                full = self.names.get(name.lower(), set())
                if len(full) == 1:
                    return Entity(next(iter(full)), True, True, roles, how="surname of a name before", confidence=0.9)
                person = self._is_person(tok, name, roles)
                return Entity(name, person, True, roles, how="name", confidence=0.85,
                              place=tok.ent_type_ in PLACES and not person)
            person = self._is_person(tok, name, roles)
            return Entity(name, person, True, roles, how="name", confidence=0.95,
                          place=tok.ent_type_ in PLACES and not person)
        if tok.pos_ in ("NOUN", "ADJ"):
            lemma = lex.role(tok.lemma_.lower())
            # "A member of the movement, Jane Roe, said": the apposed name, when it names a person.
            appos = next((t for t in tok.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"
                          and (t.ent_type_ == "PERSON" or (t.head.i == tok.i and t.ent_type_ in ("", "PERSON")))
                          and not any(a.dep_ == "relcl" and a.i < t.i for a in tok.subtree)), None)
            if appos is not None:
                name = _name(appos, lex)
                return Entity(name, True, True, frozenset({lemma}) if lemma in lex.person_nouns else frozenset(),
                              how="name apposed to a description", confidence=0.9)
            text = _description(tok)
            person = tok.lemma_.lower() in lex.person_nouns
            first = tok.doc[tok.left_edge.i].lower_ if tok.left_edge.i < tok.i else ""
            definite = first in DEFINITE or any(t.dep_ == "poss" for t in tok.children)
            if person and definite and first not in lex.indefinite:
                earlier = self._latest(lambda e: e.named and lemma in e.roles)
                if earlier is not None:
                    return replace(earlier, how=f"“{text}” → the {lemma} named before", confidence=0.8)
                holders = self.role_names.get(lemma, set())
                if len(holders) == 1 and not any(t.dep_ in ("prep", "amod", "compound") for t in tok.children):
                    # Only one person was given that role anywhere before: "the director" is them.
                    return Entity(next(iter(holders)), True, True, frozenset({lemma}),
                                  how=f"“{text}” → the only {lemma} named before", confidence=0.75)
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound") for t in tok.doc[tok.left_edge.i:tok.i]):
                # "Roe demands answers from the board said": a clause the parser took for a noun phrase.
                return Entity(text, person, False, how="a clause, not a noun phrase", confidence=0.2)
            return Entity(text, person, False, frozenset({lemma}) if person else frozenset(), plural=tok.tag_ == "NNS",
                          how="description as written", confidence=0.8)
        return None

    def _title_alone(self, tok: Any, name: str) -> Entity:
        """ "The Senator said", "Retired General Recalls …": a title written without a name stands for
        the one person given that title before, like "the senator"; otherwise it describes someone
        and names no one."""
        lex = self.lex
        lemma = lex.role(tok.lower_.strip("."))
        if lemma in lex.person_nouns:
            earlier = self._latest(lambda e: e.named and e.person and lemma in e.roles)
            if earlier is not None:
                return replace(earlier, how=f"“{name}” → the {lemma} named before", confidence=0.8)
            holders = self.role_names.get(lemma, set())
            if len(holders) == 1:
                return Entity(next(iter(holders)), True, True, frozenset({lemma}),
                              how=f"“{name}” → the only {lemma} named before", confidence=0.75)
        first = tok.doc[tok.left_edge.i]
        text = tok.doc[first.i:tok.i + 1].text if first.lower_ in DEFINITE else name
        return Entity(text, True, False, frozenset({lemma}) if lemma in lex.person_nouns else frozenset(),
                      how="a title without a name", confidence=0.6)

    def _who_after_a_phrase(self, tok: Any) -> Any:
        """The word a relative pronoun is said of. "farmers in Maple Valley, who say …", "a symbol
        for fishermen, who marched …", "a lecturer at the Institute for Trade who ran …": the parser hangs
        the clause on the last noun, but "who" is said of people, so after a place or a thing it is
        said of the people in the phrase around it; and after a description apposed to a name ("Ana
        Ruiz, a fellow at …, who"), of the name."""
        found = self._people_of_who(tok)
        if tok.lower_ in ("who", "whom") and found.dep_ == "appos" and found.head.pos_ == "PROPN":
            return found.head
        return found

    def _people_of_who(self, tok: Any) -> Any:
        said_of = tok.head.head
        if tok.lower_ not in ("who", "whom"):
            return said_of
        lex = self.lex
        person_like = lambda t: t.ent_type_ not in ("ORG", "GPE", "LOC", "FAC") and (  # noqa: E731
            t.ent_type_ in ("PERSON", "NORP") or t.lemma_.lower() in lex.person_nouns or t.tag_ in ("NNS", "NNPS"))
        if said_of.dep_ == "appos" and said_of.head.pos_ == "PROPN":
            return said_of
        if said_of.pos_ == "NOUN" and not person_like(said_of):
            last = next((t for t in reversed(list(said_of.subtree)) if t.i < tok.i and t.dep_ == "pobj"
                         and t.pos_ in ("NOUN", "PROPN") and person_like(t)), None)
            if last is not None:
                return last
        cur = said_of
        while (cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.ent_type_ != "PERSON"
               and cur.lemma_.lower() not in lex.person_nouns):
            cur = cur.head.head
            if cur.pos_ not in ("NOUN", "PROPN"):
                return said_of
            if person_like(cur) or (cur.dep_ == "appos" and cur.head.pos_ == "PROPN"):
                return cur
        return said_of

    def _surname_tagged_as_a_word(self, tok: Any) -> Entity | None:
        """ "Rivers told the crowd …", "Frost later told neighbours …": a surname that is also a word, which
        the tagger took for a common noun or an interjection. Only a capitalised word with nothing
        before it that is the last word of one person's full name written earlier is that person."""
        text = tok.text
        if (tok.pos_ not in ("NOUN", "INTJ", "X", "ADJ") or len(text) < 2 or not text[0].isupper()
                or not text[1:].islower() or any(c.i < tok.i for c in tok.children)):
            return None
        low = tok.lower_
        # Only one person of that surname so far: a second ("Ana Ruiz" and "Tomas Ruiz") leaves it open.
        full = {e.text for e in self.seen if e.named and e.person and not e.plural and e.last == low
                and len(e.text.split()) > 1} | self.names.get(low, set())
        if len(full) != 1:
            return None
        name = next(iter(full))
        earlier = self._latest(lambda e: e.text == name)
        if earlier is not None:
            return replace(earlier, how="surname of a name before", confidence=0.9)
        return Entity(name, True, True, how="surname of a name before", confidence=0.9)

    def _latest(self, test) -> Entity | None:
        return next((e for e in reversed(self.seen) if test(e)), None)


def _sentence_key(tok: Any) -> tuple[int, int]:
    """Which sentence of which paragraph a token is in."""
    return (id(tok.doc), tok.sent.start) if tok is not None else (0, -1)


def _dateline(tok: Any) -> bool:
    """ "CITY — ...": the place an article was filed from, parsed as the subject of its first verb."""
    doc = tok.doc
    if not tok.text.isupper() or len(tok.text) < 3 or tok.i > 3:
        return False
    after = next((t for t in doc[tok.i + 1:tok.i + 4] if not (t.text.isupper() and t.is_alpha)), None)
    return after is not None and after.text in ("—", "–", "-", "--", ",", "(")


def _channel_speaker(verb: Any) -> Any | None:
    """ "Roe's tweets accusing the board of lying", "the council issued a statement calling the vote
    a farce": a participle said of a statement, a post or a letter speaks for whoever made it, the
    possessor or the subject of the verb it is the object of; never for the verb of the main clause
    the participle's noun happens to sit in. Returns the verb itself when the channel names nobody."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.lemma_.lower() not in lexicon().channel_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner if owner.pos_ in ("PROPN", "NOUN") else verb
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "nsubjpass"), verb)
    return verb


def _after_a_person_in_a_phrase(verb: Any) -> bool:
    """Whether the words right before a participle (past commas and adverbs) are a person named or
    described in a prepositional phrase, not an audience ("told reporters")."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("ADV", "PUNCT", "SPACE") or doc[j].is_space or doc[j].dep_ == "appos"):
        j -= 1
    if j < 0:
        return False
    tok = doc[j]
    while tok.dep_ in ("compound", "flat", "appos", "conj", "cc") and tok.head.i != tok.i:
        tok = tok.head  # up the list or apposition to the phrase's head
    lex = lexicon()
    person = tok.ent_type_ == "PERSON" or tok.lemma_.lower() in lex.person_nouns
    return (tok.dep_ == "pobj" and person and tok.head.lower_ in lex.listing_preps
            and tok.lemma_.lower() not in lex.audience_nouns and tok.head.head.i != verb.i)


def subject_of(verb: Any) -> Any | None:
    """The token that speaks for a verb, following conjoined and participle verbs to their subject."""
    channel = _channel_speaker(verb)
    if channel is not None:
        return channel if channel is not verb else None
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        for dep in ("nsubj", "nsubjpass"):
            # A dash the parser also made a subject ("… made public ― Roe boasted") is not one.
            subj = next((t for t in verb.children if t.dep_ == dep and any(ch.isalnum() for ch in t.text)), None)
            subj = _apposed_subject(verb, subj) if subj is not None else None
            if subj is not None and not (dep == "nsubjpass" and subj.lower_ == "it"):
                return subj
        agent = next((t for t in verb.children if t.dep_ == "agent"), None)
        if agent is not None:
            # "was said by Roe" is Roe's; but a verb joined to a passive ("accused the board of
            # being duped by a rival and urged ...") is not the agent's: that is someone else.
            return next((t for t in agent.children if t.dep_ == "pobj"), None) if seen == 1 else None
        if verb.dep_ == "advcl" and verb.head.dep_ == "relcl":
            # "… paying a builder who said he was cheated, saying “…”": a participle after a
            # relative clause is as often the main clause's; who that is, the parse does not say.
            return None
        if (seen == 1 and verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                and verb.head.head.lemma_.lower() in lexicon().speech_verbs
                and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.text.lower() == "that" for m in c.children)
                        for c in verb.children)):
            # "Roe said that the port would close and suggested that it would sell": a second
            # "that" clause parallel to the first is as likely Roe's as the port's, however the parser
            # joined it. ("… that Poe had talks but vowed to fight" stays Poe's.)
            return None
        if (seen == 1 and verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                and verb.head.head.lemma_.lower() in lexicon().speech_verbs
                and verb.head.lemma_.lower() in lexicon().speech_verbs | lexicon().commitment_verbs
                and verb.lemma_.lower() in lexicon().speech_verbs):
            # "Roe says Poe promised to stay and said she would fight": a second cue joined to a cue
            # that Roe reports is Roe's as often as Poe's.
            return None
        if seen == 1 and (joined := _joined_to_a_reported_clause(verb)) is not None:
            if joined is verb:
                return None
            verb = joined
            continue
        if (seen == 1 and verb.tag_ == "VBG" and verb.dep_ == "advcl"
                and any(c.dep_ == "dobj" and c.right_edge.i == verb.i - 1 for c in verb.head.children)):
            # "The storm left the crews fearing that …": a participle right after an object, no comma
            # between, may be the object's as well as the subject's.
            return None
        if seen == 1 and verb.tag_ == "VBG" and verb.dep_ == "advcl" and _after_a_person_in_a_phrase(verb):
            # "Roe and Poe stayed calm despite critics such as Doe and Moe, now saying …": the participle
            # follows other people, named in a phrase of the main clause; which of them says it, the
            # parse does not tell.
            return None
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "she ended by saying ...": the speaker of the verb the phrase modifies
        else:
            return _left_subject(verb) if seen == 1 else None
    return None


def _apposed_subject(verb: Any, subj: Any) -> Any:
    """ "Another critic of the plan, the economist Ana Ruiz, said": the parser made the apposition a
    second subject of the verb. The subject set off by commas right after the first, when it carries
    a name, is who speaks; otherwise the first."""
    doc = verb.doc
    nxt = next((t for t in verb.children if t.dep_ == subj.dep_ and t.i > subj.i and t.i < verb.i), None)
    if nxt is None or doc[subj.right_edge.i + 1].text != "," or nxt.left_edge.i != subj.right_edge.i + 2:
        return subj
    named = nxt.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in nxt.children)
    return nxt if named else subj


def _joined_to_a_reported_clause(verb: Any) -> Any | None:
    """ "The warden said the pier was unsafe and warned crews to stay away": a cue with no subject of
    its own, which the parser joined to the verb of the clause another cue reports. When that clause
    only says what its subject is ("was unsafe", "was a disgrace"; not where it was, "had been in
    talks"), it is the outer speaker's verdict,
    and who warned, the outer speaker or the subject, the words do not say: the verb itself is
    returned, for no speaker. A pronoun subject there ("said she was tired and urged", "said it had
    lost and warned") is the outer speaker again, whoever it is: the outer cue is returned. A clause of
    deeds ("said Poe had talks but vowed to fight") goes on with its own subject: None, as for every
    other construction."""
    lex = lexicon()
    inner = verb.head
    outer = inner.head if inner.dep_ == "ccomp" else _verb_of_a_misplaced_that_clause(inner)
    if (verb.dep_ != "conj" or outer is None or outer.i == inner.i
            or outer.lemma_.lower() not in lex.speech_verbs
            or inner.lemma_.lower() in lex.speech_verbs | lex.commitment_verbs
            or verb.lemma_.lower() not in lex.speech_verbs | lex.directive_verbs
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return None
    subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lower_ in lex.person_pronouns | lex.group_pronouns | {"it"}:
        return outer
    verdict = inner.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in inner.children)
    return verb if verdict else None


def _verb_of_a_misplaced_that_clause(inner: Any) -> Any | None:
    """ "Roe posted in the early hours that Poe was …": a "that" clause after a phrase, which the
    parser hung on that phrase as an adverbial or a relative clause ("hours that Poe was"). When
    "that" stands right before the clause's subject, the clause is what the verb above says: that verb."""
    if inner.dep_ not in ("advcl", "relcl"):
        return None
    subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < inner.i), None)
    start = subj.left_edge.i if subj is not None else 0
    if start == 0 or inner.doc[start - 1].text.lower() != "that" or inner.doc[start - 1].head.i != inner.i:
        return None
    cur = inner.head
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def _left_subject(verb: Any) -> Any | None:
    """A finite verb the parser gave no subject, though one stands right before it: "… the inquiry
    and Democrats accused the board of …" (the name joined to the object before), "Ana Ruiz, the
    head of the union, forcefully told …" (the name joined to a place before it). The words right
    before the verb (past adverbs), or the name an apposition ending there is said of, speak."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp"):
        return None
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and (doc[j].pos_ == "ADV" or doc[j].is_space):
        j -= 1
    if j < 0:
        return None
    tok = doc[j]
    if tok.text == ",":
        # the end of an apposition: climb from its last word to the apposition, then to its name
        tok = doc[j - 1] if j > 0 else tok
        while tok.dep_ != "appos" and tok.head.i != tok.i and tok.head.i < verb.i:
            tok = tok.head
        if tok.dep_ != "appos":
            return None
        tok = tok.head
    elif tok.dep_ not in ("conj", "pobj", "dobj", "compound") or not tok.text.isalpha():
        return None
    if tok.pos_ not in ("PROPN", "NOUN") or tok.sent.start != verb.sent.start:
        return None
    return tok


# --- finding claims ------------------------------------------------------------

@dataclass
class Draft:
    kind: str
    start: int
    end: int
    cue: str | None
    speaker: Any | None  # subject token, resolved later in reading order
    via: list[Any]  # tokens heading an intermediary, or strings
    speaker_text: str | None = None
    verb: Any | None = None
    named: bool = False
    how: str | None = None  # the rule, when it is not the subject's ("continues the quote before")
    attribution: Attribution | None = None
    source_name: Any | None = None  # "according to Roe": Roe's token, the speaker if Roe is a person


def _linking(draft: Draft) -> str:
    """The words that tie a claim to its speaker: the cue and its subject as written."""
    words = [w for w in (draft.speaker.text if draft.speaker is not None else None, draft.cue) if w]
    return " … ".join(words)


def _span_text(doc: Any, tok: Any) -> str:
    """Text of a noun phrase headed by tok, stretched over a following run of proper nouns
    ("Morning Today" is parsed as a name and a date)."""
    start, end = tok.left_edge.i, tok.right_edge.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].dep_ != "nsubj":
        end += 1
    return doc[start:end + 1].text.strip(" ,")


def _is_speech(tok: Any, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in lex.speech_verbs:
        return True
    # "As Roe put it, “…”": a verb that cues a quote only with its idiomatic object.
    objects = lex.speech_idioms.get(lemma)
    return bool(objects) and any(c.dep_ == "dobj" and c.lower_ in objects for c in tok.children)


def _is_naming(tok: Any, lex: Lexicon) -> bool:
    """ "called him “a leech”": a verb that cues a direct quote but reports no clause. Never a passive
    ("the plan was mocked for its promise that …"): its subject is what was judged, not who judged."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    return tok.pos_ == "VERB" and (tok.lemma_.lower() in lex.naming_verbs or tok.lemma_.lower() in lex.characterising_verbs)


def _negated(tok: Any, lex: Lexicon, marks: Sequence[tuple[int, int]] = ()) -> bool:
    """A cue that claims nothing: "did not say", "declined to say", "nobody would predict".
    A "not" inside a quote ("Probably not," she said) negates the quote, not the cue."""
    if any(c.dep_ == "neg" and not inside(c.idx, marks) for c in tok.children):
        return True
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in lex.negating_verbs:
        return True
    if (tok.dep_ == "conj" and tok.head.dep_ == "xcomp" and tok.head.head.lemma_.lower() in lex.negating_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children)):
        return True  # "refused to resign or explain why": the second verb is refused as well
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in ("nobody", "none", "neither", "noone")
                                 or any(c.lower_ == "no" for c in subj.children))


def _cue(tok: Any, lex: Lexicon) -> str:
    """The cue as written; a passive "was quoted as saying" keeps all of its words."""
    if tok.lemma_.lower() in lex.quoted_as:
        aux = [t for t in tok.children if t.dep_ == "auxpass"]
        prep = next((t for t in tok.children if t.dep_ == "prep" and t.lower_ == "as"), None)
        pcomp = next((t for t in prep.children if t.dep_ in ("pcomp", "pobj")), None) if prep else None
        if aux and pcomp is not None:
            return tok.doc[aux[0].i:pcomp.i + 1].text
    return tok.text


def _vias(tok: Any, lex: Lexicon) -> list[Any]:
    """Intermediaries attached to a speech verb: "told X", "by X", "according to X"."""
    out = []
    if tok.lemma_.lower() == "tell":
        obj = next((t for t in tok.children if t.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.lemma_.lower() not in lex.audience_nouns:
            out.append(obj)
    if tok.lemma_.lower() in lex.quoted_as:
        for t in tok.subtree:
            if t.dep_ in ("agent", "prep") and t.lower_ == "by":
                out.extend(c for c in t.children if c.dep_ == "pobj")
                break
    for child in tok.children:
        att = _attribution(child, lex)
        if att is not None:
            out.append(att)
    return out


def _attribution(tok: Any, lex: Lexicon) -> Any | None:
    """The object of "according to X" / "per X" when tok starts such a phrase."""
    first = tok.lower_
    for phrase in lex.attribution_phrases:
        if phrase[0] != first:
            continue  # the same test as below, without slicing the doc
        words = tok.doc[tok.i:tok.i + len(phrase)]
        if len(words) == len(phrase) and tuple(w.lower_ for w in words) == phrase:
            last = words[-1]
            obj = next((t for t in last.children if t.dep_ == "pobj"), None)
            if obj is None and len(phrase) > 1:
                obj = next((t for w in words for t in w.children if t.dep_ == "pobj"), None)
            if obj is not None and phrase == ("per",) and obj.pos_ != "PROPN" and not any(
                    c.dep_ in ("det", "poss") for c in obj.children):
                continue  # "$900 per student", "two tons per year": a rate, not a source
            if obj is not None:
                return obj
    return None


def _content(verb: Any, lex: Lexicon) -> tuple[Any, ...] | None:
    """What a speech verb reports: (first token, last token, content head) or None."""
    lemma = verb.lemma_.lower()
    # "Though he accepted the storm was one reason, Roe claimed the crew had erred": given a clause on
    # each side, the parser made a side clause a complement too; what the cue reports follows it,
    # right after the cue (a comma or a colon between, and the clause after is another one's).
    clauses = [t for t in verb.children if t.dep_ == "ccomp"]
    doc = verb.doc
    right_after = [t for t in clauses if verb.i < t.i and t.left_edge.i - verb.i <= 4
                   and not any(w.is_punct for w in doc[verb.i + 1:t.left_edge.i])]
    ccomp = right_after[0] if right_after else (clauses[0] if clauses else None)
    if _trailing_cue(verb, lex) is not None:
        return None
    if ccomp is not None and (inner := _trailing_cue(ccomp, lex)) is not None:
        ccomp = inner
    if ccomp is None:
        # "said in a statement that ...": the parser hangs the clause on the channel noun.
        for t in verb.subtree:
            if t.i > verb.i and t.dep_ in ("relcl", "acl", "ccomp", "advcl") and t.i != verb.i:
                mark = next((m for m in t.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None and t.head.lemma_.lower() in lex.channel_nouns | {verb.lemma_.lower()}:
                    ccomp = t
                    break
    if ccomp is not None:
        toks = [t for t in ccomp.subtree if not (t.dep_ == "mark" and t.head.i == ccomp.i and t.lower_ == "that")]
        return toks[0], toks[-1], ccomp
    if lemma in lex.commitment_verbs:
        xcomp = next((t for t in verb.children if t.dep_ == "xcomp"), None)
        if xcomp is not None:
            return xcomp.left_edge, xcomp.right_edge, xcomp
    return None


def _trailing_cue(verb: Any, lex: Lexicon) -> Any | None:
    """ "Roe said the photos do not show the cracks, the footage showed": a second cue after the
    clause an earlier cue with a subject reports, which the parser made that cue's clause with the
    reported words as its own. The clause is the earlier speaker's once, never also the trailing
    cue's: returns the reported clause when `verb` is such a trailing cue."""
    cues = lex.speech_verbs | lex.stance_verbs | lex.commitment_verbs
    outer = verb.head
    if (verb.dep_ != "ccomp" or outer.i >= verb.i or verb.lemma_.lower() not in cues
            or outer.lemma_.lower() not in lex.speech_verbs
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in outer.children)
            or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)):
        return None
    doc = verb.doc
    subj = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i)
    if subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text != ",":
        return None  # the trailing cue is set off by a comma
    return next((c for c in verb.children if c.dep_ == "ccomp" and outer.i < c.i < subj.left_edge.i), None)


def _parenthetical(verb: Any, marks: Sequence[tuple[int, int]]) -> tuple[Any, ...] | None:
    """ "The bridge, the engineer said, will not open before spring": a cue set off by commas inside
    the sentence it reports (parsed as parataxis of the main verb). The claim is that sentence,
    cue and all, so that its words stay verbatim and in order."""
    head = verb.head
    if (verb.dep_ != "parataxis" or head.i == verb.i or head.pos_ not in ("VERB", "AUX")
            or subject_of(verb) is None or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)):
        return None
    doc, left = verb.doc, verb.left_edge.i
    if not (doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")):
        return None  # "“…” he said" or a cue ending the sentence is no aside
    if left <= head.left_edge.i or verb.right_edge.i >= head.right_edge.i - 1:
        return None  # the cue must stand inside the sentence, words on both sides of it
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if any(s < end and start < e for s, e in marks):
        return None  # “It is,” she said, “final.”: the quotes are the claim, as direct quotes
    return head.left_edge, head.right_edge, head


def _aside_taken_for_the_root(verb: Any) -> tuple[Any, ...] | None:
    """ "The night nurses, Roe explained to the board, were overworked": a cue set off by commas
    after the first words of the sentence it reports, which the parser made the main verb, with the
    words before it a loose noun and the verb after it a conjunct of the cue. The claim is the
    sentence, cue and all, as for any aside (`_parenthetical`)."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    lead = next((c for c in verb.children if c.dep_ == "npadvmod" and c.i < (subj.i if subj is not None else -1)), None)
    if subj is None or lead is None or lead.left_edge.i != verb.sent.start:
        return None
    if doc[lead.right_edge.i + 1].text != "," or subj.left_edge.i != lead.right_edge.i + 2:
        return None  # the noun, its comma, then who speaks: nothing else before the cue
    rest = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("AUX", "VERB")
                 and doc[c.left_edge.i - 1].text == ","
                 and not any(g.dep_.startswith("nsubj") for g in c.children)), None)
    if rest is None:
        return None
    last = verb.sent.end - 1
    while last > rest.i and doc[last].is_punct:
        last -= 1
    return lead.left_edge, doc[last], rest


def _appeal(verb: Any, lex: Lexicon) -> tuple[Any, Any, str] | None:
    preps = lex.appeal_verbs.get(verb.lemma_.lower())
    if not preps:
        return None
    prep = next((t for t in verb.children if t.dep_ == "prep" and t.lower_ in preps and t.i == verb.i + 1), None)
    if prep is None:
        # "called for the fees to be repaid", parsed with "for" marking a clause of the verb.
        mark = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if (mark is not None and mark.dep_ == "mark" and mark.lower_ in preps and mark.head.head.i == verb.i
                and mark.head.dep_ in ("advcl", "ccomp", "xcomp") and mark.i + 1 < len(verb.doc)):
            return verb.doc[mark.i + 1], mark.head.right_edge, f"{verb.text} {mark.text}"
        return None
    last = prep.right_edge
    xcomp = next((t for t in verb.children if t.dep_ == "xcomp" and t.i > prep.i), None)
    if xcomp is not None:
        last = xcomp.right_edge
    first = next(prep.rights, None)
    if first is None:
        # "called for the fees to be “paid back”": the parser hangs what is called for on the verb,
        # as a clause right after the preposition.
        clause = next((t for t in verb.children if t.dep_ in ("ccomp", "xcomp") and t.left_edge.i == prep.i + 1), None)
        if clause is None:
            return None
        return clause.left_edge, clause.right_edge, f"{verb.text} {prep.text}"
    return first.left_edge, last, f"{verb.text} {prep.text}"


def _estimate(verb: Any, lex: Lexicon) -> tuple[Any, Any, str] | None:
    """ "put the number of dead at seven": a figure stated by the subject."""
    if verb.lemma_.lower() not in lex.estimate_verbs:
        return None
    obj = next((t for t in verb.children if t.dep_ == "dobj" and t.lemma_.lower() in lex.estimate_objects), None)
    at = next((t for t in verb.children if t.dep_ == "prep" and t.lower_ == "at"), None)
    if obj is None or at is None:
        return None
    return obj.left_edge, at.right_edge, f"{verb.text} the {obj.text} … at"


def _object_claim(verb: Any, lex: Lexicon, marks: Sequence[tuple[int, int]]) -> tuple[Any, Any, str] | None:
    """What a cue says without a clause: "told the crews to leave", "urged residents to stay",
    "accused the board of lying". An object alone ("noted the rule") says too little to be a claim."""
    lemma = verb.lemma_.lower()
    obj = next((t for t in verb.children if t.dep_ in ("dobj", "dative") and t.pos_ != "PRON"), None)
    if obj is None or inside(obj.idx, marks) or obj.lemma_.lower() in lex.audience_nouns:
        return None
    if lemma in lex.speech_verbs or lemma in lex.directive_verbs:
        xcomp = next((t for t in verb.children if t.dep_ in ("xcomp", "ccomp") and t.i > obj.i), None)
        if xcomp is not None:
            return obj.left_edge, xcomp.right_edge, verb.text
    preps = lex.judgement_verbs.get(lemma)
    if preps:
        prep = next((t for t in verb.children if t.dep_ == "prep" and t.lower_ in preps and t.i > obj.i), None)
        if prep is not None:
            return obj.left_edge, prep.right_edge, verb.text
    return None


def _naming_claim(verb: Any, text: str, lex: Lexicon, marks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """ "called the plan “reckless”", "described the stadium as a “money pit”", "blasted the board as
    a “disgrace”": the object and the words it was given, quoted, are what the subject said of it.
    Only with the words in quote marks (the evidence that they are the subject's), and never a name
    given in title case ("dubbed it “Operation Clean Sweep”"). Returns the (start, end) offsets, the
    closing mark of the last quote kept."""
    lemma = verb.lemma_.lower()
    lemma = lex.verb_lemmas.get(lemma, lemma) if verb.pos_ == "VERB" else lemma
    preps = {"as"} | lex.judgement_verbs.get(lemma, frozenset()) | lex.characterising_verbs.get(lemma, frozenset())
    if lemma not in lex.naming_verbs and lemma not in lex.judgement_verbs and lemma not in lex.characterising_verbs:
        return None
    obj = next((t for t in verb.children if t.dep_ == "dobj"), None)
    if obj is None or inside(obj.idx, marks):
        return None
    if obj.lower_ in ("what", "which", "whatever") and (
            obj.i > verb.i or verb.dep_ == "pcomp" or any(a.lemma_.lower() in lex.speech_verbs for a in verb.ancestors)):
        # "said the town lived through what she calls a “war”", "praised the crews for what she
        # calls a “miracle”": a phrase inside another statement, or in a phrase of one, not one.
        # The object of a verb of its own ("rejected what she called a “reckless gamble”"), the words
        # are the subject's name for the thing, and a claim of their own.
        return None
    tail = [t for t in verb.children if t.i > obj.i and (t.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "attr")
                                                         or (t.dep_ == "prep" and t.lower_ in preps))]
    if not tail and (lemma in lex.characterising_verbs or lemma in lex.judgement_verbs):
        # "likened the plan to “a lottery”", "blamed the delays on “sheer greed”", parsed with the
        # preposition hung on the object.
        tail = [t for t in obj.subtree if t.dep_ == "prep" and t.i > obj.i
                and t.lower_ in lex.characterising_verbs.get(lemma, frozenset()) | lex.judgement_verbs.get(lemma, frozenset())][:1]
    if not tail and lemma in lex.naming_verbs:
        tail = [obj]  # "called Roe a “liar”": the parser often keeps the predicate in the object
    if not tail:
        return None
    start = verb.doc[obj.left_edge.i].idx
    limit = verb.doc[max(t.right_edge.i for t in tail)]
    limit_end = limit.idx + len(limit.text)
    after = min(verb.doc[obj.right_edge.i].idx, min(t.idx for t in tail) if tail != [obj] else math.inf)
    quoted = [(s, e) for s, e in marks if after <= s < limit_end
              or (tail == [obj] and start < s < limit_end)]
    if not quoted or any(_title(text[s:e].strip("“”\"'‘’ "), lex) for s, e in quoted):
        return None
    last_quote = max(e for _, e in quoted)
    end = max(limit_end, last_quote)
    if re.match(r"\s*(?:[-–—―]|--)\s", text[last_quote:end]):
        end = last_quote  # "… to “a lottery” - a charge that stung": after the dash the writer speaks
    return start, end


def _trim_tokens(doc: Any, first: int, last: int, minimum: int = 3) -> tuple[int, int] | None:
    """Drop dangling punctuation, conjunctions and a bare prepositional tail (", and in total")."""
    while last >= first:
        tok = doc[last]
        if tok.pos_ in TRIM_TAIL or tok.is_space:
            last -= 1
        elif tok.dep_ == "pobj" and tok.head.i == last - 1 and last - 2 >= first and doc[last - 2].pos_ in ("PUNCT", "CCONJ"):
            last -= 2
        else:
            break
    while first <= last and (doc[first].pos_ in ("PUNCT", "CCONJ") or doc[first].lower_ == "that"):
        first += 1
    return (first, last) if last - first + 1 >= minimum else None


def _abbreviation(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the full stop at `at` closes an abbreviation or an initial, not a sentence."""
    return text[at] == "." and not sentences.full_stop_ends_sentence(text, at)


def _sentence_bounds(text: str, quotes: list[tuple[int, int]], lex: Lexicon) -> list[int]:
    """Offsets where a new sentence starts, ignoring sentence ends inside quotes."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)
            if not inside(m.start(), quotes) and not _abbreviation(text, m.start(), lex)]
    # A quote that closes a sentence ends it after the closing mark.
    return sorted({0, *ends, len(text)})


def _paragraph_drafts(text: str, doc: Any, lex: Lexicon) -> list[Draft]:
    spoken = _transcript(text)
    if spoken is not None:
        # A transcript line is all one speaker's words: a title quoted in it, a claim reported in
        # it, are part of what they said, never rows of their own with a speaker found inside.
        return [spoken]
    signed_whole = _signed_paragraph(text, lex)
    if signed_whole is not None:
        return [signed_whole]
    quotes = quote_spans(text)
    marks = with_marks(text, quotes)
    bounds = _sentence_bounds(text, quotes, lex)
    drafts: list[Draft] = []

    starts = [t.idx for t in doc]

    def tokens_between(a: int, b: int) -> list[Any]:
        return [doc[j] for j in range(bisect_left(starts, a), bisect_left(starts, b)) if not inside(doc[j].idx, marks)]

    side_clause: list[Any] = []

    def cue_in(a: int, b: int, last: bool, quoted: Any | None, words: int) -> Any | None:
        # A naming verb cues a statement ("called it “a failure of every agency”"), not a nickname.
        found = [t for t in tokens_between(a, b) if (_is_speech(t, lex) or (words > 3 and _is_naming(t, lex)))
                 and not _negated(t, lex, marks)]
        # A cue in a relative clause of another cue is not the one: "Roe told a man who suggested ...
        # that “…”" is Roe's; and the verb the quote hangs on wins over a nearer one in a side clause.
        found = [t for t in found if not (t.dep_ == "relcl" and any(o.i != t.i and t in o.subtree for o in found))]
        if quoted is not None:
            sides = [_hung_on_another_clause(t, quoted, marks) for t in found]
            side_clause.extend(v for v in sides if v is not None)
            found = [t for t, v in zip(found, sides) if v is None]
        governing = [t for t in found if quoted is not None and quoted in t.subtree]
        if not last:
            # "… to “a lottery” - a charge that stung, since the board had promised …": a cue after the
            # quote but past a dash or a subordinating word is another clause's, not the quote's.
            found = [t for t in found if not any(
                (w.text in ("-", "–", "—", "―", "--") and w.i > 0 and doc[w.i - 1].whitespace_)
                or w.dep_ == "mark" or w.tag_ in ("WDT", "WP")
                for w in tokens_between(a, t.idx))]
        found = governing[-1:] or found
        return (found[-1] if last else found[0]) if found else None

    reported = _reported(text, doc, lex, marks)
    previous: Draft | None = None
    for n, (qs, qe) in enumerate(quotes):
        start, end = _trim(text, qs, qe)
        if end <= start:
            continue
        # The cue sits in the same sentence, and never beyond a neighbouring quote.
        # A fragment of three words or fewer ("a “bully” and a “narcissist …”") is part of the
        # sentence, not a quote with its own cue: the search runs past it.
        bounding = [q for q in quotes if len(text[q[0]:q[1]].split()) > 3]
        after_limit = min([q[0] - 1 for q in bounding if q[0] > qe] + [b for b in bounds if b > qe + 1] + [len(text)])
        before_limit = max([q[1] + 1 for q in bounding if q[1] < qs] + [b for b in bounds if b <= qs - 1])
        # “…,” she said: a quote ending in a comma (or ? !) is followed by its cue.
        ends_open = text[qs:qe].rstrip().endswith((",", "?", "!", "—", "-"))
        order = ((qe + 1, after_limit, False), (before_limit, qs - 1, True))
        if len(text[start:end].split()) == 1 and not (ends_open and not text[before_limit:qs - 1].strip()):
            continue  # one word inside narrative: a scare quote or a nickname, even near a cue
        if _title(text[start:end], lex):
            continue  # “Morning Talk”, “A Change of Heart”: the name of a show, a book or a plan
        dashed = _dash_set_name(text, doc, marks[n], lex)
        if dashed is not None:
            # "… including the former mayor, Ana Ruiz -- “It is a disgrace” -- and …": the name
            # just before a quote set off by dashes is who said it.
            draft = Draft("direct", start, end, "—", dashed, [], how="name before a quote set off by dashes")
            drafts.append(draft)
            previous = draft
            continue
        verb = None
        quoted = next((t for t in doc if t.idx >= start), None)
        side_clause: list[Any] = []
        for a, b, last in (order if ends_open else order[::-1]):
            verb = cue_in(a, b, last, quoted, len(text[start:end].split()))
            if verb is not None:
                break
        if verb is None and side_clause:
            # The words of a side clause with a subject of its own: whose they are, the clause does
            # not say ("went on about “…”" is not "said"); its subject is only the nearest candidate.
            side = side_clause[0]
            subj = next(c for c in side.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c.idx, marks))
            near = _name(subj, lex) if subj.pos_ == "PROPN" else _description(subj)
            draft = Draft("direct", start, end, None, None, [], verb=side,
                          attribution=Attribution("unattributed: the words of a side clause", side.text, 0.3, near))
            drafts.append(draft)
            previous = draft
            continue
        if (verb is not None and verb.idx > qe and n + 1 < len(quotes) and len(text[start:end].split()) <= 3
                and not [b for b in bounds if qe < b <= quotes[n + 1][0]]):
            continue  # “That,” she added, “…”: the few words before the cue belong to the quote after it
        if verb is None:
            verb = _quoted_object_cue(doc, start, end, marks, lex)
        channel = None if verb is not None else _channel_before_colon(text, doc, marks[n][0], marks, lex)
        if channel is not None:
            # "The council issued a statement: “We will appeal.”": the statement's words, its maker's.
            draft = Draft("direct", start, end, channel.text, subject_of(channel.head), [], verb=channel.head,
                          how="quote after the statement it is")
            drafts.append(draft)
            previous = draft
            continue
        according = None if verb is not None else _according_before(text, doc, before_limit, marks[n][0], marks, lex)
        # The sentence just before this one, when the quote opens its own sentence.
        prior_start = max([b for b in bounds if b < before_limit] + [0])
        prior = None if verb is not None or according is not None or previous is not None \
            or text[before_limit:marks[n][0]].strip() else next(
            (d for d in reversed(reported) if d.verb is not None and prior_start <= d.verb.idx < before_limit
             and d.speaker is not None and not inside(d.verb.idx, marks)), None)
        signed = _signature(text[marks[n][1]:], lex)
        if signed is not None:
            name, cue = signed
            draft = Draft("direct", start, end, cue, None, [], name, named=True, how="signed after the quote")
        elif verb is not None:
            draft = Draft("direct", start, end, _cue(verb, lex), _speaker_token(verb, marks), _vias(verb, lex), verb=verb)
        elif according is not None:
            tok, obj = according
            words = " ".join(w.lower_ for w in doc[tok.i:obj.i] if w.i < obj.left_edge.i) or tok.lower_
            person = obj.lemma_.lower() in lex.person_nouns or obj.ent_type_ == "PERSON"
            draft = Draft("direct", start, end, words, obj if person else None, [] if person else [obj], verb=tok,
                          how="“according to” before the quote")
            if not person and obj.pos_ == "PROPN":
                draft.source_name = obj
        elif prior is None and previous is None and verb is None and according is None \
                and not text[before_limit:marks[n][0]].strip() and len(text[start:end].split()) >= 6 \
                and (judged := _judging_verb(doc, prior_start, before_limit, marks, lex)) is not None:
            # "Roe called him a master of the deal. “He showed it again and again.”": the sentence
            # before, in which someone named judged or described, is what the quote backs up.
            draft = Draft("direct", start, end, judged.text, subject_of(judged), _vias(judged, lex), verb=judged,
                          how="continues the claim before")
        elif prior is not None and len(text[start:end].split()) >= 4:
            # “…,” after "The port may close, Roe said.": a quote opening the next sentence, with no cue
            # of its own, goes on with the claim just before it.
            draft = Draft("direct", start, end, prior.cue, prior.speaker, list(prior.via), prior.speaker_text,
                          prior.verb, named=prior.named, how="continues the claim before")
        elif previous is not None and not [
            t for t in tokens_between(previous.end, start - 1)
            if t.dep_.startswith("nsubj") and _is_speech(t.head, lex) and not _negated(t.head, lex, marks)
            and (previous.speaker is None or t.i != previous.speaker.i)
        ]:
            # A quote without its own cue continues the previous speaker's quote in this paragraph;
            # only someone else's cue in between ends it ("He did not suggest more." does not).
            draft = Draft("direct", start, end, previous.cue, previous.speaker, list(previous.via),
                          previous.speaker_text, previous.verb, how="continues the quote before")
        elif len(text[start:end].split()) >= 6:
            draft = Draft("direct", start, end, None, None, [])
        else:
            continue  # a title, nickname or scare quote, not a statement
        drafts.append(draft)
        previous = draft
        lead = text[before_limit:marks[n][0]]
        if (draft.verb is not None and draft.verb.idx > qe and draft.speaker is not None and lead.strip()
                and before_limit in bounds and not MARK_START.search(lead)
                and lead.rstrip()[-1:].isalnum() and text[start:start + 1].islower() and len(lead.split()) >= 3):
            # "However sound the goal, taxing the boats “is the wrong way,” said Roe": the quote goes on
            # with the words before it, which are the speaker's claim too; the whole is one more row.
            a, b = _trim(text, before_limit, marks[n][1], " \t,;:")
            drafts.append(Draft("indirect", a, b, draft.cue, draft.speaker, list(draft.via), verb=draft.verb,
                                how="words leading into the quote"))

    if not quotes:
        post = _post(text, lex)
        if post is not None:
            drafts.append(post)
    drafts.extend(reported)
    return drafts


def _hung_on_another_clause(cue: Any, quoted: Any, marks: Sequence[tuple[int, int]]) -> Any | None:
    """ "“…?” she asked, and as the mayor went on about “how the budget is broken,” Ana nodded": a quote
    that hangs on a side clause ("as", "while", "when" and a subject of its own), outside
    what the cue reports, is that clause's words, not the cue's. Returns that clause's verb, or None."""
    reported = {t.i for c in cue.children if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for t in c.subtree}
    for v in quoted.ancestors:
        if v.i == cue.i or v.i in reported:
            return None
        if (v.pos_ in ("VERB", "AUX") and v.dep_ == "advcl" and cue not in v.subtree
                and any(c.dep_ == "mark" and c.lower_ != "that" for c in v.children)
                and any(c.dep_ in ("nsubj", "nsubjpass") and not inside(c.idx, marks) for c in v.children)):
            return v
    return None


def _dash_set_name(text: str, doc: Any, mark: tuple[int, int], lex: Lexicon) -> Any | None:
    """The person named right before a quote that dashes set off on both sides, or None."""
    before, after = text[:mark[0]].rstrip(), text[mark[1]:]
    dash = re.search(r"\s(?:--|[—–―])$", before)
    if dash is None or not re.match(r"\s*(?:--|[—–―])\s", after):
        return None
    name_end = before[:dash.start()].rstrip().rstrip(",")
    tok = next((t for t in reversed(doc) if t.idx + len(t.text) <= len(name_end)), None)
    if tok is None or tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "") or inside(tok.idx, with_marks(text, quote_spans(text))):
        return None
    return tok


def _judging_verb(doc: Any, begin: int, end: int, marks: Sequence[tuple[int, int]], lex: Lexicon) -> Any | None:
    """The main verb of the sentence in [begin, end) when it names, judges, characterises or appeals,
    outside any quote, not negated, with a named or described subject of its own."""
    root = next((t for t in doc if begin <= t.idx < end and t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or inside(root.idx, marks) or _negated(root, lex, marks):
        return None
    lemma = root.lemma_.lower()
    if not (lemma in lex.naming_verbs or lemma in lex.characterising_verbs or lemma in lex.judgement_verbs
            or lemma in lex.appeal_verbs or lemma in lex.directive_verbs):
        return None
    subj = subject_of(root)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or inside(subj.idx, marks):
        return None
    return root


def _quoted_object_cue(doc: Any, start: int, end: int, marks: Sequence[tuple[int, int]], lex: Lexicon) -> Any | None:
    """ "Roe attacked “the reckless plan to sell the port”": a verb right before a quote that is its
    object cues the quote; its subject said those words."""
    if len(doc.text[start:end].split()) <= 3:
        return None
    opening = next((t for t in doc if t.idx >= start), None)
    if opening is None or opening.i < 2:
        return None
    before = doc[opening.i - 1]
    while before.i > 0 and before.idx >= start - 2 and not before.text.strip("“\"'‘`«„"):
        before = doc[before.i - 1]  # the opening mark itself
    if before.pos_ != "VERB" or inside(before.idx, marks) or _negated(before, lex, marks):
        return None
    obj = next((c for c in before.children if c.dep_ == "dobj"), None)
    if obj is None or not start <= obj.idx < end or before.lemma_.lower() in lex.stance_verbs:
        return None
    return before


def _channel_before_colon(text: str, doc: Any, qs: int, marks: Sequence[tuple[int, int]], lex: Lexicon) -> Any | None:
    """ "… issued a statement: “We will appeal.”", "… sent every passenger a message: “Sailings
    resume on Monday.”": a quote right after a colon that ends with a statement, a message or a post,
    which is the object of a verb with a subject. The channel noun, or None."""
    before = text[:qs].rstrip()
    if not before.endswith(":"):
        return None
    colon = next((t for t in reversed(doc) if t.idx == len(before) - 1), None)
    if colon is None or colon.i == 0:
        return None
    noun = doc[colon.i - 1]
    if (noun.lemma_.lower() not in lex.channel_nouns or inside(noun.idx, marks) or noun.dep_ not in ("dobj", "attr")
            or noun.head.pos_ not in ("VERB", "AUX") or _negated(noun.head, lex, marks)):
        return None
    subj = subject_of(noun.head)
    return noun if subj is not None and not inside(subj.idx, marks) else None


def _according_before(text: str, doc: Any, begin: int, qs: int, marks: Sequence[tuple[int, int]],
                      lex: Lexicon) -> tuple[Any, Any] | None:
    """ "According to Roe, “…”": the phrase right before a quote, with only a comma or colon between."""
    for tok in doc:
        if tok.idx < begin or tok.idx >= qs or inside(tok.idx, marks):
            continue
        obj = _attribution(tok, lex)
        if obj is None:
            continue
        stop = obj.right_edge
        if not text[stop.idx + len(stop.text):qs - 1].strip(" ,:"):
            return tok, obj
    return None


# "— Jane Roe (@janeroe) May 4, 2016" after a post, or "― Jane Roe" after a reader's comment.
SIGNATURE = re.compile(r"^\s*[—―–-]{1,2}\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*"
                       r"(?P<handle>\(@\w{1,15}\))?\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?[\s.]*$")
POST_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://\S+)\s*$")


def _title(quoted: str, lex: Lexicon) -> bool:
    """Words in title case, as the names of works, shows and plans are written, not a statement."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    content = [w for w in words if w.lower() not in lex.title_small_words]
    return 2 <= len(content) and len(words) <= 8 and all(w[0].isupper() for w in content) \
        and words[0][0].isupper() and not quoted.rstrip().endswith(("?", "!"))


def _signature(rest: str, lex: Lexicon) -> tuple[str, str] | None:
    """The author's name written after a quote that ends its paragraph, and the cue it stands for."""
    m = SIGNATURE.match(rest)
    if m is None or m.group("name").split()[0].lower().strip(".") in lex.non_speakers:
        return None
    name = m.group("name")
    if name.endswith(".") and len(name.split()[-1]) > 2:
        name = name[:-1]  # "― Carla Ruiz." ends a sentence; "― Carla R." keeps its initial
    return name, ("posted" if m.group("handle") or m.group("date") else rest.strip()[0])


def _signed_paragraph(text: str, lex: Lexicon) -> Draft | None:
    """A reader's comment printed as one quote and signed (“… what he calls “hell” …” ― Jane Roe):
    from the opening mark to the last closing mark it is all the signer's, whatever marks it quotes
    inside, so an inner mark typed the wrong way round cannot cut it into pieces."""
    if not text[:1] in ("“", '"') or not re.search(r"[”\"]", text[1:]):
        return None
    close = max(text.rfind("”"), text.rfind('"'))
    signed = _signature(text[close + 1:], lex)
    if close <= 1 or signed is None or signed[1] == "posted" or quote_spans(text) == [(1, close)]:
        return None  # one clean quote needs no help; a post has its own rule
    start, end = _trim(text, 1, close)
    if len(text[start:end].split()) < 6:
        return None
    return Draft("direct", start, end, signed[1], None, [], signed[0], named=True, how="signed after the quote")


def _post(text: str, lex: Lexicon) -> Draft | None:
    """An embedded post as a scraped page shows it: its text, then "— Name (@handle) Month D, YYYY".
    The text (without a trailing picture link) is a quote by the author; the rest is never a quote."""
    for m in re.finditer(r"\s[—―–-]{1,2}\s*[A-Z]", text):
        signed = SIGNATURE.match(text[m.start():])
        if signed is None or not signed.group("handle"):
            continue
        body = text[:m.start()]
        while POST_LINK.search(body):
            body = POST_LINK.sub("", body)
        start, end = _trim(text, 0, len(body), " \t,;:")
        if len(text[start:end].split()) < 2:
            return None
        return Draft("direct", start, end, "posted", None, [], signed.group("name"), named=True,
                     how="embedded post signed by its author")
    return None


# "ROE: We will appeal." — a transcript line: the speaker's name in capitals, a colon, their words.
# An interview printed as one long quote opens each paragraph with a mark: '"ROE: We will appeal.'
TRANSCRIPT = re.compile(r"^[\"“]?(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+(?P<body>\S.*)$")


def _transcript(text: str) -> Draft | None:
    m = TRANSCRIPT.match(text)
    if m is None or len(m.group("body").split()) < 6:
        return None
    start, end = _trim(text, m.start("body"), len(text))
    return Draft("direct", start, end, ":", None, [], m.group("name"), named=True, how="transcript speaker label")


def _speaker_token(verb: Any, marks: Sequence[tuple[int, int]]) -> Any | None:
    """The subject of a cue, never a word inside a quote: "“…it will,” said Roe" is Roe's."""
    # "footage of Roe asking, “…”", "a clip of the old miner saying": the participle has no subject
    # of its own, and the person it follows, after "of", is who is shown speaking.
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and not any(c.dep_.startswith("nsubj") for c in verb.children):
        head = before
        while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
            head = head.head
        if (head.dep_ == "pobj" and head.head.lower_ == "of"
                and (before.pos_ == "PROPN" or head.lemma_.lower() in lexicon().person_nouns)):
            return before if before.pos_ == "PROPN" else head
    if verb.dep_ == "compound" and verb.head.i == verb.i + 1 and verb.head.pos_ == "PROPN":
        return verb.head  # "Said Roe: “…”", parsed as if "Said" were part of the name
    after_cue = _participle_after_a_cue(verb, marks)
    if after_cue is not None:
        return after_cue
    subj = subject_of(verb)
    if subj is not None and not inside(subj.idx, marks):
        return subj
    # The parser hung a subject inside the quote on the cue; "said Roe" (or "Roe said") still names
    # the speaker.
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c.idx, marks)
                and any(ch.isalnum() for ch in c.text)), None)
    if own is not None:
        return own
    return _between_quote_and_cue(verb, marks)


def _participle_after_a_cue(verb: Any, marks: Sequence[tuple[int, int]]) -> Any | None:
    """ "“…,” Roe said, asking the board a string of questions: “…”", "Roe said, going on to argue that …":
    a participle right after a cue and its comma goes on with that cue's speaker, however the parser
    hung it (after a long quote, often on a verb inside the next quote). The subject of that cue, or
    None when the words before the comma are not a cue with a subject outside the quotes."""
    lex, doc = lexicon(), verb.doc
    part = verb
    while part.dep_ == "xcomp" and part.head.tag_ == "VBG" and part.head.i < part.i:
        part = part.head  # "going on to say": the participle is "going"
    if part.tag_ != "VBG" or part.i < 2 or doc[part.i - 1].text != "," or any(
            c.dep_.startswith("nsubj") for c in part.children):
        return None
    before = doc[part.i - 2]
    if inside(before.idx, marks):
        return None
    # "… Roe said, asking" (the cue just before) or "… said Roe, asking" (its subject just before)
    cue = before if before.pos_ in ("VERB", "AUX") else (
        before.head if before.dep_ == "nsubj" and before.head.i < before.i else None)
    if cue is None or not _is_speech(cue, lex) or _negated(cue, lex, marks):
        return None
    return next((c for c in cue.children if c.dep_ == "nsubj" and not inside(c.idx, marks)
                 and any(ch.isalnum() for ch in c.text)), None)


def _between_quote_and_cue(verb: Any, marks: Sequence[tuple[int, int]]) -> Any | None:
    """ "“…,” Roe, a lawyer, said": the parser hung the name on a word inside the quote. The noun
    phrase alone between the closing mark and the cue (no verb, no sentence end) is the speaker."""
    ends = [e for _, e in marks if e <= verb.idx]
    if not ends:
        return None
    doc, end = verb.doc, max(ends)
    between = [t for t in doc[max(0, verb.i - 16):verb.i] if t.idx >= end]
    if not between or len(between) > 15 or any(t.pos_ in ("VERB", "AUX") or t.text in ".!?;:" for t in between):
        return None
    words = [t for t in between if not t.is_punct]
    first = next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if first is None or (words[0].i != first.i and words[0].pos_ != "DET"):
        return None
    head = first
    while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head in between:
        head = head.head
    return head


def _reported(text: str, doc: Any, lex: Lexicon, marks: list[tuple[int, int]]) -> list[Draft]:
    out: list[Draft] = []
    by_head: dict[int, Draft] = {}
    for tok in doc:
        if inside(tok.idx, marks) or tok.pos_ not in ("VERB", "AUX"):
            continue
        if _negated(tok, lex, marks):
            continue
        lemma = tok.lemma_.lower()
        found = None
        cue = tok.text
        spoken = False
        content = None
        if lemma in lex.stance_verbs and lemma not in lex.speech_verbs and subject_of(tok) is None:
            continue  # "It is believed that …": a belief held by nobody named is no claim to list
        if lemma in lex.speech_verbs or lemma in lex.commitment_verbs or lemma in lex.stance_verbs:
            content = _content(tok, lex) or _parenthetical(tok, marks) or _aside_taken_for_the_root(tok)
            if content is not None:
                first, last, head = content
                holding = [(s, e) for s, e in marks if s <= head.idx < e]
                if holding and len(text[holding[0][0]:holding[0][1]].split()) > 3 and not (
                        first.idx < holding[0][0] and sum(t.is_alpha and t.idx >= holding[0][1]
                                                          for t in doc[first.i:last.i + 1]) >= 3):
                    continue  # the verb cues a direct quote; a word or three quoted ("was “troubled”") do not
                    # (a quote in the middle of the clause, words on both sides, leaves the clause a claim)
                found, spoken = (first, last), True
                cue = _cue(tok, lex)
        if found is None:
            named = _naming_claim(tok, text, lex, marks)
            if named is not None:
                draft = Draft("indirect", named[0], named[1], tok.text, subject_of(tok), _vias(tok, lex), verb=tok)
                out.append(draft)
                by_head[tok.i] = draft
                continue
            special = _appeal(tok, lex) or _estimate(tok, lex) or _object_claim(tok, lex, marks)
            if special is not None:
                found, cue = (special[0], special[1]), special[2]
        if found is None:
            continue
        first, last = found[0].i, found[1].i
        # "vowed to act": too little of a claim to check; an appeal names its object ("called for calm").
        minimum = 3 if spoken else 1
        # Stop before a direct quote the clause runs into; the quote is its own row, and
        # what is left must still say something.
        for s, e in marks:
            if len(text[s:e].split()) <= 3:
                continue  # a partial quote ("called it 'reckless'") is part of the reported claim
            q_first = next((t.i for t in doc if t.idx >= s), None)
            if (q_first is not None and first < q_first <= last and q_first - first >= 3
                    and sum(t.is_alpha for t in doc[first:last + 1] if t.idx >= e) >= 3
                    and not any(t.idx >= e and t.text in ".!?" for t in doc[first:last + 1])):
                continue  # "said the board was “taking a close look” at the fees": a partial quote inside
                # the clause, which goes on after it; the clause is the claim, quote and all
            if q_first is not None and first < q_first <= last:
                last, minimum = q_first - 1, 3
            elif q_first is not None and q_first <= first and doc[first].idx < e:
                first = last + 1
        # "… said the road would reopen, while residents said they had heard it before": a clause with a
        # cue and a speaker of its own, joined to the reported one, is the other speaker's, not part of it.
        # Only a clause joined to the reported clause's own verb, by "and" / "but" or by "while" /
        # "whereas", and with a speaker named or described; a condition or a reason ("if …", "because
        # …", "when he said …") is part of the claim.
        head_i = content[2].i if content is not None and spoken and lemma in lex.speech_verbs else None
        other = next((t for t in doc[first + 3:last + 1] if head_i is not None and t.head.i == head_i
                      and (t.dep_ == "conj" or (t.dep_ == "advcl" and any(
                          m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in t.children)))
                      and _is_speech(t, lex) and not inside(t.idx, marks)
                      and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not inside(c.idx, marks)
                              for c in t.children)
                      and t.left_edge.i > first), None)
        if other is not None:
            last = other.left_edge.i - 1
        # "..., according to X" parsed inside the reported clause still names who carried it.
        carried = []
        for t in doc[first:last + 1]:
            obj = _attribution(t, lex)
            if obj is not None and t.i > first + 2:
                carried.append(obj)
                last = t.i - 1
                break
        trimmed = _trim_tokens(doc, first, last, minimum)
        if trimmed is None:
            continue
        first, last = trimmed
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        speaker = _participle_after_a_cue(tok, marks) or subject_of(tok)
        draft = Draft("indirect", start, end, cue, speaker, _vias(tok, lex) + carried, verb=tok)
        out.append(draft)
        by_head[tok.i] = draft

    # "X said Y promised Z": Y's claim, carried by X. When X's cue comes first, X's own claim (that Y
    # promised Z) stays a row of its own: a reader checking X needs the whole clause. A cue written
    # after the clause ("Y claims Z, the Courier said") credits who carried it, and only that.
    for verb_i, draft in list(by_head.items()):
        outer = _outer_speech(doc[verb_i], by_head)
        if outer is not None:
            if outer.speaker is not None:
                draft.via.append(outer.speaker)
            content = _content(outer.verb, lex)
            if content is not None and content[2].i == verb_i and outer.verb.i > verb_i and outer in out:
                out.remove(outer)

    out.extend(_noun_claims(doc, lex, marks))
    out.extend(_attributed(text, doc, lex, marks, by_head))
    return out


def _noun_claims(doc: Any, lex: Lexicon, marks: list[tuple[int, int]]) -> list[Draft]:
    """ "Roe's claim that the dam is safe", "his warning that prices will rise": a claim noun with
    a possessor and a that-clause; the clause is the possessor's claim, the noun its cue."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.claim_nouns or inside(tok.idx, marks):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and not inside(c.idx, marks)), None)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if owner is None or clause is None:
            continue
        words = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
        trimmed = _trim_tokens(doc, words[0].i, words[-1].i)
        if trimmed is None:
            continue
        first, last = trimmed
        out.append(Draft("indirect", doc[first].idx, doc[last].idx + len(doc[last].text), tok.text, owner, [],
                         verb=tok))
    return out


def _channel_owner(obj: Any, lex: Lexicon, marks: Sequence[tuple[int, int]]) -> Any | None:
    """ "according to a speech Roe gave in May", "according to Roe's statement", "according to a
    letter the union sent": the one who gave the speech or wrote the letter is the claim's source.
    Their token (a possessor, or the subject of the clause said of the speech), or None."""
    if obj.lemma_.lower() not in lex.channel_nouns:
        return None
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None:
        clause = next((c for c in obj.children if c.dep_ == "relcl" and c.i > obj.i), None)
        owner = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if owner is None or inside(owner.idx, marks) or owner.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if owner.pos_ == "PRON" and owner.lower_ not in lex.person_pronouns | lex.group_pronouns:
        return None  # "a speech that was never given", "a letter it sent": no one to name
    return owner


def _outer_speech(verb: Any, by_head: dict[int, Draft]) -> Draft | None:
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.i in by_head:
            return by_head[tok.head.i]
        if tok.dep_ in ("conj",) and tok.head.dep_ == "ccomp" and tok.head.head.i in by_head:
            return by_head[tok.head.head.i]
        tok = tok.head
    return None


def _attributed(text: str, doc: Any, lex: Lexicon, marks: list[tuple[int, int]], by_head: dict[int, Draft]) -> list[Draft]:
    """ "According to X, ..." and "..., per X": a claim even without a speech verb."""
    out = []
    for tok in doc:
        if inside(tok.idx, marks):
            continue
        obj = _attribution(tok, lex)
        if obj is None:
            continue
        claimed = tok.head
        while claimed.head.i != claimed.i and claimed.i not in by_head and claimed.dep_ not in ("ROOT",):
            claimed = claimed.head
        if claimed.i in by_head:
            continue  # already the intermediary of that speech verb
        sent = tok.sent
        phrase = sorted(set(t.i for t in tok.subtree) | {tok.i, *(t.i for t in obj.subtree)})
        p_first, p_last = phrase[0], phrase[-1]
        # "According to Roe, the plan reeks of “panic”": the parser may hang the whole claim on the
        # name; the phrase ends at the comma after it.
        comma = next((t.i for t in doc[obj.i + 1:p_last + 1] if t.text == ","), None)
        if comma is not None and p_first - sent.start < 3:
            p_last = comma
        if p_first - sent.start >= 3:
            first, last = sent.start, p_first - 1
        else:
            first, last = p_last + 1, sent.end - 1
        trimmed = _trim_tokens(doc, first, last)
        if trimmed is None:
            continue
        first, last = trimmed
        words = " ".join(w.lower_ for w in doc[tok.i:obj.i] if w.i < obj.left_edge.i) or tok.lower_
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        owner = _channel_owner(obj, lex, marks)
        if owner is not None:
            out.append(Draft("indirect", start, end, words, owner, [], verb=tok,
                             how="“according to” what its author said or wrote"))
            continue
        person = obj.lemma_.lower() in lex.person_nouns or obj.ent_type_ == "PERSON"
        if not person and (obj.lemma_.lower() in lex.source_nouns or obj.lower_ in lex.source_nouns):
            # "according to a poll released Monday", "according to the Budget Office": the source itself
            # is who the claim is from; an outlet ("according to the Courier") only carried it.
            named = obj.pos_ == "PROPN"
            text = _name(obj, lex) if named else _description(obj)
            out.append(Draft("indirect", start, end, words, None, [], text, verb=tok, named=named,
                             how=f"“{words}” a source"))
            continue
        draft = Draft("indirect", start, end, words, obj if person else None, [] if person else [obj], verb=tok)
        if not person and obj.pos_ == "PROPN":
            draft.source_name = obj  # a person named before is the source; an outlet only carried it
        out.append(draft)
    return out


# --- the article -------------------------------------------------------------

def extract(article: Article, docs: Sequence[Any], mentions: Sequence[Mention]) -> tuple[QuoteClaim, ...]:
    lex = lexicon()
    persons = {m.text for m in mentions if m.kind == "person"}
    organisations = {m.text for m in mentions if m.kind == "organization"}
    discourse = Discourse(lex, persons, organisations)
    claims: list[QuoteClaim] = []
    last_via: str | None = None
    lead_in: Entity | None = None
    lead_cue: str | None = None
    for paragraph, doc in zip(article.paragraphs, docs):
        text = paragraph.text
        marks = with_marks(text, quote_spans(text))
        drafts = _paragraph_drafts(text, doc, lex)
        wanted = {d.speaker.i for d in drafts if d.speaker is not None}
        resolved: dict[int, Entity | None] = {}
        # Subjects are read in order so that "he" means the last person before it, and a speaker
        # counts as the last speaker from the words that attribute to them on.
        for tok in doc:
            if inside(tok.idx, marks):
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") or tok.i in wanted:
                resolved[tok.i] = entity = discourse.describe(tok)
                if tok.i in wanted:
                    discourse.attributed(entity)
            elif tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat") and discourse.personal(tok):
                discourse.mention(_name(tok, lex), tok)
        discourse.read_names(doc)
        before: Draft | None = None
        for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
            if draft.kind == "direct" and draft.speaker is None and draft.speaker_text is None:
                if lead_in is not None and not before and text[:draft.start].strip() in OPENING:
                    # "Roe continued:" ending the paragraph before: the quote that opens this one.
                    draft.speaker_text, draft.named, draft.cue = lead_in.text, lead_in.named, lead_cue
                    draft.attribution = Attribution("cue ends the paragraph before", lead_cue or "", lead_in.confidence)
                elif before is not None and draft.how == "continues the quote before":
                    draft.speaker_text, draft.named, draft.cue = before.speaker_text, before.named, before.cue
                    draft.attribution = before.attribution
            if draft.source_name is not None and draft.speaker is None and draft.speaker_text is None:
                # "According to Ruiz, …": a person the article has named (as a person) is the source.
                source = discourse._resolve(draft.source_name)
                if (source is not None and source.person and source.named and source.candidate is None
                        and source.confidence >= 0.85 and source.text in discourse.persons | set(discourse.gender)
                        | {n for full in discourse.names.values() for n in full}):
                    draft.speaker_text, draft.named, draft.via = source.text, True, []
                    draft.attribution = Attribution("“according to” a person named before", draft.cue or "",
                                                    source.confidence)
                elif source is not None and source.named and not source.person and _body_name(source.text):
                    # "according to the Alliance for Safe Harbours": a body speaks for itself; an outlet
                    # ("according to the Valley Courier") only carried the claim, and stays its via.
                    draft.speaker_text, draft.named, draft.via = source.text, True, []
                    draft.attribution = Attribution("“according to” a body", draft.cue or "", 0.8)
            if draft.speaker_text is None and draft.speaker is not None:
                entity = resolved.get(draft.speaker.i) or discourse.describe(draft.speaker)
                # A group: names joined by "and", or a plural common noun ("aides"); a capitalised
                # word the tagger called plural ("Fielders") is one person's name.
                group = entity is not None and entity.plural and (" and " in entity.text
                                                                  or entity.text.split()[-1].islower())
                if (group and draft.kind == "direct"
                        and FIRST_PERSON_SINGULAR.search(_outside_inner_quotes(text[draft.start:draft.end]))):
                    # "… and Ana Ruiz, who joked, “I haven't seen it”": one person speaks, and the
                    # words do not say which of the group it is.
                    entity = replace(entity, how=f"“I” in the words of a group ({entity.text})", confidence=0.3,
                                     candidate=entity.text)
                if entity is not None and entity.candidate is None and entity.confidence >= MIN_CONFIDENCE:
                    draft.speaker_text, draft.named = entity.text, entity.named
                    draft.attribution = Attribution(draft.how or entity.how, _linking(draft), entity.confidence)
                else:
                    candidate = entity.candidate if entity is not None else None
                    draft.attribution = Attribution(
                        f"unattributed: {entity.how if entity else 'no subject'}", _linking(draft),
                        entity.confidence if entity else 0.0, candidate)
            elif draft.speaker_text is not None and draft.attribution is None:
                draft.attribution = Attribution(draft.how or "as written", _linking(draft), 0.8)
            elif draft.attribution is None:
                draft.attribution = Attribution("unattributed: no cue" if draft.cue is None else "unattributed: no subject",
                                                _linking(draft), 0.0)
            vias = []
            for v in draft.via:
                name = v if isinstance(v, str) else _via_text(doc, v, lex, last_via)
                if name and name not in vias and name != draft.speaker_text:
                    vias.append(name)
            if vias:
                last_via = vias[-1]
            s_start, s_end = draft.start, draft.end
            if draft.verb is not None:
                s_start, s_end = min(s_start, draft.verb.sent.start_char), max(s_end, draft.verb.sent.end_char)
            claim = QuoteClaim(
                statement=Where(article.id, paragraph.n, s_start, s_end),
                text=text[draft.start:draft.end],
                kind=draft.kind,  # type: ignore[arg-type]
                speaker_text=draft.speaker_text,
                cue=draft.cue,
                where=Where(article.id, paragraph.n, draft.start, draft.end),
                via=tuple(vias),
                speaker_named=draft.named,
                attribution=draft.attribution,
            )
            claims.append(verbatim(claim, text))
            if draft.kind == "direct":
                before = draft
        lead_in, lead_cue = None, None
        verb = _lead_in(text, doc, lex, marks)
        if verb is not None and _speaker_token(verb, marks) is not None:
            subj = _speaker_token(verb, marks)
            entity = resolved.get(subj.i) or discourse.describe(subj)
            if entity is not None and entity.candidate is None and entity.confidence >= MIN_CONFIDENCE:
                lead_in, lead_cue = entity, verb.text
    return tuple(_dedupe(claims))


@functools.cache
def _body_words() -> tuple[frozenset[str], frozenset[str]]:
    d = lexicon_data.read("actors")
    words = lambda key: frozenset(str(w).lower() for w in d.get(key) or ())  # noqa: E731
    return words("organization_words"), words("outlet_words")


def _body_name(name: str) -> bool:
    """Whether a name is an organisation's by its words ("… Alliance", "Institute for …") and no
    outlet's ("… Gazette", "… News")."""
    bodies, outlets = _body_words()
    words = {w.lower().strip(".,()") for w in name.split()}
    return bool(words & bodies) and not words & (outlets | lexicon().outlet_nouns)


OPENING = {'"', "“", "''", "‘", "'", "«", "„"}
FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")


def _outside_inner_quotes(quoted: str) -> str:
    """The words of a quote without the quotes it quotes ('he told me ‘I quit’' keeps 'he told me')."""
    return re.sub(r"‘[^’]*’|'[^']*'", " ", quoted)


def _lead_in(text: str, doc: Any, lex: Lexicon, marks: Sequence[tuple[int, int]]) -> Any | None:
    """ "Roe continued:" at the end of a paragraph: the speech verb that cues the next paragraph."""
    if not text.rstrip().endswith(":") or not len(doc):
        return None
    last_sent = doc[-1].sent
    verbs = [t for t in last_sent if _is_speech(t, lex) and not inside(t.idx, marks) and not _negated(t, lex, marks)]
    if not verbs or any(s > verbs[-1].idx for s, _ in marks):
        return None
    return verbs[-1]


def _via_text(doc: Any, tok: Any, lex: Lexicon, last_via: str | None) -> str | None:
    if tok.pos_ == "PRON":
        return None
    first = doc[tok.left_edge.i].lower_
    if tok.lemma_.lower() in lex.outlet_nouns and first in DEFINITE:
        return last_via or _span_text(doc, tok)  # "told the outlet": the one named before
    if tok.pos_ == "PROPN":
        return _span_text(doc, tok)
    return _span_text(doc, tok)


def _dedupe(claims: list[QuoteClaim]) -> list[QuoteClaim]:
    """One claim per span; a direct quote wins over reported speech on the same words."""
    out: dict[tuple[int, int, int], QuoteClaim] = {}
    for c in claims:
        key = (c.where.paragraph, c.where.start, c.where.end)
        if key not in out or (c.kind == "direct" and out[key].kind != "direct"):
            out[key] = c
        elif out[key].speaker_text is None and c.speaker_text is not None:
            out[key] = replace(out[key], speaker_text=c.speaker_text)
    return sorted(out.values(), key=lambda c: (c.where.paragraph, c.where.start, c.where.end, c.kind))
