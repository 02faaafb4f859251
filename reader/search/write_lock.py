"""One writer at a time per index, across processes and threads: an exclusive ``flock``.

Two ``reader index`` runs, a search that updates the index while the app indexes, or the app
started twice used to meet inside Whoosh and SQLite and crash (``LockError``, ``database is
locked``). A writer now waits for the one before it; readers never take the lock and read the
index as it was last committed. The lock file sits beside the index folder, not in it, so
wiping an unreadable index never removes a lock someone holds. The kernel drops the lock
when its holder exits, also on ``kill -9``: no stale locks.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_held: dict[str, tuple[int, int]] = {}  # lock file -> (holding thread, depth)
_guard = threading.Lock()


def lock_path(index_root: Path) -> Path:
    return index_root.with_name(index_root.name + ".lock")


@contextmanager
def write_lock(index_root: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the index's write lock; ``waiting()`` is called once if another writer has it
    (then this waits until that writer is done). A thread holding it may take it again."""
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
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        with _guard:
            _held[key] = (me, 1)
        try:
            yield
        finally:
            with _guard:
                del _held[key]
    finally:
        os.close(fd)  # (closing the only descriptor releases the lock)
