"""A one-line progress strip docked above the footer: what is being done, how far, and a bar
(the index worker's and the background enrichment's)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static


class ProgressStrip(Horizontal):
    """``phases`` names each phase for the label; the bar counts only in ``counted`` phases
    (all, when ``None``) and is indeterminate otherwise."""

    def __init__(
        self, phases: Mapping[str, str], counted: Collection[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.phases = dict(phases)
        self.counted = counted

    def compose(self) -> ComposeResult:
        yield Static(classes="progress-label", markup=False)
        yield ProgressBar(classes="progress-bar", show_eta=False)

    @property
    def label(self) -> str:
        return str(self.query_one(".progress-label", Static).visual)

    def show(self, phase: str, done: int, total: int) -> None:
        self.display = True
        label = self.phases.get(phase, phase.capitalize())
        if total:
            label += f" {done:,}/{total:,}"
        self.query_one(".progress-label", Static).update(Content(label))
        bar = self.query_one(".progress-bar", ProgressBar)
        if total and (self.counted is None or phase in self.counted):
            bar.update(total=total, progress=done)
        else:
            bar.update(total=None)
