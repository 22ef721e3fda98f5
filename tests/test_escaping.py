"""Escaping at the render stage: any seed text, in any field, is shown as itself and nothing more.

Pages are rendered from small briefings written here and converted with Python-Markdown using the
extensions mkdocs.yml enables, then parsed with html.parser.
"""
from __future__ import annotations

import csv
import functools
import dataclasses
import io
import json
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator import export, links
from generator.model import Article, Briefing, Paragraph, Problem, Quote, Source, Where
from generator.render import SourceLinks, make_env, md_inline, render, safe_url


@functools.cache
def mkdocs_extensions() -> tuple[list, dict]:
    """The Markdown extensions exactly as mkdocs.yml configures them."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name tags in other configs
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, options = [], {}
    for entry in config.get("markdown_extensions", []):
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = opts or {}
    return names, options


def to_html(page: str) -> str:
    names, options = mkdocs_extensions()
    return markdown.markdown(page, extensions=names, extension_configs=options)


class Parsed(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.by_tag: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._open.append((tag, []))

    def handle_endtag(self, tag):
        while self._open:
            name, text = self._open.pop()
            self.by_tag.setdefault(name, []).append("".join(text))
            if self._open:
                self._open[-1][1].append("".join(text))
            if name == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][1].append(data)


def briefing(title="Ferry service resumes", text="The ferry resumed on Friday, the operator said.", **meta) -> Briefing:
    article = Article(
        id="ferry", path="seeds/ferry.txt", title=title, title_basis="front matter",
        paragraphs=(Paragraph(1, text, 5),), **meta,
    )
    return Briefing(title="Test briefing", description="A tiny briefing.", sources=(Source(article),))


def source_page(b: Briefing) -> Parsed:
    return Parsed(to_html(render(b)["sources/ferry.md"]))


def headerless(text: str) -> str:
    """The heading text without the permalink that the toc extension appends."""
    return text[:-1] if text.endswith("¶") else text


def test_only_toc_is_enabled_so_no_extension_can_read_files_or_run_templates():
    names, _ = mkdocs_extensions()
    assert names == ["toc"]


# Text a seed can carry; hypothesis adds arbitrary text on top.
PAYLOADS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
    "<javascript:alert(1)>", "# heading", "| a | b |\n|---|---|\n| 1 | 2 |", '!!! danger "x"',
    '--8<-- "/etc/passwd"', "{{ config }} {% include 'x' %}", "*a* __b__ `c` ~~d~~ ==e==",
    "[^1] [TOC] <!-- x", "say \"hi\" & it's <b>", "line one\n\n# line two\n\n<script>alert(2)</script>",
    "a\r\nb\u2028c\x0bd\x0ce\x85f", "&amp; &lt; &#60; &#x3C;", "[ref]\n\n[ref]: javascript:alert(1)",
]
seed_text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=80),
                      st.lists(st.sampled_from(PAYLOADS + ["\n", " ", "x"]), max_size=6).map("".join))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=seed_text, outlet=seed_text, author=seed_text, url=seed_text)
def test_any_metadata_is_shown_as_text_and_adds_no_structure(title, outlet, author, url):
    title = title if title.strip() else "untitled"
    page = source_page(briefing(title=title, outlet=outlet or None, outlet_basis="front matter", author=author or None,
                                url=url or None))
    names = [tag for tag, _ in page.tags]
    assert names.count("h1") == 1 and names.count("h2") == 1  # the page's own headings only
    for tag, attrs in page.tags:
        assert tag in {"h1", "h2", "a", "dl", "dt", "dd", "code", "span", "div", "p"}, tag
        assert not any(k.startswith("on") for k in attrs)
        assert not attrs.get("href", "").strip().lower().startswith(("javascript:", "data:"))
    # Python-Markdown drops STX and ETX (its own placeholder marks); they are invisible anyway.
    one_line = " ".join(title.replace("\x02", "").replace("\x03", "").split())
    # The heading shows the title itself: no entity left visible, nothing dropped.
    assert " ".join(headerless(page.by_tag["h1"][0]).split()) == one_line


@settings(max_examples=100, deadline=None)
@given(text=seed_text)
def test_any_paragraph_text_is_one_paragraph_of_literal_text(text):
    page = source_page(briefing(text=text if text.strip() else "x"))
    paragraphs = page.by_tag["p"]
    assert len(paragraphs) == 1
    names = [tag for tag, _ in page.tags]
    links = [attrs for tag, attrs in page.tags if tag == "a" and attrs.get("class") != "headerlink"]
    assert [a["href"] for a in links] == ["#p1"]  # the paragraph number link only
    assert set(names) <= {"h1", "h2", "a", "dl", "dt", "dd", "code", "span", "div", "p"}


def test_title_with_blank_lines_cannot_end_the_html_block():
    page = render(briefing(title="A\n\n# B\n\n[c](javascript:alert(1))", author="x\n\n<script>alert(1)</script>"))
    html = to_html(page["sources/ferry.md"])
    assert "<script" not in html and 'href="javascript' not in html
    assert "\n\n" not in page["sources/ferry.md"].split("<dl", 1)[1].split("</dl>", 1)[0]


def test_quotes_in_titles_are_shown_not_their_entities():
    assert str(md_inline('say "hi"')) == "say &#34;hi&#34;"
    assert headerless(source_page(briefing(title='The "Blue" bridge & the <b>')).by_tag["h1"][0]) == \
        'The "Blue" bridge & the <b>'


def test_only_web_urls_become_links():
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert safe_url(" https://example.org/a\n") == "https://example.org/a"
    for url in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example",
                "https://x.org/\"onmouseover=alert(1)", "https://x.org/`x`", "https://x.org/a\nb", "ftp://x.org"):
        assert safe_url(url) is None, url


def test_build_report_shows_problems_as_text():
    problems = (
        Problem("seeds/<img src=x onerror=alert(1)>.md", "front matter is not valid YAML: <b>", 3),
        Problem("seeds/notes.md", "unknown front matter key '{{ x }}' ignored", 2, "warning"),
    )
    page = Parsed(to_html(render(dataclasses.replace(briefing(), problems=problems))["report.md"]))
    assert [tag for tag, _ in page.tags if tag in ("img", "b", "script")] == []
    assert "seeds/<img src=x onerror=alert(1)>.md" in page.by_tag["code"]
    assert "unknown front matter key '{{ x }}' ignored" in page.by_tag["td"]


def test_build_report_says_no_problems_when_clean():
    page = Parsed(to_html(render(briefing())["report.md"]))
    assert "No problems" in page.by_tag["p"][0]
    # no table of problems (sources without a date or outlet are listed apart, as missing facts)
    assert not [a for tag, a in page.tags if tag == "table" and "briefing-report" in a.get("class", "").split()]


def _quote(text: str, speaker: str = "Ana Ruiz") -> Quote:
    return Quote(id="q1", text=text, kind="direct", speaker=None, speaker_text=speaker, cue="said",
                 sources=(Where("ferry", 1),))


def test_csv_cells_cannot_start_a_formula_but_json_keeps_the_text():
    texts = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1 more", "-5 degrees", "@SUM(A1)", "\tTab", "Plain"]
    b = dataclasses.replace(briefing(), quotes=tuple(_quote(t, speaker=t) for t in texts))
    rows = list(csv.DictReader(io.StringIO(export.quotes_csv(b))))
    for row, text in zip(rows, texts):
        for cell in (row["text"], row["speaker_text"]):
            assert cell[0] not in "=+-@\t\r"
            assert cell in (text, "'" + text)
    assert [row["text"] for row in rows][-1] == "Plain"
    data = json.loads(export.briefing_json(b))
    assert [q["text"] for q in data["quotes"]] == texts


@settings(max_examples=100, deadline=None)
@given(title=seed_text)
def test_front_matter_title_is_valid_yaml_and_the_escaped_heading(title):
    import html

    from generator.render import publishable

    title = title if title.strip() else "untitled"
    page = publishable(render(briefing(title=title)))["sources/ferry.md"]
    assert page.startswith('---\ntitle: "')
    meta = yaml.safe_load(page.split("\n---\n", 1)[0][4:])
    assert "<" not in meta["title"] and ">" not in meta["title"]  # safe to insert as it is
    assert " ".join(html.unescape(meta["title"]).split()) == " ".join(title.split())
    heading = page.split("\n---\n", 1)[1].split("\n", 1)[0]
    assert heading.startswith("# ") and heading[2:].strip() == meta["title"]


@given(st.text(max_size=30), st.one_of(st.none(), st.integers(0, 500)))
def test_source_links_are_escaped_as_template_values_are(source_id, paragraph):
    page, target = "actors/x.md", "sources/s.md"
    anchor = links.paragraph_anchor(paragraph) if paragraph else None
    expected = make_env().from_string('<a href="{{ href }}">{{ sid }}{% if n %} ¶{{ n }}{% endif %}</a>').render(
        href=links.href(page, target, anchor), sid=source_id, n=paragraph,
    )
    cite = SourceLinks(page, {source_id: target}, {})
    assert cite.link(source_id, paragraph) == expected
    assert cite.links([(source_id, paragraph)] * 2) == f"{expected}, {expected}"
