"""`python -m generator site` over its previous site reuses what did not change, and its result is
byte-identical to a build from nothing (generator.incremental)."""
from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest

from generator import search
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
PART_BYTES = 200_000
GENERATED_REUSED = "reused the previous build's generated pages"  # cuts the seeds' site into several index parts, as a large briefing is


def _differences(a: Path, b: Path) -> list[str]:
    def walk(cmp: filecmp.dircmp, prefix: str) -> list[str]:
        found = [f"{prefix}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files]
        found += [f"{prefix}{name}" for name in cmp.common_files
                  if not filecmp.cmp(Path(cmp.left) / name, Path(cmp.right) / name, shallow=False)]
        for name, sub in sorted(cmp.subdirs.items()):
            found += walk(sub, f"{prefix}{name}/")
        return found

    return walk(filecmp.dircmp(a, b), "")


@pytest.fixture
def large_site_env(monkeypatch, tmp_path: Path):
    assert search.pagefind_command(), f"Pagefind is not installed: run {search.INSTALL_HINT}"
    monkeypatch.setenv(search.ENV_THRESHOLD, "0")  # Pagefind, as a large briefing gets
    monkeypatch.setenv(search.ENV_PART_BYTES, str(PART_BYTES))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))


def _site(seeds: Path, site: Path, *extra: str) -> None:
    assert main(["site", "--seeds", str(seeds), "--site-dir", str(site), "--strict", *extra]) == 0


def _edit(seeds: Path) -> Path:
    seed = sorted(seeds.glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    assert " said" in text
    seed.write_text(text.replace(" said", " told reporters", 1), encoding="utf-8")
    return seed


@pytest.mark.slow
def test_a_rebuild_after_an_edit_equals_a_build_from_nothing(seeds_copy: Path, tmp_path: Path, large_site_env, capsys):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _site(seeds_copy, site)
    capsys.readouterr()
    edited = _edit(seeds_copy)
    _site(seeds_copy, site)
    said = capsys.readouterr().err
    assert "reused" in said  # most pages did not change, and were not rendered again
    assert GENERATED_REUSED not in said  # a seed changed: the briefing is merged and rendered again
    _site(seeds_copy, fresh, "--no-cache")
    assert _differences(site, fresh) == []
    page = site / "sources" / edited.stem.replace("_", "-") / "index.html"
    assert "told reporters" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_unchanged_rebuild_reuses_every_generated_page_and_index_part(seeds_copy: Path, tmp_path: Path,
                                                                        large_site_env, capsys):
    site = tmp_path / "site"
    _site(seeds_copy, site)
    capsys.readouterr()
    _site(seeds_copy, site)
    said = capsys.readouterr().err
    parts = len(search.index_parts(site, PART_BYTES))
    assert f"and {parts} search index parts" in said
    assert GENERATED_REUSED in said
    _site(seeds_copy, tmp_path / "fresh", "--no-cache")
    assert _differences(site, tmp_path / "fresh") == []


@pytest.mark.slow
def test_kept_generated_files_that_were_altered_are_not_used(seeds_copy: Path, tmp_path: Path,
                                                            large_site_env, capsys):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _site(seeds_copy, site)
    (kept,) = (tmp_path / "cache" / "sites").glob("*.files")
    data = kept.read_bytes()
    at = data.index(b"# ")  # the first page heading: same length, other words
    kept.write_bytes(data[:at] + b"# Tampered" + data[at + len(b"# Tampered"):])
    capsys.readouterr()
    _site(seeds_copy, site)
    assert GENERATED_REUSED not in capsys.readouterr().err
    _site(seeds_copy, fresh, "--no-cache")
    assert _differences(site, fresh) == []


@pytest.mark.slow
def test_a_new_site_title_renders_the_pages_again(seeds_copy: Path, tmp_path: Path, large_site_env, capsys):
    site = tmp_path / "site"
    _site(seeds_copy, site)
    capsys.readouterr()
    _site(seeds_copy, site, "--title", "Harbour ferries")
    assert GENERATED_REUSED not in capsys.readouterr().err
    assert "Harbour ferries" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_page_changed_by_hand_in_the_previous_site_is_rendered_again(seeds_copy: Path, tmp_path: Path,
                                                                       large_site_env):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _site(seeds_copy, site)
    page = site / "actors" / "index.html"
    page.write_text("tampered", encoding="utf-8")
    _site(seeds_copy, site)
    assert "tampered" not in page.read_text(encoding="utf-8")
    _site(seeds_copy, fresh, "--no-cache")
    assert _differences(site, fresh) == []


@pytest.mark.slow
def test_a_removed_seed_leaves_no_page_behind(seeds_copy: Path, tmp_path: Path, large_site_env):
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _site(seeds_copy, site)
    gone = sorted(seeds_copy.glob("*.txt"))[-1]
    os.remove(gone)
    _site(seeds_copy, site)
    assert not (site / "sources" / gone.stem.replace("_", "-")).exists()
    _site(seeds_copy, fresh, "--no-cache")
    assert _differences(site, fresh) == []


@pytest.mark.slow
def test_a_site_searched_by_material_is_built_whole(seeds_copy: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(search.ENV_COMMAND, "off")  # Material's search: its index needs every page rendered
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _site(seeds_copy, site)
    _site(seeds_copy, site)
    assert "unchanged pages" not in capsys.readouterr().err
    _site(seeds_copy, fresh, "--no-cache")
    assert _differences(site, fresh) == []
