"""``reader statements`` (who said what) and ``reader coverage`` (which outlet reported it)."""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TYPE_CHECKING

from reader.cli.context import Context, UsageError, count, print_json
from reader.cli.core_commands import ensure_index
from reader.corpus.visible import shorten

if TYPE_CHECKING:
    from reader.analysis.coverage import StatementRow

SNIPPET = 100


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "statements",
        help="attributed statements (who said what) and their groups across sources",
        description="Statements in quotes (direct), in reported speech (indirect) and by "
        "attribution ('laut', 'zufolge', a headline's colon: according_to); statements that "
        "report the same thing by the same speaker share a group.",
    )
    p.add_argument("--speaker", metavar="NAME", help="only statements by this speaker")
    p.add_argument("--source", metavar="S", help="only statements in this source")
    p.add_argument("--json", action="store_true", help="print statements and groups as JSON")
    p.set_defaults(func=cmd_statements)

    p = sub.add_parser(
        "coverage",
        help="statement groups × sources: who reported what, quoted or paraphrased",
        description="Rows are statement groups, columns the corpus's sources: Q quoted, "
        "P paraphrased, · not reported. Per source: the groups only it reports and the "
        "groups at least two others report that it leaves out.",
    )
    p.add_argument(
        "--min-sources",
        type=int,
        default=1,
        metavar="N",
        help="only groups reported by at least N sources (default 1)",
    )
    p.add_argument(
        "--sort",
        choices=("sources", "speaker"),
        default="sources",
        help="order of the rows (default: most sources first)",
    )
    p.add_argument("--format", choices=("text", "md", "csv"), default="text")
    p.add_argument("--json", action="store_true", help="print the matrix as JSON")
    p.set_defaults(func=cmd_coverage)


def _pick(wanted: str, known: list[str], what: str) -> set[str]:
    """The known names that ``wanted`` names (whole name, or a word of it, any case); a
    name that matches none is a usage error with the nearest names."""
    low = wanted.casefold().strip()
    found = {k for k in known if k.casefold() == low}
    if not found:
        found = {k for k in known if low in k.casefold().split()}
    if not found:
        words = {w.casefold(): k for k in known for w in k.split()}
        near = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
        near += [words[w] for w in difflib.get_close_matches(low, list(words), n=3, cutoff=0.7)]
        near = list(dict.fromkeys(near))[:3]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"--{what} {wanted!r}: no statements by that {what}{hint}")
    return found


def cmd_statements(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.coverage import statements

    ensure_index(ctx, quiet=args.json)
    table = statements(ctx.library)
    rows = table.rows
    if args.speaker:
        names = _pick(
            args.speaker, sorted({r.statement.who for r in rows if r.statement.who}), "speaker"
        )
        rows = [r for r in rows if r.statement.who in names]
    if args.source:
        sources = _pick(args.source, table.sources, "source")
        rows = [r for r in rows if r.source in sources]
    wanted = {r.group for r in rows}
    groups = [g for g in table.groups if g.id in wanted]
    if args.json:
        print_json(
            {"statements": [r.to_json() for r in rows], "groups": [g.to_json() for g in groups]}
        )
        return 0
    if not rows:
        print("No statements found." if not table.rows else "No statements match.", file=sys.stderr)
        return 0
    by_speaker: dict[str, list[StatementRow]] = {}
    for row in rows:
        by_speaker.setdefault(row.statement.who or "(speaker unknown)", []).append(row)
    for speaker in sorted(by_speaker, key=lambda s: (-len(by_speaker[s]), s)):
        mine = by_speaker[speaker]
        in_sources = count(len({r.source for r in mine}), "source")
        print(f"{speaker} — {count(len(mine), 'statement')}, {in_sources}")
        for row in mine:
            s = row.statement
            text = shorten(s.text, SNIPPET)
            via = f" via {', '.join(s.relays)}" if s.relays else ""
            teaser = " (teaser)" if s.teaser else ""
            date = row.date.iso() if row.date else "undated"
            print(f"  {row.id}  {s.mode:<12} {row.source} {date} [{row.group}]{via}{teaser}")
            print(f"      {s.cue}: {text}")
    print(f"{count(len(rows), 'statement')} in {count(len(groups), 'group')}.")
    return 0


def cmd_coverage(args: argparse.Namespace, ctx: Context) -> int:
    from reader.analysis.coverage import per_source, statements
    from reader.cli import coverage_table

    if args.min_sources < 1:
        raise UsageError("--min-sources must be at least 1")
    if args.json and args.format != "text":
        raise UsageError("--json and --format are alternatives: give one of them")
    ensure_index(ctx, quiet=args.json or args.format != "text")
    table = statements(ctx.library)
    groups = [g for g in table.groups if len(g.sources) >= args.min_sources]
    if args.sort == "speaker":
        groups.sort(key=lambda g: (g.speaker.casefold(), -len(g.sources)))
    cells = table.cells()
    sources = table.sources
    novelty = per_source(table, table.groups)
    if args.json:
        print_json(
            {
                "sources": sources,
                "groups": [g.to_json() for g in groups],
                "cells": {
                    g.id: {
                        s: {"statements": c.statements, "modes": c.modes}
                        for s, c in cells.get(g.id, {}).items()
                    }
                    for g in groups
                },
                "per_source": [n.to_json() for n in novelty],
            }
        )
        return 0
    if args.format == "md":
        sys.stdout.write(coverage_table.markdown(groups, sources, cells))
        return 0
    if args.format == "csv":
        sys.stdout.write(coverage_table.csv_text(groups, sources, cells))
        return 0
    if not groups:
        print("No statement groups.", file=sys.stderr)
        return 0
    for line in coverage_table.text_table(groups, sources, cells):
        print(line)
    lines = coverage_table.novelty_lines(novelty)
    if lines:
        print()
        for line in lines:
            print(line)
    return 0
