"""Text from the seeds on a terminal: the CLI's messages and MkDocs' log both print it."""
from __future__ import annotations

import re

# Control characters from a file name or a seed's front matter would drive the terminal (escape
# sequences can rewrite what was printed); line breaks stay, as MkDocs' messages use them.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def terminal_safe(text: object) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", str(text))
