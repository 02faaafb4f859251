"""What each command's ``--help`` says beyond its options: a one-line summary, a longer
description where one helps, and examples to copy. ``reader search --help`` also lists the
query language, its fields taken from the query parser's own table
(:data:`reader.search.schema.QUERY_FIELDS`), so the list cannot fall behind the code.

:func:`document` adds these to the parsers the command modules built; the modules keep their
options (and the descriptions some of them give).
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass

PASSAGE = "001_71db2df63f5cd903#p3"
OTHER_PASSAGE = "000_c7c4b8e3e078befc#p6"
ARTICLE = "001_71db2df63f5cd903"
WIDTH = 79
"""The width the query language's table is laid out for (it is printed as written)."""


@dataclass(frozen=True)
class CommandHelp:
    description: str = ""
    """Paragraphs (blank-line separated) after the one-line summary; wrapped to the
    terminal."""
    examples: tuple[str, ...] = ()
    """Command lines, each optionally followed by ``  # what it does``."""
    more: Callable[[], str] | None = None
    """Text laid out already (a table) that goes before the examples."""


def query_language() -> str:
    """The query language of ``reader search``: operators, phrases, prefixes, then each
    field the parser accepts with what it holds."""
    from reader.search.query import HOW_TO_DATE
    from reader.search.schema import QUERY_FIELDS

    syntax = [
        ("Präsident", "also Präsidenten, Prasident (German stemming, umlauts folded)"),
        ("Putin Biden", "passages with both words (AND is the default)"),
        ("Putin AND Biden", "the same, said outright"),
        ("Lawrow OR Peskow", "either word"),
        ("Kreml NOT Ukraine", "the first word without the second"),
        ("(Lawrow OR Peskow) AND Telefonat", "grouping"),
        ('"rote Linie"', "a phrase: the words next to each other, in this order"),
        ("Sicherheitsgar*", "a prefix"),
        ("Peskov~", "a fuzzy match (one edit away)"),
    ]
    fields = [(f"{name}:", meaning) for name, meaning in QUERY_FIELDS.items()]
    lines = ["query language:"]
    lines += _table(syntax)
    lines += ["", 'fields (field:word, field:"a phrase", field:(a OR b)):']
    lines += _table(fields)
    lines += ["", "dates:"]
    how = HOW_TO_DATE[0].upper() + HOW_TO_DATE[1:] + "."
    lines += ["  " + line for line in textwrap.wrap(how, WIDTH - 2)]
    return "\n".join(lines)


def _table(rows: list[tuple[str, str]]) -> list[str]:
    """Two columns, the second wrapped under itself."""
    left = max(len(key) for key, _ in rows) + 4
    lines = []
    for key, meaning in rows:
        wrapped = textwrap.wrap(meaning, WIDTH - left) or [""]
        lines.append(f"  {key:<{left - 2}}{wrapped[0]}")
        lines += [" " * left + rest for rest in wrapped[1:]]
    return lines


