"""Indexing progress, docked above the footer while the index worker runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

PHASES = {
    "scan": "Checking the corpus",
    "read": "Reading files",
    "index": "Indexing articles",
    "commit": "Writing the index",
}


class IndexStatus(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="index-label", markup=False)
        yield ProgressBar(id="index-bar", show_eta=False)

    def show(self, phase: str, done: int, total: int) -> None:
        self.display = True
        label = PHASES.get(phase, phase.capitalize())
        if total:
            label += f" {done:,}/{total:,}"
        self.query_one("#index-label", Static).update(Content(label))
        bar = self.query_one("#index-bar", ProgressBar)
        if total and phase in ("read", "index"):
            bar.update(total=total, progress=done)
        else:
            bar.update(total=None)

    def hide(self) -> None:
        self.display = False
