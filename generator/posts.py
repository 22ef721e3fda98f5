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

from generator import sentences
from generator.furniture import load_data
from generator.model import Post

REASON_EMBED = "embed markup"


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
    post_max_chars: int


@functools.cache
def rules() -> _Rules:
    embeds = load_data("furniture.yml")["embeds"]
    return _Rules(
        signature=re.compile(embeds["signature"]),
        open_tag=re.compile(embeds["open_tag"], re.I),
        markup=re.compile("|".join(f"(?:{p})" for p in embeds["markup"]), re.I),
        trailing=re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in embeds["markup"]) + ")", re.I),
        post_max_chars=embeds["post_max_chars"],
    )


def _strip_markup(text: str) -> tuple[str, list[str]]:
    """The text without embed markup, and the markup found, in order."""
    found = [m.group(0) for m in rules().markup.finditer(text)]
    return re.sub(r"\s{2,}", " ", rules().markup.sub(" ", text)).strip(), found


def _post_start(text: str, start: int, end: int) -> int:
    """Where the post ending at `end` begins: after its opening tag when there is one, else
    the trailing sentences that fit in one post (a post is short; the text before it is the
    article's)."""
    tags = list(rules().open_tag.finditer(text, start, end))
    if tags:
        return tags[-1].start()
    begin = end
    for a, _ in reversed([(start + a, start + b) for a, b in sentences.spans(text[start:end])]):
        if end - a > rules().post_max_chars and begin != end:
            break
        begin = a
    return begin


def pieces(text: str) -> list[Piece]:
    """One line cut into article text, posts and markup; a line without an embed is one piece."""
    r = rules()
    signatures = list(r.signature.finditer(text))
    bare = r.markup.fullmatch(text.strip()) if text.strip() else None
    if not signatures:
        return [Piece(text, markup=True)] if bare else [Piece(text)]
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
