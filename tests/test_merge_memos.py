"""The merge stage keeps what it derived from each article for the next rebuild; an edited
article must never be merged with what was derived from its old text.

Each expected result comes from a new Python process, which has nothing kept."""
from __future__ import annotations

import pickle
import subprocess
import sys

from generator.merge.sources import link
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
    first = link(before)
    edited = link(after)
    assert edited != first
    assert edited == fresh("generator.merge.sources", "link", after)
    # Back to the first text: nothing of the edited one is left over either.
    assert link(before) == first == fresh("generator.merge.sources", "link", before)
