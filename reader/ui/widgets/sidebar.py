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
    """Pane titles; the shown one highlighted; a click shows a pane."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.titles: dict[str, str] = {}
        self.active = ""

    def show_titles(self, titles: dict[str, str], active: str) -> None:
        self.titles, self.active = dict(titles), active
        parts: list[str | tuple[str, str]] = []
        for pane_id, title in self.titles.items():
            label = f" {title} "
            parts.append((label, "reverse bold") if pane_id == active else label)
            parts.append(SEPARATOR)
        self.update(Content.assemble(*parts))

    def on_click(self, event: events.Click) -> None:
        x = event.x
        for pane_id, title in self.titles.items():
            width = len(title) + 2
            if 0 <= x < width:
                self.post_message(Sidebar.PaneChosen(pane_id))
                return
            x -= width + len(SEPARATOR)


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
