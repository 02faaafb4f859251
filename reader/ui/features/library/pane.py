"""The library: articles grouped by source, newest first; f filters, Enter opens.

The pane also loads the library (:meth:`LibraryPane.load`, a worker running
:func:`~reader.ui.features.library.loading.load_library`): it lists what the worker found and
says how it went, and the worker's messages bubble on to the screen, which shows the
progress and publishes the library."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from reader.ui.logic.text import one_line
from reader.ui.messages import IndexProgress, LibraryLoaded, LibraryUnavailable, OpenPassage
from reader.ui.widgets.filtered_list import FilteredList, ListFilter
from reader.ui.widgets.row_list import RowList

ROUTINE = 3.0
"""Seconds a routine notice stays (index updated, names found): a first launch on a small
terminal showed two for 5–10 s over the library."""
WELCOME = """\
Choose an article in the library and press Enter, or press / to search.

j/k move between passages · n/N next/previous search hit · backspace goes back
ctrl+f finds a word in the article · F1 or ? lists every key · q quits"""
"""What the reading pane shows until an article is open."""
INDEXING = (
    "Building the index (first run, or the corpus changed).\n\n"
    "This happens once; the library fills in when it is done. "
    "Searches typed meanwhile run as soon as the index is ready."
)
"""... and while the index is being built."""

if TYPE_CHECKING:
    from reader.search.store import ArticleSummary
    from reader.ui.logic.library_rows import LibraryIndex, LibraryRow
    from reader.ui.source import LibrarySource


class LibraryPane(FilteredList):
    """Shows :class:`LibraryIndex` rows; posts :class:`OpenPassage` when one is chosen."""

    filter_id = "library-filter"
    list_id = "library-list"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index: LibraryIndex | None = None

    def compose(self) -> ComposeResult:
        yield ListFilter(
            placeholder="Filter: headline, source, date…",
            id="library-filter",
            select_on_focus=False,
        )
        yield Static("Loading the library…", id="library-count", markup=False)
        yield RowList(render=_render_row, id="library-list")

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

    # loading --------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def load(self, source: LibrarySource) -> None:
        """Bring the index up to date if it is not (with progress), then list the articles."""
        from textual.worker import get_current_worker

        from reader.ui.features.library.loading import load_library

        worker = get_current_worker()
        load_library(source, self.post_message, lambda: worker.is_cancelled)

    def on_index_progress(self, message: IndexProgress) -> None:
        self.set_status("Indexing the corpus; the list fills in when done…")

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        from reader.ui.features.library.loading import index_notice, problems_notice

        self.set_summaries(message.summaries, message.library_index)
        report = message.report
        if report is not None and not report.up_to_date:
            # a routine notice: short, so it does not cover the list it just filled
            self.notify(index_notice(report), title="Index updated", markup=False, timeout=ROUTINE)
        if message.problems:
            self.notify(
                problems_notice(message.problems),
                title="Some corpus files were skipped",
                severity="warning",
                markup=False,
                timeout=12,
            )

    def on_library_unavailable(self, message: LibraryUnavailable) -> None:
        self.set_status(message.title)

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
            status = f"{total:,} articles from {sources:,} source{'s' if sources != 1 else ''}"
            if self.index.folded:
                status += f" ({self.index.folded:,} repeated showings folded)"
            self.set_status(status)

    @on(RowList.Selected, "#library-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        if event.row.key is not None:
            self.post_message(OpenPassage(event.row.key, 0))


def _render_row(row: LibraryRow) -> Content:
    """``source (count)`` for a heading, ``date  headline`` for an article."""
    from reader.ui.logic.library_rows import DATE_WIDTH, TIMED_WIDTH, date_label

    if row.summary is None:
        return Content(f"{one_line(row.source)}  ({row.count:,})")
    width = TIMED_WIDTH if row.with_time else DATE_WIDTH
    date = date_label(row.summary, row.with_time).ljust(width)
    title = one_line(row.summary.title) or "(no headline)"
    if row.repeat is None:
        return Content.assemble((date, "dim"), "  ", title)
    last = row.repeat.last.iso()[:10] if row.repeat.last else "undated"
    return Content.assemble(
        (date, "dim"), "  ", (f"×{row.repeat.count} ", "bold"), title, (f"  · last {last}", "dim")
    )
