"""The search pane: a query box with recent queries, its error line, and the hits. It runs
the searches (in a worker, once the screen's ``library_ready`` says the index is ready),
keeps the hits n/N walk through and marks them in the open article (the ``search`` layer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.reactive import var
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.features.search.search import run_query, search_layer
from reader.ui.keys import bindings
from reader.ui.logic import hit_order
from reader.ui.logic.text import one_line, shorten
from reader.ui.messages import (
    OpenPassage,
    RunSearch,
    SearchDone,
    SearchFailed,
    SearchRan,
    SetLayer,
)
from reader.ui.widgets.styled import styled

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.search.query import Hit, SearchResult
    from reader.search.repeats import Repeat
    from reader.ui.logic.state import UiState
    from reader.ui.source import LibrarySource
    from reader.ui.widgets.reading_pane import Layer

MATCH_STYLE = "bold reverse"
MORE = "more"
"""The option id of the row that loads more hits."""
SNIPPET_CHARS = 150
TITLE_CHARS = 100
PLACEHOLDER = 'Search: Putin AND source:reuters · "rote Linie" · Sicherheit* · Peskov~'


class QueryInput(Input):
    """A query box that recalls earlier queries with ↑ and ↓."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.recent: list[str] = []
        self._recall = -1
        self._draft = ""

    async def _on_key(self, event: Key) -> None:
        if event.key not in ("up", "down") or not self.recent:
            return
        event.stop()
        event.prevent_default()
        if self._recall == -1:
            self._draft = self.value
        step = 1 if event.key == "up" else -1
        self._recall = max(-1, min(self._recall + step, len(self.recent) - 1))
        self.value = self._draft if self._recall == -1 else self.recent[self._recall]
        self.cursor_position = len(self.value)

    def forget_recall(self) -> None:
        self._recall = -1


