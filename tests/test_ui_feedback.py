"""Keys never do nothing without a word (issue 15 R14), and the compare view's steps are
kept when it closes (R13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.dialogs.compare import CompareScreen
from reader.ui.features.links.related_strip import RelatedStrip
from reader.ui.screens.main import MainScreen
from tests import ui_support as ui
from tests.ui_support import noticed, screen_text, until

RT = "000_c7c4b8e3e078befc"
REUTERS = "001_71db2df63f5cd903"
GUARANTEES = 6  # RT DE's passage on the demand for legal guarantees: it has related passages

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def strip_at(pilot, screen: MainScreen, article_id: str, passage: int) -> RelatedStrip:
    """The related strip once it has the related passages of ``article_id``'s ``passage``."""
    await until(pilot, lambda: screen.related_strip is not None, "the related strip")
    strip = screen.related_strip
    assert strip is not None
    pid = f"{article_id}#p{passage}"
    await until(pilot, lambda: strip.anchor_pid == pid and strip.loaded, f"related of {pid}")
    await pilot.pause()
    return strip


async def compare(pilot) -> CompareScreen:
    await pilot.press("=")
    await until(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "the compare view")
    view = pilot.app.screen
    assert isinstance(view, CompareScreen)
    return view


async def closed(pilot, screen: MainScreen) -> None:
    await pilot.press("escape")
    await until(pilot, lambda: pilot.app.screen is screen, "the compare view closed")
    await pilot.pause()


# R13: the compare view's steps are kept ---------------------------------------------------
async def test_closing_compare_after_stepping_goes_on_to_the_passage_it_showed(
    pilot, screen
) -> None:
    """Walking the related passages (]), a step taken in the compare view is a step taken:
    after Escape the reader is on that passage and the strip says where."""
    assert await screen.go_to(RT, GUARANTEES)
    strip = await strip_at(pilot, screen, RT, GUARANTEES)
    wanted = [(r.article_id, r.passage) for r in strip.results[:2]]
    count = len(strip.results)
    await pilot.press("]")
    await until(pilot, lambda: (screen.article.id, screen.passage) == wanted[0], "]")
    await pilot.pause()
    assert f"at 1 of {count}" in screen_text(pilot.app)
    view = await compare(pilot)
    assert view.index == 0
    await pilot.press("]")
    await pilot.pause()
    assert view.index == 1 and f"related 2 of {count}" in screen_text(pilot.app)
    await closed(pilot, screen)
    await until(pilot, lambda: (screen.article.id, screen.passage) == wanted[1], "the step")
    await pilot.pause()
    assert strip.anchor_pid == f"{RT}#p{GUARANTEES}"  # still RT DE's list
    assert f"at 2 of {count}" in screen_text(pilot.app)
    # a jump like any other: back returns to where compare was opened
    await pilot.press("backspace")
    await until(pilot, lambda: (screen.article.id, screen.passage) == wanted[0], "back")
    # closing without a step leaves the reader where they are (back made it a new anchor)
    await strip_at(pilot, screen, *wanted[0])
    await compare(pilot)
    await closed(pilot, screen)
    assert (screen.article.id, screen.passage) == wanted[0]


async def test_closing_compare_from_the_passage_itself_highlights_the_one_it_showed(
    pilot, screen
) -> None:
    """Not walking (the reader is on the passage the related ones belong to), Escape keeps
    the reader there; the strip highlights the related passage the view showed last, and
    = opens the view on it again."""
    assert await screen.go_to(RT, GUARANTEES)
    strip = await strip_at(pilot, screen, RT, GUARANTEES)
    await compare(pilot)
    await pilot.press("]", "]")
    await closed(pilot, screen)
    assert (screen.article.id, screen.passage) == (RT, GUARANTEES)
    assert strip.row_list.cursor == 2
    assert strip.selected == strip.results[2]
    view = await compare(pilot)
    assert view.index == 2


