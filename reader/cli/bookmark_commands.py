"""``reader bookmarks list|add|edit|remove|export``: the bookmarks file from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from reader.bookmarks import (
    FORMATS,
    Anchor,
    Bookmark,
    BookmarkFileError,
    BookmarkLockTimeout,
    BookmarkStore,
    BookmarkWriteError,
    UnknownBookmark,
    UnknownPassage,
    bookmark_json,
    export,
    resolve_all,
)
from reader.bookmarks.store import atomic_write
from reader.cli.context import Context, UsageError, print_json, raw_stream
from reader.corpus.visible import shorten

T = TypeVar("T")
QUOTE_WIDTH = 160


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser(
        "bookmarks",
        help="list, add, edit, remove and export bookmarks",
        description="Bookmarks live in one YAML file (config key 'bookmarks'; default "
        "$XDG_DATA_HOME/reader/bookmarks.yaml) that you may also edit by hand.",
    )
    top.set_defaults(func=cmd_list, tag=None, source=None, text=None, json=False, check=True)
    bsub = top.add_subparsers(dest="bookmarks_command", metavar="ACTION")

    p = bsub.add_parser("list", help="bookmarks, newest first, with where each is now")
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.add_argument(
        "--no-check",
        dest="check",
        action="store_false",
        help="do not open the library to check whether passages moved or changed",
    )
    p.set_defaults(func=cmd_list)

    p = bsub.add_parser("add", help="bookmark a passage by id (see: reader search)")
    p.add_argument("passage_id", metavar="PASSAGE_ID", help="e.g. 001_71db2df63f5cd903#p3")
    p.add_argument("--note", default="", help="a note to keep with it")
    p.add_argument("--tag", action="append", default=[], help="a tag; repeat for several")
    p.add_argument(
        "--words",
        metavar="FIRST:LAST",
        type=_word_range,
        help="only words FIRST to LAST-1 of the passage (counting from 0)",
    )
    p.add_argument("--json", action="store_true", help="print the new bookmark as JSON")
    p.set_defaults(func=cmd_add)

    p = bsub.add_parser("edit", help="change a bookmark's note or tags")
    p.add_argument("bookmark_id", metavar="ID")
    p.add_argument("--note", default=None, help="the new note ('' to clear it)")
    p.add_argument("--tag", action="append", default=None, help="the new tags (repeat)")
    p.add_argument("--no-tags", action="store_true", help="remove all tags")
    p.add_argument("--json", action="store_true", help="print the bookmark as JSON")
    p.set_defaults(func=cmd_edit)

    p = bsub.add_parser("remove", help="delete a bookmark")
    p.add_argument("bookmark_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print the removed bookmark as JSON")
    p.set_defaults(func=cmd_remove)

    p = bsub.add_parser("export", help="bookmarks as Markdown, JSON or YAML")
    p.add_argument("--format", choices=FORMATS, default="md", help="md (default), json, yaml")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    _add_filters(p)
    p.set_defaults(func=cmd_export)


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", help="only bookmarks with this tag")
    p.add_argument("--source", help="only bookmarks whose source contains this")
    p.add_argument("--text", help="only bookmarks whose quote, note or tags contain this")


def _word_range(text: str) -> tuple[int, int]:
    first, sep, last = text.partition(":")
    if not sep or not first.isdigit() or not last.isdigit() or int(first) >= int(last):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a word range FIRST:LAST with FIRST < LAST, e.g. 3:9"
        )
    return int(first), int(last)


# --- helpers ------------------------------------------------------------------------------


def open_store(ctx: Context) -> BookmarkStore:
    return BookmarkStore(ctx.config.resolved_bookmarks())


def _guarded(action: Callable[[], T]) -> T:
    """Run a store action, turning its errors into one-line messages (exit status 2)."""
    try:
        return action()
    except (
        BookmarkFileError,
        BookmarkLockTimeout,
        BookmarkWriteError,
        UnknownBookmark,
        UnknownPassage,
    ) as exc:
        raise UsageError(str(exc)) from None


def _loaded(ctx: Context) -> BookmarkStore:
    store = open_store(ctx)
    _guarded(store.load)
    for warning in store.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    return store


def _anchors(ctx: Context, bookmarks: list[Bookmark], quiet: bool) -> dict[str, Anchor]:
    from reader.cli.core_commands import ensure_index

    if not bookmarks:
        return {}
    ensure_index(ctx, quiet=quiet)
    return resolve_all(bookmarks, ctx.library)


def _short(text: str, width: int = QUOTE_WIDTH) -> str:
    return shorten(text, width)


def _print_one(bm: Bookmark, anchor: Anchor | None = None) -> None:
    status = f"  [{anchor.status}: {anchor.describe()}]" if anchor and anchor.status != "ok" else ""
    when = bm.created.replace("T", " ")[:16]
    print(
        f"{bm.id}  {when}  {bm.source or 'unknown source'} · {bm.date or 'undated'}"
        f"  {bm.passage_id}{status}"
    )
    print(f"  > {_short(bm.quote)}")
    if anchor is not None and anchor.status == "changed" and anchor.new_text is not None:
        print(f"  now: {_short(anchor.new_text)}")
    extra = []
    if bm.note:
        extra.append(f"note: {_short(bm.note, 100)}")
    if bm.tags:
        extra.append("tags: " + ", ".join(bm.tags))
    if extra:
        print("  " + " · ".join(extra))


# --- commands -----------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    store = _loaded(ctx)
    bookmarks = store.filtered(tag=args.tag, source=args.source, text=args.text)
    anchors = _anchors(ctx, bookmarks, quiet=args.json) if args.check else {}
    if args.json:
        data: dict[str, Any] = {
            "file": str(store.path),
            "count": len(bookmarks),
            "bookmarks": [bookmark_json(bm, anchors.get(bm.id)) for bm in bookmarks],
        }
        print_json(data)
        return 0
    if not bookmarks:
        what = "no bookmarks match" if (args.tag or args.source or args.text) else "no bookmarks"
        print(f"{what} in {store.path}")
        return 0
    for i, bm in enumerate(bookmarks):
        if i:
            print()
        _print_one(bm, anchors.get(bm.id))
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.core_commands import ensure_index

    store = open_store(ctx)
    ensure_index(ctx, quiet=args.json)
    try:
        bm = _guarded(
            lambda: store.add_passage(
                ctx.library,
                args.passage_id,
                words=args.words,
                note=args.note,
                tags=args.tag,
            )
        )
    except ValueError as exc:  # a word range outside the passage
        raise UsageError(str(exc)) from None
    if args.json:
        print_json(bookmark_json(bm))
    else:
        print(f"added {bm.id}: {_short(bm.quote, 100)} ({store.path})")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    if args.note is None and args.tag is None and not args.no_tags:
        raise UsageError("nothing to change: give --note, --tag or --no-tags")
    tags = [] if args.no_tags else args.tag
    store = open_store(ctx)
    bm = _guarded(lambda: store.edit(args.bookmark_id, note=args.note, tags=tags))
    if args.json:
        print_json(bookmark_json(bm))
    else:
        print(f"edited {bm.id}")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    store = open_store(ctx)
    bm = _guarded(lambda: store.remove(args.bookmark_id))
    if args.json:
        print_json(bookmark_json(bm))
    else:
        print(f"removed {bm.id}: {_short(bm.quote, 100)}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    store = _loaded(ctx)
    bookmarks = store.filtered(tag=args.tag, source=args.source, text=args.text)
    text = export(bookmarks, args.format)
    if not args.output:
        # Markdown and CSV are text for a terminal (control characters shown as escapes);
        # JSON is data and goes out as it is.
        (raw_stream(sys.stdout) if args.format == "json" else sys.stdout).write(text)
        return 0
    target = Path(args.output).expanduser()
    if target.resolve() == store.path:
        raise UsageError(f"{target}: that is the bookmarks file itself; choose another name")
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the export: {exc.strerror}") from None
    print(f"exported {len(bookmarks)} bookmarks to {target}", file=sys.stderr)
    return 0
