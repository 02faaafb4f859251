"""Is the store file damaged? SQLite's ``quick_check``, run only when the file changed
since a process of reader last closed it whole (after a crash, a kill or another program's
write): random bytes in its pages gave "database disk image is malformed" tracebacks while
``reader index`` said "up to date" (reliability review, finding 4)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

SUFFIX = "-checked"
"""Beside ``store.sqlite``: the size and modification time it had when last known whole."""


def _stamp(store: Path) -> str:
    """Size and modification time of the file and of its write-ahead log, if any. An empty
    log holds nothing (opening the store makes one): it would make every open look like a
    change and cost a ``quick_check`` (40 ms on a 65 MB store) each command."""
    parts = []
    for path in (store, Path(f"{store}-wal")):
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        if path is not store and info.st_size == 0:
            continue
        parts.append(f"{info.st_size} {info.st_mtime_ns}")
    return " ".join(parts)


def record_whole(store: Path) -> None:
    """Note that ``store`` as it is now is whole (on closing a store known whole)."""
    with contextlib.suppress(OSError):  # a read-only folder: checked again next time
        Path(f"{store}{SUFFIX}").write_text(_stamp(store), encoding="ascii")


def damage(db: sqlite3.Connection, store: Path) -> str:
    """``""`` if the store is whole (or unchanged since it was last known whole), else
    what SQLite found wrong."""
    try:
        if Path(f"{store}{SUFFIX}").read_text(encoding="ascii") == _stamp(store):
            return ""
    except (OSError, UnicodeDecodeError):
        pass
    try:
        rows = db.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"{store.name}: {exc}"
    if rows != [("ok",)]:
        said = [line for row in rows for line in str(row[0]).splitlines() if "***" not in line]
        return f"{store.name}: " + "; ".join(said[:2])
    return ""  # (noted as whole when it is closed: closing may still write the log into it)
