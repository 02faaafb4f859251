"""Each command's ``--help``: a summary, a description, examples that work, and for
``reader search`` the whole query language (issue 15 R15)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from reader.cli import build_parser, main
from reader.cli.command_help import HELP, commands
from reader.search.schema import QUERY_FIELDS

READ_ONLY = {
    "search",
    "show",
    "related",
    "compare",
    "quote",
    "timeline",
    "entities",
    "statements",
    "coverage",
    "event",
    "story",
}


def help_of(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit) as exit:
        main([*command, "--help"])
    assert exit.value.code == 0
    return capsys.readouterr().out


def examples() -> list[list[str]]:
    """Every example of every command's help, as the words after ``reader``."""
    found = []
    for entry in HELP.values():
        for line in entry.examples:
            words = shlex.split(line.split("  # ")[0])
            assert words[0] == "reader", line
            found.append(words[1:])
    return found


def test_search_help_lists_every_field_and_operator(capsys) -> None:
    text = help_of(capsys, "search")
    for field in QUERY_FIELDS:  # the parser's own table: a new field shows up by itself
        assert f"\n  {field}:" in text, field
    for syntax in ("AND", "OR", "NOT", '"rote Linie"', "Sicherheitsgar*", "Peskov~"):
        assert syntax in text
    assert "date:[2021-12-01 TO 2021-12-31]" in text and "examples:\n  reader search" in text


def test_every_command_says_what_it_does_and_shows_examples(capsys) -> None:
    parser = build_parser()
    found = list(commands(parser))
    assert {"search", "bookmarks add", "feeds update", "config show"} <= {p for p, *_ in found}
    for path, summary, _command in found:
        text = help_of(capsys, *path.split())
        first = text.split("\n\n")[1]  # after the usage: the summary as a sentence
        assert first.lower().startswith(summary.lower()[:20]) and first.endswith("."), path
        if " " not in path:
            assert "\nexamples:\n  reader " + path.split()[0] in text, path


def test_a_long_description_is_wrapped_and_the_examples_kept_as_written(capsys) -> None:
    text = help_of(capsys, "index")
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "\n  reader --corpus my-articles/ index\n" in text


def test_every_example_is_a_valid_command_line(capsys) -> None:
    parser = build_parser()
    for words in examples():
        if "--help" in words:
            continue
        parser.parse_args(words)  # an unknown option or command exits


def test_the_examples_on_the_seeds_answer(capsys, indexed_seeds: Path) -> None:
    # the ids and queries the examples use are the seeds': each example finds something
    ran = 0
    for words in examples():
        if not words or words[0] not in READ_ONLY or "--help" in words:
            continue
        code = main([*words, "--corpus", str(indexed_seeds)])
        out, err = capsys.readouterr()
        assert code == 0, (words, err)
        assert out.strip() and not out.startswith("0 passages"), words
        ran += 1
    assert ran >= 15
