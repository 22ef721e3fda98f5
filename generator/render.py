"""Render stage: Briefing -> {site path: content} for every generated page and data file.

Seed text is untrusted. Templates autoescape everything as HTML, and text placed in a
Markdown context (headings, link text) also goes through the `md` filter, so no seed
can produce live HTML, Markdown structure or a template expression.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial

import jinja2
from markupsafe import Markup, escape

from generator import links
from generator.model import Briefing

# Characters Python-Markdown (and the extensions we enable) give meaning to in inline text.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]!#|~]")  # the rest cannot start Markdown inline syntax mid-line


# Every character some parser treats as a line break. A value spanning lines could end the
# raw HTML block it sits in (a blank line does) and let the rest be read as Markdown.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def single_line(value: object) -> object:
    """Jinja `finalize`: no expression can put a line break into a page; markup from our own
    filters and macros passes unchanged (it is built from already single-line values)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _LINE_BREAKS.sub(" ", value)
    return value


def md_inline(text: object) -> Markup:
    """Escape text for a Markdown inline context: HTML-escaped, then every Markdown
    punctuation mark backslash-escaped or turned into an entity, so it renders literally."""
    html = str(escape(_LINE_BREAKS.sub(" ", str(text))))
    # Entities produced by `escape` must survive; escape the rest of the punctuation.
    parts = re.split(r"(&(?:amp|lt|gt|quot|#34|#39);)", html)
    out = [p if p.startswith("&") and p.endswith(";") else _md_escape_plain(p) for p in parts]
    return Markup("".join(out))


def _md_escape_plain(text: str) -> str:
    return "".join(f"&#{ord(c)};" if _MD_SPECIAL.match(c) else c for c in text)


def safe_url(url: object) -> str | None:
    """Only web links become links; `javascript:`, `data:` and the like stay text."""
    text = str(url).strip()
    return text if re.fullmatch(r"https?://[^\s<>\"'`\\]+", text, re.I) else None


# What YAML may not hold literally in a double-quoted scalar (besides the quote and backslash).
_YAML_UNSAFE = re.compile("[^\x09\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\"\\\\]")


def title_front_matter(markdown: str) -> str:
    """Give a page whose first line is its `# heading` that heading as its front matter title.

    Themes build `<title>` from the heading with `striptags`, which unescapes it, so a seed title
    containing `</title><script>` would run; a front matter title is inserted as it is. The heading
    is already escaped (the `md` filter), so it is the title, quoted for YAML.
    """
    first, _, rest = markdown.partition("\n")
    if not first.startswith("# ") or markdown.startswith("---"):
        return markdown
    quoted = _YAML_UNSAFE.sub(lambda m: f"\\U{ord(m.group()):08x}", first[2:].strip())
    return f'---\ntitle: "{quoted}"\n---\n{markdown}'


def publishable(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The rendered files as they are handed to MkDocs or written for another site builder:
    every page but the home page (whose title is the site's name) titled by front matter."""
    return {
        path: title_front_matter(content) if path.endswith(".md") and path != "index.md" and isinstance(content, str)
        else content
        for path, content in files.items()
    }


def value_text(value: int | tuple[int | None, int | None]) -> str:
    """A figure's value in words, the same on the site and in the briefing diff."""
    if isinstance(value, int):
        return str(value)
    low, high = value
    if high is None:
        return f"{low} or more"
    if low is None:
        return f"up to {high}"
    return f"{low}–{high}"


def one_line(text: object) -> str:
    return " ".join(str(text).split())


@dataclass
class Context:
    briefing: Briefing
    env: jinja2.Environment
    _links: dict[tuple[str, str, int | None], str] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def source_pages(self) -> dict[str, str]:
        """source id -> page path."""
        slugs = links.unique_slugs((s.id for s in self.briefing.sources), fallback="source")
        return {sid: f"sources/{slug}.md" for sid, slug in slugs.items()}

    def render(self, template: str, page: str, **values: object) -> str:
        cite = SourceLinks(page, self.source_pages, self._links)
        return self.env.get_template(template).render(
            briefing=self.briefing, ctx=self, page=page, href=partial(links.href, page),
            source_href=cite.href, source_link=cite.link, source_links=cite.links, **values
        )


class SourceLinks:
    """One page's links to source pages and paragraphs, escaped as a template expression would be.
    Pages cite sources by the hundred thousand on large briefings, too often for a template macro:
    a page works out each source's address once, and a link made for one page is reused by every
    page that reaches that source by the same address (all profiles, say)."""

    def __init__(self, page: str, source_pages: dict[str, str], made: dict[tuple[str, str, int | None], str]) -> None:
        self.page, self.source_pages, self._made = page, source_pages, made
        self._hrefs: dict[str, str] = {}  # source id -> its page's address from this page

    def href(self, source_id: str, paragraph: int | None = None) -> Markup:
        href = self._href(source_id)
        return Markup(f"{href}#{_text(links.paragraph_anchor(paragraph))}" if paragraph else href)

    def link(self, source_id: str, paragraph: int | None = None) -> Markup:
        """`source ¶n`, linked."""
        return Markup(self._link(source_id, paragraph))

    def links(self, places: Iterable[tuple[str, int]]) -> Markup:
        """A link to each (source, paragraph), comma separated."""
        return Markup(", ".join([self._link(source, paragraph) for source, paragraph in places]))

    def _href(self, source_id: str) -> str:
        href = self._hrefs.get(source_id)
        if href is None:
            href = self._hrefs[source_id] = _text(links.href(self.page, self.source_pages[source_id]))
        return href

    def _link(self, source_id: str, paragraph: int | None) -> str:
        key = (self._href(source_id), source_id, paragraph)
        link = self._made.get(key)
        if link is None:
            number = f" ¶{_text(paragraph)}" if paragraph else ""
            link = self._made[key] = f'<a href="{self.href(source_id, paragraph)}">{_text(source_id)}{number}</a>'
        return link


def _text(value: object) -> Markup:
    """A value as a template expression outputs it."""
    return escape(single_line(value))


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=single_line,
    )
    env.filters["md"] = md_inline
    env.filters["one_line"] = one_line
    env.filters["safe_url"] = safe_url
    return env


PageBuilder = Callable[[Context], dict[str, str]]


def _builders() -> list[PageBuilder]:
    """Every module of generator.pages contributes its pages; adding a page kind is adding a module."""
    import importlib
    import pkgutil

    import generator.pages as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"generator.pages.{name}").pages for name in names]


def render(briefing: Briefing) -> dict[str, str | bytes]:
    from generator import export

    ctx = Context(briefing=briefing, env=make_env())
    files: dict[str, str | bytes] = {}
    for build in _builders():
        files.update(build(ctx))
    files.update(export.data_files(briefing))
    return dict(sorted(files.items()))
