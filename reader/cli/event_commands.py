"""``reader event`` (one event's coverage: which outlet reported it, when, in which passage)
and ``reader story`` (the events of one story in date order)."""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING

from reader.cli.context import Context, UsageError, count, print_json
from reader.cli.core_commands import ensure_index
from reader.corpus.visible import shorten

if TYPE_CHECKING:
    from reader.analysis.activity import Activity
    from reader.analysis.timeline_model import Timeline

SNIPPET = 100
SOURCE_WIDTH = 16
SEEN_WIDTH = 22


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "event",
        help="one event's coverage: the outlets that report it, when each first did, and how",
        description="One row per outlet that reports the event (first seen first): the "
        "earliest date of its articles in the event, their headlines and the passage that "
        "reports it; then the corpus's outlets that do not report it. Event ids are in "
        "`reader timeline --json`.",
    )
    p.add_argument("event_id", help="an event id such as 2021-12-07#1")
    p.add_argument("--json", action="store_true", help="print the coverage as JSON")
    p.set_defaults(func=cmd_event)

    p = sub.add_parser(
        "story",
        help="the events of one story in date order, with their sources",
        description="A story is the events that develop one happening over days; each event "
        "names its story (`story` in `reader timeline --json` and `reader event --json`).",
    )
    p.add_argument("story_id", help="a story id (the id of one of its events)")
    p.add_argument("--json", action="store_true", help="print the story's events as JSON")
    p.set_defaults(func=cmd_story)


def _did_you_mean(wanted: str, known: list[str]) -> str:
    near = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
    if not near and wanted:
        near = [k for k in known if k.startswith(wanted)][:3]
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""


def _unknown(what: str, wanted: str, known: list[str]) -> UsageError:
    return UsageError(
        f"no {what} with id {wanted!r}{_did_you_mean(wanted, known)} "
        f"(`reader timeline --json` lists the events with their ids and stories)"
    )


def _timeline(ctx: Context, quiet: bool) -> Timeline:
    from reader.analysis.timeline import timeline

    ensure_index(ctx, quiet=quiet)
    return timeline(ctx.library)


def cmd_event(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.event_coverage import coverage_in, source_count

    result = _timeline(ctx, args.json)
    event = result.event(args.event_id)
    if event is None:
        raise _unknown("event", args.event_id, [e.id for e in result.events])
    coverage = coverage_in(ctx.library, event, result)
    if args.json:
        print_json(coverage.to_json())
        return 0
    sources = source_count(event)
    story = event.story or event.id
    in_story = len(result.story(story))
    print(
        f"{event.date.describe()} · {count(sources, 'source')} · "
        f"{count(len(event.articles), 'article')} · story {story}"
        + (f" ({count(in_story, 'event')}: reader story {story})" if in_story > 1 else "")
    )
    print(event.label)
    for row in coverage.rows:
        seen = row.first_seen.describe() if row.first_seen else "undated"
        print(
            f"\n{row.source:<{SOURCE_WIDTH}}  first seen "
            f"{seen:<{SEEN_WIDTH}}  {row.passage.passage_id}"
        )
        for article in row.articles:
            print(f"  {shorten(article.title, SNIPPET)}")
        if row.text:
            print(f"  „{shorten(row.text, SNIPPET)}“")
    if coverage.not_reporting:
        print(f"\nnot reported by: {', '.join(coverage.not_reporting)}")
    else:
        print(f"\nnot reported by: none of the corpus's {count(len(coverage.outlets), 'outlet')}")
    return 0


def cmd_story(args: argparse.Namespace, ctx: Context) -> int:
    return print_story(ctx, _timeline(ctx, args.json), args.story_id, args.json)


def print_story(ctx: Context, result: Timeline, story_id: str, as_json: bool) -> int:
    """The events of story ``story_id`` in date order, then who ran its items when (for
    ``reader story`` and ``reader timeline --story``)."""
    from reader.analysis.activity import story_activity
    from reader.analysis.event_coverage import corpus_outlets, story_events, story_ids

    events = story_events(result, story_id)
    if not events:
        raise _unknown("story", story_id, story_ids(result))
    summaries = ctx.library.summaries()
    found = story_activity([e.event for e in events], summaries, corpus_outlets(summaries))
    if as_json:
        print_json(
            {
                "story": story_id,
                "events": [e.to_json() for e in events],
                "activity": found.to_json(),
            }
        )
        return 0
    print(f"story {story_id} · {count(len(events), 'event')}")
    for item in events:
        e = item.event
        print(f"\n{e.date.describe()}  {count(item.sources, 'source')}  {e.id}")
        print(f"  {e.label}")
    print_chart(found)
    return 0


def print_chart(found: Activity) -> None:
    """Coverage over time, as text (:func:`reader.analysis.activity.chart_lines`)."""
    from reader.analysis.activity import chart_lines

    print()
    for line in chart_lines(found, SOURCE_WIDTH):
        print(line)
