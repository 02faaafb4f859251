"""The background enrichment of the app: once the library is listed, the tail of the one
refresh sequence (:func:`reader.refresh.enrich_and_date`: analyse what is missing, on both
cores for a large corpus, rewrite the index documents, store the dates inferred for undated
articles), at a lower priority than the screen.

:func:`run_in_background` is the body of the entity keeper's ``enrich`` worker; it posts
:class:`~reader.ui.messages.EnrichProgress` and, at the end,
:class:`~reader.ui.messages.EnrichDone`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.search.write_lock import WAITING
from reader.ui.messages import EnrichDone, EnrichProgress

if TYPE_CHECKING:
    from textual.message import Message

    from reader.corpus.model import When
    from reader.library import Library

PHASES = {
    "waiting": WAITING,
    "analyse": "Finding names and dates",
    "entities": "Adding names to the index",
    "commit": "Writing the index",
    "dates": "Dating undated articles",
}
PROGRESS_EVERY = 0.1  # seconds between progress messages from the worker
GATE_POLL = 0.2  # seconds between checks for cancellation while waiting for the gate
CANCEL_WAIT = 10.0  # seconds the closing app waits for the enrichment to stop cleanly
BACKGROUND_NICE = 10  # the enrichment's priority: the UI thread and screen come first

Post = Callable[["Message"], object]


class _Cancelled(Exception):
    """Raised inside the enrichment's progress callback when the app is closing."""


def wait_for_gate(gate: threading.Lock, cancelled: Callable[[], bool]) -> bool:
    """Take ``gate`` unless cancelled first (then ``False``)."""
    while not gate.acquire(timeout=GATE_POLL):
        if cancelled():
            return False
    return True


def run_in_background(job: Callable[[], None], cancelled: Callable[[], bool]) -> None:
    """Run ``job`` (:func:`enrich`, which lowers its priority: on Linux the priority is per
    thread, and the worker processes it starts inherit it) in a thread of its own, so the
    screen stays quick while both cores analyse; wait for it, or (closing) let it stop
    cleanly."""
    thread = threading.Thread(target=job, name="reader-enrich", daemon=True)
    thread.start()
    while thread.is_alive() and not cancelled():
        thread.join(GATE_POLL)
    thread.join(CANCEL_WAIT)  # let it stop cleanly (writers cancelled) when closing


def enrich(
    library: Library,
    index_changed: bool,
    cancelled: Callable[[], bool],
    shown: dict[str, When | None],
    gate: threading.Lock,
    post: Post,
) -> None:
    """Analyse what is missing and date undated articles (in the thread
    :func:`run_in_background` starts); ``index_changed`` says the index was just updated
    (inferred dates are then checked even when nothing needed analysing);
    ``shown`` are the dates the library list shows (re-read summaries go up when one
    changed). ``gate`` is held while the worker processes start (see the keeper)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICE)
    held = False
    last_phase, last_at = "", 0.0

    def release_gate() -> None:
        nonlocal held
        if held:
            held = False
            gate.release()

    def progress(phase: str, done: int, total: int) -> None:
        nonlocal last_phase, last_at
        # the first report comes after the worker processes started: the gate can open
        release_gate()
        if cancelled() and phase != "analyse":
            raise _Cancelled  # 'analyse' stops through cancelled() between chunks
        now = time.monotonic()
        if phase != last_phase or done == total or now - last_at >= PROGRESS_EVERY:
            last_phase, last_at = phase, now
            post(EnrichProgress(phase, done, total))

    try:
        if not wait_for_gate(gate, cancelled):
            return
        held = True
        from reader.refresh import enrich_and_date

        report = enrich_and_date(library, index_changed, progress, cancelled)
        release_gate()
        if report.cancelled or cancelled():
            return
        analysis, dated = report.analysis, report.inferred_dates
        done = EnrichDone(analysis.analysed, analysis.reindexed, analysis.seconds, dated)
        if dated or analysis.analysed:  # analysis dates undated articles from their text
            fresh = library.summaries()
            if any(shown.get(s.id) != s.date for s in fresh):
                from reader.ui.logic.library_rows import made_in_worker

                done.summaries, done.library_index = fresh, made_in_worker(fresh)
    except _Cancelled:
        return
    except Exception as exc:
        post(EnrichDone(error=f"{type(exc).__name__}: {exc}"))
        return
    finally:
        release_gate()
    if not cancelled():
        post(done)
