"""The main screen: sidebar (library, search, entities, bookmarks, timeline) beside the reading
pane. It owns the reader's state and pushes it down; the features post messages up.

* State goes down: ``article``, ``passage``, ``library_ready``, ``library_version`` and
  ``summaries`` are vars of the screen, bound into the feature widgets that declare vars of
  the same names (:meth:`MainScreen.bind`) when the screen builds them.
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

import asyncio
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from reader.ui.features.library.pane import LibraryPane
from reader.ui.features.links import LINK_ACTIONS, TIMELINE
from reader.ui.keys import bindings
from reader.ui.logic.history import History, Location
from reader.ui.messages import (
    BookmarksChanged,
    DeleteBookmark,
    EditBookmark,
    EnrichDone,
    EnrichProgress,
    IndexProgress,
    JumpToBookmark,
    LibraryLoaded,
    LibraryUnavailable,
    MarkPassages,
    MoveCursor,
    OpenPassage,
    Progress,
    RunSearch,
    SearchRan,
    SetLayer,
    ShowLayers,
)
from reader.ui.widgets.reading_pane import Layer, ReadingPane
from reader.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.store import ArticleSummary
    from reader.ui.features.bookmarks.keeper import BookmarkKeeper
    from reader.ui.features.entities.keeper import EntityKeeper
    from reader.ui.features.links.related_strip import RelatedStrip
    from reader.ui.features.search.pane import SearchPane
    from reader.ui.logic.state import UiState
    from reader.ui.source import LibrarySource
    from reader.ui.widgets.find_bar import FindBar

NARROW_WIDTH = 100
"""Below this many columns the sidebar and the reading pane take turns."""
WIDE_WIDTH = 160

LayerProvider = Callable[["Article"], Mapping[str, Layer]]
W = TypeVar("W", bound=DOMNode)

WELCOME = """\
Choose an article in the library and press Enter, or press / to search.

