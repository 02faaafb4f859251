"""The sidebar: panes that take turns (library, search, entities, bookmarks, timeline), under
a one-line bar of their titles. A pane can be registered with a factory and
is then built the first time it is shown, so the first screen stays light."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

SEPARATOR = " "


class PaneBar(Static):
    """Pane titles; the shown one highlighted; a click shows a pane. Titles that do not all
    fit are shortened (the shown one stays whole), so every pane keeps its place in the bar."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.titles: dict[str, str] = {}
        self.active = ""
        self.labels: dict[str, str] = {}

    def show_titles(self, titles: dict[str, str], active: str) -> None:
        self.titles, self.active = dict(titles), active
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        self.labels = fitted_titles(self.titles, self.active, self.size.width or 10_000)
        parts: list[str | tuple[str, str]] = []
        for pane_id, label in self.labels.items():
            shown = f" {label} "
            parts.append((shown, "reverse bold") if pane_id == self.active else shown)
            parts.append(SEPARATOR)
        self.update(Content.assemble(*parts))

    def on_click(self, event: events.Click) -> None:
        x = event.x
        for pane_id, label in self.labels.items():
            width = len(label) + 2
            if 0 <= x < width:
                self.post_message(Sidebar.PaneChosen(pane_id))
                return
            x -= width + len(SEPARATOR)


def fitted_titles(titles: dict[str, str], active: str, width: int) -> dict[str, str]:
    """The titles as the bar shows them in ``width`` columns: whole if they fit, else the
    others cut to the longest common length that fits (at least their first letter)."""

    def total(labels: dict[str, str]) -> int:
        return sum(len(label) + 2 + len(SEPARATOR) for label in labels.values())

    if total(titles) <= width:
        return dict(titles)
    longest = max((len(t) for t in titles.values()), default=1)
    for keep in range(longest - 1, 0, -1):
        labels = {
            pane_id: title if pane_id == active or len(title) <= keep + 1 else title[:keep] + "…"
            for pane_id, title in titles.items()
        }
        if total(labels) <= width or keep == 1:
            return labels
    return dict(titles)


class Sidebar(Vertical):
    @dataclass
    class PaneChosen(Message):
        pane_id: str

    def __init__(self, first: Widget, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        assert first.id, "sidebar panes need an id"
        self._first = first
        self.titles: dict[str, str] = {first.id: title}
        self._factories: dict[str, Callable[[], Widget]] = {}
        self._wide: set[str] = set()

    def compose(self) -> ComposeResult:
        yield PaneBar(id="pane-bar")
        with ContentSwitcher(id="panes", initial=self._first.id):
            yield self._first

    def on_mount(self) -> None:
        self.query_one(PaneBar).show_titles(self.titles, self.active)

    @property
    def switcher(self) -> ContentSwitcher:
        return self.query_one("#panes", ContentSwitcher)

    @property
    def active(self) -> str:
        return self.switcher.current or ""

    def register(
        self, pane_id: str, title: str, factory: Callable[[], Widget], wide: bool = False
    ) -> None:
        """Add a pane built by ``factory()`` (a widget with ``id=pane_id``) when first shown;
        a ``wide`` pane (a grid, long rows) gets more of the width while it is shown."""
        self.titles[pane_id] = title
        self._factories[pane_id] = factory
        if wide:
            self._wide.add(pane_id)
        if self.is_mounted:
            self.query_one(PaneBar).show_titles(self.titles, self.active)

    def pane(self, pane_id: str) -> Widget | None:
        """The pane widget if it has been built."""
        for child in self.switcher.children:
            if child.id == pane_id:
                return child
        return None

    async def build(self, pane_id: str) -> Widget:
        """Build the pane (hidden) unless it exists; returns it."""
        widget = self.pane(pane_id)
        if widget is None:
            widget = self._factories[pane_id]()
            widget.display = False
            await self.switcher.mount(widget)
        return widget

    async def show(self, pane_id: str) -> Widget:
        """Build the pane if needed and show it; returns the pane."""
        widget = await self.build(pane_id)
        self.switcher.current = pane_id
        self.set_class(pane_id in self._wide, "-wide-pane")
        self.query_one(PaneBar).show_titles(self.titles, pane_id)
        return widget
