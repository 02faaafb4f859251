"""Quotations in German news text: pairs of quotation marks, outermost first.

„…“ and „…” (German), »…« and «…» (both directions), ‚…‘ (inner quotes), “…” (English)
and straight "…", whose opening and closing marks are told apart by what stands beside
them. A quote may run over several sentences and paragraphs; one left open for more than
:data:`LONGEST` characters is taken for a stray mark and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

LONGEST = 6000
_CLOSERS = {"„": "“”", "»": "«", "«": "»", "‚": "‘’", "“": "”", '"': '"'}
_BEFORE_OPENING = " \n\t([{–—-/:"


@dataclass(frozen=True, slots=True)
class Quote:
    """``text[open] `` and ``text[close]`` are the marks; the words are between them."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def find_quotes(text: str, nested: bool = False) -> list[Quote]:
    """The outermost quotes of ``text`` in order (nested quotes are part of them); with
    ``nested``, the quotes inside them too, each after the quote it is in."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []
    for i, c in enumerate(text):
        if c not in _CLOSERS and c not in "“”‘’":
            continue
        if stack and i - stack[0][1] > LONGEST:
            stack.clear()  # a stray opening mark: forget it and what was opened after it
        top = stack[-1][0] if stack else ""
        if top and c in _CLOSERS[top] and (c != '"' or _closes(text, i)):
            _mark, at = stack.pop()
            if not stack or nested:
                found.append(Quote(at, i))
            continue
        if c == '"' and not _opens(text, i):
            continue
        if c in "”‘’":
            continue  # a closing mark with nothing open, or an apostrophe
        stack.append((c, i))
    return sorted(found, key=lambda q: (q.open, -q.close)) if nested else found


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _BEFORE_OPENING or before in "„»") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return not before.isspace() or not _opens(text, i)
