"""Text made safe for a terminal: control characters shown as visible escapes.

Article text, file names and messages are data. Before they reach a terminal, every C0
control except newline and tab, DEL, every C1 control and the bidi embedding, override
and isolate controls (U+202A–202E, U+2066–2069) are replaced by a Python-style escape:
``ESC`` becomes the four characters ``\\x1b``, ``CR`` becomes ``\\r``, U+202E becomes
``\\u202e``. Lone surrogates (a file name's undecodable byte, a ``\\ud800`` in JSON) are
escaped too (``\\xff``, ``\\ud800``), so printing never fails. The text stays readable
and nothing is interpreted by the terminal.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x08": "\\b", "\x00": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every terminal control character replaced by a visible escape."""
    return _UNSAFE.sub(_escape, text)


def clip(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, its last one "…" when it is longer (for
    columns, where a cut at a word would leave them ragged)."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line (runs of white space as one space), cut at a word boundary to at
    most ``limit`` characters plus " …" when it is longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut + " …"
