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
    find_passage,
    passage_words,
    resolve_all,
)
from reader.bookmarks.store import atomic_write
from reader.bookmarks.words import EXAMPLE, WordRangeError, format_word_range, parse_word_range
from reader.cli.context import Context, UsageError, print_json, raw_stream
from reader.corpus.visible import shorten

T = TypeVar("T")
QUOTE_WIDTH = 160


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser(
        "bookmarks",
        help="list, add, edit, remove and export bookmarks",
        description="Bookmarks live in one YAML file (config key 'bookmarks'; default "
        "$XDG_DATA_HOME/reader/bookmarks.yaml) that you may also edit by hand. Each records "
        "the corpus it was made on: list and export show the open corpus's (--all: every "
        "corpus's).",
    )
    top.set_defaults(
        func=cmd_list, tag=None, source=None, text=None, json=False, check=True, all=False
    )
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
        metavar="FIRST-LAST",
        help=f"only words FIRST to LAST of the passage, counting from 1, both included "
        f"(e.g. {EXAMPLE}; '5' one word, '3-' to the end), as the app's words box",
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
    p.add_argument(
        "--all",
        action="store_true",
        help="the bookmarks of every corpus (each with its corpus), not only the open one's",
    )


def passage_word_range(library: Any, passage_id: str, words: str | None) -> tuple[int, int] | None:
    """``--words`` of a passage (``17-27``, counting from 1, both included) as indexes;
    a :class:`UsageError` naming the range and the passage's word count when it does not
    fit, or when the passage is unknown."""
    if words is None:
        return None
    try:
        _, passage = find_passage(library, passage_id)
        return parse_word_range(words, len(passage_words(passage.text)), passage=passage.id)
    except (UnknownPassage, WordRangeError) as exc:
        raise UsageError(str(exc)) from None


# --- helpers ------------------------------------------------------------------------------


def open_store(ctx: Context) -> BookmarkStore:
    """The bookmarks file, opened for the corpus of this run."""
    return BookmarkStore(ctx.config.resolved_bookmarks(), corpus=ctx.config.bookmarks_corpus())


def _tell(store: BookmarkStore) -> None:
    """What the store did by itself (an upgrade of the file), on stderr, once."""
    for notice in store.notices:
        print(f"reader: note: {notice}", file=sys.stderr)
    store.notices.clear()


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
    _tell(store)
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


def _claim_found(store: BookmarkStore, anchors: dict[str, Anchor]) -> None:
    """Bookmarks of no corpus yet (from before bookmarks recorded one) that were found in
    this corpus now belong to it; a file that cannot be written only leaves them as they
    are."""
    try:
        claimed = store.claim_found(anchors)
    except (BookmarkLockTimeout, BookmarkWriteError, BookmarkFileError) as exc:
        print(f"reader: warning: {exc}", file=sys.stderr)
        return
    if claimed:
        n = len(claimed)
        print(
            f"reader: note: {n} bookmark{'s' if n != 1 else ''} of no corpus yet (made before "
            f"bookmarks recorded their corpus) {'were' if n != 1 else 'was'} found in this "
            f"corpus and now belong{'s' if n == 1 else ''} to it",
            file=sys.stderr,
        )


def corpus_label(bm: Bookmark) -> str:
    """The corpus a bookmark was made on, for a listing of every corpus's bookmarks."""
    if bm.corpus is None:
        return "no corpus recorded (made before bookmarks recorded one; shown with every corpus)"
    return ", ".join(bm.corpus)


def _print_one(bm: Bookmark, anchor: Anchor | None = None, *, corpus: bool = False) -> None:
    status = f"  [{anchor.status}: {anchor.describe()}]" if anchor and anchor.status != "ok" else ""
    when = bm.created.replace("T", " ")[:16]
    words = f" words {format_word_range(bm.words)}" if bm.words is not None else ""
    print(
        f"{bm.id}  {when}  {bm.source or 'unknown source'} · {bm.date or 'undated'}"
        f"  {bm.passage_id}{words}{status}"
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
    if corpus:
        print(f"  corpus: {corpus_label(bm)}")


# --- commands -----------------------------------------------------------------------------


def _listed(args: argparse.Namespace, store: BookmarkStore) -> list[Bookmark]:
    return store.filtered(tag=args.tag, source=args.source, text=args.text, every_corpus=args.all)


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    store = _loaded(ctx)
    bookmarks = _listed(args, store)
    anchors: dict[str, Anchor] = {}
    if args.check:  # (another corpus's bookmarks are not looked for in this one)
        anchors = _anchors(ctx, [bm for bm in bookmarks if store.is_here(bm)], quiet=args.json)
        _claim_found(store, anchors)
        bookmarks = _listed(args, store)
    if args.json:
        data: dict[str, Any] = {
            "file": str(store.path),
            "corpus": list(store.corpus or ()),
            "all": args.all,
            "count": len(bookmarks),
            "bookmarks": [bookmark_json(bm, anchors.get(bm.id)) for bm in bookmarks],
        }
        print_json(data)
        return 0
    elsewhere = 0 if args.all else store.elsewhere()
    more = f" ({elsewhere} more in other corpora: reader bookmarks list --all)" if elsewhere else ""
    if not bookmarks:
        what = "no bookmarks match" if (args.tag or args.source or args.text) else "no bookmarks"
        here = "" if args.all else " of this corpus"
        print(f"{what}{here} in {store.path}{more}")
        return 0
    for i, bm in enumerate(bookmarks):
        if i:
            print()
        _print_one(bm, anchors.get(bm.id), corpus=args.all)
    if more:
        print(f"\n{more.strip(' ()')}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.core_commands import ensure_index

    store = open_store(ctx)
    ensure_index(ctx, quiet=args.json)
    words = passage_word_range(ctx.library, args.passage_id, args.words)
    try:
        bm = _guarded(
            lambda: store.add_passage(
                ctx.library,
                args.passage_id,
                words=words,
                note=args.note,
                tags=args.tag,
            )
        )
    except ValueError as exc:  # a word range outside the passage
        raise UsageError(str(exc)) from None
    _tell(store)
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
    _tell(store)
    if args.json:
        print_json(bookmark_json(bm))
    else:
        print(f"edited {bm.id}")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    store = open_store(ctx)
    bm = _guarded(lambda: store.remove(args.bookmark_id))
    _tell(store)
    if args.json:
        print_json(bookmark_json(bm))
    else:
        print(f"removed {bm.id}: {_short(bm.quote, 100)}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    store = _loaded(ctx)
    bookmarks = _listed(args, store)
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
