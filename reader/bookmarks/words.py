"""Word ranges as users type and read them: word numbers counting from 1, both ends
included (``17-27`` is eleven words), the same in the app's dialog, ``--words`` of
``reader bookmarks add`` and ``reader quote``, the bookmarks pane, the exports, the JSON
output and the bookmarks file (``words: [17, 27]``).

Inside reader a range is the half-open pair of indexes into
:func:`~reader.bookmarks.model.passage_words` (``17-27`` is ``(16, 27)``); only this module
and the file format turn one into the other.
"""

from __future__ import annotations

import re

WordIndexes = tuple[int, int]
"""A half-open range of indexes into the passage's words (``(16, 27)``)."""

_RANGE = re.compile(r"^\s*(\d*)\s*(?:(-|–|\.\.)\s*(\d*))?\s*$")
_OLD_FORM = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*$")
EXAMPLE = "17-27"


class WordRangeError(ValueError):
    """A word range that cannot be used; the message says why, in the user's numbers."""


def parse_word_range(text: str, count: int, *, passage: str = "") -> WordIndexes | None:
    """``"17-27"`` (words 17 to 27, counting from 1), ``"5"`` (one word), ``"3-"`` (to the
    end) or ``"-4"`` (from the start) as half-open indexes; ``None`` for an empty text or a
    range covering the whole passage of ``count`` words. ``passage`` (its id, or ``¶3``)
    names it in messages. Raises :class:`WordRangeError`."""
    if not text.strip():
        return None
    where = f"passage {passage}" if passage else "the passage"
    old = _OLD_FORM.match(text)
    if old is not None:
        first, last = int(old.group(1)), int(old.group(2))
        hint = f"; write {first + 1}-{last}" if first < last else ""
        raise WordRangeError(
            f"{text.strip()!r}: word ranges are FIRST-LAST, counting from 1 with both ends "
            f"included, e.g. {EXAMPLE} (the old FIRST:LAST form is no longer read{hint})"
        )
    match = _RANGE.match(text)
    if match is None or not (match.group(1) or match.group(3)):
        raise WordRangeError(
            f"not a word range: {text.strip()!r} (type word numbers like {EXAMPLE}, counting "
            "from 1 with both ends included, or leave it empty for the whole passage)"
        )
    first = int(match.group(1)) if match.group(1) else 1
    last = first
    if match.group(2):
        last = int(match.group(3)) if match.group(3) else count
    shown = f"{first}-{last}" if match.group(2) else str(first)
    if first < 1 or last < 1:
        raise WordRangeError(f"words {shown}: word numbers start at 1 ({where} has {count} words)")
    if first > last:
        raise WordRangeError(
            f"words {shown} run backwards: give the lower number first ({where} has {count} words)"
        )
    if last > count:
        raise WordRangeError(
            f"words {shown} are past the end: {where} has {count} words (1-{count})"
        )
    if (first, last) == (1, count):
        return None
    return first - 1, last


def format_word_range(words: WordIndexes | None) -> str:
    """A range in the user's numbers (``(16, 27)`` -> ``"17-27"``, one word ``"17"``)."""
    if words is None:
        return ""
    first, last = shown_numbers(words)
    return str(first) if first == last else f"{first}-{last}"


def shown_numbers(words: WordIndexes) -> tuple[int, int]:
    """The first and last word numbers, counting from 1 (``(16, 27)`` -> ``(17, 27)``)."""
    return words[0] + 1, words[1]


def from_shown_numbers(first: int, last: int) -> WordIndexes:
    """The indexes of words ``first`` to ``last`` counted from 1 (``17, 27`` -> ``(16, 27)``)."""
    return first - 1, last


def outside_message(words: WordIndexes, count: int, passage: str) -> str:
    """Why ``words`` does not fit a passage of ``count`` words (its id ``passage``)."""
    return (
        f"words {format_word_range(words)} are outside passage {passage}: "
        f"it has {count} words (1-{count})"
    )
