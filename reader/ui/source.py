"""What the app reads from: the config and the library (the CLI's ``Context`` is one).

A protocol, so the app does not depend on the command line; ``library`` opens the index on
first use (in the loading worker, not at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.config import Config
    from reader.library import Library


class LibrarySource(Protocol):
    @property
    def config(self) -> Config: ...

    @property
    def library(self) -> Library: ...
