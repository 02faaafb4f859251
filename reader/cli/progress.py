"""Progress display for long commands: a bar on a terminal, nothing when piped."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.cli.context import raw_stream
from reader.search.write_lock import WAITING

if TYPE_CHECKING:
    from reader.search.indexer import Progress

PHASES = {
    "waiting": WAITING,
    "scan": "Scanning",
    "read": "Reading files",
    "index": "Indexing",
    "commit": "Writing",
    "analyse": "Finding dates and names",
    "entities": "Indexing names",
    "dates": "Dating undated articles",
}


def waiting_note(pid: int) -> str:
    return f"{WAITING} (process {pid})…" if pid else f"{WAITING}…"


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Progress]:
    """Yield a ``progress(phase, done, total)`` callback drawing a rich bar on stderr."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        told = False

        def quiet(phase: str, done: int, total: int) -> None:
            nonlocal told
            if phase == "waiting" and not told:  # said when piped too: else it looks hung
                told = True
                print(waiting_note(done), file=sys.stderr, flush=True)

        yield quiet
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=raw_stream(sys.stderr)),
        transient=True,
    ) as bar:
        task = bar.add_task("Scanning", total=None)

        def update(phase: str, done: int, total: int) -> None:
            if phase == "waiting":
                bar.update(task, description=waiting_note(done), completed=0, total=None)
                return
            label = PHASES.get(phase, phase.capitalize())
            bar.update(task, description=label, completed=done, total=total or None)

        yield update