class ResultList(OptionList):
    """The hits; j/k/g/G as in every list."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("list")


class SearchPane(Vertical):
    """Posts :class:`RunSearch` when a query is submitted (the screen shows the pane and
    calls :meth:`search`) and :class:`OpenPassage` when a hit is chosen."""

    article: var[Article | None] = var(None)
    """The open article (bound to the screen's)."""
    passage: var[int] = var(0)
    library_ready: var[bool] = var(False)
    """The index is ready to search (bound to the screen's)."""

    def __init__(self, source: LibrarySource, ui_state: UiState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.ui_state = ui_state
        self.hits: list[Hit] = []
        """The hits shown, in the order n/N visit them."""
        self.terms: frozenset[str] = frozenset()
        self.query_text = ""
        """The query asked last (its results may still be coming)."""
        self.result: SearchResult | None = None
        """The result shown."""
        self.pending: str | None = None
        """A query asked before the index was ready."""
        self.limit = 0
        """How many hits the query asked last has loaded (0: the config's page)."""
        self._then_step = False
        """Loading more because n went past the last loaded hit: step on once loaded."""
        self._recent: list[str] = list(ui_state.recent_queries)

    def compose(self) -> ComposeResult:
        box = QueryInput(placeholder=PLACEHOLDER, id="search-input")
        box.recent = self._recent
        yield box
        yield Static(id="search-error", markup=False)
        yield Static(
            Content("Type a query and press Enter. F1 lists the query language."),
            id="search-summary",
            markup=False,
        )
        yield ResultList(id="search-results")

    @property
    def input(self) -> QueryInput:
        return self.query_one("#search-input", QueryInput)

    @property
    def results(self) -> ResultList:
        return self.query_one("#search-results", ResultList)

    @property
    def focus_target(self) -> QueryInput:
        return self.input

    @property
    def recent(self) -> list[str]:
        """Recent queries, newest first, for ↑/↓ in the box."""
        return self._recent

    @recent.setter
    def recent(self, queries: Sequence[str]) -> None:
        self._recent = list(queries)
        if self.is_mounted:
            self.input.recent = self._recent

    def _summary(self, text: str) -> None:
        self.query_one("#search-summary", Static).update(Content(text))

    def show_error(self, message: str) -> None:
        error = self.query_one("#search-error", Static)
        error.update(Content(one_line(message)))
        error.set_class(bool(message), "-shown")

    def show_pending(self, query: str, why: str = "Searching…") -> None:
        self.show_error("")
        self._summary(why)

    def show_results(self, query: str, total: int, hits: Sequence[Hit]) -> None:
        """``hits`` in the order n/N visit them (grouped by article)."""
        self.show_error("")
        self.hits = list(hits)
        results = self.results
        results.clear_options()
        repeats = self.result.repeats if self.result is not None else {}
        results.add_options(
            [
                _option(
                    i,
                    hit,
                    i == 0 or hit.article.id != self.hits[i - 1].article.id,
                    repeats.get(hit.article.id),
                )
                for i, hit in enumerate(self.hits)
            ]
        )
        left = self.not_loaded
        if left:
            results.add_option(
                Option(
                    Content.assemble(
                        ("▸ ", "bold"),
                        (f"{left:,} more: Enter or n past the last hit loads them", "dim"),
                    ),
                    id=MORE,
                )
            )
        if not total:
            self._summary(f"No passage matches {one_line(query)!r}.")
        elif total > len(self.hits):
            self._summary(
                f"{total:,} passages match; the best {len(self.hits)} shown, grouped by article"
            )
        else:
            self._summary(f"{total:,} passage{'s' if total != 1 else ''} match")
        if self.hits:
            results.highlighted = 0

    def mark_hit(self, index: int) -> None:
        """Highlight hit ``index`` (where n/N went) without opening it again."""
        if 0 <= index < len(self.hits):
            self.results.highlighted = index

    # searching ----------------------------------------------------------------------------
    def search(self, query: str) -> None:
        """Run ``query`` now, or once the index is ready."""
        if self.input.value != query:  # a search from another pane: show what it asked
            self.input.value = query
        if self.library_ready:
            self._start(query)
        else:
            self.pending = query
            self.show_pending(query, "Waiting for the index to be ready…")

    def watch_library_ready(self, ready: bool) -> None:
        if ready and self.pending is not None:
            query, self.pending = self.pending, None
            self._start(query)

    def unavailable(self, why: str) -> None:
        """The library could not be listed: a waiting query will not run."""
        if self.pending is not None:
            self.pending = None
            self.show_error("There is nothing to search: " + why)

    def _start(self, query: str, limit: int = 0) -> None:
        self.query_text = query
        self.limit = limit
        if not limit:
            self._then_step = False
            self.show_pending(query)
        self._run(query, limit or None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run(self, query: str, limit: int | None) -> None:
        self.post_message(run_query(self.source.library, query, limit))

    @property
    def not_loaded(self) -> int:
        """Hits of the query shown that are not loaded yet (those folded into another, as
        repeated showings of one item, count as loaded)."""
        result = self.result
        if result is None:
            return 0
        folded = sum(len(more) for more in result.folded.values())
        return max(0, result.total - len(result.hits) - folded)

    def load_more(self, then_step: bool = False) -> None:
        """Load the next page of hits of the query shown (the cursor stays where it is)."""
        if self.result is None or not self.not_loaded:
            return
        page = self.source.config.search_limit
        loaded = len(self.result.hits) + sum(len(m) for m in self.result.folded.values())
        self._then_step = then_step
        self._summary(f"Loading {min(page, self.not_loaded):,} more…")
        self._start(self.result.query, loaded + page)

    def on_search_done(self, message: SearchDone) -> None:
        message.stop()
        if message.query != self.query_text:
            return  # an older search finishing late
        more = self.limit > 0  # the next page of the query shown: keep the cursor's hit
        here = self.results.highlighted if more else None
        keep = self.hits[here].passage.id if here is not None and here < len(self.hits) else None
        self.result = message.result
        self.hits = hit_order.reading_order(message.result.hits)
        self.terms = message.terms
        self.show_results(message.query, message.result.total, self.hits)
        if keep is not None:
            self.mark_hit(next((i for i, h in enumerate(self.hits) if h.passage.id == keep), 0))
        if more:
            if self._then_step:
                self._then_step = False
                self.step(True)
            return
        self.ui_state.remember_query(message.query)
        self.recent = list(self.ui_state.recent_queries)
        self.post_message(SearchRan(message.query))  # the app saves the recent queries
        if self.article is not None:
            self.post_message(SetLayer("search", self.article.id, self.spans_in(self.article)))
        if self.screen.focused is self.input and self.hits:
            self.results.focus()
        self.screen.refresh_bindings()

    def on_search_failed(self, message: SearchFailed) -> None:
        message.stop()
        if message.query != self.query_text:
            return
        self.show_pending(message.query, "")
        self.show_error(message.message)
        # the hits listed were another query's: they go, with their marks in the article
        self.hits = []
        self.result = None
        self.results.clear_options()
        if self.article is not None:
            self.post_message(SetLayer("search", self.article.id, {}))
        self.screen.refresh_bindings()

    def layers_for(self, article: Article) -> dict[str, Layer]:
        """The ``search`` layer of ``article`` (a layer provider of the main screen)."""
        return {"search": self.spans_in(article)}

    def spans_in(self, article: Article) -> Layer:
        return search_layer(self.hits, self.terms, article)

    def step(self, forward: bool) -> None:
        """n / N: the next or previous hit, on into the next article."""
        here = self.article.id if self.article else None
        found = hit_order.step(self.hits, here, self.passage, forward)
        if found is None:
            return
        index, wrapped = found
        if wrapped and forward and self.not_loaded:
            self.load_more(then_step=True)  # on past the last loaded hit: load the next ones
            return
        hit = self.hits[index]
        if wrapped:
            self.notify("Back at the first hit." if forward else "Back at the last hit.")
        self.post_message(OpenPassage(hit.passage.article_id, hit.passage.index))
        self.mark_hit(index)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.input.forget_recall()
        if event.value.strip():
            self.post_message(RunSearch(event.value))
        else:
            self.show_error("Type words to search for (see F1 for the query language).")

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == MORE:
            self.load_more()
            return
        hit = self.hits[event.option_index]
        self.post_message(OpenPassage(hit.passage.article_id, hit.passage.index))


def _snippet(hit: Hit) -> Content:
    """Up to :data:`SNIPPET_CHARS` of the passage around its first match, matches marked."""
    text = hit.passage.text
    if hit.fragments:
        start, end = hit.fragments[0].start, hit.fragments[0].end
    else:
        start, end = 0, len(text)
    first = hit.matches[0][0] if hit.matches else start
    if end - start > SNIPPET_CHARS:
        start = max(start, first - SNIPPET_CHARS // 3)
        while start > 0 and not text[start - 1].isspace() and first - start < SNIPPET_CHARS // 2:
            start -= 1
        end = min(end, start + SNIPPET_CHARS)
        while end < len(text) and not text[end].isspace():
            end += 1
    spans = [(s - start, e - start, MATCH_STYLE) for s, e in hit.matches if s >= start and e <= end]
    body = styled(text[start:end], spans, single_line=True)
    return Content("… " if start > 0 else "") + body + Content(" …" if end < len(text) else "")


def _option(index: int, hit: Hit, with_title: bool, repeat: Repeat | None = None) -> Option:
    """Source · date · passage (and how often an outlet showed the item, when more than
    once), the headline (for an article's first hit), the snippet."""
    article, passage = hit.article, hit.passage
    date = article.date.describe() if article.date else "undated"
    if repeat is not None:
        date += f" · {repeat.describe()}"
    where = "headline" if passage.is_headline else f"¶{passage.index}"
    lines = []
    if with_title:
        lines.append(
            Content.assemble(
                (f"{one_line(article.source) or '(no source)'} · {date}", "dim"),
            )
        )
        if not passage.is_headline:  # a headline hit shows the headline as its snippet
            title = shorten(article.title, TITLE_CHARS) or "(no headline)"
            lines.append(Content(title).stylize("bold"))
    lines.append(Content.assemble((f"{where}  ", "dim"), _snippet(hit)))
    return Option(Content("\n").join(lines), id=str(index))
