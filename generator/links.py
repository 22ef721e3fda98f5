"""Where each generated page lives and how pages link to each other.

Links inside generated HTML are not rewritten by MkDocs, so they are computed here,
relative to the linking page, for directory URLs (`use_directory_urls: true`).
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


# A slug names a page's file, and file systems refuse names over 255 bytes: a seed can name an
# actor at any length. Cut slugs stay distinct through unique_slugs.
MAX_SLUG = 100
# Each folder's own overview page is its index.md: no source or actor may take that name.
RESERVED_SLUGS = frozenset({"index"})


def slugify(text: str, fallback: str = "item") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or fallback


def unique_slugs(names: Iterable[str], fallback: str = "item") -> dict[str, str]:
    """name -> slug, distinct even when two names slug alike (deterministic in input order), and
    never a folder's index page."""
    used: set[str] = set(RESERVED_SLUGS)
    return {name: free_slug(slugify(name, fallback), used) for name in names}


def free_slug(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … : the first not in `used`, which then holds it."""
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def page_url(src: str) -> str:
    """'sources/x.md' -> 'sources/x/', 'index.md' -> '', as MkDocs does with directory URLs."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_src: str, to: str, anchor: str | None = None) -> str:
    """Relative link from the page built from `from_src` to a page (…​.md) or a file."""
    here, there = _folders(from_src), _folders(to)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    rel = "/".join(("..",) * (len(here) - common) + there[common:])
    if to.endswith(".md"):
        rel = rel + "/" if rel else "./"
    return (rel or ".") + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=1 << 16)
def _folders(path: str) -> tuple[str, ...]:
    """The URL's path segments (a page's folder, with directory URLs). A site has few pages and
    links between them by the hundred thousand: each page's segments are worked out once."""
    url = page_url(path) if path.endswith(".md") else path
    return tuple(p for p in posixpath.normpath(url).split("/") if p not in ("", "."))


def paragraph_anchor(n: int) -> str:
    return f"p{n}"
