"""The reading pane: an article as a column of passages with a cursor.

Passage text is rendered literally (see :mod:`reader.ui.widgets.styled`). Everything drawn on top
of the text comes from named *layers*: ``{passage index: [(start, end, style), …]}`` with
offsets into the passage text. Layers are drawn in :data:`LAYER_ORDER` (later wins); the
search and find layers are set by the main screen, and later features add their own
(``entities``, ``dates``, ``bookmarks``) by posting :class:`~reader.ui.messages.SetLayer`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import events
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from reader.corpus.model import NO_SOURCE
from reader.ui.keys import bindings
from reader.ui.logic.text import one_line, shorten_middle
from reader.ui.messages import MarkPassages, MoveCursor, SetLayer, ShowLayers
from reader.ui.widgets.styled import StyleSpan, layered

if TYPE_CHECKING:
    from reader.corpus.model import Article

LAYER_ORDER: tuple[str, ...] = (
    "entities",
    "dates",
    "bookmarks",
    "related",
    "search",
    "find",
    "find-current",
)
"""Known layers, lowest first. Unknown names are drawn above these, in the order set."""

Layer = Mapping[int, Sequence[StyleSpan]]


@runtime_checkable
class LayerSource(Protocol):
    """A feature that draws on every article the pane shows: ``{layer name: {passage
    index: spans}}`` (keep it cheap: it runs on the UI thread)."""

    def layers_for(self, article: Article) -> Mapping[str, Layer]: ...


class PassageView(Static):
    """One passage. ``-current`` marks the cursor; ``-headline`` the headline (passage 0)."""

    def __init__(self, index: int, content: Content, **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)
        self.index = index

    def on_click(self, event: events.Click) -> None:
        pane = self.query_ancestor(ReadingPane)
        pane.focus()
        pane.cursor = self.index


class UrlLine(Widget):
    """The article's URL under the header: one line, cut in the middle to the width it has
    (so the site and the end of the address stay), never read as markup."""

    def __init__(self, url: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.url = url

    def render(self) -> Content:
        return Content(shorten_middle(self.url, max(1, self.size.width)))


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; ``cursor`` is the index of the current passage."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("reading")

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class CursorMoved(Message):
        """The cursor is now on passage ``index`` of ``article_id``."""

        article_id: str
        index: int

    def __init__(self, message: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._message = message
        self.article: Article | None = None
        self.span_layers: dict[str, dict[int, list[StyleSpan]]] = {}
        self.hidden_layers: set[str] = set()

    def compose(self):
        yield Static(Content(self._message), id="reading-message", markup=False)

    # what is shown -------------------------------------------------------------------
    def show_message(self, text: str | Content) -> None:
        """Show a notice instead of an article (welcome, empty corpus, indexing)."""
        self.article = None
        for view in self.query(PassageView):
            view.remove()
        self.query(".article-meta").remove()
        message = self.query_one("#reading-message", Static)
        message.update(Content(text) if isinstance(text, str) else text)
        message.display = True

    async def show_article(
        self, article: Article, cursor: int = 0, layers: Mapping[str, Layer] | None = None
    ) -> None:
        """Replace the pane's content with ``article``, drawn with ``layers`` (which replace
        the previous article's), and put the cursor on passage ``cursor``."""
        self.article = article
        self.span_layers = {
            name: {i: list(s) for i, s in layer.items() if s}
            for name, layer in (layers or {}).items()
        }
        self.query_one("#reading-message", Static).display = False
        await self.query(PassageView).remove()
        await self.query(".article-meta").remove()
        views: list[Widget] = []
        for passage in article.passages:
            view = PassageView(passage.index, self._content(passage.index))
            if passage.is_headline:
                view.add_class("-headline")
            views.append(view)
            if passage.is_headline:
                views += _header(article)
        if not article.passages:
            views.append(Static(Content("(this article has no text)"), classes="article-meta"))
        await self.mount_all(views)
        self.scroll_home(animate=False)
        self.set_reactive(ReadingPane.cursor, -1)
        self.cursor = max(0, min(cursor, len(article.passages) - 1))

    def passage_view(self, index: int) -> PassageView | None:
        for view in self.query(PassageView):
            if view.index == index:
                return view
        return None

    # layers --------------------------------------------------------------------------
    def set_layer(self, name: str, spans: Layer) -> None:
        """Replace layer ``name`` (passage index -> spans in passage coordinates)."""
        old = self.span_layers.get(name, {})
        self.span_layers[name] = {i: list(s) for i, s in spans.items() if s}
        self._rerender(set(old) | set(self.span_layers[name]))

    def clear_layer(self, name: str) -> None:
        self.set_layer(name, {})

    def apply(self, message: SetLayer | ShowLayers | MarkPassages | MoveCursor) -> None:
        """What a feature asked to draw (posted up to the screen, which hands it on); the
        open article's only, when the message names an article."""
        if isinstance(message, ShowLayers):
            for name in message.names:
                self.show_layer(name, message.shown)
        elif self.article is None or self.article.id != message.article_id:
            return
        elif isinstance(message, SetLayer):
            self.set_layer(message.name, message.spans)
        elif isinstance(message, MarkPassages):
            self.mark_passages(message.mark, message.indices)
        else:
            self.cursor = message.passage

    def mark_passages(self, mark: str, indices: Collection[int]) -> None:
        """Give the passages ``indices`` the class ``mark``; the others lose it."""
        for view in self.query(PassageView):
            view.set_class(view.index in indices, mark)

    def show_layer(self, name: str, shown: bool = True) -> None:
        """Hide or show a layer without forgetting it (e.g. a key toggling entities)."""
        if shown:
            self.hidden_layers.discard(name)
        else:
            self.hidden_layers.add(name)
        self._rerender(set(self.span_layers.get(name, {})))

    def _ordered_layers(self) -> list[Mapping[int, Sequence[StyleSpan]]]:
        names = [n for n in LAYER_ORDER if n in self.span_layers]
        names += [n for n in self.span_layers if n not in LAYER_ORDER]
        return [self.span_layers[n] for n in names if n not in self.hidden_layers]

    def _content(self, index: int) -> Content:
        assert self.article is not None
        return layered(self.article.passages[index].text, self._ordered_layers(), index)

    def _rerender(self, indices: set[int]) -> None:
        if self.article is None:
            return
        for view in self.query(PassageView):
            if view.index in indices:
                view.update(self._content(view.index))

    # cursor --------------------------------------------------------------------------
    @property
    def passage_count(self) -> int:
        return len(self.article.passages) if self.article else 0

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.passage_count - 1)) if self.passage_count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if self.article is None:
            return
        for view in self.query(PassageView):
            view.set_class(view.index == new, "-current")
        self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self.article.id, new))

    def _scroll_to_cursor(self) -> None:
        view = self.passage_view(self.cursor)
        if view is None:
            return
        tall = view.outer_size.height >= self.scrollable_content_region.height
        self.scroll_to_widget(view, animate=False, top=tall)

    def _viewport(self) -> tuple[int, int]:
        top = round(self.scroll_y)
        return top, top + self.scrollable_content_region.height

    def _cursor_out_of_view(self) -> bool:
        view = self.passage_view(self.cursor)
        if view is None:
            return False
        top, bottom = self._viewport()
        region = view.virtual_region
        return region.bottom <= top or region.y >= bottom

    def _first_visible(self) -> int:
        top, bottom = self._viewport()
        for view in self.query(PassageView):
            region = view.virtual_region
            if region.bottom > top and region.y < bottom:
                return view.index
        return self.cursor

    def action_cursor_down(self) -> None:
        if self._cursor_out_of_view():
            self.cursor = self._first_visible()
            return
        view = self.passage_view(self.cursor)
        top, bottom = self._viewport()
        if view is not None and view.virtual_region.bottom > bottom:
            # the rest of a tall passage first
            self.scroll_relative(y=max(1, bottom - top - 2), animate=False)
            return
        self.cursor += 1

    def action_cursor_up(self) -> None:
        if self._cursor_out_of_view():
            self.cursor = self._first_visible()
            return
        view = self.passage_view(self.cursor)
        top, bottom = self._viewport()
        if view is not None and view.virtual_region.y < top:
            self.scroll_relative(y=-max(1, bottom - top - 2), animate=False)
            return
        self.cursor -= 1

    def action_cursor_top(self) -> None:
        self.cursor = 0
        self.scroll_home(animate=False)

    def action_cursor_bottom(self) -> None:
        self.cursor = self.passage_count - 1


def _header(article: Article) -> list[Widget]:
    """The lines under the headline: :func:`_meta`, and the URL when the article has one."""
    meta = Static(_meta(article), classes="article-meta", markup=False)
    if not article.url.strip():
        return [meta]
    meta.add_class("-above-url")
    return [meta, UrlLine(article.url.strip(), classes="article-meta article-url")]


def _meta(article: Article) -> Content:
    """``Source · date · place · N passages`` under the headline."""
    parts = [one_line(article.source) or NO_SOURCE]
    parts.append(article.date.describe() if article.date else "undated")
    if article.place:
        parts.append(one_line(article.place))
    count = max(0, len(article.passages) - 1)  # (the headline is passage 0)
    parts.append(f"{count} passage{'s' if count != 1 else ''}" if count else "headline only")
    return Content(" · ".join(parts))
