"""What the event coverage view shows, without Textual: its rows (one per outlet that reports
the event; one per event of a story), the "first seen" column, the room a row gives its
headline, and which two rows ``=`` compares.

No Textual import here (the dialog renders these with Content).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.ui.logic.timeline_rows import IMPRECISE, INFERRED

if TYPE_CHECKING:
    from reader.analysis.event_coverage import OutletRow, StoryEvent
    from reader.corpus.model import When

SEEN_WIDTH = 17
"""Columns of "first seen": ``2021-12-30 21:30*``."""
HEADLINE_SHARE = 0.4
"""Share of a row's free columns that its headline takes (the passage text the rest)."""
MIN_HEADLINE = 16
MAX_HEADLINE = 60


@dataclass(frozen=True, slots=True)
class OutletLine:
    """A row of the coverage view: one outlet that reports the event."""

    outlet: OutletRow

    @property
    def key(self) -> str:
        return self.outlet.key

    @property
    def is_heading(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class StoryLine:
    """A row of the story view: one event of the story."""

    item: StoryEvent

    @property
    def key(self) -> str:
        return self.item.event.id

    @property
    def is_heading(self) -> bool:
        return False


def seen_label(when: When | None) -> str:
    """The "first seen" column: ``2021-12-07``, ``2021-12-30 21:30`` where the article has a
    time, ``~2021-12`` for a month only, ``*`` after an inferred date, ``undated``."""
    if when is None:
        return "undated"
    if when.precision in ("day", "minute"):
        text = when.iso().replace("T", " ")
    else:
        text = IMPRECISE + when.iso()
    return text + (INFERRED if when.inferred else "")


def headline_room(width: int, fixed: int) -> int:
    """Columns for a row's headline when ``fixed`` of ``width`` are taken (mark, badge,
    first seen): a share of the rest, the passage text getting the others."""
    free = max(0, width - fixed)
    return max(min(MIN_HEADLINE, free), min(MAX_HEADLINE, int(free * HEADLINE_SHARE)))


def compare_pair(
    rows: Sequence[OutletLine], marked: str | None, current: str | None
) -> tuple[OutletLine, OutletLine] | None:
    """The two rows ``=`` compares: the one marked by the first ``=`` and the one it is
    pressed on now; ``None`` when either is missing or they are the same row."""
    if marked is None or current is None or marked == current:
        return None
    by_key = {r.key: r for r in rows}
    if marked not in by_key or current not in by_key:
        return None
    return by_key[marked], by_key[current]
