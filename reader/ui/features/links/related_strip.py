"""The related strip under the reading pane: the passages of other articles that report what
the current passage reports, with source, score and a snippet, best first (other sources
before the same source).

It follows the reading cursor (debounced; looked up in a worker; the latest move wins). The
passage it shows relations for is the *anchor*: ``]`` and ``[`` walk through the anchor's
related passages (each jump on the back stack), and the strip stays on the anchor's list while
walking, marking where the reader is; moving the cursor anywhere else makes a new anchor.
``=`` compares the anchor with the selected related passage. Passages of the open article
that have related passages get a mark in the gutter (:class:`~reader.ui.messages.MarkPassages`).

The screen mounts it under the reading pane and binds its ``article``, ``passage``,
``summaries`` and ``library_version`` down; a new ``library_version`` (the index or its
analysis changed) makes it look again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.corpus.model import passage_id
from reader.corpus.visible import clip
from reader.ui.keys import key_label
from reader.ui.logic import timeline_rows as tr
from reader.ui.logic.history import Location
from reader.ui.logic.text import one_line
from reader.ui.messages import MarkPassages, OpenPassage
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.analysis.related import Related
    from reader.corpus.model import Article
    from reader.search.store import ArticleSummary
    from reader.ui.source import LibrarySource

LIMIT = 20  # related passages shown (and walked with ] and [)
DEBOUNCE = 0.15  # seconds the cursor must rest before its related passages are looked up
MARK_DELAY = 0.6  # ... and before the open article's passages are checked for gutter marks
CACHE = 256  # anchors whose results the strip keeps
SOURCE_WIDTH = 16
ANALYSING = "  · may change: names and dates are still being found"
"""The most columns a source name takes in the strip."""
HERE = "▶"
LINKED = "-linked"
"""The class of the reading pane's passages that have related passages."""


LINK_WORDS = {"statement": " same statement", "occasion": " same statement, another occasion"}
"""How the strip tells a statement's links from the same event's (which need no word)."""


@dataclass(frozen=True, slots=True)
class RelatedRow:
    related: Related
    here: bool = False

    @property
    def key(self) -> str:
        return self.related.passage_id

    @property
    def is_heading(self) -> bool:
        return False


