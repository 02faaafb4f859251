"""The main screen: sidebar (library, search) beside the reading pane. It owns the reader's
state — the open article and passage, the search, the find box, the back stack — and runs
the workers that talk to the library.

Plug-in points for later panes:

* post :class:`~reader.ui.messages.OpenPassage` to jump (it goes on the back stack) and
  :class:`~reader.ui.messages.RunSearch` to search;
* watch the ``article`` and ``passage`` vars (``self.watch(screen, "passage", …)``);
* :meth:`MainScreen.add_layer_provider` to draw spans (entities, dates, bookmarks) on every
  article shown, or :meth:`ReadingPane.set_layer` for the open one;
* :meth:`MainScreen.add_sidebar_pane` for a new tab in the sidebar;
* mount extra widgets into ``#reading-column`` (e.g. a related-passages strip) above the
  find bar.

The first screen is kept to what it shows (header, sidebar with the library, reading pane,
footer), so that it is up quickly: the feature modules (names and dates, timeline, related
passages) are imported the first time they are needed, and what the first screen does not show
is mounted once it is up (:meth:`MainScreen.build_deferred`) or once the library is listed
(:meth:`MainScreen._after_listing`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from reader.ui import hit_order
from reader.ui.find import find_all
from reader.ui.history import History, Location
from reader.ui.keys import bindings
from reader.ui.messages import (
    IndexProgress,
    LibraryLoaded,
    LibraryUnavailable,
    OpenPassage,
    RunSearch,
    SearchDone,
    SearchFailed,
)
from reader.ui.widgets.library_pane import LibraryPane
from reader.ui.widgets.reading_pane import Layer, ReadingPane
from reader.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.query import Hit, SearchResult
    from reader.search.store import ArticleSummary
    from reader.ui.app import ReaderApp
    from reader.ui.enrichment import EntityStatus
    from reader.ui.styled import StyleSpan
    from reader.ui.widgets.bookmarks_keeper import BookmarkKeeper
    from reader.ui.widgets.find_bar import FindBar
    from reader.ui.widgets.search_pane import SearchPane

NARROW_WIDTH = 100
"""Below this many columns the sidebar and the reading pane take turns."""
WIDE_WIDTH = 160

SEARCH_STYLE = "bold reverse"
FIND_STYLE = "underline"
FIND_CURRENT_STYLE = "bold black on yellow"
PROBLEMS_SHOWN = 3

LayerProvider = Callable[["Article"], Mapping[str, Layer]]

LINK_ACTIONS = frozenset({"related_step", "compare", "other_source"})
"""Commands that follow links between passages (reader/ui/widgets/related_strip.py)."""
TIMELINE = ("timeline", "Timeline")
"""The timeline pane's id and title (reader/ui/widgets/timeline_pane.py)."""

WELCOME = """\
Choose an article in the library and press Enter, or press / to search.

j/k move between passages · n/N next/previous search hit · backspace goes back
ctrl+f finds a word in the article · F1 or ? lists every key · q quits"""


