"""Find in article: a box under the reading pane; the screen does the highlighting."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.widgets import Input, Static


class FindInput(Input):
    """Enter or ↓: next match; ↑: previous match."""

    def _on_key(self, event: Key) -> None:
        if event.key in ("up", "down"):
            event.stop()
            event.prevent_default()
            self.post_message(FindBar.Step(1 if event.key == "down" else -1))


class FindBar(Horizontal):
    """Hidden until ctrl+f. Posts :class:`FindBar.Changed` and :class:`FindBar.Step`."""

    @dataclass
    class Changed(Message):
        text: str

    @dataclass
    class Step(Message):
        direction: int

    def compose(self) -> ComposeResult:
        yield Static(Content("Find"), id="find-label")
        yield FindInput(placeholder="a word in this article", id="find-input")
        yield Static(id="find-count", markup=False)

    @property
    def input(self) -> FindInput:
        return self.query_one("#find-input", FindInput)

    @property
    def text(self) -> str:
        return self.input.value if self.display else ""

    def open(self) -> None:
        self.display = True
        self.input.focus()
        self.input.select_all()

    def show_count(self, position: int, total: int) -> None:
        if not self.input.value.strip():
            text = ""
        elif total == 0:
            text = "no match"
        else:
            text = f"{position + 1}/{total}" if position >= 0 else f"{total} matches"
        self.query_one("#find-count", Static).update(Content(text))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))