HELP: dict[str, CommandHelp] = {
    "": CommandHelp(
        examples=(
            "reader  # open the app on the configured corpus (the seeds at first)",
            "reader --corpus my-articles/  # open it on a folder of your own",
            "reader search Putin AND Biden",
            "reader search --help  # the query language",
        )
    ),
    "index": CommandHelp(
        "Reads again only files whose size or modification time changed, re-indexes only "
        "articles whose content changed, then finds the names and dates of new articles and "
        "dates undated ones by the events they report. Every other command does this itself "
        "before it answers.",
        ("reader index", "reader --corpus my-articles/ index", "reader index --json"),
    ),
    "search": CommandHelp(
        "Hits are passages, best first (BM25F), each with its source, date and the text "
        "around the matched words: highlighted on a terminal, in »marks« in a pipe or file "
        "(NO_COLOR turns colour off, FORCE_COLOR on).",
        (
            "reader search Präsident AND source:reuters",
            "reader search '\"rote Linie\"' --limit 5",
            "reader search 'entity:\"Wladimir Putin\" date:[2021-12-01 TO]'",
            "reader search 'title:Biden NOT source:reuters' --json",
        ),
        query_language,
    ),
    "show": CommandHelp(
        "The headline, source, date and place, then each passage under its id (the ids "
        "other commands take).",
        (f"reader show {ARTICLE}", f"reader show {ARTICLE} --json"),
    ),
    "analyze": CommandHelp(
        "The names (people, places, organisations) and dates of any text file, without an "
        "index. Relative dates (am Dienstag, heute) resolve against --date, else the file's "
        "own date marker or dateline.",
        ("reader analyze note.txt --date 2021-12-08", "reader analyze note.txt --json"),
    ),
    "entities": CommandHelp(
        "Every name the corpus mentions, most mentioned first, with its type, its inflected "
        "forms and the mentions in each source.",
        ("reader entities --limit 20", "reader entities --json"),
    ),
    "bookmarks": CommandHelp(
        examples=(
            "reader bookmarks  # the same as: reader bookmarks list",
            f'reader bookmarks add {PASSAGE} --note "the demand" --tag nato',
            f"reader bookmarks add {PASSAGE} --words 4-9  # only words 4 to 9",
            "reader bookmarks list --tag nato",
            "reader bookmarks export --format md -o bookmarks.md",
        )
    ),
    "quote": CommandHelp(
        examples=(f"reader quote {PASSAGE}", f"reader quote {PASSAGE} --words 4-9 --json")
    ),
    "timeline": CommandHelp(
        examples=(
            "reader timeline",
            "reader timeline --min-sources 2  # what at least two outlets report",
            "reader timeline --verbose  # and which undated articles the events dated",
            "reader timeline --story 2021-12-07#1  # one story's events, who ran it when",
            "reader timeline --chart  # items per outlet and day, the whole corpus",
            "reader timeline --json",
        )
    ),
    "event": CommandHelp(
        "The event ids are those of 'reader timeline' (its 'event' lines, or --json).",
        (
            "reader event 2021-12-07#1  # which outlets report the call, first seen when",
            "reader event 2021-12-07#1 --json",
        ),
    ),
    "story": CommandHelp(
        "A story is the events that develop one happening over days; its id is its first "
        "event's, the 'story' of each event in 'reader timeline'.",
        ("reader story 2021-12-07#1", "reader story 2021-12-07#1 --json"),
    ),
    "related": CommandHelp(
        examples=(f"reader related {PASSAGE}", f"reader related {PASSAGE} --limit 3 --json")
    ),
    "compare": CommandHelp(
        "Prints both passages with the wording they share in [brackets] (in any order) and "
        "how much of it they share; --json gives the word-by-word segments.",
        (f"reader compare {PASSAGE} {OTHER_PASSAGE}",),
    ),
    "statements": CommandHelp(
        examples=(
            "reader statements",
            'reader statements --speaker "Wladimir Putin" --source Reuters',
            "reader statements --json",
        )
    ),
    "coverage": CommandHelp(
        examples=(
            "reader coverage",
            "reader coverage --min-sources 2 --sort speaker",
            "reader coverage --format csv",
        )
    ),
    "add": CommandHelp(
        "Each page is fetched, its article text extracted and stored as a file in the corpus "
        "(the inbox folder unless --corpus DIR names another); the index is then brought up "
        "to date.",
        (
            "reader add https://www.example.com/politik/artikel.html",
            "reader add URL1 URL2 --corpus my-articles/ --json",
        ),
    ),
    "feeds": CommandHelp(
        "The feeds followed are kept in feeds.yaml in the data folder; 'feeds update' "
        "stores the articles behind new entries like 'reader add'.",
        (
            "reader feeds add https://www.example.com/rss.xml --name Example",
            "reader feeds list",
            "reader feeds update",
            "reader feeds remove Example",
        ),
    ),
    "config": CommandHelp(examples=("reader config", "reader --config my.yaml config show --json")),
}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs: a paragraph on one line is wrapped to the terminal; a
    paragraph with line breaks (examples, a table) is printed as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n\n".join(
            block
            if "\n" in block
            else textwrap.fill(block, width, initial_indent=indent, subsequent_indent=indent)
            for block in text.split("\n\n")
        )


def commands(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """Each command and sub-command under ``parser``: its path (``"bookmarks add"``), its
    one-line help and its parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {a.dest: a.help or "" for a in action._choices_actions}
            for name, command in action.choices.items():
                full = f"{path} {name}".strip()
                yield full, summaries.get(name, ""), command
                yield from commands(command, full)


def document(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` and each of its commands its summary, description and examples."""
    _describe(parser, HELP[""], summary="")
    for path, summary, command in commands(parser):
        _describe(command, HELP.get(path, CommandHelp()), summary)


def _describe(parser: argparse.ArgumentParser, help: CommandHelp, summary: str) -> None:
    paragraphs = [_sentence(summary), parser.description or "", help.description]
    parser.description = "\n\n".join(p for p in paragraphs if p)
    epilog = [help.more()] if help.more else []
    if help.examples:
        epilog.append("examples:\n" + "\n".join("  " + line for line in help.examples))
    parser.epilog = "\n\n".join(epilog) or None
    parser.formatter_class = HelpFormatter


def _sentence(summary: str) -> str:
    """``"search passages"`` → ``"Search passages."``"""
    if not summary:
        return ""
    return summary[0].upper() + summary[1:] + ("" if summary.endswith(".") else ".")
