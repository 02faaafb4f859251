"""The bookmark dialog (``b`` on a passage, ``e`` in the bookmarks pane): an optional note,
comma-separated tags and, for a new bookmark, an optional range of words.

The passage is shown with small word numbers (word 1 and every fifth word); typing
``3-12`` into the words box marks words 3 to 12 in it and bookmarks only those. Enter in any
box (or ctrl+s) saves, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from reader.ui.logic.bookmark_marks import (
    WordRangeError,
    format_tags,
    format_word_range,
    numbered_words,
    parse_tags,
    parse_word_range,
    word_offsets,
)
from reader.ui.logic.text import one_line, visible

SELECTED_STYLE = "reverse"
NUMBER_STYLE = "dim italic"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class BookmarkDraft:
    """What the dialog was saved with. ``note`` is ``None`` when the note box was left as
    it was (so a hand-written multi-line note is not flattened by editing its tags)."""

    note: str | None
    tags: list[str]
    words: tuple[int, int] | None = None


class BookmarkDialog(ModalScreen[BookmarkDraft | None]):
    """``passage_text`` is shown for context; ``word_count`` > 0 offers the words box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="bookmark_dialog.cancel"),
        Binding("ctrl+s", "save", "Save", id="bookmark_dialog.save"),
        # before the box sees the key: what is typed right after Tab goes in the next box
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        passage_text: str,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        words: tuple[int, int] | None = None,
        choose_words: bool = True,
        info: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.passage_text = passage_text
        self.note = note
        self.initial_note = one_line(note)
        self.tags = list(tags)
        self.words = words
        self.choose_words = choose_words
        self.info = info
        self.word_count = 0
        self._numbers: list[tuple[int, int]] = []
        if choose_words:
            from reader.bookmarks.model import passage_words

            self.word_count = len(passage_words(passage_text))
            self._numbers = numbered_words(passage_text)

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmark-dialog"):
            yield Static(Content(self.title_text), id="bookmark-title", markup=False)
            with VerticalScroll(id="bookmark-preview-box"):
                yield Static(
                    self._preview(self.words if self.choose_words else None),
                    id="bookmark-preview",
                    markup=False,
                )
            if self.info:
                yield Static(Content(self.info), id="bookmark-info", markup=False)
            with Horizontal(classes="bookmark-field"):
                yield Label("Note")
                yield Input(
                    self.initial_note,
                    placeholder="optional",
                    id="bookmark-note",
                    select_on_focus=False,
                )
            with Horizontal(classes="bookmark-field"):
                yield Label("Tags")
                yield Input(
                    format_tags(self.tags),
                    placeholder="comma separated: nato, garantien",
                    id="bookmark-tags",
                    select_on_focus=False,
                )
            if self.choose_words:
                with Horizontal(classes="bookmark-field"):
                    yield Label("Words")
                    yield Input(
                        format_word_range(self.words),
                        placeholder=f"whole passage, or e.g. 3-12 (of {self.word_count})",
                        id="bookmark-words",
                        select_on_focus=False,
                    )
            yield Static(id="bookmark-error", markup=False)
            hint = "Enter saves · Tab next box · Escape cancels"
            if self.choose_words:
                hint = "Words: first-last by the small numbers above, or leave it empty. " + hint
            yield Static(Content(hint), id="bookmark-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#bookmark-note", Input).focus()

    # the words box -----------------------------------------------------------------------
    def _preview(self, words: tuple[int, int] | None) -> Content:
        """The passage with word numbers, the chosen words marked."""
        text = visible(self.passage_text)
        content = Content(text)
        if words is not None:
            start, end = word_offsets(self.passage_text, words)
            content = content.stylize(SELECTED_STYLE, start, end)
        if not self._numbers:
            return content
        parts: list[Content] = []
        at = 0
        for offset, number in self._numbers:
            parts.append(content[at:offset])
            parts.append(Content.styled(str(number).translate(SUPERSCRIPT), NUMBER_STYLE))
            at = offset
        parts.append(content[at:])
        return Content("").join(parts)

    def _words(self) -> tuple[int, int] | None:
        """The typed range; raises WordRangeError."""
        if not self.choose_words:
            return self.words
        return parse_word_range(self.query_one("#bookmark-words", Input).value, self.word_count)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#bookmark-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    @on(Input.Changed, "#bookmark-words")
    def _words_changed(self) -> None:
        try:
            words = self._words()
        except WordRangeError as exc:
            self._show_error(str(exc))
            return
        self._show_error("")
        self.query_one("#bookmark-preview", Static).update(self._preview(words))

    # saving ------------------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            words = self._words()
        except WordRangeError as exc:
            self._show_error(str(exc))
            self.query_one("#bookmark-words", Input).focus()
            return
        note = self.query_one("#bookmark-note", Input).value.strip()
        tags = parse_tags(self.query_one("#bookmark-tags", Input).value)
        unchanged = note == self.initial_note.strip()
        self.dismiss(BookmarkDraft(None if unchanged and self.note else note, tags, words))

    def action_cancel(self) -> None:
        self.dismiss(None)
