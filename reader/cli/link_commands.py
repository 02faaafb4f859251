"""``reader timeline``, ``reader related``, ``reader compare``: how outlets reported the same
moments, from the shell."""

from __future__ import annotations

import argparse
import sys

from reader.cli.context import Context, UsageError, count, err, print_json
from reader.cli.core_commands import ensure_index
from reader.corpus.visible import shorten

SNIPPET = 110
LINK_WORDS = {"statement": "  [same statement]", "occasion": "  [same statement, another occasion]"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timeline",
        help="dated events with the passages and sources that report them",
        description="Events are passages that mention the same resolved date and the same "
        "happening; undated articles are placed by the event they report (marked inferred).",
    )
    p.add_argument(
        "--min-sources",
        type=int,
        default=1,
        metavar="N",
        help="only events reported by at least N sources (default 1)",
    )
    p.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="also say on stderr which undated articles were dated by the events they report",
    )
    p.add_argument(
        "--story", metavar="ID", help="only the events of this story (and who ran it when)"
    )
    p.add_argument(
        "--chart",
        action="store_true",
        help="how many items each outlet ran per day: of the story with --story, else of "
        "the whole corpus",
    )
    p.add_argument("--json", action="store_true", help="print events as JSON")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser(
        "related",
        help="passages of other articles that report the same thing",
        description="Ranks passages of other articles (other sources first) by shared rare "
        "words, names and dates; shows nothing below a threshold.",
    )
    p.add_argument("passage_id", help="a passage id such as 001_71db2df63f5cd903#p3")
    p.add_argument("--limit", type=int, default=10, help="most passages to show (default 10)")
    p.add_argument("--json", action="store_true", help="print related passages as JSON")
    p.set_defaults(func=cmd_related)

    p = sub.add_parser("compare", help="two passages word by word")
    p.add_argument("a", help="passage id")
    p.add_argument("b", help="passage id")
    p.add_argument("--json", action="store_true", help="print the segments as JSON")
    p.set_defaults(func=cmd_compare)


def cmd_timeline(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.timeline import timeline

    if args.min_sources < 1:
        raise UsageError("--min-sources must be at least 1")
    ensure_index(ctx, quiet=args.json)
    if args.story:
        from reader.cli.event_commands import print_story

        return print_story(ctx, timeline(ctx.library), args.story, args.json)
    if args.chart:
        from reader.analysis.activity import corpus_activity
        from reader.cli.event_commands import print_chart

        found = corpus_activity(ctx.library.summaries())
        if args.json:
            print_json({"activity": found.to_json()})
        else:
            print_chart(found)
        return 0
    if args.json:
        from reader.analysis.timeline_output import timeline_text
        from reader.cli.context import JSON_LAYOUT, json_text, raw_stream

        text = timeline_text(ctx.library, json_text, JSON_LAYOUT, args.min_sources)
        raw_stream(sys.stdout).write(text + "\n")
        return 0
    result = timeline(ctx.library)
    events = result.filtered(args.min_sources)
    if args.verbose:  # a note, not the answer: on stderr
        for aid, inferred in result.inferred_dates.items():
            err(f"reader: {aid}: dated {inferred.date.describe()} from the event it reports")
    print(
        count(len(events), "event")
        + (f" reported by {args.min_sources}+ sources" if args.min_sources > 1 else "")
    )
    for event in events:
        print(f"\n{event.date.describe()}  {event.label}")
        story = f" · story {event.story}" if event.story and event.story != event.id else ""
        print(f"  event {event.id}{story}")
        print(f"  sources: {', '.join(event.sources)}")
        for p in event.passages:
            said = f"»{p.text}«" if p.text else "(reports it; no date named)"
            print(f"  {p.passage_id}  {p.source}  {said}")
    return 0


def cmd_related(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.related import UnknownPassage, related

    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    ensure_index(ctx, quiet=args.json)
    library = ctx.library
    passage = library.passage(args.passage_id)
    if passage is None:
        raise UsageError(_unknown(args.passage_id))
    try:
        results = related(library, args.passage_id, args.limit)
    except UnknownPassage:
        raise UsageError(_unknown(args.passage_id)) from None
    if args.json:
        print_json(
            {
                "passage_id": passage.id,
                "text": passage.text,
                "related": [r.to_json() for r in results],
            }
        )
        return 0
    print(f"{passage.id}: {_snippet(passage.text)}")
    if not results:
        print("no related passages in other articles")
        return 0
    for r in results:
        print(
            f"\n{r.score:.2f}  {r.passage_id}  {r.source or 'unknown'}"
            + ("  (same source)" if r.same_source else "")
            + LINK_WORDS.get(r.link, "")
        )
        print(f"  {_snippet(r.text)}")
        why = []
        if r.terms:
            why.append("words: " + ", ".join(r.terms))
        if r.entities:
            why.append("names: " + ", ".join(r.entities))
        if r.dates:
            why.append("dates: " + ", ".join(r.dates))
        print("  shared " + "; ".join(why) if why else "  linked by the statement it reports")
    return 0


def cmd_compare(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.text_diff import compare, shared_phrases

    ensure_index(ctx, quiet=args.json)
    library = ctx.library
    a, b = library.passage(args.a), library.passage(args.b)
    for pid, found in ((args.a, a), (args.b, b)):
        if found is None:
            raise UsageError(_unknown(pid))
    assert a is not None and b is not None
    segments = compare(a.text, b.text)
    shared = shared_phrases(a.text, b.text)
    if args.json:
        print_json(
            {
                "a": a.id,
                "b": b.id,
                "similarity": round(shared.similarity, 3),
                "shared": {"a": shared.a, "b": shared.b},
                "segments": [s.to_json() for s in segments],
            }
        )
        return 0
    print(f"{a.id}\n  {_marked(a.text, shared.a)}\n{b.id}\n  {_marked(b.text, shared.b)}")
    print(f"{shared.similarity:.0%} of the wording shared ([…]: in both, in any order)")
    return 0


def _marked(text: str, shared: list[tuple[int, int]]) -> str:
    """``text`` with the phrases the other passage shares in brackets."""
    out, pos = [], 0
    for start, end in sorted(shared):
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _unknown(pid: str) -> str:
    return (
        f"no passage with id {pid!r} (ids look like ARTICLE_ID#pN; "
        "see reader show ARTICLE_ID or reader search)"
    )


def _snippet(text: str) -> str:
    return shorten(text, SNIPPET)
