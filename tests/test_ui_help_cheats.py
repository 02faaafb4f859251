"""The help's first screen shows the most used keys at a glance (issue 15, the Rough list's
cheat sheet), the full tables below it."""

from __future__ import annotations

from pathlib import Path

from reader.cli.context import Context
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.keys import COMMANDS
from tests import ui_support as ui
from tests.ui_support import screen_text, until


async def open_help(pilot) -> HelpScreen:
    await pilot.press("f1")
    await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HelpScreen)
    return screen


WANTED = (
    "search passages",
    "next / previous hit",
    "open the article",
    "next / previous passage",
    "back after a jump",
    "filter the list",
    "find in the article",
    "bookmark the passage",
    "the timeline",
    "related passages",
    "compare side by side",
    "names on / off",
)


async def test_the_first_help_screen_at_80x24_shows_the_cheat_sheet_in_columns(
    indexed_seeds: Path,
) -> None:
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.loaded(pilot)
        help_screen = await open_help(pilot)
        text = screen_text(app)
        for what in ("search passages", "next / previous hit", "back after a jump"):
            assert what in text, what  # on the first screen, without scrolling
        for what in WANTED:  # all of them
            assert what in text, what
        # in columns: two entries share a line
        assert any(
            "search passages" in line and "filter the list" in line for line in text.splitlines()
        )
        assert "/     search passages" in text and "⌫     back after a jump" in text
        # the full tables follow, whole
        source = help_screen.query_one("#help-text").source
        for command in COMMANDS:
            assert f"| `{command.id}` |" in source
        cheats = help_screen.query_one("#help-cheats")
        assert cheats.region.bottom <= help_screen.query_one("#help-text").region.y


async def test_the_cheat_sheet_shows_remapped_keys_and_more_columns_when_wide(
    indexed_seeds: Path,
) -> None:
    from reader.ui.dialogs.help import CHEATS

    config = Path.cwd() / "config.yaml"
    config.write_text(f"corpus: {indexed_seeds}\nkeys:\n  search: s\n", encoding="utf-8")
    app = ReaderApp(Context())
    async with app.run_test(size=(160, 45)) as pilot:
        await ui.loaded(pilot)
        await open_help(pilot)
        text = screen_text(app)
        assert "s     search passages" in text and "/     search passages" not in text
        line = next(line for line in text.splitlines() if "search passages" in line)
        assert line.count("  ") >= 2 and len([w for _, w in CHEATS if w in line]) == 3


def test_cheat_columns_fill_top_to_bottom() -> None:
    from reader.ui.dialogs.help import CHEATS, cheat_columns, cheat_entries

    assert 12 <= len(CHEATS) <= 16
    entries = cheat_entries(lambda key: key, {})
    assert entries[0] == ("slash", "search passages")
    assert cheat_columns(entries, 66) == [list(range(8)), list(range(8, 16))]
    assert len(cheat_columns(entries, 10)) == 1 and len(cheat_columns(entries, 104)) == 3
