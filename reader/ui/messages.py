"""Messages panes post up to the main screen, and workers post to it from their threads.

Any pane that wants the reading pane somewhere posts :class:`OpenPassage`; any pane that
wants a search run posts :class:`RunSearch`. The screen does the rest (history, layers,
narrow-screen layout), so panes never reach into each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # keep whoosh out of the app's import time
    from reader.search.indexer import UpdateReport
    from reader.search.query import SearchResult
    from reader.search.store import ArticleSummary
    from reader.ui.library_rows import LibraryIndex


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
class IndexProgress(Message):
    """Posted by the index worker: ``phase`` is scan, read, index or commit."""

    phase: str
    done: int
    total: int


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
class SearchDone(Message):
    query: str
    result: SearchResult
    terms: frozenset[str]


@dataclass
class SearchFailed(Message):
    query: str
    message: str
