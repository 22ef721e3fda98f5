"""What a number counts, read from the dependency parse: the counted noun phrase, or for a
measure (percent, money, volume, days) the thing it measures and its verb.

  "5,000 striking workers"            -> striking workers          (the noun the number modifies)
  "31.4 percent of the vote"          -> vote                      (the "of" / "in" complement)
  "a 25% tariff on steel"             -> tariff on steel           (the noun the measure modifies)
  "46 percent would choose Ruiz"      -> choose Ruiz               (the measure is the verb's subject)
  "sales rose 36% to $683 million"    -> sales rise                (the verb's subject and the verb)
  "the fine was 20,000 marks"         -> fine                      (a verb of amount: the subject alone)

Where none of these holds the figure is left out: a number whose subject is unknown cannot be
compared with anything."""
from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from generator import lexicon
from generator.extract.figure_numbers import NumberExpr, UnitData, step

MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod"}
NOUNS = {"NOUN", "PROPN"}
OBJECT_DEPS = {"dobj", "attr", "oprd", "npadvmod", "acomp", "advmod", "dative"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@functools.cache
def _words(key: str) -> frozenset[str]:
    """A word list of data/figure_units.yml: `subject_preps` (a noun's complement that belongs to
    a subject), `measure_preps` (a measure hung on a verb), `weak_words` (words that name nothing)."""
    return frozenset(str(w).lower() for w in lexicon.read("figure_units")[key])


def head_of(e: NumberExpr, doc: Any) -> Any:
    """The token of the expression whose head lies outside it (its syntactic head)."""
    span = range(e.start, e.end + 1)
    for i in sorted(span, key=lambda i: (doc[i].head.i in span and doc[i].head.i != i, -i)):
        tok = doc[i]
        if tok.head.i not in span or tok.head.i == tok.i:
            return tok
    return doc[e.end]


def _inside(tok: Any, e: NumberExpr) -> bool:
    return e.start <= tok.i <= e.end


def noun_phrase(noun: Any, e: NumberExpr, with_prep: bool = True) -> list[Any]:
    """The noun with its compounds and adjectives, and one short complement ("tariff on steel")."""
    left = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and not _has_number(t) and not _inside(t, e)]
    words = [w for t in left for w in t.subtree if not w.is_punct] + [noun]
    if with_prep:
        prep = next((t for t in noun.rights if t.dep_ == "prep" and t.lower_ in _words("subject_preps")), None)
        obj = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.pos_ in NOUNS and not _has_number(obj) and obj.lower_ not in _words("weak_words"):
            words += [prep] + noun_phrase(obj, e, with_prep=False)
    return sorted(set(words), key=lambda t: t.i)


def _has_number(tok: Any) -> bool:
    return any(t.like_num or t.tag_ == "$" for t in tok.subtree)


def predicate(verb: Any, e: NumberExpr, ud: UnitData, depth: int = 0) -> list[Any]:
    """A verb with its particle and its object's noun ("choose Ruiz", "walk out", "went to
    Republican groups"); a verb of saying or showing takes the verb it reports ("said ... pick")."""
    words = [verb] + [t for t in verb.children if t.dep_ == "prt"]
    obj = next((t for t in verb.children if t.dep_ in ("dobj", "attr") and not _inside(t, e) and not _has_number(t)), None)
    if obj is not None and obj.pos_ in NOUNS:
        words += noun_phrase(obj, e, with_prep=False)
    elif obj is None:
        prep = next((t for t in verb.children if t.dep_ == "prep" and not _has_number(t) and t.i > verb.i), None)
        pobj = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in NOUNS and pobj.lower_ not in _words("weak_words") and pobj.ent_type_ not in ("DATE", "TIME"):
            words += [prep] + noun_phrase(pobj, e, with_prep=False)
        reported = next((t for t in verb.children if t.dep_ == "ccomp" and t.pos_ in ("VERB", "AUX")), None)
        if reported is not None and depth == 0 and not _inside(reported, e):
            words += predicate(reported, e, ud, depth + 1)
    return sorted(set(words), key=lambda t: t.i)


