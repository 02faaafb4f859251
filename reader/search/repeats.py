"""Items an outlet shows again under a new id: the same source with the same headline
within a few days of the previous showing.

Front pages and feeds repeat an item for days, each time with a new id. Such a run is one
:class:`Repeat`: shown once in the library and in search results, with how often it was
shown and its first and last time. Two showings more than :data:`WINDOW_DAYS` apart are
separate items (a yearly "Dinner for One" teaser is not one run). Undated showings of a
headline go with its first run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from reader.corpus.model import When

WINDOW_DAYS = 3
"""A showing at most this many days after the previous one continues the run."""
_WORDS = re.compile(r"\w+")


def headline_key(source: str, title: str) -> str:
    """What two showings of one item share: the source and the headline (as the store holds
    it, so that a search can ask the store for the other showings of its hits)."""
    title = title.strip()
    return f"{source}\x00{title}" if _WORDS.search(title) else ""


@dataclass(frozen=True, slots=True)
class Repeat:
    """One item shown several times: its article ids in the order shown (the first is the
    one the library and the search keep), and the first and last dated showing."""

    ids: tuple[str, ...]
    first: When | None
    last: When | None

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def kept(self) -> str:
        return self.ids[0]

    def to_json(self) -> dict[str, object]:
        return {
            "count": self.count,
            "first": self.first.to_json() if self.first else None,
            "last": self.last.to_json() if self.last else None,
            "articles": list(self.ids),
        }

    def describe(self) -> str:
        """``shown 3 times, 2025-12-29 – 2025-12-31``"""
        span = ""
        if self.first and self.last:
            first, last = self.first.iso()[:10], self.last.iso()[:10]
            span = f", {first}" + (f" – {last}" if last != first else "")
        return f"shown {self.count} times{span}"


def find_repeats(
    items: Iterable[tuple[str, str, str, When | None]], days: int = WINDOW_DAYS
) -> dict[str, Repeat]:
    """``(id, source, title, date)`` of articles → the :class:`Repeat` of every article
    shown more than once (articles shown once are not in the answer)."""
    by_key: dict[str, list[tuple[str, When | None]]] = {}
    for article_id, source, title, date in items:
        key = headline_key(source or "", title or "")
        if key:
            by_key.setdefault(key, []).append((article_id, date))
    found: dict[str, Repeat] = {}
    for showings in by_key.values():
        if len(showings) < 2:
            continue
        for run in _runs(showings, days):
            if len(run) > 1:
                dated = [d for _, d in run if d is not None]
                first = min(dated, default=None, key=_order)
                last = max(dated, default=None, key=_order)
                repeat = Repeat(tuple(i for i, _ in run), first, last)
                found.update(dict.fromkeys(repeat.ids, repeat))
    return found


def _order(date: When) -> tuple[int, ...]:
    return date.sort_key()


def _runs(
    showings: list[tuple[str, When | None]], days: int
) -> list[list[tuple[str, When | None]]]:
    """Dated showings in time order, split where the gap exceeds ``days``; undated ones
    join the first run."""
    dated = sorted(((i, d) for i, d in showings if d is not None), key=lambda s: _order(s[1]))
    runs: list[list[tuple[str, When | None]]] = []
    previous: When | None = None
    for article_id, when in dated:
        if previous is not None and runs and (when.as_date() - previous.as_date()).days <= days:
            runs[-1].append((article_id, when))
        else:
            runs.append([(article_id, when)])
        previous = when
    undated: list[tuple[str, When | None]] = [(i, d) for i, d in showings if d is None]
    if runs:
        runs[0].extend(undated)
    else:
        runs.append(undated)
    return runs


H = TypeVar("H")


def fold_hits(
    hits: Sequence[H], repeats: dict[str, Repeat], where: Callable[[H], tuple[str, int]]
) -> list[tuple[H, list[H]]]:
    """Each hit with the hits folded into it: a hit on a passage of a repeated item that an
    earlier (better) hit shows already is folded into that one. ``where(hit)`` is the hit's
    ``(article id, passage index)``."""
    kept: list[tuple[H, list[H]]] = []
    first_of: dict[tuple[str, int], int] = {}
    for hit in hits:
        article_id, index = where(hit)
        repeat = repeats.get(article_id)
        slot = (repeat.kept if repeat else article_id, index)
        if repeat is not None and slot in first_of:
            kept[first_of[slot]][1].append(hit)
            continue
        first_of[slot] = len(kept)
        kept.append((hit, []))
    return kept
