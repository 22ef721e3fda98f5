"""Publishing: the GitHub workflows (security audit, schema, hygiene), the preview address,
the preview's own site_url, and the zensical build of the generated pages."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, write_seeds

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
PAGES_URL = ROOT / ".github" / "scripts" / "pages-url.sh"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A command installed with the test requirements: next to this Python, else on PATH."""
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    assert found, f"{name} is not installed: install the test requirements (requirements.lock)"
    return found


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; the workflows' triggers are looked up under either.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))


def zizmor_findings(paths: list[Path]) -> list[dict]:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--format=json-v1", *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.stdout.strip().startswith("["), result.stderr
    return json.loads(result.stdout)


def test_there_are_tests_deploy_preview_and_compatibility_workflows():
    assert {p.stem for p in WORKFLOW_FILES} >= {"tests", "deploy", "preview", "compatibility"}


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    findings = zizmor_findings(WORKFLOW_FILES)
    serious = [
        f"{f['ident']} ({f['determinations']['severity']}): {f['locations'][0]['concrete']['feature']}"
        for f in findings
        if f["determinations"]["severity"] in ("Medium", "High")
    ]
    assert serious == []


def test_zizmor_would_catch_an_injected_expression_and_an_unpinned_action(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    assert {f["ident"] for f in zizmor_findings([bad])} >= {"template-injection", "unpinned-uses"}


def test_every_workflow_validates_against_the_github_workflow_schema():
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOW_FILES)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    for path in WORKFLOW_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(- )?uses:", line):
                assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line.strip()}"


def test_permissions_are_read_only_unless_the_job_publishes():
    publishing_actions = ("JamesIves/github-pages-deploy-action", "rossjrw/pr-preview-action",
                          "marocchino/sticky-pull-request-comment")
    for path in WORKFLOW_FILES:
        workflow = load(path)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            perms = job["permissions"]
            uses = [step.get("uses", "") for step in job["steps"]]
            publishes = any(u.startswith(publishing_actions) for u in uses)
            writes = {scope for scope, level in perms.items() if level == "write"}
            assert bool(writes) == publishes, f"{path.name}: job {name} has {perms}"
            if publishes:
                # Publishing jobs never run the pull request's code: no run steps at all.
                assert not any("run" in step for step in job["steps"]), f"{path.name}: job {name}"


def test_no_expression_is_expanded_inside_a_run_script():
    for path in WORKFLOW_FILES:
        for name, job in load(path)["jobs"].items():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), f"{path.name}: job {name}: {step['run']}"


def test_checkouts_do_not_keep_the_token():
    for path in WORKFLOW_FILES:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_tests_run_the_readme_command_on_push_and_pull_request():
    workflow = load(WORKFLOWS / "tests.yml")
    assert {"push", "pull_request"} <= set(triggers(workflow))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make test" in runs
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_deploy_builds_strictly_and_keeps_the_previews():
    workflow = load(WORKFLOWS / "deploy.yml")
    assert triggers(workflow) == {"push": {"branches": ["main"]}}
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("generator site --strict" in step.get("run", "") for step in steps)
    deploy = next(step for step in steps if step.get("uses", "").startswith("JamesIves/"))
    assert deploy["with"]["branch"] == "gh-pages" and deploy["with"]["clean-exclude"] == "pr-preview/"


def test_previews_are_built_for_their_own_address_and_not_published_from_forks():
    workflow = load(WORKFLOWS / "preview.yml")
    assert triggers(workflow)["pull_request"]["types"] == ["opened", "synchronize", "reopened", "closed"]
    jobs = workflow["jobs"]
    build_runs = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert '"pr-preview/pr-$PR_NUMBER/"' in build_runs and '--site-url "$url"' in build_runs
    assert "generator diff base-briefing/data/briefing.json preview/site/data/briefing.json" in build_runs
    for name in ("publish", "remove"):
        assert "github.event.pull_request.head.repo.full_name == github.repository" in jobs[name]["if"], name
        action = next(s for s in jobs[name]["steps"] if s.get("uses", "").startswith("rossjrw/pr-preview-action@"))
        assert action["with"]["umbrella-dir"] == "pr-preview"
    comment = next(s for s in jobs["publish"]["steps"] if s.get("uses", "").startswith("marocchino/"))
    assert comment["with"]["path"] == "preview/comment.md"


@pytest.mark.parametrize(
    ("repository", "base", "expected"),
    [
        ("river-desk/flood-briefing", "", "https://river-desk.github.io/flood-briefing/pr-preview/pr-7/"),
        ("river-desk/river-desk.github.io", "", "https://river-desk.github.io/pr-preview/pr-7/"),
        ("river-desk/flood-briefing", "briefing.example.org/", "https://briefing.example.org/pr-preview/pr-7/"),
    ],
)
def test_pages_address_is_where_the_preview_action_publishes(repository, base, expected):
    env = dict(os.environ, GITHUB_REPOSITORY=repository, PAGES_BASE_URL=base)
    out = subprocess.run(["sh", str(PAGES_URL), "pr-preview/pr-7/"], env=env, capture_output=True, text=True, check=True)
    assert out.stdout == expected + "\n"


SEEDS = {
    "ferry-1.md": (
        "---\ntitle: Ferry service suspended\noutlet: Island Post\npublished: 2022-11-14\n---\n"
        "The ferry between Brannock and Selby Quay was suspended on Sunday after a storm damaged the pier.\n\n"
        'Harbour master Ines Okafor said repairs would take "at least two weeks".\n\n'
        "A reader wrote <script>alert(1)</script> and {{ config }} and **bold** [link](javascript:alert(1)).\n"
    ),
}


@pytest.mark.slow
def test_the_site_command_builds_for_a_given_site_url(tmp_path: Path):
    from generator.cli import main

    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    site = tmp_path / "site"
    url = "https://river-desk.github.io/flood-briefing/pr-preview/pr-7/"
    assert main(["site", "--seeds", str(seeds), "--site-dir", str(site), "--site-url", url]) == 0
    assert f'<link rel="canonical" href="{url}">' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_zensical_builds_the_generated_pages(tmp_path: Path):
    """What `make zensical` does, on a small seed folder, with the project's zensical.yml."""
    from generator import pipeline, write

    seeds = write_seeds(tmp_path / "seeds", SEEDS)
    docs = tmp_path / "docs"
    write.write_tree(docs, pipeline.generate(seeds))
    shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
    config = tmp_path / "zensical.yml"
    config.write_text(f"INHERIT: {ROOT / 'zensical.yml'}\ndocs_dir: docs\nsite_dir: site\n", encoding="utf-8")
    result = subprocess.run(
        [tool("zensical"), "build", "--strict", "--clean", "-f", str(config)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    source_pages = list((site / "sources").glob("*/index.html"))
    assert len(source_pages) == 1 and (site / "data" / "briefing.json").is_file()
    html = source_pages[0].read_text(encoding="utf-8")
    assert "Harbour master Ines Okafor" in html
    assert "assets/briefing.css" in html and "fonts.googleapis" not in html
    # Seed text stays text under zensical's Markdown too.
    # (the script tags are cut out as embed markup and listed, escaped, among the removed lines)
    assert "<script>alert(1)" not in html and "A reader wrote alert(1)" in html and "<q>&lt;script&gt;</q>" in html
    assert "<strong>bold</strong>" not in html and 'href="javascript:' not in html
