"""Coverage over time (issue 14): how many items each outlet ran per day or hour, of one
story or of the whole corpus, as numbers, as a chart in the terminal, from the CLI and in
the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis.activity import activity, bars, chart_lines
from reader.cli import main
from reader.corpus.model import When
from reader.ui.dialogs.activity import ActivityScreen
from reader.ui.features.links.timeline_pane import TimelinePane
from tests import ui_support as ui
from tests.test_events import FIRE, VICTIMS

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def day(iso: str) -> When:
    return When.parse_iso(iso)


def test_items_are_counted_per_outlet_and_day_who_broke_it_first() -> None:
    found = activity(
        [
            ("Kurier", day("2026-01-01T08:00")),
            ("Tagblatt", day("2026-01-02T09:00")),
            ("Kurier", day("2026-01-04T10:00")),
            ("Kurier", day("2026-01-04T11:00")),
            ("", None),
        ],
        outlets=["Kurier", "Tagblatt", "Rundschau"],
    )
    assert found.by == "day"  # four days apart: per day, not per hour
    assert found.buckets == ("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04")
    rows = {o.source: o.counts for o in found.outlets}
    assert rows == {"Kurier": (1, 0, 0, 2), "Tagblatt": (0, 1, 0, 0), "Rundschau": (0, 0, 0, 0)}
    assert [o.source for o in found.outlets] == ["Kurier", "Tagblatt", "Rundschau"]
    assert found.undated == 1
    lines = chart_lines(found)
    assert lines[0].startswith("items per day 2026-01-01 – 2026-01-04")
    assert "first 2026-01-01" in lines[1] and "never ran it" in lines[3]


def test_a_story_of_one_day_is_counted_per_hour() -> None:
    found = activity([("A", day("2026-01-01T08:10")), ("B", day("2026-01-01T10:59"))])
    assert found.by == "hour"
    assert found.buckets == ("2026-01-01 08h", "2026-01-01 09h", "2026-01-01 10h")


def test_bars_share_one_scale_and_never_hide_one_item() -> None:
    assert bars([0, 1, 8], 8) == "·▁█"
    assert bars([1], 100) == "▁"  # one item is a bar even beside a busy outlet


@pytest.fixture
def items(tmp_path: Path) -> Path:
    corpus = tmp_path / "items.jsonl"
    corpus.write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in FIRE + VICTIMS),
        encoding="utf-8",
    )
    return corpus


def test_timeline_story_and_chart_from_the_cli(capsys, items: Path) -> None:
    assert main(["--corpus", str(items), "timeline", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    story = next(e["story"] for e in events if any(p["article_id"] == "a1" for p in e["passages"]))
    assert main(["--corpus", str(items), "timeline", "--story", story, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["events"]) == 2  # the fire and the victims identified
    by_source = {o["source"]: o for o in data["activity"]["outlets"]}
    assert by_source["Rundschau"]["first"] == "2026-01-02"  # a day after the others
    assert by_source["Kurier"]["counts"] == [1, 0, 0, 1]
    assert main(["--corpus", str(items), "timeline", "--story", story]) == 0
    out = capsys.readouterr().out
    assert "items per day 2026-01-01 – 2026-01-04" in out and "Kurier" in out
    assert main(["--corpus", str(items), "timeline", "--chart"]) == 0
    assert "Tagblatt" in capsys.readouterr().out
    assert main(["--corpus", str(items), "timeline", "--story", "no-such-story"]) == 2


async def test_the_app_shows_the_corpus_and_the_story_charts(items: Path) -> None:
    app = ui.make_app(items)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY, ui.ENRICHMENT)
        await pilot.press("t")
        pane = screen.sidebar.pane("timeline")
        assert isinstance(pane, TimelinePane)
        await ui.until(pilot, lambda: pane.timeline is not None, "the timeline")
        await pilot.press("a")
        await ui.until(pilot, lambda: isinstance(app.screen, ActivityScreen), "the chart")
        await pilot.pause()
        assert "items per day" in ui.screen_text(app)
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is screen, "the main screen")
        fire = next(
            i for i, r in enumerate(pane.row_list.rows) if r.event and "a1" in r.event.articles
        )
        pane.row_list.cursor = fire
        await pilot.press("enter")
        await ui.until(pilot, lambda: app.screen is not screen, "the event coverage")
        await pilot.press("s")
        await ui.until(
            pilot,
            lambda: (
                "items per day" in ui.screen_text(app) and "first 2026-01-02" in ui.screen_text(app)
            ),
            "the story chart with the outlet that ran it a day later",
        )
