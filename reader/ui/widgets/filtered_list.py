"""Filter boxes above the filterable lists (library, entities, bookmarks), one model for all.

A list's letters are commands (``j``/``k``/``g``/``G``, ``t``, ``n`` …) and never text. The
filter opens with an explicit key (``f``, :meth:`FilterBox.open`): the box appears and holds
the focus while it is open, so every letter typed is text; ↑/↓/PgUp/PgDn and Enter in the box
work the list below it; Escape clears the filter and closes the box. Leaving the box by other
means (Enter opens a row, a click, tab) keeps the filter shown and applied.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.containers import Vertical
from textual.events import Blur, Key
from textual.widget import Widget
from textual.widgets import Input

from reader.ui.widgets.list_keys import work_list
from reader.ui.widgets.row_list import RowList


class FilterBox(Input):
    """A filter box over the list ``rows_of(self)`` returns; hidden until opened."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(**kwargs)
        self.display = False

    def rows(self) -> Any:
        """The list this box filters (a RowList or an OptionList)."""
        raise NotImplementedError

    def open(self) -> None:
        """Show the box and give it the focus now (the keys typed right after ``f`` follow
        the focus into it)."""
        self.display = True
        self.screen.set_focus(self)

    def close(self) -> None:
        """Clear the filter, hide the box and go back to the list."""
        self.value = ""
        self.display = False
        self.screen.set_focus(self.rows())

    async def _on_key(self, event: Key) -> None:
        if event.key == "escape":
            event.stop()
            event.prevent_default()
            self.close()
            return
        work_list(event, self.rows())

    def _on_blur(self, event: Blur) -> None:
        if not self.value:
            self.display = False


class ListFilter(FilterBox):
    """The filter box of a :class:`FilteredList`."""

    def rows(self) -> RowList:
        return self.query_ancestor(FilteredList).row_list


class FilteredList(Vertical):
    """A pane with a :class:`ListFilter` (id ``filter_id``) and a :class:`RowList` (id
    ``list_id``); subclasses compose both and say in :meth:`refilter` what the list shows."""

    filter_id: ClassVar[str]
    list_id: ClassVar[str]

    @property
    def focus_target(self) -> RowList:
        return self.row_list

    @property
    def row_list(self) -> RowList:
        return self.query_one(f"#{self.list_id}", RowList)

    @property
    def filter_input(self) -> ListFilter:
        return self.query_one(f"#{self.filter_id}", ListFilter)

    def open_filter(self) -> None:
        self.filter_input.open()

    def refilter(self) -> None:
        """Show the rows that pass the box's text."""
        raise NotImplementedError

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.input.id == self.filter_id:
            self.refilter()

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self.filter_id:
            event.stop()
            self.row_list.action_select()


def filter_box_of(pane: Widget | None) -> FilterBox | None:
    """The filter box of a sidebar pane that has one."""
    box = getattr(pane, "filter_input", None)
    return box if isinstance(box, FilterBox) else None
