"""The bookmarks pane: the open corpus's bookmarks, newest first, each with its quote,
source, date, note, tags and whether it still sits where it was; a filter box on top and
the highlighted bookmark in full below (old and new text for a changed passage).

``f`` filters (words, ``#tag``, ``@source``); Enter jumps to the passage; ``e`` edits the
note and tags; ``d`` deletes (``u`` brings it back). The pane shows what the screen hands it
(:meth:`BookmarksPane.show`, from the keeper's :class:`~reader.ui.messages.BookmarksChanged`)
and posts what the reader asks for (:class:`~reader.ui.messages.BookmarkRequest`: edit,
delete, jump).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.keys import bindings, key_label
from reader.ui.logic.bookmark_marks import (
    STATUS_LABELS,
    count_label,
    filter_bookmarks,
    passage_label,
    when_label,
)
from reader.ui.logic.text import one_line, shorten, visible
from reader.ui.messages import BookmarkRequest, BookmarksChanged
from reader.ui.widgets.filtered_list import FilterBox

if TYPE_CHECKING:
    from reader.bookmarks import Anchor, Bookmark

QUOTE_CHARS = 160
SHOWN_LIMIT = 200
"""Bookmarks listed at most (the newest that match): the list measures every entry."""
NOTE_CHARS = 120
STATUS_STYLES = {
    "moved": "$text-warning",
    "changed": "bold $text-error",
    "orphaned": "bold $text-error",
}
PLACEHOLDER = "Filter: words · #tag · @source"


class BookmarkFilterInput(FilterBox):
    """The filter box (``f`` opens it): ↑/↓/Enter work the list below it; Escape clears
    and closes it."""

    def rows(self) -> BookmarkList:
        return self.query_ancestor(BookmarksPane).list


class BookmarkList(OptionList):
    """The bookmarks; j/k/g/G/Enter as in every list, plus edit and delete."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list"), *bindings("bookmarks")]

    @property
    def pane(self) -> BookmarksPane:
        return self.query_ancestor(BookmarksPane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit, delete and open only show (and work) with a bookmark highlighted."""
        if action in ("edit", "delete", "select"):
            return self.pane.current is not None
        return True

    def action_edit(self) -> None:
        bm = self.pane.current
        if bm is not None:
            self.post_message(BookmarkRequest("edit", bm))

    def action_delete(self) -> None:
        bm = self.pane.current
        if bm is not None:
            self.post_message(BookmarkRequest("delete", bm))


class BookmarksPane(Vertical):
    def __init__(self, state: BookmarksChanged | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state = state
        """What the keeper holds (``None`` until it has read the file)."""
        self.shown: list[Bookmark] = []
        self._prompts: dict[tuple[Bookmark, str | None], Content] = {}

    def compose(self) -> ComposeResult:
        yield BookmarkFilterInput(placeholder=PLACEHOLDER, id="bookmarks-filter")
        yield Static(id="bookmarks-error", markup=False)
        yield Static("Reading the bookmarks…", id="bookmarks-count", markup=False)
        yield BookmarkList(id="bookmarks-list")
        with VerticalScroll(id="bookmark-detail-box"):
            yield Static(id="bookmark-detail", markup=False)

    def on_mount(self) -> None:
        if self.state is not None:
            self.show_bookmarks()

    @property
    def focus_target(self) -> BookmarkList:
        return self.list

    @property
    def list(self) -> BookmarkList:
        return self.query_one("#bookmarks-list", BookmarkList)

    def open_filter(self) -> None:
        self.filter_input.open()

    @property
    def filter_input(self) -> BookmarkFilterInput:
        return self.query_one("#bookmarks-filter", BookmarkFilterInput)

    @property
    def current(self) -> Bookmark | None:
        index = self.list.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    # showing ------------------------------------------------------------------------------
    def show(self, state: BookmarksChanged) -> None:
        """Show these bookmarks (``state.select`` highlighted, if it is one of them)."""
        self.state = state
        if self.is_mounted:
            self.show_bookmarks(state.select)

    def show_bookmarks(self, wanted: str | None = None) -> None:
        """Fill the list, keeping the highlighted bookmark (or its place)."""
        state = self.state
        if state is None:
            return
        query = self.filter_input.value
        old = self.current
        old_index = self.list.highlighted
        matching = filter_bookmarks(state.bookmarks, query)
        self.shown = matching[:SHOWN_LIMIT]
        options = self.list
        options.clear_options()
        options.add_options(
            [Option(self._prompt(bm, state.anchors.get(bm.id)), id=bm.id) for bm in self.shown]
        )
        if self.shown:
            ids = [bm.id for bm in self.shown]
            if wanted in ids:
                options.highlighted = ids.index(wanted)
            elif old is not None and old.id in ids:
                options.highlighted = ids.index(old.id)
            else:
                options.highlighted = min(old_index or 0, len(self.shown) - 1)
        total = len(state.bookmarks)
        add_key = key_label(self.app, "bookmark")
        self.query_one("#bookmarks-count", Static).update(
            Content(
                count_label(
                    len(matching),
                    total,
                    bool(query.strip()),
                    add_key,
                    len(self.shown),
                    state.elsewhere,
                )
            )
        )
        error = self.query_one("#bookmarks-error", Static)
        error.update(
            Content(
                f"{state.error}\nFix the file by hand; the list shows what was last read."
                if state.error
                else ""
            )
        )
        error.set_class(bool(state.error), "-shown")
        self._show_detail()
        self.screen.refresh_bindings()  # edit and delete apply only with a bookmark shown

    def _prompt(self, bm: Bookmark, anchor: Anchor | None) -> Content:
        """The list entry of ``bm`` (cached: the filter rebuilds the list on every key)."""
        key = (bm, anchor.status if anchor is not None else None)
        prompt = self._prompts.get(key)
        if prompt is None:
            if len(self._prompts) > 4 * SHOWN_LIMIT:
                self._prompts.clear()
            prompt = self._prompts[key] = _prompt(bm, anchor)
        return prompt

    def _show_detail(self) -> None:
        bm = self.current
        detail = self.query_one("#bookmark-detail", Static)
        box = self.query_one("#bookmark-detail-box")
        box.display = bm is not None
        if bm is not None:
            anchors = self.state.anchors if self.state is not None else {}
            detail.update(_detail(bm, anchors.get(bm.id)))
            box.scroll_home(animate=False)

    # events -------------------------------------------------------------------------------
    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self.show_bookmarks()

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    @on(OptionList.OptionHighlighted, "#bookmarks-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.shown):
            self.post_message(BookmarkRequest("jump", self.shown[event.option_index]))


def _status(anchor: Anchor | None) -> tuple[str, str] | None:
    if anchor is None or not STATUS_LABELS.get(anchor.status):
        return None
    return STATUS_LABELS[anchor.status], STATUS_STYLES.get(anchor.status, "")


def _prompt(bm: Bookmark, anchor: Anchor | None) -> Content:
    """Source · date · where [status]; the quote; note, tags and when it was saved."""
    date = bm.date or "undated"
    head: list[str | tuple[str, str]] = [
        (f"{one_line(bm.source) or '(no source)'} · {date} · {passage_label(bm)}", "dim"),
    ]
    status = _status(anchor)
    if status:
        head += ["  ", status]
    lines = [
        Content.assemble(*head),
        Content(f"“{shorten(bm.quote, QUOTE_CHARS)}”"),
    ]
    last: list[str | tuple[str, str]] = []
    if bm.note.strip():
        last += [(f"✎ {shorten(bm.note, NOTE_CHARS)}", "italic"), "  "]
    if bm.tags:
        last += [(" ".join(f"#{one_line(t)}" for t in bm.tags), "$text-accent"), "  "]
    last.append((f"saved {when_label(bm.created)}", "dim"))
    lines.append(Content.assemble(*last))
    return Content("\n").join(lines)


def _detail(bm: Bookmark, anchor: Anchor | None) -> Content:
    """The highlighted bookmark in full."""
    lines: list[Content] = [Content(one_line(bm.headline) or "(no headline)").stylize("bold")]
    meta = (
        f"{one_line(bm.source) or '(no source)'} · {bm.date or 'undated'} · "
        f"{passage_label(bm)} · saved {when_label(bm.created)}"
    )
    if bm.updated and bm.updated != bm.created:
        meta += f" · edited {when_label(bm.updated)}"
    lines.append(Content.styled(meta, "dim"))
    status = _status(anchor)
    if anchor is not None and status:
        lines.append(Content.assemble(status, f": {anchor.describe()}"))
    elif anchor is None:
        lines.append(Content.styled("(where it is now shows once the library is ready)", "dim"))
    if anchor is not None and anchor.status == "changed":
        lines.append(Content.assemble(("Was: ", "bold"), f"“{visible(bm.quote)}”"))
        now = anchor.new_text
        lines.append(
            Content.assemble(
                ("Now: ", "bold"), f"“{visible(now)}”" if now else "(no passage like it is left)"
            )
        )
    else:
        lines.append(Content(f"“{visible(bm.quote)}”"))
    if bm.note.strip():
        lines.append(Content.assemble(("Note: ", "bold"), visible(bm.note)))
    if bm.tags:
        lines.append(
            Content.assemble(
                ("Tags: ", "bold"), (", ".join(one_line(t) for t in bm.tags), "$text-accent")
            )
        )
    lines.append(Content.styled(f"id {bm.id}", "dim"))
    return Content("\n").join(lines)
