"""Mentions of people, organisations and places, with roles and relations, per article.

The tagger's entities are a starting point, not the answer: its small English model
calls people organisations, platforms people, and icon words entities. Each entity is
checked against evidence in its own sentence (a person title in apposition, the
subject of a speech verb, an organisation or outlet word in the name) and the kind is
changed only with that evidence written into `Mention.evidence`. Entities that are not
actors at all (platforms, page furniture, lower-case words) are kept as kind "other"
with the reason, so the actors stage can list them instead of silently losing them.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator import gazetteer
from generator.names import (
    ABBREVIATED_AS, ALSO_KNOWN_AS, NAME_CONNECTORS, Lexicon, acronym_key, bare, defines, is_acronym, lexicon, spelling_key,
)
from generator.model import NOT_AN_ACTOR, Article, Kind, Mention, RelationClaim, RoleClaim, Where

LABEL_KINDS: dict[str, Kind] = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_DETERMINERS = {"the", "a", "an", "another", "this", "that", "its", "their"}
_QUOTES = "\"'“”‘’«»"
WORK_REASON = "the name of a law, prize or agreement, not an actor"
WORK_TITLE_REASON = "the title of a "
SPEAKING = "subject of the speech verb "
EARLIER_SURNAME = "the surname of a person named earlier in the article"


# --- tokens and spans ----------------------------------------------------------


def _is_name_token(tok: Any, lex: Lexicon) -> bool:
    text = tok.text
    if text.lower() in lex.particles:
        return True
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives / punctuation from a token range."""
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("’s", "'s") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _char_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


@dataclass(frozen=True)
class _Candidate:
    start: int  # token range in the paragraph parse
    end: int
    label: str
    place: str = ""  # the gazetteer's name of the place, when the finder below found it and not the tagger
    earlier: bool = False  # a lone surname of a person the article named before


def _joined_piece(doc: Any, e: int) -> int:
    """'Jae' + '-in' -> 'Jae-in': a hyphenated name the tagger cut at the hyphen."""
    while (e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_
           and doc[e + 1].is_alpha):
        e += 2
    return e


def _and_joined(doc: Any, s: int, e: int, lex: Lexicon) -> int:
    """'Parks' + 'and' + 'Wildlife Department': one organisation whose name holds 'and'."""
    if e + 1 >= len(doc) or doc[e].lower_ != "and" or doc[e - 1].lower_ in lex.organization_words:
        return e
    j = e + 1
    while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].lower_ in NAME_CONNECTORS - {"and"}) and not doc[j].is_punct:
        j += 1
    if j > e + 1 and doc[j - 1].lower_ in lex.organization_words:
        return j
    return e


OF_JOIN_MAX_WORDS = 4  # "for the Performing Arts", "of Upper Kestrel County": a short name after 'of' / 'for'


def _of_joined(doc: Any, s: int, e: int, lex: Lexicon) -> int:
    """'Harbour Centre' + 'for the Performing Arts', 'Western District' + 'of Kestrel': a name that ends
    on an organisation or place word goes on through 'of' or 'for (the)' and the capitalised words
    after it, which the tagger cut off as an entity of their own."""
    if e + 1 >= len(doc) or doc[e].lower_ not in ("of", "for") or not doc[e - 1].text[:1].isupper():
        return e
    if doc[e - 1].lower_ not in lex.organization_words | lex.place_words:
        return e
    j = e + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and k - j < OF_JOIN_MAX_WORDS and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    return k if k > j and (k == len(doc) or not doc[k].text[:1].isupper()) else e


WORK_JOIN_MAX_WORDS = 8  # "for Victims of Lake Trafficking Act": the rest of a law's name after its first word


def _work_joined(doc: Any, e: int, lex: Lexicon) -> int:
    """'Fairness' + 'for Lake Fishers Act': a law or prize whose name the tagger cut at a small
    word; the rest runs on through capitalised and joining words to a work word ('Act', 'Prize')."""
    if e + 1 >= len(doc) or doc[e].lower_ not in lex.name_function_words or not doc[e + 1].text[:1].isupper():
        return e
    end = e
    for k in range(e + 1, min(len(doc), e + 1 + WORK_JOIN_MAX_WORDS)):
        t = doc[k]
        if t.text[:1].isupper() and t.is_alpha:
            if t.lower_ in lex.work_words:
                end = k + 1
        elif t.lower_ not in lex.name_function_words:
            break
    return end


def _name_run(doc: Any, s: int, e: int, lex: Lexicon) -> int:
    """A person's name ends before a number or a lower-case word ('Lee 47.3 percent' -> 'Lee')."""
    for i in range(s + 1, e):
        t = doc[i]
        if doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and t.is_alpha:
            continue  # "Jae-in": the lower-case half of a hyphenated name
        if t.like_num or any(ch.isdigit() for ch in t.text) or (t.text[:1].islower() and t.lower_ not in lex.particles and t.text != "-"):
            return i
    return e


def _phrase_cut(doc: Any, s: int, e: int, lex: Lexicon) -> int:
    """'Riverside Mall near', 'Harbour Rovers 41 percent': a name ends before a lower-case word
    that joins no name (not 'of', 'the', a particle, an organisation or place word), and before the
    numbers leading to it."""
    allowed = lex.name_function_words | lex.particles | lex.organization_words | lex.named_after_words | lex.outlet_words | lex.place_words
    for i in range(s + 1, e):
        t = doc[i]
        if t.is_alpha and t.text.islower() and t.lower_ not in allowed and not (doc[i - 1].text == "-" and not doc[i - 1].whitespace_):
            while i > s + 1 and (doc[i - 1].like_num or doc[i - 1].is_punct):
                i -= 1
            return i
    return e


GAZETTEER_MAX_WORDS = 6  # "Saint Vincent and the Grenadines": the longest name tried at a token


def _ent_bounds(doc: Any) -> dict[int, tuple[int, int, str]]:
    return {t: (e.start, e.end, e.label_) for e in doc.ents for t in range(e.start, e.end)}


