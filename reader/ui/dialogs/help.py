"""F1 / ? help: a cheat sheet of the most used keys first (in as many columns as fit), then
``reader/data/help.md`` with the key tables filled in from the bindings actually in force
(so remapped keys show as remapped, in both)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from reader.ui.keys import BUILTIN_KEYS, BY_ID, COMMANDS, Scope, key_display, keymap_of

SCOPE_TITLES: dict[Scope, str] = {
    "app": "Everywhere",
    "screen": "Main screen",
    "reading": "Reading pane",
    "list": "Library and search results",
    "find": "Find box",
    "bookmarks": "Bookmarks pane",
    "timeline": "Timeline pane",
    "event": "Event coverage (Enter on an event in the timeline)",
    "coverage": "Coverage pane",
}


CHEATS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("search",), "search passages"),
    (("next_hit", "previous_hit"), "next / previous hit"),
    (("list_open",), "open the article"),
    (("cursor_down", "cursor_up"), "next / previous passage"),
    (("cursor_top", "cursor_bottom"), "first / last"),
    (("back",), "back after a jump"),
    (("focus_reading",), "leave a box or list"),
    (("library",), "the library"),
    (("filter",), "filter the list"),
    (("find",), "find in the article"),
    (("bookmark",), "bookmark the passage"),
    (("bookmarks",), "the bookmarks"),
    (("timeline",), "the timeline"),
    (("next_related", "previous_related"), "related passages"),
    (("compare",), "compare side by side"),
    (("toggle_entities",), "names on / off"),
)
"""The cheat sheet: the commands (ids; two for a pair such as n/N) and what they do."""
CHEAT_WIDTH = 31
"""Columns of one cheat-sheet entry (key and words)."""
CHEAT_KEY_WIDTH = 6


def cheat_entries(
    display: Callable[[str], str], keymap: Mapping[str, str]
) -> list[tuple[str, str]]:
    """``(keys, what they do)`` of the cheat sheet, with each command's first key as the
    user has it mapped."""

    def first(command_id: str) -> str:
        keys = keymap.get(command_id, BY_ID[command_id].key)
        key = next((k.strip() for k in keys.split(",") if k.strip()), "")
        return display(key) if key else "?"

    return [("/".join(first(i) for i in ids), what) for ids, what in CHEATS]


def cheat_columns(entries: Sequence[tuple[str, str]], width: int) -> list[list[int]]:
    """The entries' indexes by column (filled top to bottom) for ``width`` columns of
    screen: as many columns as fit, at least one."""
    count = max(1, min(len(entries), width // CHEAT_WIDTH)) if entries else 1
    rows = -(-len(entries) // count)
    return [list(range(c * rows, min(len(entries), (c + 1) * rows))) for c in range(count)]


class CheatSheet(Widget):
    """The most used keys at a glance, in as many columns as fit (above the full help)."""

    def __init__(self, entries: Sequence[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries = list(entries)

    def on_resize(self) -> None:
        self.refresh(layout=True)

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return 2 + max(len(c) for c in cheat_columns(self.entries, width))

    def render(self) -> Content:
        columns = cheat_columns(self.entries, self.size.width)
        lines: list[Content] = [
            Content.styled("Most used keys", "bold"),
            Content.styled("q quits · every key is in the tables below", "dim"),
        ]
        for row in range(max(len(c) for c in columns)):
            parts: list[str | tuple[str, str]] = []
            for column in columns:
                if row < len(column):
                    keys, what = self.entries[column[row]]
                    parts += [
                        (keys.ljust(CHEAT_KEY_WIDTH), "bold $text-accent"),
                        what.ljust(CHEAT_WIDTH - CHEAT_KEY_WIDTH),
                    ]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)


def help_text() -> str:
    return (resources.files("reader") / "data" / "help.md").read_text(encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def key_tables(display: Callable[[str], str], keymap: Mapping[str, str]) -> str:
    """Markdown tables of every command by scope: id, current keys, what it does."""
    out: list[str] = []
    for scope, title in SCOPE_TITLES.items():
        commands = [c for c in COMMANDS if c.scope == scope]
        if not commands:
            continue
        out += [f"### {title}", "", "| Id | Keys | What it does |", "|---|---|---|"]
        for c in commands:
            keys = keymap.get(c.id, c.key)
            shown = " ".join(f"`{display(k.strip())}`" for k in keys.split(",") if k.strip())
            out.append(f"| `{c.id}` | {_cell(shown)} | {_cell(c.help)} |")
        out.append("")
    out += ["### Built in", "", "| Keys | What it does |", "|---|---|"]
    out += [f"| `{_cell(k)}` | {_cell(h)} |" for k, h in BUILTIN_KEYS]
    return "\n".join(out)


def help_markdown(display: Callable[[str], str], keymap: Mapping[str, str]) -> str:
    return help_text().replace("{{keys}}", key_tables(display, keymap))


class HelpText(Static):
    """The help, drawn as one block by Rich's Markdown (``source`` is the Markdown).

    Textual's ``Markdown`` widget makes a widget of every table cell: with the key tables that
    is hundreds, and F1 took over a second; Rich draws the same text in one go."""

    def __init__(self, source: str, **kwargs: Any) -> None:
        from rich.markdown import Markdown

        super().__init__(Markdown(source, code_theme="ansi_dark"), **kwargs)
        self.source = source


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        markdown = help_markdown(lambda key: key_display(app, key), keymap_of(app))
        cheats = cheat_entries(lambda key: key_display(app, key), keymap_of(app))
        with Vertical(id="help-dialog"):
            yield Static("Help — Escape closes", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield CheatSheet(cheats, id="help-cheats")
                yield HelpText(markdown, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
