"""The layout uses the terminal's width (issue 15 R1): the sidebar grows on a wide terminal so
headlines are not cut shorter than on a small one, every pane keeps a title in the bar,
timeline rows keep their labels, the related strip names sources whole, and the text keeps
a reading width when the sidebar is hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.features.links.related_strip import RelatedStrip
from reader.ui.features.links.timeline_pane import TimelinePane
from reader.ui.logic.text import one_line
from reader.ui.widgets.reading_pane import PassageView
from reader.ui.widgets.sidebar import PaneBar
from tests import ui_support as ui
from tests.conftest import seeds_config

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

RT = "000_c7c4b8e3e078befc"
REUTERS = "001_71db2df63f5cd903"
GUARANTEES = 3  # Reuters' passage on the legal guarantees (related to RT DE's)
HEADLINE = "Putin fordert von Biden"  # Reuters' headline, longer than any row


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed and analysed, RT DE's article under a long source name."""
    return seeds_config(tmp_path_factory.mktemp("wide-layout"), {RT: "www.sueddeutsche.de"})


def headline_shown(text: str) -> str:
    """The part of Reuters' headline the library row shows."""
    line = next(line for line in text.splitlines() if HEADLINE in line)
    shown = line[line.index(HEADLINE) :].split("▕")[0].rstrip()
    return shown.rstrip("…")


async def test_headlines_are_not_cut_shorter_on_a_wide_terminal(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.loaded(pilot)
        narrow = headline_shown(ui.screen_text(app))
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        wide = headline_shown(ui.screen_text(app))
    assert len(narrow) > 40
    assert wide.startswith(narrow)


async def test_every_pane_keeps_its_title_in_the_bar(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await ui.loaded(pilot)
        await pilot.press("t")
        for width in (160, 120, 100):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            bar = screen.sidebar.query_one(PaneBar)
            titles = screen.sidebar.titles
            assert list(bar.labels) == list(titles)
            assert bar.labels["timeline"] == "Timeline"  # the shown pane whole
            text = ui.screen_text(app).splitlines()
            line = next(line for line in text if " Timeline " in line)
            for pane_id, label in bar.labels.items():
                assert f" {label} " in line, (width, pane_id, label)
                assert titles[pane_id].startswith(label.rstrip("…"))
            if width >= 160:
                assert bar.labels == titles


async def test_timeline_rows_keep_their_labels_in_a_narrow_sidebar(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ui.loaded(pilot)
        await pilot.press("t")
        pane = screen.sidebar.pane("timeline")
        assert isinstance(pane, TimelinePane)
        await ui.until(pilot, lambda: pane.timeline is not None, "the timeline")
        await pilot.pause()
        text = ui.screen_text(app)
        events = [row.event for row in pane.row_list.rows if row.event is not None]
        crowded = max(events, key=lambda e: len({p.source for p in e.passages}))
        assert len({p.source for p in crowded.passages}) >= 3
        assert one_line(crowded.label)[:12] in text


async def test_the_related_strip_names_sources_whole(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY, ui.RELATED_STRIP)
        assert await screen.go_to(REUTERS, GUARANTEES)
        found = screen.query_one("#related-strip", RelatedStrip)
        pid = f"{REUTERS}#p{GUARANTEES}"
        await ui.until(pilot, lambda: found.anchor_pid == pid and found.loaded, "related")
        await pilot.pause()
        assert any(r.article_id == RT for r in found.results)
        assert " sueddeutsche " in ui.screen_text(app)


async def test_the_text_keeps_a_reading_width_without_the_sidebar(config: Path) -> None:
    app = ui.make_app(config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ui.loaded(pilot)
        assert await screen.go_to(REUTERS, 0)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not screen.sidebar.display or screen.sidebar.size.width == 0
        passages = list(screen.reading.query(PassageView))
        assert passages and all(p.size.width <= 104 for p in passages)
        left = passages[0].region.x
        assert left > 20  # centred, not flush left with the room on one side
