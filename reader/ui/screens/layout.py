"""The main screen's layout: a sidebar beside the reading column, which take turns on a
narrow terminal (``-narrow``, ``-view-sidebar`` / ``-view-reading``), and a wider reading
column on a wide one (``-wide``); the sidebar can be hidden (``-sidebar-hidden``).

The styles are in ``app.tcss``; this base class keeps the classes and the keyboard focus in
what is shown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from reader.ui.widgets.filtered_list import filter_box_of
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sidebar import Sidebar

NARROW_WIDTH = 100
"""Below this many columns the sidebar and the reading pane take turns."""
WIDE_WIDTH = 160


class SidebarLayout(Screen[None]):
    """A screen with ``#sidebar`` (a :class:`Sidebar`) and ``#reading`` (a
    :class:`ReadingPane`)."""

    def __init__(self, **kwargs: Any) -> None:
        # the width classes from the start: adding them later restyles every widget
        width = self.app.size.width
        classes = ["-view-sidebar"]
        if width < NARROW_WIDTH:
            classes.append("-narrow")
        if width >= WIDE_WIDTH:
            classes.append("-wide")
        super().__init__(classes=" ".join(classes), **kwargs)

    @property
    def reading(self) -> ReadingPane:
        return self.query_one("#reading", ReadingPane)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one("#sidebar", Sidebar)

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def on_resize(self, event: events.Resize) -> None:
        self._set_classes(
            {
                "-narrow": event.size.width < NARROW_WIDTH,
                "-wide": event.size.width >= WIDE_WIDTH,
            }
        )

    def _set_classes(self, wanted: Mapping[str, bool]) -> None:
        """Change several classes with one restyle (each restyle walks the whole screen)."""
        changed = False
        for name, on in wanted.items():
            if self.has_class(name) != on:
                self.set_class(on, name, update=False)
                changed = True
        if changed:
            self.update_node_styles()

    def _show_view(self, view: str) -> None:
        """On a narrow screen, show the sidebar or the reading column (not both)."""
        wanted = {"-view-sidebar": view == "sidebar", "-view-reading": view == "reading"}
        if view == "sidebar":
            wanted["-sidebar-hidden"] = False
        self._set_classes(wanted)
        # keep the keyboard in what is shown (a hidden widget keeps the focus otherwise)
        focused = self.focused
        in_sidebar = focused is not None and self.sidebar in focused.ancestors_with_self
        if view == "reading" and self.narrow and (focused is None or in_sidebar):
            self.reading.focus()
        elif view == "sidebar" and self.narrow and not in_sidebar:
            pane = self.sidebar.pane(self.sidebar.active)
            target = focus_target(pane) if pane is not None else None
            if target is not None:
                target.focus()

    def _in_view(self, pane_id: str) -> bool:
        """Whether the sidebar shows ``pane_id`` now."""
        if self.sidebar.active != pane_id or self.has_class("-sidebar-hidden"):
            return False
        return not self.narrow or self.has_class("-view-sidebar")

    async def show_sidebar_pane(self, pane_id: str, focus: Widget | None = None) -> Widget:
        """Show a sidebar pane (building it if needed), on narrow screens instead of the
        article; ``focus`` (or the pane's ``focus_target``) gets the keyboard focus."""
        pane = await self.sidebar.show(pane_id)
        self._show_view("sidebar")
        target = focus or focus_target(pane)
        if target is not None:
            target.focus()
        return pane

    async def on_sidebar_pane_chosen(self, message: Sidebar.PaneChosen) -> None:
        await self.show_sidebar_pane(message.pane_id)

    async def action_filter(self) -> None:
        """``f``: open the filter of the list in the sidebar that has the focus, else of the
        library (a priority binding: the focus moves before the next key is handed on)."""
        focused = self.focused
        active = self.sidebar.pane(self.sidebar.active)
        box = filter_box_of(active)
        if box is None or focused is None or active not in focused.ancestors:
            await self.show_sidebar_pane("library")
            box = filter_box_of(self.sidebar.pane("library"))
        if box is not None:
            box.open()

    def action_toggle_sidebar(self) -> None:
        if self.narrow:
            self._show_view("reading" if self.has_class("-view-sidebar") else "sidebar")
            return
        hidden = not self.has_class("-sidebar-hidden")
        self.set_class(hidden, "-sidebar-hidden")
        if hidden and self.focused is not None and self.sidebar in self.focused.ancestors:
            self.reading.focus()


def focus_target(pane: Widget) -> Widget | None:
    """Where the keyboard goes when a pane is shown: its ``focus_target`` or the pane."""
    target = getattr(pane, "focus_target", None)
    if isinstance(target, Widget):
        return target
    return pane if pane.focusable else None
