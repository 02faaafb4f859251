"""The linked timeline in the app: the timeline pane and its jump keys, the related strip with
``]``/``[``, and the compare view — driven with Pilot on the seeds — plus the pure helpers
behind them (date labels, source badges, stops of an event, the related trail)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.content import Content

from reader.analysis.timeline import Event, EventPassage
from reader.cli.context import Context
from reader.corpus.model import When
from reader.refresh import enrich_and_date
from reader.ui.app import ReaderApp
from reader.ui.dialogs.compare import DIFF_STYLE, CompareScreen
from reader.ui.features.links.related_strip import RelatedStrip
from reader.ui.features.links.timeline_pane import TimelinePane
from reader.ui.logic import timeline_rows as tr
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.reading_pane import PassageView
from tests import ui_support as ui
from tests.conftest import SEEDS
from tests.ui_support import screen_text, until

SIZE = ui.SIZE
RT = "000_c7c4b8e3e078befc"
REUTERS = "001_71db2df63f5cd903"
VIDEO = "002_895ec12886e94bdb"  # no source; dated by the timeline (inferred)
CALL = "004_0c5df4d7e626345f"  # no source; dated 2021-12 by its marker
GUARANTEES = 6  # 000's passage on the demand for legal guarantees

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


# setup: the seeds, indexed and analysed once for the module -----------------------------------
@pytest.fixture(scope="module")
def config(seeds_rt_config: Path) -> Path:
    """A config for a copy of the seeds whose index is built and analysed (dates, entities,
    inferred article dates) as `reader index` leaves it; 000 is RT DE as in config.yaml."""
    return seeds_rt_config  # (built once per test process: conftest)


def footer(app: ReaderApp) -> str:
    """The footer's line: the keys offered now."""
    return screen_text(app).splitlines()[-1]


def make_app(config: Path) -> ReaderApp:
    return ui.make_app(config=config)


async def loaded(pilot) -> MainScreen:
    """The library listed and the related strip mounted."""
    return await ui.loaded(pilot, ui.LIBRARY, ui.RELATED_STRIP)


def strip(screen: MainScreen) -> RelatedStrip:
    return screen.query_one("#related-strip", RelatedStrip)


async def strip_for(pilot, screen: MainScreen, article_id: str, passage: int) -> RelatedStrip:
    """The strip once it shows the related passages of ``article_id`` ¶``passage``."""
    found = strip(screen)
    pid = f"{article_id}#p{passage}"
    await until(pilot, lambda: found.anchor_pid == pid and found.loaded, f"related of {pid}")
    await pilot.pause()
    return found


async def open_timeline(pilot, screen: MainScreen) -> TimelinePane:
    await pilot.press("t")
    pane = screen.sidebar.pane("timeline")
    assert isinstance(pane, TimelinePane)
    await until(pilot, lambda: pane.timeline is not None, "the timeline")
    await pilot.pause()
    return pane


def row_texts(pane: TimelinePane) -> list[str]:
    rows = pane.row_list.rows
    return [pane.row_list.render_row(r).plain for r in rows]


def event_row(pane: TimelinePane, date: str, word: str) -> int:
    for i, row in enumerate(pane.row_list.rows):
        event = getattr(row, "event", None)
        if event is not None and event.date.iso() == date and word in event.label:
            return i
    raise AssertionError(f"no event on {date} about {word}: {row_texts(pane)}")


def style_of(lines, word: str):
    """The terminal style the first cell of ``word`` is drawn in."""
    for line in lines:
        text = "".join(seg.text for seg in line)
        at = text.find(word)
        if at < 0:
            continue
        for seg in line:
            if at < len(seg.text):
                return seg.style
            at -= len(seg.text)
    raise AssertionError(f"{word!r} is not on screen")


def styled_words(content: Content, style: str) -> set[str]:
    return {content.plain[s.start : s.end] for s in content.spans if s.style == style}


