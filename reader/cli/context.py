"""What every command needs, loaded lazily: the config and the library."""

from __future__ import annotations

import json
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reader.config import Config, load_config

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


def print_json(data: Any) -> None:
    """One write of the whole document: ``json.dump`` writes chunk by chunk, which is one
    system call per chunk when stdout is unbuffered (``PYTHONUNBUFFERED``, pipes in tests)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
