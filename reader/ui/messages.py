"""Messages that go up: panes and features post them to the main screen, and workers post
them from their threads.

Any pane that wants the reading pane somewhere posts :class:`OpenPassage`; any pane that
wants a search run posts :class:`RunSearch`; a feature that draws on the open article posts
:class:`SetLayer` or :class:`MarkPassages`. The screen does the rest (history, layers,
narrow-screen layout) and pushes its state down (its ``article``, ``passage``,
``library_ready``, ``library_version`` and ``summaries`` vars), so no pane reaches into the
screen or into another pane.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:  # keep whoosh out of the app's import time
    from reader.bookmarks import Anchor, Bookmark
    from reader.search.indexer import UpdateReport
    from reader.search.query import SearchResult
    from reader.search.store import ArticleSummary
    from reader.ui.logic.library_rows import LibraryIndex
    from reader.ui.widgets.styled import StyleSpan


@dataclass
class OpenPassage(Message):
    """Show ``article_id`` with the cursor on ``passage``.

    ``record`` puts the jump on the back stack (every jump a reader makes should);
    ``focus`` moves the keyboard focus to the reading pane.
    """

    article_id: str
    passage: int = 0
    record: bool = True
    focus: bool = True


@dataclass
class RunSearch(Message):
    """Run ``query`` (the query language of ``reader search``) and show the results."""

    query: str


@dataclass
class SearchRan(Message):
    """A search finished and ``query`` is now the newest of the recent queries."""

    query: str


@dataclass
class Progress(Message):
    """How far a worker is: ``phase`` names the step, ``done`` of ``total`` (0: unknown)."""

    phase: str
    done: int
    total: int


class IndexProgress(Progress):
    """Posted by the index worker: ``phase`` is scan, read, index or commit."""


class EnrichProgress(Progress):
    """Posted by the background enrichment: analyse, entities, commit or dates."""


@dataclass
class LibraryLoaded(Message):
    """The index is current and these are its articles."""

    summaries: Sequence[ArticleSummary]
    report: UpdateReport | None = None
    problems: list[str] = field(default_factory=list)
    library_index: LibraryIndex | None = None
    """The summaries sorted for the library pane (built in the worker)."""


@dataclass
class LibraryUnavailable(Message):
    """No articles to show (empty or missing corpus) or the index failed; ``message`` says
    what to do."""

    title: str
    message: str


@dataclass
class SummariesChanged(Message):
    """The library's articles were re-read (dates inferred by the enrichment changed)."""

    summaries: Sequence[ArticleSummary]
    library_index: LibraryIndex | None = None


@dataclass
class EnrichDone(Message):
    """The background enrichment finished (or failed: ``error``): stored analysis, index
    documents and inferred dates are current. Bubbles up to the screen, which tells the
    features that use them (its ``library_version``)."""

    analysed: int = 0
    reindexed: int = 0
    seconds: float = 0.0
    dated: list[str] = field(default_factory=list)
    summaries: Sequence[ArticleSummary] | None = None
    """The library's summaries when dates the list shows changed (re-read in the worker)."""
    library_index: LibraryIndex | None = None
    error: str = ""


@dataclass
class SearchDone(Message):
    query: str
    result: SearchResult
    terms: frozenset[str]


@dataclass
class SearchFailed(Message):
    query: str
    message: str


@dataclass
class SetLayer(Message):
    """Draw ``spans`` as layer ``name`` on ``article_id`` when it is the open article."""

    name: str
    article_id: str
    spans: Mapping[int, Sequence[StyleSpan]]


@dataclass
class ShowLayers(Message):
    """Show or hide layers ``names`` of the reading pane (kept, only hidden)."""

    names: tuple[str, ...]
    shown: bool


@dataclass
class MoveCursor(Message):
    """Put the reading cursor on ``passage`` when ``article_id`` is the open article (no
    jump: nothing goes on the back stack)."""

    article_id: str
    passage: int


@dataclass
class MarkPassages(Message):
    """Give the passages ``indices`` of ``article_id`` the class ``mark`` (the others lose
    it), when it is the open article."""

    mark: str
    article_id: str
    indices: Collection[int]


# bookmarks: the keeper posts what it holds, the pane posts what the reader asks ------------
@dataclass
class BookmarksChanged(Message):
    """The bookmarks as last read: ``anchors`` by id (empty until the library is ready),
    ``error`` the file's problem, ``select`` a bookmark just added or restored."""

    bookmarks: list[Bookmark]
    anchors: dict[str, Anchor]
    error: str | None = None
    select: str | None = None
    elsewhere: int = 0  # bookmarks of other corpora (not in ``bookmarks``)


@dataclass
class BookmarkRequest(Message):
    """What the reader asked of ``bookmark`` in the bookmarks pane: ``edit`` its note and
    tags, ``delete`` it, or ``jump`` to its passage."""

    what: Literal["edit", "delete", "jump"]
    bookmark: Bookmark