def _gazetteer_places(doc: Any, lex: Lexicon, covered: set[int], person_words: frozenset[str]) -> list[_Candidate]:
    """Countries the tagger missed or called a people ("neighbouring Kestrelstan is supporting ..."
    tagged NORP): a capitalised run of words that is exactly a country's name in the standards
    (generator/gazetteer.py), or a city's written after a preposition of place ("helicopters from
    Lakeport"), and that no actor's span covers. It abstains where the words may be part of a larger
    name (a capitalised word or "Bank of" next to it, a hyphen joining it, an entity of the tagger
    running past it), or a person's (a word of a full name the article writes elsewhere)."""
    names = gazetteer.countries()
    ents = _ent_bounds(doc)
    out: list[_Candidate] = []

    def name_word(t: Any) -> bool:
        return t.is_alpha and t.text[:1].isupper() and t.lower_ not in _DETERMINERS and not (t.is_sent_start and t.pos_ != "PROPN")

    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not tok.text[:1].isupper() or tok.text.isupper():
            i += 1
            continue
        found = None
        for n in range(min(GAZETTEER_MAX_WORDS, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            key = span.text.lower()
            if (key in names or (n == 1 and key in lex.cities)) and not doc[i + n - 1].is_punct and doc[i + n - 1].text[:1].isupper():
                found = (i + n, names.get(key, ""))
                break
        if found is None:
            i += 1
            continue
        end, country = found
        before = doc[i - 1] if i > 0 else None
        after = doc[end] if end < len(doc) else None
        larger = (
            any(j in covered for j in range(i, end))
            or any(j in ents and (ents[j][0] < i or ents[j][1] > end) for j in range(i, end))
            or (before is not None and name_word(before))
            or (before is not None and before.lower_ in ("of", "for", "de") and i >= 2 and doc[i - 2].text[:1].isupper())
            or (after is not None and after.is_alpha and after.text[:1].isupper())
            or (after is not None and after.text == "-" and not doc[end - 1].whitespace_)
            or (before is not None and before.text == "-" and not before.whitespace_)
            or any(t.lower_ in person_words for t in doc[i:end])
        )
        if not country and not larger:
            # A city's name is also a surname or a word often enough ("Regina", "Resolute"): only
            # where a preposition of place governs it.
            larger = not (before is not None and before.lower_ in lex.place_prepositions and tok.dep_ == "pobj" and end - i == 1)
        if not larger:
            label = ents[i][2] if i in ents else ""
            out.append(_Candidate(i, end, label, country or tok.text))
            covered.update(range(i, end))
        i = end
    return out


def _candidates(doc: Any, lex: Lexicon, surnames: frozenset[str] = frozenset(), person_words: frozenset[str] = frozenset()) -> list[_Candidate]:
    out: list[_Candidate] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in LABEL_KINDS or ent.start in covered:
            continue
        start, end = ent.start, ent.end
        # The tagger cuts "AQ-M (Al Qaida Maghreb" into one entity: split at the bracket.
        inner = [t.i for t in ent if t.text == "("]
        pieces = [(start, inner[0]), (inner[0] + 1, end)] if inner else [(start, end)]
        for s, e in pieces:
            # An outlet name the tagger split ("Kenya" GPE + "Today" DATE) is one name.
            while e < len(doc) and doc[e].text[:1].isupper() and doc[e].lower_ in lex.outlet_words and doc[e].ent_type_ not in LABEL_KINDS:
                e += 1
            s, e = _trim(doc, s, e)
            # "the editorial board of the Harbour Post Okafor said": an outlet's name the tagger ran on
            # into the surname of a person named before in the article ends at its outlet word.
            if ent.label_ == "ORG" and e - s >= 3 and doc[e - 2].lower_ in lex.outlet_words and spelling_key(doc[e - 1].text) in surnames:
                e -= 1
                out.append(_Candidate(e, e + 1, ""))  # the surname, a mention of that person
                covered.add(e)
            owner = [i for i in range(s + 1, e - 1) if doc[i].tag_ == "POS" or doc[i].lower_ in ("’s", "'s")]
            if owner:
                s = owner[-1] + 1  # "Lee's National Council": the council; Lee is a mention of its own
            if s < e:
                if ent.label_ == "PERSON":  # not "Lee-resistant", an adjective made of a name
                    e = _joined_piece(doc, e)
                joined = _and_joined(doc, s, e, lex) if ent.label_ in ("ORG", "PERSON") else e
                if joined == e and ent.label_ != "PERSON":
                    joined = _of_joined(doc, s, e, lex)
                if joined == e:
                    joined = _work_joined(doc, e, lex)
                if joined > e:
                    e = joined
                elif ent.label_ != "PERSON":
                    e = _phrase_cut(doc, s, e, lex)
                else:
                    e = _name_run(doc, s, e, lex)
                    # "Beyond Lee, ...", "Anything Lee": a capitalised function word opening the sentence.
                    while s < e - 1 and doc[s].is_stop and doc[s].pos_ != "PROPN" or (s < e - 1 and doc[s].is_sent_start and doc[s].is_stop):
                        s += 1
                if (e - s > 1 and doc[s].is_sent_start and doc[s].is_title and not doc[e - 1].is_punct and doc[s + 1].text != "-"
                        and (doc[s].pos_ in ("VERB", "AUX") or doc[s].lower_ in lex.speech_verbs) and ent.label_ != "PERSON"):
                    s += 1  # "Say Lakeland demanded ...": a verb opening the sentence is no part of the name
                if e < len(doc) and doc[e].text.islower() and doc[e].lower_ in lex.named_after_words:
                    e += 1  # "the Lee campaign": an organisation named after a person, not the person
                if s > 0 and bare(doc[s - 1].text) in lex.courtesy and doc[s - 1].text[:1].isupper():
                    s -= 1  # "Mr. Lee": the courtesy title is how the name is written
                out.append(_Candidate(s, e, ent.label_))
                covered.update(range(s, e))
    # Subjects of speech verbs the tagger missed ("Okafor was quoted as saying ...").
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" and tok.i not in covered and tok.head.lemma_.lower() in lex.speech_verbs:
            s = tok.i
            while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i in range(s, tok.i + 1) and doc[s - 1].pos_ == "PROPN":
                s -= 1
            found = _Candidate(s, tok.i + 1, "")
            if s == tok.i and spelling_key(tok.text) in surnames:
                continue  # a lone surname of someone named before: the loop below says whose
            # "Fellow Republicans are urging": a word the tagger gave a people's label is no name's.
            if not any(doc[j].ent_type_ for j in range(s, tok.i + 1)) and _name_shape(doc, found, lex):
                out.append(found)
                covered.update(range(s, tok.i + 1))
    out += _gazetteer_places(doc, lex, covered, person_words)
    # A lone surname of a person named earlier in the article ("Okafor has called for ...").
    for tok in doc:
        if (tok.i not in covered and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_
                and tok.dep_ not in ("compound", "flat") and not any(c.dep_ == "compound" for c in tok.children)
                and spelling_key(tok.text) in surnames):
            out.append(_Candidate(tok.i, tok.i + 1, "", earlier=True))
            covered.add(tok.i)
    return sorted(out, key=lambda c: (c.start, c.end))


# --- evidence ------------------------------------------------------------------


def written_reason(text: str, lex: Lexicon) -> str | None:
    """Why a string, however tagged, is no actor's name by its form alone: a handle, a tag, a time."""
    words = [bare(w) for w in text.split()]
    if "@" in text or text.startswith("#"):
        return "a social media handle or hashtag"
    if re.fullmatch(r"\(?[RDI]-[A-Z][A-Za-z. ]*\)?", text):
        return "a party-state tag"
    if any(w in lex.timezones for w in words) or all(w in lex.timestamp_words or re.fullmatch(r"[\d:]+", w) for w in words):
        return "a dateline or timestamp"
    if re.search(r"[\"“”\[\]{}]", text):
        return "a broken name (a quote mark or bracket inside it)"
    if "/" in text:
        return "a credit or pairing written with a slash ('Agency/Platform')"
    if re.fullmatch(r"[A-Z]\d+", text):
        return "a page or section code"
    if re.fullmatch(r"\w+", text) and any(ch.isdigit() for ch in text) and len(re.findall(r"(?=[a-z][A-Z]|[A-Z][a-z])", text)) >= 3:
        return "a link or code (letters of both cases mixed with digits)"
    if text.lower().endswith(("-based", "-designate", "-elect")):
        return "an adjective ('-based', '-designate'), not a name"
    if re.fullmatch(r"[A-Z][a-z]{2,}-[A-Z][a-z]{2,}", text) and not any(p in lex.particles for p in words[0].split("-")):
        return "two names joined by a hyphen ('Lee-Park talks'), not one actor"
    if len(words) == 1 and words[0] in lex.name_suffixes:
        return "a name ending on its own"
    if len(words) > 1 and words[-1] in lex.work_words:
        return WORK_REASON
    # "Harlan Prize for Excellence": a prize's name the tagger cut after the words that follow it.
    if any(w in lex.prize_words and nxt in lex.name_function_words for w, nxt in zip(words, words[1:])):
        return WORK_REASON
    # The tagger ran one entity over a clause or a list ("Cleanliness, Godliness", "Team - while").
    if re.search(r"[,;:]|\s[-–—]\s", text):
        return "a list or clause read as one name (a comma, colon or spaced dash inside)"
    # A name holds only capitalised words and the small words that join them; "Lee 47.3 percent"
    # or "E.U. nations" is a phrase the tagger ran on into.
    low = [w for w in text.split()[1:] if w[:1].islower() and bare(w) not in lex.name_function_words | lex.particles
           | lex.organization_words | lex.named_after_words | lex.outlet_words | lex.place_words and w.split("-")[0] not in lex.particles]
    if low:
        return f"a phrase, not a name (the lower-case word '{low[0]}' inside)"
    if words and all(w in lex.particles for w in words):
        return "a name particle alone"
    if len(words) == 1 and words[0] in lex.holidays:
        return "a holiday, not an actor"
    if len(words) == 1 and words[0] in lex.direction_words:
        return "a direction or time-zone word alone, not a name"
    return None


PRIZE_NAME_MAX_WORDS = 10  # "Prize for Excellence in Science Writing by the": how far back a prize's name runs


def _in_prize_name(doc: Any, c: _Candidate, lex: Lexicon) -> bool:
    """'the Harlan Prize for Excellence in Science Writing by the Press': a capitalised word inside the
    long name of a prize or award, after its prize word and the capitalised and joining words that
    run on from it, is that name's word, not an actor (the tagger cuts such names anywhere)."""
    i = c.start - 1
    joined = False
    while i >= 0 and c.start - i <= PRIZE_NAME_MAX_WORDS:
        t = doc[i]
        if t.text[:1].isupper() and t.is_alpha:
            if t.lower_ in lex.prize_words:
                return joined
        elif t.lower_ in lex.name_function_words:
            joined = True
        else:
            return False
        i -= 1
    return False


def _in_case_name(doc: Any, c: _Candidate) -> bool:
    """'Okafor v. Harlow Water Board': a court case named for its parties, the tagger's span holding
    the 'v.' or cut at it. Only the legal 'v.': 'Lee vs. Park' is as often a contest of the two."""
    def legal_v(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text in ("v.", "v")
    if any(legal_v(i) for i in range(c.start + 1, c.end - 1)):
        return True
    after = legal_v(c.end) and c.end + 1 < len(doc) and doc[c.end + 1].text[:1].isupper()
    before = legal_v(c.start - 1) and c.start >= 2 and doc[c.start - 2].text[:1].isupper()
    return after or before


_QUOTE_MARKS = {"“", "”", '"', "``", "''"}
_OPENING_QUOTES = {"“", '"', "``", "‘"}
_CLOSING_QUOTES = {"”", '"', "''", "’"}
_TITLE_WORDS_MAX = 6


def _in_quoted_title(doc: Any, c: _Candidate, lex: Lexicon) -> bool:
    """'on the network's “Harbour and Friends”': the name is a word of a quoted title in title case
    (two words or more) written after a possessive, the title of that owner's programme or work,
    not an actor. One quoted word ('Robert "Bobby" Lee') is a nickname and stays."""
    def titled(t: Any) -> bool:
        return t.text[:1].isupper() or t.lower_ in lex.title_small_words or t.text in (".", ",", "!", "?")
    i = c.start - 1
    while i >= 0 and doc[i].text not in _OPENING_QUOTES and titled(doc[i]) and c.start - i <= _TITLE_WORDS_MAX:
        i -= 1
    j = c.end
    while j < len(doc) and doc[j].text not in _CLOSING_QUOTES and titled(doc[j]) and j - c.start <= _TITLE_WORDS_MAX:
        j += 1
    if i < 1 or j >= len(doc) or doc[i].text not in _OPENING_QUOTES or doc[j].text not in _CLOSING_QUOTES:
        return False
    words = [t for t in doc[i + 1:j] if t.is_alpha]
    owner = doc[i - 1]
    return len(words) >= 2 and owner.tag_ == "POS" and doc[i + 1].text[:1].isupper()


def _named_as(doc: Any, c: _Candidate, lex: Lexicon) -> Any | None:
    """The noun a name is given to: 'a hacking group known as X', 'a mountain stream called X' -> the
    group, the stream. None when the name is not introduced so."""
    if c.start >= 1 and doc[c.start - 1].lower_ in lex.naming_verbs:
        verb = doc[c.start - 1]
    elif c.start >= 2 and doc[c.start - 1].lower_ == "as" and doc[c.start - 2].lower_ == "known":
        verb = doc[c.start - 2]
    else:
        return None
    # Only the participle that describes a noun ("a stream called X"), not a verb with a subject
    # ("an adviser to the campaign, called Lee's remarks ...").
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.pos_ != "NOUN" or verb.head.i > verb.i:
        return None
    return verb.head


def _work_title(doc: Any, c: _Candidate, lex: Lexicon) -> Any | None:
    """The book, film or show noun whose title the name is: in apposition ('her memoir, Salt Roads'),
    right before the name ('the film Harbour Lights'), or naming it ('a programme called X')."""
    def work(t: Any) -> bool:  # the noun, never the verb ("a poll shows Lee leading")
        return t.pos_ == "NOUN" and t.text.islower() and (t.lower_ in lex.work_title_nouns or t.lemma_.lower() in lex.work_title_nouns)
    root = doc[c.start:c.end].root
    for noun in _appositions(root):
        if work(noun):
            return noun
    if c.start >= 1 and work(doc[c.start - 1]):
        return doc[c.start - 1]
    noun = _named_as(doc, c, lex)
    if noun is not None and work(noun):
        return noun
    after = doc[c.end] if c.end < len(doc) else None
    # "the Lakeside program", "Harlow laws"; not a place's ("a Lakeside law firm", "Lakeside law").
    if (c.label == "ORG" and after is not None and after.text.islower() and after.lower_ in lex.work_nouns_after
            and after.dep_ != "compound" and doc[c.start:c.end].text.lower() not in lex.countries):
        return after
    return None


def _not_an_actor(doc: Any, c: _Candidate, lex: Lexicon, names: Iterable[str] = (), common: frozenset[str] = frozenset(),
                  people: frozenset[str] = frozenset()) -> str | None:
    toks = [doc[i] for i in range(c.start, c.end)]
    words = [t.text.lower() for t in toks]
    text = doc[c.start:c.end].text
    if len(toks) == 1 and words[0] in lex.platforms:
        return "social platform"
    written = written_reason(text, lex)
    if written:
        return written
    if (len(toks) == 2 and bare(toks[0].text) in lex.contest_titles and c.start >= 1
            and (doc[c.start - 1].lower_ in _DETERMINERS or doc[c.start - 1].lower_ == "former")):
        return f"a contest's title ('a former {text}'), not a person's name"
    # "the brothers Tomas R. and Piotr K. Brel": a given name and initial whose surname is written
    # once, after the second name; the text holds no name of the first to list him by.
    if (c.label == "PERSON" and len(toks) >= 2 and re.fullmatch(r"[A-Z]\.?", toks[-1].text) and c.end + 1 < len(doc)
            and doc[c.end].lower_ in ("and", "&") and doc[c.end + 1].text[:1].isupper()):
        return "a given name and initial whose surname is written once for two people ('A. and B. Lee'): no name of its own"
    if _in_prize_name(doc, c, lex):
        return "a word of a prize's name ('X Prize for Y by the Z'), not an actor"
    if len(toks) == 1 and words[0] in lex.common_nouns:
        return "a common noun capitalised ('the World'), not a name"
    if len(toks) == 1 and words[0] in lex.peoples:
        return "a group of people in general (by origin, faith or generation), not an actor"
    root = doc[c.start:c.end].root
    # The tagger calls a person's name an organisation as often before "case": the noun after it
    # tells what the words name, whatever the label.
    if (c.label in ("PERSON", "ORG") and root.dep_ == "compound" and root.head.i == c.end and root.head.text.islower()
            and root.head.lower_ in lex.law_nouns):
        return f"a name written before '{root.head.lower_}' ('the X {root.head.lower_}'): what the {root.head.lower_} is called, not an actor"
    if _in_case_name(doc, c):
        return "a party named in a court case ('Lee v. Park'): the case, not an actor"
    if _in_quoted_title(doc, c, lex):
        return "a word of a quoted title after a possessive ('the network's “X and Friends”'): a programme or work, not an actor"
    work = _work_title(doc, c, lex)
    if work is not None:
        return f"{WORK_TITLE_REASON}{work.lemma_.lower()}, not an actor"
    if any(w in lex.furniture_tokens or w.endswith(lex.furniture_suffixes) for w in words):
        return "page furniture (icon or button word)"
    if not any(ch.isalpha() for ch in text) or len(re.sub(r"\W", "", text)) < 2:
        return "no letters"
    if not toks[0].text[:1].isupper() and words[0] not in lex.particles:
        return "lower-case word, not a name"
    if len(toks) == 1 and words[0] in lex.place_words | lex.organization_words | lex.titles:
        return "a common noun, not a name"
    if len(toks) == 1 and not is_acronym(text) and words[0] not in lex.countries and words[0] not in people:
        # "Demonstrators gathered ...", "Media coverage": a common noun capitalised by its place in
        # the sentence, or one the same article writes in lower case elsewhere.
        # Only where the capital may come from the sentence: mid-sentence, "Time" or "House" is a name.
        if toks[0].is_sent_start and toks[0].tag_ in ("NN", "NNS"):
            return "a common noun opening a sentence, not a name"
        if toks[0].is_sent_start and words[0] in common:
            return f"a common noun opening a sentence: the article also writes '{words[0]}' in lower case"
    for known in names:
        rest = text[len(known):].lower() if text.startswith(known) else ""
        if rest and rest in lex.demonym_suffixes:
            return f"the people of {known} (a demonym)"
    if "and" in words[1:-1] and words[-1] not in lex.organization_words | lex.outlet_words:
        return "two names joined by 'and', not one actor"
    if len(toks) > 1 and c.label == "PERSON" and words[-1] in lex.titles | lex.name_titles:
        return f"ends with the title '{toks[-1].text}': a place or group and a title, not a name"
    if len(toks) > 1 and c.label != "PERSON" and words[-1] in lex.occasion_words:
        return "a holiday, game or occasion, not an actor"
    if len(toks) == 1 and c.label in ("GPE", "LOC", "NORP") and words[0].endswith(("ian", "ean", "ese")):
        return "the people of a place (a demonym)"
    if len(toks) == 1 and toks[0].pos_ == "ADJ":
        return "an adjective, not a name"
    if (c.label != "PERSON" and len(toks) <= 3 and not is_acronym(text) and c.end < len(doc)
            and doc[c.end].text[:1].isupper() and doc[c.end].lower_ in lex.portfolio_titles):
        return f"the portfolio of a title ('{text} {doc[c.end].text}'), not an actor"
    root = doc[c.start:c.end].root
    if (c.label == "PERSON" and len(toks) == 1 and root.dep_ in ("amod", "nmod", "compound") and root.head.pos_ == "NOUN"
            and root.head.lower_ not in lex.titles | lex.place_nouns_after):
        return f"describes a group ({root.head.text}), not a person"
    # "the Standard mine", "a Pioneer mill": a word the article also writes in lower case, capitalised
    # as part of a thing's name and modifying the noun for that thing, is neither an organisation
    # nor a place ("the Lakeside campaign", "a Gazette reporter" are kept: campaigns and titles).
    # The noun is the one the parser hangs the word on, or the next word when the parse is lost
    # ("the shafts of Standard mine No. 4").
    thing = root.head if root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i else (doc[c.end] if c.end < len(doc) else None)
    if (c.label != "PERSON" and len(toks) == 1 and not is_acronym(text) and words[0] in common and words[0] not in lex.countries
            and words[0] not in lex.outlet_words | lex.organization_words | lex.building_words  # "a Times article", "House rules"
            and thing is not None and thing.tag_ in ("NN", "NNS") and thing.text.islower()
            and thing.lower_ not in lex.titles | lex.organization_words | lex.named_after_words
            | lex.outlet_words | lex.place_nouns_after | lex.place_words | lex.relation_words):
        return f"a common word naming a thing ('{text} {thing.text}'), not an actor"
    return None


def _title_in(tokens: Iterable[Any], lex: Lexicon) -> Any | None:
    for t in tokens:
        if t.lower_ in lex.titles or t.lemma_.lower() in lex.titles:
            return t
    return None


def _appositions(root: Any) -> list[Any]:
    """Nouns in apposition with the name, either way round."""
    out = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        out.append(root.head)
    return out


def _speech_subject(root: Any, lex: Lexicon) -> Any | None:
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lex.speech_verbs:
        return root.head
    return None


def _name_shape(doc: Any, c: _Candidate, lex: Lexicon) -> bool:
    # "Anne-Marie Okafor": the hyphen joining two given names is part of the name, not a word of it.
    toks = [doc[i] for i in range(c.start, c.end)
            if not (doc[i].text == "-" and c.start < i < c.end - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_)]
    return (
        1 <= len(toks) <= 4
        and all(_is_name_token(t, lex) for t in toks)
        and not any(t.lower_ in lex.organization_words | lex.outlet_words | lex.place_words for t in toks)
        and not is_acronym(doc[c.start:c.end].text)
    )


def _kind(doc: Any, c: _Candidate, lex: Lexicon, people: frozenset[str] = frozenset()) -> tuple[Kind, str]:
    """The kind and, when it differs from the tagger's label, the evidence for it."""
    label_kind: Kind = LABEL_KINDS.get(c.label, "person")
    if c.place:
        what = f"the country {c.place}" if doc[c.start:c.end].text.lower() in gazetteer.countries() else "a city"
        tagged = f"tagged {c.label}" if c.label else "not tagged"
        return "place", f"a name of {what} in the standards' gazetteer, {tagged} by the tagger"
    words = [doc[i].lower_ for i in range(c.start, c.end)]
    root = doc[c.start:c.end].root
    name = doc[c.start:c.end].text.lower()
    # "Chad Miller said ... Chad agreed": a given name the tagger calls a person, of a full name the
    # same article writes, is that person's, though a country bears it too.
    # Not after a preposition of place ("flew into Chad"): there it is the country.
    placed = root.dep_ == "pobj" and root.head.lower_ in lex.place_prepositions
    own_name = c.label == "PERSON" and len(words) == 1 and words[0] in people and not placed
    if name in lex.countries and not own_name:
        # A country's name (generator/gazetteer.py) is a place, however the tagger labels it: the
        # small model calls one-word countries persons often. A given name that is also a country's
        # is read as the country when written alone; within a longer name it is the person's.
        return "place", "" if label_kind == "place" else f"a name of the country {lex.countries[name]}"
    text = doc[c.start:c.end].text
    if label_kind == "place" and re.fullmatch(r"[A-Za-z]+\d+", text):
        return "organization", "letters and digits written as one word: a body's name, not a place's"
    if label_kind == "organization" and name in lex.cities and not any(w in lex.organization_words | lex.outlet_words for w in words):
        # "a treaty in Lakeport fell apart": the small model calls a city an organisation where the
        # city stands for a meeting held there; it is still the place.
        return "place", f"a city's name ({text}, a time-zone city of the standards)"
    if (label_kind == "place" and "." in text and is_acronym(text) and len(acronym_key(text)) >= 3
            and bare(text) not in lex.place_abbreviations and text.lower() not in lex.place_abbreviations):
        # "F.B.I." tagged a place: a dotted acronym of three letters or more that is no country's
        # (checked above) nor a usual place abbreviation names an organisation.
        return "organization", "a dotted acronym that names no country or place: an organisation"
    # "a hacking group known as X", "a mountain stream called X": the name is what the noun is.
    called = _named_as(doc, c, lex)
    if called is not None:
        noun = called.lemma_.lower()
        if noun in lex.organization_words or called.lower_ in lex.organization_words:
            return "organization", "" if label_kind == "organization" else f"what a {called.text} is called ('{doc[called.i:c.start].text}')"
        if noun in lex.place_words | lex.landmark_words | lex.place_nouns_after:
            return "place", "" if label_kind == "place" else f"what a {called.text} is called ('{doc[called.i:c.start].text}')"
        if noun in lex.titles or noun in lex.gendered_words:
            return "person", "" if label_kind == "person" and c.label else f"what a {called.text} is called ('{doc[called.i:c.start].text}')"
    dateline = c.start == 0 and doc[c.start:c.end].text.isupper() and c.end < len(doc) and doc[c.end].text in (",", "—", "–", "-", "(", ":")
    if dateline and len(words) > 1:
        # Before the name's own words: "HARBOUR NEWS, Calif. —" opening the article is a town.
        return "place", "" if label_kind == "place" else "a dateline: the place in capitals opening the article"
    if len(words) > 1 and words[-1] in lex.outlet_words:
        return "organization", "" if label_kind == "organization" else f"ends with the outlet word '{doc[c.end - 1].text}'"
    if len(words) > 1 and (any(w in lex.organization_words for w in words[1:]) or (len(words) > 2 and words[0] in lex.organization_words and words[1] in ("for", "of", "on"))):
        return "organization", "" if label_kind == "organization" else "has an organisation word in the name"
    if len(words) > 1 and words[-1] in lex.place_words:
        return "place", "" if label_kind == "place" else f"ends with the place word '{doc[c.end - 1].text}'"
    if len(words) > 1 and words[-1] in lex.landmark_words:
        return "place", "" if label_kind == "place" else f"ends with the landmark word '{doc[c.end - 1].text}'"
    if len(words) > 1 and words[-1] in lex.building_words and c.label != "PERSON":
        return "organization", "" if label_kind == "organization" else f"a building that stands for the body in it ('{doc[c.end - 1].text}')"
    # "a crowded Lee neighborhood", "the town of Lee": a kind of place written beside the name (not
    # "a Lee town hall", where the noun describes another one).
    if c.end < len(doc) and doc[c.end].lower_ in lex.place_nouns_after and doc[c.end].text.islower() and doc[c.end].dep_ != "compound":
        return "place", "" if label_kind == "place" else f"followed by '{doc[c.end].text}'"
    if c.start >= 2 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in lex.place_nouns_after | lex.place_words and doc[c.start - 2].text.islower():
        return "place", "" if label_kind == "place" else f"written after '{doc[c.start - 2].text} of'"
    if dateline:
        return "place", "" if label_kind == "place" else "a dateline: the place in capitals opening the article"
    # "a pleasure boat cruised down the Kestrel": a person is not moved along.
    if (label_kind == "person" and len(words) == 1 and c.start >= 2 and doc[c.start - 1].lower_ == "the"
            and doc[c.start - 2].lower_ in lex.along_prepositions):
        return "place", f"written after '{doc[c.start - 2].text} the'"
    # "a new company, Kestrel (pronounced ...) Holdings": in apposition with an organisation noun.
    # Only "a company, X": the parser also hangs a person on "the movement" of "a member of the
    # movement, X", whose apposition is the member.
    body = next((n for n in _appositions(root) if n.pos_ == "NOUN" and n.text.islower() and n.i < c.start
                 and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.children)
                 and (n.lemma_.lower() in lex.organization_words or n.lower_ in lex.organization_words)), None)
    if body is not None and label_kind == "person":  # not "his home state, Lakeland": a place stays one
        return "organization", f"in apposition with '{body.text}'"
    # "artistic director of Tall Heron", "founder of Kestrel Lane": what someone holds a title of is
    # a body, not a person (kinship words are the exception: "the son of Lee").
    # Never a person, whatever an apposition after it says ("minister of Kestrel, a member of ...").
    if (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN"
            and root.head.head.lemma_.lower() in lex.titles and root.head.head.lower_ not in lex.relation_words):
        if label_kind != "person":
            return label_kind, ""
        return "organization", f"what a {root.head.head.text} is the {root.head.head.text} of"
    shaped = _name_shape(doc, c, lex)
    evidence = ""
    if shaped:
        for noun in _appositions(root):
            if noun.lemma_.lower() in lex.titles or noun.lower_ in lex.titles:
                evidence = f"in apposition with the person title '{noun.text}'"
                break
            if noun.lemma_.lower() in lex.relation_words or noun.lower_ in lex.relation_words:
                evidence = f"in apposition with '{noun.text}'"
                break
        if not evidence:
            before = [t for t in root.children if t.i < c.start and t.dep_ in ("compound", "amod", "nmod")]
            title = _title_in(before, lex)
            if title is not None:
                evidence = f"preceded by the person title '{title.text}'"
            # "the divorce from wife Ama": a kinship word written before the name, as a title is.
            kin = next((t for t in before if t.lower_ in lex.relation_words or t.lemma_.lower() in lex.relation_words), None)
            if not evidence and kin is not None:
                evidence = f"preceded by '{kin.text}'"
        if not evidence and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in lex.relation_words:
            evidence = f"the person someone is the {root.head.head.text} of"
        if not evidence and root.dep_ == "poss" and root.head.lower_ in lex.relation_words:
            evidence = f"has a {root.head.text}"
        if not evidence and c.earlier:
            return "person", EARLIER_SURNAME  # what it is says more than that it speaks
        verb = _speech_subject(root, lex)
        # One word tagged as an organisation may really be one ("Agency said"): only multi-word
        # names, or names the tagger did not call an organisation, become people by speaking.
        if not evidence and verb is not None and (len(words) > 1 or label_kind != "organization"):
            evidence = f"{SPEAKING}'{verb.text}' with a personal name shape"
    if evidence:
        return "person", "" if label_kind == "person" and c.label else evidence
    if not c.label:
        return "person", EARLIER_SURNAME
    return label_kind, ""


# --- roles and relations -----------------------------------------------------


def _role_tokens(head: Any, exclude: range, lex: Lexicon) -> list[Any]:
    """The title noun's phrase without the name itself, relative clauses or trailing modifiers."""
    cut: set[int] = set(exclude)
    for t in head.subtree:
        if t.i == head.i:
            continue
        if t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") or (t.dep_ == "amod" and t.i > t.head.i):
            cut.update(x.i for x in t.subtree)
    # Numbers and determiners before the title are not part of it ("(1953-2001)—the late leader").
    toks = [t for t in head.subtree if t.i not in cut and not (t.i < head.i and t.dep_ in ("nummod", "det", "punct"))]
    run: list[Any] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[0].lower_ in _DETERMINERS or run[0].is_punct):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].pos_ in ("ADP", "DET", "CCONJ")):
        run.pop()
    return run


