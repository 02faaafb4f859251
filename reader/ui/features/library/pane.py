"""The library: articles grouped by source, newest first; type to filter, Enter opens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from reader.ui.logic.text import one_line
from reader.ui.messages import OpenPassage
from reader.ui.widgets.filtered_list import FilteredList, ListFilter
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.search.store import ArticleSummary
    from reader.ui.logic.library_rows import LibraryIndex, LibraryRow


class LibraryPane(FilteredList):
    """Shows :class:`LibraryIndex` rows; posts :class:`OpenPassage` when one is chosen."""

    filter_id = "library-filter"
    list_id = "library-list"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index: LibraryIndex | None = None

    def compose(self) -> ComposeResult:
        yield ListFilter(
            placeholder="Filter: headline, source, date…", id="library-filter",
            select_on_focus=False,
        )
        yield Static("Loading the library…", id="library-count", markup=False)
        yield RowList(render=_render_row, type_ahead=True, id="library-list")

    def set_summaries(
        self, summaries: Sequence[ArticleSummary], index: LibraryIndex | None = None
    ) -> None:
        """Show these articles; ``index`` is their :class:`LibraryIndex` when a worker has
        built it already (sorting 13k headlines is best done off the UI thread)."""
        if index is None:
            from reader.ui.logic.library_rows import LibraryIndex

            index = LibraryIndex(summaries)
        self.index = index
        self.refilter()

    def set_status(self, text: str) -> None:
        self.query_one("#library-count", Static).update(Content(text))

    def select_article(self, article_id: str) -> None:
        """Put the list cursor on ``article_id`` (when it passes the filter)."""
        index = self.row_list.index_of(article_id)
        if index is not None:
            self.row_list.cursor = index

    def refilter(self) -> None:
        if self.index is None:
            return
        query = self.filter_input.value
        keep = self.row_list.current.key if self.row_list.current else None
        rows = self.index.rows(query)
        self.row_list.set_rows(rows, keep=keep)
        shown = sum(1 for r in rows if not r.is_heading)
        total = len(self.index)
        if query.strip():
            self.set_status(f"{shown:,} of {total:,} articles match")
        else:
            sources = sum(1 for r in rows if r.is_heading)
            self.set_status(
                f"{total:,} articles from {sources:,} source{'s' if sources != 1 else ''}"
            )

    @on(RowList.Selected, "#library-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        if event.row.key is not None:
            self.post_message(OpenPassage(event.row.key, 0))


def _render_row(row: LibraryRow) -> Content:
    """``source (count)`` for a heading, ``date  headline`` for an article."""
    from reader.ui.logic.library_rows import date_label

    if row.summary is None:
        return Content(f"{one_line(row.source)}  ({row.count:,})")
    date = date_label(row.summary).ljust(10)
    return Content.assemble((date, "dim"), "  ", one_line(row.summary.title) or "(no headline)")
