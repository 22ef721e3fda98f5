"""bench/run.py rewrites only its own tables in bench/RESULTS.md, never the prose written by hand."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_new_run_replaces_only_the_tables_of_its_kind():
    run = _run_module()
    text = ("# Benchmark results\n\nIntro by hand.\n\n"
            "<!-- bench/run.py synthetic: start -->\nold synthetic table\n<!-- bench/run.py synthetic: end -->\n\n"
            "Why the synthetic figures flatter.\n\n## Real articles\n\n"
            "<!-- bench/run.py real: start -->\nold real table\n<!-- bench/run.py real: end -->\n\n"
            "What holds the targets back.\n")
    new = run.replace_block(text, "real", "new real table")
    assert "new real table" in new and "old real table" not in new
    assert "old synthetic table" in new
    for prose in ("Intro by hand.", "Why the synthetic figures flatter.", "What holds the targets back."):
        assert prose in new


def test_a_kind_without_markers_gets_its_own_section_at_the_end():
    run = _run_module()
    new = run.replace_block("# Benchmark results\n\nNotes.\n", "real", "a table")
    assert new.startswith("# Benchmark results\n\nNotes.\n")
    assert new.rstrip().endswith("a table\n<!-- bench/run.py real: end -->")


def test_the_committed_results_carry_both_kinds_of_markers():
    text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    for kind in ("synthetic", "real"):
        assert text.count(f"<!-- bench/run.py {kind}: start -->") == 1
        assert text.count(f"<!-- bench/run.py {kind}: end -->") == 1
