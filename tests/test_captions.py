"""Photo captions left in the body without a marker are set aside after parsing: listed with the
removed lines (line and reason), and nothing is taken from them. Prose fragments stay. Every
article here is invented."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_seeds

from generator import nlp, pipeline
from generator.extract import captions
from generator.settings import Settings

ARTICLE = """Flood waters recede in river town

The river fell by two metres overnight, the county's emergency office said on Tuesday.
Rescue workers searching the rubble in Marlow on Tuesday.
Officials said 40 homes had been damaged and that the bridge would stay closed for a week.
A volunteer from the parish carrying sandbags along the embankment.
Two ferrymen waving from a barge bound for the United States.
Residents of the lower town at the school hall in Marlow on Monday night.
Pickets outside the mill in Marlow last week over the planned closure of the ferry.
"We have never seen water this high," said Petra Lindqvist, who runs the bakery on the quay.
Idris Okonjo of the parish council, centre, at a meeting in Marlow on Wednesday.
"""


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory):
    seeds = write_seeds(tmp_path_factory.mktemp("captions") / "seeds", {"flood.txt": ARTICLE})
    return pipeline.build_briefing(seeds, Settings(cache=False))


def test_each_caption_shape_is_set_aside_with_its_line_and_reason(briefing):
    (source,) = briefing.sources
    removed = {r.text: r for r in source.article.removed}
    lines = ARTICLE.splitlines()
    for caption in ("Rescue workers searching the rubble in Marlow on Tuesday.",  # participle, no auxiliary
                    "A volunteer from the parish carrying sandbags along the embankment.",  # noun + participle
                    "Two ferrymen waving from a barge bound for the United States.",  # "States" is no speech word
                    "Residents of the lower town at the school hall in Marlow on Monday night.",  # placed and dated
                    "Pickets outside the mill in Marlow last week over the planned closure of the ferry.",  # a participle before its noun
                    "Idris Okonjo of the parish council, centre, at a meeting in Marlow on Wednesday."):
        assert removed[caption].reason == captions.REASON
        assert removed[caption].line == lines.index(caption) + 1
    kept = [p.text for p in source.article.paragraphs]
    assert not any(text in kept for text in removed)
    assert kept[0].startswith("The river fell") and kept[-1].startswith('"We have never')


def test_nothing_is_taken_from_a_caption(briefing):
    names = {a.name for a in briefing.actors}
    assert "Petra Lindqvist" in names  # named in the narrative
    assert "Idris Okonjo" not in names  # named only in a caption
    assert all(m.where.paragraph in {p.n for p in briefing.sources[0].article.paragraphs}
               for x in briefing.extractions for m in x.mentions)


@pytest.mark.parametrize("text", [
    "A victory for the mayor, at last.",  # a fragment of prose: no participle, no place or date
    "Not a single vote in the county.",
    "The result of years of neglect in the city.",  # "years" is no place or date it is placed in
    "Firefighters battle the blaze near the harbour on Friday.",  # a finite verb: a sentence
    "Rescue Crews Search Rubble In Marlow On Tuesday",  # a headline in title case, cleaning's business
    "The latest on the storm in Marlow on Tuesday (all times local):",  # introduces what follows
    "\"Workers searching the rubble in Marlow,\" she said.",  # a quotation
    "Workers searching.",  # too short to tell
    "Crowds lining the route, the spokesman for the parade in Marlow on Sunday.",  # a speech word
])
def test_prose_is_not_a_caption(text):
    doc = nlp.load(None)(text)
    assert not captions.is_caption(text, doc)


def test_the_source_page_lists_the_caption_with_the_removed_lines(tmp_path: Path):
    seeds = write_seeds(tmp_path / "seeds", {"flood.txt": ARTICLE})
    files = pipeline.generate(seeds, Settings(cache=False))
    page = files["sources/flood.md"]
    assert "photo caption (a scene described without a verb)" in page
    assert "Rescue workers searching the rubble in Marlow on Tuesday." in page


@pytest.mark.parametrize("text", [
    "Keeps claiming he fought the toll, when there are minutes of him proposing it.",  # a finite verb under the participle
    "The Harbour Trust, a partnership of two shipping lines, extended to March 3 its offer for the quay.",  # a misread main verb
])
def test_a_sentence_the_parser_misreads_as_verbless_is_not_a_caption(text):
    assert not captions.is_caption(text, nlp.load(None)(text))


@pytest.mark.parametrize("text", [
    "A majority of parents looking for a closer school supported Moreau, giving a lift to the new headteacher.",
    "scanner: ARMANDO VEGA named #rivertown #flood",  # a post's text, not a caption
])
def test_a_past_tense_verb_tagged_as_participle_or_a_post_is_not_a_caption(text):
    assert not captions.is_caption(text, nlp.load(None)(text))
