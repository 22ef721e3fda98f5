"""Who said what: quote marks, cues, reported speech, speakers, merging and the page.

The sentences are about other stories than the seeds, so nothing here can pass by
knowing the seeds' names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import nlp
from generator.extract import figures, quotes
from generator.extract.quotes import quote_spans, verbatim
from generator.model import NotVerbatim
from generator.merge.actors import ActorIndex
from generator.merge.quotes import check_verbatim, merge_quotes, normalise
from generator.model import Article, Briefing, Extraction, Paragraph, Quote, QuoteClaim, Source, Where
from generator.render import render


def article(*paragraphs: str, id: str = "flood") -> Article:
    return Article(id=id, path=f"seeds/{id}.txt", title="T",
                   paragraphs=tuple(Paragraph(n, text) for n, text in enumerate(paragraphs, start=1)))


def claims(*paragraphs: str, id: str = "flood") -> tuple[QuoteClaim, ...]:
    a = article(*paragraphs, id=id)
    return quotes.extract(a, nlp.parse([a])[a.id], ())


def one(found, text: str) -> QuoteClaim:
    hits = [c for c in found if c.text == text]
    assert len(hits) == 1, [c.text for c in found]
    return hits[0]


# --- quote marks -------------------------------------------------------------

def test_curly_and_straight_quote_marks():
    text = 'He said “the road is shut” and "the bridge is open".'
    assert [text[s:e] for s, e in quote_spans(text)] == ["the road is shut", "the bridge is open"]


def test_unclosed_mark_is_ignored_and_later_quotes_still_found():
    text = "“The dam held, the engineer said. Later: “We were lucky.”"
    assert [text[s:e] for s, e in quote_spans(text)] == ["We were lucky."]
    assert quote_spans('A stray " mark') == []


def test_odd_marks_in_one_paragraph_do_not_break_the_next():
    found = claims(
        "The mayor’s “plan was rushed, residents said.",
        "“We will rebuild every house,” Mayor Lena Okafor said.",
    )
    c = one(found, "We will rebuild every house")
    assert (c.kind, c.speaker_text, c.cue, c.where.paragraph) == ("direct", "Lena Okafor", "said", 2)


# --- direct quotes -----------------------------------------------------------

def test_cue_after_the_quote_with_a_pronoun_resolved_to_the_named_subject():
    found = claims(
        "Mayor Lena Okafor visited the flooded district on Sunday.",
        "“The bridge will reopen on Friday. Nobody should drive through the water,” she tweeted.",
    )
    c = one(found, "The bridge will reopen on Friday. Nobody should drive through the water")
    assert (c.speaker_text, c.cue, c.speaker_named) == ("Lena Okafor", "tweeted", True)


def test_split_quote_keeps_one_speaker_for_both_parts():
    found = claims("“The water rose fast,” said Tomas Varga, a fire brigade commander. “We had no time to warn anyone.”")
    first, second = one(found, "The water rose fast"), one(found, "We had no time to warn anyone.")
    assert first.speaker_text == second.speaker_text == "Tomas Varga"
    assert first.cue == second.cue == "said"


def test_he_after_an_indefinite_description_is_that_person_not_an_earlier_name():
    found = claims(
        "Governor Amara Diallo toured the camp on Monday.",
        "On Tuesday, a council member criticised the relief effort. He said the aid “arrived far too late,” and left.",
    )
    c = one(found, "arrived far too late")
    assert (c.speaker_text, c.speaker_named) == ("a council member", False)


def test_they_is_the_last_group_not_the_last_person():
    found = claims(
        "Engineers from the water board met Mayor Lena Okafor on Monday.",
        "They said the pumps would be replaced by June.",
    )
    assert one(found, "the pumps would be replaced by June").speaker_text == "Engineers from the water board"


def test_scare_quotes_and_nicknames_are_not_quotes():
    found = claims("The storm, dubbed “the beast” by forecasters, moved north.")
    assert [c for c in found if c.kind == "direct"] == []


# --- reported speech ---------------------------------------------------------

def test_told_an_outlet_then_the_outlet():
    found = claims(
        "Tomas Varga told Radio Danube that the dam was never inspected.",
        "He told the outlet the repairs would take a year.",
    )
    assert one(found, "the dam was never inspected").via == ("Radio Danube",)
    later = one(found, "the repairs would take a year")
    assert (later.speaker_text, later.via) == ("Tomas Varga", ("Radio Danube",))


def test_according_to_an_outlet_and_per_an_agency():
    found = claims(
        "The river peaked at nine metres on Monday, according to the Valley Courier.",
        "Two villages were evacuated overnight, per Danube Press.",
    )
    a = one(found, "The river peaked at nine metres on Monday")
    b = one(found, "Two villages were evacuated overnight")
    assert (a.speaker_text, a.cue, a.via) == (None, "according to", ("the Valley Courier",))
    assert (b.speaker_text, b.cue, b.via) == (None, "per", ("Danube Press",))


def test_conjoined_verb_shares_the_subject():
    found = claims("Okafor has called for calm but has said the dam is safe.")
    assert one(found, "the dam is safe").speaker_text == "Okafor"
    assert one(found, "calm").cue == "called for"


def test_claim_inside_an_outlets_report_names_the_outlet_as_via():
    found = claims("Residents claim the levee was never inspected, the Courier said.")
    c = one(found, "the levee was never inspected")
    assert (c.speaker_text, c.cue, c.via) == ("Residents", "claim", ("the Courier",))
    assert not [x for x in found if x.cue == "said"]


def test_a_speaker_who_reports_another_claim_keeps_the_whole_clause_as_their_own():
    # The cue before the clause: what the engineer said is that the mayor promised, a row of its own.
    found = claims("The engineer says the mayor promised to close the bridge.")
    inner = one(found, "to close the bridge")
    assert (inner.speaker_text, inner.cue, inner.via) == ("the mayor", "promised", ("The engineer",))
    outer = one(found, "the mayor promised to close the bridge")
    assert (outer.speaker_text, outer.cue) == ("The engineer", "says")


def test_negated_speech_is_not_a_claim():
    assert claims("The board did not say whether the dam was safe.") == ()


def test_every_claim_is_verbatim_and_the_check_raises():
    found = claims("“The water rose fast,” said Tomas Varga. He added that 300 homes were flooded.")
    assert found
    for c in found:
        assert verbatim(c, "“The water rose fast,” said Tomas Varga. He added that 300 homes were flooded.") is c
    bad = QuoteClaim("The water rose quickly", "direct", None, None, Where("flood", 1, 1, 20))
    with pytest.raises(NotVerbatim):
        verbatim(bad, "“The water rose fast,” said Tomas Varga.")


CASES = [
    # (paragraph or paragraphs, claim text, speaker, cue, via)
    ("“We are running out of sandbags,” Okafor was quoted as saying by the Valley Courier.",
     "We are running out of sandbags", "Okafor", "was quoted as saying", ("the Valley Courier",)),
    ("“They have abandoned us,” a local shopkeeper said.", "They have abandoned us", "a local shopkeeper", "said", ()),
    ("Governor Amara Diallo visited the camp. She added that 40 families had lost their homes, according to Danube Press.",
     "40 families had lost their homes", "Amara Diallo", "added", ("Danube Press",)),
    # A partial quote cued before it.
    ("Tomas Varga said the levee “should have been raised years ago,” but gave no names.",
     "should have been raised years ago", "Tomas Varga", "said", ()),
    # A definite role refers back to the named holder of that role.
    (("Nadia Petrova, a spokeswoman for the water board, visited the pumping station.",
      "The spokeswoman said three pumps had failed overnight."),
     "three pumps had failed overnight", "Nadia Petrova", "said", ()),
    ("It was announced by the ministry that schools would close.", "schools would close", "the ministry", "announced", ()),
    # An audience is not an intermediary that carried the words.
    ("Finance Minister Karl Jensen told a news conference that the fund would double.",
     "the fund would double", "Karl Jensen", "told", ()),
    ("The pumps failed before midnight, according to a source at the water board.",
     "The pumps failed before midnight", "a source at the water board", "according to", ()),
]


@pytest.mark.parametrize("paragraph, text, speaker, cue, via", CASES)
def test_speaker_cue_and_intermediary(paragraph, text, speaker, cue, via):
    c = one(claims(*(paragraph if isinstance(paragraph, tuple) else (paragraph,))), text)
    assert (c.speaker_text, c.cue, c.via) == (speaker, cue, via)


# --- merging -----------------------------------------------------------------

def _source(id: str, *texts: str) -> Source:
    return Source(article(*texts, id=id))


def _claim(source: str, paragraph: str, text: str, kind="direct", speaker="Lena Okafor", via=(), named=True) -> QuoteClaim:
    at = paragraph.index(text)
    return QuoteClaim(text, kind, speaker, "said", Where(source, 1, at, at + len(text)), via=tuple(via),
                      speaker_named=named)


def test_same_quote_in_several_sources_is_one_row_listing_each():
    pa = "“The bridge will reopen on Friday, and buses will run,” Okafor said."
    pb = "“The bridge will reopen on Friday,” Okafor said."
    pc = "“The bridge will re-open on Friday,” she said."
    pd = "“The bridge may reopen on Friday,” Okafor said."
    sources = [_source("a", pa), _source("b", pb), _source("c", pc), _source("d", pd)]
    ex = [
        Extraction("a", quotes=(_claim("a", pa, "The bridge will reopen on Friday, and buses will run"),)),
        Extraction("b", quotes=(_claim("b", pb, "The bridge will reopen on Friday", via=["Radio Danube"]),)),
        Extraction("c", quotes=(_claim("c", pc, "The bridge will re-open on Friday"),)),
        Extraction("d", quotes=(_claim("d", pd, "The bridge may reopen on Friday"),)),
    ]
    merged = merge_quotes(ex, ActorIndex(), sources)
    rows = {q.text: [w.source for w in q.sources] for q in merged}
    # "re-open" normalises to other words than "reopen", and "may" is a different claim.
    assert rows == {
        "The bridge will reopen on Friday, and buses will run": ["a", "b"],
        "The bridge will re-open on Friday": ["c"],
        "The bridge may reopen on Friday": ["d"],
    }
    assert next(q for q in merged if len(q.sources) == 2).via == ("Radio Danube",)


def test_claim_nested_in_another_of_the_same_paragraph_stays_its_own_row():
    p = "The agency reported that the mayor vowed to rebuild every house"
    ex = [Extraction("a", quotes=(
        _claim("a", p, "the mayor vowed to rebuild every house", kind="indirect", speaker="The agency"),
        _claim("a", p, "to rebuild every house", kind="indirect", speaker="the mayor"),
    ))]
    assert len(merge_quotes(ex, ActorIndex(), [_source("a", p)])) == 2


def test_speakers_link_to_actors_through_the_index():
    p = "“We will rebuild,” Lena Okafor said."
    ex = [Extraction("a", quotes=(_claim("a", p, "We will rebuild"),))]
    (q,) = merge_quotes(ex, ActorIndex({"Lena Okafor": "lena-okafor"}), [_source("a", p)])
    assert (q.speaker, q.speaker_text) == ("lena-okafor", "Lena Okafor")
    (q,) = merge_quotes(ex, ActorIndex(), [_source("a", p)])
    assert q.speaker is None
    # A description is kept as written, never looked up: the index would find the party in it.
    p = "“We will rebuild,” a Green Party leader said."
    ex = [Extraction("a", quotes=(_claim("a", p, "We will rebuild", speaker="a Green Party leader", named=False),))]
    (q,) = merge_quotes(ex, ActorIndex({"a Green Party leader": "green-party"}), [_source("a", p)])
    assert (q.speaker, q.speaker_text) == (None, "a Green Party leader")


def test_check_verbatim_refuses_text_not_in_the_paragraph():
    p = "“We will rebuild,” Lena Okafor said."
    good = Quote("q", "We will rebuild", "direct", None, None, "said", (Where("a", 1, 1, 16),))
    check_verbatim([good], {("a", 1): p})
    with pytest.raises(NotVerbatim):
        check_verbatim([Quote("q", "We shall rebuild", "direct", None, None, "said", (Where("a", 1, 1, 16),))], {("a", 1): p})
    with pytest.raises(NotVerbatim):
        check_verbatim([Quote("q", "We will rebuild", "direct", None, None, "said", (Where("a", 1, 1, 16), Where("a", 1, 20, 30)))], {("a", 1): p})


def test_normalise_ignores_punctuation_and_case():
    assert normalise("“We’re  ready,” — SAID") == normalise("we're ready said") == "were ready said"


# --- the seeds' build: every quote verbatim -------------------------------------

def test_every_quote_of_the_seeds_is_verbatim_in_each_source(seeds_briefing):
    paragraphs = {(s.id, p.n): p.text for s in seeds_briefing.sources for p in s.article.paragraphs}
    assert seeds_briefing.quotes
    check_verbatim(seeds_briefing.quotes, paragraphs)
    for q in seeds_briefing.quotes:
        assert any(paragraphs[(w.source, w.paragraph)][w.start:w.end] == q.text for w in q.sources)
        for w in q.sources:
            assert normalise(paragraphs[(w.source, w.paragraph)][w.start:w.end]) in normalise(q.text)


def test_seed_quotes_with_tricky_speakers(seeds_briefing):
    def row(start: str) -> Quote:
        (q,) = [q for q in seeds_briefing.quotes if q.text.startswith(start)]
        return q

    tweeted = row("Last night, the Taliban attacked Panjshir")
    assert (tweeted.speaker_text, tweeted.cue) == ("Bismillah Mohammadi", "tweeted")
    assert len({w.source for w in tweeted.sources}) == 3
    assert row("The problem is that").via == ("The Wall Street Journal",)
    assert row("They (Taliban) are using").speaker_text == "an NRF source"
    assert row("should be resolved peacefully").speaker_text == "a Taliban leader"
    assert row("there had been three attacks").via == ("India Today",)


# --- the page ----------------------------------------------------------------

def test_who_said_what_page_has_a_sortable_table_and_speaker_sections():
    p = "“<b>We</b> will *rebuild*,” Lena Okafor said."
    q = Quote("q-1", "<b>We</b> will *rebuild*", "direct", "lena-okafor", "Lena Okafor", "said",
              (Where("a", 1, 1, 25),), via=("Radio Danube",), date="2024-05-02")
    r = Quote("q-2", "the dam is safe", "indirect", None, None, "according to", (Where("a", 1, 0, 5),))
    s = Quote("q-3", "the dam is old", "indirect", None, "an engineer", "said", (Where("a", 1, 0, 5),))
    briefing = Briefing("B", "d", (_source("a", p),), quotes=(q, r, s))
    page = render(briefing)["quotes.md"]
    assert "<table class=\"briefing-table briefing-quotes\" data-sortable>" in page
    assert "&lt;b&gt;We&lt;/b&gt; will *rebuild*" in page and "<b>We</b>" not in page
    assert '<a href="../actors/lena-okafor/">Lena Okafor</a>' in page
    assert "### Lena Okafor" in page and "### Unattributed" in page
    # Descriptions sort by their noun ("engineer"), and the unattributed come last.
    assert page.index("### an engineer") < page.index("### Lena Okafor") < page.index("### Unattributed")
    assert "Radio Danube" in page and "2024-05-02" in page
    assert '<a href="../sources/a/#p1">a ¶1</a>' in page


# --- any text ------------------------------------------------------------------

PIECES = ["“", "”", '"', "«", "»", ",", ".", " said", " told the Courier", " she", " He", " according to",
          " Mayor Jo Lee", " a guard", " that", " 12 people were killed", " at least", " the river", "\u00a0", "…"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
def test_any_mix_of_marks_and_cues_gives_verbatim_claims_or_none(pieces):
    text = "".join(pieces).strip() or "x"
    a = article(text)
    docs = nlp.parse([a])[a.id]
    found = quotes.extract(a, docs, ())
    for c in found:
        assert text[c.where.start:c.where.end] == c.text and c.text.strip()
    for f in figures.extract(a, docs, found):
        assert text[f.where.start:f.where.end] == f.expression


def test_a_merged_quote_shows_the_speaker_a_source_names_over_one_only_described():
    # The longer copy only describes who spoke; the other source names her: the row is hers.
    pa = "“The ferry will sail at dawn, weather permitting,” the spokeswoman said."
    pb = "“The ferry will sail at dawn, weather permitting,” Ines Calloway said."
    ex = [
        Extraction("a", quotes=(_claim("a", pa, "The ferry will sail at dawn, weather permitting",
                                       speaker="the spokeswoman", named=False),)),
        Extraction("b", quotes=(_claim("b", pb, "The ferry will sail at dawn, weather permitting",
                                       speaker="Ines Calloway"),)),
    ]
    (q,) = merge_quotes(ex, ActorIndex({"Ines Calloway": "ines-calloway"}), [_source("a", pa), _source("b", pb)])
    assert (q.speaker, q.speaker_text) == ("ines-calloway", "Ines Calloway")


def test_a_paragraph_opening_with_a_closing_mark_is_a_quote_signed_after_it():
    found = claims("”The ferry is late every single day. Nobody at the company answers our calls.” ― Ana Ruiz.")
    c = one(found, "The ferry is late every single day. Nobody at the company answers our calls.")
    assert (c.kind, c.speaker_text, c.cue) == ("direct", "Ana Ruiz", "―")
    # Only at the start of a paragraph: a stray closing mark inside narrative opens nothing.
    text = "The ferry ” was late and the “crew” left."
    assert [text[s:e] for s, e in quote_spans(text)] == ["crew"]


def test_a_no_break_space_alone_between_marks_is_no_quote():
    assert claims("“\xa0” said Ruiz.") == ()
