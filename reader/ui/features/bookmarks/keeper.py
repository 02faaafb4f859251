"""Bookmarks in the app: an invisible widget on the main screen that owns the bookmark store.

It loads the file and applies every change in thread workers (a change takes a file lock
and fsyncs), looks at the file once a second (a ``stat``) and reloads it when another
process or a hand edit changed it, resolves where each bookmark is in the current articles
(once the screen's ``library_ready`` says the library is listed), draws the marks on the
open article (posting the ``bookmarks`` layer) and posts what it holds
(:class:`~reader.ui.messages.BookmarksChanged`), which the screen hands to the pane. The
pane's requests come back through the screen (edit, delete, jump).

A file that cannot be read is reported once (``notify``, with line and column); the last
good list stays on screen and nothing is written over the file.

The keeper holds the open corpus's bookmarks only (and those of no corpus yet); the store
writes back every corpus's. A bookmark of no corpus yet that is found in this one is given
to it once the anchors are resolved.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from reader.ui.keys import key_label
from reader.ui.logic.text import one_line, shorten
from reader.ui.messages import BookmarkRequest, BookmarksChanged, OpenPassage, SetLayer

if TYPE_CHECKING:
    from reader.bookmarks import Anchor, Bookmark, BookmarkStore
    from reader.corpus.model import Article, Passage
    from reader.ui.dialogs.bookmark_dialog import BookmarkDraft
    from reader.ui.source import LibrarySource
    from reader.ui.widgets.reading_pane import Layer

MARK_STYLES: dict[str, str] = {
    "ok": "on $warning 22%",
    "moved": "on $warning 22%",
    "changed": "on $error 22%",
}
"""The ``bookmarks`` layer: quoted words on a tint; a changed passage on a red tint."""
POLL_SECONDS = 1.0
QUOTE_IN_MESSAGES = 60
TITLE_IN_DIALOG = 50

Stamp = tuple[int, int, int]


@dataclass
class _Cache:
    """Articles and anchors resolved against the library as it is now."""

    articles: dict[str, Article | None] = field(default_factory=dict)
    anchors: dict[Bookmark, Anchor] = field(default_factory=dict)


class BookmarkKeeper(Widget):
    """Holds ``bookmarks`` (the open corpus's, file order) and ``anchors`` (by id, empty
    until the library is ready) as last read; ``error`` is the file's problem, if it has
    one; ``elsewhere`` how many bookmarks other corpora have."""

    DEFAULT_CSS = "BookmarkKeeper { display: none; }"

    article: var[Article | None] = var(None)
    """The open article (bound to the screen's)."""
    passage: var[int] = var(0)
    library_ready: var[bool] = var(False)
    """The library is listed: anchors can be resolved (bound to the screen's)."""

    @dataclass
    class Updated(Message):
        """The file as read now (posted by workers)."""

        bookmarks: list[Bookmark]
        anchors: dict[str, Anchor]
        error: str | None
        warnings: list[str]
        elsewhere: int = 0
        notices: tuple[str, ...] = ()

    @dataclass
    class Saved(Message):
        """A change was written: ``what`` is added, edited, removed or restored."""

        what: str
        bookmark: Bookmark

    @dataclass
    class NotSaved(Message):
        message: str

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.bookmarks: list[Bookmark] = []
        self.anchors: dict[str, Anchor] = {}
        self.elsewhere = 0
        self.error: str | None = None
        self.loaded = False
        self.removed: list[Bookmark] = []
        """Deleted bookmarks, last deleted last: ``u`` brings them back."""
        self._select: str | None = None
        """A bookmark just added or restored: the pane highlights it."""
        self._warned: set[str] = set()
        self._store: BookmarkStore | None = None
        self._path: Path | None = None
        self._stamp: Stamp | None = None
        self._posted: tuple[object, ...] | None = None
        self._cache = _Cache()
        self._lock = threading.Lock()  # one worker at a time talks to the store

    # setting up ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        """Read the file and look at it once a second. The main screen mounts the keeper
        once the library is listed (or being indexed): importing the store and parsing the
        file would otherwise delay the first screen and the listing."""
        config = self.source.config
        self._path = Path(os.path.realpath(Path(config.resolved_bookmarks()).expanduser()))
        self._stamp = _stat(self._path)
        self._load()
        self.set_interval(POLL_SECONDS, self._poll)

    def watch_library_ready(self) -> None:
        """The library became ready (or unavailable): resolve the anchors again."""
        if self.is_mounted:
            self._reload(True)

    @property
    def path(self) -> Path:
        assert self._path is not None
        return self._path

    def state(self) -> BookmarksChanged | None:
        """What the keeper holds, for a pane built now (``None`` until the file is read)."""
        if not self.loaded:
            return None
        return BookmarksChanged(self.bookmarks, self.anchors, self.error, elsewhere=self.elsewhere)

    def check(self, action: str) -> bool:
        """Whether a bookmark command applies now (for the screen's ``check_action``)."""
        if action == "bookmark":
            return self.article is not None
        if action == "bookmark_undo":
            return bool(self.removed)
        return True

    # the store, in workers ----------------------------------------------------------------
    def _store_now(self) -> BookmarkStore:
        if self._store is None:
            from reader.bookmarks import BookmarkStore

            self._store = BookmarkStore(self.path, corpus=self.source.config.bookmarks_corpus())
        return self._store

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def _load(self) -> None:
        from reader.bookmarks import BookmarkFileError

        with self._lock:
            store = self._store_now()
            try:
                store.load()
            except BookmarkFileError:
                pass  # kept in store.error; the list stays empty (or the last good one)
            except OSError as exc:
                self.post_message(self.NotSaved(f"Cannot read the bookmarks: {exc}"))
            self._post_state(store, force=True)

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def _reload(self, library_changed: bool) -> None:
        from reader.bookmarks import BookmarkFileError

        with self._lock:
            store = self._store_now()
            if library_changed:
                self._cache = _Cache()
            try:
                store.reload_if_changed()
            except BookmarkFileError:
                pass
            except OSError as exc:
                self.post_message(self.NotSaved(f"Cannot read the bookmarks: {exc}"))
            self._post_state(store, force=library_changed)

    def _change(self, what: str, change: Callable[[BookmarkStore], Bookmark]) -> None:
        """Run ``change`` on the store (in a worker thread) and report how it went."""
        from reader.bookmarks import BookmarkFileError, BookmarkLockTimeout, UnknownBookmark

        with self._lock:
            store = self._store_now()
            try:
                bookmark = change(store)
            except BookmarkFileError as exc:
                self.post_message(
                    self.NotSaved(f"Not saved: the bookmarks file has an error. {exc}")
                )
                self._post_state(store)
                return
            except (BookmarkLockTimeout, UnknownBookmark, ValueError, OSError) as exc:
                self.post_message(self.NotSaved(f"Not saved: {exc}"))
                return
            except Exception as exc:  # say so rather than fail silently in a worker
                self.post_message(self.NotSaved(f"Not saved: {type(exc).__name__}: {exc}"))
                return
            self.post_message(self.Saved(what, bookmark))
            self._post_state(store, force=True)

    def _post_state(self, store: BookmarkStore, *, force: bool = False) -> None:
        bookmarks = store.here
        anchors = self._resolve(bookmarks)
        if self._claim_found(store, anchors):
            bookmarks = store.here
            anchors = self._resolve(bookmarks)
        error = str(store.error) if store.error is not None else None
        notices = tuple(store.notices)
        store.notices.clear()
        elsewhere = store.elsewhere()
        signature = (tuple(bookmarks), tuple(anchors), error, tuple(store.warnings), elsewhere)
        if not force and not notices and signature == self._posted:
            return
        self._posted = signature
        self.post_message(
            self.Updated(bookmarks, anchors, error, list(store.warnings), elsewhere, notices)
        )

    def _claim_found(self, store: BookmarkStore, anchors: dict[str, Anchor]) -> bool:
        """Give this corpus the bookmarks of no corpus yet that were found in it; whether
        any changed (a file that cannot be written leaves them as they are)."""
        from reader.bookmarks import BookmarkFileError, BookmarkLockTimeout

        if store.error is not None:
            return False
        try:
            return bool(store.claim_found(anchors))
        except (BookmarkFileError, BookmarkLockTimeout, OSError):  # (a write error too)
            return False  # they stay of no corpus, and are shown here all the same

    def _resolve(self, bookmarks: list[Bookmark]) -> dict[str, Anchor]:
        """Where each bookmark is now (nothing until the library is ready)."""
        if not self.library_ready:
            return {}
        from reader.bookmarks import resolve

        cache = self._cache
        library = self.source.library

        class Lookup:
            def article(self, article_id: str) -> Article | None:
                if article_id not in cache.articles:
                    cache.articles[article_id] = library.article(article_id)
                return cache.articles[article_id]

            def articles_quoting(self, quote: str) -> list[str]:
                return library.articles_quoting(quote)

        anchors: dict[str, Anchor] = {}
        try:
            for bm in bookmarks:
                anchor = cache.anchors.get(bm)
                if anchor is None:
                    anchor = cache.anchors[bm] = resolve(bm, Lookup())
                anchors[bm.id] = anchor
        except Exception:  # an index that fails to read: show the bookmarks without status
            return {}
        return anchors

    # the file, changed by another process or by hand ----------------------------------------
    def _poll(self) -> None:
        """Once a second: a ``stat`` of the file."""
        stamp = _stat(self.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self._reload(False)

    # results on the UI thread ---------------------------------------------------------------
    def on_bookmark_keeper_updated(self, message: Updated) -> None:
        if not self.app.is_running:  # read just as the app closes: its panes are going
            return
        self.bookmarks = message.bookmarks
        self.anchors = message.anchors
        self.elsewhere = message.elsewhere
        self.loaded = True
        for notice in message.notices:
            self.notify(notice, title="Bookmarks file updated", timeout=20, markup=False)
        if message.error != self.error:
            if message.error:
                self.notify(
                    message.error,
                    title="The bookmarks file cannot be read",
                    severity="error",
                    timeout=30,
                    markup=False,
                )
            elif self.error:
                self.notify(f"{self.path} reads fine again.", title="Bookmarks", markup=False)
            self.error = message.error
        for warning in message.warnings:
            if warning not in self._warned:
                self._warned.add(warning)
                self.notify(
                    warning, title="Bookmarks", severity="warning", timeout=10, markup=False
                )
        self.refresh_marks()
        select, self._select = self._select, None
        self.post_message(
            BookmarksChanged(self.bookmarks, self.anchors, self.error, select, self.elsewhere)
        )
        self.screen.refresh_bindings()

    def on_bookmark_keeper_saved(self, message: Saved) -> None:
        bm = message.bookmark
        quote = shorten(bm.quote, QUOTE_IN_MESSAGES)
        if message.what in ("added", "restored"):
            self._select = bm.id
        if message.what == "added":
            from reader.ui.logic.bookmark_marks import passage_label

            tags = " ".join(f"#{t}" for t in bm.tags)
            self.notify(
                f"{passage_label(bm)}: “{quote}” {tags}".rstrip(), title="Bookmarked", markup=False
            )
        elif message.what == "edited":
            self.notify(f"Saved the note and tags of “{quote}”", markup=False)
        elif message.what == "removed":
            from reader.ui.logic.bookmark_marks import undo_queue_push

            undo_queue_push(self.removed, bm)
            undo = key_label(self.app, "bookmark_undo")
            self.notify(
                f"Deleted “{quote}” — press {undo} to undo",
                title="Bookmark deleted",
                timeout=8,
                markup=False,
            )
        elif message.what == "restored":
            self.notify(f"Restored “{quote}”", markup=False)
        self.screen.refresh_bindings()

    def on_bookmark_keeper_not_saved(self, message: NotSaved) -> None:
        self.notify(message.message, title="Bookmarks", severity="error", timeout=20, markup=False)

    # marks ----------------------------------------------------------------------------------
    def layers_for(self, article: Article) -> Mapping[str, Layer]:
        """The ``bookmarks`` layer of ``article`` (a layer provider of the main screen)."""
        if not any(bm.article_id == article.id for bm in self.bookmarks):
            return {"bookmarks": {}}
        from reader.ui.logic.bookmark_marks import mark_spans

        spans = mark_spans(article, self.bookmarks)
        return {
            "bookmarks": {
                index: [(s, e, MARK_STYLES[status]) for s, e, status in marks]
                for index, marks in spans.items()
            }
        }

    def refresh_marks(self) -> None:
        article = self.article
        if article is not None:
            self.post_message(
                SetLayer("bookmarks", article.id, self.layers_for(article)["bookmarks"])
            )

    # commands -------------------------------------------------------------------------------
    def add_here(self) -> None:
        """``b``: ask for a note, tags and words, then bookmark the current passage."""
        from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
        from reader.ui.logic.bookmark_marks import bookmarks_of

        article = self.article
        if article is None:
            return
        passage = article.passages[min(self.passage, len(article.passages) - 1)]
        where = "the headline" if passage.is_headline else f"¶{passage.index}"
        title = (
            f"Bookmark {where} — {one_line(article.source) or '(no source)'} · "
            f"{shorten(article.title, TITLE_IN_DIALOG)}"
        )
        here = bookmarks_of(self.bookmarks, passage.id)
        info = (
            f"This passage has {len(here)} bookmark{'s' if len(here) != 1 else ''} already; "
            "saving adds another (edit them in the bookmarks pane)."
            if here
            else ""
        )

        def done(draft: BookmarkDraft | None) -> None:
            if draft is not None:
                self._add(article, passage, draft)

        self.app.push_screen(BookmarkDialog(title, passage.text, info=info), done)

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def _add(self, article: Article, passage: Passage, draft: BookmarkDraft) -> None:
        from reader.bookmarks import make_bookmark

        self._change(
            "added",
            lambda store: store.add(
                make_bookmark(
                    article, passage, words=draft.words, note=draft.note or "", tags=draft.tags
                )
            ),
        )

    def answer(self, request: BookmarkRequest) -> None:
        """What the bookmarks pane asked (the screen hands it on)."""
        if request.what == "edit":
            self.edit(request.bookmark)
        elif request.what == "delete":
            self.delete(request.bookmark.id)
        else:
            self.jump(request.bookmark)

    def edit(self, bm: Bookmark) -> None:
        """Ask for a new note and tags for ``bm``."""
        from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
        from reader.ui.logic.bookmark_marks import passage_label

        title = (
            f"Edit bookmark {passage_label(bm)} — {one_line(bm.source) or '(no source)'}"
            f" · {shorten(bm.headline, TITLE_IN_DIALOG)}"
        )

        def done(draft: BookmarkDraft | None) -> None:
            if draft is not None:
                self._edit(bm.id, draft)

        self.app.push_screen(
            BookmarkDialog(
                title,
                bm.quote,
                note=bm.note,
                tags=bm.tags,
                choose_words=False,
            ),
            done,
        )

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def _edit(self, bookmark_id: str, draft: BookmarkDraft) -> None:
        self._change(
            "edited", lambda store: store.edit(bookmark_id, note=draft.note, tags=draft.tags)
        )

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def delete(self, bookmark_id: str) -> None:
        self._change("removed", lambda store: store.remove(bookmark_id))

    def undo(self) -> None:
        """Bring back the bookmark deleted last."""
        if self.removed:
            self._restore(self.removed.pop())
            self.screen.refresh_bindings()

    @work(thread=True, exit_on_error=False, group="bookmarks")
    def _restore(self, bm: Bookmark) -> None:
        self._change("restored", lambda store: store.restore(bm))

    def jump(self, bm: Bookmark) -> None:
        """Open the passage ``bm`` is on now (onto the back stack)."""
        from reader.ui.logic.bookmark_marks import jump_target

        anchor = self.anchors.get(bm.id)
        index = jump_target(bm, anchor)
        if index is None:
            self.notify(
                f"The article {bm.article_id} is no longer in the library; the "
                "bookmark keeps its quote.",
                severity="warning",
                markup=False,
            )
            return
        if anchor is not None and anchor.status == "changed":
            self.notify(
                "The passage has changed since it was bookmarked; the bookmarks pane "
                "shows the old and the new text.",
                severity="warning",
                markup=False,
            )
        self.post_message(OpenPassage(bm.article_id, index))


def _stat(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size
