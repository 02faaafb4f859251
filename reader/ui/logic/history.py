"""The back/forward stack of jumps, as in a browser: a jump drops the forward entries."""

from __future__ import annotations

from dataclasses import dataclass, replace

HISTORY_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Location:
    """A place to return to: an article and the passage the cursor was on, or (``pane``)
    the sidebar list the first jump of a session was made from."""

    article_id: str
    passage: int = 0
    pane: str = ""

    @classmethod
    def pane_entry(cls, pane: str) -> Location:
        """The list ``pane`` (no article was open yet)."""
        return cls("", 0, pane)

    def at(self, passage: int) -> Location:
        return replace(self, passage=passage)


class History:
    """Entries with a current position. ``here`` arguments carry where the cursor is now, so
    going back returns to the passage the reader had moved to, not where they landed."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.entries: list[Location] = []
        self.index = -1
        self.limit = limit

    @property
    def current(self) -> Location | None:
        return self.entries[self.index] if self.index >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self.index < len(self.entries) - 1

    def _remember(self, here: Location | None) -> None:
        if here is not None and self.index >= 0:
            self.entries[self.index] = here

    def visit(self, there: Location, here: Location | None = None) -> None:
        """Record a jump from ``here`` to ``there``."""
        self._remember(here)
        del self.entries[self.index + 1 :]
        if self.current != there:
            self.entries.append(there)
        if len(self.entries) > self.limit:
            del self.entries[: len(self.entries) - self.limit]
        self.index = len(self.entries) - 1

    def back(self, here: Location | None = None) -> Location | None:
        if not self.can_go_back:
            return None
        self._remember(here)
        self.index -= 1
        return self.entries[self.index]

    def forward(self, here: Location | None = None) -> Location | None:
        if not self.can_go_forward:
            return None
        self._remember(here)
        self.index += 1
        return self.entries[self.index]
