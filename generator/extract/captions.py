"""Photo captions left in the body without a marker: paragraphs that describe a picture.

A scraper keeps a caption as a line of its own ("Rescue workers searching the rubble on
Tuesday."), and cleaning, which runs before the parser, cannot tell it from a sentence. A
caption has a shape running text does not: one clause with no finite verb that names people or
a thing and what they are doing, or where and when they are. Such a paragraph is set aside: no
actor, quote, figure or event is taken from it, and the source page lists it with the lines
cleaning removed, with its line and the reason, so nothing is lost from the record.

The test is strict because a fragment of prose is not a caption ("A victory, at last."): the
paragraph is one sentence, not a headline in title case, holds no quotation, speech word or
colon, and its verbless clause is one of the two shapes captions take:
- a present participle whose subject stands before it with no auxiliary ("Rescue workers
  searching the rubble"), or a participle modifying a noun ("A volunteer carrying sandbags");
- a noun placed by a preposition in a named place or on a date ("Members of the choir at the
  wall in Marlow on Sunday"), where the place or date is an entity of the parse.

Two shorter labels are set aside the same way, each with its own reason: a sub-head of one or two
words with no verb between two paragraphs ("The money."), and a picture credit, one name the
article repeats alone under each picture.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator import furniture, lexicon
from generator.extract.mentions import title_case_line
from generator.model import Article

REASON = "photo caption (a scene described without a verb)"
REASON_SUB_HEAD = "sub-head (a label of one or two words, no verb)"
REASON_CREDIT = "photo credit (a name repeated alone under pictures)"
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OBJECTS = frozenset({"dobj", "appos", "attr", "dative", "ccomp"})
_OBJECT_STARTS = frozenset({"DET", "PROPN", "NOUN", "PRON", "NUM"})


@dataclass(frozen=True)
class _Rules:
    min_words: int
    max_words: int
    prepositions: frozenset[str]
    entities: frozenset[str]


@functools.cache
def rules() -> _Rules:
    data = lexicon.read("furniture")["captions"]
    limits = lexicon.thresholds("captions")
    return _Rules(
        min_words=limits["min_words"],
        max_words=limits["max_words"],
        prepositions=frozenset(data["prepositions"]),
        entities=frozenset(data["entities"]),
    )


def find(article: Article, docs: Sequence[Any]) -> tuple[int, ...]:
    """The numbers of the paragraphs that read as photo captions, verbless sub-heads or repeated
    photo credits (the reason of each: `reason`)."""
    paragraphs = article.paragraphs
    texts = Counter(p.text.strip() for p in paragraphs)
    found = []
    for k, (p, doc) in enumerate(zip(paragraphs, docs)):
        if p.post is not None:
            continue
        before = paragraphs[k - 1].text.rstrip() if k else None
        after_a_question = before is not None and before.endswith(("?", ":"))
        if is_caption(p.text, doc) \
                or (not after_a_question and texts[p.text.strip()] >= 2 and is_credit(p.text, doc)) \
                or (not after_a_question and 0 < k < len(paragraphs) - 1 and is_sub_head(p.text, doc)):
            found.append(p.n)
    return tuple(found)


def reason(text: str, paragraphs: Sequence[Any]) -> str:
    """Why `find` set this paragraph aside, from its text and its article's paragraphs: a caption
    has at least `min_words` words (data/thresholds.yml), so a shorter one is a credit when the
    article repeats it and a sub-head when not."""
    words = len(text.split())
    if words >= rules().min_words:
        return REASON
    repeated = sum(1 for p in paragraphs if p.text.strip() == text.strip()) >= 2
    return REASON_CREDIT if repeated and words == 1 else REASON_SUB_HEAD


def is_credit(text: str, doc: Any) -> bool:
    """A picture's credit as a scraper keeps it under each picture: one capitalised name alone
    ("Wirephoto."), which the article repeats (the caller counts); a word the tagger reads as an
    interjection, adverb or adjective ("Yes.", "Exactly.") is an answer, not a credit."""
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    stripped = text.strip()
    return len(words) == 1 and len(stripped.split()) == 1 and stripped[:1].isupper() and stripped.rstrip(".")[-1:].isalpha() \
        and words[0].pos_ in ("PROPN", "NOUN") and words[0].lower_ not in furniture.rules().cues


def is_sub_head(text: str, doc: Any) -> bool:
    """A sub-head of one or two words with no verb between two paragraphs ("Aftermath", "The
    money.", "Rising costs."): a noun phrase, perhaps with a full stop, with no name of a person
    or place (a letter's signature, "Ana Ruiz." or "Marlow, Maine."), no figure, quotation, speech
    word or other punctuation. The caller asks it only of a paragraph between two others, not
    right after a question or a colon (where a noun alone is an answer)."""
    stripped = text.strip()
    if not 1 <= len(stripped.split()) <= 2 or not stripped[:1].isupper() or re.search(r"[^\w\s.'’-]|\d", stripped) \
            or ".." in stripped or "." in stripped.rstrip(".") and not stripped.rstrip(".").replace(".", "").isalpha():
        return False
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words or not all(t.pos_ in _SUB_HEAD_POS or _number_word_in_compound(t) for t in words) \
            or any(t.lower_ in furniture.rules().cues for t in words):
        return False
    if any(e.label_ in _NAMES for e in doc.ents) or len(list(doc.sents)) != 1:
        return False
    if len(words) > 1 and all(t.pos_ == "PROPN" for t in words):  # a name the tagger did not know ("Ana Ruiz.")
        return False
    root = next(t for t in doc if t.dep_ == "ROOT")
    return root.pos_ in ("NOUN", "PROPN")


def _number_word_in_compound(tok: Any) -> bool:
    """"Two" in "Two-front war.": a number written out as the first part of a hyphenated word,
    which describes the noun and counts nothing (a figure, "Three floors.", is text)."""
    return tok.pos_ == "NUM" and tok.is_alpha and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"


_SUB_HEAD_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET"})
_NAMES = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "ORG", "DATE", "TIME"})


def is_caption(text: str, doc: Any) -> bool:
    r = rules()
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not r.min_words <= len(words) <= r.max_words:
        return False
    stripped = text.strip()
    if stripped.endswith(":") or any(c in stripped for c in "\"“”#@"):  # quotations, posts
        return False
    cues = furniture.rules().cues  # a speech word, unless it is part of a name ("the United States")
    if any(t.lower_ in cues and t.pos_ != "PROPN" for t in doc):
        return False
    if title_case_line(stripped) or len(list(doc.sents)) != 1:
        return False
    if any(_finite(t) and not _in_relative_clause(t) for t in doc):
        return False
    root = next(t for t in doc if t.dep_ == "ROOT")
    # "Rescue workers searching the rubble.": a present participle only; a past one ("Crowds gathered
    # outside") reads as well as a sentence in the past tense, which the tagger often labels so.
    if root.tag_ == "VBG":
        children = {c.dep_ for c in root.children}
        return "nsubj" in children and not children & {"aux", "auxpass"}
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    # "A volunteer carrying …", "A volunteer from the parish carrying …" (the parser may hang the
    # participle on the nearest noun)
    if any(_participle_of_a_noun(t) for t in root.subtree):
        return True
    return any(_places(prep, r) for prep in root.subtree if prep.dep_ == "prep")


def _participle_of_a_noun(tok: Any) -> bool:
    """"carrying" in "A volunteer carrying sandbags". A past participle only right after its noun ("A house
    destroyed by the storm"): one after a comma is more often a main verb the parser misread
    ("The company, a partnership of two banks, extended its offer")."""
    if tok.dep_ != "acl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.tag_ == "VBG" or (tok.tag_ == "VBN" and tok.i == tok.head.i + 1)


def _places(prep: Any, r: _Rules) -> bool:
    """"in Marlow", "on Sunday": a preposition of place or time whose object is a named place or a date."""
    if prep.lower_ not in r.prepositions:
        return False
    return any(o.dep_ == "pobj" and o.ent_type_ in r.entities for o in prep.children)


def _finite(tok: Any) -> bool:
    """A finite verb, or a past participle that takes an object as only a verb in the past tense
    does: the tagger writes "supported" in "voters … supported the mayor" as a participle."""
    if tok.tag_ in _FINITE_TAGS:
        return True
    if tok.tag_ != "VBN" or tok.dep_ == "amod":  # "the proposed visit" modifies a noun
        return False
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None  # an object right after it, however attached
    return any(c.dep_ in _OBJECTS for c in tok.children) or (after is not None and after.pos_ in _OBJECT_STARTS)


def _in_relative_clause(tok: Any) -> bool:
    """A finite verb inside a clause that modifies a noun ("the hall where they will vote") leaves
    the caption verbless."""
    while tok.dep_ != "ROOT":
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False
