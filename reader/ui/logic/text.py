"""Article text is data: control characters are made visible before anything reaches the
terminal, one character for one, so span offsets into the original text stay valid.

No Textual import here: the core and its tests may use these functions.
"""

from __future__ import annotations

from reader.corpus.visible import shorten as cut_at_word

REPLACEMENT = "\ufffd"

# C0 controls become the matching "control picture" (ESC -> ␛, BEL -> ␇); newline stays a
# line break and tab becomes a space. DEL -> ␡. C1 controls (0x80-0x9f, which some terminals
# read as CSI/OSC introducers) and the bidirectional overrides that can make text display
# differently from what it says become U+FFFD.
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_TABLE[0x0A] = "\n"
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({c: REPLACEMENT for c in range(0x80, 0xA0)})
_TABLE.update({c: REPLACEMENT for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE.update({0x2028: "\n", 0x2029: "\n"})

_ONE_LINE = dict(_TABLE)
_ONE_LINE[0x0A] = " "
_ONE_LINE[0x2028] = " "
_ONE_LINE[0x2029] = " "


def visible(text: str) -> str:
    """``text`` with every terminal control character replaced by a visible stand-in.

    ``len(visible(t)) == len(t)`` always, so offsets into ``t`` are offsets into the result.
    Newlines are kept; markup such as ``[bold]`` is left alone (it is not interpreted when
    rendered as Content).
    """
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """Like :func:`visible`, with line breaks turned into spaces (for list rows)."""
    return text.translate(_ONE_LINE)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line with control characters shown (:func:`one_line`), cut at a word
    boundary to at most ``limit`` characters plus " …" when it is longer."""
    return cut_at_word(one_line(text), limit)


def shorten_middle(text: str, limit: int) -> str:
    """``text`` on one line (:func:`one_line`), at most ``limit`` characters: a longer one
    keeps its start and its end, with "…" for the middle (a URL's site and its last part)."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    if limit <= 1:
        return "…"[:limit]
    head = limit // 2
    tail = limit - 1 - head
    return line[:head] + "…" + (line[-tail:] if tail else "")
