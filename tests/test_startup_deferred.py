"""The boxes the first screen does not show (the entity legend, the search pane, the find
box) are mounted once the library list is drawn, not while it is loading: each mount
restyles the whole screen, which held the headlines back (issue 18, start-up). They are
there once the list is, and "/" typed before works all the same."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from reader.cli.context import Context
from reader.ui.app import ReaderApp
from reader.ui.messages import LibraryLoaded
from reader.ui.screens.main import MainScreen
from tests import ui_support as ui

BOXES = ("#entity-legend", "#search", "#find-bar")


class _Watched(MainScreen):
    """The main screen, noting which boxes are there when the list is filled."""

    seen: ClassVar[dict[str, bool]] = {}

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        message.prevent_default()  # (MainScreen's own handler runs here, once)
        self.seen.update({box: bool(self.query(box)) for box in BOXES})
        super().on_library_loaded(message)


class _App(ReaderApp):
    def get_default_screen(self) -> MainScreen:
        return _Watched(self.source, self.ui_state)


async def test_the_boxes_come_after_the_list(seeds: Path) -> None:
    # a first run: the index is built while the first screen is up
    app = _App(Context(corpus=[str(seeds)]))
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot)
        assert _Watched.seen == dict.fromkeys(BOXES, False)
        await ui.until(pilot, lambda: all(screen.query(box) for box in BOXES), "the boxes")


async def test_a_search_typed_before_the_list_runs(seeds: Path) -> None:
    app = ui.make_app(seeds)
    async with app.run_test(size=ui.SIZE) as pilot:
        await pilot.press("slash", *"Putin", "enter")
        screen = await ui.loaded(pilot)
        await ui.until(pilot, lambda: screen.search_pane.hits, "the search's hits")
        assert screen.sidebar.active == "search"
