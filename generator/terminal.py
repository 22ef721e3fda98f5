"""Text from the seeds on a terminal: the CLI's messages and MkDocs' log both print it."""
from __future__ import annotations

import re

# Characters that are invisible or reorder the text around them (bidi controls, zero-width
# characters): in a file name or a message they disguise what is shown.
_INVISIBLE = "\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb"
# HIDDEN also matches line breaks: a file name must not start a line of its own. Control characters
# from a file name or a seed's front matter would drive the terminal (escape sequences can rewrite
# what was printed): terminal_safe escapes them all but the line break, which MkDocs' messages use.
HIDDEN = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{_INVISIBLE}]")
_SHOWN = re.compile(f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\u2028\u2029{_INVISIBLE}]")


def terminal_safe(text: object) -> str:
    return _SHOWN.sub(_escape, str(text))


def one_line(text: object) -> str:
    """terminal_safe for a message that must stay one line (a problem with a seed)."""
    return HIDDEN.sub(_escape, str(text))


def _escape(m: re.Match) -> str:
    return f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
