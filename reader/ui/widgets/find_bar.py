"""Find in article: a box under the reading pane. It finds the typed words in the open
article (its ``article`` and ``passage`` are bound to the screen's), marks every match and
the current one (the ``find`` and ``find-current`` layers, by
:class:`~reader.ui.messages.SetLayer`) and moves the reading cursor to the current match
(:class:`~reader.ui.messages.MoveCursor`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Key
from textual.reactive import var
from textual.widgets import Input, Static

from reader.ui.logic.find import find_all
from reader.ui.messages import MoveCursor, SetLayer

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.ui.widgets.reading_pane import Layer
    from reader.ui.widgets.styled import StyleSpan

FIND_STYLE = "underline"
FIND_CURRENT_STYLE = "bold black on yellow"
LAYERS = ("find", "find-current")


class FindInput(Input):
    """Enter or ↓: next match; ↑: previous match."""

    async def _on_key(self, event: Key) -> None:
        if event.key in ("up", "down"):
            event.stop()
            event.prevent_default()
            self.query_ancestor(FindBar).step(1 if event.key == "down" else -1)


class FindBar(Horizontal):
    """Hidden until ctrl+f (:meth:`open`); Escape (the screen) calls :meth:`close`."""

    article: var[Article | None] = var(None)
    passage: var[int] = var(0)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.matches: list[tuple[int, int, int]] = []
        """``(passage index, start, end)`` of every match in the open article."""
        self.pos = -1
        """The current match (``-1``: none yet)."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Find"), id="find-label")
        yield FindInput(placeholder="a word in this article", id="find-input")
        yield Static(id="find-count", markup=False)

    @property
    def input(self) -> FindInput:
        return self.query_one("#find-input", FindInput)

    @property
    def text(self) -> str:
        return self.input.value if self.display and self.is_mounted else ""

    def open(self) -> None:
        self.display = True
        self.input.focus()
        self.input.select_all()

    def close(self) -> None:
        self.display = False
        self.matches, self.pos = [], -1
        if self.article is not None:
            for name in LAYERS:
                self.post_message(SetLayer(name, self.article.id, {}))

    def layers_for(self, article: Article) -> dict[str, Layer]:
        """The find layers of an article about to be shown (a layer provider of the
        screen): its matches, none current yet."""
        self.pos = -1
        self._find(article)
        return self._layers()

    def _find(self, article: Article) -> None:
        needle = self.text
        self.matches = [
            (p.index, s, e) for p in article.passages for s, e in find_all(p.text, needle)
        ]
        if self.is_mounted:
            self.show_count()

    def _layers(self) -> dict[str, Layer]:
        everything: dict[int, list[StyleSpan]] = {}
        for index, s, e in self.matches:
            everything.setdefault(index, []).append((s, e, FIND_STYLE))
        current: dict[int, list[StyleSpan]] = {}
        if 0 <= self.pos < len(self.matches):
            index, s, e = self.matches[self.pos]
            current[index] = [(s, e, FIND_CURRENT_STYLE)]
        return {"find": everything, "find-current": current}

    def _show(self) -> None:
        """Draw the layers, the count, and put the cursor on the current match."""
        article = self.article
        if article is None:
            return
        for name, layer in self._layers().items():
            self.post_message(SetLayer(name, article.id, layer))
        self.show_count()
        if self.pos >= 0:
            self.post_message(MoveCursor(article.id, self.matches[self.pos][0]))

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) match."""
        if not self.matches:
            return
        self.pos = (self.pos + direction) % len(self.matches)
        self._show()

    def show_count(self) -> None:
        position, total = self.pos, len(self.matches)
        if not self.input.value.strip():
            text = ""
        elif total == 0:
            text = "no match"
        else:
            text = f"{position + 1}/{total}" if position >= 0 else f"{total} matches"
        self.query_one("#find-count", Static).update(Content(text))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.article is None:
            return
        self._find(self.article)
        # like a browser: the first match at or after the cursor becomes current
        self.pos = next(
            (i for i, (index, _, _) in enumerate(self.matches) if index >= self.passage),
            0 if self.matches else -1,
        )
        self._show()

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.step(1)
