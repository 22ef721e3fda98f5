"""Quotes across sources: one row per statement, every source that carries it.

Two claims are one statement when, after normalising punctuation and case, they are
the same words, or one's six or more words are contained in the other's (a syndicated
copy, or a shorter excerpt of the same tweet), and no two of them name different speakers. Slightly different wording stays separate. Candidates are found through
an index of word shingles, so merging stays near-linear in the number of claims.
Figures, each linked to the quote carrying it, are merged in merge/figures.py.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.merge.actors import ActorIndex
from generator.model import Extraction, Figure, NotVerbatim, Quote, QuoteClaim, Source, TimeExpression, Where

SHINGLE = 3
# A shorter text folds into a longer one only with this many words: a fragment of a few words
# ("the gold standard") is in many statements of many people.
CONTAINED = 6


# Each claim's text is normalised to group it, to name its quote and to check it: the same
# strings again and again. A pure function, memoised (bounded): answers, not state between builds.
@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case words only: quote marks, dashes, apostrophes and spacing do not make a quote different."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("'", "")
    return " ".join(re.findall(r"\w+", text))


@functools.lru_cache(maxsize=65536)
def _shingles(norm: str) -> frozenset[tuple[str, ...]]:
    words = norm.split()
    return frozenset(tuple(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def check_verbatim(quotes: Sequence[Quote], paragraphs: dict[tuple[str, int], str]) -> None:
    """Raise unless every quote is the exact text of one of its sources and every source's
    span holds (after normalising) words of the quote."""
    for q in quotes:
        texts = []
        for w in q.sources:
            para = paragraphs.get((w.source, w.paragraph))
            if para is None or not (0 <= w.start < w.end <= len(para)):
                raise NotVerbatim(f"quote {q.id}: {w.source} ¶{w.paragraph} has no span [{w.start}:{w.end}]")
            texts.append(para[w.start:w.end])
        if q.text not in texts:
            raise NotVerbatim(f"quote {q.id}: {q.text!r} is not the text of any of its source spans")
        whole = f" {normalise(q.text)} "
        for w, t in zip(q.sources, texts):
            if f" {normalise(t)} " not in whole:
                raise NotVerbatim(f"quote {q.id}: {w.source} ¶{w.paragraph} says {t!r}, not part of {q.text!r}")


@dataclass
class _Group:
    lead: QuoteClaim
    padded: str  # " normalised words of the lead "
    members: list[QuoteClaim] = field(default_factory=list)
    # Kept as members join, so that testing one more claim does not walk them all (a seed of
    # thousands of one repeated quote stays linear).
    speakers: set[str] = field(default_factory=set)  # _speaker_words of the members
    spans: dict[tuple[str, int], list[Where]] = field(default_factory=lambda: defaultdict(list))  # by paragraph

    def add(self, claim: QuoteClaim) -> None:
        self.members.append(claim)
        if word := _speaker_words(claim):
            self.speakers.add(word)
        self.spans[claim.where.source, claim.where.paragraph].append(claim.where)


def _date(claim: QuoteClaim, times: Sequence[TimeExpression]) -> str | None:
    """The day the claim was made, when its own sentence says so outside the claim's words
    ("said Thursday that ..."); "last night" inside a quote dates what happened, not the saying.
    `times`: the source's time expressions in the order they start (those of the claim's
    paragraph are enough)."""
    scope = claim.statement or claim.where
    for t in times:
        w = t.where
        if w.paragraph != scope.paragraph or not t.value or t.precision != "day":
            continue
        if scope.start <= w.start and w.end <= scope.end and (w.end <= claim.where.start or w.start >= claim.where.end):
            return t.value
    return None


def _nested(claim: QuoteClaim, group: _Group) -> bool:
    """A claim inside another claim of the same paragraph is a different statement
    ("X reported that Y ... vowed to Z"), not a second copy of it."""
    w = claim.where
    return any(m.start < w.end and w.start < m.end for m in group.spans.get((w.source, w.paragraph), ()))


def _speaker_words(claim: QuoteClaim) -> str | None:
    """The last word of a named speaker; descriptions ("the minister") say too little to differ."""
    words = normalise(claim.speaker_text or "").split() if claim.speaker_named else []
    return words[-1] if words else None


def _same_speaker(claim: QuoteClaim, group: _Group) -> bool:
    """Whether a claim can be the group's statement: nobody in it is named as someone else
    ("Roe" and "Jane Roe" are one speaker; an unattributed copy takes the named one's)."""
    mine = _speaker_words(claim)
    return mine is None or not group.speakers or group.speakers == {mine}


def _group_claims(claims: list[QuoteClaim]) -> list[_Group]:
    groups: list[_Group] = []
    index: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    exact: dict[tuple[str, str], int] = {}
    norms = {id(c): normalise(c.text) for c in claims}
    # Longest first, so each claim meets every statement that could contain it.
    order = sorted(claims, key=lambda c: (-len(norms[id(c)]), c.where.source, c.where.paragraph, c.where.start))
    for claim in order:
        norm = norms[id(claim)]
        found = exact.get((claim.kind, norm))
        if found is not None and not _same_speaker(claim, groups[found]):
            found = None
        if found is None and norm.count(" ") + 1 >= CONTAINED:
            # A statement containing these words holds every one of their shingles: trying the
            # statements of the rarest shingle (in order) finds the same first one as trying all.
            postings = [index.get((claim.kind, sh), ()) for sh in _shingles(norm)]
            padded = f" {norm} "
            for gi in min(postings, key=len):
                if padded in groups[gi].padded and not _nested(claim, groups[gi]) and _same_speaker(claim, groups[gi]):
                    found = gi
                    break
        if found is not None:
            groups[found].add(claim)
            continue
        groups.append(_Group(claim, f" {norm} "))
        groups[-1].add(claim)
        gi = len(groups) - 1
        exact[(claim.kind, norm)] = gi
        for sh in _shingles(norm):
            index[(claim.kind, sh)].append(gi)
    return groups


def quote_id(kind: str, text: str) -> str:
    return "q-" + hashlib.sha1(f"{kind}\n{normalise(text)}".encode()).hexdigest()[:10]


def merge_quotes(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[Quote, ...]:
    return merge_all(extractions, index, sources)[0]


def merge_all(extractions: Sequence[Extraction], index: ActorIndex,
              sources: Sequence[Source]) -> tuple[tuple[Quote, ...], tuple[Figure, ...]]:
    """Quotes, and figures linked to the quote that carries each claim."""
    from generator.merge import figures  # figures link to the quotes carrying them; that module imports this one

    quotes, quote_of = _merge(extractions, index, sources)
    return quotes, figures.merge_linked(extractions, index, quotes, quote_of)


def _merge(extractions: Sequence[Extraction], index: ActorIndex, sources: Sequence[Source]) -> tuple[tuple[Quote, ...], dict[Where, str]]:
    paragraphs = {(s.id, p.n): p.text for s in sources for p in s.article.paragraphs}
    times: dict[tuple[str, int], list[TimeExpression]] = defaultdict(list)  # (source, ¶) -> in order
    for source, found in {x.source: x.times for x in extractions}.items():
        for t in sorted(found, key=lambda t: t.where.start):
            times[(source, t.where.paragraph)].append(t)
    claims = [q for x in extractions for q in x.quotes]
    out: list[Quote] = []
    quote_of: dict[Where, str] = {}
    for group in _group_claims(claims):
        members = sorted(group.members, key=lambda c: (c.where.source, c.where.paragraph, c.where.start))
        lead = group.lead
        qid = quote_id(lead.kind, lead.text)
        # A source that names the speaker wins over one that only describes them ("the spot", "an
        # aide"): the group never holds two different names, so the name is the statement's speaker.
        told = next((c for c in [lead, *members] if c.speaker_text and c.speaker_named),
                    lead if lead.speaker_text else next((c for c in members if c.speaker_text), None))
        # Only names are looked up: "a party leader" must not become the party.
        speaker = next((sid for c in members if c.speaker_text and c.speaker_named
                        for sid in [index.lookup(c.speaker_text, c.where.source, c.where.paragraph)] if sid), None)
        via: list[str] = []
        for c in [lead, *members]:
            via.extend(v for v in c.via if v not in via)
        dates = [d for c in members for d in [_date(c, times.get((c.where.source, (c.statement or c.where).paragraph), ()))] if d]
        out.append(Quote(
            id=qid,
            text=lead.text,
            kind=lead.kind,
            speaker=speaker,
            speaker_text=told.speaker_text if told is not None else None,
            cue=lead.cue,
            sources=tuple(c.where for c in members),
            via=tuple(via),
            date=min(dates) if dates else None,
            attribution=(told or lead).attribution,
        ))
        for c in members:
            quote_of[c.where] = qid
    out.sort(key=lambda q: (q.sources[0].source, q.sources[0].paragraph, q.sources[0].start, q.id))
    check_verbatim(out, paragraphs)
    return tuple(out), quote_of
