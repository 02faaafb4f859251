"""The app's helpers that need no terminal: literal text, find, back stack, n/N order,
library rows, remembered state, key tables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.corpus.model import When
from reader.search.store import ArticleSummary
from reader.ui.logic.find import find_all, fold
from reader.ui.logic.history import History, Location
from reader.ui.logic.hit_order import reading_order, step
from reader.ui.logic.library_rows import LibraryIndex, made_in_worker
from reader.ui.logic.state import UiState, load_state, save_state
from reader.ui.logic.text import one_line, visible
from tests.conftest import REPO, run_python


# literal text -----------------------------------------------------------------------------
def test_control_characters_become_visible_one_for_one() -> None:
    raw = "a\x1b[31mb\x07c\x1b]0;t\x07\r\x9b2J\x7f\u202ez\tend\nnext"
    shown = visible(raw)
    assert len(shown) == len(raw)
    assert shown == "a␛[31mb␇c␛]0;t␇␍\ufffd2J␡\ufffdz end\nnext"
    assert all(ch == "\n" or ch.isprintable() for ch in shown)
    assert one_line(raw).count("\n") == 0


def test_markup_is_left_as_text() -> None:
    text = "[bold]x[/bold] [link=https://e.com]y[/link] $accent"
    assert visible(text) == text


def test_styled_content_is_literal_and_keeps_offsets() -> None:
    from reader.ui.widgets.styled import spans_by_passage, styled

    text = "[b]Putin[/b] \x1b[31m sagte"
    content = styled(text, [(3, 8, "bold")])
    assert content.plain == "[b]Putin[/b] ␛[31m sagte"
    assert content.plain[3:8] == "Putin"
    assert [(s.start, s.end) for s in content.spans] == [(3, 8)]
    # article-coordinate spans split into passages, cut at the boundary
    layer = spans_by_passage([(0, 10), (12, 30)], [(2, 4, "x"), (8, 15, "y"), (20, 22, "z")])
    assert layer == {0: [(2, 4, "x"), (8, 10, "y")], 1: [(0, 3, "y"), (8, 10, "z")]}


# find in article ----------------------------------------------------------------------------
def test_find_ignores_case_and_accents_and_keeps_offsets() -> None:
    text = "Das Gespräch über GESPRÄCHE und gesprach."
    found = find_all(text, "gesprach")
    assert [text[s:e] for s, e in found] == ["Gespräch", "GESPRÄCH", "gesprach"]
    assert len(fold("Straße İ")) == len("Straße İ")
    assert find_all(text, "   ") == []
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]


# back stack ------------------------------------------------------------------------------------
def test_history_returns_to_where_the_cursor_was() -> None:
    h = History()
    h.visit(Location("a", 0))
    h.visit(Location("b", 2), here=Location("a", 5))
    assert h.back(here=Location("b", 7)) == Location("a", 5)
    assert h.forward(here=Location("a", 5)) == Location("b", 7)
    assert not h.can_go_forward
    h.back()
    h.visit(Location("c"), here=Location("a", 1))
    assert not h.can_go_forward
    assert [e.article_id for e in h.entries] == ["a", "c"]
    assert h.back() == Location("a", 1)
    assert h.back() is None


def test_history_is_bounded() -> None:
    h = History(limit=3)
    for i in range(10):
        h.visit(Location(str(i)))
    assert [e.article_id for e in h.entries] == ["7", "8", "9"]
    assert h.current == Location("9")


# n/N ----------------------------------------------------------------------------------------
@dataclass
class P:
    article_id: str
    index: int


@dataclass
class H:
    passage: P


def hits(*pairs: tuple[str, int]) -> list[H]:
    return [H(P(a, i)) for a, i in pairs]


def test_hits_are_visited_article_by_article_in_passage_order() -> None:
    ranked = hits(("b", 5), ("a", 3), ("b", 1), ("a", 1), ("c", 2))
    ordered = reading_order(ranked)
    assert [(h.passage.article_id, h.passage.index) for h in ordered] == [
        ("b", 1),
        ("b", 5),
        ("a", 1),
        ("a", 3),
        ("c", 2),
    ]


def test_step_goes_on_into_the_next_article_and_wraps() -> None:
    ordered = hits(("b", 1), ("b", 5), ("a", 1), ("a", 3), ("c", 2))
    assert step(ordered, None, 0) == (0, False)
    assert step(ordered, "zzz", 0, forward=False) == (4, False)
    assert step(ordered, "b", 1) == (1, False)
    assert step(ordered, "b", 3) == (1, False)  # between hits
    assert step(ordered, "b", 5) == (2, False)  # into the next article
    assert step(ordered, "c", 2) == (0, True)  # wrapped
    assert step(ordered, "a", 1, forward=False) == (1, False)
    assert step(ordered, "b", 1, forward=False) == (4, True)
    assert step([], "a", 0) is None


# library rows -------------------------------------------------------------------------------
def _summary(aid: str, title: str, source: str, when: When | None) -> ArticleSummary:
    return ArticleSummary(aid, title, source, when, 3)


def test_library_rows_group_by_source_newest_first() -> None:
    index = LibraryIndex(
        [
            _summary("a", "Putin warnt", "Reuters", When(2021, 12, 7)),
            _summary("b", "Ohne Quelle", "", None),
            _summary("c", "Gipfel", "Reuters", When(2021, 4)),
            _summary("d", "Später", "Reuters", When(2022, 1, 1)),
            _summary("e", "Undatiert", "Reuters", None),
            _summary("f", "Kreml", "RT DE", When(2021, 12, 8)),
        ]
    )
    rows = index.rows()
    layout = [(r.source, r.summary.id if r.summary else f"#{r.count}") for r in rows]
    assert layout == [
        ("Reuters", "#4"),
        ("Reuters", "d"),
        ("Reuters", "a"),
        ("Reuters", "c"),
        ("Reuters", "e"),
        ("RT DE", "#1"),
        ("RT DE", "f"),
        ("(no source)", "#1"),
        ("(no source)", "b"),
    ]


def test_library_filter_needs_every_word_ignoring_case_and_accents() -> None:
    index = LibraryIndex(
        [
            _summary("a", "Putin warnt Biden", "Reuters", When(2021, 12, 7)),
            _summary("b", "Gespräch in Genf", "RT DE", When(2021, 6, 16)),
        ]
    )
    assert [r.summary.id for r in index.rows("putin reuters") if r.summary] == ["a"]
    assert [r.summary.id for r in index.rows("GESPRACH") if r.summary] == ["b"]
    assert [r.summary.id for r in index.rows("2021-06") if r.summary] == ["b"]
    assert index.rows("nothing") == []


def test_the_whole_list_comes_back_after_a_filter_and_is_not_shared() -> None:
    index = made_in_worker(
        [
            _summary("a", "Putin warnt Biden", "Reuters", When(2021, 12, 7)),
            _summary("b", "Gespräch in Genf", "RT DE", When(2021, 6, 16)),
        ]
    )
    whole = index.rows()
    assert [r.key for r in index.rows("genf")] == [None, "b"]
    whole.clear()  # what a caller does with its rows is its own
    assert [r.key for r in index.rows()] == [None, "a", None, "b"]
    assert [r.key for r in index.rows("  ")] == [None, "a", None, "b"]


def test_library_filter_matches_the_start_of_words_not_inside_them() -> None:
    index = LibraryIndex(
        [
            _summary("a", "Biden fordert Garantien", "Reuters", When(2021, 12, 7)),
            _summary("b", "Gespräch in Genf", "RT DE", When(2021, 6, 16)),
            _summary("c", "Kreml: Putin (Moskau)", "", When(2021, 12, 8)),
        ]
    )
    ids = lambda q: [r.summary.id for r in index.rows(q) if r.summary]  # noqa: E731
    assert ids("rt de") == ["b"]  # the source, not "fordert" and "Biden"
    assert ids("ford") == ["a"] and ids("dert") == []
    assert ids("kreml moskau") == ["c"]  # words inside punctuation
    assert ids("2021-12") == ["a", "c"] and ids("12-07") == []
    assert ids("07") == ["a"]


# remembered state ------------------------------------------------------------------------------
def test_state_round_trip_and_recent_queries(tmp_path: Path) -> None:
    path = tmp_path / "ui.json"
    state = UiState(theme="nord", config_theme="textual-dark")
    for q in ("a", "b", "a", "  ", "c"):
        state.remember_query(q)
    save_state(state, path)
    loaded, warning = load_state(path)
    assert warning is None
    assert loaded.recent_queries == ["c", "a", "b"]
    assert loaded.theme_for("textual-dark") == "nord"
    # the user set another theme in config.yaml since: the config wins
    assert loaded.theme_for("dracula") == "dracula"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"recent_queries": [1]}'])
def test_unreadable_state_is_kept_aside(tmp_path: Path, content: str) -> None:
    path = tmp_path / "ui.json"
    path.write_text(content, encoding="utf-8")
    state, warning = load_state(path)
    assert state == UiState()
    assert warning is not None and str(path) in warning
    assert (tmp_path / "ui.json.bad").read_text(encoding="utf-8") == content
    save_state(state, path)
    assert json.loads(path.read_text(encoding="utf-8"))["recent_queries"] == []


# key tables -----------------------------------------------------------------------------------
def test_help_key_tables_show_remapped_keys_and_every_id() -> None:
    from reader.ui.dialogs.help import help_markdown
    from reader.ui.keys import COMMANDS, check_keymap

    text = help_markdown(lambda k: k.upper(), {"search": "s"})
    assert "{{keys}}" not in text
    assert "| `search` | `S` |" in text
    for command in COMMANDS:
        assert f"`{command.id}`" in text
    assert check_keymap({"search": "s"}) == []
    assert "'serch'" in check_keymap({"serch": "s"})[0]
    # two commands that swap their keys are fine; one that takes another's is not
    assert check_keymap({"timeline": "b", "bookmark": "t"}) == []
    (taken,) = check_keymap({"library": "slash"})
    assert "'slash' for 'library'" in taken and "'search'" in taken
    # and the defaults themselves never take one another's keys
    assert check_keymap({c.id: c.key for c in COMMANDS}) == []


def test_view_logic_and_cli_do_not_import_textual() -> None:
    """Every module of reader/ui/logic is Textual-free (the core and its tests may use it)."""
    logic = sorted(
        p.stem for p in (REPO / "reader" / "ui" / "logic").glob("*.py") if p.stem != "__init__"
    )
    assert {"text", "find", "history", "entity_layers", "timeline_rows"} <= set(logic)
    code = (
        "import importlib, sys, reader.cli\n"
        f"for name in {logic!r}: importlib.import_module('reader.ui.logic.' + name)\n"
        "reader.cli.build_parser(); print('textual' in sys.modules)"
    )
    assert run_python(code).strip() == "False"


async def test_a_list_that_shrinks_keeps_its_cursor_in_view() -> None:
    # the timeline's list loses rows to the event detail that opens below it
    from textual.app import App
    from textual.content import Content

    from reader.ui.widgets.row_list import Row, RowList
    from tests.ui_support import until

    class Lists(App[None]):
        CSS = "RowList { height: 30; }"

        def compose(self):
            yield RowList()

    app = Lists()
    async with app.run_test(size=(40, 40)) as pilot:
        rows = app.query_one(RowList)
        rows.set_rows([Row(Content(f"row {i}"), f"k{i}") for i in range(200)])
        rows.cursor = 120
        await pilot.pause()
        assert rows.scroll_offset.y <= 120 < rows.scroll_offset.y + 30
        rows.styles.height = 10
        await pilot.pause()
        assert rows.size.height == 10
        # the list scrolls once it knows its new size: a frame later on a busy machine
        await until(
            pilot,
            lambda: rows.scroll_offset.y <= 120 < rows.scroll_offset.y + 10,
            "row 120 in view of the shrunk list",
        )


def test_dates_with_a_time_read_as_people_write_them_and_the_library_shows_the_time() -> None:
    """Issue 15 R9: the header showed '2026-01-04T15:09'; the library never showed the
    time, though dozens of a front page's items share a day."""
    from reader.ui.logic.library_rows import date_label

    assert When(2026, 1, 4, 15, 9).describe() == "2026-01-04 15:09"
    assert When(2021, 12, 30, 21, 30, tz="MEZ").describe() == "2021-12-30 21:30 MEZ"
    summaries = [
        ArticleSummary("a", "Erste Meldung", "zeit.de", When(2026, 1, 3, 9, 5), 2),
        ArticleSummary("b", "Zweite Meldung", "zeit.de", When(2026, 1, 3, 12, 18), 2),
        ArticleSummary("c", "Andere Meldung", "welt.de", When(2026, 1, 3, 8, 0), 2),
    ]
    rows = {r.key: r for r in LibraryIndex(summaries).rows() if r.summary is not None}
    assert date_label(rows["b"].summary, rows["b"].with_time) == "2026-01-03 12:18"
    # one item that day in its source: the day is enough
    assert date_label(rows["c"].summary, rows["c"].with_time) == "2026-01-03"


def test_an_article_without_a_source_is_spelt_one_way() -> None:
    """Issue 15 R3: the library said 'unknown', the strip '?', compare '? no source'."""
    from reader.ui.logic.library_rows import NO_SOURCE

    summaries = [
        ArticleSummary("a", "Erste", "unknown", When(2021, 12, 7), 2),
        ArticleSummary("b", "Zweite", "", When(2021, 12, 8), 2),
        ArticleSummary("c", "Dritte", "Reuters", When(2021, 12, 7), 2),
    ]
    headings = [r.source for r in LibraryIndex(summaries).rows() if r.summary is None]
    assert headings == ["Reuters", NO_SOURCE]
