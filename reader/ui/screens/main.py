"""The main screen: sidebar (library, search, entities, bookmarks, timeline) beside the reading
pane. It owns the reader's state and pushes it down; the features post messages up.

* State goes down: ``article``, ``passage``, ``library_ready``, ``library_version`` and
  ``summaries`` are vars of the screen, bound into the feature widgets that declare vars of
  the same names (:meth:`MainScreen.connect`) when the screen builds them.
* Events go up (:mod:`reader.ui.messages`): :class:`~reader.ui.messages.OpenPassage` to jump
  (it goes on the back stack), :class:`~reader.ui.messages.RunSearch` to search,
  :class:`~reader.ui.messages.SetLayer` and :class:`~reader.ui.messages.MarkPassages` to draw
  on the open article; the screen applies them.
* Actions go down: each key's action calls the feature that does the work, and
  ``check_action`` asks it whether the command applies now.

The first screen is kept to what it shows (header, sidebar with the library, reading pane,
footer), so that it is up quickly: the feature modules are imported the first time they are
needed, and what the first screen does not show is mounted once it is up
(:meth:`MainScreen.build_deferred`) or once the library is listed
(:meth:`MainScreen._after_listing`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Header, Input

from reader.ui.binding import bind_vars
from reader.ui.features.library.pane import INDEXING, WELCOME, LibraryPane
from reader.ui.features.links import LINK_ACTIONS, TIMELINE
from reader.ui.features.share import SHARE_ACTIONS
from reader.ui.features.statements import COVERAGE, SPEAKERS
from reader.ui.keys import bindings, key_label
from reader.ui.logic.history import History, Location
from reader.ui.messages import (
    BookmarkRequest,
    BookmarksChanged,
    EnrichDone,
    EnrichProgress,
    IndexProgress,
    LibraryLoaded,
    LibraryUnavailable,
    MarkPassages,
    MoveCursor,
    OpenPassage,
    RunSearch,
    SetLayer,
    ShowLayers,
)
from reader.ui.screens.layout import SidebarLayout
from reader.ui.widgets.footer import KeyFooter
from reader.ui.widgets.reading_pane import Layer, LayerSource, ReadingPane
from reader.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from reader.analysis.coverage import Statements
    from reader.bookmarks import Bookmark
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.repeats import Repeat
    from reader.search.store import ArticleSummary
    from reader.ui.features.bookmarks.keeper import BookmarkKeeper
    from reader.ui.features.entities.keeper import EntityKeeper
    from reader.ui.features.links.related_strip import RelatedStrip
    from reader.ui.features.search.pane import SearchPane
    from reader.ui.features.statements.keeper import StatementsLoaded
    from reader.ui.logic.state import UiState
    from reader.ui.source import LibrarySource
    from reader.ui.widgets.find_bar import FindBar

W = TypeVar("W", bound=DOMNode)
STATE = (
    "article",
    "passage",
    "library_ready",
    "library_version",
    "summaries",
    "statements",
    "analysing",
)
"""The screen's vars that go down into the widgets that declare them (:meth:`connect`)."""
EXPLAINED = frozenset(
    {
        "next_hit",
        "previous_hit",
        "back",
        "forward",
        "find",
        "find_step",
        "other_source",
        "related_step",
        "compare",
        "open_url",
        "copy_url",
        "copy_quote",
    }
)
"""Commands that, pressed when they do not apply, say why in a short notice instead of doing
nothing (:meth:`MainScreen.refused`); the footer and the palette still leave them out then."""


