"""One writer at a time per index, across processes and threads: an exclusive ``flock``.

Two ``reader index`` runs, a search that updates the index while the app indexes, or the app
started twice used to meet inside Whoosh and SQLite and crash (``LockError``, ``database is
locked``). A writer now waits for the one before it, naming it, for up to ``WAIT_SECONDS``;
readers never take the lock and read the index as it was last committed. The lock file sits
beside the index folder, not in it, so wiping an unreadable index never removes a lock
someone holds; it names its holder (process id and command). The kernel drops the lock when
its holder exits, also on ``kill -9``: no stale locks.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

WAITING = "Waiting for another reader process that is writing this index"
"""What a writer that waits says (the CLI adds the process id; the app's progress strip)."""
WAIT_SECONDS = 600.0
"""How long a writer waits for the one before it before giving up with :class:`IndexBusy`."""
POLL_SECONDS = 0.2

_held: dict[str, tuple[int, int]] = {}  # lock file -> (holding thread, depth)
_guard = threading.Lock()


class IndexBusy(Exception):
    """Another process kept the index's write lock for longer than this one would wait."""


def lock_path(index_root: Path) -> Path:
    return index_root.with_name(index_root.name + ".lock")


def holder(path: Path) -> tuple[int, str]:
    """The process id and command line the lock file names (0, "" if none)."""
    try:
        pid, _, command = path.read_text(encoding="utf-8", errors="replace").partition(" ")
        return int(pid), command.strip()
    except (OSError, ValueError):
        return 0, ""


@contextmanager
def write_lock(
    index_root: Path,
    waiting: Callable[[int], None] | None = None,
    wait_seconds: float = WAIT_SECONDS,
) -> Iterator[None]:
    """Hold the index's write lock. If another writer has it, this waits for it, calling
    ``waiting(pid)`` with its process id at every look (a few times a second), and raises
    :class:`IndexBusy` (naming the lock file and its holder) after ``wait_seconds``. A
    thread holding it may take it again."""
    path = lock_path(index_root)
    key, me = str(path), threading.get_ident()
    with _guard:
        owner, depth = _held.get(key, (0, 0))
        nested = owner == me
        if nested:
            _held[key] = (me, depth + 1)
    if nested:
        try:
            yield
        finally:
            with _guard:
                _held[key] = (me, _held[key][1] - 1)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, waiting, wait_seconds)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {' '.join(sys.argv)[:300]}\n".encode(), 0)
        with _guard:
            _held[key] = (me, 1)
        try:
            yield
        finally:
            with _guard:
                del _held[key]
    finally:
        os.close(fd)  # (closing the only descriptor releases the lock)


def _acquire(
    fd: int, path: Path, waiting: Callable[[int], None] | None, wait_seconds: float
) -> None:
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if waiting is not None:
            waiting(holder(path)[0])  # (may raise: a closing app stops waiting)
        if time.monotonic() >= deadline:
            pid, command = holder(path)
            who = f"process {pid} ({command})" if pid else "another process"
            raise IndexBusy(
                f"{path}: {who} has been writing this index for over {wait_seconds:.0f} s; "
                "try again when it is done"
            )
        time.sleep(POLL_SECONDS)
