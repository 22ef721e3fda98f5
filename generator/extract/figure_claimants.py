"""Who states a figure when no quote or reported claim carries it: the subject of a verb of
showing it hangs on ("a poll released on Friday shows ...", "an analysis found ...") or the agent
of its passive ("... was reported by the board"). Otherwise the article itself states it (None).
"According to X" and "per X" are read by the quote extractor, whose claim then carries the figure."""
from __future__ import annotations

from typing import Any

from generator.extract.figure_numbers import UnitData


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


def claimant(anchor: Any, ud: UnitData) -> str | None:
    return _shown_by(anchor, ud)