def subject_of(verb: Any) -> Any | None:
    """The verb's subject; a relative pronoun gives the noun it stands for, and "it" in a clause
    hung on another ("the rating remains strong, though it has declined") that clause's subject."""
    subj = next((t for t in verb.children if t.dep_ in SUBJECT_DEPS), None)
    if subj is not None and subj.lower_ in ("it", "they") and verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        outer = next((t for t in verb.head.children if t.dep_ in SUBJECT_DEPS and t.pos_ in NOUNS), None)
        if outer is not None:
            return outer
    if subj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUNS:
        return verb.head
    if subj is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if subj is not None and subj.lower_ in _words("weak_words") and subj.head.dep_ == "relcl":
        return subj.head.head
    return subj


def _verb_subject(verb: Any, e: NumberExpr, ud: UnitData) -> list[Any] | None:
    """The subject of the verb a measure hangs on, with the verb ("sales rise", "Ruiz cut
    dividend"); a verb of amount gives its subject alone ("the fine was 20,000 marks")."""
    lemma = verb.lemma_.lower()
    if lemma in ud.evidence_verbs:
        # "the poll shows Ruiz ahead by 3 points": what is shown, not the poll, is the subject.
        obj = next((t for t in verb.children if t.dep_ in ("dobj", "nsubj", "ccomp") and t.i > verb.i and not _inside(t, e)), None)
        if obj is not None:
            shown = [t for t in verb.children if t.dep_ in ("advmod", "acomp", "oprd") and t.i > obj.i and t.pos_ in ("ADV", "ADJ")]
            words = [obj] if obj.pos_ == "PRON" else noun_phrase(obj, e, with_prep=False)
            return sorted(set(words + shown), key=lambda t: t.i)
    subj = subject_of(verb)
    if subj is not None and subj.pos_ in NOUNS and not _inside(subj, e):
        words = noun_phrase(subj, e)
        if lemma not in ud.amount_verbs:
            words = words + predicate(verb, e, ud)
        return sorted(set(words), key=lambda t: t.i)
    if lemma in ud.amount_verbs:
        return None
    return sorted(set(predicate(verb, e, ud)), key=lambda t: t.i)