# the timeline pane ------------------------------------------------------------------------------
async def test_timeline_lists_the_call_with_its_sources_and_marks_inferred_dates(
    config: Path,
) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        pane = await open_timeline(pilot, screen)
        assert app.focused is pane.row_list
        texts = row_texts(pane)
        # in date order, under month headings, imprecise dates marked "~"
        assert (
            texts.index("April 2021") < texts.index("December 2021") < texts.index("January 2022")
        )
        assert any(t.startswith("~2021-04 ") for t in texts)
        # the call of 7 Dec 2021: RT DE, Reuters and the two articles without a source
        row = event_row(pane, "2021-12-07", "Wladimir Putin")
        call = pane.row_list.render_row(pane.row_list.rows[row])
        assert call.plain.startswith("2021-12-07 ")
        assert " RT DE " in call.plain and " Reuters " in call.plain and " ?×2 " in call.plain
        badge_styles = {call.plain[s.start : s.end].strip(): s.style for s in call.spans}
        assert badge_styles["RT DE"] != badge_styles["Reuters"]  # one colour per source
        # the event 000 was dated by (8 Dec, inferred from the call it reports) is marked
        assert any(t.startswith("2021-12-08* ") for t in texts)
        # its passages, with the inferred ones marked and the dates they name
        pane.row_list.cursor = row
        await pilot.pause()
        detail = screen_text(app)
        assert "2021-12-07 · 4 sources · 4 articles" in detail
        assert "¶5 »Dienstag« inferred" in detail  # RT DE, undated: inferred
        assert "¶2 »7. Dezember«  Telefonat" in detail  # 004 is dated 2021-12: not inferred
        assert "* inferred" in detail  # the legend


