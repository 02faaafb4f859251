"""Bookmarks in the app (Pilot, 120x40): add, mark, list, filter, jump, edit, delete and undo,
a file changed by hand or broken; plus the pure helpers behind the pane and the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from textual.widgets import Input

from reader.bookmarks import BookmarkStore, make_bookmark, passage_words
from reader.cli.context import Context
from reader.corpus.model import Article, Passage
from reader.ui.app import ReaderApp
from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
from reader.ui.features.bookmarks.pane import BookmarksPane
from reader.ui.logic.bookmark_marks import (
    WordRangeError,
    filter_bookmarks,
    mark_spans,
    parse_tags,
    parse_word_range,
)
from reader.ui.screens.main import MainScreen
from tests import ui_support as ui
from tests.conftest import run_python
from tests.ui_support import burst, make_app, noticed, screen_text, until

SIZE = ui.SIZE
REUTERS = "001_71db2df63f5cd903"
GIPFEL = "003_ea1d46bb5c9ce6df"

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


# helpers --------------------------------------------------------------------------------
async def loaded(pilot) -> MainScreen:
    """The library ready to open articles and the bookmarks file read."""
    return await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)


def bookmarks_file(app: ReaderApp) -> Path:
    return app.config.resolved_bookmarks()


def entries(app: ReaderApp) -> list[dict]:
    data = yaml.safe_load(bookmarks_file(app).read_text(encoding="utf-8"))
    return data["bookmarks"]


async def press_b(pilot) -> BookmarkDialog:
    """``b`` on the current passage: the dialog that opens."""
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BookmarkDialog)
    return pilot.app.screen


async def add_bookmark(pilot, screen: MainScreen, note: str, tags: str, words: str = "") -> None:
    """``b`` on the current passage, then type into the dialog and press Enter."""
    app = pilot.app
    before = len(screen.bookmark_keeper.bookmarks)
    await press_b(pilot)
    assert app.focused.id == "bookmark-note"
    await pilot.press(*note, "tab", *tags)
    if words:
        await pilot.press("tab", *words)
    await pilot.press("enter")
    await until(pilot, lambda: len(screen.bookmark_keeper.bookmarks) > before, "the bookmark")
    await pilot.pause()


async def open_pane(pilot, screen: MainScreen) -> BookmarksPane:
    await pilot.press("m")
    await pilot.pause()
    pane = screen.sidebar.pane("bookmarks")
    assert isinstance(pane, BookmarksPane) and screen.sidebar.active == "bookmarks"
    return pane


# adding and the mark ----------------------------------------------------------------------
async def test_b_bookmarks_the_passage_with_note_tags_and_words_and_marks_it(
    pilot,
) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 2)
    await pilot.pause()
    passage = screen.article.passages[2]
    await add_bookmark(pilot, screen, "Kern der Forderung", "nato, garantien", "3-5")
    [entry] = entries(app)
    words = passage_words(passage.text)
    expected = passage.text[words[2].start : words[4].end]
    assert entry["note"] == "Kern der Forderung"
    assert entry["tags"] == ["nato", "garantien"]
    assert entry["passage"] == passage.id
    assert entry["words"] == [3, 5]  # the file keeps what was typed: words 3 to 5
    assert entry["quote"] == expected and len(expected.split()) == 3
    # the quoted words are marked in the reading pane, the rest of the passage is not
    spans = screen.reading.span_layers["bookmarks"][2]
    assert [(s, e) for s, e, _ in spans] == [(words[2].start, words[4].end)]
    view = screen.reading.passage_view(2)
    marked = [s for s in view.visual.spans if (s.start, s.end) == spans[0][:2]]
    assert marked, "the passage is drawn with the bookmark's span"
    await noticed(pilot, lambda n: n.title == "Bookmarked")


async def test_a_whole_passage_is_bookmarked_when_no_words_are_given(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(GIPFEL, 1)
    await pilot.pause()
    await add_bookmark(pilot, screen, "", "")
    [entry] = entries(app)
    assert entry["quote"] == screen.article.passages[1].text
    assert entry["note"] == "" and entry["tags"] == [] and "words" not in entry
    assert screen.reading.span_layers["bookmarks"][1][0][:2] == (
        0,
        len(screen.article.passages[1].text),
    )


async def test_a_note_tab_and_tags_typed_in_one_burst_land_in_their_boxes(
    indexed_seeds: Path,
) -> None:
    # keys typed (or pasted by a script) faster than the focus moves: after Tab they belong
    # to the tags box, not to the note
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(GIPFEL, 1)
        dialog = await press_b(pilot)
        burst(app, "Gipfel")
        burst(app, [("tab", "\t")])
        burst(app, "nato")
        burst(app, [("shift+tab", None), ("exclamation_mark", "!")])
        await pilot.pause()
        assert dialog.query_one("#bookmark-note", Input).value == "Gipfel!"
        assert dialog.query_one("#bookmark-tags", Input).value == "nato"


async def test_a_bad_word_range_is_explained_and_nothing_is_saved(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 2)
    await press_b(pilot)
    await pilot.press("tab", "tab", *"5-900", "enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, BookmarkDialog)
    assert "past the end" in dialog.query_one("#bookmark-error").visual.plain
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert not bookmarks_file(app).exists()


async def test_typing_b_in_the_search_box_does_not_bookmark(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 2)
    await pilot.press("slash", "b")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert screen.search_pane.input.value == "b"
    assert not bookmarks_file(app).exists()


# the pane ------------------------------------------------------------------------------------
async def test_pane_lists_newest_first_filters_by_tag_and_enter_jumps(pilot) -> None:
    app = pilot.app
    await pilot.resize_terminal(120, 40)  # all three bookmarks, each with its tags, in view
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 3)
    await add_bookmark(pilot, screen, "rote Linie", "nato")
    assert await screen.go_to(GIPFEL, 2)
    await add_bookmark(pilot, screen, "Gipfel", "treffen")
    pane = await open_pane(pilot, screen)
    assert app.focused is pane.list
    assert [bm.note for bm in pane.shown] == ["Gipfel", "rote Linie"]  # newest first
    assert pane.current.note == "Gipfel"
    # a bookmark added while the pane is open becomes the highlighted one
    assert await screen.go_to(REUTERS, 5)
    await add_bookmark(pilot, screen, "dritte", "")
    assert pane.shown[0].note == "dritte" and pane.current.note == "dritte"
    text = screen_text(app)
    assert "#nato" in text and "#treffen" in text and "3 bookmarks" in text
    assert "Reuters" in text
    # f opens the filter; "#nat" keeps the bookmark tagged nato
    await pilot.press("m", "f", *"#nat")
    await pilot.pause()
    assert app.focused is pane.filter_input and pane.filter_input.value == "#nat"
    assert [bm.note for bm in pane.shown] == ["rote Linie"]
    assert "1 of 3 bookmarks match" in screen_text(app)
    # Enter jumps to the passage, onto the back stack
    assert await screen.go_to(GIPFEL, 0)
    await pilot.press("m")
    await pilot.pause()
    assert app.focused is pane.list
    await pilot.press("enter")
    await pilot.pause()
    assert (screen.article.id, screen.reading.cursor) == (REUTERS, 3)
    assert app.focused is screen.reading
    await pilot.press("backspace")
    await pilot.pause()
    assert (screen.article.id, screen.reading.cursor) == (GIPFEL, 0)


async def test_filter_by_source_and_by_words(pilot) -> None:
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 3)
    await add_bookmark(pilot, screen, "erste Notiz", "")
    assert await screen.go_to(GIPFEL, 2)
    await add_bookmark(pilot, screen, "zweite Notiz", "")
    gipfel_source = screen.article.source
    pane = await open_pane(pilot, screen)
    pane.filter_input.value = "@reuters"
    await pilot.pause()
    assert [bm.source for bm in pane.shown] == ["Reuters"]
    pane.filter_input.value = f"@{gipfel_source.split()[0].lower()}"
    await pilot.pause()
    assert [bm.note for bm in pane.shown] == ["zweite Notiz"]
    pane.filter_input.value = "ERSTE"  # words: any case
    await pilot.pause()
    assert [bm.note for bm in pane.shown] == ["erste Notiz"]


async def test_keys_typed_fast_all_reach_the_filter(indexed_seeds: Path) -> None:

    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(REUTERS, 3)
        await add_bookmark(pilot, screen, "Kreml", "kreml")
        pane = await open_pane(pilot, screen)
        # keys queued before the focus can move: "k" (a list key) is a letter too
        burst(app, [("f", "f"), ("number_sign", "#"), ("k", "k"), ("r", "r")])
        await pilot.pause()
        assert pane.filter_input.value == "#kr"
        assert app.focused is pane.filter_input and len(pane.shown) == 1
        await pilot.press("escape", "k")  # cleared; back in the list, k is a key again
        assert app.focused is pane.list and pane.filter_input.value == ""
        assert not pane.filter_input.display


async def test_edit_note_and_tags_from_the_pane(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 3)
    await add_bookmark(pilot, screen, "alt", "nato", "2-4")
    created, quote = entries(app)[0]["created"], entries(app)[0]["quote"]
    await open_pane(pilot, screen)
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, BookmarkDialog)
    note = dialog.query_one("#bookmark-note")
    assert note.value == "alt" and dialog.query_one("#bookmark-tags").value == "nato"
    assert not dialog.query("#bookmark-words")  # the quote stays what it is
    note.value = "neu"
    await pilot.press("tab", *", linie", "enter")  # typing adds to the tags
    await until(pilot, lambda: entries(app)[0]["note"] == "neu", "the edit")
    [entry] = entries(app)
    assert entry["tags"] == ["nato", "linie"] and entry["created"] == created
    assert entry["quote"] == quote and entry["words"] == [2, 4]
    await pilot.pause()
    assert "neu" in screen_text(app)


async def test_delete_then_undo_restores_the_same_bookmark(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 3)
    await add_bookmark(pilot, screen, "behalten", "nato")
    original = entries(app)[0]
    assert screen.reading.span_layers["bookmarks"]
    pane = await open_pane(pilot, screen)
    assert "d Delete" in screen_text(app)  # the footer
    await pilot.press("d")
    await until(pilot, lambda: not screen.bookmark_keeper.bookmarks, "the delete")
    await pilot.pause()
    assert entries(app) == []
    await noticed(pilot, lambda n: "press u to undo" in n.message)
    assert not screen.reading.span_layers.get("bookmarks")  # the mark is gone
    assert not pane.shown and "No bookmarks in this corpus yet" in screen_text(app)
    assert not pane.list.check_action("delete", ()) and "d Delete" not in screen_text(app)
    await pilot.press("u")
    await until(pilot, lambda: screen.bookmark_keeper.bookmarks, "the undo")
    await pilot.pause()
    assert entries(app) == [original]
    assert [bm.id for bm in pane.shown] == [original["id"]]
    assert screen.reading.span_layers["bookmarks"]
    # nothing more to undo: u is no command now
    assert not screen.check_action("bookmark_undo", ())


# the file ------------------------------------------------------------------------------------
async def test_a_hand_edit_of_the_file_shows_up(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    assert await screen.go_to(REUTERS, 3)
    await add_bookmark(pilot, screen, "vorher", "nato")
    pane = await open_pane(pilot, screen)
    path = bookmarks_file(app)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("note: vorher", "note: von Hand geändert"), encoding="utf-8")
    await until(
        pilot, lambda: pane.shown and pane.shown[0].note == "von Hand geändert", "the reload"
    )
    await pilot.pause()
    assert "von Hand geändert" in screen_text(app)


BROKEN = "version: 1\nbookmarks:\n- id: abc234\n  note: [nicht geschlossen\n"


async def test_a_broken_file_is_reported_and_never_written(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    path = bookmarks_file(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BROKEN, encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await until(pilot, lambda: screen.bookmark_keeper.error, "the error")
        await noticed(pilot, lambda n: n.severity == "error")
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and str(path) in errors[0].message
        assert "line" in errors[0].message and "column" in errors[0].message
        # the app keeps working: open, read, and try to bookmark
        assert await screen.go_to(REUTERS, 2)
        await pilot.press("j")
        assert screen.reading.cursor == 3
        await press_b(pilot)
        await pilot.press(*"Notiz", "enter")
        await noticed(pilot, lambda n: "Not saved" in n.message, "the refusal")
        assert path.read_text(encoding="utf-8") == BROKEN
        assert list(path.parent.glob(path.name + ".broken-*"))  # a copy is kept
        pane = await open_pane(pilot, screen)
        assert pane.query_one("#bookmarks-error").has_class("-shown")
        assert "line" in screen_text(app)
        # fixed by hand: read again without a restart
        path.write_text("version: 1\nbookmarks: []\n", encoding="utf-8")
        await until(pilot, lambda: screen.bookmark_keeper.error is None, "the fix")
        await pilot.pause()
        assert not pane.query_one("#bookmarks-error").has_class("-shown")


async def test_changed_and_orphaned_bookmarks_are_marked(indexed_seeds: Path) -> None:
    seeds = indexed_seeds  # (a later launch: the first one's indexing is not what is tested)
    app = make_app(seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        article = screen.library.article(REUTERS)
    # the article is edited and another one vanishes while reader is closed
    store = BookmarkStore(bookmarks_file(app))
    changed = store.add(make_bookmark(article, article.passages[3], note="wird geändert"))
    gone = store.add(
        make_bookmark(article, article.passages[4], note="verwaist").with_changes(
            article_id="gone", passage_id="gone#p4", quote="Ein Satz, den es nirgends gibt."
        )  # (with a quote still in the library it would be re-found there, as "moved")
    )
    old = article.passages[3].text
    source = seeds / f"{REUTERS}.txt"
    new = old.replace("Russland", "Moskau", 1).replace("NATO", "Allianz", 1)
    assert new != old
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    again = make_app(seeds)
    async with again.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        keeper = screen.bookmark_keeper
        await until(pilot, lambda: len(keeper.anchors) == 2, "the anchors")
        assert keeper.anchors[changed.id].status == "changed"
        assert keeper.anchors[gone.id].status == "orphaned"
        pane = await open_pane(pilot, screen)
        await pilot.pause()
        text = screen_text(again)
        assert "CHANGED" in text and "ORPHANED" in text
        index = [bm.id for bm in pane.shown].index(changed.id)
        pane.list.highlighted = index
        await pilot.pause()
        detail = pane.query_one("#bookmark-detail").visual.plain
        assert "Was:" in detail and "Now:" in detail and "Allianz" in detail
        # the changed passage is marked in the article; Enter goes there
        await pilot.press("enter")
        await pilot.pause()
        assert (screen.article.id, screen.reading.cursor) == (REUTERS, 3)
        assert screen.reading.span_layers["bookmarks"][3]
        # the orphan cannot be opened, and says so
        await pilot.press("m")
        pane.list.highlighted = [bm.id for bm in pane.shown].index(gone.id)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.article.id == REUTERS
        await noticed(pilot, lambda n: "no longer in the library" in n.message)
    assert {bm.id for bm in BookmarkStore(bookmarks_file(again)).load()} == {changed.id, gone.id}


# keys ------------------------------------------------------------------------------------------
async def test_bookmark_keys_are_in_help_and_the_palette(pilot) -> None:
    app = pilot.app
    screen = await loaded(pilot)
    await pilot.press("f1")
    await pilot.pause()
    source = app.screen.query_one("#help-text").source
    for command_id in (
        "bookmark",
        "bookmarks",
        "bookmark_edit",
        "bookmark_delete",
        "bookmark_undo",
    ):
        assert f"`{command_id}`" in source
    await pilot.press("escape")
    await ui.run_command(pilot, "Show bookmarks")
    assert screen.sidebar.active == "bookmarks"


async def test_bookmark_key_can_be_remapped(indexed_seeds: Path) -> None:
    (Path.cwd() / "config.yaml").write_text(
        f"corpus: {indexed_seeds}\nkeys:\n  bookmark: x\n", encoding="utf-8"
    )
    app = ReaderApp(Context())
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(REUTERS, 2)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)


# pure helpers ------------------------------------------------------------------------------
def test_word_ranges_count_from_one_and_include_both_ends() -> None:
    assert parse_word_range("3-5", 10) == (2, 5)
    assert parse_word_range(" 3 – 5 ", 10) == (2, 5)
    assert parse_word_range("4", 10) == (3, 4)
    assert parse_word_range("7-", 10) == (6, 10)
    assert parse_word_range("-2", 10) == (0, 2)
    assert parse_word_range("", 10) is None
    assert parse_word_range("1-10", 10) is None  # the whole passage
    for bad, why in (
        ("5-3", "backwards"),
        ("4-11", "past the end"),
        ("x", "not a word"),
        ("0-2", "start at 1"),
    ):
        with pytest.raises(WordRangeError, match=why):
            parse_word_range(bad, 10)


def test_tags_are_typed_comma_separated() -> None:
    assert parse_tags(" nato, #Putin ,, rote Linie ") == ["nato", "Putin", "rote Linie"]
    assert parse_tags("") == []


def _bookmark(note: str, tags: list[str], source: str, created: str):
    text = "Titel\nEin Satz über Kiew."
    passage = Passage("a#p1", "a", 1, 6, len(text), text[6:])
    article = Article(
        id="a",
        title="Titel",
        text=text,
        source=source,
        passages=[Passage("a#p0", "a", 0, 0, 5, "Titel"), passage],
    )
    return make_bookmark(article, passage, note=note, tags=tags, now=created)


def test_filter_by_tag_prefix_source_and_words_ignoring_case_and_accents() -> None:
    a = _bookmark("Größe", ["NATO", "ukraine"], "Reuters", "2024-01-01T10:00:00+00:00")
    b = _bookmark("andere", ["natur"], "RT DE", "2024-02-01T10:00:00+00:00")
    c = _bookmark("dritte", [], "Tagesschau", "2024-03-01T10:00:00+00:00")
    every = [a, b, c]
    assert filter_bookmarks(every, "") == [c, b, a]  # newest first
    assert filter_bookmarks(every, "#nat") == [b, a]
    assert filter_bookmarks(every, "#nato") == [a]
    assert filter_bookmarks(every, "tag:UKR") == [a]
    assert filter_bookmarks(every, "@rt") == [b]
    assert filter_bookmarks(every, "source:tages") == [c]
    assert filter_bookmarks(every, "grosse") == []  # folding is one character for one
    assert filter_bookmarks(every, "GROSSE") == []
    assert filter_bookmarks(every, "größe") == [a]
    assert filter_bookmarks(every, "grOße kiew") == [a]
    assert filter_bookmarks(every, "kiew #natur") == [b]


def test_marks_follow_a_moved_quote_and_flag_a_changed_passage() -> None:
    def article(text: str) -> Article:
        parts = text.split("\n")
        passages, at = [], 0
        for i, part in enumerate(parts):
            passages.append(Passage(f"a#p{i}", "a", i, at, at + len(part), part))
            at += len(part) + 1
        art = Article(id="a", title=parts[0], text=text)
        art.passages = passages
        return art

    first = article("Titel\nErster Absatz hier.\nDer Kreml fordert Garantien.")
    bm = make_bookmark(first, first.passages[2], words=(1, 3))
    assert mark_spans(first, [bm]) == {2: [(4, 17, "ok")]}
    moved = article("Titel\nNeu davor.\nErster Absatz hier.\nDer Kreml fordert Garantien.")
    assert mark_spans(moved, [bm]) == {3: [(4, 17, "moved")]}
    changed = article("Titel\nErster Absatz hier.\nDer Kreml verlangt Garantien.")
    assert mark_spans(changed, [make_bookmark(first, first.passages[2])]) == {
        2: [(0, len(changed.passages[2].text), "changed")]
    }
    other = article("Titel\nNichts.")
    assert mark_spans(other, [bm.with_changes(article_id="b")]) == {}


def test_the_pure_helpers_do_not_import_textual() -> None:
    code = "import sys, reader.ui.logic.bookmark_marks; print('textual' in sys.modules)"
    assert run_python(code).strip() == "False"