class MainScreen(SidebarLayout):
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")
    AUTO_FOCUS = "#library-list"

    article: var[Article | None] = var(None)
    """The article in the reading pane."""
    passage: var[int] = var(0)
    """The passage the reading cursor is on."""
    library_ready: var[bool] = var(False)
    """The index is current and the library listed: articles can be opened."""
    library_version: var[int] = var(0)
    """Counts the changes of the index and its analysis since the library was listed."""
    summaries: var[Sequence[ArticleSummary]] = var(())
    """The library's articles, as the library pane lists them."""
    statements: var[Statements | None] = var(None)
    """Who said what in the corpus (loaded once the library is listed)."""
    analysing: var[bool] = var(False)
    """Names and dates are being found: related passages and events may still change."""

    def __init__(self, source: LibrarySource, ui_state: UiState) -> None:
        super().__init__(id="main")
        self.source = source
        self.ui_state = ui_state
        self.history = History()
        self.layer_sources: list[LayerSource] = []
        self._bookmark_keeper: BookmarkKeeper | None = None
        self._entity_keeper: EntityKeeper | None = None
        self._search: SearchPane | None = None
        self.find_bar: FindBar | None = None
        """The find box, once it is built."""
        self.related_strip: RelatedStrip | None = None
        """The related strip, once the library is listed."""
        self._boxes_built = False

    @property
    def library(self) -> Library:
        return self.source.library

    def connect(self, widget: W) -> W:
        """State goes down: each var of :data:`STATE` that ``widget`` declares takes the
        screen's value now and follows it (``data_bind``, for widgets built after the screen
        was composed). A widget with ``layers_for`` is asked for every article shown."""
        bind_vars(self, widget, STATE)
        if isinstance(widget, LayerSource):
            self.layer_sources.append(widget)
        return widget

    # layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield Sidebar(LibraryPane(id="library"), "Library", id="sidebar")
            with Vertical(id="reading-column"):
                yield ReadingPane(WELCOME, id="reading")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sidebar.register("search", "Search", self._make_search_pane)
        self.sidebar.register("entities", "Entities", lambda: self.entity_keeper.make_pane())
        self.sidebar.register("bookmarks", "Bookmarks", self._make_bookmarks_pane)
        self.sidebar.register(*TIMELINE, self._make_timeline_pane)
        self.sidebar.register(*COVERAGE, self._make_coverage_pane, wide=True)
        self.sidebar.register(*SPEAKERS, self._make_speaker_pane, wide=True)

    async def build_deferred(self) -> None:
        """Start loading the library (called once the first screen is up). What needs the
        library waits for it (:meth:`_after_listing`), and so do the boxes the first screen
        does not show (:meth:`_build_boxes`): mounting them restyles the whole screen, which
        held the headlines back."""
        self.library_pane.load(self.source)

    async def _build_boxes(self) -> None:
        """The entity legend, the search pane and the find box, built once the list is
        drawn (or the library found unavailable), so that the first "/" or ctrl+f finds its
        box ready and no typed key goes astray (a key pressed before builds its box then)."""
        if self._boxes_built or self._leaving():
            return
        self._boxes_built = True
        keeper = self.entity_keeper  # the legend follows the article from the first one
        await self.query_one("#reading-column").mount(keeper.make_legend(), before=self.reading)
        await self.sidebar.build("search")
        await self._find_bar()

    async def _after_listing(self, index_changed: bool) -> None:
        """Once the library is listed: the background analysis of names and dates, the
        bookmarks, and the related strip under the reading pane (shown when an article is
        open)."""
        from reader.ui.features.links.related_strip import RelatedStrip

        await self._build_boxes()
        if self._leaving():
            return
        shown = {s.id: s.date for s in self.summaries}
        self.entity_keeper.start_enrichment(index_changed, shown)
        self.bookmark_keeper  # noqa: B018 - mounted: it reads the file
        if self.related_strip is None:
            self.related_strip = self.connect(RelatedStrip(self.source, id="related-strip"))
            await self.query_one("#reading-column").mount(self.related_strip, after=self.reading)
        if self._leaving():
            return
        if not self.query("#statement-keeper"):
            from reader.ui.features.statements.keeper import StatementKeeper
            from reader.ui.features.statements.strip import StatementStrip

            strip = self.connect(StatementStrip(id="statement-strip"))
            await self.query_one("#reading-column").mount(strip, after=self.reading)
            if self._leaving():
                return
            await self.mount(self.connect(StatementKeeper(self.source, id="statement-keeper")))

    def _leaving(self) -> bool:
        """The app quit while a mount was awaited (ctrl+q as the list fills): the screen is
        being taken down, and mounting on it would raise instead of quitting."""
        return not self.is_attached or self._closing or self._pruning

    def _make_search_pane(self) -> Widget:
        from reader.ui.features.search.pane import SearchPane

        self._search = self.connect(SearchPane(self.source, self.ui_state, id="search"))
        return self._search

    def _make_bookmarks_pane(self) -> Widget:
        from reader.ui.features.bookmarks.pane import BookmarksPane

        return BookmarksPane(self.bookmark_keeper.state(), id="bookmarks")

    def _make_timeline_pane(self) -> Widget:
        from reader.ui.features.links.timeline_pane import TimelinePane

        return self.connect(TimelinePane(self.source, id=TIMELINE[0]))

    def _make_coverage_pane(self) -> Widget:
        from reader.ui.features.statements.panes import CoveragePane

        return self.connect(CoveragePane(self.source, id=COVERAGE[0]))

    def _make_speaker_pane(self) -> Widget:
        from reader.ui.features.statements.panes import SpeakerPane

        return self.connect(SpeakerPane(id=SPEAKERS[0]))

    async def _find_bar(self) -> FindBar:
        """The find box under the reading pane (hidden until ctrl+f)."""
        if self.find_bar is None:
            from reader.ui.widgets.find_bar import FindBar

            self.find_bar = self.connect(FindBar(id="find-bar"))
            self.find_bar.display = False
            await self.query_one("#reading-column").mount(self.find_bar)
        return self.find_bar

    @property
    def repeats(self) -> Mapping[str, Repeat]:
        """The library's items shown more than once, as its list folds them (the palette
        offers each once too)."""
        index = self.library_pane.index
        return index.repeats if index is not None else {}

    @property
    def library_pane(self) -> LibraryPane:
        return self.query_one("#library", LibraryPane)

    @property
    def search_pane(self) -> SearchPane:
        """The search pane (built by :meth:`build_deferred`)."""
        assert self._search is not None, "the search pane is built by build_deferred()"
        return self._search

    async def show_search_pane(self) -> SearchPane:
        await self.show_sidebar_pane("search")
        return self.search_pane

    # loading --------------------------------------------------------------------------
    async def on_index_progress(self, message: IndexProgress) -> None:
        from reader.ui.features.library.loading import COUNTED, PHASES
        from reader.ui.widgets.progress_strip import show_progress

        await show_progress(self.query_one(KeyFooter), "index-status", message, PHASES, COUNTED)
        self.bookmark_keeper  # noqa: B018 - mounted while the index is built
        if self.article is None:
            self.reading.show_message(INDEXING)

    async def on_enrich_progress(self, message: EnrichProgress) -> None:
        from reader.ui.features.entities.enrichment import PHASES
        from reader.ui.widgets.progress_strip import show_progress

        self.analysing = True
        await show_progress(self.query_one(KeyFooter), "entity-status", message, PHASES)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """The library pane lists the articles (it had the message first)."""
        self.summaries = message.summaries
        self.library_ready = True
        self.query("#index-status").remove()
        count = len(message.summaries)
        self.sub_title = f"{count:,} article{'s' if count != 1 else ''}"
        if self.article is None:
            self.reading.show_message(WELCOME)
        report = message.report
        self.call_after_refresh(self._after_listing, report is not None and not report.up_to_date)
        self.refresh_bindings()

    def on_library_unavailable(self, message: LibraryUnavailable) -> None:
        """The corpus could not be listed: say why where the article would be; bookmarks
        stay usable."""
        self.library_ready = False
        self.bookmark_keeper  # noqa: B018
        self.query("#index-status").remove()
        self.sub_title = message.title
        self.reading.show_message(
            Content.assemble((message.title, "bold"), "\n\n", message.message)
        )
        self._show_view("reading")
        if self._search is not None:
            self.search_pane.unavailable(message.title)
        self.call_after_refresh(self._build_boxes)
        self.refresh_bindings()

    def on_enrich_done(self, message: EnrichDone) -> None:
        """Names and dates are current (bubbled up from the entity keeper): the list shows
        the dates inferred, and the features that use the analysis look again."""
        self.query("#entity-status").remove()
        self.analysing = False
        if message.summaries is not None:
            self.summaries = message.summaries
            self.library_pane.set_summaries(message.summaries, message.library_index)
        self.library_version += 1

    # what the features draw -----------------------------------------------------------
    @on(SetLayer)
    @on(ShowLayers)
    @on(MarkPassages)
    @on(MoveCursor)
    def _to_reading_pane(self, message: SetLayer | ShowLayers | MarkPassages | MoveCursor) -> None:
        self.reading.apply(message)

    # opening articles -------------------------------------------------------------------
    @property
    def location(self) -> Location | None:
        return Location(self.article.id, self.passage) if self.article else None

    async def on_open_passage(self, message: OpenPassage) -> None:
        message.stop()
        await self.go_to(
            message.article_id, message.passage, record=message.record, focus=message.focus
        )

    async def go_to(
        self, article_id: str, passage: int = 0, *, record: bool = True, focus: bool = True
    ) -> bool:
        """Show ``article_id`` at ``passage``; ``record`` puts the jump on the back stack."""
        if not self.library_ready:
            self.notify("The library is not ready yet.", severity="warning")
            return False
        article = self.library.article(article_id)
        if article is None:
            notice = f"There is no article {article_id!r} in the index."
            self.notify(notice, severity="warning", markup=False)
            return False
        passage = max(0, min(passage, len(article.passages) - 1))
        if record:
            if self.history.current is None:
                # the first jump: back comes back to the list it was made from
                self.history.visit(Location.pane_entry(self.sidebar.active))
            self.history.visit(Location(article.id, passage), self._history_here())
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
            layers: dict[str, Layer] = {}
            for source in self.layer_sources:
                layers.update(source.layers_for(article))
            await reading.show_article(article, passage, layers)
            self.article = article
            self.library_pane.select_article(article.id)
        self.passage = passage

    def on_reading_pane_cursor_moved(self, message: ReadingPane.CursorMoved) -> None:
        if self.article is not None and message.article_id == self.article.id:
            self.passage = message.index

    # history --------------------------------------------------------------------------
    def _history_here(self) -> Location | None:
        """Where the reader is, for the back stack: the list they came back to, if they
        went back to one (the article still shown there is not where they are)."""
        current = self.history.current
        if current is not None and current.pane:
            return None
        return self.location

    async def action_back(self) -> None:
        if self.refused("back"):
            return
        if (location := self.history.back(self._history_here())) is not None:
            await self._return_to(location)

    async def action_forward(self) -> None:
        if self.refused("forward"):
            return
        if (location := self.history.forward(self._history_here())) is not None:
            await self._return_to(location)

    async def _return_to(self, location: Location) -> None:
        """Show a place of the back stack: an article's passage, or the list of the
        sidebar a first jump was made from."""
        if location.pane:
            await self.show_sidebar_pane(location.pane)
            self.refresh_bindings()
        else:
            await self.go_to(location.article_id, location.passage, record=False)

    # search: the search pane does the work ------------------------------------------------
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
        pane.search(message.query)

    def action_next_hit(self) -> None:
        if not self.refused("next_hit"):
            self.search_pane.step(True)

    def action_previous_hit(self) -> None:
        if not self.refused("previous_hit"):
            self.search_pane.step(False)

    # find in article: the find bar does the work ------------------------------------------
    async def action_find(self) -> None:
        if self.refused("find"):
            return
        self._show_view("reading")
        (await self._find_bar()).open()

    def action_find_step(self, direction: int) -> None:
        if not self.refused("find_step") and self.find_bar is not None:
            self.find_bar.step(direction)

    # bookmarks: the keeper does the work ------------------------------------------------
    @property
    def bookmark_keeper(self) -> BookmarkKeeper:
        """The bookmarks file, its marks on the text and the pane's data (an invisible
        widget): mounted once the library is listed, unavailable or being indexed (reading
        the file earlier slowed the listing down), or by whatever asks for it first."""
        if self._bookmark_keeper is None:
            from reader.ui.features.bookmarks.keeper import BookmarkKeeper

            self._bookmark_keeper = self.connect(BookmarkKeeper(self.source, id="bookmark-keeper"))
            self.mount(self._bookmark_keeper)
        return self._bookmark_keeper

    def action_bookmark(self) -> None:
        self.bookmark_keeper.add_here()

    async def action_show_bookmarks(self) -> None:
        await self.show_sidebar_pane("bookmarks")

    def action_bookmark_undo(self) -> None:
        self.bookmark_keeper.undo()

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        from reader.ui.features.bookmarks.pane import BookmarksPane

        pane = self.sidebar.pane("bookmarks")
        if isinstance(pane, BookmarksPane):
            pane.show(message)

    def on_bookmark_request(self, message: BookmarkRequest) -> None:
        self.bookmark_keeper.answer(message)

    # the article's URL and quotes: the share feature does the work -------------------------
    @property
    def url(self) -> str:
        """The open article's URL ("" when there is none)."""
        return self.article.url.strip() if self.article is not None else ""

    def action_open_url(self) -> None:
        from reader.ui.features.share.actions import open_in_browser

        if not self.refused("open_url"):
            open_in_browser(self, self.url)

    def action_copy_url(self) -> None:
        from reader.ui.features.share.actions import copy_text

        if not self.refused("copy_url"):
            copy_text(self.app, self.url, "the URL")

    def action_copy_quote(self) -> None:
        """The highlighted bookmark's words when the bookmarks pane has the keyboard, else
        the passage under the reading cursor."""
        from reader.bookmarks.quote import bookmark_quote, passage_quote
        from reader.ui.features.share.actions import copy_text

        if self.refused("copy_quote"):
            return
        bookmark = self._highlighted_bookmark()
        if bookmark is not None:
            anchor = self.bookmark_keeper.anchors.get(bookmark.id)
            article = anchor.article if anchor is not None else None
            copy_text(self.app, bookmark_quote(bookmark, article), "the bookmarked words")
        elif self.article is not None and self.article.passages:
            passages = self.article.passages
            passage = passages[max(0, min(self.passage, len(passages) - 1))]
            what = "the headline" if passage.is_headline else f"¶{passage.index}"
            copy_text(self.app, passage_quote(self.article, passage), f"{what} as a quote")

    def _highlighted_bookmark(self) -> Bookmark | None:
        """The bookmark highlighted in the bookmarks pane, if that pane has the keyboard
        (found from the focus up, without a query: ``check_action`` runs this, also while
        the screen is taken down)."""
        focused = self.focused
        for node in focused.ancestors_with_self if focused is not None else ():
            if node.id == "bookmarks":
                from reader.ui.features.bookmarks.pane import BookmarksPane

                return node.current if isinstance(node, BookmarksPane) else None
        return None

    # names and dates: the entity keeper does the work -----------------------------------
    @property
    def entity_keeper(self) -> EntityKeeper:
        """The names-and-dates feature (an invisible widget); mounted by
        :meth:`build_deferred`, or by whatever asks for it first."""
        if self._entity_keeper is None:
            from reader.ui.features.entities.keeper import EntityKeeper

            self._entity_keeper = self.connect(EntityKeeper(self.source, id="entity-keeper"))
            self.mount(self._entity_keeper)
        return self._entity_keeper

    def action_toggle_entities(self) -> None:
        self.entity_keeper.toggle()

    async def action_show_entities(self) -> None:
        await self.show_sidebar_pane("entities")

    # timeline and related passages: their pane and strip do the work ---------------------
    async def action_toggle_timeline(self) -> None:
        """``t``: show the timeline and move to it; when it has the keyboard, hide it."""
        from reader.ui.features.links.timeline_pane import TimelinePane

        pane = self.sidebar.pane(TIMELINE[0])
        if isinstance(pane, TimelinePane) and self._in_view(TIMELINE[0]):
            if self.focused is not None and pane in self.focused.ancestors:
                await self.show_sidebar_pane(pane.previous_pane)
                if self.article is not None:
                    await self.go_to(self.article.id, self.passage, record=False)
                return
            self.set_focus(pane.focus_target)
        else:
            previous = self.sidebar.active
            pane = await self.show_sidebar_pane(TIMELINE[0])
            assert isinstance(pane, TimelinePane)
            if previous != TIMELINE[0]:
                pane.previous_pane = previous
        pane.when_loaded(pane.follow)  # the cursor on the event of the passage being read
        pane.reload()  # a changed index gets a new timeline

    async def action_other_source(self) -> None:
        """``o``: the current event in another source (loads the timeline if needed)."""
        from reader.ui.features.links.timeline_pane import TimelinePane

        if self.refused("other_source"):
            return
        pane = await self.sidebar.build(TIMELINE[0])
        assert isinstance(pane, TimelinePane)
        pane.when_loaded(partial(pane.other_source, self.narrow))

    def action_related_step(self, direction: int) -> None:
        if not self.refused("related_step") and self.related_strip is not None:
            self.related_strip.step(direction)

    def action_compare(self) -> None:
        if not self.refused("compare") and self.related_strip is not None:
            self.related_strip.compare()

    # who said what: the keeper loads it, the panes and the strip show it ----------------
    def on_statements_loaded(self, message: StatementsLoaded) -> None:
        message.stop()
        if message.table is None:
            self.notify(
                f"Statements could not be listed: {message.error}", severity="warning", markup=False
            )
            return
        self.statements = message.table

    async def action_show_coverage(self) -> None:
        await self.show_sidebar_pane(COVERAGE[0])

    async def action_show_speakers(self) -> None:
        await self.show_sidebar_pane(SPEAKERS[0])

    # feeds: the updater does the work -----------------------------------------------------
    async def action_update_feeds(self) -> None:
        from reader.ui.features.feeds.updater import FeedUpdater

        if not self.query(FeedUpdater):
            await self.mount(FeedUpdater(id="feeds-status"), before=self.query_one(KeyFooter))
        self.query_one(FeedUpdater).start(self.source.config.corpus)

    def on_feeds_arrived(self) -> None:
        """New articles in the inbox: the library reads the corpus again."""
        self.library_pane.load(self.source)

    # panes ----------------------------------------------------------------------------
    async def action_leave(self) -> None:
        """Escape steps out: find box -> article; filter or query box -> its list;
        list -> article; and on a narrow screen article -> list."""
        focused = self.focused
        bar = self.find_bar
        if bar is not None and bar.display and (focused is None or bar in focused.ancestors):
            bar.close()
            self.reading.focus()
            return
        in_sidebar = focused is not None and self.sidebar in focused.ancestors_with_self
        if self._search is not None and focused is self._search.input:
            results = self.search_pane.results
            if results.option_count or self.article is None:
                results.focus()
                return
        if in_sidebar and self.article is not None:
            self._show_view("reading")
            self.reading.focus()
        elif not in_sidebar and self.narrow:
            await self.show_sidebar_pane(self.sidebar.active)

    def applies(self, action: str, parameters: tuple[object, ...] = ()) -> bool | None:
        """Whether a command applies now: the footer and the palette show only those."""
        if action in ("next_hit", "previous_hit"):
            return self._search is not None and bool(self._search.hits)
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
            if action == "other_source":
                return True
            strip = self.related_strip
            return strip is not None and strip.can(action)
        if action in SHARE_ACTIONS:
            if action == "copy_quote":
                has_text = self.article is not None and bool(self.article.passages)
                return has_text or self._highlighted_bookmark() is not None
            return bool(self.url)
        if action == "find":
            return self.article is not None
        if action == "find_step":
            bar = self.find_bar
            return self.article is not None and bar is not None and bool(bar.matches)
        if action in ("search", "filter"):  # (priority bindings) typed in a box: text
            return not isinstance(self.focused, Input)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that cannot apply now do nothing, and are left out of the footer; those
        of :data:`EXPLAINED` run all the same, to say why they do nothing."""
        applies = self.applies(action, parameters)
        if not applies and action in EXPLAINED:
            return True
        return applies

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in force, without the commands of :data:`EXPLAINED` that do not apply
        now (they run only to say why: the footer leaves them out)."""
        return {
            key: active
            for key, active in super().active_bindings.items()
            if active.node is not self
            or (name := active.binding.action.split("(")[0]) not in EXPLAINED
            or self.applies(name)
        }

    def refused(self, action: str) -> bool:
        """``action`` does not apply now: a short notice says why (see :meth:`why_not`)."""
        if self.applies(action):
            return False
        self.notify(self.why_not(action), markup=False, timeout=4)
        return True

    def why_not(self, action: str) -> str:
        """Why a command of :data:`EXPLAINED` does nothing now, and what to do instead."""
        app = self.app
        if action in ("next_hit", "previous_hit"):
            if self._search is not None and self._search.query_text:
                return "The search found no passages to step through."
            return f"No search hits to step through: {key_label(app, 'search')} searches."
        if action == "back":
            return "Nothing to go back to yet: every jump to an article is remembered."
        if action == "forward":
            return f"Nothing to go forward to ({key_label(app, 'back')} goes back)."
        if self.article is None:
            return "Open an article first (Enter in the library)."
        if action == "find_step":
            return f"Nothing found to step through: {key_label(app, 'find')} finds a word."
        if action in ("related_step", "compare"):
            strip = self.related_strip
            return strip.why_not() if strip is not None else "Related passages: not ready yet."
        if action in ("open_url", "copy_url"):
            return "This article has no URL."
        return "That does not apply here."
