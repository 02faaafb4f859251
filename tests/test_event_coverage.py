"""One event's coverage (a row per outlet that reports it, first seen first; the outlets of
the corpus that do not) and the events of one story, in the analysis and as ``reader event``
and ``reader story`` (issue 14, "Seeing an event's coverage").

Events are found by date and by the articles they hold, not by id, so the tests hold for any
sane grouping of the timeline (the 7 December 2021 call is one event of four articles:
RT DE, Reuters and two without a source)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis.event_coverage import (
    NO_SOURCE,
    EventCoverage,
    coverage_in,
    event_coverage,
    outlet_name,
    seen_key,
    source_count,
    story_events,
)
from reader.analysis.related import source_key
from reader.analysis.timeline import Event, EventPassage, Timeline, timeline
from reader.cli import main
from reader.cli.context import Context
from reader.corpus.model import When
from reader.library import Library
from reader.search.store import ArticleSummary

RT = "000_c7c4b8e3e078befc"
REUTERS = "001_71db2df63f5cd903"
VIDEO = "002_895ec12886e94bdb"  # no source
CALL = "004_0c5df4d7e626345f"  # no source

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture(scope="module")
def config(seeds_rt_config: Path) -> Path:
    """A config for a copy of the seeds, indexed and analysed once; 000 is RT DE."""
    return seeds_rt_config  # (built once per test process: conftest)


@pytest.fixture(scope="module")
def library(config: Path) -> Library:
    return Context(config_path=str(config)).library


@pytest.fixture(scope="module")
def seeds(library: Library) -> Timeline:
    return timeline(library)


def the_call(tl: Timeline) -> Event:
    """The event of 7 December 2021 that RT DE and Reuters both report."""
    found = [
        e
        for e in tl.events
        if e.date.iso() == "2021-12-07" and {RT, REUTERS} <= set(e.articles) and "Putin" in e.label
    ]
    assert len(found) == 1, [(e.id, e.label) for e in tl.events]
    return found[0]


def expected_outlets(library: Library) -> set[str]:
    """The corpus's outlets worked out from its articles: a source, or "(no source)"."""
    names = set()
    for s in library.summaries():
        source = s.source.strip()
        names.add(NO_SOURCE if not source or source.lower() == "unknown" else source)
    return names


# the analysis ---------------------------------------------------------------------------------
def test_the_call_has_a_row_per_outlet_first_seen_first(library: Library, seeds: Timeline) -> None:
    call = the_call(seeds)
    coverage = coverage_in(library, call, seeds)
    by_article = {a.id: r for r in coverage.rows for a in r.articles}
    assert set(by_article) == set(call.articles) == {RT, REUTERS, VIDEO, CALL}
    assert by_article[RT].source == "RT DE" and by_article[REUTERS].source == "Reuters"
    # the articles without a source: each an outlet of its own, named as the library does
    for aid in (VIDEO, CALL):
        row = by_article[aid]
        assert row.source == NO_SOURCE and not row.known and len(row.articles) == 1
    assert by_article[VIDEO] is not by_article[CALL]
    assert len(coverage.rows) == source_count(call) == 4
    # first seen: the earliest date of the outlet's articles; the rows in that order
    summaries = {s.id: s for s in library.summaries()}
    for row in coverage.rows:
        dates = [summaries[a.id].date for a in row.articles]
        assert row.first_seen == min(dates, key=seen_key)
    keys = [seen_key(r.first_seen) for r in coverage.rows]
    assert keys == sorted(keys)
    assert by_article[RT].first_seen is not None and by_article[RT].first_seen.iso() == "2021-12-08"
    # 004 is dated December 2021 only: not known to be earlier than the 7th, so last
    assert coverage.rows[-1] is by_article[CALL]
    # the passage that reports it: the outlet's first passage in the event, with its text
    for row in coverage.rows:
        first = next(p for p in call.passages if source_key(p.source, p.article_id) == row.key)
        assert row.passage == first
        assert row.text and row.text == library.passage(first.passage_id).text
    assert by_article[REUTERS].articles[0].title.startswith("Putin fordert von Biden")


