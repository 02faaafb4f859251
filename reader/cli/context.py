"""What every command needs, loaded lazily: the config and the library."""

from __future__ import annotations

import json
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


def print_json(data: Any) -> None:
    """One write of the whole document: ``json.dump`` writes chunk by chunk, which is one
    system call per chunk when stdout is unbuffered (``PYTHONUNBUFFERED``, pipes in tests).
    JSON is written as it is (its string escapes already keep control characters out)."""
    raw_stream(sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def count(n: int, noun: str) -> str:
    """``1 passage``, ``2 passages``: a number with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
