"""Actors against the gold annotations (tests/gold/actors.yml).

Measures:
- actors: one profile per gold actor. A profile whose name is no gold form is a false
  positive; a second profile for an already matched gold actor (a split) is one too.
- kinds: the kind of each matched actor (precision is the share right).
- merges: every alias the generator folded is checked against the gold actor of its
  name; every gold form missing from its actor's profile is a false negative.
- short forms: surnames two actors share, resolved per mention as the gold says.
- kept apart, not actors, roles, relations: recall of what the gold lists.
"""
from __future__ import annotations

from collections import defaultdict

from generator.merge.actors import form_key
from generator.model import Actor, Briefing
from generator.scoring import Score

ACTOR_KINDS = ("person", "organization", "place")


def _gold_forms(gold: dict) -> dict[str, set[str]]:
    """form key -> gold actor names it may stand for."""
    out: dict[str, set[str]] = defaultdict(set)
    for g in gold.get("actors", []):
        for form in [g["name"], *(g.get("forms") or [])]:
            out[form_key(str(form))].add(g["name"])
    return out


def _match(actors: list[Actor], forms: dict[str, set[str]]) -> dict[str, str | None]:
    """system actor id -> gold actor name, by the actor's name (unique gold names only)."""
    out: dict[str, str | None] = {}
    for a in actors:
        names = forms.get(form_key(a.name), set())
        out[a.id] = next(iter(names)) if len(names) == 1 else None
    return out


def score(briefing: Briefing, gold: dict) -> list[Score]:
    actors = [a for a in briefing.actors if a.kind in ACTOR_KINDS]
    by_id = {a.id: a for a in actors}
    forms = _gold_forms(gold)
    gold_actors = {g["name"]: g for g in gold.get("actors", [])}
    match = _match(actors, forms)
    profiles: dict[str, list[str]] = defaultdict(list)
    for aid, name in match.items():
        if name:
            profiles[name].append(aid)
    scores: list[Score] = []

    tp = len(profiles)
    fp = sum(1 for name in match.values() if name is None) + sum(len(v) - 1 for v in profiles.values())
    fn = len(gold_actors) - tp
    extra = sorted(by_id[aid].name for aid, name in match.items() if name is None)
    missing = sorted(set(gold_actors) - set(profiles))
    scores.append(Score("actors", "actors (one profile each)", tp, fp, fn, _note(extra=extra, missing=missing)))

    right = sum(1 for name, ids in profiles.items() if by_id[ids[0]].kind == gold_actors[name]["kind"])
    wrong = sorted(f"{name}: {by_id[ids[0]].kind}" for name, ids in profiles.items() if by_id[ids[0]].kind != gold_actors[name]["kind"])
    scores.append(Score("actors", "kind of matched actors", right, len(profiles) - right, 0, _note(wrong=wrong)))

    tp = fp = fn = 0
    bad, lost = [], []
    for aid, name in match.items():
        if not name:
            continue
        for alias in by_id[aid].aliases:
            if name in forms.get(form_key(alias), set()):
                tp += 1
            else:
                fp += 1
                bad.append(f"{alias} -> {name}")
    for name, g in gold_actors.items():
        have = {form_key(f) for aid in profiles.get(name, [])[:1] for f in (by_id[aid].name, *by_id[aid].aliases)}
        for form in {form_key(str(f)) for f in g.get("forms") or []}:
            if form not in have and form != form_key(name):
                fn += 1
                lost.append(f"{form} -> {name}")
    scores.append(Score("actors", "merges (alias in the right actor)", tp, fp, fn, _note(wrong=sorted(bad), missing=sorted(lost))))

    def resolved(m: dict) -> bool:
        return any(
            w.source == m["source"] and w.paragraph == m["paragraph"] and match.get(a.id) == m["actor"]
            and form_key(m["text"]) in {form_key(f) for f in (a.name, *a.aliases)}
            for a in actors for w in a.mentions
        )

    def apart(a: str, b: str) -> bool:
        ids_a, ids_b = set(profiles.get(a, [])), set(profiles.get(b, []))
        return bool(ids_a and ids_b) and not any(form_key(b) in {form_key(f) for f in (by_id[i].name, *by_id[i].aliases)} for i in ids_a)

    def has_role(name: str, role: str) -> bool:
        return role.lower() in " | ".join(r.lower() for aid in profiles.get(name, []) for r, _ in by_id[aid].roles)

    def related(r: dict) -> bool:
        objects = set(profiles.get(r["object"], []))
        return any(rel.lower().startswith(r["relation"].lower()) and other in objects
                   for aid in profiles.get(r["subject"], []) for rel, other, _ in by_id[aid].relations)

    names = {form_key(f) for a in actors for f in (a.name, *a.aliases)}
    scores += [
        _recall("shared short forms, per mention", [(f"{m['text']} {m['source'][:3]} ¶{m['paragraph']}", resolved(m)) for m in gold.get("mentions") or []]),
        _recall("pairs kept apart", [(f"{a} / {b}", apart(a, b)) for a, b in gold.get("apart") or []]),
        _recall("non-actors kept out", [(str(n), form_key(str(n)) not in names) for n in gold.get("not_actors") or []]),
        _recall("roles (title on the profile)", [(f"{name}: {role}", has_role(name, role)) for name, g in gold_actors.items() for role in g.get("roles") or []]),
        _recall("relations between actors", [(f"{r['subject']} {r['relation']} {r['object']}", related(r)) for r in gold.get("relations") or []]),
    ]
    return scores


def _recall(measure: str, checks: list[tuple[str, bool]]) -> Score:
    """A measure of what the gold lists: found ones are true positives, the rest are missed."""
    missed = [what for what, ok in checks if not ok]
    return Score("actors", measure, len(checks) - len(missed), 0, len(missed), _note(missing=missed))


def _note(**lists: list[str]) -> str:
    return "; ".join(f"{k}: {', '.join(v)}" for k, v in lists.items() if v)
