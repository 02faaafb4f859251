"""A persistent word → HanTa tags table, shared by the analysis workers and kept between runs.

HanTa takes about 0.8 ms for a word it has not seen and its answer depends on the word
alone, so each distinct word is tagged once: the table (an SQLite file in the index folder)
fills :data:`reader.analysis.entity_rules.known_tags` before an analysis, and the words
tagged during it are added after each chunk, where the other worker picks them up at its
next chunk. A re-analysis after an upgrade of the analysis then tags no word again.

The table is keyed by what the tags depend on (:func:`table_key`: the HanTa release, its
model file and the code of ``entity_rules.tags``): when any of them changes it starts empty.
It is only a cache: a table that cannot be opened or written is left aside and the words are
tagged on the spot, with the same results.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import itertools
import json
import sqlite3
from pathlib import Path

Tags = tuple[tuple[str, float], ...]
KEY = "key"


def table_key() -> str:
    """What the tags depend on: HanTa's version, its German model's size and the source
    of :func:`reader.analysis.entity_rules.tags` (which tags it keeps, how)."""
    from importlib import metadata

    import HanTa

    from reader.analysis import entity_rules

    digest = hashlib.sha1(metadata.version("HanTa").encode())
    model = Path(HanTa.__file__).resolve().parent / "morphmodel_ger.pgz"
    with contextlib.suppress(OSError):
        digest.update(str(model.stat().st_size).encode())
    digest.update(inspect.getsource(entity_rules.tags).encode())
    return digest.hexdigest()[:16]


class WordTable:
    """The table at ``path``, connected for one process (open with :meth:`open`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._last = 0  # the highest row this process has read
        self._loaded: set[str] = set()
        self._written = 0  # the entries of ``known`` that write_new has looked at

    @classmethod
    def open(cls, path: Path, key: str) -> WordTable | None:
        """The table, emptied if it was made for another ``key``; ``None`` if it cannot be
        opened or made (the analysis then goes without)."""
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("BEGIN IMMEDIATE")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS words "
                "(id INTEGER PRIMARY KEY, word TEXT UNIQUE NOT NULL, tags TEXT NOT NULL)"
            )
            row = db.execute("SELECT value FROM meta WHERE name = ?", (KEY,)).fetchone()
            if row is None or row[0] != key:
                db.execute("DELETE FROM words")
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (KEY, key))
            db.execute("COMMIT")
        except (sqlite3.Error, OSError):
            return None
        return cls(db)

    def read_new(self, into: dict[str, Tags]) -> int:
        """Add to ``into`` the words stored since the last call (by any process); returns
        how many."""
        try:
            rows = self._db.execute(
                "SELECT id, word, tags FROM words WHERE id > ? ORDER BY id", (self._last,)
            ).fetchall()
        except sqlite3.Error:
            return 0
        for row_id, word, data in rows:
            with contextlib.suppress(ValueError, TypeError):
                into.setdefault(word, tuple((str(t), float(s)) for t, s in json.loads(data)))
            self._loaded.add(word)
            self._last = max(self._last, row_id)
        return len(rows)

    def write_new(self, known: dict[str, Tags]) -> int:
        """Store the words added to ``known`` (always the same dict, which only grows)
        since the last call that this table does not have yet; returns how many."""
        added = itertools.islice(known.items(), self._written, None)  # (dicts keep order)
        new = [(w, json.dumps(t)) for w, t in added if w not in self._loaded]
        if not new:
            self._written = len(known)
            return 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR IGNORE INTO words (word, tags) VALUES (?, ?)", new)
            self._db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            return 0  # (tried again at the next call)
        self._written = len(known)
        self._loaded.update(w for w, _ in new)
        return len(new)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()


def open_shared(path: Path | None) -> WordTable | None:
    """The table at ``path`` (``None``: none) with its words loaded into
    :data:`~reader.analysis.entity_rules.known_tags`."""
    if path is None:
        return None
    from reader.analysis.entity_rules import known_tags

    table = WordTable.open(path, table_key())
    if table is not None:
        table.read_new(known_tags)
    return table


def sync(table: WordTable | None) -> None:
    """Store the words this process tagged and take those others stored meanwhile."""
    if table is None:
        return
    from reader.analysis.entity_rules import known_tags

    table.write_new(known_tags)
    table.read_new(known_tags)
