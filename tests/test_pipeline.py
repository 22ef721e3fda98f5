"""The pipeline as a library and as a CLI, on the project's seeds and on tiny folders."""
import functools
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS, write_seeds
from generator.cli import main


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_pages_and_contract_json(tmp_path: Path):
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "out")]) == 0
    files = tree(tmp_path / "out")
    assert "index.md" in files and "sources/index.md" in files
    data = json.loads(files["data/briefing.json"])
    ids = [s["id"] for s in data["sources"]]
    assert ids == sorted(p.stem for p in SEEDS.iterdir())
    for key in ("actors", "quotes", "figures", "events"):
        assert isinstance(data[key], list)
    for source in data["sources"]:
        assert [p["n"] for p in source["paragraphs"]] == list(range(1, len(source["paragraphs"]) + 1))
        assert f"sources/{source['id'].replace('_', '-')}.md" in files


def test_two_builds_are_byte_identical(tmp_path: Path):
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "a")]) == 0
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "b")]) == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_bad_seed_is_reported_and_the_rest_builds(tmp_path: Path, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"good.txt": "The council voted on Monday.\n", "bad.md": "---\ntitle: [\n---\nx\n"})
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    assert "seeds/bad.md:2: front matter is not valid YAML" in capsys.readouterr().err
    data = json.loads((tmp_path / "out/data/briefing.json").read_text())
    assert [s["id"] for s in data["sources"]] == ["good"]
    assert data["problems"][0]["path"] == "seeds/bad.md"


def test_strict_refuses_the_whole_build_and_keeps_the_old_output(tmp_path: Path, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"good.txt": "The council voted on Monday.\n"})
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 0
    before = tree(out)
    write_seeds(seeds, {"bad.md": "---\ntitle: [\n---\nx\n"})
    assert main(["build", "--strict", "--seeds", str(seeds), "--out", str(out)]) == 1
    assert "error: seeds/bad.md:2:" in capsys.readouterr().err
    assert tree(out) == before


def test_usage_errors_exit_2():
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "--out" in result.stderr


def test_missing_seeds_folder_exits_1(tmp_path: Path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    assert "seeds folder not found" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_help_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "build" in result.stdout and "site" in result.stdout


def test_build_takes_title_and_description_from_mkdocs_yml(tmp_path: Path):
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "out")]) == 0
    data = json.loads((tmp_path / "out/data/briefing.json").read_text())
    assert (data["title"], data["description"]) == (config["site_name"], config["site_description"])
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "o2"), "--title", "Harbour strike"]) == 0
    assert json.loads((tmp_path / "o2/data/briefing.json").read_text())["title"] == "Harbour strike"


def test_warm_up_leaves_the_pipeline_loaded_for_the_first_edit(monkeypatch):
    from generator import nlp, pipeline

    loads = []
    real = nlp._load.__wrapped__

    def counting(name=None):
        loads.append(name)
        return real(name)

    counted = functools.cache(counting)
    monkeypatch.setattr(nlp, "_load", counted)
    pipeline.warm_up().join()
    assert loads == [None]
    pipeline.extract_chunk([pipeline._WARM_UP])  # what the first edited seed does next
    assert loads == [None]


def test_a_fault_in_extraction_names_the_seed_instead_of_a_traceback(tmp_path, monkeypatch, capsys):
    from generator import cli, extract

    seeds = write_seeds(tmp_path / "seeds", {"calm.txt": "The quay reopened on Monday.\n",
                                             "odd.txt": "The ferry said on Tuesday it would sail.\n"})
    real = extract.extract

    def faulty(article, docs):
        if article.id == "odd":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, docs)

    monkeypatch.setattr(extract, "extract", faulty)
    assert cli.main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "odd.txt: extraction failed on this seed (RecursionError" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
