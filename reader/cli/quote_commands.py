"""``reader quote PASSAGE_ID [--words FIRST-LAST]``: a passage as a quote to paste, the same
line the app's copy key puts on the clipboard."""

from __future__ import annotations

import argparse

from reader.bookmarks import UnknownPassage, find_passage
from reader.bookmarks.quote import passage_quote
from reader.bookmarks.words import EXAMPLE, shown_numbers
from reader.cli.bookmark_commands import passage_word_range
from reader.cli.context import Context, UsageError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quote",
        help="a passage (or some of its words) as a quote with source, date and URL",
        description="Prints „passage text“ — Source, date, URL: the line the app's "
        "copy-quote key copies.",
    )
    p.add_argument("passage_id", metavar="PASSAGE_ID", help="e.g. 001_71db2df63f5cd903#p3")
    p.add_argument(
        "--words",
        metavar="FIRST-LAST",
        help=f"only words FIRST to LAST of the passage, counting from 1, both included "
        f"(e.g. {EXAMPLE}), as in 'reader bookmarks add' and the app's words box",
    )
    p.add_argument("--json", action="store_true", help="print the quote and its parts as JSON")
    p.set_defaults(func=cmd_quote)


def cmd_quote(args: argparse.Namespace, ctx: Context) -> int:
    from reader.cli.core_commands import ensure_index

    ensure_index(ctx, quiet=args.json)
    words = passage_word_range(ctx.library, args.passage_id, args.words)
    try:
        article, passage = find_passage(ctx.library, args.passage_id)
        quote = passage_quote(article, passage, words)
    except (UnknownPassage, ValueError) as exc:  # (ValueError: words outside the passage)
        raise UsageError(str(exc)) from None
    if args.json:
        print_json(
            {
                "passage": passage.id,
                "article": article.id,
                "words": list(shown_numbers(words)) if words else None,
                "source": article.source,
                "date": article.date.to_json() if article.date else None,
                "url": article.url,
                "quote": quote,
            }
        )
    else:
        print(quote)
    return 0
