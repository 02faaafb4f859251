"""Long texts cut into pieces the entity recogniser can take: its memory and time grow
faster than a text's length (a 35 MB single paragraph took 19.9 GB; reliability review,
finding 7), so a text longer than :data:`PIECE` characters is recognised piece by piece."""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE = 50_000
"""Characters the recogniser sees at once (about 30 MB of memory at most)."""

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'»«“”]?\s+"), re.compile(r"\s+"))
"""Where a piece may end, best first: a paragraph break, a sentence end, any space."""


def pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs that join up to ``text``, each at most ``size`` characters,
    cut at the last paragraph break, else sentence end, else space in the second half of
    the window (a text without any is cut at ``size``)."""
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _cut(text: str, start: int, end: int) -> int:
    """The end of the piece that starts at ``start`` and may reach ``end``."""
    half = start + (end - start) // 2
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, half, end)]
        if ends:
            return ends[-1]
    return end
