"""What every command needs, loaded lazily: the config and the library."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO

from reader.config import Config, load_config
from reader.corpus.visible import visible

if TYPE_CHECKING:
    from reader.library import Library


class UsageError(Exception):
    """A bad argument or input the user can fix; printed as one line, exit status 2."""


class Context:
    def __init__(self, config_path: str | None = None, corpus: list[str] | None = None) -> None:
        self._config_path = config_path
        self._corpus = corpus

    @cached_property
    def config(self) -> Config:
        config = load_config(self._config_path, self._corpus)
        for warning in config.warnings:
            print(f"reader: warning: {warning}", file=sys.stderr)
        return config

    @cached_property
    def library(self) -> Library:
        from reader.library import Library

        return Library(self.config)

    def close(self) -> None:
        """Close the library if a command opened it (the store then notes itself whole)."""
        if "library" in self.__dict__:
            self.library.close()


class VisibleStream:
    """A text stream that shows control characters as visible escapes (see
    :mod:`reader.corpus.visible`) before they reach the terminal or pipe behind it."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding …
        return getattr(self.raw, name)


def raw_stream(stream: Any) -> TextIO:
    """The stream behind a :class:`VisibleStream` (for JSON and the progress bar)."""
    return stream.raw if isinstance(stream, VisibleStream) else stream


@contextmanager
def visible_output() -> Iterator[None]:
    """Route every ``print`` of a command, to stdout and stderr, through :func:`visible`:
    article text, file names and messages cannot move the cursor, set the title or the
    clipboard, or hide text with ``\\r`` or bidi overrides. JSON goes out unchanged."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(saved[0]), VisibleStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def out(*parts: object) -> None:
    """Print to stdout with control characters visible (also without :func:`visible_output`)."""
    raw_stream(sys.stdout).write(visible(" ".join(str(p) for p in parts)) + "\n")


def err(*parts: object) -> None:
    """Print a message to stderr with control characters (file names!) visible."""
    raw_stream(sys.stderr).write(visible(" ".join(str(p) for p in parts)) + "\n")


LONG_LIST = 200
"""A list longer than this is written one compact item a line (see :func:`json_text`)."""
JSON_LAYOUT = "1"
"""The version of :func:`json_text`'s layout: printed output kept from another layout (the
timeline's, :mod:`reader.analysis.timeline_output`) is not used."""


def print_json(data: Any) -> None:
    """One write of the whole document: ``json.dump`` writes chunk by chunk, which is one
    system call per chunk when stdout is unbuffered (``PYTHONUNBUFFERED``, pipes in tests).
    JSON is written as it is (its string escapes already keep control characters out)."""
    raw_stream(sys.stdout).write(json_text(data) + "\n")


def json_text(data: Any) -> str:
    """``data`` as JSON indented by 2, except that a long list under the top level (the
    timeline's 16,000 events) has one compact item a line: Python's indenting encoder
    is pure Python and took 5 s for the Berlin timeline, the compact one is in C."""

    def dumps(value: Any, indent: int | None = 2) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent)

    if not isinstance(data, dict) or not any(
        isinstance(v, list) and len(v) > LONG_LIST for v in data.values()
    ):
        return dumps(data)
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and len(value) > LONG_LIST:
            items = ",\n    ".join(dumps(item, None) for item in value)
            text = f"[\n    {items}\n  ]"
        else:
            text = dumps(value).replace("\n", "\n  ")
        lines.append(f"  {dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}"


def wants_colour(stream: Any) -> bool:
    """Whether text output to ``stream`` is coloured: on a terminal (not ``TERM=dumb``), or
    wherever ``FORCE_COLOR`` is set (non-empty, not ``0``); never when ``NO_COLOR`` is set
    (non-empty), which wins (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


MATCH_STYLE = "1;31"  # bold red, as grep marks its matches
STRONG_STYLE = "1"  # bold


class Marks:
    """How a command's text output marks what it highlights: ANSI styles on a colour
    terminal, plain characters (``»match«``) anywhere else. What its methods return is made
    :func:`visible` already: write it with :func:`out_marked`, which adds no escaping."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def plain(self, text: str) -> str:
        return visible(text)

    def strong(self, text: str) -> str:
        """Bold on a colour terminal (a heading such as a hit's passage id), else as it is."""
        return self._styled(text, STRONG_STYLE) if self.colour else visible(text)

    def matched(self, text: str, spans: list[tuple[int, int]]) -> str:
        """``text`` with the characters of each ``(start, end)`` span marked as a match."""
        out, pos = [], 0
        for s, e in spans:
            word = text[s:e]
            out += [
                visible(text[pos:s]),
                self._styled(word, MATCH_STYLE) if self.colour else f"»{visible(word)}«",
            ]
            pos = e
        out.append(visible(text[pos:]))
        return "".join(out)

    @staticmethod
    def _styled(text: str, style: str) -> str:
        return f"\x1b[{style}m{visible(text)}\x1b[0m"


def out_marked(line: str) -> None:
    """Print a line made of :class:`Marks` pieces to stdout as it is (its text is visible
    already; its styles are the command's own)."""
    raw_stream(sys.stdout).write(line + "\n")


def count(n: int, noun: str) -> str:
    """``1 passage``, ``2 passages``: a number with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
