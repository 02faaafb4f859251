"""The app with a config that has problems (issue 19): it starts, says what is wrong, and
carries on with the defaults."""

from __future__ import annotations

from pathlib import Path

from tests.ui_support import BOOKMARKS, LIBRARY, SIZE, loaded, make_app, noticed, screen_text, until


async def test_bindings_that_are_not_keys_keep_the_default_keys(indexed_seeds: Path) -> None:
    config = Path.cwd() / "config.yaml"
    config.write_text('keys:\n  quit: "!!!,,,"\n  help: ""\n', encoding="utf-8")
    app = make_app(indexed_seeds, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await noticed(pilot, lambda n: "'keys.quit' ignored" in n.message)
        await noticed(pilot, lambda n: "'keys.help' ignored" in n.message)
        footer = screen_text(app).splitlines()[-1]
        assert "q Quit" in footer and "!!!" not in footer
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query("#help-text")


async def test_a_folder_as_the_bookmarks_file_is_shown_not_a_crash(
    indexed_seeds: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "marks.yaml"
    folder.mkdir()
    config = Path.cwd() / "config.yaml"
    config.write_text(f"bookmarks: {folder}\n", encoding="utf-8")
    app = make_app(indexed_seeds, config=config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot, LIBRARY, BOOKMARKS)
        notice = await noticed(pilot, lambda n: "is a folder" in n.message)
        assert notice.title == "The bookmarks file cannot be read"
        assert notice.message.startswith(f"{folder}: is a folder, not a file")
        await pilot.press("m")
        await until(pilot, lambda: screen.sidebar.pane("bookmarks"), "the bookmarks pane")
        message = screen.sidebar.pane("bookmarks").query_one("#bookmarks-error")
        await until(pilot, lambda: message.has_class("-shown"), "the pane's message")
        assert "is a folder" in str(message.render())
        assert app.is_running
    assert folder.is_dir() and not list(folder.iterdir())
