"""The raw-HTML fast path must give exactly the HTML Python-Markdown gives on its own."""
from __future__ import annotations

import markdown
import pytest

from conftest import ROOT
from generator import pipeline, render
from generator.rawhtml import RawBlocksExtension

# What MkDocs gives every page besides mkdocs.yml's own list (toc).
MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def both(text: str) -> tuple[str, str]:
    plain = markdown.markdown(text, extensions=MKDOCS_EXTENSIONS)
    fast = markdown.markdown(text, extensions=[*MKDOCS_EXTENSIONS, RawBlocksExtension()])
    return plain, fast


def body(page: str) -> str:
    return page.split("---\n", 2)[2] if page.startswith("---\n") else page


@pytest.fixture(scope="module")
def hostile_pages():
    return render.publishable(render.render(pipeline.build_briefing(HOSTILE)))


def test_every_page_of_the_seeds_briefing_is_unchanged(seeds_briefing):
    pages = {p: c for p, c in render.publishable(render.render(seeds_briefing)).items() if p.endswith(".md")}
    assert len(pages) > 20
    for path, page in pages.items():
        plain, fast = both(body(page))
        assert fast == plain, path


def test_every_page_of_the_hostile_seeds_is_unchanged(hostile_pages):
    for path, page in hostile_pages.items():
        if path.endswith(".md"):
            plain, fast = both(body(page))
            assert fast == plain, path


@pytest.mark.parametrize("text", [
    "<div>\n<p>one</p>\n</div>\n\n<div>two</div>\n",  # blocks, with and without a blank line after
    "<div>one</div>\n<p>two</p>\n\n# Heading\n",  # two elements in one block: Markdown's parser decides
    "<a href=\"x\">inline</a> *text*\n",  # an inline tag starts a paragraph, not a raw block
    "&lt;div&gt; escaped seed text\n\n<ul>\n<li>x</li>\n</ul>",  # the last block ends the page
    "<div>\n\nopen across a blank line\n\n</div>\n",
    "<p>one</p>\ntext after it\n<table>\n<tr><td>x</td></tr>\n</table>\n",  # a line of text between
    "<div>\n<div>inner</div>\n<p>more</p>\n</div>\n<p>after</p>\n",  # nested: the first close is not the end
    "<p>one</p>\n</div>\n",  # a closing tag with nothing open
])
def test_shapes_markdown_would_treat_otherwise_are_left_to_it(text):
    plain, fast = both(text)
    assert fast == plain


def _tags_parsed(monkeypatch) -> list[str]:
    """The start tags Python-Markdown's own HTML parser meets from now on, in order."""
    seen: list[str] = []
    real = markdown.htmlparser.HTMLExtractor.handle_starttag
    monkeypatch.setattr(markdown.htmlparser.HTMLExtractor, "handle_starttag",
                        lambda self, tag, attrs: (seen.append(tag), real(self, tag, attrs)))
    return seen


def test_a_block_it_takes_is_not_parsed_again(monkeypatch):
    seen = _tags_parsed(monkeypatch)
    text = "<table>\n<tr><td>*not emphasis*</td></tr>\n</table>\n"
    plain, fast = both(text)
    assert seen == ["table", "tr", "td"]  # Python-Markdown's own parser, for `plain` only
    assert fast == plain == "<table>\n<tr><td>*not emphasis*</td></tr>\n</table>"


def test_elements_one_after_another_in_one_block_are_taken_whole(monkeypatch):
    # A figure's spread line and its table, written without a blank line between them.
    seen = _tags_parsed(monkeypatch)
    text = '<p class="spread">Spread: *3*</p>\n<table>\n<tr><td>*x*</td></tr>\n</table>\n\n# After\n'
    plain, fast = both(text)
    assert seen == ["p", "table", "tr", "td"]  # only for `plain`
    assert fast == plain
