"""Short labels left in the body that only the parse tells from text: a sub-head of one or two
words with no verb, and a picture credit that the page repeats alone under each picture. Both are
set aside after parsing, like captions, and listed with the removed lines with their reason.
Every article here is invented."""
from __future__ import annotations

import pytest
from conftest import write_seeds

from generator import nlp, pipeline
from generator.extract import captions
from generator.settings import Settings

ARTICLE = """Harbour repairs run over budget

The harbour board said on Monday that repairs to the north quay would cost twice the estimate.

Wirephoto.

Cranes stood idle on the quay for most of the winter while engineers tested the old piles.

The money.

The board had set aside four million for the work, and the contractor now asks for eight.

Wirephoto.

Higher fees.

Fishing crews moored at the south quay, where the berths are shorter and the fees higher.

What does the board want now?

Patience.

Councillor Ruiz said the board would publish the contractor's figures before the next meeting.
"""


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory):
    seeds = write_seeds(tmp_path_factory.mktemp("labels") / "seeds", {"quay.txt": ARTICLE})
    return pipeline.build_briefing(seeds, Settings(cache=False))


def test_a_verbless_sub_head_is_set_aside_with_its_reason(briefing):
    (source,) = briefing.sources
    removed = {r.text: r.reason for r in source.article.removed}
    assert removed.get("The money.") == captions.REASON_SUB_HEAD
    assert removed.get("Higher fees.") == captions.REASON_SUB_HEAD


def test_a_name_repeated_alone_is_set_aside_as_a_photo_credit(briefing):
    (source,) = briefing.sources
    credits = [r for r in source.article.removed if r.text == "Wirephoto."]
    assert [r.reason for r in credits] == [captions.REASON_CREDIT] * 2
    lines = ARTICLE.splitlines()
    assert [r.line for r in credits] == [i + 1 for i, t in enumerate(lines) if t == "Wirephoto."]


def test_an_answer_after_a_question_and_the_text_around_the_labels_stay(briefing):
    (source,) = briefing.sources
    kept = [p.text for p in source.article.paragraphs]
    assert "Patience." in kept
    assert kept[0].startswith("The harbour board said") and kept[-1].startswith("Councillor Ruiz said")
    assert len(kept) == 7


@pytest.mark.parametrize("text", [
    "Ana Ruiz.",  # a letter's signature
    "Marlow, Maine.",  # where the letter was written
    "Yes.",  # an answer
    "That's correct.",  # a sentence
    "Stop lying",  # a verb
    "Three floors.",  # a figure
])
def test_a_short_paragraph_that_is_no_sub_head(text):
    assert not captions.is_sub_head(text, nlp.load(None)(text))


@pytest.mark.parametrize("text", ["The money.", "Higher fees.", "Aftermath", "Two-tier service."])
def test_a_short_noun_phrase_is_a_sub_head(text):
    assert captions.is_sub_head(text, nlp.load(None)(text))