j/k move between passages · n/N next/previous search hit · backspace goes back
ctrl+f finds a word in the article · F1 or ? lists every key · q quits"""


class MainScreen(Screen[None]):
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

    def __init__(self, source: LibrarySource, ui_state: UiState) -> None:
        # the width classes from the start: adding them later restyles every widget
        width = self.app.size.width
        classes = ["-view-sidebar"]
        if width < NARROW_WIDTH:
            classes.append("-narrow")
        if width >= WIDE_WIDTH:
            classes.append("-wide")
        super().__init__(id="main", classes=" ".join(classes))
        self.source = source
        self.ui_state = ui_state
        self.history = History()
        self.layer_providers: list[LayerProvider] = []
        self._bookmark_keeper: BookmarkKeeper | None = None
        self._entity_keeper: EntityKeeper | None = None

    @property
    def library(self) -> Library:
        return self.source.library

    def bind(self, widget: W, *names: str) -> W:
        """State goes down: ``widget``'s vars ``names`` take the screen's values now and
        follow them (``data_bind``, for widgets built after the screen was composed)."""
        for name in names:
            widget.set_reactive(getattr(type(widget), name), getattr(self, name))
            widget.watch(self, name, partial(_set_var, widget, name), init=False)
        return widget

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
        self.sidebar.register("entities", "Entities", lambda: self.entity_keeper.make_pane())
        self.sidebar.register("bookmarks", "Bookmarks", self._make_bookmarks_pane)
        self.sidebar.register(*TIMELINE, self._make_timeline_pane)

    async def build_deferred(self) -> None:
        """Start loading the library and build the boxes the first screen does not show
        (called once it is up), so that the first "/" or ctrl+f finds its box ready and no
        typed key goes astray. What needs the library waits for it (:meth:`_after_listing`)."""
        self.run_worker(self._load_library, thread=True, exclusive=True, exit_on_error=False,
                        group="index")
        await asyncio.sleep(0)  # the worker's thread starts before the work below
        keeper = self.entity_keeper  # the legend follows the article from the first one
        await self.query_one("#reading-column").mount(keeper.make_legend(), before=self.reading)
        await self.sidebar.build("search")
        await self._find_bar()

    async def _after_listing(self, index_changed: bool) -> None:
        """Once the library is listed: the background analysis of names and dates, the
        bookmarks, and the related strip under the reading pane (shown when an article is
        open)."""
        from reader.ui.features.links.related_strip import RelatedStrip

        shown = {s.id: s.date for s in self.summaries}
        self.entity_keeper.start_enrichment(index_changed, shown)
        self.bookmark_keeper  # noqa: B018 - mounted: it reads the file
        if self.related_strip is None:
            strip = self.bind(RelatedStrip(self.source, id="related-strip"),
                              "article", "passage", "summaries", "library_version")
            await self.query_one("#reading-column").mount(strip, after=self.reading)

    def _make_search_pane(self) -> Widget:
        from reader.ui.features.search.pane import SearchPane

        pane = SearchPane(self.source, self.ui_state.recent_queries, id="search")
        self.add_layer_provider(pane.layers_for)
        return self.bind(pane, "article", "passage", "library_ready")

    def _make_bookmarks_pane(self) -> Widget:
        from reader.ui.features.bookmarks.pane import BookmarksPane

        return BookmarksPane(self.bookmark_keeper.state(), id="bookmarks")

    def _make_timeline_pane(self) -> Widget:
        from reader.ui.features.links.timeline_pane import TimelinePane

        return self.bind(TimelinePane(self.source, id=TIMELINE[0]), "article", "passage",
                         "summaries", "library_ready", "library_version")

    async def _find_bar(self) -> FindBar:
        """The find box under the reading pane (hidden until ctrl+f)."""
        bar = self.find_bar
        if bar is None:
            from reader.ui.widgets.find_bar import FindBar

            bar = self.bind(FindBar(id="find-bar"), "article", "passage")
            bar.display = False
            self.add_layer_provider(bar.layers_for)
            await self.query_one("#reading-column").mount(bar)
        return bar

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
        """The search pane (built by :meth:`build_deferred`, or the first time it is asked
        for)."""
        from reader.ui.features.search.pane import SearchPane

        return self.query_one("#search", SearchPane)

    async def show_search_pane(self) -> SearchPane:
        from reader.ui.features.search.pane import SearchPane

        pane = await self.show_sidebar_pane("search")
        assert isinstance(pane, SearchPane)
        return pane

    @property
    def find_bar(self) -> FindBar | None:
        """The find box, once it is built."""
        bars = self.query("#find-bar")
        if not bars:
            return None
        from reader.ui.widgets.find_bar import FindBar

        return bars.first(FindBar)

    @property
    def related_strip(self) -> RelatedStrip | None:
        """The related strip, once the library is listed."""
        strips = self.query("#related-strip")
        if not strips:
            return None
        from reader.ui.features.links.related_strip import RelatedStrip

        return strips.first(RelatedStrip)

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

    def _in_view(self, pane_id: str) -> bool:
        """Whether the sidebar shows ``pane_id`` now."""
        if self.sidebar.active != pane_id or self.has_class("-sidebar-hidden"):
            return False
        return not self.narrow or self.has_class("-view-sidebar")

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
    def _load_library(self) -> None:
        from reader.ui.features.library.loading import load_library

        worker = get_current_worker()
        load_library(self.source, self.post_message, lambda: worker.is_cancelled)

    async def _show_progress(
        self, strip_id: str, message: Progress, phases: Mapping[str, str],
        counted: Collection[str] | None = None,
    ) -> None:
        """The progress strip ``strip_id`` above the footer (mounted on first use)."""
        from reader.ui.widgets.progress_strip import ProgressStrip

        strips = self.query(f"#{strip_id}")
        if strips:
            strip = strips.first(ProgressStrip)
        else:
            strip = ProgressStrip(phases, counted, id=strip_id)
            await self.mount(strip, before=self.query_one(Footer))
        strip.show(message.phase, message.done, message.total)

    async def on_index_progress(self, message: IndexProgress) -> None:
        from reader.ui.features.library.loading import COUNTED, PHASES

        await self._show_progress("index-status", message, PHASES, COUNTED)
        self.bookmark_keeper  # noqa: B018 - mounted while the index is built
        self.library_pane.set_status("Indexing the corpus; the list fills in when done…")
        if self.article is None:
            self.reading.show_message(
                "Building the index (first run, or the corpus changed).\n\n"
                "This happens once; the library fills in when it is done. "
                "Searches typed meanwhile run as soon as the index is ready."
            )

    async def on_enrich_progress(self, message: EnrichProgress) -> None:
        from reader.ui.features.entities.enrichment import PHASES

        await self._show_progress("entity-status", message, PHASES)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        from reader.ui.features.library.loading import index_notice, problems_notice

        self.summaries = message.summaries
        self.library_ready = True
        self.query("#index-status").remove()
        self.library_pane.set_summaries(message.summaries, message.library_index)
        count = len(message.summaries)
        self.sub_title = f"{count:,} article{'s' if count != 1 else ''}"
        if self.article is None:
            self.reading.show_message(WELCOME)
        report = message.report
        if report is not None and not report.up_to_date:
            self.notify(index_notice(report), title="Index updated", markup=False)
        if message.problems:
            self.notify(problems_notice(message.problems), title="Some corpus files were "
                        "skipped", severity="warning", markup=False, timeout=12)
        self.call_after_refresh(self._after_listing,
                                report is not None and not report.up_to_date)
        self.refresh_bindings()

    def on_library_unavailable(self, message: LibraryUnavailable) -> None:
        """The corpus could not be listed: say why where the article would be; bookmarks
        stay usable."""
        self.library_ready = False
        self.bookmark_keeper  # noqa: B018
        self.query("#index-status").remove()
        self.library_pane.set_status(message.title)
        self.sub_title = message.title
        self.reading.show_message(Content.assemble((message.title, "bold"), "\n\n",
                                                   message.message))
        self._show_view("reading")
        if self.sidebar.pane("search") is not None:
            self.search_pane.unavailable(message.title)
        self.refresh_bindings()

    def on_enrich_done(self, message: EnrichDone) -> None:
        """Names and dates are current (bubbled up from the entity keeper): the list shows
        the dates inferred, and the features that use the analysis look again."""
        self.query("#entity-status").remove()
        if message.summaries is not None:
            self.summaries = message.summaries
            self.library_pane.set_summaries(message.summaries, message.library_index)
        self.library_version += 1

    # what the features draw -----------------------------------------------------------
    def _open(self, article_id: str) -> bool:
        article = self.reading.article
        return article is not None and article.id == article_id

    def on_set_layer(self, message: SetLayer) -> None:
        if self._open(message.article_id):
            self.reading.set_layer(message.name, message.spans)

    def on_show_layers(self, message: ShowLayers) -> None:
        for name in message.names:
            self.reading.show_layer(name, message.shown)

    def on_mark_passages(self, message: MarkPassages) -> None:
        if self._open(message.article_id):
            self.reading.mark_passages(message.mark, message.indices)

    def on_move_cursor(self, message: MoveCursor) -> None:
        if self._open(message.article_id):
            self.reading.cursor = message.passage

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
            layers: dict[str, Layer] = {}
            for provider in self.layer_providers:
                layers.update(provider(article))
            await reading.show_article(article, passage, layers)
            self.article = article
            self.library_pane.select_article(article.id)
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

    def on_search_ran(self, message: SearchRan) -> None:
        """Remembered among the recent queries (the app saves them: not stopped)."""
        self.ui_state.remember_query(message.query)
        self.search_pane.recent = list(self.ui_state.recent_queries)

    def action_next_hit(self) -> None:
        self.search_pane.step(True)

    def action_previous_hit(self) -> None:
        self.search_pane.step(False)

    # find in article: the find bar does the work ------------------------------------------
    async def action_find(self) -> None:
        if self.article is None:
            return
        self._show_view("reading")
        (await self._find_bar()).open()

    def action_find_step(self, direction: int) -> None:
        bar = self.find_bar
        if bar is not None:
            bar.step(direction)

    # bookmarks: the keeper does the work ------------------------------------------------
    @property
    def bookmark_keeper(self) -> BookmarkKeeper:
        """The bookmarks file, its marks on the text and the pane's data (an invisible
        widget): mounted once the library is listed, unavailable or being indexed (reading
        the file earlier slowed the listing down), or by whatever asks for it first."""
        if self._bookmark_keeper is None:
            from reader.ui.features.bookmarks.keeper import BookmarkKeeper

            keeper = BookmarkKeeper(self.source, id="bookmark-keeper")
            self._bookmark_keeper = self.bind(keeper, "article", "passage", "library_ready")
            self.add_layer_provider(keeper.layers_for)
            self.mount(keeper)
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

    def on_edit_bookmark(self, message: EditBookmark) -> None:
        self.bookmark_keeper.edit(message.bookmark)

    def on_delete_bookmark(self, message: DeleteBookmark) -> None:
        self.bookmark_keeper.delete(message.bookmark_id)

    def on_jump_to_bookmark(self, message: JumpToBookmark) -> None:
        self.bookmark_keeper.jump(message.bookmark)

    # names and dates: the entity keeper does the work -----------------------------------
    @property
    def entity_keeper(self) -> EntityKeeper:
        """The names-and-dates feature (an invisible widget); mounted by
        :meth:`build_deferred`, or by whatever asks for it first."""
        if self._entity_keeper is None:
            from reader.ui.features.entities.keeper import EntityKeeper

            keeper = EntityKeeper(self.source, id="entity-keeper")
            self._entity_keeper = self.bind(keeper, "article", "library_ready")
            self.add_layer_provider(keeper.layers_for)
            self.mount(keeper)
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
            pane.when_loaded(pane.follow)
            return
        previous = self.sidebar.active
        shown = await self.show_sidebar_pane(TIMELINE[0])
        assert isinstance(shown, TimelinePane)
        if previous != TIMELINE[0]:
            shown.previous_pane = previous
        shown.when_loaded(shown.follow)  # the cursor on the event of the passage being read
        shown.reload()  # a changed index gets a new timeline

    async def action_other_source(self) -> None:
        """``o``: the current event in another source (loads the timeline if needed)."""
        from reader.ui.features.links.timeline_pane import TimelinePane

        pane = await self.sidebar.build(TIMELINE[0])
        assert isinstance(pane, TimelinePane)
        pane.when_loaded(partial(pane.other_source, self.narrow))

    def action_related_step(self, direction: int) -> None:
        strip = self.related_strip
        if strip is not None:
            strip.step(direction)

    def action_compare(self) -> None:
        strip = self.related_strip
        if strip is not None:
            strip.compare()

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
            bar.close()
            self.reading.focus()
            return
        in_sidebar = focused is not None and self.sidebar in focused.ancestors_with_self
        if focused is self.library_pane.filter_input:
            self.library_pane.row_list.focus()
            return
        if self.sidebar.pane("search") is not None and focused is self.search_pane.input:
            results = self.search_pane.results
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
            return self.sidebar.pane("search") is not None and bool(self.search_pane.hits)
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
        if action in ("find", "find_step"):
            return self.article is not None
        if action == "search":  # (a priority binding) "/" typed in a text box is a "/"
            return not isinstance(self.focused, Input)
        return True


def _set_var(widget: DOMNode, name: str, value: object) -> None:
    setattr(widget, name, value)


def _focus_target(pane: Widget) -> Widget | None:
    """Where the keyboard goes when a pane is shown: its ``focus_target`` or the pane."""
    target = getattr(pane, "focus_target", None)
    if isinstance(target, Widget):
        return target
    return pane if pane.focusable else None
