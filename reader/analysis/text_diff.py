"""A word-level comparison of two passages for the compare view.

:func:`compare` aligns the words of two texts (normalised: lower case, ä/ö/ü/ß folded,
punctuation and quotes ignored) with :class:`difflib.SequenceMatcher` and returns segments
that cover both texts completely, each marked ``equal`` or not, with offsets into each
text, so a view can style either side without re-tokenising. Whitespace and punctuation
between two equal words count as equal.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

Op = Literal["equal", "replace", "delete", "insert"]
_WORD = re.compile(r"\w+(?:[-‐‑'’]\w+)*")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "‐": "-", "‑": "-", "’": "'"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of both texts: ``a[a_start:a_end]`` and ``b[b_start:b_end]``.

    ``op`` is ``equal`` (the same words), ``replace`` (different words on both sides),
    ``delete`` (words only in ``a``) or ``insert`` (words only in ``b``).
    """

    op: Op
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str

    @property
    def equal(self) -> bool:
        return self.op == "equal"

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "a": [self.a_start, self.a_end],
            "b": [self.b_start, self.b_end],
            "a_text": self.a_text,
            "b_text": self.b_text,
        }


def normalise(word: str) -> str:
    """The form two words are compared in: lower case, umlauts and ß folded, NFC."""
    return unicodedata.normalize("NFC", word).lower().translate(_FOLD)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(normalise(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def compare(a_text: str, b_text: str) -> list[Segment]:
    """Segments covering ``a_text`` and ``b_text`` from start to end, in order.

    Concatenating the ``a_text`` of all segments gives ``a_text`` back, and the same for
    ``b``. Words that differ only in case, umlaut spelling or surrounding punctuation are
    equal ("NATO" and "Nato"; "„Garantien“" and "Garantien").
    """
    a_words, b_words = _words(a_text), _words(b_text)
    matcher = difflib.SequenceMatcher(
        None, [w for w, _, _ in a_words], [w for w, _, _ in b_words], autojunk=False
    )
    opcodes = matcher.get_opcodes()
    if not opcodes:  # no words on either side
        if not a_text and not b_text:
            return []
        return [Segment("equal", 0, len(a_text), 0, len(b_text), a_text, b_text)]
    segments: list[Segment] = []
    a_pos = b_pos = 0
    for n, (tag, _i1, i2, _j1, j2) in enumerate(opcodes):
        # A stretch runs to the first word of the next one, so the spaces and punctuation
        # after its words belong to it; the last runs to the end of both texts.
        last = n == len(opcodes) - 1
        a_end = len(a_text) if last else a_words[i2][1] if i2 < len(a_words) else len(a_text)
        b_end = len(b_text) if last else b_words[j2][1] if j2 < len(b_words) else len(b_text)
        segments.append(
            Segment(
                tag,
                a_pos,
                a_end,
                b_pos,
                b_end,
                a_text[a_pos:a_end],
                b_text[b_pos:b_end],
            )
        )
        a_pos, b_pos = a_end, b_end
    return segments


def similarity(a_text: str, b_text: str) -> float:
    """Share of words the two texts have in common, in order (0 … 1)."""
    a_words, b_words = _words(a_text), _words(b_text)
    if not a_words and not b_words:
        return 1.0
    matcher = difflib.SequenceMatcher(
        None, [w for w, _, _ in a_words], [w for w, _, _ in b_words], autojunk=False
    )
    return matcher.ratio()
