"""One event's coverage in the app (issue 14, "Seeing an event's coverage"): Enter on an event
of the timeline shows a row per outlet that reports it and the outlets that do not; Enter on
a row opens its passage, ``=`` on two rows compares their passages, ``s`` shows the story's
events, Escape steps back — driven with Pilot on the seeds.

Events are found by date and the articles they hold, not by id, so the tests hold for any
sane grouping of the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.event_coverage import NO_SOURCE
from reader.ui.app import ReaderApp
from reader.ui.dialogs.compare import CompareScreen
from reader.ui.dialogs.event_coverage import EventCoverageScreen
from reader.ui.features.links.timeline_pane import TimelinePane
from reader.ui.logic import event_rows as er
from tests import ui_support as ui
from tests.test_event_coverage import CALL, REUTERS, RT
from tests.test_ui_timeline import open_timeline
from tests.ui_support import screen_text, until

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture(scope="module")
def config(seeds_rt_config: Path) -> Path:
    """A config for a copy of the seeds, indexed and analysed once; 000 is RT DE."""
    return seeds_rt_config  # (built once per test process: conftest)


def call_row(pane: TimelinePane) -> int:
    """The timeline row of the 7 December 2021 call that RT DE and Reuters both report."""
    for i, row in enumerate(pane.row_list.rows):
        event = getattr(row, "event", None)
        if (
            event is not None
            and event.date.iso() == "2021-12-07"
            and {RT, REUTERS} <= set(event.articles)
        ):
            return i
    raise AssertionError("no event of 7 December 2021 in RT DE and Reuters")


async def open_coverage(pilot, reading: tuple[str, int] | None = None):
    """The app with the call's coverage open (Enter on its timeline row), having read
    ``reading`` (article id, passage) before."""
    screen = await ui.loaded(pilot)
    if reading is not None:
        assert await screen.go_to(*reading)
    pane = await open_timeline(pilot, screen)
    pane.row_list.cursor = call_row(pane)
    await pilot.press("enter")
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, EventCoverageScreen), "the coverage")
    view = app.screen
    await until(pilot, lambda: view.coverage is not None, "the outlets")
    await pilot.pause()
    return screen, pane, view


def outlet_rows(view: EventCoverageScreen) -> list[er.OutletLine]:
    return [r for r in view.row_list.rows if isinstance(r, er.OutletLine)]


def row_of(view: EventCoverageScreen, article_id: str) -> int:
    for i, row in enumerate(view.row_list.rows):
        if isinstance(row, er.OutletLine) and any(a.id == article_id for a in row.outlet.articles):
            return i
    raise AssertionError(f"no row for {article_id}")


async def test_enter_on_the_call_shows_a_row_per_outlet(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen, _, view = await open_coverage(pilot)
        rows = outlet_rows(view)
        assert {r.outlet.source for r in rows} == {"RT DE", "Reuters", NO_SOURCE}
        assert len(rows) == 4  # the two articles without a source are an outlet each
        texts = [view.row_list.render_row(r).plain for r in rows]
        rt = texts[row_of(view, RT)]
        assert " RT DE " in rt and "2021-12-08*" in rt and "Kreml: Putin und Biden" in rt
        reuters = texts[row_of(view, REUTERS)]
        assert " Reuters " in reuters and "2021-12-07*" in reuters and "MOSKAU, 7. Dez." in reuters
        assert texts[row_of(view, CALL)].startswith("  ? ") and "~2021-12" in texts[-1]
        # badges coloured as in the timeline
        styles = {view.row_list.render_row(r).spans[1].style for r in rows[:3]}
        assert len(styles) == 3
        shown = screen_text(app)
        assert "Event  2021-12-07 · 4 sources · 4 articles" in shown
        # every outlet of the seeds reports the call: the line says so
        outlets = {s.source.strip() or NO_SOURCE for s in screen.summaries}
        assert f"reported by every outlet of the corpus ({len(outlets)} outlets)" in shown
        # the highlighted outlet's headline and passage in full below the rows
        first = rows[0].outlet
        assert first.articles[0].title[:40] in shown
        assert "Enter opens the passage" in shown and "s story" in shown
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the coverage closed")


async def test_enter_on_a_row_opens_its_passage(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen, _, view = await open_coverage(pilot, reading=(CALL, 3))
        view.row_list.cursor = row_of(view, REUTERS)
        wanted = view.row_list.current.outlet.passage
        assert wanted.article_id == REUTERS
        await pilot.press("enter")
        await until(
            pilot,
            lambda: (
                app.screen is screen
                and screen.article is not None
                and (screen.article.id, screen.passage) == (REUTERS, wanted.passage)
            ),
            "the Reuters passage",
        )
        assert app.focused is screen.reading
        # the jump is on the back stack like every other
        await pilot.press("backspace")
        await until(pilot, lambda: (screen.article.id, screen.passage) == (CALL, 3), "back")


async def test_equals_on_two_rows_compares_their_passages(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=ui.SIZE) as pilot:
        _, _, view = await open_coverage(pilot)
        view.row_list.cursor = row_of(view, RT)
        await pilot.press("equals_sign")
        await pilot.pause()
        assert view.marked is not None
        assert view.row_list.render_row(view.row_list.current).plain.startswith("=")
        assert "= on another row compares it with the marked one" in screen_text(app)
        view.row_list.cursor = row_of(view, REUTERS)
        await pilot.press("equals_sign")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        compare = app.screen
        await until(pilot, lambda: compare.query_one("#compare-a-text").region.height, "layout")
        rt, reuters = (outlet_rows(view)[row_of(view, a)].outlet for a in (RT, REUTERS))
        assert compare.anchor_pid == rt.passage.passage_id
        assert compare.current.passage_id == reuters.passage.passage_id
        assert compare.query_one("#compare-a-text").visual.plain == rt.text
        assert compare.query_one("#compare-b-text").visual.plain == reuters.text
        assert "one event: RT DE and Reuters" in screen_text(app)
        # Escape returns to the coverage, the mark gone
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is view, "the coverage again")
        assert view.marked is None
        # = twice on one row marks and unmarks it
        await pilot.press("equals_sign", "equals_sign")
        await pilot.pause()
        assert view.marked is None and isinstance(app.screen, EventCoverageScreen)


async def test_s_shows_the_story_and_escape_steps_back(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen, pane, view = await open_coverage(pilot)
        call = view.event
        assert call is not None
        await pilot.press("s")
        await pilot.pause()
        assert view.view == "story"
        stories = [r for r in view.row_list.rows if isinstance(r, er.StoryLine)]
        assert call.id in [r.item.event.id for r in stories]
        assert view.row_list.current.key == call.id  # the cursor on the event it came from
        keys = [r.item.event.date.sort_key() for r in stories]
        assert keys == sorted(keys)
        shown = screen_text(app)
        assert "Story " in shown
        assert view.row_list.render_row(view.row_list.current).plain.startswith(
            " 2021-12-07  4 sources  "
        )
        # Escape: back to the coverage; Enter on a story's event shows its coverage
        await pilot.press("escape")
        await until(pilot, lambda: view.view == "coverage" and view.coverage is not None, "back")
        assert app.screen is view
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: view.view == "coverage" and view.coverage is not None, "event")
        assert view.event_id == call.id and len(outlet_rows(view)) == 4
        # Escape closes; the timeline has the keyboard again
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the coverage closed")
        assert app.focused is pane.row_list


async def test_an_event_of_one_outlet_names_the_others_at_80x24(config: Path) -> None:
    app: ReaderApp = ui.make_app(config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ui.loaded(pilot)
        pane = await open_timeline(pilot, screen)
        single = next(
            i
            for i, row in enumerate(pane.row_list.rows)
            if getattr(row, "event", None) is not None
            and {p.source for p in row.event.passages} == {"RT DE"}
        )
        pane.row_list.cursor = single
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EventCoverageScreen), "the coverage")
        view = app.screen
        await until(pilot, lambda: view.coverage is not None, "the outlets")
        await pilot.pause()
        outlets = {s.source.strip() for s in screen.summaries} - {"RT DE"}
        others = {NO_SOURCE if o.lower() in ("", "unknown") else o for o in outlets}
        assert set(view.coverage.not_reporting) == others
        lines = screen_text(app).splitlines()
        missing = next(line for line in lines if "not reported by: " in line)
        assert all(o in missing for o in others)
        assert any("Enter opens the passage" in line for line in lines)  # the keys fit
        # = with one row: nothing to compare, said so
        await pilot.press("equals_sign")
        await ui.noticed(pilot, lambda n: "nothing to compare" in n.message)
        assert isinstance(app.screen, EventCoverageScreen)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and screen.article is not None, "open")
        assert screen.article.id == RT
        assert screen.query_one("#reading-column").display  # 80 columns: the article shows


def test_first_seen_column_and_the_pair_equals_compares() -> None:
    from reader.corpus.model import When

    assert er.seen_label(When(2021, 12, 30, 21, 30)) == "2021-12-30 21:30"
    assert er.seen_label(When(2021, 12, 7, inferred=True)) == "2021-12-07*"
    assert er.seen_label(When(2021, 12)) == "~2021-12"
    assert er.seen_label(None) == "undated"
    assert len(er.seen_label(When(2021, 12, 30, 21, 30, inferred=True))) == er.SEEN_WIDTH
    # the headline takes a share of the free columns, never less than fits at 80
    assert er.headline_room(80, 30) == 20  # 40% of 50
    assert er.headline_room(60, 40) == er.MIN_HEADLINE
    assert er.headline_room(160, 30) == int(130 * er.HEADLINE_SHARE)
    assert er.headline_room(400, 30) == er.MAX_HEADLINE
    assert er.headline_room(20, 30) == 0

    class Outlet:
        def __init__(self, key: str) -> None:
            self.key = key

    rows = [er.OutletLine(Outlet(k)) for k in ("a", "b", "c")]  # type: ignore[arg-type]
    assert er.compare_pair(rows, None, "a") is None  # the first = marks
    assert er.compare_pair(rows, "a", "a") is None  # = on the marked row unmarks
    first, other = er.compare_pair(rows, "a", "c") or (None, None)
    assert (first.key, other.key) == ("a", "c")
    assert er.compare_pair(rows, "gone", "c") is None