async def test_the_timeline_catches_up_with_the_background_analysis(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A timeline shown before the corpus is analysed is rebuilt when the analysis (names,
    dates, inferred article dates) is done: EnrichDone reaches the screen."""
    from reader.ui.features.entities.keeper import EntityKeeper
    from reader.ui.messages import EnrichDone

    # hold the app's own analysis back, to run it when the timeline is on screen
    monkeypatch.setattr(EntityKeeper, "start_enrichment", lambda self, changed, shown: None)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    app = ReaderApp(Context(corpus=[str(corpus)]))
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        pane = await open_timeline(pilot, screen)

        def call_row() -> str:
            rows = [pane.row_list.render_row(r).plain for r in pane.row_list.rows]
            return next((r for r in rows if r.startswith("2021-12-07 ")), "")

        assert call_row() == ""  # no dates analysed: no event on that day
        assert "articles are not analysed yet" in screen_text(app)

        await asyncio.to_thread(enrich_and_date, screen.library, True)
        screen.entity_keeper.post_message(EnrichDone())
        await until(pilot, lambda: " ?×2 " in call_row(), "the analysed timeline")
        assert " RT DE " in call_row() and " Reuters " in call_row()
        assert "not analysed yet" not in screen_text(app)


async def test_p_jumps_to_the_event_and_o_goes_to_other_sources(config: Path) -> None:
    """``p`` opens the event's first passage (Enter did, before it opened the event's
    coverage: tests/test_ui_event_coverage.py)."""
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        pane = await open_timeline(pilot, screen)
        pane.row_list.cursor = event_row(pane, "2021-12-07", "Wladimir Putin")
        await pilot.press("p")
        await until(pilot, lambda: screen.article is not None, "the article")
        assert (screen.article.id, screen.passage) == (RT, 5)  # »am Dienstag«
        assert app.focused is screen.reading
        visited = [(RT, 5)]
        for _ in range(3):
            await pilot.press("o")
            await until(
                pilot, lambda: (screen.article.id, screen.passage) != visited[-1], "the next source"
            )
            visited.append((screen.article.id, screen.passage))
        # every press went to another source, through the event's passages
        assert visited == [(RT, 5), (REUTERS, 1), (VIDEO, 8), (CALL, 2)]
        assert "»7. Dezember«" in screen_text(app) or "7. Dezember" in screen.article.text
        # each jump is on the back stack
        await pilot.press("backspace")
        await until(pilot, lambda: (screen.article.id, screen.passage) == (VIDEO, 8), "back")
        # t hides the timeline again and leaves the keyboard in the article
        await pilot.press("t")
        await until(pilot, lambda: app.focused is pane.row_list, "the timeline's list")
        await pilot.press("t")
        await until(
            pilot,
            lambda: screen.sidebar.active != "timeline" and app.focused is screen.reading,
            "the timeline hidden",
        )


async def test_sources_key_keeps_only_events_in_several_sources(config: Path) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        pane = await open_timeline(pilot, screen)
        everything = [r for r in pane.row_list.rows if not r.is_heading]
        await pilot.press("s")
        await pilot.pause()
        several = [r.event for r in pane.row_list.rows if not r.is_heading]
        assert 0 < len(several) < len(everything)
        assert all(tr.source_count(e) >= 2 for e in several)
        assert any(e.date.iso() == "2021-12-07" for e in several)
        assert "in ≥2 sources" in screen_text(app)


# the related strip and ] / [ ------------------------------------------------------------------
async def test_related_strip_shows_reuters_for_the_guarantees(config: Path) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(RT, GUARANTEES)
        found = await strip_for(pilot, screen, RT, GUARANTEES)
        first = found.results[0]
        assert (first.article_id, first.source) == (REUTERS, "Reuters")
        assert "verlässliche" in first.text and first.score > 0.5
        await pilot.pause()
        text = screen_text(app)
        assert f"{first.score:.2f}  Reuters  „Deshalb ist Russland ernsthaft" in text
        assert "Compare" in footer(app)  # ] [ = are offered
        # moving the cursor follows: the boilerplate last line links to nothing
        await pilot.press("G")
        last = len(screen.article.passages) - 1
        found = await strip_for(pilot, screen, RT, last)
        assert found.results == []
        await pilot.pause()
        assert "No related passages in other articles." in screen_text(app)
        # ... so ] [ = are not offered, in the footer or at all
        assert "Compare" not in footer(app) and "Related" not in footer(app)
        assert not any(screen.applies(a) for a in ("related_step", "compare"))
        # passages with related passages carry a mark in the gutter
        views = {v.index: v for v in screen.reading.query(PassageView)}
        await until(pilot, lambda: views[GUARANTEES].has_class("-linked"), "gutter marks")
        assert not views[last].has_class("-linked")


async def test_brackets_walk_the_related_passages_and_back_returns(config: Path) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(RT, GUARANTEES)
        found = await strip_for(pilot, screen, RT, GUARANTEES)
        wanted = [(r.article_id, r.passage) for r in found.results[:2]]
        assert wanted[0] == (REUTERS, 3)

        async def press(key: str, where: tuple[str, int]) -> None:
            await pilot.press(key)
            await until(pilot, lambda: (screen.article.id, screen.passage) == where, key)
            await pilot.pause()

        await press("right_square_bracket", wanted[0])
        assert found.anchor_pid == f"{RT}#p{GUARANTEES}"  # still walking RT's list
        assert "Related to RT DE ¶6: at 1 of" in screen_text(app)
        await press("right_square_bracket", wanted[1])
        await press("left_square_bracket", wanted[0])
        await press("left_square_bracket", (RT, GUARANTEES))  # [ from the first: home
        # the back stack has every jump: back returns through them
        await press("right_square_bracket", wanted[0])
        await press("backspace", (RT, GUARANTEES))
        # moving the cursor elsewhere makes that passage the new anchor
        await press("right_square_bracket", wanted[0])
        await pilot.press("k")
        await strip_for(pilot, screen, REUTERS, 2)


# the compare view -------------------------------------------------------------------------------
async def test_compare_view_marks_the_words_that_differ(config: Path) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert await screen.go_to(RT, GUARANTEES)
        await strip_for(pilot, screen, RT, GUARANTEES)
        await pilot.press("equals_sign")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        view = app.screen
        await until(pilot, lambda: view.query_one("#compare-a-text").region.height, "layout")
        assert not view.has_class("-stacked")  # side by side at 120 columns
        left = view.query_one("#compare-a-text").visual
        right = view.query_one("#compare-b-text").visual
        assert "feste rechtliche Garantien" in left.plain
        assert "rechtlich fixierte Garantien" in right.plain
        # RT DE: "feste rechtliche"; Reuters: "rechtlich fixierte"; both: "Garantien"
        assert {"feste", "rechtliche"} <= styled_words(left, DIFF_STYLE)
        assert {"rechtlich", "fixierte"} <= styled_words(right, DIFF_STYLE)
        assert "Garantien" not in styled_words(left, DIFF_STYLE) | styled_words(right, DIFF_STYLE)
        text = screen_text(app)
        assert "RT DE" in text and "Reuters" in text and "2021-12-07 (inferred)" in text
        # the differing words are drawn differently from the rest on the terminal
        widget = view.query_one("#compare-a-text")
        lines = widget.render_lines(widget.region.reset_offset)
        assert style_of(lines, "feste") != style_of(lines, "Garantien")
        # ] shows the next related passage; Enter opens it; Escape closes
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.index == 1
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the compare view closed")


# a small terminal ---------------------------------------------------------------------------------
async def test_80x24_stacks_the_panes_and_nothing_breaks(config: Path) -> None:
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        pane = await open_timeline(pilot, screen)
        reading = screen.query_one("#reading-column")
        assert screen.sidebar.display and not reading.display  # the timeline fills it
        pane.row_list.cursor = event_row(pane, "2021-12-07", "Wladimir Putin")
        await pilot.press("p")  # the event's first passage
        await until(pilot, lambda: screen.article is not None, "the article")
        assert reading.display and not screen.sidebar.display
        await pilot.press("o")
        await until(pilot, lambda: screen.article.id == REUTERS, "Reuters")
        assert reading.display and not screen.sidebar.display  # o stays in the article
        assert await screen.go_to(RT, GUARANTEES)
        await strip_for(pilot, screen, RT, GUARANTEES)
        await until(pilot, lambda: strip(screen).region.height >= 3, "the strip's room")
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.article.id == REUTERS, "]")
        await pilot.press("equals_sign")
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        view = app.screen
        assert view.has_class("-stacked")
        a, b = view.query_one("#compare-a"), view.query_one("#compare-b")
        await until(pilot, lambda: a.region.height and b.region.height, "layout")
        assert a.region.x == b.region.x and a.region.y < b.region.y  # one above the other
        await pilot.press("enter")  # opens the related passage
        await until(
            pilot,
            lambda: app.screen is screen and (screen.article.id, screen.passage) == (REUTERS, 3),
            "the passage",
        )
        await pilot.press("t", "t")
        await until(pilot, lambda: reading.display, "the article again")


# pure helpers -------------------------------------------------------------------------------------
def test_date_labels_never_claim_more_than_is_known() -> None:
    assert tr.date_label(When(2021, 12, 7)) == "2021-12-07"
    assert tr.date_label(When(2021, 12, 8, inferred=True)) == "2021-12-08*"  # ("?": no source)
    assert tr.date_label(When(2021, 12)) == "~2021-12"
    assert tr.date_label(When(2021)) == "~2021"
    assert tr.date_label(When(2021, 12, 30, 21, 30)) == "2021-12-30"
    assert tr.date_words(When(2021, 4, weekday=1)) == "a Tuesday in April 2021"
    assert tr.date_words(When(2021, 12, 8, inferred=True)) == "2021-12-08 (inferred)"
    assert tr.date_words(When(2021, 12)) == "2021-12 (month only)"
    assert tr.date_words(When(2021, 10, inferred=True)) == "2021-10 (month only) (inferred)"
    assert tr.date_words(When(2021, 12, 30, 21, 30, tz="MEZ")) == "2021-12-30 21:30 MEZ"
    assert tr.heading_of(When(2021, 12, 7)) == "December 2021"
    assert tr.heading_of(When(2018)) == "2018"


def test_source_badges_are_short_unique_and_coloured_per_source() -> None:
    assert tr.short_source("spiegel.de") == "spiegel"
    assert tr.short_source("Reuters") == "Reuters"
    assert tr.short_source("Polizei Berlin") == "PB"
    assert tr.short_source("sueddeutsche.de") == "suedde…"
    badges = tr.SourceBadges(["zeit.de", "zeitfuerdieschule.de", "RT DE", "unknown", ""])
    assert badges.badge("zeit.de") == "zeit"
    assert badges.badge("zeitfuerdieschule.de") not in ("zeit", badges.badge("RT DE"))
    assert badges.badge("unknown") == badges.badge("") == tr.UNKNOWN_BADGE
    assert badges.style("zeit.de") != badges.style("RT DE")
    assert badges.style("zeit.de") == tr.SourceBadges(
        ["RT DE", "zeit.de", "zeitfuerdieschule.de"]
    ).style("zeit.de")


def _event(*passages: tuple[str, int, str, str | None]) -> Event:
    return Event(
        "e1",
        When(2021, 12, 7),
        "label",
        [
            EventPassage(
                aid, f"{aid}#p{i}", i, source, "title", When(2021, 12, 7), None, None, text
            )
            for aid, i, source, text in passages
        ],
    )


def test_stops_interleave_sources_and_o_cycles_through_the_others() -> None:
    event = _event(
        ("a", 1, "RT DE", "Dienstag"),
        ("a", 1, "RT DE", "7. Dez."),
        ("a", 4, "RT DE", None),
        ("b", 2, "Reuters", "Dienstag"),
        ("c", 3, "unknown", None),
        ("d", 5, "unknown", None),
    )
    stops = tr.stops(event)
    assert [s.passage_id for s in stops] == ["a#p1", "b#p2", "c#p3", "d#p5", "a#p4"]
    assert stops[0].date_texts == ("Dienstag", "7. Dez.")
    assert tr.next_stop(stops, "a#p1", "rt de") == 1
    assert tr.next_stop(stops, "d#p5", "article:d") == 4
    assert tr.next_stop(stops, "a#p4", "rt de") == 1  # skips a's own passage, wraps
    assert tr.next_stop(stops, "x#p0", "rt de") == 1  # not in the event: another source
    assert tr.next_stop(stops[:1], "a#p1", "rt de") is None
    rows = tr.timeline_rows([event], min_sources=5)
    assert rows == []
    assert [r.heading for r in tr.timeline_rows([event])] == ["December 2021", ""]


def test_related_trail_steps_and_returns_to_the_anchor() -> None:
    pids = ["r1", "r2", "r3"]
    assert tr.related_step(pids, "anchor", 1) == 0
    assert tr.related_step(pids, "anchor", -1) is None
    assert tr.related_step(pids, "r1", 1) == 1
    assert tr.related_step(pids, "r1", -1) == -1
    assert tr.related_step(pids, "r3", 1) is None
    assert tr.related_step([], "anchor", 1) is None


def test_the_timeline_follows_a_passage_without_a_date_to_its_article_or_its_day() -> None:
    def event(eid: str, day: When, *where: tuple[str, int]) -> Event:
        return Event(
            eid, day, eid, [EventPassage(a, f"{a}#p{i}", i, "src", "t", day) for a, i in where]
        )

    april = event("april", When(2021, 4, 13), ("x", 1))
    december = event("december", When(2021, 12, 7), ("a", 3), ("x", 2))
    later = event("later", When(2021, 12, 30), ("b", 1))
    events = [april, december, later]
    by_passage: dict[str, list[Event]] = {}
    for e in events:
        for p in e.passages:
            by_passage.setdefault(p.passage_id, []).append(e)
    follow = tr.event_to_follow
    # the passage's own event; else the nearest passage of the article that has one
    assert follow(by_passage, events, ("a", 3, 6, None), None) is december
    assert follow(by_passage, events, ("a", 5, 6, None), None) is december
    assert follow(by_passage, events, ("x", 0, 3, None), None) is april  # ¶1 before ¶2
    # an article with no dated passage (a headline alone): the first event of its day or after
    assert follow(by_passage, events, ("h", 0, 1, When(2021, 12, 7, 18, 5)), None) is december
    assert follow(by_passage, events, ("h", 0, 1, When(2021, 12, 8)), None) is later
    assert follow(by_passage, events, ("h", 0, 1, When(2022, 1, 2)), None) is None
    assert follow(by_passage, events, ("h", 0, 1, None), None) is None
