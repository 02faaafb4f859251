"""A chart of coverage over time (:mod:`reader.analysis.activity`) in a dialog: a line per
outlet, one column per day. Escape closes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ActivityScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,a", "close", "Close", id="activity.close"),
    ]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        head, *rows = self.lines or [""]
        with Vertical(id="activity-dialog"):
            yield Static(Content.styled(self.title_text, "bold"), id="activity-title")
            yield Static(Content.styled(head, "dim"), id="activity-head")
            with VerticalScroll(id="activity-rows"):
                yield Static(Content("\n".join(rows)), id="activity-chart")
            yield Static(
                Content.styled("Each column is a day; █ is the busiest · esc closes", "dim"),
                id="activity-keys",
            )

    def action_close(self) -> None:
        self.dismiss(None)