class RelatedStrip(Vertical):
    """Mounted into ``#reading-column`` by the main screen, which binds its state down."""

    article: var[Article | None] = var(None)
    passage: var[int] = var(0)
    summaries: var[Sequence[ArticleSummary]] = var(())
    library_version: var[int] = var(0)
    analysing: var[bool] = var(False)

    @dataclass
    class Found(Message):
        pid: str
        results: list[Related] = field(default_factory=list)
        error: str = ""

    @dataclass
    class Marks(Message):
        article_id: str
        linked: set[int]

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.anchor_at: Location | None = None
        self.anchor_pid: str | None = None
        self.results: list[Related] = []
        self.loaded = False
        """The results are those of the anchor (not still being looked up)."""
        self._expect: Location | None = None
        self._timer: Timer | None = None
        self._mark_timer: Timer | None = None
        self._settle_pending = False
        self._cache: OrderedDict[str, list[Related]] = OrderedDict()
        self._marked: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="related-title", markup=False)
        yield RowList(render=self._render_row, id="related-list")

    def on_mount(self) -> None:
        self.display = False
        self._moved()

    def watch_article(self) -> None:
        self._moved()

    def watch_passage(self) -> None:
        self._moved()

    def watch_library_version(self) -> None:
        self.forget()

    @property
    def location(self) -> Location | None:
        return Location(self.article.id, self.passage) if self.article else None

    @property
    def row_list(self) -> RowList:
        return self.query_one("#related-list", RowList)

    @property
    def here_pid(self) -> str | None:
        here = self.location
        return passage_id(here.article_id, here.passage) if here else None

    # following the cursor -----------------------------------------------------------------
    def _moved(self) -> None:
        # ``article`` and ``passage`` change one after the other: look once both are set
        if not self._settle_pending and self.is_mounted:
            self._settle_pending = True
            self.call_later(self._settle)

    def _settle(self) -> None:
        self._settle_pending = False
        here = self.location
        if here is None or self.article is None:
            self.display = False
            return
        self.display = True
        if self.article.id != self._marked:
            self._marked = self.article.id
            self._schedule_marks()
        if here == self.anchor_at or here == self._expect:
            self._expect = None
            self._show_rows()
            return
        self._expect = None
        self.anchor_at = here
        self.anchor_pid = passage_id(here.article_id, here.passage)
        cached = self._cache.get(self.anchor_pid)
        if cached is not None:  # shown at once, and looked up again (the index may change)
            self._cache.move_to_end(self.anchor_pid)
            self._show(cached)
        else:
            self.loaded = False
            self._title(Content.styled("Related: looking…", "dim"))
            self.row_list.add_class("-stale")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._lookup)

    def _lookup(self) -> None:
        if self.anchor_pid is not None:
            self._fetch(self.anchor_pid)

    @work(thread=True, exclusive=True, exit_on_error=False, group="related")
    def _fetch(self, pid: str) -> None:
        from reader.analysis.related import UnknownPassage, related

        try:
            results = related(self.source.library, pid, LIMIT)
        except UnknownPassage:
            results = []
        except Exception as exc:  # say so in the strip; reading goes on
            self.post_message(self.Found(pid, [], f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Found(pid, results))

    def on_related_strip_found(self, message: Found) -> None:
        message.stop()
        if message.error:
            if message.pid == self.anchor_pid:
                self.results, self.loaded = [], True
                self.row_list.set_rows([])
                self._title(
                    Content.styled(
                        f"Related passages could not be found: {message.error}", "$text-error"
                    )
                )
            return
        self._cache[message.pid] = message.results
        while len(self._cache) > CACHE:
            self._cache.popitem(last=False)
        if message.pid == self.anchor_pid and not (self.loaded and message.results == self.results):
            self._show(message.results)

    def _show(self, results: list[Related]) -> None:
        self.results, self.loaded = results, True
        self.row_list.remove_class("-stale")
        self._show_rows(keep_first=True)
        self.screen.refresh_bindings()

    def _show_rows(self, keep_first: bool = False) -> None:
        if not self.loaded:
            return
        here = self.here_pid
        rows = [RelatedRow(r, r.passage_id == here) for r in self.results]
        keep = here if any(r.here for r in rows) else None
        if keep is None and not keep_first and self.row_list.current is not None:
            keep = self.row_list.current.key
        self.row_list.set_rows(rows, keep=keep)
        self._show_title()

    def _show_title(self) -> None:
        results = self.results
        if not results:
            self._title(Content.styled("No related passages in other articles.", "dim"))
            return
        others = sum(1 for r in results if not r.same_source)
        here = self.here_pid
        position = next((i for i, r in enumerate(results) if r.passage_id == here), -1)
        where = (
            f"at {position + 1} of {len(results)}"
            if position >= 0
            else f"{len(results)} passage{'s' if len(results) != 1 else ''}"
        )
        if others < len(results):
            where += f", {others} in other sources"
        anchor = self.anchor_at
        origin = f"¶{anchor.passage}" if anchor else ""
        if anchor and position >= 0:
            article = self.source.library.article(anchor.article_id)
            if article is not None:
                origin = f"{one_line(article.source) or 'no source'} ¶{anchor.passage}"
        app = self.app
        keys = (
            f"{key_label(app, 'next_related')}/{key_label(app, 'previous_related')} step · "
            f"{key_label(app, 'compare')} compare"
        )
        self._title(
            Content.assemble(
                ("Related", "bold"),
                f" to {origin}: {where}  ",
                (keys, "dim"),
                (ANALYSING if self.analysing else "", "italic $text-warning"),
            )
        )

    def watch_analysing(self) -> None:
        if self.is_mounted:
            self._show_title()

    def _title(self, content: Content) -> None:
        self.query_one("#related-title", Static).update(content)

    def _render_row(self, row: RelatedRow) -> Content:
        r = row.related
        badges = tr.badges_for(self.summaries)
        # the strip is one wide line a row: whole source names, as wide as the longest shown
        name_width = min(
            max((len(_source_label(badges, o.source)) for o in self.results), default=1),
            SOURCE_WIDTH,
        )
        name = clip(_source_label(badges, r.source), name_width)
        return Content.assemble(
            (HERE if row.here else " ", "bold"),
            (f"{r.score:.2f} ", "dim" if r.same_source else "bold"),
            (f" {name.ljust(name_width)} ", badges.style(r.source)),
            (" same source" if r.same_source else "", "dim"),
            (LINK_WORDS.get(r.link, ""), "italic"),
            " ",
            one_line(r.text),
        )

    # gutter marks -------------------------------------------------------------------------
    def _schedule_marks(self) -> None:
        if self._mark_timer is not None:
            self._mark_timer.stop()
        self._mark_timer = self.set_timer(MARK_DELAY, self._start_marks)

    def _start_marks(self) -> None:
        article = self.article
        if article is not None:
            self._find_marks(article.id, len(article.passages))

    @work(thread=True, exclusive=True, exit_on_error=False, group="related-marks")
    def _find_marks(self, article_id: str, count: int) -> None:
        from reader.analysis.related import related

        worker = get_current_worker()
        linked: set[int] = set()
        library = self.source.library
        for index in range(count):
            if worker.is_cancelled:
                return
            try:
                if related(library, passage_id(article_id, index), 1):
                    linked.add(index)
            except Exception:  # no mark is better than a crash
                continue
        self.post_message(self.Marks(article_id, linked))

    def on_related_strip_marks(self, message: Marks) -> None:
        message.stop()
        self.post_message(MarkPassages(LINKED, message.article_id, message.linked))

    # keys ---------------------------------------------------------------------------------
    def step(self, direction: int) -> None:
        """``]`` / ``[``: the next or previous related passage of the anchor."""
        if not self.can("related_step"):
            self.app.notify(self.why_not(), markup=False)
            return
        assert self.anchor_at is not None
        target = tr.related_step([r.passage_id for r in self.results], self.here_pid, direction)
        if target is None:
            self.app.notify(
                "That was the last related passage."
                if direction > 0
                else "This is the passage the related ones belong to."
            )
            return
        if target == -1:
            location = self.anchor_at
        else:
            r = self.results[target]
            location = Location(r.article_id, r.passage)
        self._expect = location
        self.post_message(OpenPassage(location.article_id, location.passage))

    @on(RowList.Selected, "#related-list")
    def _selected(self, message: RowList.Selected) -> None:
        message.stop()
        row = message.row
        assert isinstance(row, RelatedRow)
        self._expect = Location(row.related.article_id, row.related.passage)
        self.post_message(OpenPassage(row.related.article_id, row.related.passage))

    @on(RowList.Highlighted, "#related-list")
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()

    @property
    def selected(self) -> Related | None:
        """The related passage the compare view takes: where the reader is when walking,
        else the highlighted row."""
        here = self.here_pid
        for r in self.results:
            if r.passage_id == here:
                return r
        row = self.row_list.current
        return row.related if isinstance(row, RelatedRow) else None

    def compare(self) -> None:
        """``=``: the anchor and the selected related passage side by side. Enter there
        opens the passage it shows; when it closes after ``]``/``[`` took another, the
        strip follows: walking (the reader was on a related passage), the reader goes on
        to the one the view showed last, as ``]`` would have; else that one is
        highlighted in the strip, so that ``=`` or Enter takes it."""
        chosen = self.selected
        if self.anchor_pid is None or chosen is None:
            self.app.notify(self.why_not(), markup=False)
            return
        from reader.ui.dialogs.compare import Compared, CompareScreen

        index = self.results.index(chosen)
        walking = any(r.passage_id == self.here_pid for r in self.results)
        results = self.results

        def closed(result: Compared | None) -> None:
            if result is None or results is not self.results:
                return  # (the strip moved on meanwhile)
            location = result.location
            if result.opened or (walking and result.index != index):
                self._expect = location
                self.post_message(OpenPassage(location.article_id, location.passage))
            elif result.index != index:
                self.row_list.cursor = result.index

        self.app.push_screen(
            CompareScreen(
                self.source.library,
                self.summaries,
                self.anchor_pid,
                self.results,
                index,
            ),
            closed,
        )

    def forget(self) -> None:
        """Drop what is cached and look again (the index or its analysis changed)."""
        self._cache.clear()
        if self.anchor_pid is not None:
            self._fetch(self.anchor_pid)
        self._marked = None
        if self.article is not None:
            self._marked = self.article.id
            self._schedule_marks()

    def can(self, action: str) -> bool:
        """Whether ``]``, ``[`` or ``=`` apply now (for the footer)."""
        return self.anchor_at is not None and self.loaded and bool(self.results)

    def why_not(self) -> str:
        """Why ``]``, ``[`` and ``=`` do nothing now."""
        if self.anchor_at is None:
            return "Open an article first: related passages belong to a passage."
        if not self.loaded:
            return "The related passages are still being looked up."
        return "This passage has no related passages in other articles."


def _source_label(badges: tr.SourceBadges, source: str) -> str:
    """The source's whole name (``sueddeutsche``), or the no-source badge."""
    return badges.badge(source) if tr.is_unknown(source) else tr.source_name(source)
