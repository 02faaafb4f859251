"""``reader add URL…``: bring articles in from the web (see :mod:`reader.ingest`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.context import Context, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="fetch article pages and store them in the corpus")
    p.add_argument("urls", nargs="+", metavar="URL", help="http or https address of an article")
    p.add_argument("--corpus", dest="add_corpus", metavar="DIR",
                   help="folder to store into (default: the inbox in the data folder)")
    p.add_argument("--refresh", action="store_true", help="fetch again what is already stored")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per page (default 15)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_add)


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.core_commands import ensure_index
    from reader.ingest.add import add_urls
    from reader.ingest.store import inbox_dir

    folder = Path(args.add_corpus).expanduser().resolve() if args.add_corpus else inbox_dir()
    report = add_urls(args.urls, folder, refresh=args.refresh, timeout=args.timeout)
    for url, reason in report.failed:
        print(f"reader: {url}: {reason}", file=sys.stderr)
    if report.new or report.updated:
        index_ctx = Context(ctx._config_path, [str(folder)]) if args.add_corpus else ctx
        ensure_index(index_ctx, quiet=True)
    if args.json:
        print_json({"folder": str(folder), "new": report.new, "updated": report.updated,
                    "kept": report.kept,
                    "failed": [{"url": u, "reason": r} for u, r in report.failed]})
    else:
        for path in report.new:
            print(f"added {path}")
        for path in report.updated:
            print(f"updated {path}")
        for path in report.kept:
            print(f"already stored (use --refresh to fetch again): {path}")
    return 1 if report.failed else 0
