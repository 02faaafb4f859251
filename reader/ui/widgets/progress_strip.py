"""A one-line progress strip docked above the footer: what is being done, how far, and a bar
(the index worker's and the background enrichment's)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

if TYPE_CHECKING:
    from reader.ui.messages import Progress


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


async def show_progress(
    before: Widget,
    strip_id: str,
    message: Progress,
    phases: Mapping[str, str],
    counted: Collection[str] | None = None,
) -> ProgressStrip:
    """Show ``message`` in the strip ``strip_id``, mounted before ``before`` (the footer)
    the first time; the worker removes it when done."""
    strips = before.screen.query(f"#{strip_id}")
    if strips:
        strip = strips.first(ProgressStrip)
    else:
        strip = ProgressStrip(phases, counted, id=strip_id)
        await before.screen.mount(strip, before=before)
    strip.show(message.phase, message.done, message.total)
    return strip
