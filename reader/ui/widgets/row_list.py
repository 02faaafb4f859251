"""A one-line-per-row list that renders only the rows on screen, so 13k articles (or a
corpus-wide entity or timeline list) cost nothing until they are looked at.

Rows are any objects with ``key`` and ``is_heading`` (headings have no key: shown, skipped by
the cursor); a ``render`` function turns the rows on screen into Content, so building the list
costs nothing per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from reader.ui.keys import bindings


class RowLike(Protocol):
    @property
    def key(self) -> str | None: ...

    @property
    def is_heading(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Row:
    """A ready-made row: its Content, and a key unless it is a heading."""

    content: Content
    key: str | None = None

    @property
    def is_heading(self) -> bool:
        return self.key is None


def _content_of(row: Any) -> Content:
    return row.content


class RowList(ScrollView, can_focus=True):
    """Rows of :class:`Row`; posts :class:`RowList.Highlighted` and :class:`RowList.Selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("list"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--row",
        "row-list--heading",
        "row-list--cursor",
    }
    DEFAULT_CSS = """
    RowList { height: 1fr; background: $surface; }
    RowList > .row-list--row { }
    RowList > .row-list--heading { color: $text-accent; text-style: bold; }
    RowList > .row-list--cursor { background: $block-cursor-blurred-background; }
    RowList:focus > .row-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    cursor: reactive[int] = reactive(-1, always_update=True)

    @dataclass
    class RowMessage(Message):
        """A message about one row of the list."""

        row_list: RowList
        row: RowLike

        @property
        def control(self) -> RowList:
            return self.row_list

    class Highlighted(RowMessage):
        """The cursor moved onto ``row``."""

    class Selected(RowMessage):
        """Enter (or a click) chose ``row``."""

    def __init__(
        self,
        *,
        render: Callable[[Any], Content] = _content_of,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[RowLike] = []
        self.render_row = render
        self._rendered: dict[int, Content] = {}

    # content ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RowLike], keep: str | None = None) -> None:
        """Replace the rows; the cursor goes to the row keyed ``keep`` or the first row."""
        self.rows = rows
        self._rendered.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))
        self._refresh_scrollbars()
        target = self.index_of(keep) if keep is not None else None
        self.set_reactive(RowList.cursor, -1)
        self.cursor = target if target is not None else self._next_selectable(-1, 1)
        if self.cursor < 0:
            self.scroll_to(y=0, animate=False)
        self.refresh()

    def index_of(self, key: str) -> int | None:
        for i, row in enumerate(self.rows):
            if row.key == key:
                return i
        return None

    @property
    def current(self) -> RowLike | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def _next_selectable(self, start: int, step: int) -> int:
        i = start + step
        while 0 <= i < len(self.rows):
            if not self.rows[i].is_heading:
                return i
            i += step
        return -1

    # cursor ------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        if not self.rows:
            return -1
        return max(-1, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if new >= 0:
            self._scroll_cursor_into_view()
            row = self.rows[new]
            if not row.is_heading:
                self.post_message(self.Highlighted(self, row))
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        y = self.cursor
        # keep a heading right above the first row in view
        y_top = y - 1 if y - 1 >= 0 and self.rows[y - 1].is_heading else y
        if y_top < top:
            self.scroll_to(y=y_top, animate=False, force=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, force=True)

    def move(self, step: int) -> None:
        if not self.rows:
            return
        start = self.cursor if self.cursor >= 0 else (-1 if step > 0 else len(self.rows))
        target = self._next_selectable(start, 1 if step > 0 else -1)
        for _ in range(abs(step) - 1):
            further = self._next_selectable(target, 1 if step > 0 else -1)
            if further < 0:
                break
            target = further
        if target >= 0:
            self.cursor = target

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_first(self) -> None:
        self.cursor = self._next_selectable(-1, 1)

    def action_last(self) -> None:
        self.cursor = self._next_selectable(len(self.rows), -1)

    def action_page_down(self) -> None:
        self.move(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move(-max(1, self.scrollable_content_region.height - 1))

    def action_select(self) -> None:
        row = self.current
        if row is not None and not row.is_heading:
            self.post_message(self.Selected(self, row))

    # mouse and keys ----------------------------------------------------------------
    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self.rows) and not self.rows[index].is_heading:
            self.cursor = index
            self.action_select()

    # rendering ---------------------------------------------------------------------
    def on_resize(self) -> None:
        if self.virtual_size.width != self.size.width:  # rows may be drawn for their width
            self._rendered.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))
        if 0 <= self.cursor < len(self.rows):  # a pane below grew: the cursor stays in view
            self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, self.get_visual_style("row-list--row").rich_style)
        row = self.rows[index]
        names = ["row-list--row"]
        if row.is_heading:
            names.append("row-list--heading")
        if index == self.cursor:
            names.append("row-list--cursor")
        style = self.get_visual_style(*names)
        content = self._rendered.get(index)
        if content is None:
            content = self._rendered[index] = self.render_row(row)
        content = content.truncate(width, ellipsis=True)
        strips = Visual.to_strips(self, content, width, 1, style, pad=True)
        strip = strips[0] if strips else Strip.blank(width, style.rich_style)
        return strip.extend_cell_length(width, style.rich_style).crop(0, width)
