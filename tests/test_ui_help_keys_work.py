"""Every key the help lists works where the help says it does (issue 15 B3): the test reads
the help screen's own key tables and, in each place they name (the library list, the reading
pane, the timeline, the bookmarks and coverage panes, the event coverage), checks that the
key reaches that command, not a text box or another command that shadows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.ui.dialogs.help import SCOPE_TITLES, HelpScreen
from reader.ui.keys import COMMANDS
from tests import ui_support as ui

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

REUTERS = "001_71db2df63f5cd903"
ROW = re.compile(r"^\| `([a-z_.]+)` \|")


def help_tables(source: str) -> dict[str, list[str]]:
    """The command ids of each table of the help, by its heading."""
    tables: dict[str, list[str]] = {}
    heading = ""
    for line in source.splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
        elif m := ROW.match(line):
            tables.setdefault(heading, []).append(m.group(1))
    return tables


def unreachable(app, ids: list[str]) -> list[str]:
    """Of the commands ``ids``, the keys that do not reach them where the focus is now."""
    by_id = {c.id: c for c in COMMANDS}
    # the key goes to the first binding of it from the focused widget up to the app (what
    # Textual's binding chain says; a key a text box consumes is not in it); a command that
    # does not apply just now still gets the key (and says why it does nothing)
    first: dict[str, str] = {}
    for _node, bindings in app.screen._binding_chain:
        for key, found in bindings.key_to_bindings.items():
            first.setdefault(key, found[0].action)
    wrong = []
    for command_id in ids:
        command = by_id[command_id]
        for key in (k.strip() for k in command.key.split(",")):
            got = first.get(key)
            if got != command.action:
                wrong.append(f"{command_id}: {key} -> {got or 'nothing'}")
    return wrong


async def test_every_key_of_the_help_reaches_its_command_where_the_help_says(
    indexed_seeds: Path,
) -> None:
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        tables = help_tables(app.screen.query_one("#help-text").source)
        await pilot.press("escape")
        await pilot.pause()
        table = {scope: tables.get(title, []) for scope, title in SCOPE_TITLES.items()}
        assert sum(len(ids) for ids in table.values()) == len(COMMANDS)  # the help has them all
        problems: dict[str, list[str]] = {}

        # the library list (g/G among them), with the screen's and the app's keys
        assert app.focused is not None and app.focused.id == "library-list"
        problems["library"] = unreachable(app, table["app"] + table["screen"] + table["list"])
        # the reading pane, an article open
        assert await screen.go_to(REUTERS, 2)
        screen.reading.focus()
        await pilot.pause()
        problems["reading"] = unreachable(app, table["app"] + table["screen"] + table["reading"])
        # the timeline pane, then the coverage of an event (Enter on it)
        await pilot.press("t")
        pane = screen.sidebar.pane("timeline")
        await ui.until(pilot, lambda: pane is not None and pane.timeline is not None, "timeline")
        await pilot.pause()
        problems["timeline"] = unreachable(app, table["timeline"])
        await pilot.press("enter")
        await ui.until(pilot, lambda: app.screen is not screen, "the event coverage")
        await pilot.pause()
        problems["event"] = unreachable(app, table["event"])
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is screen, "the main screen")
        # the bookmarks pane (with a bookmark in it) and the coverage pane
        screen.reading.focus()
        await pilot.press("b")
        await ui.until(pilot, lambda: app.screen is not screen, "the bookmark dialog")
        await pilot.press("enter")
        await ui.until(pilot, lambda: app.screen is screen, "the bookmark saved")
        await pilot.press("m")
        await ui.until(pilot, lambda: screen.bookmark_keeper.loaded, "the bookmarks")
        await pilot.pause(0.2)
        problems["bookmarks"] = unreachable(app, table["bookmarks"])
        await pilot.press("c")
        await ui.until(pilot, lambda: screen.sidebar.pane("coverage") is not None, "coverage")
        await pilot.pause(0.2)
        problems["coverage"] = unreachable(app, table["coverage"])
    found = {where: p for where, p in problems.items() if p}
    assert not found, "\n".join(f"{w}: {p}" for w, p in found.items())