def test_outlets_that_do_not_report_it_are_the_corpus_others(
    library: Library, seeds: Timeline
) -> None:
    outlets = expected_outlets(library)
    call = coverage_in(library, the_call(seeds), seeds)
    assert set(call.outlets) == outlets
    reporting = {r.source for r in call.rows}
    assert set(call.not_reporting) == outlets - reporting
    # an event that only some outlets report names the others
    partial = [
        c
        for c in (coverage_in(library, e, seeds) for e in seeds.events)
        if {r.source for r in c.rows} < outlets
    ]
    assert partial, "every event of the seeds is reported by every outlet"
    for c in partial:
        assert set(c.not_reporting) == outlets - {r.source for r in c.rows}
        assert c.not_reporting and not set(c.not_reporting) & {r.source for r in c.rows}


def _summary(aid: str, source: str, when: When | None) -> ArticleSummary:
    return ArticleSummary(aid, f"headline of {aid}", source, when, 3)


def _passage(aid: str, n: int, source: str, when: When) -> EventPassage:
    return EventPassage(aid, f"{aid}#p{n}", n, source, f"headline of {aid}", when)


def test_first_seen_has_the_time_and_every_no_source_article_is_an_outlet() -> None:
    day = When(2026, 1, 2)
    summaries = [
        _summary("a1", "zeit.de", When(2026, 1, 2, 9, 30)),
        _summary("a2", "zeit.de", When(2026, 1, 2, 8, 5)),
        _summary("b1", "spiegel.de", When(2026, 1, 1, 23, 10)),
        _summary("c1", "unknown", When(2026, 1, 2)),
        _summary("c2", "", None),
        _summary("d1", "taz.de", When(2026, 1, 3)),
        _summary("e1", " ", When(2026, 1, 3)),
    ]
    event = Event(
        "2026-01-02#1",
        day,
        "Brand in einer Bar",
        [
            _passage("a1", 2, "zeit.de", day),
            _passage("a2", 1, "zeit.de", day),
            _passage("b1", 4, "spiegel.de", day),
            _passage("c1", 1, "unknown", day),
            _passage("c2", 3, "", day),
            _passage("a1", 5, "zeit.de", day),
        ],
    )
    texts = {"a1#p2": "Zeit says", "b1#p4": "Spiegel says"}
    coverage = event_coverage(event, summaries, text_of=texts.get)
    assert isinstance(coverage, EventCoverage)
    assert [(r.source, r.passage.passage_id) for r in coverage.rows] == [
        ("spiegel.de", "b1#p4"),  # 1 Jan 23:10
        ("zeit.de", "a1#p2"),  # 2 Jan 08:05 (a2), its first passage in the event: a1 ¶2
        (NO_SOURCE, "c1#p1"),  # 2 Jan, no time
        (NO_SOURCE, "c2#p3"),  # undated: last
    ]
    zeit = coverage.rows[1]
    assert zeit.first_seen == When(2026, 1, 2, 8, 5)
    assert [a.id for a in zeit.articles] == ["a2", "a1"]
    assert zeit.text == "Zeit says" and coverage.rows[2].text == ""
    assert coverage.rows[3].first_seen is None
    # the corpus names all articles without a source once; taz and (no source) reported it
    assert coverage.outlets == (NO_SOURCE, "spiegel.de", "taz.de", "zeit.de")
    assert coverage.not_reporting == ("taz.de",)
    data = coverage.to_json()
    assert data["outlets"][1]["first_seen"] == {
        "value": "2026-01-02T08:05",
        "precision": "minute",
        "inferred": False,
    }
    assert data["outlets"][1]["first_seen_text"] == "2026-01-02 08:05"
    assert data["outlets"][3]["first_seen_text"] == "undated"
    assert [o["no_source"] for o in data["outlets"]] == [False, False, True, True]


def test_seen_order_puts_the_vaguer_date_after_the_precise_ones_in_it() -> None:
    ordered = [
        When(2021, 12, 6),
        When(2021, 12, 7, 8, 0),
        When(2021, 12, 7),
        When(2021, 12),
        When(2021),
        When(2022, 1, 1),
        None,
    ]
    assert sorted(reversed(ordered), key=seen_key) == ordered
    assert outlet_name(" unknown ") == outlet_name("") == NO_SOURCE
    assert outlet_name("RT  DE") == "RT DE"


