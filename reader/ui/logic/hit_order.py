"""The order ``n``/``N`` step through search hits: article by article (articles in the
order of their best hit), and passage by passage within an article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class _Passage(Protocol):
    @property
    def article_id(self) -> str: ...
    @property
    def index(self) -> int: ...


class _Hit(Protocol):
    @property
    def passage(self) -> _Passage: ...


H = TypeVar("H", bound=_Hit)


def reading_order(hits: Sequence[H]) -> list[H]:
    """``hits`` (ranked) regrouped by article, each article's hits in passage order."""
    groups: dict[str, list[H]] = {}
    for hit in hits:
        groups.setdefault(hit.passage.article_id, []).append(hit)
    ordered: list[H] = []
    for group in groups.values():
        ordered.extend(sorted(group, key=lambda h: h.passage.index))
    return ordered


def step(
    ordered: Sequence[_Hit], article_id: str | None, passage: int, forward: bool = True
) -> tuple[int, bool] | None:
    """Index into ``ordered`` of the next (or previous) hit after the reader's position, and
    whether the step wrapped around the end of the list. ``None`` when there are no hits."""
    if not ordered:
        return None
    articles = list(dict.fromkeys(h.passage.article_id for h in ordered))
    if article_id not in articles:
        return (0, False) if forward else (len(ordered) - 1, False)
    rank = articles.index(article_id)
    here = (rank, passage)

    def key(i: int) -> tuple[int, int]:
        p = ordered[i].passage
        return articles.index(p.article_id), p.index

    indices = range(len(ordered)) if forward else range(len(ordered) - 1, -1, -1)
    for i in indices:
        if (key(i) > here) if forward else (key(i) < here):
            return i, False
    return (0, True) if forward else (len(ordered) - 1, True)
