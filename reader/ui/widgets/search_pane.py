"""The search pane: a query box with recent queries, its error line, and the hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.keys import bindings
from reader.ui.messages import OpenPassage, RunSearch
from reader.ui.styled import styled
from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.search.query import Hit

MATCH_STYLE = "bold reverse"
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

    def _on_key(self, event: Key) -> None:
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
    """Posts :class:`RunSearch` when a query is submitted and :class:`OpenPassage` when a hit
    is chosen; the main screen runs searches and calls :meth:`show_results`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[Hit] = []
        self._recent: list[str] = []

    def compose(self) -> ComposeResult:
        box = QueryInput(placeholder=PLACEHOLDER, id="search-input")
        box.recent = self._recent
        yield box
        yield Static(id="search-error", markup=False)
        yield Static(
            Content("Type a query and press Enter. F1 lists the query language."),
            id="search-summary", markup=False,
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
        results.add_options([
            _option(i, hit, i == 0 or hit.article.id != self.hits[i - 1].article.id)
            for i, hit in enumerate(self.hits)
        ])
        if not total:
            self._summary(f"No passage matches {one_line(query)!r}.")
        elif total > len(self.hits):
            self._summary(f"{total:,} passages match; the best {len(self.hits)} shown, "
                          "grouped by article")
        else:
            self._summary(f"{total:,} passage{'s' if total != 1 else ''} match")
        if self.hits:
            results.highlighted = 0

    def mark_hit(self, index: int) -> None:
        """Highlight hit ``index`` (where n/N went) without opening it again."""
        if 0 <= index < len(self.hits):
            self.results.highlighted = index

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


def _option(index: int, hit: Hit, with_title: bool) -> Option:
    """Source · date · passage, the headline (for an article's first hit), the snippet."""
    article, passage = hit.article, hit.passage
    date = article.date.describe() if article.date else "undated"
    where = "headline" if passage.is_headline else f"¶{passage.index}"
    lines = []
    if with_title:
        lines.append(Content.assemble(
            (f"{one_line(article.source) or '(no source)'} · {date}", "dim"),
        ))
        if not passage.is_headline:  # a headline hit shows the headline as its snippet
            title = one_line(article.title) or "(no headline)"
            if len(title) > TITLE_CHARS:
                title = title[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"
            lines.append(Content(title).stylize("bold"))
    lines.append(Content.assemble((f"{where}  ", "dim"), _snippet(hit)))
    return Option(Content("\n").join(lines), id=str(index))