class _Cancelled(Exception):
    """Raised inside the index worker's progress callback when the app is closing."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")
    AUTO_FOCUS = "#library-list"

    article: var[Article | None] = var(None)
    """The article in the reading pane."""
    passage: var[int] = var(0)
    """The passage the reading cursor is on."""

    def __init__(self) -> None:
        # the width classes from the start: adding them later restyles every widget
        width = self.app.size.width
        classes = ["-view-sidebar"]
        if width < NARROW_WIDTH:
            classes.append("-narrow")
        if width >= WIDE_WIDTH:
            classes.append("-wide")
        super().__init__(id="main", classes=" ".join(classes))
        self.history = History()
        self.library_ready = False
        """The index is current and the library listed: articles can be opened."""
        self.summaries: Sequence[ArticleSummary] = []
        self.search_query = ""
        self.search_result: SearchResult | None = None
        self.search_hits: list[Hit] = []
        self.search_terms: frozenset[str] = frozenset()
        self.pending_query: str | None = None
        self.find_matches: list[tuple[int, int, int]] = []
        self.find_pos = -1
        self.layer_providers: list[LayerProvider] = []
        self._bookmark_keeper: BookmarkKeeper | None = None
        self._entity_status: EntityStatus | None = None
        self._entity_mounts: list[AwaitMount] = []

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    @property
    def library(self) -> Library:
        return self.reader_app.ctx.library

    # layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield Sidebar(LibraryPane(id="library"), "Library", id="sidebar")
            with Vertical(id="reading-column"):
                yield ReadingPane(WELCOME, id="reading")
        yield Footer()

    def on_mount(self) -> None:
        self.sidebar.register("search", "Search", self._make_search_pane)
        self.sidebar.register("entities", "Entities", lambda: self.entity_status.make_pane())
        self.sidebar.register("bookmarks", "Bookmarks", lambda: self.bookmark_keeper.make_pane())
        self.sidebar.register(*TIMELINE, _make_timeline_pane)

    async def build_deferred(self) -> None:
        """Start loading the library and build the boxes the first screen does not show
        (called once it is up), so that the first "/" or ctrl+f finds its box ready and no
        typed key goes astray. What needs the library waits for it (:meth:`_after_listing`)."""
        self.load_library()
        await asyncio.sleep(0)  # the worker's thread starts before the work below
        from reader.ui.widgets.find_bar import FindBar

        # the names-and-dates status line: mounted while the library loads
        self.entity_status  # noqa: B018
        await self.sidebar.build("search")
        if self.find_bar is None:
            bar = FindBar(id="find-bar")
            bar.display = False
            await self.query_one("#reading-column").mount(bar)

    async def _after_listing(self, index_changed: bool) -> None:
        """Once the library is listed: the background analysis of names and dates, the
        bookmarks, and the related strip under the reading pane (shown when an article is
        open)."""
        from reader.ui.widgets import related_strip

        self.entity_status.start_enrichment(index_changed)
        self._start_bookmarks()
        await related_strip.install(self)

    def _start_bookmarks(self) -> None:
        """Mount the bookmarks keeper, which reads the file: once the library is listed,
        unavailable or being indexed (reading the file earlier slowed the listing down)."""
        self.bookmark_keeper  # noqa: B018

    def _make_search_pane(self) -> Widget:
        from reader.ui.widgets.search_pane import SearchPane

        pane = SearchPane(id="search")
        pane.recent = list(self.reader_app.ui_state.recent_queries)
        return pane

    @property
    def reading(self) -> ReadingPane:
        return self.query_one("#reading", ReadingPane)

    @property
    def library_pane(self) -> LibraryPane:
        return self.query_one("#library", LibraryPane)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one("#sidebar", Sidebar)

    @property
    def search_pane(self) -> SearchPane:
        """The search pane (built the first time search is used)."""
        pane = self.sidebar.pane("search")
        assert pane is not None, "the search pane is built by show_search_pane()"
        return pane  # type: ignore[return-value]

    async def show_search_pane(self) -> SearchPane:
        pane = await self.show_sidebar_pane("search")
        return pane  # type: ignore[return-value]

    @property
    def find_bar(self) -> FindBar | None:
        """The find box, once ctrl+f has been pressed."""
        bars = self.query("#find-bar")
        return bars.first() if bars else None  # type: ignore[return-value]

    def on_resize(self, event: events.Resize) -> None:
        self._set_classes({
            "-narrow": event.size.width < NARROW_WIDTH,
            "-wide": event.size.width >= WIDE_WIDTH,
        })

    def _set_classes(self, wanted: Mapping[str, bool]) -> None:
        """Change several classes with one restyle (each restyle walks the whole screen)."""
        changed = False
        for name, on in wanted.items():
            if self.has_class(name) != on:
                self.set_class(on, name, update=False)
                changed = True
        if changed:
            self.update_node_styles()

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def _show_view(self, view: str) -> None:
        """On a narrow screen, show the sidebar or the reading column (not both)."""
        wanted = {"-view-sidebar": view == "sidebar", "-view-reading": view == "reading"}
        if view == "sidebar":
            wanted["-sidebar-hidden"] = False
        self._set_classes(wanted)
        # keep the keyboard in what is shown (a hidden widget keeps the focus otherwise)
        focused = self.focused
        in_sidebar = focused is not None and self.sidebar in focused.ancestors_with_self
        if view == "reading" and self.narrow and (focused is None or in_sidebar):
            self.reading.focus()
        elif view == "sidebar" and self.narrow and not in_sidebar:
            pane = self.sidebar.pane(self.sidebar.active)
            target = _focus_target(pane) if pane is not None else None
            if target is not None:
                target.focus()

    def add_sidebar_pane(self, title: str, pane_id: str, factory: Callable[[], Widget]) -> None:
        """Add a pane to the sidebar (later: entities, timeline, bookmarks). ``factory()``
        builds it (a widget with ``id=pane_id``) the first time it is shown."""
        self.sidebar.register(pane_id, title, factory)

    async def show_sidebar_pane(self, pane_id: str, focus: Widget | None = None) -> Widget:
        """Show a sidebar pane (building it if needed), on narrow screens instead of the
        article; ``focus`` (or the pane's ``focus_target``) gets the keyboard focus."""
        pane = await self.sidebar.show(pane_id)
        self._show_view("sidebar")
        target = focus or _focus_target(pane)
        if target is not None:
            target.focus()
        return pane

    async def on_sidebar_pane_chosen(self, message: Sidebar.PaneChosen) -> None:
        await self.show_sidebar_pane(message.pane_id)

    def add_layer_provider(self, provider: LayerProvider) -> None:
        """``provider(article) -> {layer name: {passage index: spans}}`` is asked for every
        article the reading pane shows (keep it cheap: it runs on the UI thread)."""
        self.layer_providers.append(provider)

    # loading --------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def load_library(self) -> None:
        """Bring the index up to date if it is not (with progress), then list the articles."""
        worker = get_current_worker()
        ctx = self.reader_app.ctx

        def progress(phase: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(IndexProgress(phase, done, total))

        try:
            library = ctx.library
            report = None
            if not library.is_current():
                self.post_message(IndexProgress("scan", 0, 0))
                report = library.update(progress)
            summaries = library.summaries()
        except _Cancelled:
            return
        except Exception as exc:  # the app must open whatever the index does
            self.post_message(LibraryUnavailable(
                "The index could not be opened",
                f"{type(exc).__name__}: {exc}\n\nRun `reader index` in a shell to see the "
                f"whole error; deleting the index folder makes reader rebuild it:\n"
                f"{ctx.library.paths.root}",
            ))
            return
        if worker.is_cancelled:
            return
        problems = [str(p) for p in report.problems] if report else []
        if not summaries:
            self.post_message(LibraryUnavailable("No articles", _empty_message(ctx, problems)))
            return
        from reader.ui.library_rows import LibraryIndex

        self.post_message(LibraryLoaded(summaries, report, problems, LibraryIndex(summaries)))

    async def on_index_progress(self, message: IndexProgress) -> None:
        from reader.ui.widgets.index_status import IndexStatus

        statuses = self.query(IndexStatus)
        if statuses:
            status = statuses.first()
        else:
            status = IndexStatus(id="index-status")
            await self.mount(status, before=self.query_one(Footer))
        status.show(message.phase, message.done, message.total)
        self._start_bookmarks()
        self.library_pane.set_status("Indexing the corpus; the list fills in when done…")
        if self.article is None:
            self.reading.show_message(
                "Building the index (first run, or the corpus changed).\n\n"
                "This happens once; the library fills in when it is done. "
                "Searches typed meanwhile run as soon as the index is ready."
            )

    async def on_library_loaded(self, message: LibraryLoaded) -> None:
        if not self.entity_status.is_mounted:  # (it is, unless the library was very quick)
            for mounting in self._entity_mounts:
                await mounting  # it follows the article from the first one opened
        self.library_ready = True
        self.summaries = message.summaries
        self.query("#index-status").remove()
        self.library_pane.set_summaries(message.summaries, message.library_index)
        count = len(message.summaries)
        self.sub_title = f"{count:,} article{'s' if count != 1 else ''}"
        if self.article is None:
            self.reading.show_message(WELCOME)
        if message.report is not None and not message.report.up_to_date:
            r = message.report
            self.notify(
                f"Indexed {r.articles:,} articles ({r.added:,} added, {r.updated:,} updated, "
                f"{r.removed:,} removed) in {r.seconds:.1f} s",
                title="Index updated", markup=False,
            )
        if message.problems:
            shown = message.problems[:PROBLEMS_SHOWN]
            more = len(message.problems) - len(shown)
            text = "\n".join(shown) + (
                f"\n… and {more} more (run `reader index` to see them all)" if more else ""
            )
            self.notify(text, title="Some corpus files were skipped", severity="warning",
                        markup=False, timeout=12)
        if self.pending_query:
            query, self.pending_query = self.pending_query, None
            self._start_search(query)
        self.call_after_refresh(self._after_listing, message.report is not None
                                and not message.report.up_to_date)
        self.refresh_bindings()

    def on_library_unavailable(self, message: LibraryUnavailable) -> None:
        """The corpus could not be listed: say why where the article would be; bookmarks
        stay usable."""
        self.library_ready = False
        self._start_bookmarks()
        self.query("#index-status").remove()
        self.library_pane.set_status(message.title)
        self.sub_title = message.title
        self.reading.show_message(Content.assemble((message.title, "bold"), "\n\n",
                                                   message.message))
        self._show_view("reading")
        if self.pending_query:
            self.search_pane.show_error("There is nothing to search: " + message.title)
            self.pending_query = None
        self.refresh_bindings()

    # opening articles -------------------------------------------------------------------
    @property
    def location(self) -> Location | None:
        return Location(self.article.id, self.passage) if self.article else None

    async def on_open_passage(self, message: OpenPassage) -> None:
        message.stop()
        await self.go_to(message.article_id, message.passage, record=message.record,
                         focus=message.focus)

    async def go_to(
        self, article_id: str, passage: int = 0, *, record: bool = True, focus: bool = True
    ) -> bool:
        """Show ``article_id`` at ``passage``; ``record`` puts the jump on the back stack."""
        if not self.library_ready:
            self.notify("The library is not ready yet.", severity="warning")
            return False
        article = self.library.article(article_id)
        if article is None:
            self.notify(f"There is no article {article_id!r} in the index.",
                        severity="warning", markup=False)
            return False
        passage = max(0, min(passage, len(article.passages) - 1))
        if record:
            self.history.visit(Location(article.id, passage), self.location)
        await self._display(article, passage)
        if focus:
            self.reading.focus()
            self._show_view("reading")
        self.refresh_bindings()
        return True

    async def _display(self, article: Article, passage: int) -> None:
        reading = self.reading
        if reading.article is not None and reading.article.id == article.id:
            reading.cursor = passage
        else:
            self.find_pos = -1
            layers: dict[str, Layer] = {}
            for provider in self.layer_providers:
                layers.update(provider(article))
            layers["search"] = self._search_layer(article)
            find_layers = self._find_layers(article)
            layers.update(find_layers)
            await reading.show_article(article, passage, layers)
            self.article = article
            self.library_pane.select_article(article.id)
            if self.find_bar is not None:
                self.find_bar.show_count(-1, len(self.find_matches))
        self.passage = passage

    def on_reading_pane_cursor_moved(self, message: ReadingPane.CursorMoved) -> None:
        if self.article is not None and message.article_id == self.article.id:
            self.passage = message.index

    # history --------------------------------------------------------------------------
    async def _go_to_location(self, location: Location | None) -> None:
        if location is None:
            return
        article = self.library.article(location.article_id)
        if article is None:
            self.notify(f"Article {location.article_id!r} is no longer in the index.",
                        severity="warning", markup=False)
            return
        await self._display(article, location.passage)
        self.reading.focus()
        self._show_view("reading")
        self.refresh_bindings()

    async def action_back(self) -> None:
        await self._go_to_location(self.history.back(self.location))

    async def action_forward(self) -> None:
        await self._go_to_location(self.history.forward(self.location))

    # search ---------------------------------------------------------------------------
    async def action_search(self) -> None:
        # A priority binding: the app waits for this before it hands on the next key, so
        # the focus moves now (``focus()`` would wait for a refresh) and "/putin" typed in
        # one burst goes whole into the search box.
        pane = await self.show_search_pane()
        self.set_focus(pane.input)

    async def action_show_library(self) -> None:
        await self.show_sidebar_pane("library", self.library_pane.row_list)

    async def on_run_search(self, message: RunSearch) -> None:
        message.stop()
        pane = await self.show_search_pane()
        if pane.input.value != message.query:  # a search from a pane: show what it asked
            pane.input.value = message.query
        if self.library_ready:
            self._start_search(message.query)
        else:
            self.pending_query = message.query
            self.search_pane.show_pending(message.query, "Waiting for the index to be ready…")

    def _start_search(self, query: str) -> None:
        self.search_query = query
        self.search_pane.show_pending(query)
        self.run_search(query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        from reader.search.query import QueryError

        library = self.library
        try:
            result = library.search(query)
            # the words to mark in every passage of an opened article, not only in the hits
            terms = frozenset(result.terms)
        except QueryError as exc:
            self.post_message(SearchFailed(query, str(exc)))
            return
        except Exception as exc:
            self.post_message(SearchFailed(query, f"the search failed: {exc}"))
            return
        self.post_message(SearchDone(query, result, terms))

    def on_search_done(self, message: SearchDone) -> None:
        if message.query != self.search_query:
            return  # an older search finishing late
        self.search_result = message.result
        self.search_hits = hit_order.reading_order(message.result.hits)
        self.search_terms = message.terms
        self.search_pane.show_results(message.query, message.result.total, self.search_hits)
        self.reader_app.remember_query(message.query)
        self.search_pane.recent = list(self.reader_app.ui_state.recent_queries)
        if self.article is not None:
            self.reading.set_layer("search", self._search_layer(self.article))
        if self.focused is self.search_pane.input and self.search_hits:
            self.search_pane.results.focus()
        self.refresh_bindings()

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.query != self.search_query:
            return
        self.search_pane.show_pending(message.query, "")
        self.search_pane.show_error(message.message)

    def _search_layer(self, article: Article) -> dict[int, list[StyleSpan]]:
        """The searched words in every passage of ``article``, plus what the hits themselves
        matched (entity mentions of an ``entity:`` query, for instance)."""
        spans: dict[int, set[tuple[int, int]]] = {}
        for hit in self.search_hits:
            if hit.passage.article_id == article.id:
                spans.setdefault(hit.passage.index, set()).update(hit.matches)
        if self.search_terms:
            from reader.search.query import match_offsets

            terms = set(self.search_terms)
            for p in article.passages:
                found = match_offsets(p.text, terms)
                if found:
                    spans.setdefault(p.index, set()).update(found)
        return {i: [(s, e, SEARCH_STYLE) for s, e in sorted(m)] for i, m in spans.items() if m}

    async def _step_hit(self, forward: bool) -> None:
        here = self.article.id if self.article else None
        found = hit_order.step(self.search_hits, here, self.passage, forward)
        if found is None:
            return
        index, wrapped = found
        hit = self.search_hits[index]
        if wrapped:
            self.notify("Back at the first hit." if forward else "Back at the last hit.")
        if await self.go_to(hit.passage.article_id, hit.passage.index):
            self.search_pane.mark_hit(index)

    async def action_next_hit(self) -> None:
        await self._step_hit(True)

    async def action_previous_hit(self) -> None:
        await self._step_hit(False)

    # find in article ------------------------------------------------------------------
    async def action_find(self) -> None:
        if self.article is None:
            return
        self._show_view("reading")
        bar = self.find_bar
        if bar is None:
            from reader.ui.widgets.find_bar import FindBar

            bar = FindBar(id="find-bar")
            await self.query_one("#reading-column").mount(bar)
        bar.open()

    def _find_layers(self, article: Article) -> dict[str, Layer]:
        """Recompute matches of the find box in ``article``; returns the find layers."""
        needle = self.find_bar.text if self.find_bar is not None else ""
        self.find_matches = [
            (p.index, s, e) for p in article.passages for s, e in find_all(p.text, needle)
        ]
        return self._find_layer_spans()

    def _find_layer_spans(self) -> dict[str, Layer]:
        everything: dict[int, list[StyleSpan]] = {}
        for index, s, e in self.find_matches:
            everything.setdefault(index, []).append((s, e, FIND_STYLE))
        current: dict[int, list[StyleSpan]] = {}
        if 0 <= self.find_pos < len(self.find_matches):
            index, s, e = self.find_matches[self.find_pos]
            current[index] = [(s, e, FIND_CURRENT_STYLE)]
        return {"find": everything, "find-current": current}

    def _apply_find_layers(self) -> None:
        for name, layer in self._find_layer_spans().items():
            self.reading.set_layer(name, layer)
        if self.find_bar is not None:
            self.find_bar.show_count(self.find_pos, len(self.find_matches))

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        if self.article is None:
            return
        self._find_layers(self.article)
        # like a browser: the first match at or after the cursor becomes current
        self.find_pos = next(
            (i for i, (index, _, _) in enumerate(self.find_matches) if index >= self.passage),
            0 if self.find_matches else -1,
        )
        self._apply_find_layers()
        if self.find_pos >= 0:
            self.reading.cursor = self.find_matches[self.find_pos][0]

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.action_find_step(message.direction)

    def action_find_step(self, direction: int) -> None:
        if not self.find_matches:
            return
        self.find_pos = (self.find_pos + direction) % len(self.find_matches)
        self._apply_find_layers()
        self.reading.cursor = self.find_matches[self.find_pos][0]

    def _close_find(self) -> None:
        if self.find_bar is not None:
            self.find_bar.display = False
        self.find_matches, self.find_pos = [], -1
        self.reading.clear_layer("find")
        self.reading.clear_layer("find-current")
        self.reading.focus()

    # bookmarks: the keeper does the work ------------------------------------------------
    @property
    def bookmark_keeper(self) -> BookmarkKeeper:
        """The bookmarks file, its marks on the text and the pane's data (an invisible
        widget); mounted by :meth:`_start_bookmarks`, or by whatever asks for it first."""
        if self._bookmark_keeper is None:
            from reader.ui.widgets.bookmarks_keeper import BookmarkKeeper

            self._bookmark_keeper = BookmarkKeeper(id="bookmark-keeper")
            self.mount(self._bookmark_keeper)
        return self._bookmark_keeper

    def action_bookmark(self) -> None:
        self.bookmark_keeper.add_here()

    async def action_show_bookmarks(self) -> None:
        await self.show_sidebar_pane("bookmarks")

    def action_bookmark_undo(self) -> None:
        self.bookmark_keeper.undo()

    # names and dates: EntityStatus (reader/ui/enrichment.py) does the work ---------------
    @property
    def entity_status(self) -> EntityStatus:
        """The names-and-dates status line (hidden while idle); mounted by
        :meth:`build_deferred`, or by whatever asks for it first."""
        if self._entity_status is None:
            self._entity_status = self._mount_entity_status()
        return self._entity_status

    def _mount_entity_status(self) -> EntityStatus:
        """Mount the status line above the footer and the colour legend above the article
        (hidden until an article is open)."""
        from reader.ui.enrichment import EntityStatus
        from reader.ui.widgets.legend import EntityLegend

        status = EntityStatus(id="entity-status")
        self._entity_mounts = [
            self.mount(status, after="#body"),
            self.query_one("#reading-column").mount(
                EntityLegend(id="entity-legend"), before=self.reading),
        ]
        return status

    def action_toggle_entities(self) -> None:
        self.entity_status.toggle()

    async def action_show_entities(self) -> None:
        await self.show_sidebar_pane("entities")

    # timeline and related passages: timeline_pane.py and related_strip.py do the work ---
    async def action_toggle_timeline(self) -> None:
        from reader.ui.widgets import timeline_pane

        await timeline_pane.toggle(self)

    async def action_other_source(self) -> None:
        from reader.ui.widgets import timeline_pane

        await timeline_pane.other_source(self)

    def action_related_step(self, direction: int) -> None:
        from reader.ui.widgets import related_strip

        related_strip.step(self, direction)

    def action_compare(self) -> None:
        from reader.ui.widgets import related_strip

        related_strip.compare(self)

    def on_enrich_done(self) -> None:
        """Names and dates are current (EnrichDone bubbled up from EntityStatus): the
        timeline and related passages, which use them, look again."""
        from reader.ui.widgets import related_strip

        if self.sidebar.pane(TIMELINE[0]) is not None:
            from reader.ui.widgets import timeline_pane

            timeline_pane.library_changed(self)
        related_strip.library_changed(self)

    # panes ----------------------------------------------------------------------------
    def action_toggle_sidebar(self) -> None:
        if self.narrow:
            self._show_view("reading" if self.has_class("-view-sidebar") else "sidebar")
            return
        hidden = not self.has_class("-sidebar-hidden")
        self.set_class(hidden, "-sidebar-hidden")
        if hidden and self.focused is not None and self.sidebar in self.focused.ancestors:
            self.reading.focus()

    async def action_leave(self) -> None:
        """Escape steps out: find box -> article; filter or query box -> its list;
        list -> article; and on a narrow screen article -> list."""
        focused = self.focused
        bar = self.find_bar
        if bar is not None and bar.display and (focused is None or bar in focused.ancestors):
            self._close_find()
            return
        in_sidebar = focused is not None and self.sidebar in focused.ancestors_with_self
        if focused is self.library_pane.filter_input:
            self.library_pane.row_list.focus()
            return
        search = self.sidebar.pane("search")
        if search is not None and focused is getattr(search, "input", None):
            results = search.results  # type: ignore[attr-defined]
            if results.option_count or self.article is None:
                results.focus()
                return
        if in_sidebar and self.article is not None:
            self._show_view("reading")
            self.reading.focus()
        elif not in_sidebar and self.narrow:
            await self.show_sidebar_pane(self.sidebar.active)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that cannot apply now are left out of the footer (and do nothing)."""
        if action in ("next_hit", "previous_hit"):
            return bool(self.search_hits)
        if action == "back":
            return self.history.can_go_back
        if action == "forward":
            return self.history.can_go_forward
        if action in ("bookmark", "bookmark_undo"):
            keeper = self._bookmark_keeper  # (none yet on the first screen: nothing to do)
            return keeper is not None and keeper.check(action)
        if action in LINK_ACTIONS:
            if self.article is None:
                return False  # (the first screen's footer: no need to import the strip)
            from reader.ui.widgets import related_strip

            return related_strip.allowed(self, action)
        if action in ("find", "find_step"):
            return self.article is not None
        if action == "search":  # (a priority binding) "/" typed in a text box is a "/"
            return not isinstance(self.focused, Input)
        return True


def _make_timeline_pane() -> Widget:
    from reader.ui.widgets.timeline_pane import TimelinePane

    return TimelinePane(id=TIMELINE[0])


def _focus_target(pane: Widget) -> Widget | None:
    """Where the keyboard goes when a pane is shown: its ``focus_target`` or the pane."""
    target = getattr(pane, "focus_target", None)
    if isinstance(target, Widget):
        return target
    return pane if pane.focusable else None


def _empty_message(ctx, problems: list[str]) -> str:
    config = ctx.config
    missing = [p for p in config.corpus if not p.exists()]
    paths = ", ".join(str(p) for p in config.corpus)
    if missing:
        what = "The corpus " + ", ".join(str(p) for p in missing) + " does not exist."
    else:
        what = f"The corpus ({paths}) holds no readable .txt, .md or .jsonl articles."
    if problems:
        what += "\n\nSkipped:\n" + "\n".join(f"  {p}" for p in problems[:5])
    from reader import locations

    config_file = config.path
    if config_file is None or config_file == locations.bundled_config():
        config_file = locations.config_dir() / "config.yaml"
    return (
        f"{what}\n\nTo read articles:\n"
        f"  • put .txt, .md or .jsonl files into {paths} and start reader again, or\n"
        f"  • start reader on another corpus: reader --corpus PATH, or\n"
        f"  • name the corpus in the config file {config_file} (corpus: PATH).\n\n"
        "Press q to quit."
    )
