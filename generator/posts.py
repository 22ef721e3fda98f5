"""Embedded social posts as a scraped page shows them: the post's text, a signature
`— Name (@handle) Month D, YYYY`, and the embed's leftover markup (tags, ids, picture links).

A post is one block of its own, kept with its author, handle and date, so extraction can read
it as its author's words rather than as the article's narrative; the markup is removed with
the reason "embed markup". The shapes are generic (generator/data/furniture.yml, `embeds`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator import lexicon, sentences
from generator.model import Post

REASON_EMBED = "embed markup"
_HANDLE = re.compile(r"[A-Za-z0-9_]{1,30}")


@dataclass(frozen=True)
class Piece:
    """Part of one line: article text, an embedded post, or markup to remove."""

    text: str
    post: Post | None = None
    markup: bool = False


@dataclass(frozen=True)
class _Rules:
    signature: re.Pattern[str]
    open_tag: re.Pattern[str]
    markup: re.Pattern[str]
    trailing: re.Pattern[str]
    tagged: re.Pattern[str]
    attribute: re.Pattern[str]
    post_max_chars: int


@functools.cache
def rules() -> _Rules:
    embeds = lexicon.read("furniture")["embeds"]
    return _Rules(
        signature=re.compile(embeds["signature"]),
        open_tag=re.compile(embeds["open_tag"], re.I),
        markup=re.compile("|".join(f"(?:{p})" for p in embeds["markup"]), re.I),
        trailing=re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in embeds["markup"]) + ")", re.I),
        tagged=re.compile(embeds["tagged"], re.I),
        attribute=re.compile(r'\b(?P<key>[a-z_]+)\s*=\s*"(?P<value>[^"]{0,200})"', re.I),
        post_max_chars=lexicon.thresholds("posts")["post_max_chars"],
    )


def _strip_markup(text: str) -> tuple[str, list[str]]:
    """The text without embed markup, and the markup found, in order."""
    found = [m.group(0) for m in rules().markup.finditer(text)]
    return re.sub(r"\s{2,}", " ", rules().markup.sub(" ", text)).strip(), found


def _post_start(text: str, start: int, end: int) -> int:
    """Where the post ending at `end` begins: after its opening tag when there is one; else
    the whole text before it when that is short enough to be one post; else only its last
    sentence (where a post begins inside running text cannot be told, and the article's own
    sentences must not be given to the post's author)."""
    tags = list(rules().open_tag.finditer(text, start, end))
    if tags:
        return tags[-1].start()
    if end - start <= rules().post_max_chars:
        return start
    found = sentences.spans(text[start:end])
    return start + found[-1][0] if found else start


def _tagged(text: str) -> list[Piece] | None:
    """A post the scraper kept as a tag with attributes and no signature
    (`<tweet author="handle" datetime="…">text</tweet>`)."""
    out: list[Piece] = []
    done = 0
    for m in rules().tagged.finditer(text):
        attrs = {a["key"].casefold(): a["value"] for a in rules().attribute.finditer(m["attrs"])}
        handle = (attrs.get("author") or attrs.get("handle") or "").strip().lstrip("@")
        if text[done:m.start()].strip(" ."):
            out.append(Piece(text[done:m.start()].strip()))
        body, markup = _strip_markup(m["body"])
        out.append(Piece(m.group(0)[: m.start("body") - m.start()], markup=True))
        out.extend(Piece(x, markup=True) for x in markup)
        if body and _HANDLE.fullmatch(handle):
            date = attrs.get("datetime") or attrs.get("date")
            out.append(Piece(body, post=Post(author="@" + handle, handle=handle, date=date)))
        elif body:
            out.append(Piece(body))  # no handle to sign it: the text stays the article's
        out.append(Piece(m.group(0)[m.end("body") - m.start():], markup=True))
        done = m.end()
    if not out:
        return None
    if text[done:].strip(" ."):
        out.append(Piece(text[done:].strip()))
    return out


def pieces(text: str) -> list[Piece]:
    """One line cut into article text, posts and markup; a line without an embed is one piece."""
    r = rules()
    signatures = list(r.signature.finditer(text))
    bare = r.markup.fullmatch(text.strip()) if text.strip() else None
    if not signatures:
        if bare:
            return [Piece(text, markup=True)]
        tagged = _tagged(text)
        if tagged:
            return tagged
        body, markup = _strip_markup(text)
        if not markup:
            return [Piece(text)]
        # leftovers of an embed inside the text, or a line of nothing else
        return [Piece(m, markup=True) for m in markup] + ([Piece(body)] if re.search(r"\w", body) else [])
    out: list[Piece] = []
    done = 0
    for sig in signatures:
        begin = _post_start(text, done, sig.start())
        if text[done:begin].strip():
            out.append(Piece(text[done:begin].strip()))
        body, markup = _strip_markup(text[begin:sig.start()])
        post = Post(author=sig["author"].strip(), handle=sig["handle"], date=sig["date"])
        for m in markup:
            out.append(Piece(m, markup=True))
        if body:
            out.append(Piece(body, post=post))
        out.append(Piece(sig.group(0).strip(), markup=True))
        done = sig.end()
        close = r.trailing.match(text, done)
        while close and close.group(0).strip():
            out.append(Piece(close.group(0).strip(), markup=True))
            done = close.end()
            close = r.trailing.match(text, done)
    rest = text[done:].strip(" .")
    if rest:
        out.append(Piece(text[done:].strip()))
    return out
