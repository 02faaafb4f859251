"""``reader analyze FILE`` (no index needed) and ``reader entities`` (the corpus table)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.context import Context, UsageError, print_json
from reader.corpus.decode import SkipFile, decode_bytes
from reader.corpus.formats import DATE_MARKER
from reader.corpus.model import When


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="entities and dates of a text file (no index needed)")
    p.add_argument("file", type=Path)
    p.add_argument("--date", help="the text's date, YYYY[-MM[-DD]], to resolve relative dates")
    p.add_argument("--json", action="store_true", help="print JSON (offsets into the text)")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("entities", help="entities of the whole corpus with mentions per source")
    p.add_argument("--limit", type=int, default=None, help="most rows to show")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    p.set_defaults(func=cmd_entities)


def cmd_analyze(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.dates import find_dates, infer_article_date
    from reader.analysis.pipeline import make_recognizer
    from reader.analysis.spans import is_part

    try:
        text = decode_bytes(args.file.read_bytes()).text
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read ({exc.strerror})") from None
    except SkipFile as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    if args.date:
        try:
            date: When | None = When.parse_iso(args.date)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    else:
        marker = DATE_MARKER.match(text)
        date = When.parse_iso(marker.group(1)) if marker else infer_article_date(text)
    entities = make_recognizer(ctx.config.gazetteer).find(text)
    dates = find_dates(text, date)
    if args.json:
        print_json(
            {
                "file": str(args.file),
                "date": date.to_json() if date else None,
                "entities": [s.to_json() for s in entities],
                "dates": [s.to_json() for s in dates],
            }
        )
        return 0
    parts = sum(1 for s in entities if is_part(s.label))
    print(
        f"{args.file}: {len(entities) - parts} entities, {parts} inside compounds, "
        f"{len(dates)} dates" + (f" (reference date {date.describe()})" if date else "")
    )
    for span in sorted([*entities, *dates], key=lambda s: s.start):
        what = span.canonical if span.canonical and span.canonical != span.text else ""
        if span.value is not None:
            what = span.value.describe()
        print(
            f"{span.start:>6}-{span.end:<6} {span.label:<7} {span.text}"
            + (f"  → {what}" if what else "")
        )
    return 0


def cmd_entities(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.entity_table import corpus_entities
    from reader.cli.core_commands import ensure_index

    ensure_index(ctx, quiet=args.json)
    rows = corpus_entities(ctx.library)
    if args.limit is not None:
        if args.limit < 1:
            raise UsageError("--limit must be at least 1")
        rows = rows[: args.limit]
    if args.json:
        print_json({"entities": [r.to_json() for r in rows]})
        return 0
    for row in rows:
        sources = ", ".join(f"{s} {n}" for s, n in row.by_source.most_common())
        parts = f", +{row.parts} inside compounds" if row.parts else ""
        print(f"{row.mentions:>5}  {row.label:<3}  {row.name}  ({sources}{parts})")
    return 0
