"""Rendering: golden pages for a tiny briefing, and seed text that must stay text."""
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.model import Article, Briefing, Paragraph, Removed, Source
from generator.render import md_inline, render, safe_url

GOLDEN = Path(__file__).parent / "golden"


def tiny_briefing(title="Bridge reopens after flood", text="The bridge reopened on Friday, the mayor said.") -> Briefing:
    article = Article(
        id="bridge 01", path="seeds/bridge 01.txt", title=title, title_basis="headline",
        paragraphs=(Paragraph(1, text, 2), Paragraph(2, "Traffic was light.", 3)),
        removed=(Removed("Share this story", "share prompt", 4),),
        outlet="Valley Courier", outlet_basis="front matter", published="2023-04-05", published_basis="front matter",
        url="https://example.org/bridge",
    )
    return Briefing(title="Test briefing", description="A tiny briefing.", sources=(Source(article),))


@pytest.mark.parametrize("page", ["index.md", "sources/index.md", "sources/bridge-01.md"])
def test_golden_pages(page):
    """Golden files were written by reading each page; update them only by reading the diff."""
    files = render(tiny_briefing())
    assert files[page] == (GOLDEN / page.replace("/", "__")).read_text(encoding="utf-8")


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "# Heading injection",
    "| a | b |\n|---|---|",
    "!!! warning \"Admonition\"",
    "--8<-- \"/etc/passwd\"",
    "{{ config }} {% include 'x' %}",
    "*emphasis* __strong__ `code`",
]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("text", HOSTILE)
def test_seed_text_renders_as_literal_text(text):
    files = render(tiny_briefing(title=text, text=text))
    parsed = Elements()
    parsed.feed(markdown.markdown(files["sources/bridge-01.md"], extensions=["toc"]))
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "img" not in names and "table" not in names
    assert names.count("h1") == 1  # the page's own heading only
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert not any(str(attrs.get("href", "")).startswith("javascript") for _, attrs in parsed.tags)
    assert not any("admonition" in str(attrs.get("class", "")) for _, attrs in parsed.tags)
    assert text.split("\n")[0] in "".join(parsed.text)  # shown, as text


def test_md_inline_escapes_markdown_and_html():
    assert str(md_inline("a *b* <i>")) == "a &#42;b&#42; &lt;i&gt;"


def test_only_web_urls_become_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def rendered_pages(monkeypatch) -> list[str]:
    """The addresses of the pages actually rendered from here on (not taken from a memo)."""
    from generator.render import Context

    seen: list[str] = []
    original = Context._render

    def counting(self, template, page, **values):
        seen.append(page)
        return original(self, template, page, **values)

    monkeypatch.setattr(Context, "_render", counting)
    return seen


def test_a_memo_reuses_exactly_the_pages_whose_shown_values_are_unchanged(seeds_briefing, monkeypatch):
    import copy
    import dataclasses

    from generator.render import PageMemo

    memo = PageMemo()
    first = render(seeds_briefing, memo)
    seen = rendered_pages(monkeypatch)
    # An equal briefing made of other objects, as the next build of `mkdocs serve` makes it.
    assert render(copy.deepcopy(seeds_briefing), memo) == first
    reused_all = list(seen)

    edited = seeds_briefing.sources[1]
    page = f"sources/{edited.id.replace('_', '-')}.md"
    naming = {f"sources/{s.id.replace('_', '-')}.md" for s in seeds_briefing.sources
              if edited.id in [o.other for o in s.overlaps] + [s.duplicate_of]}
    assert naming, "the seeds have copies: some source page names this one"
    paragraph = edited.article.paragraphs[0]

    def with_article(**changes):
        article = dataclasses.replace(edited.article, **changes)
        return dataclasses.replace(seeds_briefing, sources=tuple(
            dataclasses.replace(s, article=article) if s is edited else s for s in seeds_briefing.sources))

    # A paragraph edited: its page changes; pages naming the source show only its title.
    changed = with_article(paragraphs=(
        dataclasses.replace(paragraph, text=paragraph.text + " An added sentence."), *edited.article.paragraphs[1:]))
    seen.clear()
    again = render(changed, memo)
    assert again == render_without_memo(changed, monkeypatch, seen)
    assert again[page] != first[page]
    # Only pages that need the whole briefing are rendered every time; of the others, the edited one.
    assert set(seen) - set(reused_all) == {page}
    assert any(p.startswith("actors/") and p != "actors/index.md" for p in first)
    assert not any(p.startswith("actors/") for p in seen)

    # Its title edited: the pages that name it change too.
    retitled = with_article(title="A retitled report")
    seen.clear()
    assert render(retitled, memo) == render_without_memo(retitled, monkeypatch, seen)
    assert set(seen) - set(reused_all) == {page} | naming


def render_without_memo(briefing, monkeypatch, seen):
    """What a build without a memo renders, leaving the count of memo-less renders out."""
    before = len(seen)
    files = render(briefing)
    del seen[before:]
    return files
