"""The command palette (ctrl+p): the app's commands, "search for …", and articles by
headline. Theme, quit and the keys panel come from Textual's system provider."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from reader.ui.keys import COMMANDS
from reader.ui.logic.find import fold
from reader.ui.logic.text import one_line
from reader.ui.messages import OpenPassage, RunSearch

if TYPE_CHECKING:
    from textual.message import Message

    from reader.search.repeats import Repeat
    from reader.search.store import ArticleSummary

ARTICLE_HITS = 30
ARTICLE_MIN_QUERY = 2


def highlighted(matcher: Matcher, text: str) -> Content:
    """``matcher.highlight`` without reading ``text`` as markup (headlines are data)."""
    text = one_line(text)
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if offset < len(text) and not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


@runtime_checkable
class ReadingScreen(Protocol):
    """What the palette needs of the main screen: its articles and its commands."""

    summaries: Sequence[ArticleSummary]

    @property
    def repeats(self) -> Mapping[str, Repeat]: ...

    def applies(self, action: str, parameters: tuple[object, ...] = ()) -> bool | None: ...

    async def run_action(self, action: str) -> None: ...

    def post_message(self, message: Message) -> bool: ...


class ReaderCommands(Provider):
    @property
    def main(self) -> ReadingScreen | None:
        """The main screen (under a dialog, if one is open)."""
        for screen in self.app.screen_stack:
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        main = self.main
        found: list[tuple[str, str, Callable[[], object]]] = []
        for command in COMMANDS:
            if not command.palette:
                continue
            target = self.app if command.scope == "app" else main
            if target is None:
                continue
            if command.scope != "app" and main is not None:
                action = command.action.split("(")[0]
                if main.applies(action) is not True:
                    continue
            found.append(
                (command.palette_title, command.help, partial(target.run_action, command.action))
            )
        return found

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=escape(help_text))
        main = self.main
        if main is None or not query.strip():
            return
        text = query.strip()
        yield Hit(
            0.5,
            Content.assemble("Search passages for: ", (one_line(text), "bold")),
            partial(main.post_message, RunSearch(text)),
            text=f"Search passages for: {text}",
            help="Runs the query in the search pane",
        )
        if len(text) < ARTICLE_MIN_QUERY:
            return
        words = fold(text).split()
        shown = 0
        repeats = main.repeats
        for n, summary in enumerate(main.summaries):
            if n % 2000 == 0:
                await asyncio.sleep(0)
            again = repeats.get(summary.id)
            if again is not None and again.kept != summary.id:
                continue  # an item shown again: offered once, as the library lists it
            title = fold(summary.title)
            if not all(w in title for w in words):
                continue
            display = f"Open: {summary.title}"
            date = summary.date.describe() if summary.date else "undated"
            yield Hit(
                max(0.4, matcher.match(display)),
                highlighted(matcher, display),
                partial(main.post_message, OpenPassage(summary.id, 0)),
                text=one_line(display),
                help=escape(one_line(f"{summary.source or '(no source)'} · {date}")),
            )
            shown += 1
            if shown >= ARTICLE_HITS:
                break
