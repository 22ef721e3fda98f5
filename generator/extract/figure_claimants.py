"""Who states a figure when no quote or reported claim carries it: the object of "according
to X" in its sentence, or the subject of a verb of showing it hangs on ("a poll released on
Friday shows ...", "an analysis found ..."). Otherwise the article itself states it (None)."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from generator import lexicon
from generator.extract.figure_numbers import UnitData
from generator.model import QuoteClaim


@functools.cache
def _attribution_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in lexicon.read("speech").get("attribution_phrases") or ())


def _according_to(anchor: Any) -> str | None:
    """ "..., according to the Commerce Department": the object, as written."""
    sent = anchor.sent
    for tok in sent:
        first = tok.lower_
        for phrase in _attribution_phrases():
            if len(phrase) < 2 or phrase[0] != first:
                continue  # part of the test below, without slicing the doc
            words = tok.doc[tok.i:tok.i + len(phrase)]
            if len(words) < len(phrase) or tuple(w.lower_ for w in words) != phrase or len(phrase) < 2:
                continue
            obj = next((t for t in words[-1].children if t.dep_ == "pobj"), None)
            if obj is not None and not (obj.left_edge.i <= anchor.i <= obj.right_edge.i):
                return tok.doc[obj.left_edge.i:obj.right_edge.i + 1].text
    return None


def _shown_by(anchor: Any, ud: UnitData) -> str | None:
    """ "The latest opinion poll shows that Ruiz leads by 5 percent": the subject of the verb of
    showing above the figure, up to its head noun ("The latest opinion poll")."""
    tok = anchor
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ud.evidence_verbs:
            # A passive ("were reported by ...") names its claimant in the agent, if anywhere.
            agent = next((t for t in tok.children if t.dep_ == "agent"), None)
            subj = next((t for t in (agent.children if agent is not None else tok.children)
                         if t.dep_ == ("pobj" if agent is not None else "nsubj")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN", "ADJ") and not (subj.left_edge.i <= anchor.i <= subj.right_edge.i):
                return anchor.doc[subj.left_edge.i:subj.i + 1].text
            return None
    return None


def reporting(anchor: Any, claims: Sequence[QuoteClaim]) -> QuoteClaim | None:
    """A reported claim whose reporting verb governs the number although the claim's words stop
    before it ("Ruiz said the files were moved ... and spread over 55,000 pages")."""
    chain = [anchor, *anchor.ancestors]
    for q in claims:
        if q.cue is None or q.statement is None or not (q.statement.start <= anchor.idx < q.statement.end):
            continue
        cue = q.cue.split()[0].lower()
        for below, verb in zip(chain, chain[1:]):
            if verb.lower_ == cue and q.statement.start <= verb.idx < q.statement.end:
                # "73 percent said ...", "reported by two members": the figure is who speaks.
                return None if below.dep_ in ("nsubj", "nsubjpass", "agent") else q
    return None


def claimant(anchor: Any, ud: UnitData) -> str | None:
    return _according_to(anchor) or _shown_by(anchor, ud)
