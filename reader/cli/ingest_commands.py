"""``reader add URL…``: bring articles in from the web (see :mod:`reader.ingest`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.context import Context, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="fetch article pages and store them in the corpus")
    p.add_argument("urls", nargs="+", metavar="URL", help="http or https address of an article")
    p.add_argument(
        "--corpus",
        dest="add_corpus",
        metavar="DIR",
        help="folder to store into (default: the inbox in the data folder)",
    )
    p.add_argument("--refresh", action="store_true", help="fetch again what is already stored")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per page (default 15)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_add)
    register_feeds(sub)


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
        print_json(
            {
                "folder": str(folder),
                "new": report.new,
                "updated": report.updated,
                "kept": report.kept,
                "failed": [{"url": u, "reason": r} for u, r in report.failed],
            }
        )
    else:
        for path in report.new:
            print(f"added {path}")
        for path in report.updated:
            print(f"updated {path}")
        for path in report.kept:
            print(f"already stored (use --refresh to fetch again): {path}")
    return 1 if report.failed else 0


def register_feeds(sub: argparse._SubParsersAction) -> None:
    feeds = sub.add_parser("feeds", help="follow RSS/Atom feeds").add_subparsers(
        dest="feeds_command", metavar="ACTION", required=True
    )
    p = feeds.add_parser("add", help="follow a feed")
    p.add_argument("url")
    p.add_argument("--name", help="what to call it (default: the URL)")
    p.set_defaults(func=cmd_feeds_add)
    p = feeds.add_parser("list", help="the feeds followed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_feeds_list)
    p = feeds.add_parser("remove", help="stop following a feed (by URL or name)")
    p.add_argument("feed")
    p.set_defaults(func=cmd_feeds_remove)
    p = feeds.add_parser("update", help="fetch the feeds and store new articles")
    p.add_argument(
        "--corpus",
        dest="add_corpus",
        metavar="DIR",
        help="folder to store into (default: the inbox in the data folder)",
    )
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_feeds_update)


def _feed_call(func, *args):
    from reader.cli.context import UsageError
    from reader.ingest.feeds import FeedListError
    from reader.ingest.fetch import FetchError

    try:
        return func(*args)
    except (FeedListError, FetchError) as exc:
        raise UsageError(str(exc)) from None


def cmd_feeds_add(args: argparse.Namespace, ctx: Context) -> int:
    from reader.ingest.feeds import add_feed

    feed = _feed_call(add_feed, args.url, args.name)
    print(f"following {feed['name']} ({feed['url']})")
    return 0


def cmd_feeds_list(args: argparse.Namespace, ctx: Context) -> int:
    from reader.ingest.feeds import load_feeds

    feeds = _feed_call(load_feeds)
    if args.json:
        print_json(
            [
                {
                    "name": f.get("name"),
                    "url": f["url"],
                    "checked": f.get("checked"),
                    "entries_seen": len(f.get("seen") or []),
                }
                for f in feeds
            ]
        )
        return 0
    for f in feeds:
        print(f"{f.get('name')}  {f['url']}  (last checked {f.get('checked') or 'never'})")
    return 0


def cmd_feeds_remove(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.context import UsageError
    from reader.ingest.feeds import remove_feed

    if not _feed_call(remove_feed, args.feed):
        raise UsageError(f"no feed {args.feed!r} (see: reader feeds list)")
    print(f"no longer following {args.feed}")
    return 0


def cmd_feeds_update(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.core_commands import ensure_index
    from reader.ingest.feeds import update_feeds
    from reader.ingest.store import inbox_dir

    folder = Path(args.add_corpus).expanduser().resolve() if args.add_corpus else inbox_dir()
    report = _feed_call(lambda: update_feeds(folder, timeout=args.timeout))
    for url, reason in report.failed:
        print(f"reader: {url}: {reason}", file=sys.stderr)
    for url, reason in report.summaries:
        print(f"reader: {url}: {reason}; stored the feed's summary instead", file=sys.stderr)
    if report.new or report.updated:
        index_ctx = Context(ctx._config_path, [str(folder)]) if args.add_corpus else ctx
        ensure_index(index_ctx, quiet=True)
    if args.json:
        print_json(report.to_json())
    else:
        print(
            f"{len(report.new)} new, {len(report.updated)} updated, "
            f"{len(report.summaries)} summary only, {len(report.failed)} failed, "
            f"{len(report.not_modified)} feeds not modified"
        )
    return 1 if report.failed else 0
