"""Given a memory (as `mkdocs serve` gives one), the merge stage keeps what it derived from each
article for the next rebuild; an edited article must never be merged with what was derived from
its old text, and a merge without a memory must give the same result.

Each expected result comes from a new Python process, which has nothing kept."""
from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import replace

import pytest

from support import synth
from generator import pipeline
from generator.clean import clean_all
from generator.merge import merge
from generator.merge.sources import LinkMemory, comparison, link
from generator.read import read_seeds
from generator.settings import Settings
from conftest import ROOT
from test_sources import FLOOD, article

_FRESH = (
    "import importlib, pickle, sys\n"
    "module, name, args = pickle.load(sys.stdin.buffer)\n"
    "sys.stdout.buffer.write(pickle.dumps(getattr(importlib.import_module(module), name)(*args)))\n"
)


def fresh(module: str, name: str, *args):
    """module.name(*args) as a new process computes it."""
    done = subprocess.run([sys.executable, "-c", _FRESH], input=pickle.dumps((module, name, args)),
                          capture_output=True, check=True, cwd=ROOT)
    return pickle.loads(done.stdout)


def test_links_after_an_edit_are_those_of_a_new_process():
    before = [article("full", FLOOD, "2024-03-01"), article("part", FLOOD[:3], "2024-03-02"),
              article("other", ["Unrelated words about a quiet harbour town and its ferry timetable."])]
    # The copy is rewritten: one paragraph gone, one reworded, one that only "other" had.
    after = [before[0], article("part", [FLOOD[0], FLOOD[2].replace("council", "county"),
                                         "Unrelated words about a quiet harbour town and its ferry timetable."],
                                "2024-03-02"), before[2]]
    memory = LinkMemory()
    first = link(before, memory=memory)
    edited = link(after, memory=memory)
    assert edited != first
    assert edited == fresh("generator.merge.sources", "link", after) == link(after)
    # Back to the first text: nothing of the edited one is left over either.
    assert link(before, memory=memory) == first == fresh("generator.merge.sources", "link", before)


def test_a_link_with_a_memory_compares_again_only_the_pairs_of_an_edited_article(monkeypatch):
    texts = [FLOOD, FLOOD[:3], FLOOD[1:], ["Unrelated words about a quiet harbour town and its ferry timetable."]]
    articles = [article(f"s{n}", paragraphs, f"2024-03-0{n + 1}") for n, paragraphs in enumerate(texts)]
    compared: list[tuple[str, str]] = []
    real = comparison.compare_texts
    monkeypatch.setattr(comparison, "compare_texts",
                        lambda a, b: compared.append((a.article.id, b.article.id)) or real(a, b))
    memory = LinkMemory()
    first = link(articles, memory=memory)
    assert compared, "the copies are compared"
    compared.clear()
    assert link(articles, memory=memory) == first
    assert compared == []
    edited = [*articles[:2], article("s2", [FLOOD[1], FLOOD[2] + " A sentence added."], "2024-03-03"), articles[3]]
    relinked = link(edited, memory=memory)
    assert compared and all("s2" in pair for pair in compared)
    assert relinked == link(edited) != first


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Twelve synthetic sources, as read, cleaned and extracted, and a way to redo that after
    changing one seed file."""
    folder = tmp_path_factory.mktemp("synthetic")
    synth.write_seeds(folder / "seeds", 12)
    settings = Settings(cache_dir=folder / "cache")

    def analysed():
        seeds, problems = read_seeds(folder / "seeds")
        articles = clean_all(seeds)
        return articles, pipeline.analyse(articles, settings), problems

    return folder / "seeds", analysed, replace(settings, cache=False)


def test_a_merge_after_an_edit_is_that_of_a_new_process(synthetic):
    seeds, analysed, settings = synthetic
    articles, extractions, problems = analysed()
    first = merge(articles, extractions, settings, problems)
    # One seed takes paragraphs of another (copies, shared quotes and dates), and a person
    # in it is renamed (other actors, other short forms).
    files = sorted(seeds.glob("*.md"))
    body = files[1].read_text(encoding="utf-8").split("---\n", 2)[2]
    text = files[2].read_text(encoding="utf-8")
    name = text.split("— ", 1)[1].split(",", 1)[0]
    files[2].write_text(text.replace(name, "Ottilie Varga") + "\n" + "\n\n".join(body.split("\n\n")[1:4]) + "\n",
                        encoding="utf-8")
    changed = analysed()
    memory = LinkMemory()
    assert merge(articles, extractions, settings, problems, memory) == first
    edited = merge(*changed[:2], settings, changed[2], memory)
    assert edited != first
    assert edited == fresh("generator.merge", "merge", *changed[:2], settings, changed[2])
    files[2].write_text(text, encoding="utf-8")
    assert merge(articles, extractions, settings, problems, memory) == first
    assert first == fresh("generator.merge", "merge", articles, extractions, settings, problems)
