"""Hostile and malformed seeds: the lenient build shows them as text or lists them, never runs them.

The committed seeds are in tests/fixtures/hostile/; binary, re-encoded, huge and linked ones are
generated here. One lenient site is built from all of them and inspected as parsed HTML and in
Chromium (dialogs fail the test; every request must stay on 127.0.0.1).
"""
from __future__ import annotations

import contextlib
import io
import json
import random
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, require_browser, serve
from generator.cli import main

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
pytestmark = pytest.mark.slow

# file -> (line or None, words the problem message must contain); every other seed must build.
EXPECTED_PROBLEMS = {
    "bad-yaml.md": (4, "front matter is not valid YAML"),
    "python-tag.md": (2, "front matter is not valid YAML"),
    "empty.txt": (None, "empty"),
    "front-matter-only.md": (None, "empty"),
    "nul.txt": (2, "NUL byte"),
    "binary.txt": (1, "not text in any encoding"),
    "huge.txt": (None, "too large: 20,971,520 bytes; the limit is 1,000,000 bytes per seed"),
    "long-line-refused.txt": (2, "line too long: 100,001 characters; the limit is 100,000 per line"),
    "link-outside.txt": (None, "a link that points outside the seeds folder"),
    "dangling-link.txt": (None, "cannot be read"),
}
EXPECTED_WARNINGS = {"unknown-keys.md": "unknown front matter key 'layout' ignored"}
BUILT = {
    "admonition", "cp1252", "event-handlers", "include-lines", "javascript-links", "leading-dot",
    "long-line", "markdown-structure", "same-title-a", "same-title-b", "script-tags", "template-syntax",
    "title-breakout", "unicode-facade", "unknown-keys", "utf16", "with-space", "with-space-2", "link-inside",
}
LONG_LINE = "The harbour master said the quay was closed. " * 1000  # 46,000 characters on one line


