"""The store of an index whose folder cannot be written to, opened to read (reliability
review, finding 12: a current index in a read-only folder did not answer a search).

``mode=ro`` reads the file and its write-ahead log; where the log's index (``-shm``) cannot
even be made, the file is opened ``immutable=1``: nobody can change it there either. A log
with changes in it that cannot be read that way leaves the store unreadable instead (read
without it, the store would not be as its last writer left it).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that reads ``path`` and never writes, or ``sqlite3.Error``."""
    uri = path.absolute().as_uri()
    try:
        return _checked(f"{uri}?mode=ro", timeout)
    except sqlite3.OperationalError:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    return _checked(f"{uri}?immutable=1", timeout)


def _checked(uri: str, timeout: float) -> sqlite3.Connection:
    """Connect and read the schema: a file that cannot be opened so fails here, not later."""
    db = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.close()
        raise
    return db
