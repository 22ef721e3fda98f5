"""Who said what, scored against tests/gold/quotes.yml.

Gold items name a source and a verbatim piece of its text; they are located in the
cleaned paragraphs here, so the gold survives changes to paragraph numbering. A found
quote matches a gold one in the same paragraph when their character spans overlap by
at least half of the longer one (reported speech has no marks to fix its ends). Each
quote counts once per source that carries it. Speaker, cue and intermediary are
scored on the matched pairs only, as accuracy (precision = recall there).
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.merge.quotes import normalise
from generator.model import Briefing, Where
from generator.scoring import Score, spans_of

OVERLAP = 0.5


@dataclass(frozen=True)
class Found:
    where: Where
    kind: str
    names: tuple[str, ...]  # the speaker as shown, and the actor's spellings when linked
    cue: str
    via: tuple[str, ...]
    extra: tuple = ()


def _name_key(text: str | None) -> str:
    key = normalise(text or "")
    return key[4:] if key.startswith("the ") else key


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(a[1] - a[0], b[1] - b[0], 1)


def _match(gold: list[dict], found: list[Found], briefing: Briefing) -> tuple[list[tuple[dict, Found]], int, int, list[str]]:
    """Greedy one-to-one matching by overlap; returns pairs, unmatched found, unmatched gold, notes."""
    candidates = []
    notes = []
    for gi, g in enumerate(gold):
        places = [(w.paragraph, w.start, w.end) for w in spans_of(briefing, g["source"], g["text"])]
        if not places:
            notes.append(f"gold text not in cleaned {g['source']}: {g['text'][:40]!r}")
        for n, start, end in places:
            for fi, f in enumerate(found):
                if f.where.source == g["source"] and f.where.paragraph == n:
                    ov = _overlap((start, end), (f.where.start, f.where.end))
                    if ov >= OVERLAP:
                        candidates.append((-ov, gi, fi))
    used_g, used_f, pairs = set(), set(), []
    for _, gi, fi in sorted(candidates):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            pairs.append((gold[gi], found[fi]))
    notes += [f"missing {g['source'][:3]}: {_short(g['text'])}" for gi, g in enumerate(gold) if gi not in used_g]
    notes += [f"extra {f.where.source[:3]} ¶{f.where.paragraph}: {_short(_text(briefing, f.where))}"
              for fi, f in enumerate(found) if fi not in used_f]
    return pairs, len(found) - len(used_f), len(gold) - len(used_g), notes


def _short(text: str, size: int = 40) -> str:
    return repr(text if len(text) <= size else text[:size] + "…")


def _text(briefing: Briefing, w: Where) -> str:
    for s in briefing.sources:
        if s.id == w.source:
            return next((p.text[w.start:w.end] for p in s.article.paragraphs if p.n == w.paragraph), "")
    return ""


def _accuracy(part: str, measure: str, pairs: list[tuple[dict, Found]], check, shown) -> Score:
    """Accuracy on matched items (precision = recall), with the wrong ones listed."""
    wrong = [f"{_short(g['text'], 30)} got {shown(f)!r}" for g, f in pairs if not check(g, f)]
    right = len(pairs) - len(wrong)
    return Score(part, measure, right, len(wrong), len(wrong), note="; ".join(wrong))


def _speaker_ok(g: dict, f: Found) -> bool:
    accepted = g.get("speaker")
    if accepted is None:
        return not f.names
    keys = {_name_key(a) for a in accepted}
    return any(_name_key(n) in keys for n in f.names)


def _via_ok(g: dict, f: Found) -> bool:
    want = {_name_key(v) for v in g.get("via") or ()}
    got = {_name_key(v) for v in f.via}
    if not want:
        return not got
    return bool(got) and all(any(w == x for w in want) for x in got)


def _cue_ok(g: dict, f: Found) -> bool:
    want, got = normalise(str(g.get("cue") or "")), normalise(f.cue)
    return bool(want) and (want == got or got.startswith(want) or want.startswith(got))


def score(briefing: Briefing, gold: dict) -> list[Score]:
    actors = {a.id: a for a in briefing.actors}

    def names(actor_id: str | None, text: str | None) -> tuple[str, ...]:
        a = actors.get(actor_id or "")
        shown = (a.name, *a.aliases) if a else ()
        return tuple(n for n in (text, *shown) if n)

    scores: list[Score] = []
    matched: list[tuple[dict, Found]] = []
    for kind, key, label in (("direct", "direct", "direct quotes"), ("indirect", "reported", "reported speech")):
        found = [Found(w, q.kind, names(q.speaker, q.speaker_text), q.cue or "", q.via)
                 for q in briefing.quotes if q.kind == kind for w in q.sources]
        pairs, fp, fn, notes = _match(list(gold.get(key) or ()), found, briefing)
        scores.append(Score("quotes", label, len(pairs), fp, fn, note="; ".join(notes)))
        matched.extend(pairs)
    scores.append(_accuracy("quotes", "speaker (matched quotes)", matched, _speaker_ok, lambda f: f.names[:1]))
    scores.append(_accuracy("quotes", "cue (matched quotes)", matched, _cue_ok, lambda f: f.cue))
    scores.append(_accuracy("quotes", "via (matched quotes)", matched, _via_ok, lambda f: f.via))

    figures = list(gold.get("figures") or ())
    found = [Found(w, f.subject, names(f.claimant, f.claimant_text), "", (), (f.subject, f.value))
             for f in briefing.figures for w in f.sources]
    pairs, fp, fn, notes = _match_figures(figures, found, briefing)
    scores.append(Score("figures", "numeric claims (subject and value)", len(pairs), fp, fn, note="; ".join(notes)))
    scores.append(_accuracy("figures", "claimant (matched figures)", pairs,
                            lambda g, f: _speaker_ok({"speaker": g.get("claimant")}, f), lambda f: f.names[:1]))
    # Only casualty golds name a side (or null for none); other figures carry no "side" key.
    scores.append(_accuracy("figures", "side (matched figures)", [(g, f) for g, f in pairs if "side" in g],
                            _side_ok, lambda f: f.extra[0]))
    return scores


def _value(v) -> object:
    return tuple(v) if isinstance(v, list) else v


def _match_figures(gold: list[dict], found: list[Found], briefing: Briefing):
    """A figure matches when it is in the gold paragraph, overlaps the gold words, and
    has the same value and kind of subject."""
    def same(g: dict, f: Found) -> bool:
        subject, value = f.extra
        # A casualty subject ends with its kind ("rebels killed"); other subjects name the
        # counted noun anywhere ("members of the group").
        kind = subject.split()[-1] == g["kind"] if "side" in g else g["kind"] in subject.casefold().split()
        return kind and _value(value) == _value(g["value"])

    pairs, used, notes, misses = [], set(), [], 0
    for g in gold:
        places = [(w.paragraph, w.start, w.end) for w in spans_of(briefing, g["source"], g["text"])]
        if not places:
            notes.append(f"gold text not in cleaned {g['source']}: {g['text'][:40]!r}")
        best = None
        for n, start, end in places:
            for fi, f in enumerate(found):
                if fi in used or f.where.source != g["source"] or f.where.paragraph != n or not same(g, f):
                    continue
                if min(end, f.where.end) > max(start, f.where.start):
                    best = fi
                    break
            if best is not None:
                break
        if best is None:
            misses += 1
            notes.append(f"missing {g['source'][:3]}: {_short(g['text'])}")
        else:
            used.add(best)
            pairs.append((g, found[best]))
    notes += [f"extra {f.where.source[:3]} ¶{f.where.paragraph}: {f.extra[0]} {f.extra[1]}"
              for fi, f in enumerate(found) if fi not in used]
    return pairs, len(found) - len(used), misses, notes


def _side_ok(g: dict, f: Found) -> bool:
    subject = f.extra[0]
    side = subject.rsplit(" ", 1)[0] if " " in subject else None
    return _name_key(side) == _name_key(g.get("side"))
