"""``reader index``, ``reader search``, ``reader show``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from reader.cli.context import (
    Context,
    Marks,
    UsageError,
    count,
    err,
    out_marked,
    print_json,
    wants_colour,
)
from reader.cli.progress import progress_bar

if TYPE_CHECKING:
    from reader.refresh import RefreshReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="build or update the index and say what changed")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search passages (Whoosh query language)")
    p.add_argument("query", nargs="+", help='e.g. Präsident AND source:reuters, "rote Linie"')
    p.add_argument("--limit", type=int, default=None, help="most hits to show")
    p.add_argument("--json", action="store_true", help="print hits as JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="print an article with its passages")
    p.add_argument("article_id")
    p.add_argument("--json", action="store_true", help="print the article as JSON")
    p.set_defaults(func=cmd_show)


def _bring_up_to_date(ctx: Context, quiet: bool) -> RefreshReport:
    """Update the index, analyse what is new and infer dates from the events (with a
    progress bar unless ``quiet``)."""
    from reader.refresh import refresh

    with progress_bar(False if quiet else None) as progress:
        return refresh(ctx.library, progress)


def _print_problems(report: RefreshReport) -> None:
    """The files, lines and articles that were skipped or only partly analysed."""
    for problem in report.problems:
        print(f"reader: {problem}", file=sys.stderr)


def ensure_index(ctx: Context, quiet: bool = False) -> None:
    """Update the index before answering, with a progress bar when it has work to do. A
    corpus none of whose paths exists is a usage error, not an empty answer."""
    corpus = ctx.config.corpus
    if corpus and not any(os.path.lexists(p) for p in corpus):
        named = ", ".join(str(p) for p in corpus)
        raise UsageError(
            f"the corpus does not exist: {named} (name files or folders with --corpus "
            "PATH or the 'corpus' key of config.yaml)"
        )
    refreshed = _bring_up_to_date(ctx, quiet)
    _print_problems(refreshed)
    assert refreshed.index is not None
    if refreshed.index.rebuilt:  # (on stderr: the answer on stdout may be JSON)
        err(f"reader: rebuilt the index: {refreshed.index.rebuild_reason}")
    if refreshed.index.articles == 0:
        paths = ", ".join(str(p) for p in ctx.config.corpus)
        print(
            f"reader: the corpus is empty ({paths}): add .txt, .md or .jsonl files, "
            "or name a corpus with --corpus PATH",
            file=sys.stderr,
        )


def cmd_index(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    refreshed = _bring_up_to_date(ctx, quiet=args.json)
    report, enriched, dated = refreshed.index, refreshed.analysis, refreshed.inferred_dates
    assert report is not None
    if args.json:
        data = refreshed.to_json()
        data["index_dir"] = str(library.paths.root)
        print_json(data)
        return 0
    _print_problems(refreshed)
    if report.rebuilt:
        print(f"rebuilt the index: {report.rebuild_reason}")
    if report.up_to_date:
        print(f"index is up to date: {report.articles} articles ({report.seconds:.2f} s)")
    else:
        print(
            f"indexed {report.articles} articles from {report.files} files "
            f"({report.added} added, {report.updated} updated, {report.removed} removed; "
            f"{report.files_read} files read) in {report.seconds:.2f} s"
        )
    if enriched.analysed or enriched.reindexed:
        print(
            f"analysed {count(enriched.analysed, 'article')} (dates, entities, statements) "
            f"and updated {enriched.reindexed} in the index in {enriched.seconds:.2f} s"
        )
    if dated:
        print(
            f"inferred the date of {count(len(dated), 'undated article')} from the events "
            "they report"
        )
    print(f"index: {library.paths.root}")
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    text = " ".join(args.query)
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    ensure_index(ctx, quiet=args.json)
    from reader.search.query import QueryError  # (the query parser: not for `reader index`)

    try:
        result = ctx.library.search(text, args.limit)
    except QueryError as exc:
        raise UsageError(f"bad query {text!r}: {exc}") from None
    if args.json:
        print_json(result.to_json())
        return 0
    for note in result.notes:
        print(f"reader: {note}", file=sys.stderr)
    folded = sum(len(more) for more in result.folded.values())
    print(
        f"{count(result.total, 'passage')} {'matches' if result.total == 1 else 'match'} "
        f"{text!r}"
        + (f"; showing {len(result.hits)}" if result.total > len(result.hits) else "")
        + (f" ({count(folded, 'hit')} on repeated showings folded)" if folded else "")
    )
    marks = Marks(wants_colour(sys.stdout))
    for hit in result.hits:
        date = hit.article.date.describe() if hit.article.date else "undated"
        out_marked(
            "\n"
            + marks.strong(hit.passage.id)
            + marks.plain(f"  {hit.article.source} · {date} · score {hit.score:.2f}")
        )
        print(f"  {hit.article.title}")
        repeat = result.repeats.get(hit.article.id)
        if repeat is not None:
            folded = len(result.folded.get(hit.passage.id, ()))
            more = f"; {count(folded, 'hit')} on other showings folded here" if folded else ""
            print(f"  ({repeat.describe()}{more})")
        for frag in hit.fragments:
            before = "… " if frag.start > 0 else ""
            after = " …" if frag.end < len(hit.passage.text) else ""
            spans = [(s - frag.start, e - frag.start) for s, e in frag.matches]
            out_marked(f"  {before}{marks.matched(frag.text.replace(chr(10), ' '), spans)}{after}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    ensure_index(ctx, quiet=args.json)
    article = ctx.library.article(args.article_id)
    if article is None:
        raise UsageError(f"no article with id {args.article_id!r} (try: reader search …)")
    if args.json:
        data = article.to_json()
        data["text"] = article.text
        print_json(data)
        return 0
    date = article.date.describe() if article.date else "undated"
    print(article.title)
    print(f"{article.source} · {date}" + (f" · {article.place}" if article.place else ""))
    for p in article.passages[1:]:
        print(f"\n[{p.id}]\n{p.text}")
    return 0
