"""A Markdown extension: the raw HTML blocks our templates write go to the page unparsed.

Generated pages are mostly raw HTML blocks (tables, lists, the source texts). Python-Markdown
runs every page through an HTML parser to find where those blocks end, MkDocs runs a second one
to collect anchor ids, and together they were most of a build's time: about 70% of
`mkdocs build` for 100 sources. The templates already know where each block ends (a blank line,
which no rendered value can contain; see `render.single_line`), so a block that starts with a
block-level tag is stashed whole, as Python-Markdown would have stashed it after parsing. Seed
text cannot start a block: it is HTML-escaped, so no line of it begins with "<".
"""
from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>]")


class RawBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        start = 0
        for end in range(len(lines) + 1):
            if end < len(lines) and lines[end].strip():
                continue
            if start < end:
                # Python-Markdown keeps the blank line after a block in the block (one more line must follow it).
                blank_after = end + 1 < len(lines) and not lines[end].strip(" ")
                out.extend(self._stashed(lines[start:end], blank_after))
            if end < len(lines):
                out.append(lines[end])
            start = end + 1
        return out

    def _stashed(self, block: list[str], blank_after: bool) -> list[str]:
        opening = _OPENING.match(block[0])
        if opening is None or not self.md.is_block_level(opening.group(1).lower()):
            return block
        if not self._whole_elements(block):
            return block  # left to Python-Markdown's own parser
        return [self.md.htmlStash.store("\n".join(block) + ("\n" if blank_after else ""))]

    def _whole_elements(self, block: list[str]) -> bool:
        """Whether the block is one element, or elements one after another ("<p>…</p>" then
        "<table>…</table>"), each opening with a block-level tag at the start of a line and closing
        at the end of one; the parser would stash each whole, and write them as they stand."""
        i = 0
        while i < len(block):
            opening = _OPENING.match(block[i])
            if opening is None or not self.md.is_block_level(opening.group(1).lower()):
                return False
            close = f"</{opening.group(1)}>"
            last = len(block) - 1 if i == 0 and block[-1].rstrip().endswith(close) else \
                next((k for k in range(i, len(block)) if block[k].rstrip().endswith(close)), None)
            if last is None:
                return False
            i = last + 1
        return True


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After whitespace normalisation (30) and fenced code (25), before MkDocs' anchor scan (21)
        # and the HTML block parser (20): the order Python-Markdown itself would treat these blocks in.
        md.preprocessors.register(RawBlocks(md), "briefing_raw_blocks", 22)
