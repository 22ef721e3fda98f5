"""Render stage: Briefing -> {site path: content} for every generated page and data file.

Seed text is untrusted. Templates autoescape everything as HTML, and text placed in a
Markdown context (headings, link text) also goes through the `md` filter, so no seed
can produce live HTML, Markdown structure or a template expression.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial

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
    if type(value) is str:  # most values: test with one C call before running the pattern
        return value if value.isprintable() else _LINE_BREAKS.sub(" ", value)  # every break is unprintable
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


def number_text(n: int | float) -> str:
    """ "1,700,000", "31.4": thousands separated, no trailing zeros."""
    return f"{n:,}" if isinstance(n, int) else f"{n:,.6f}".rstrip("0").rstrip(".")


def value_text(value: int | float | tuple[int | float | None, int | float | None]) -> str:
    """A figure's value in words, the same on the site and in the briefing diff."""
    if not isinstance(value, tuple):
        return number_text(value)
    low, high = value
    if high is None:
        return f"{number_text(low)} or more"
    if low is None:
        return f"up to {number_text(high)}"
    return f"{number_text(low)}–{number_text(high)}"


def one_line(text: object) -> str:
    return " ".join(str(text).split())


class PageMemo:
    """The pages of this process's previous build, by template, address and the values they show.

    `mkdocs serve` renders the whole briefing again after every seed edit, though an edit changes
    few pages. A page rendered by `Context.page` is a function of its shown values alone, so when
    they equal the previous build's, the previous text is the page. Equality of the frozen model
    objects decides, not a digest, so a reused page cannot be stale.

    Each model object is compared with the previous build's once per build, and a page's key holds
    the matching previous object (`_Same`): comparing keys is then comparing identities, where
    comparing the objects themselves again for every page that shows them would cost more than
    rendering.
    """

    def __init__(self) -> None:
        # Texts by key: a page's (template, address, shown values), or a data file's line.
        self._texts: dict[tuple, str] = {}
        self._next_texts: dict[tuple, str] = {}
        self._objects: dict[_ByValue, _Same] = {}  # previous build's model objects, by value
        self._next_objects: dict[_ByValue, _Same] = {}
        # This build's objects by id, each held here so that no id is reused while the table lives.
        self._by_id: dict[int, tuple[object, _Same]] = {}

    def begin(self) -> None:
        """Start a build: what the previous build rendered is what can be reused."""
        self._texts, self._next_texts = self._next_texts, {}
        self._objects, self._next_objects = self._next_objects, {}

    def end(self) -> None:
        self._by_id = {}  # the build's objects are let go with its briefing

    def reuse(self, key: tuple, make: Callable[[], str]) -> str:
        """The previous build's text for `key`, or `make()`'s; kept for the next build either way."""
        text = self._texts.get(key)
        if text is None:
            text = make()
        self._next_texts[key] = text
        return text

    def line(self, kind: str, item: object, write: Callable[[object], str]) -> str:
        """A data file's line for `item`, the previous build's when the item is equal."""
        return self.reuse(("line", kind, self.key(item)), lambda: write(item))

    def key(self, value: object) -> object:
        """A hashable value equal exactly when `value` equals, compared cheaply."""
        kind = type(value)
        if kind is list or kind is tuple:
            return tuple([v if type(v) in _PLAIN else self.key(v) for v in value])  # type: ignore[union-attr]
        if kind is dict:
            return (dict, tuple((k, v if type(v) in _PLAIN else self.key(v)) for k, v in value.items()))  # type: ignore[union-attr]
        if kind is set or kind is frozenset:
            return (frozenset, frozenset(value))  # type: ignore[arg-type]
        if hasattr(kind, "__dataclass_fields__"):
            known = self._by_id.get(id(value))
            if known is None:
                probe = _ByValue(value)  # a dataclass hashes all it holds on every call: hash once
                same = self._next_objects.get(probe) or self._objects.get(probe) or _Same(value)
                known = self._by_id[id(value)] = (value, same)  # equal objects share one `_Same`
                # Kept by the object already kept, so an unchanged object is held once, not per build.
                self._next_objects.setdefault(_ByValue(same.value, probe.hash), same)
            return known[1]
        return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


class _ByValue:
    """A model object as a dict key, its (deep) hash computed once."""

    __slots__ = ("value", "hash")

    def __init__(self, value: object, hashed: int | None = None) -> None:
        self.value, self.hash = value, hash(value) if hashed is None else hashed

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ByValue) and other.value == self.value


class _Same:
    """A model object that compares by identity: one per distinct value across two builds."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


@dataclass
class Context:
    briefing: Briefing
    env: jinja2.Environment
    memo: PageMemo | None = None
    _links: dict[tuple[str, str, int | None], str] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def source_pages(self) -> dict[str, str]:
        """source id -> page path."""
        slugs = links.unique_slugs((s.id for s in self.briefing.sources), fallback="source")
        return {sid: f"sources/{slug}.md" for sid, slug in slugs.items()}

    def render(self, template: str, page: str, **values: object) -> str:
        """A page that may show anything in the briefing (`briefing` in the template)."""
        return self._render(template, page, briefing=self.briefing, ctx=self, **values)

    def page(self, template: str, page: str, **shown: object) -> str:
        """A page that shows only `shown` (and links to source pages): the template gets nothing
        else, so under `mkdocs serve` an unchanged page is taken from the previous build."""
        if self.memo is None:
            return self._render(template, page, **shown)
        try:
            key = (template, page, self._addresses, self.memo.key(shown))
            hash(key)
        except TypeError:  # a value that cannot be compared as a key: render it every time
            return self._render(template, page, **shown)
        return self.memo.reuse(key, lambda: self._render(template, page, **shown))

    @cached_property
    def _addresses(self) -> object:
        return self.memo.key(tuple(self.source_pages.items())) if self.memo else ()

    def _render(self, template: str, page: str, **values: object) -> str:
        cite = SourceLinks(page, self.source_pages, self._links)
        return self.env.get_template(template).render(
            page=page, href=partial(links.href, page),
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


@cache
def _environment() -> jinja2.Environment:
    """One environment per process: it compiles each template once, and again only when its file
    changes (Jinja checks), where a new environment per build would compile them all every time."""
    return make_env()


PageBuilder = Callable[[Context], dict[str, str]]


def _builders() -> list[PageBuilder]:
    """Every module of generator.pages contributes its pages; adding a page kind is adding a module."""
    import importlib
    import pkgutil

    import generator.pages as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"generator.pages.{name}").pages for name in names]


def render(briefing: Briefing, memo: PageMemo | None = None) -> dict[str, str | bytes]:
    """Every generated file; with a memo, pages equal to the memo's previous build are reused."""
    from generator import export

    if memo is not None:
        memo.begin()
    ctx = Context(briefing=briefing, env=_environment(), memo=memo)
    files: dict[str, str | bytes] = {}
    try:
        for build in _builders():
            files.update(build(ctx))
        files.update(export.data_files(briefing, memo.line if memo else None))
    finally:
        if memo is not None:
            memo.end()
    return dict(sorted(files.items()))