def generate_hostile_seeds(folder: Path, outside: Path) -> Path:
    shutil.copytree(HOSTILE, folder)
    german = "Der Bürgermeister von Graz sagte am Montag: „Wir bauen die Brücke neu.“\n"
    (folder / "utf16.txt").write_bytes(german.encode("utf-16"))
    (folder / "cp1252.txt").write_bytes("The café owner said “prices will rise” on Monday.\n".encode("cp1252"))
    (folder / "nul.txt").write_bytes(b"The mayor said on Monday\nthat the\x00 road was closed.\n")
    noise = random.Random(9)
    (folder / "binary.txt").write_bytes(bytes(noise.randrange(1, 256) for _ in range(4096)))
    with (folder / "huge.txt").open("wb") as f:  # 20 MiB of plausible text, refused by size
        line = b"The river rose overnight, the mayor of Lakeside said on Monday.\n"
        f.write(line * (20 * 1024 * 1024 // len(line)))
        f.write(b"x" * (20 * 1024 * 1024 % len(line)))
    (folder / "long-line.txt").write_text("Quay closed after storm\n" + LONG_LINE + "\n", encoding="utf-8")
    (folder / "long-line-refused.txt").write_text("Headline\n" + "a" * 100_001 + "\n", encoding="utf-8")
    secret = outside / "secret.txt"
    secret.write_text("OUTSIDE-SECRET the key is under the mat, the caretaker said.\n", encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(secret)
    (folder / "link-inside.txt").symlink_to(folder / "with space.txt")
    (folder / "dangling-link.txt").symlink_to(folder / "no-such-file.txt")
    return folder


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "outside").mkdir()
    seeds = generate_hostile_seeds(base / "seeds", base / "outside")
    site = base / "site"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["site", "--seeds", str(seeds), "--site-dir", str(site)])
    return code, err.getvalue(), site


class Page(HTMLParser):
    """Elements with their attributes, the text, and the <title> as the browser reads it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.in_text_div = 0
        self.text_div_tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attrs))
        if self.in_text_div:
            self.text_div_tags.append(tag)
        if "briefing-text" in attrs.get("class", "").split():
            self.in_text_div = 1
        elif self.in_text_div and tag == "div":
            self.in_text_div += 1

    def handle_endtag(self, tag):
        if self.in_text_div and tag == "div":
            self.in_text_div -= 1

    def handle_data(self, data):
        self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def html_pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_lenient_build_succeeds_and_lists_every_bad_seed(hostile_build):
    code, err, site = hostile_build
    assert code == 0, err
    for name, (line, words) in EXPECTED_PROBLEMS.items():
        where = f"seeds/{name}:{line}" if line else f"seeds/{name}"
        assert f"error: {where}: " in err and words in err.split(f"error: {where}: ")[1].split("\n")[0], name
    for name, words in EXPECTED_WARNINGS.items():
        assert f"warning: seeds/{name}:" in err and words in err
    report = Page((site / "report" / "index.html").read_text(encoding="utf-8")).all_text
    for name, (_, words) in EXPECTED_PROBLEMS.items():
        assert f"seeds/{name}" in report and words in report, name
    assert "Seed files left out: 10." in report and "Warnings: 2." in report
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert {p["path"] for p in data["problems"] if p["severity"] == "error"} == {f"seeds/{n}" for n in EXPECTED_PROBLEMS}


def test_every_good_seed_has_its_own_page(hostile_build):
    _, _, site = hostile_build
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    built = {p.parent.name for p in (site / "sources").glob("*/index.html")}
    assert built == BUILT
    # Two seeds with one title: two pages, each with that title as its heading.
    for name in ("same-title-a", "same-title-b"):
        page = Page((site / "sources" / name / "index.html").read_text(encoding="utf-8"))
        assert [a.get("id") for a in page.tags("h1")] == ["mayor-resigns"]
    outlets = {s["outlet"] for s in data["sources"] if s["title"] == "Mayor resigns"}
    assert outlets == {"Northern Ledger", "Southern Post"}


def test_odd_file_names_and_encodings_are_shown_as_read(hostile_build):
    _, _, site = hostile_build
    shown = {
        "with-space": ("seeds/with space.txt", "The maritime museum in Valparaíso reopened on Saturday"),
        "unicode-facade": ("seeds/Ünïcödé façade.txt", "the city's conservator Zofia Wąsowska said"),
        "leading-dot": ("seeds/.leading-dot.txt", "Schools in Rørvik started the year"),
        # "with space" and "with-space" make the same slug: the second file gets its own page.
        "with-space-2": ("seeds/with-space.txt", "The city extended the tram line"),
        "utf16": ("utf-16", "„Wir bauen die Brücke neu.“"),
        "cp1252": ("cp1252", "“prices will rise”"),
        # split at sentence ends into paragraphs of a few sentences (clean.py), none of them lost
        "long-line": ("seeds/long-line.txt", "The harbour master said the quay was closed. The harbour master said"),
    }
    for page_name, fragments in shown.items():
        text = Page((site / "sources" / page_name / "index.html").read_text(encoding="utf-8")).all_text
        for fragment in fragments:
            assert fragment in text, (page_name, fragment)
    long_page = Page((site / "sources" / "long-line" / "index.html").read_text(encoding="utf-8")).all_text
    assert long_page.count("The harbour master said the quay was closed.") >= 1000
    everything = "".join(html_pages(site).values())
    assert "OUTSIDE-SECRET" not in everything  # the link out of seeds/ was not followed


def test_no_seed_markup_is_live_in_any_page(hostile_build):
    _, _, site = hostile_build
    for name, html in html_pages(site).items():
        page = Page(html)
        for tag, attrs in page.elements:
            assert not any(k.startswith("on") for k in attrs), (name, tag, attrs)
            for key in ("href", "src", "action", "formaction", "data"):
                value = attrs.get(key, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (name, tag, attrs)
                assert "evil.example" not in value, (name, tag, attrs)
            assert tag not in ("iframe", "img", "object", "embed", "frame", "meta" if "http-equiv" in attrs else ""), (name, tag)
        for script in page.tags("script"):
            assert not script.get("src", "").startswith(("http:", "https:", "//")), (name, script)
        assert "alert(" not in "".join(  # inline scripts are the theme's own
            d for d in _script_bodies(html)
        ), name
        # <title> is raw text to a browser: a seed's "</title>" must not end it early.
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "<" not in title, (name, title)


def _script_bodies(html: str) -> list[str]:
    parts = html.split("<script")[1:]
    return [p.split(">", 1)[1].split("</script>", 1)[0] for p in parts]


@pytest.mark.parametrize("name", sorted(BUILT))
def test_seed_text_is_never_markdown_structure(hostile_build, name):
    _, _, site = hostile_build
    page = Page((site / "sources" / name / "index.html").read_text(encoding="utf-8"))
    assert len(page.tags("h1")) == 1
    assert not any("admonition" in a.get("class", "") for _, a in page.elements), name
    content = [tag for tag, _ in page.elements]
    for structure in ("table", "blockquote", "pre", "hr", "iframe"):
        assert structure not in content, (name, structure)
    # Inside the text: one <p> per paragraph with its number link, nothing else.
    assert set(page.text_div_tags) <= {"p", "a"}, (name, set(page.text_div_tags))


def test_includes_and_template_syntax_stay_literal(hostile_build):
    _, _, site = hostile_build
    include = Page((site / "sources" / "include-lines" / "index.html").read_text(encoding="utf-8")).all_text
    assert '--8<-- "/etc/passwd"' in include and ';--8<-- "README.md"' in include
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    assert "root:x:0:0" not in everything  # /etc/passwd was not included
    assert "site_description:" not in everything  # nor mkdocs.yml
    template = Page((site / "sources" / "template-syntax" / "index.html").read_text(encoding="utf-8")).all_text
    for literal in ("{{ 7*191 }} tickets had been sold", '{% include "mkdocs.yml" %}', "{{ config.site_name }}",
                    "{# a comment #}", "{{ briefing.title }}"):
        assert literal in template, literal
    assert "1337" not in template


def test_search_index_holds_escaped_text_only(hostile_build):
    _, _, site = hostile_build
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            lowered = doc[field].lower()
            for raw in ("<script", "<img", "<svg", "<iframe", "<a href=\"javascript", "<body"):
                assert raw not in lowered, (doc["location"], field, raw)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["sources/title-breakout/"].startswith("&lt;/title&gt;")


def test_strict_refuses_the_hostile_folder_and_keeps_the_previous_site(hostile_build, tmp_path):
    _, _, site = hostile_build
    seeds = generate_hostile_seeds(tmp_path / "seeds", tmp_path)
    previous = tmp_path / "site"
    shutil.copytree(site, previous, symlinks=True)
    before = {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["site", "--strict", "--seeds", str(seeds), "--site-dir", str(previous)])
    assert code == 1
    assert "seeds/bad-yaml.md:4: front matter is not valid YAML" in err.getvalue()
    assert {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.txt", "seeds", "site"]  # no temp folder left


def test_python_tag_never_ran(hostile_build, tmp_path):
    # The fixture's tag would run `touch HOSTILE_YAML_RAN` in the working directory of the build.
    assert not (ROOT / "HOSTILE_YAML_RAN").exists()
    assert not Path("HOSTILE_YAML_RAN").exists()


@pytest.mark.browser
def test_chromium_shows_no_dialog_and_requests_nothing_outside_the_site(hostile_build):
    require_browser()
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    _, _, site = hostile_build
    dialogs: list[str] = []
    outside: list[str] = []
    errors: list[str] = []

    def only_local(route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != "127.0.0.1":
            outside.append(url)
            route.abort()
        else:
            route.continue_()

    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", only_local)
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            paths = sorted(str(p.relative_to(site).parent) for p in site.rglob("index.html"))
            for path in paths:
                page.goto(base + ("" if path == "." else path + "/"), wait_until="load")
            # Search results and search highlighting put indexed seed text into the page.
            page.goto(base + "sources/event-handlers/?h=onerror", wait_until="load")
            for query in ("onerror", "script", "javascript", "title"):
                page.goto(base, wait_until="load")
                page.keyboard.press("/")
                page.keyboard.type(query)
                page.wait_for_selector(".md-search-result__item", timeout=15_000)
                results = page.inner_html(".md-search-result")
                assert "<img" not in results and "<script" not in results and "<svg onload" not in results
            page.wait_for_timeout(500)
        finally:
            browser.close()
    assert dialogs == []
    assert outside == []
    assert errors == []


# --- all or nothing, and the same bytes every time -------------------------------------------

def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("failure", [RuntimeError("export failed"), KeyboardInterrupt()])
@pytest.mark.parametrize("command", ["build", "site"])
def test_a_build_failing_late_leaves_the_previous_output_intact(tmp_path, monkeypatch, command, failure):
    from generator import export

    seeds = tmp_path / "seeds"
    shutil.copytree(HOSTILE, seeds)
    out = tmp_path / "out"
    flag = "--out" if command == "build" else "--site-dir"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main([command, "--seeds", str(seeds), flag, str(out)]) == 0
    before = tree(out)
    (seeds / "added.txt").write_text("A second ferry was ordered on Monday, the harbour board said.\n")

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(export, "data_files", fail)  # the last step of rendering, after every page
    with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(type(failure)):
        assert main([command, "--seeds", str(seeds), flag, str(out)]) != 0
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "seeds"]  # no half-written folder left


def test_two_site_builds_are_byte_identical_and_dated_by_source_date_epoch(tmp_path, monkeypatch):
    """The whole HTML site, nothing excluded: pages, search index, data, sitemap (and its gzip)."""
    import gzip

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609556400")  # 2021-01-02 03:00 UTC
    sites = []
    for n in (1, 2):  # seeds and site in different places: no path may leak into the output
        seeds = tmp_path / f"copy{n}" / "seeds"
        shutil.copytree(HOSTILE, seeds)
        site = tmp_path / f"site{n}"
        with contextlib.redirect_stderr(io.StringIO()):
            # The sitemap lists pages (with their dates) only when the site has a URL.
            assert main(["site", "--seeds", str(seeds), "--site-dir", str(site), "--site-url", "https://briefing.example/"]) == 0
        sites.append(tree(site))
    assert sites[0].keys() == sites[1].keys()
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []
    sitemap = sites[0]["sitemap.xml"].decode()
    assert "<lastmod>2021-01-02</lastmod>" in sitemap and sitemap.count("<lastmod>") == sitemap.count("<url>")
    assert "<loc>https://briefing.example/sources/script-tags/</loc>" in sitemap
    with gzip.open(tmp_path / "site1" / "sitemap.xml.gz") as f:
        assert f.read() == sites[0]["sitemap.xml"]
    # The gzip header's time is that day at 00:00 UTC (MkDocs dates the sitemap by day), not the build's.
    assert int.from_bytes(sites[0]["sitemap.xml.gz"][4:8], "little") == 1609545600


def test_mkdocs_build_strict_refuses_a_bad_seed_by_name(tmp_path):
    import os
    import subprocess
    import sys

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "same-title-a.md", seeds)
    shutil.copy(HOSTILE / "python-tag.md", seeds)
    env = dict(os.environ, BRIEFING_SEEDS=str(seeds), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "seeds/python-tag.md:2: front matter is not valid YAML" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_control_characters_in_names_cannot_drive_the_terminal(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "same-title-a.md", seeds)
    (seeds / "clear\x1b[2J\x1b[31m.md").write_text("---\ntitle: [\n---\nText.\n", encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "error: seeds/clear\\x1b[2J\\x1b[31m.md:2: front matter is not valid YAML" in err
    assert main(["build", "--strict", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 1
    assert "\x1b" not in capsys.readouterr().err


def test_zensical_titles_hostile_pages_with_text_only(tmp_path):
    """zensical runs no MkDocs hooks: the pages written by `build` must carry their own safe titles."""
    import subprocess
    import sys

    seeds = tmp_path / "seeds"
    shutil.copytree(HOSTILE, seeds)
    docs = tmp_path / "docs"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["build", "--seeds", str(seeds), "--out", str(docs)]) == 0
    shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
    config = tmp_path / "zensical.yml"
    config.write_text(f"INHERIT: {ROOT / 'zensical.yml'}\ndocs_dir: docs\nsite_dir: site\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = html_pages(tmp_path / "site")
    built = {p.split("/")[1] for p in pages if p.startswith("sources/") and p.count("/") == 2}
    assert built == BUILT - {"utf16", "cp1252", "long-line", "link-inside"}  # those are generated by the other tests
    for name, html in pages.items():
        title = html.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "<" not in title, (name, title)
    breakout = Page(pages["sources/title-breakout/index.html"])
    assert '</title><script>alert("seed")</script><title> - ' in "".join(breakout.text)