def _complement(tok: Any, e: NumberExpr, preps: frozenset[str] = frozenset({"of"})) -> Any | None:
    """ "percent of the vote", "$3.2 million in damages", "metric tons of steel"."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in NOUNS and obj.lower_ not in _words("weak_words"):
                return obj
    doc = tok.doc
    # The parse often hangs "of the vote" elsewhere; read it linearly right after the unit.
    k = step(doc, e.end)
    if k + 1 < len(doc) and doc[k].lower_ in preps:
        for t in doc[k + 1:k + 5]:
            if t.pos_ in NOUNS and t.lower_ not in _words("weak_words"):
                return t
            if t.pos_ not in ("DET", "ADJ", "PROPN", "PART") and t.tag_ != "POS":
                break
    return None


def _clause(h: Any, e: NumberExpr, ud: UnitData) -> list[Any] | None:
    """ "$45 million that went to Republican groups", "$1.7 billion sent abroad": the clause
    on the figure itself says what it is."""
    clause = next((t for t in h.rights if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")), None)
    return predicate(clause, e, ud) if clause is not None else None


def _enumerates(noun: Any) -> bool:
    """ "Two donors, Ruiz and Pak, gave ...": the number counts the names that follow."""
    return any(t.dep_ == "appos" and t.pos_ == "PROPN" for t in noun.children)


def subject_tokens(e: NumberExpr, doc: Any, ud: UnitData) -> tuple[list[Any], Any | None] | None:
    """(the words of the subject, the counted noun when it counts one) or None to abstain."""
    h = head_of(e, doc)
    if not e.unit:  # a count: the noun the number modifies
        if e.vague:  # "thousands of civilians", "a several-thousand-strong crowd"
            obj = _complement(doc[e.end], e)
            if obj is None and h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in NOUNS:
                obj = h.head.head  # "an army of several thousand"
            if obj is None:
                obj = next((t for t in doc[e.end + 1:e.end + 5] if t.pos_ in NOUNS), None)
            return (noun_phrase(obj, e), obj) if obj is not None else None
        if h.dep_ in MODIFIER_DEPS and h.head.pos_ in NOUNS and h.head.i > h.i:
            noun = h.head  # "5,000 striking workers"
        else:
            noun = _complement(h, e)  # "40 of their sailors"
        if noun is None and h.dep_ == "attr" and h.head.lemma_.lower() in ud.amount_verbs:
            subj = subject_of(h.head)  # "the sample is 834"
            if subj is not None and subj.pos_ in NOUNS:
                return noun_phrase(subj, e), None
        if noun is None and e.out_of is not None and h.dep_ in SUBJECT_DEPS and h.head.pos_ in ("VERB", "AUX"):
            return predicate(h.head, e, ud), None  # "eight out of 10 said it would not matter"
        if noun is None or noun.lower_ in _words("weak_words") or _enumerates(noun):
            return None
        return noun_phrase(noun, e), noun
    if e.hyphen_unit:  # "a 30-day delay", "a seven-member panel"
        unit = doc[e.unit_token]
        target = unit.head if unit.head.pos_ in NOUNS and unit.head.i > unit.i else None
        return (noun_phrase(target, e), None) if target is not None else None
    if e.unit == "times":  # "the rate was three times ...", "at three times the rate of civilians"
        for t in (h, h.head):
            if t.dep_ == "attr" and t.head.lemma_.lower() in ud.amount_verbs:
                subj = subject_of(t.head)
                if subj is not None and subj.pos_ in NOUNS:
                    return noun_phrase(subj, e), None
        for t in doc[e.end + 1:e.end + 4]:
            if t.pos_ in NOUNS:
                return noun_phrase(t, e), None
        return None
    currency = e.unit not in {u for _, u in ud.units}
    obj = _complement(h, e, frozenset({"of", "in"}) if currency else frozenset({"of"}))
    if obj is not None:
        words = noun_phrase(obj, e)
        if obj.lemma_.lower() in ud.people and h.dep_ in SUBJECT_DEPS and h.head.pos_ in ("VERB", "AUX"):
            words = sorted(set(words) | set(predicate(h.head, e, ud)), key=lambda t: t.i)
        return words, None
    clause = _clause(h, e, ud)
    if clause:
        return clause, None
    if h.dep_ in MODIFIER_DEPS and h.head.pos_ in NOUNS and h.head.i > h.i and not _inside(h.head, e):
        return noun_phrase(h.head, e), None
    if h.dep_ in SUBJECT_DEPS and h.head.pos_ in ("VERB", "AUX"):
        words = predicate(h.head, e, ud)
        return (words, None) if len(words) > 1 or h.head.lemma_.lower() not in ud.amount_verbs else None
    if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in NOUNS:
        return noun_phrase(h.head.head, e, with_prep=False), None  # "a loss of $992,000"
    verb = None
    if h.dep_ in OBJECT_DEPS and h.head.pos_ in ("VERB", "AUX"):
        verb = h.head  # "sales rose 36%", "the fine was 20,000 marks"
    elif h.dep_ == "pobj" and h.head.lower_ in _words("measure_preps") and h.head.head.pos_ in ("VERB", "AUX"):
        verb = h.head.head  # "support fell by 3 percent", "Okafor led Berg by 6 points"
    if verb is not None:
        words = _verb_subject(verb, e, ud)
        return (words, None) if words else None
    return None


def phrase(words: Iterable[Any]) -> str:
    return " ".join(t.text for t in words)


def fold(words: Iterable[Any]) -> str:
    """A generic key for subjects that are the same thing: content-word stems, sorted, so
    "workers on strike" and "striking workers" both read "strik worker"."""
    stems = set()
    for t in words:
        if t.is_stop or t.is_punct or t.pos_ in ("DET", "ADP", "PRON", "AUX", "PART", "CCONJ", "NUM"):
            continue
        stems.add(stem(t.lemma_.lower() if t.pos_ != "PROPN" else t.lower_))
    return " ".join(sorted(stems))


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word
