"""A word-level comparison of two passages for the compare view.

:func:`compare` aligns the words of two texts (normalised: lower case, ä/ö/ü/ß folded,
punctuation and quotes ignored) with :class:`difflib.SequenceMatcher` and returns segments
that cover both texts completely, each marked ``equal`` or not, with offsets into each
text, so a view can style either side without re-tokenising. Whitespace and punctuation
between two equal words count as equal.

That alignment keeps the order of both texts; two outlets often say the same in another
order. :func:`shared_phrases` finds the phrases the two texts share wherever they stand
(longest first), and :func:`similarity` is the share of words in them.
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


MIN_PHRASE = 2  # words a shared phrase has at least ...
MIN_WORD = 7  # ... unless it is one word this long ("Sicherheitsgarantien")


@dataclass(frozen=True, slots=True)
class Shared:
    """The phrases two texts share, in any order: word ranges as character offsets."""

    a: list[tuple[int, int]]
    b: list[tuple[int, int]]
    a_words: int
    b_words: int
    shared_words: int

    @property
    def similarity(self) -> float:
        """Share of the two texts' words that are in these phrases (0 … 1)."""
        if not self.a_words and not self.b_words:
            return 1.0
        return 2 * self.shared_words / (self.a_words + self.b_words)


def shared_phrases(a_text: str, b_text: str) -> Shared:
    """The phrases of ``a_text`` that ``b_text`` has too, wherever they stand: the longest
    common run of words first, then the longest among the words left, down to
    :data:`MIN_PHRASE` words (or one word of :data:`MIN_WORD` letters); a phrase of only
    short words ("in der") does not count."""
    a_words, b_words = _words(a_text), _words(b_text)
    a_free = [True] * len(a_words)
    b_free = [True] * len(b_words)
    a_spans: list[tuple[int, int]] = []
    b_spans: list[tuple[int, int]] = []
    shared = 0
    while True:
        found = _longest_free(a_words, b_words, a_free, b_free)
        if found is None:
            break
        i, j, n = found
        for k in range(n):
            a_free[i + k] = b_free[j + k] = False
        a_spans.append((a_words[i][1], a_words[i + n - 1][2]))
        b_spans.append((b_words[j][1], b_words[j + n - 1][2]))
        shared += n
    return Shared(sorted(a_spans), sorted(b_spans), len(a_words), len(b_words), shared)


def _longest_free(
    a: list[tuple[str, int, int]],
    b: list[tuple[str, int, int]],
    a_free: list[bool],
    b_free: list[bool],
) -> tuple[int, int, int] | None:
    """The longest run of equal words free on both sides that counts, as (i, j, length)."""
    best: tuple[int, int, int] | None = None
    previous = [0] * (len(b) + 1)
    for i in range(len(a)):
        current = [0] * (len(b) + 1)
        if a_free[i]:
            word = a[i][0]
            for j in range(len(b)):
                if b_free[j] and b[j][0] == word:
                    n = current[j + 1] = previous[j] + 1
                    if (best is None or n > best[2]) and _counts(a, i - n + 1, n):
                        best = (i - n + 1, j - n + 1, n)
        previous = current
    return best


def _counts(words: list[tuple[str, int, int]], start: int, n: int) -> bool:
    phrase = [w for w, _, _ in words[start : start + n]]
    if n >= MIN_PHRASE:
        return any(len(w) >= 4 for w in phrase)
    return len(phrase[0]) >= MIN_WORD


def similarity(a_text: str, b_text: str) -> float:
    """Share of the two texts' words that are in phrases both have, in any order (0 … 1)."""
    return shared_phrases(a_text, b_text).similarity
