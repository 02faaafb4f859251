"""Find in article: every occurrence of a word, ignoring case and accents.

Folding is one character for one, so match offsets are offsets into the original text
("gesprach" finds "Gespräch", "STRASSE" does not find "Straße").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    lower = ch.lower()
    if len(lower) != 1:
        return ch
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isprintable() else lower


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled in as characters are met."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = _fold_char(chr(codepoint))
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-cased, accent-stripped ``text`` of the same length."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` offsets of ``needle`` in ``text`` (folded)."""
    needle = fold(needle.strip())
    if not needle:
        return []
    haystack = fold(text)
    found: list[tuple[int, int]] = []
    pos = haystack.find(needle)
    while pos >= 0:
        found.append((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle))
    return found