def _span_where(article_id: str, n: int, tokens: Sequence[Any]) -> Where:
    return Where(article_id, n, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _text(tokens: Sequence[Any]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _roles(doc: Any, c: _Candidate, text: str, article_id: str, n: int, lex: Lexicon) -> list[tuple[RoleClaim, list[Any]]]:
    root = doc[c.start:c.end].root
    own = range(c.start, c.end)
    found: list[list[Any]] = []
    for noun in _appositions(root):
        if noun.lemma_.lower() in lex.titles or noun.lower_ in lex.titles:
            found.append(_role_tokens(noun, own, lex))
    # Title before the name, inside its noun phrase: "local leader X", "the group's spokesman X".
    left = root.left_edge.i
    if left < c.start:
        before = [doc[i] for i in range(left, c.start)]
        # "President Lee and first lady X": the title of X starts after the last "and" or comma.
        cut = [i for i, t in enumerate(before) if t.dep_ == "cc" or t.pos_ == "CCONJ" or t.is_punct]
        before = before[cut[-1] + 1 :] if cut else before
        while before and (before[0].lower_ in _DETERMINERS or before[0].is_punct):
            before.pop(0)
        if before and _title_in(before, lex) is not None and all(t.head.i in own or t.head.i < c.start for t in before):
            found.append(before)
    # "X is the spokesman for Y"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for attr in root.head.children:
            if attr.dep_ == "attr" and (attr.lemma_.lower() in lex.titles or attr.lower_ in lex.titles):
                found.append(_role_tokens(attr, own, lex))
    # "X, who served as a minister under Y"
    for clause in root.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() == "serve":
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    objs = [t for t in prep.children if t.dep_ == "pobj"]
                    if objs:
                        after = [t for t in clause.children if t.dep_ == "prep" and t.i > objs[0].i]
                        toks = _role_tokens(objs[0], own, lex)
                        for extra in after:
                            sub = [t for t in extra.subtree if not t.is_punct]
                            if toks and sub and sub[0].i == toks[-1].i + 1:
                                toks = toks + sub
                        found.append(toks)
    out = []
    for toks in found:
        if toks:
            out.append((RoleClaim(holder=text, role=_text(toks), where=_span_where(article_id, n, toks)), toks))
    return out


def _relations(doc: Any, c: _Candidate, text: str, spans: dict[int, str], article_id: str, n: int, lex: Lexicon) -> list[RelationClaim]:
    """Kinship from appositions and copular phrases: 'X, son of Y', 'Y's son, X', 'X is the son of Y'."""
    root = doc[c.start:c.end].root
    nouns = [t for t in _appositions(root) if t.lemma_.lower() in lex.relation_words or t.lower_ in lex.relation_words]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [t for t in root.head.children if t.dep_ == "attr" and (t.lemma_.lower() in lex.relation_words or t.lower_ in lex.relation_words)]
    out = []
    for noun in nouns:
        others: list[Any] = [t for t in noun.children if t.dep_ == "poss"]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        # "son of the late commander Y": the name is in apposition with the object.
                        others += [obj, *(t for t in obj.children if t.dep_ == "appos")]
        if not any(spans.get(t.i) for t in others) and noun.head.i == root.i:
            # The parser hangs "X, son of “nickname” Y" as two appositions of X: take the next name.
            others += [t for t in root.children if t.dep_ == "appos" and t.i > noun.i][:1]
        for other in others:
            name = spans.get(other.i)
            if name and name != text:
                out.append(RelationClaim(text, f"{noun.lower_} of", name, _span_where(article_id, n, [noun])))
                break
    return out


def _role_relations(role: RoleClaim, toks: list[Any], spans: dict[int, str], lex: Lexicon) -> list[RelationClaim]:
    """A role naming another actor links the two: 'spokesperson for Y', 'Y spokesman'."""
    out = []
    ids = {t.i for t in toks}
    title = _title_in(toks, lex)
    for t in toks:
        name = spans.get(t.i)
        if not name or name == role.holder or (t.i > toks[0].i and spans.get(t.i - 1) == name):
            continue
        prep = next((a for a in t.ancestors if a.dep_ == "prep" and a.i in ids), None)
        if prep is not None:
            label = _text([x for x in toks if x.i <= prep.i])
        elif title is not None and t.i < title.i:
            # "Y spokesman" -> spokesman for Y; "Y's Foreign Minister" -> Foreign Minister of Y.
            end = max(i for i in ids if spans.get(i) == name)
            words = [x for x in toks if end < x.i <= title.i and x.tag_ != "POS" and x.lower_ not in ("’s", "'s")]
            possessive = any(x.tag_ == "POS" or x.lower_ in ("’s", "'s") for x in toks if end < x.i <= end + 1)
            label = f"{_text(words)} {'of' if possessive else 'for'}" if words else f"{title.text} for"
        else:
            continue
        out.append(RelationClaim(role.holder, label, name, role.where))
    return out


def _definitions(text: str, mentions: Sequence[Mention]) -> list[RelationClaim]:
    """'Long Name (ACR)', 'ACR (Long Name)' and 'A also known as B', from adjacent mentions."""
    out = []
    for a, b in zip(mentions, mentions[1:]):
        between, after = text[a.where.end : b.where.start], text[b.where.end : b.where.end + 1]
        if re.fullmatch(r"\s*\(\s*", between) and after == ")":
            if is_acronym(b.text) and defines(a.text, b.text):
                out.append(RelationClaim(a.text, ABBREVIATED_AS, b.text, Where(a.where.source, a.where.paragraph, a.where.start, b.where.end + 1)))
            elif is_acronym(a.text) and defines(b.text, a.text):
                out.append(RelationClaim(b.text, ABBREVIATED_AS, a.text, Where(a.where.source, a.where.paragraph, a.where.start, b.where.end + 1)))
        elif re.fullmatch(r"\s*,?\s*(?:also\s+)?known\s+as\s+(?:the\s+)?", between, re.I):
            out.append(RelationClaim(a.text, ALSO_KNOWN_AS, b.text, Where(a.where.source, a.where.paragraph, a.where.start, b.where.end)))
    return out


# --- the stage -----------------------------------------------------------------

TITLE_CASE_SHARE = 0.8  # of the longer words capitalised: a headline or sub-head, not running text
TITLE_CASE_MIN_WORDS = 2
TITLE_CASE_MAX_WORDS = 25


def title_case_line(text: str) -> bool:
    """'Lee Hid Past Health Scare From Voters.': one short sentence with most words capitalised, as headlines are."""
    if re.search(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]", text) or len(text.split()) > TITLE_CASE_MAX_WORDS:
        return False  # running text of two sentences or more, however many names it holds
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if len(long) < TITLE_CASE_MIN_WORDS:
        return False
    return sum(w[:1].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


RUN_IN_MAX_WORDS = 10
RUN_IN_SHORT_MIN_WORDS = 3


def run_in_heading(text: str) -> int:
    """Where a run-in sub-head ends ('Veto Stalls Budget Talks: Members said ...' -> its colon), or 0."""
    colon = text.find(":")
    head = text[:colon]
    if colon <= 0 or len(head.split()) > RUN_IN_MAX_WORDS:
        return 0
    # "The Gap Grows Wider:" has too few long words for the share above; three words or more, all
    # capitalised, are a heading too (a speaker's name before a transcript's colon is shorter).
    words = re.findall(r"[^\W\d_][\w'’-]*", head)
    short_head = len(words) >= RUN_IN_SHORT_MIN_WORDS and all(w[:1].isupper() for w in words)
    return colon if title_case_line(head) or short_head else 0


def _written_with(doc: Any, c: _Candidate, lex: Lexicon) -> tuple[str, str, str]:
    """The title before a person's name, and the gender its courtesy title tells: ('President', '', '')."""
    first = bare(doc[c.start].text)
    if first in lex.courtesy and c.end - c.start > 1:
        gender = lex.courtesy[first]
        return doc[c.start].text, gender, doc[c.start].text if gender else ""
    before = doc[c.start - 1] if c.start > 0 else None
    if before is not None and before.text[:1].isupper() and (bare(before.text) in lex.titles or bare(before.text) in lex.name_titles):
        return before.text, "", ""
    return "", "", ""


def _pronoun_gender(doc: Any, c: _Candidate, people: Sequence[tuple[_Candidate, str]], lex: Lexicon) -> tuple[str, str]:
    """He/his or she/her after the name, in a sentence that names no other person: (gender, pronoun).

    Only before a quotation mark: '“... Lee has nobody like that,” he said' is the speaker's 'he',
    and a pronoun inside a quote after the name is the quoted voice's."""
    sent = doc[c.start].sent
    named = {text for other, text in people if sent.start <= other.start < sent.end}
    if len(named) != 1:
        return "", ""
    after = doc[c.end : sent.end]
    mark = next((t.i for t in after if t.text in _QUOTE_MARKS), sent.end)
    said = [(lex.pronouns[t.lower_], t.text) for t in doc[c.end : mark] if t.lower_ in lex.pronouns]
    genders = {g for g, _ in said}
    if len(genders) != 1:
        return "", ""
    return said[0]


def extract(article: Article, docs: Sequence[Any]) -> tuple[tuple[Mention, ...], tuple[RoleClaim, ...], tuple[RelationClaim, ...]]:
    lex = lexicon()
    mentions: list[Mention] = []
    roles: list[RoleClaim] = []
    relations: list[RelationClaim] = []
    surnames: set[str] = set()  # spelling keys of surnames of people named so far in the article
    names: set[str] = set()  # names of places and organisations so far, for demonyms
    headline: set[int] = set()  # indexes into `mentions` read from title-case lines
    # Words the article writes in lower case (not opening a sentence): "media" there makes "Media" a common noun.
    # A word of a person's full name here ("Lee" of "Ann Lee") is that name, however the tagger tags it
    # opening a sentence: left out of those words.
    full_name_words = frozenset(t.lower_ for doc in docs for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)
    common = frozenset(t.text for doc in docs for t in doc if t.is_alpha and t.text.islower() and not t.is_sent_start and len(t.text) > 2) - full_name_words
    for para, doc in zip(article.paragraphs, docs):
        found: list[tuple[_Candidate, Mention]] = []
        for c in _candidates(doc, lex, frozenset(surnames), full_name_words):
            start, end = _char_span(doc, c.start, c.end)
            where = Where(article.id, para.n, start, end)
            text = para.text[start:end].strip(_QUOTES)
            reason = _not_an_actor(doc, c, lex, sorted(names), common, full_name_words)
            if reason:
                found.append((c, Mention(text, "other", where, c.label, NOT_AN_ACTOR + reason)))
                continue
            kind, evidence = _kind(doc, c, lex, full_name_words)
            found.append((c, Mention(text, kind, where, c.label, evidence)))
        people = [(c, m.text) for c, m in found if m.kind == "person"]
        for i, (c, m) in enumerate(found):
            if m.kind != "person":
                continue
            title, gender, cue = _written_with(doc, c, lex)
            if not gender:
                gender, cue = _pronoun_gender(doc, c, people, lex)
            if title or gender:
                found[i] = (c, dataclasses.replace(m, title=title, gender=gender, gender_cue=cue))
        if title_case_line(para.text):
            headline.update(range(len(mentions), len(mentions) + len(found)))
        else:
            # A run-in sub-head ("Talks Stall Again: The envoy said ..."): the title-case words before a
            # colon opening the paragraph are a heading, whatever the running text after it.
            head = run_in_heading(para.text)
            headline.update(len(mentions) + i for i, (_, m) in enumerate(found) if m.where.end <= head)
        actors = [(c, m) for c, m in found if m.kind != "other"]
        for _, m in actors:
            if m.kind == "person" and len(m.text.split()) >= 2:
                surnames.add(spelling_key(m.text.split()[-1]))
            elif m.kind in ("place", "organization") and len(m.text.split()) == 1:
                names.add(m.text)
        spans = {i: m.text for c, m in actors for i in range(c.start, c.end)}
        for c, m in actors:
            if m.kind != "person":
                continue
            for role, toks in _roles(doc, c, m.text, article.id, para.n, lex):
                roles.append(role)
                relations.extend(_role_relations(role, toks, spans, lex))
            relations.extend(_relations(doc, c, m.text, spans, article.id, para.n, lex))
        relations.extend(_definitions(para.text, [m for _, m in actors]))
        mentions.extend(m for _, m in found)
    # "the Trans-Pacific Partnership, or TPP": an acronym of a law or agreement named in the same
    # article is no actor either.
    # "a programme called Greenway ... Greenway pays": a name the article gives a work or programme
    # is that work wherever the same article writes it.
    titles = {m.text for m in mentions if m.kind == "other" and m.evidence.startswith(NOT_AN_ACTOR + WORK_TITLE_REASON)}
    for i, m in enumerate(mentions):
        if m.kind != "other" and m.text in titles:
            mentions[i] = dataclasses.replace(m, kind="other", evidence=NOT_AN_ACTOR + "the title of a work or programme the article names so elsewhere")
    works = [m.text for m in mentions if m.kind == "other" and m.evidence == NOT_AN_ACTOR + WORK_REASON]
    works += [e.text for doc in docs for e in doc.ents if e.label_ == "LAW"]  # the tagger's own laws and treaties
    for i, m in enumerate(mentions):
        if m.kind != "other" and is_acronym(m.text) and any(defines(w, m.text) for w in works):
            mentions[i] = dataclasses.replace(m, kind="other", evidence=NOT_AN_ACTOR + "the abbreviation of a law, prize or agreement named in the article")
    # "KESTREL CITY, Lakeland - ... Lakeland urged ...": one word the tagger calls a place that
    # becomes a person only by speaking is the place where the same article writes it as one.
    placed = {m.text for m in mentions if m.kind == "place" and m.label in ("GPE", "LOC") and not m.evidence}
    for i, m in enumerate(mentions):
        if m.kind == "person" and m.label in ("GPE", "LOC") and m.text in placed and m.evidence.startswith(SPEAKING):
            mentions[i] = dataclasses.replace(m, kind="place", evidence=f"the tagger's place, which the same article writes as a place elsewhere (not a person for being the subject of '{m.evidence.split(chr(39))[1]}')")
    # A name read from a headline or sub-head in title case ("Lee Hid Past Health Scare") is an
    # actor only when the article writes it in running text too.
    running = {m.text for i, m in enumerate(mentions) if i not in headline and m.kind != "other"}
    for i in sorted(headline):
        m = mentions[i]
        if m.kind != "other" and m.text not in running:
            mentions[i] = dataclasses.replace(m, kind="other", evidence=NOT_AN_ACTOR + "read from a line in title case (a headline or sub-head) and not written in the article's running text")
    return tuple(mentions), tuple(dict.fromkeys(roles)), tuple(dict.fromkeys(relations))
