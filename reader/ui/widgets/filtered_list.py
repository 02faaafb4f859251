"""A filter box above a :class:`RowList` (the library, the entity list).

Every edit of the box refilters the list; ↑/↓/PgUp/PgDn and Enter in the box work the list
below it; typing a letter in the list goes on in the box; Enter in the box chooses the row at
the list's cursor.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Input

from reader.ui.widgets.list_keys import work_list
from reader.ui.widgets.row_list import RowList


class ListFilter(Input):
    """The filter box of a :class:`FilteredList`."""

    async def _on_key(self, event: Key) -> None:
        pane = self.query_ancestor(FilteredList)
        rows = pane.row_list
        if event.key == "escape" and pane.escape_to_list:
            event.stop()
            event.prevent_default()
            rows.focus()
            return
        work_list(event, rows)


class FilteredList(Vertical):
    """A pane with a :class:`ListFilter` (id ``filter_id``) and a :class:`RowList` (id
    ``list_id``); subclasses compose both and say in :meth:`refilter` what the list shows."""

    filter_id: ClassVar[str]
    list_id: ClassVar[str]
    escape_to_list: ClassVar[bool] = False
    """Whether Escape in the box goes to the list (else it is left to the screen)."""

    @property
    def focus_target(self) -> RowList:
        return self.row_list

    @property
    def row_list(self) -> RowList:
        return self.query_one(f"#{self.list_id}", RowList)

    @property
    def filter_input(self) -> ListFilter:
        return self.query_one(f"#{self.filter_id}", ListFilter)

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

    @on(RowList.TypedAhead)
    def _typed_ahead(self, event: RowList.TypedAhead) -> None:
        if event.control.id == self.list_id:
            box = self.filter_input
            box.focus()
            box.insert_text_at_cursor(event.character)
