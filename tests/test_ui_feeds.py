"""Feeds in the app (issue 13): R updates the feeds the user follows in a worker, with a
progress strip and a notice of what arrived; the new articles appear in the library without
a restart, and can be opened."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.ingest.store import inbox_dir
from reader.locations import default_index_dir
from reader.ui.features.feeds.updating import NO_FEEDS, FeedsOutcome
from tests.test_feeds import _rss
from tests.ui_support import SIZE, loaded, make_app, noticed, screen_text, until
from tests.web_server import Route, Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve()


def config_with_inbox(indexed_seeds: Path, tmp_path: Path) -> Path:
    """The default corpus as a user has it once they follow a feed: their articles (here the
    seeds, already indexed) and the inbox the feeds store into."""
    config = tmp_path / "config.yaml"
    config.write_text(
        json.dumps(
            {
                "corpus": [str(indexed_seeds), str(inbox_dir())],
                "index_dir": str(default_index_dir([indexed_seeds])),
            }
        )
    )
    return config


async def test_R_updates_the_feeds_and_the_new_articles_appear(
    site: Site, indexed_seeds: Path, tmp_path: Path, capsys
) -> None:
    site.routes["/feed.xml"] = Route(
        body=_rss(site, 3).encode(), headers={"Content-Type": "application/rss+xml"}
    )
    assert main(["feeds", "add", site.url("/feed.xml"), "--name", "Testfeed"]) == 0
    capsys.readouterr()
    app = make_app(config=config_with_inbox(indexed_seeds, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert len(screen.summaries) == 5
        await pilot.press("R")
        notice = await noticed(pilot, lambda n: n.title == "Feeds", "the feeds notice")
        assert notice.message.startswith("3 new, 0 updated")
        await until(pilot, lambda: len(screen.summaries) == 8, "the new articles in the library")
        await until(pilot, lambda: not screen.query("#feeds-status").first().display)
        titles = {s.title: s.id for s in screen.summaries}
        assert "Meldung Nummer 1 aus Berlin" in titles
        assert "Meldung Nummer 1 aus Berlin" in screen_text(app)  # listed, on screen
        assert await screen.go_to(titles["Meldung Nummer 1 aus Berlin"])
        await pilot.pause()
        assert "Absatz 1:" in screen_text(app)
        # a second R finds nothing new and says so
        app._notifications.clear()
        await pilot.press("R")
        again = await noticed(pilot, lambda n: n.title == "Feeds", "the second notice")
        assert again.message.startswith("0 new, 0 updated")


async def test_R_without_feeds_says_how_to_follow_one(pilot) -> None:
    await pilot.press("R")
    notice = await noticed(pilot, lambda n: n.title == "Feeds")
    assert notice.message == NO_FEEDS
    assert "reader feeds add URL" in notice.message


def test_the_notice_names_failures_and_an_inbox_this_session_does_not_read(tmp_path) -> None:
    outcome = FeedsOutcome(
        new=2,
        summary_only=1,
        failed=[(f"http://127.0.0.1/f{i}.xml", "HTTP 500") for i in range(5)],
        inbox=tmp_path,
        read_here=False,
    )
    notice = outcome.notice()
    assert notice.startswith("2 new, 0 updated (1 from the feed's summary")
    assert "http://127.0.0.1/f0.xml: HTTP 500" in notice and "f3.xml" not in notice
    assert "… and 2 more failed" in notice
    assert f"Stored in {tmp_path}" in notice and "without --corpus" in notice