# R14: feedback --------------------------------------------------------------------------------
async def test_related_keys_on_a_passage_without_related_ones_say_so(pilot, screen) -> None:
    app = pilot.app
    assert await screen.go_to(RT, GUARANTEES)
    await pilot.press("G")
    last = len(screen.article.passages) - 1
    strip = await strip_at(pilot, screen, RT, last)
    assert strip.results == []
    assert "Related" not in footer(app) and "Compare" not in footer(app)  # not offered
    for key in ("]", "[", "="):
        app.clear_notifications()
        await pilot.press(key)
        note = await noticed(pilot, lambda n: "no related passages" in n.message, key)
        assert "in other articles" in note.message
    assert not isinstance(app.screen, CompareScreen)
    assert (screen.article.id, screen.passage) == (RT, last)


async def test_keys_that_do_not_apply_say_why(pilot, screen) -> None:
    """n/N before a search, backspace/alt+→ with nothing to go to, ctrl+f/O/Y/]/o before
    an article is open: a notice each, never silence."""
    app = pilot.app
    cases = [
        ("n", "No search hits"),
        ("N", "No search hits"),
        ("backspace", "Nothing to go back to"),
        ("alt+right", "Nothing to go forward to"),
        ("ctrl+f", "Open an article first"),
        ("f3", "Open an article first"),
        ("O", "Open an article first"),
        ("y", "Open an article first"),
        ("Y", "Open an article first"),
        ("]", "Open an article first"),
        ("o", "Open an article first"),
    ]
    for key, words in cases:
        app.clear_notifications()
        await pilot.press(key)
        await noticed(pilot, lambda n, words=words: words in n.message, f"{key}: {words!r}")
    # and with an article open: f3 before anything was found, O on an article with no URL
    assert await screen.go_to(RT, 0)
    await pilot.pause()
    assert not screen.url
    for key, words in (("f3", "finds a word"), ("O", "no URL"), ("y", "no URL")):
        app.clear_notifications()
        await pilot.press(key)
        await noticed(pilot, lambda n, words=words: words in n.message, f"{key}: {words!r}")
    # the footer still offers only what applies
    assert "Next" not in footer(app)


def test_every_explained_command_has_its_reason() -> None:
    from reader.ui.keys import COMMANDS
    from reader.ui.screens.main import EXPLAINED

    actions = {c.action.split("(")[0] for c in COMMANDS if c.scope == "screen"}
    assert actions >= EXPLAINED


async def test_back_after_the_first_jump_returns_to_the_list_it_came_from(pilot, screen) -> None:
    """The first jump of a launch (nothing open before it) comes back to its list."""
    app = pilot.app
    library = screen.library_pane
    assert app.focused is library.row_list
    await pilot.press("down", "enter")
    await until(pilot, lambda: screen.article is not None, "the article")
    opened = screen.article.id
    assert app.focused is screen.reading
    await pilot.press("backspace")
    await until(pilot, lambda: app.focused is library.row_list, "the library again")
    assert library.row_list.current.key == opened  # on the row it was opened from
    await pilot.press("alt+right")  # and forward to the article again
    await until(pilot, lambda: app.focused is screen.reading, "the article again")
    assert screen.article.id == opened


async def test_back_after_a_jump_from_the_bookmarks_pane_at_launch(
    indexed_seeds: Path,
) -> None:
    """Issue 15 R14: a launch, m, Enter on a bookmark, backspace: back in the bookmarks."""
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as pilot:  # the bookmark, made in an earlier run
        screen = await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)
        assert await screen.go_to(REUTERS, 2)
        await pilot.press("b")
        await until(pilot, lambda: app.screen is not screen, "the bookmark dialog")
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.bookmark_keeper.bookmarks) == 1, "the bookmark")
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)
        await pilot.press("m")
        await until(pilot, lambda: screen.sidebar.active == "bookmarks", "the bookmarks pane")
        pane = screen.sidebar.pane("bookmarks")
        await until(pilot, lambda: pane.current is not None, "the bookmark in the pane")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: screen.article is not None, "the jump")
        assert (screen.article.id, screen.passage) == (REUTERS, 2)
        await pilot.press("backspace")
        await until(
            pilot,
            lambda: app.focused is not None and pane in app.focused.ancestors_with_self,
            "the bookmarks pane again",
        )
        assert screen.sidebar.active == "bookmarks"
