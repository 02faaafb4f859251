"""The library list: articles grouped by source, newest first, filtered by typed words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.corpus.model import NO_SOURCE, is_unknown_source
from reader.search.repeats import Repeat, find_repeats
from reader.ui.logic.find import fold

if TYPE_CHECKING:
    from reader.search.store import ArticleSummary


def source_of(summary: ArticleSummary) -> str:
    """The library's heading for an article's source: one spelling for none ("", "unknown")."""
    source = summary.source.strip()
    return NO_SOURCE if is_unknown_source(source) else source


DATE_WIDTH = 10
_WORD = re.compile(r"\w+")


def word_haystack(*fields: str) -> str:
    """The words of ``fields``, folded, each after a space: ``" " + word`` occurs in it
    for every word that starts one of them (``rt`` in "RT DE", not in "fordert"). The words
    are the fields split at spaces ("2021-12-07") and at every non-word character ("07")."""
    text = fold(" ".join(fields))
    words = dict.fromkeys([*text.split(), *_WORD.findall(text)])
    return " " + " ".join(words)


def matches(haystack: str, words: Sequence[str]) -> bool:
    """Whether every one of ``words`` (folded) starts a word of ``haystack``."""
    return all(f" {w}" in haystack for w in words)


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """A source heading (``summary is None``) or an article under it."""

    source: str
    summary: ArticleSummary | None = None
    count: int = 0
    repeat: Repeat | None = None
    """The item's showings, when its outlet showed it more than once (one row for all)."""
    with_time: bool = False
    """Show the time too: its source has several articles on one day."""

    @property
    def is_heading(self) -> bool:
        return self.summary is None

    @property
    def key(self) -> str | None:
        """The article id (``None`` for a heading)."""
        return self.summary.id if self.summary is not None else None


TIMED_WIDTH = 16  # "2026-01-03 12:18"


def date_label(summary: ArticleSummary, with_time: bool = False) -> str:
    """The date as far as it is known (``2021-12-07``, ``2021-04``), with the time when
    asked and known (``2026-01-03 12:18``), or ``undated``."""
    if summary.date is None:
        return "undated"
    iso = summary.date.iso()
    if with_time and summary.date.precision == "minute":
        return iso.replace("T", " ")
    return iso[:DATE_WIDTH]


def _sources_with_shared_days(summaries: Sequence[ArticleSummary]) -> set[str]:
    """Sources with two timed articles on one day: their rows show the time."""
    seen: set[tuple[str, int, int | None, int | None]] = set()
    shared: set[str] = set()
    for s in summaries:
        date = s.date
        if date is None or date.hour is None:
            continue
        key = (source_of(s), date.year, date.month, date.day)
        if key in seen:
            shared.add(key[0])
        seen.add(key)
    return shared


def _heading_order(source: str) -> tuple[bool, str, str]:
    """Sources in folded alphabetical order, articles without one last."""
    return (source == NO_SOURCE, fold(source), source)


def _row_order(heading: int, s: ArticleSummary) -> tuple:
    """Within a source: newest first, undated last, then by headline."""
    date = s.date
    if date is None:
        return (heading, True, (), s.title.casefold(), s.id)
    year, month, day, hour, minute = date.sort_key()
    return (heading, False, (-year, -month, -day, -hour, -minute), s.title.casefold(), s.id)


class LibraryIndex:
    """Summaries sorted once; :meth:`rows` filters them per keystroke without re-sorting.
    The words a filter matches are folded at the first filter, not before the list shows
    (on 13k headlines that was most of the time between the first screen and the list)."""

    def __init__(self, summaries: Sequence[ArticleSummary]) -> None:
        self.repeats = find_repeats((s.id, s.source, s.title, s.date) for s in summaries)
        """Article id → its item's showings; only the first showing is listed."""
        repeats = self.repeats
        if repeats:
            summaries = [s for s in summaries if s.id not in repeats or repeats[s.id].kept == s.id]
        self.folded = sum(r.count - 1 for r in {r.kept: r for r in repeats.values()}.values())
        """How many showings are left out (listed with their first)."""
        headings = {source_of(s) for s in summaries}
        rank = {h: i for i, h in enumerate(sorted(headings, key=_heading_order))}
        self.summaries = sorted(summaries, key=lambda s: _row_order(rank[source_of(s)], s))
        self.timed = _sources_with_shared_days(self.summaries)
        self._haystacks: list[str] | None = None
        self._all_rows: list[LibraryRow] | None = None
        """The unfiltered rows, once made (:meth:`rows`; the loading worker makes them)."""
        self.by_id = {s.id: s for s in self.summaries}

    @property
    def haystacks(self) -> list[str]:
        """Each listed article's folded words (headline, source, date, id), in list order."""
        if self._haystacks is None:
            self._haystacks = [
                word_haystack(s.title, source_of(s), date_label(s), s.id) for s in self.summaries
            ]
        return self._haystacks

    def __len__(self) -> int:
        return len(self.summaries)

    def rows(self, query: str = "") -> list[LibraryRow]:
        """Headings and articles where each typed word starts a word of the headline,
        source, date or id."""
        words = fold(query).split()
        if not words and self._all_rows is not None:
            return list(self._all_rows)
        if words:
            chosen = [
                s
                for s, hay in zip(self.summaries, self.haystacks, strict=True)
                if matches(hay, words)
            ]
        else:
            chosen = self.summaries
        rows: list[LibraryRow] = []
        heading_at = -1
        current: str | None = None
        for summary in chosen:
            source = source_of(summary)
            if source != current:
                if heading_at >= 0:
                    rows[heading_at] = LibraryRow(current or "", None, len(rows) - heading_at - 1)
                heading_at, current = len(rows), source
                rows.append(LibraryRow(source))
            rows.append(
                LibraryRow(
                    source,
                    summary,
                    repeat=self.repeats.get(summary.id),
                    with_time=source in self.timed,
                )
            )
        if heading_at >= 0:
            rows[heading_at] = LibraryRow(current or "", None, len(rows) - heading_at - 1)
        if not words:
            self._all_rows = list(rows)
        return rows


def made_in_worker(summaries: Sequence[ArticleSummary]) -> LibraryIndex:
    """A :class:`LibraryIndex` with its unfiltered rows made: for a worker, so that the UI
    thread only draws them."""
    index = LibraryIndex(summaries)
    index.rows()
    return index
