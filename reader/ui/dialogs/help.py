"""F1 / ? help: ``reader/data/help.md`` with the key tables filled in from the bindings
actually in force (so remapped keys show as remapped)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import BUILTIN_KEYS, COMMANDS, Scope, key_display, keymap_of

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
        with Vertical(id="help-dialog"):
            yield Static("Help — Escape closes", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield HelpText(markdown, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
