"""The tense a time expression is told in, from the parse: the verb the time belongs to, its
auxiliaries, and a verb of planning above it. Resolution reads it to place a bare weekday, month
or day before or after the anchor (TimeML's use of tense); the words are in data/time_words.yml."""
from __future__ import annotations

from typing import Any

from generator.extract.timex_find import words


def of(start: int, end: int, doc: Any) -> str | None:
    """'future' or 'past' from the verb the time belongs to (its auxiliaries, its tag, or a verb
    of planning above it: "is expected to meet Tuesday"); None where the parse says neither."""
    if doc is None:
        return None
    # The tokens that overlap the characters, not the whole paragraph: the same tokens.
    # (None when the characters are not in the doc: then the whole paragraph is looked at.)
    near = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    inside = [t for t in (doc if near is None else near) if start <= t.idx < end]
    if not inside:
        return None
    w = words()
    verb = inside[0]
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX") and not start <= verb.idx < end:
            break
        if verb.head == verb:  # spaCy Tokens are made anew on each access: compare, never `is`
            return None
        verb = verb.head
    else:
        return None
    # "will start running Tuesday", "began to sail Monday": the verb a verb of aspect (start, stop,
    # resume ...) governs happens when that verb does, so it is told in that verb's tense ("agreed to
    # buy it in February" is not: the buying comes after the agreeing)
    for _ in range(4):
        if verb.dep_ != "xcomp" or verb.head == verb or verb.head.lemma_ not in w["aspect_verbs"] \
                or any(k.dep_ in ("aux", "auxpass") and k.tag_ != "TO" for k in verb.children):
            break
        verb = verb.head
    auxes = [k for k in verb.children if k.dep_ in ("aux", "auxpass")]
    plan = verb.head if verb.tag_ == "VB" and verb.head.lemma_ in w["future_heads"] else verb
    # the verbs a plan hangs from: "had been due to take place": take <- due <- been (had)
    chain = [plan]
    while chain[-1].dep_ in ("xcomp", "acomp", "oprd") and chain[-1].head != chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    plan_auxes = [k for c in chain for k in c.children if k.dep_ in ("aux", "auxpass")] if plan != verb else []
    # A plan told in the simple past ("exemptions were set to expire Tuesday", "they planned to meet
    # Friday") was for a day either side of the telling: the occurrence nearest the anchor. In the
    # past perfect ("had been due to take place Monday") it was for a day already gone.
    if plan != verb and (any(c.tag_ == "VBD" for c in chain) or any(k.tag_ == "VBD" for k in plan_auxes)):
        return "past" if any(k.lemma_ == "have" for k in plan_auxes) else "nearest"
    # "may have been responsible on Wednesday": a modal of possibility with the perfect looks back
    # ("will have finished by Friday", a future perfect, still looks ahead)
    if any(k.lower_ in w["perfect_modals"] for k in auxes) and any(k.lemma_ == "have" for k in auxes):
        return "past"
    if any(k.lower_ in w["future_auxiliaries"] for k in auxes + plan_auxes):
        return "future"
    # "had been due to expire Friday": a plan told in the past tense is a past day
    if any(k.tag_ == "VBD" for k in auxes + plan_auxes) or verb.tag_ == "VBD" or plan.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(k.lemma_ == "have" for k in auxes):
        return "past"
    if plan != verb or verb.lemma_ in w["future_verbs"]:
        return "future"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not auxes:
        # "will speak Tuesday, followed by a speech Wednesday": a participle with no auxiliary opening
        # an adverbial clause takes the future of the clause it hangs from (a reduced relative, below, does not)
        above = verb.head
        for _ in range(12):
            if above.pos_ in ("VERB", "AUX") or above.head == above:
                break
            above = above.head
        if verb.dep_ == "advcl" and any(k.dep_ in ("aux", "auxpass") and k.lower_ in w["future_auxiliaries"] for k in above.children):
            return "future"
        # "the year ended March 31", "shares sold Tuesday": modifying a noun (a reduced relative
        # clause) it tells what is done; verbs of planning were caught above
        if verb.dep_ == "acl":
            return "past"
    if verb.tag_ == "VBG" and any(k.lemma_ == "be" and k.tag_ in ("VBZ", "VBP") for k in auxes):
        return "future"  # "is meeting Tuesday": the present progressive of a plan
    # ("Following are statements made Thursday": a present "be" or "have" plans nothing)
    # ("Bank shares hurt the index on Friday": a verb whose past is spelt as its present tells neither)
    if verb.tag_ == "VBP" and verb.lower_ in w["same_past_and_present"]:
        return None
    if verb.tag_ in ("VBP", "VBZ") and verb.lemma_ not in ("be", "have") and not any(t.dep_ in ("poss", "case") for t in inside):
        return "present"  # "meet Monday": a weekday in the present tense is still to come
    return None