def test_story_events_are_in_date_order_with_their_sources(seeds: Timeline) -> None:
    call = the_call(seeds)
    story = story_events(seeds, call.story or call.id)
    assert call in [s.event for s in story]
    assert all((s.event.story or s.event.id) == (call.story or call.id) for s in story)
    keys = [s.event.date.sort_key() for s in story]
    assert keys == sorted(keys)
    assert next(s for s in story if s.event is call).sources == 4
    assert story_events(seeds, "no-such-story") == []


# the commands -----------------------------------------------------------------------------------
def test_event_command_prints_the_rows_and_who_does_not_report_it(
    config: Path, seeds: Timeline, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(seeds)
    assert main(["--config", str(config), "event", call.id]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("2021-12-07 · 4 sources · 4 articles")
    rows = [line for line in lines if " first seen " in line]
    assert [r.split("  ")[0].strip() for r in rows] == [
        r.source for r in coverage_in(library, call, seeds).rows
    ]
    assert any(r.startswith("RT DE ") and f"{RT}#p" in r for r in rows)
    assert any(r.startswith("Reuters ") and "2021-12-07" in r for r in rows)
    assert sum(r.startswith(NO_SOURCE) for r in rows) == 2
    assert "  Putin fordert von Biden Zusicherungen" in out  # Reuters' headline
    missing = expected_outlets(library) - {"RT DE", "Reuters", NO_SOURCE}
    said = lines[-1]
    assert said.startswith("not reported by: ")
    if missing:
        assert all(m in said for m in missing)
    else:
        assert said == "not reported by: none of the corpus's 3 outlets"


def test_event_command_json_shape(
    config: Path, seeds: Timeline, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(seeds)
    assert main(["--config", str(config), "event", call.id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"event", "outlets", "not_reported_by", "corpus_outlets"}
    assert data["event"]["id"] == call.id and data["event"]["story"] == (call.story or call.id)
    assert data["event"]["date"]["value"] == "2021-12-07"
    assert set(data["event"]) == {"id", "date", "description", "label", "story", "articles"}
    assert len(data["outlets"]) == 4
    row = data["outlets"][0]
    assert set(row) == {
        "source",
        "no_source",
        "first_seen",
        "first_seen_text",
        "articles",
        "passage_id",
        "article_id",
        "passage",
        "date_text",
        "text",
    }
    assert {o["source"] for o in data["outlets"]} == {"RT DE", "Reuters", NO_SOURCE}
    assert set(data["corpus_outlets"]) == expected_outlets(library)
    assert set(data["not_reported_by"]) == expected_outlets(library) - {
        "RT DE",
        "Reuters",
        NO_SOURCE,
    }
    article = data["outlets"][0]["articles"][0]
    assert set(article) == {"id", "title", "date"}


def test_story_command_lists_the_story_in_date_order(
    config: Path, seeds: Timeline, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(seeds)
    story = call.story or call.id
    assert main(["--config", str(config), "story", story, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["story"] == story
    ids = [e["id"] for e in data["events"]]
    assert call.id in ids
    assert next(e for e in data["events"] if e["id"] == call.id)["sources"] == 4
    assert set(data["events"][0]) == {"id", "date", "description", "label", "sources", "articles"}
    assert main(["--config", str(config), "story", story]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"story {story} · ")
    assert f"2021-12-07  4 sources  {call.id}" in out


@pytest.mark.parametrize("command", ["event", "story"])
def test_unknown_ids_are_a_usage_error_with_the_nearest(
    config: Path, seeds: Timeline, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    call = the_call(seeds)
    wanted = call.id if command == "event" else (call.story or call.id)
    near = wanted[:-1] + ("9" if wanted[-1] != "9" else "8")  # one character off
    assert main(["--config", str(config), command, near]) == 2
    err = capsys.readouterr().err
    assert f"no {command} with id {near!r}" in err
    assert "did you mean" in err and repr(wanted) in err
    assert main(["--config", str(config), command, "nothing-like-it"]) == 2
    err = capsys.readouterr().err
    assert "no " in err and "did you mean" not in err and "reader timeline --json" in err
