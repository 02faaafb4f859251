"""The corpus's statement table for the app: loaded in a worker once the library is
listed, again whenever the index or its analysis changes, and posted up to the screen
(:class:`StatementsLoaded`), which hands it down to the panes and the strip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

if TYPE_CHECKING:
    from reader.analysis.coverage import Statements
    from reader.ui.source import LibrarySource


@dataclass
class StatementsLoaded(Message):
    """The statement table (None, with ``error``, when it could not be built)."""

    table: Statements | None
    error: str = ""


class StatementKeeper(Widget):
    """An invisible widget: loads the table when the library is ready and when its
    version changes."""

    DEFAULT_CSS = "StatementKeeper { display: none; }"

    library_ready: var[bool] = var(False)
    library_version: var[int] = var(0)

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source

    def on_mount(self) -> None:
        if self.library_ready:
            self._load()

    def watch_library_ready(self, ready: bool) -> None:
        if ready and self.is_mounted:
            self._load()

    def watch_library_version(self) -> None:
        if self.library_ready and self.is_mounted:
            self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="statements")
    def _load(self) -> None:
        from reader.analysis.coverage import statements

        try:
            table = statements(self.source.library)
        except Exception as exc:  # the panes say what went wrong; the app goes on
            self.post_message(StatementsLoaded(None, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(StatementsLoaded(table))
