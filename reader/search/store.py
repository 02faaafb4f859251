"""The article store: SQLite beside the Whoosh index.

It holds what the index does not: article text and metadata, passage offsets, the files the
corpus was read from (for incremental updates), and analysis results keyed by article, so
reading never recomputes them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from reader.corpus.model import Article, Passage, When, passage_id
from reader.search import store_check
from reader.search.index_folder import is_read_only, read_only_error
from reader.search.read_only import connect_read_only

STORE_VERSION = 2
"""2: ``articles.claim``, the id an article asked for (:mod:`reader.search.article_ids`)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, file TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL,
    title TEXT NOT NULL, source TEXT NOT NULL, date TEXT, date_inferred INTEGER NOT NULL,
    url TEXT NOT NULL, language TEXT NOT NULL, place TEXT NOT NULL, path TEXT NOT NULL,
    text TEXT NOT NULL, passages TEXT NOT NULL, claim TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_claim ON articles(claim);
-- showings(): the other showings of a hit's headline, without reading every row
CREATE INDEX IF NOT EXISTS articles_title ON articles(trim(title));
CREATE TABLE IF NOT EXISTS analysis (
    article_id TEXT NOT NULL, kind TEXT NOT NULL, hash TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (article_id, kind)
);
-- The mark "analysis complete" goes with any change to the articles or to their analysis,
-- by whichever program makes it (an older reader sharing the index knows no mark).
CREATE TRIGGER IF NOT EXISTS article_added AFTER INSERT ON articles
    BEGIN DELETE FROM meta WHERE key = 'analysis_complete'; END;
CREATE TRIGGER IF NOT EXISTS article_removed AFTER DELETE ON articles
    BEGIN DELETE FROM meta WHERE key = 'analysis_complete'; END;
CREATE TRIGGER IF NOT EXISTS analysis_added AFTER INSERT ON analysis
    WHEN NEW.kind IN ('analysis', 'indexed')
    BEGIN DELETE FROM meta WHERE key = 'analysis_complete'; END;
CREATE TRIGGER IF NOT EXISTS analysis_removed AFTER DELETE ON analysis
    WHEN OLD.kind IN ('analysis', 'indexed')
    BEGIN DELETE FROM meta WHERE key = 'analysis_complete'; END;
-- the printed `reader timeline --json` (reader.analysis.timeline_output) goes with the
-- stored timeline it was printed from
CREATE TRIGGER IF NOT EXISTS timeline_stored AFTER INSERT ON meta WHEN NEW.key = 'timeline'
    BEGIN DELETE FROM meta WHERE key = 'timeline_text'; END;
"""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the library list needs, without the text."""

    id: str
    title: str
    source: str
    date: When | None
    passages: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date.to_json() if self.date else None,
            "passages": self.passages,
        }


@dataclass(slots=True)
class ArticleRow:
    """An article as stored, without building its passages: for scans over the corpus."""

    id: str
    source: str
    title: str
    date: When | None
    text: str
    bounds: list[tuple[int, int]]
    """``(start, end)`` of each passage in ``text``."""


ANALYSIS_COMPLETE = "analysis_complete"  # meta key: see Store.analysis_complete; the
# schema's triggers remove it with every change to the articles or their analysis


def _when_to_db(when: When | None) -> str | None:
    if when is None:
        return None
    return json.dumps(when.to_json())


def _when_from_db(value: str | None) -> When | None:
    return When.from_json(json.loads(value)) if value else None


BUSY_SECONDS = 120.0
"""How long a statement waits for another process's write to finish before it fails."""


class StoreError(Exception):
    """The store file is unreadable; the caller rebuilds it."""


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _writes(
    method: Callable[Concatenate[ArticleStore, _P], _R],
) -> Callable[Concatenate[ArticleStore, _P], _R]:
    """A write that a store opened read-only refuses with the index folder's message."""

    @functools.wraps(method)
    def write(store: ArticleStore, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        if store.read_only:
            raise read_only_error(store.path.parent, "the index must be updated")
        return method(store, *args, **kwargs)

    return write


class ArticleStore:
    """The store. In a folder nothing can be written to (``read_only``) it is opened to read
    and answers; stamps, caches and marks (``set_meta``, ``put_analysis``, ``commit``) are
    then skipped, and a change to the articles raises the folder's ``IndexFolderError``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = is_read_only(path.parent)
        try:
            if self.read_only:
                self.db = connect_read_only(path, BUSY_SECONDS)
            else:
                # another process writing: wait for it (readers go on under WAL)
                self.db = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_SECONDS)
                self.db.executescript(_SCHEMA)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: {exc}") from exc

        self._whole = False  # known whole: checked, or made new by this process
        self._closed = False

    def damage(self) -> str:
        """``""`` if the file is whole, else what is wrong (see :mod:`.store_check`)."""
        found = store_check.damage(self.db, self.path)
        self._whole = not found
        return found

    def made_new(self) -> None:
        """This process made the file: it is whole as far as it writes it."""
        self._whole = True

    def close(self) -> None:
        """Close the connection and, if the file was known whole, note it so: only a store
        that a process did not close (a crash, a kill), or that another program changed,
        is checked again."""
        if self._closed:
            return
        self._closed = True
        self.db.close()
        if self._whole and not self.read_only:
            store_check.record_whole(self.path)

    # meta ----------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        if self.read_only:
            return
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # files ---------------------------------------------------------------------------
    def file_stats(self) -> dict[str, tuple[int, int]]:
        rows = self.db.execute("SELECT path, mtime_ns, size FROM files")
        return {path: (mtime, size) for path, mtime, size in rows}

    @_writes
    def set_file(self, path: str, mtime_ns: int, size: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, mtime_ns, size))

    @_writes
    def remove_file(self, path: str) -> list[str]:
        ids = self.article_ids_of(path)
        self.db.execute("DELETE FROM files WHERE path=?", (path,))
        self.remove_articles(ids)
        return ids

    # articles ------------------------------------------------------------------------
    def article_hashes(self, file: str) -> dict[str, str]:
        rows = self.db.execute("SELECT id, hash FROM articles WHERE file=?", (file,))
        return dict(rows.fetchall())

    def article_ids_of(self, file: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE file=?", (file,))]

    def articles_quoting(self, quote: str, limit: int = 20) -> list[str]:
        """Ids of articles whose text holds ``quote`` exactly (at most ``limit``)."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE instr(text, ?) > 0 ORDER BY id LIMIT ?", (quote, limit)
        )
        return [row[0] for row in rows]

    def claims_of(self, files: Collection[str]) -> list[str]:
        """The ids the articles of ``files`` asked for (see :mod:`.article_ids`)."""
        return [row[0] for row in self._where_in("claim", "file", files)]

    def claimants(self, claims: Collection[str]) -> list[tuple[str, str, int, str]]:
        """``(claim, file, seq, id)`` of every article that asked for one of ``claims``."""
        return [tuple(row) for row in self._where_in("claim, file, seq, id", "claim", claims)]

    def _where_in(self, columns: str, column: str, values: Collection[str]) -> list[Any]:
        rows: list[Any] = []
        wanted = sorted(values)
        for start in range(0, len(wanted), 500):  # (SQLite's limit on bound variables)
            chunk = wanted[start : start + 500]
            rows += self.db.execute(
                f"SELECT {columns} FROM articles WHERE {column} IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return rows

    def files_claiming(self, claim: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT file FROM articles WHERE claim=?", (claim,))]

    def shared_claims(self) -> set[str]:
        """Every id that two or more articles asked for."""
        rows = self.db.execute("SELECT claim FROM articles GROUP BY claim HAVING count(*) > 1")
        return {row[0] for row in rows}

    @_writes
    def put_articles(self, file: str, items: list[tuple[int, str, str, Article]]) -> None:
        """Insert or replace articles (``(seq, content hash, claimed id, article)``);
        analysis of a replaced article is dropped."""
        self.db.executemany(
            "DELETE FROM analysis WHERE article_id=?", ((a.id,) for _, _, _, a in items)
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    a.id,
                    file,
                    seq,
                    digest,
                    a.title,
                    a.source,
                    _when_to_db(a.date),
                    int(bool(a.date and a.date.inferred)),
                    a.url,
                    a.language,
                    a.place,
                    a.path,
                    a.text,
                    json.dumps([[p.start, p.end] for p in a.passages]),
                    claim,
                )
                for seq, digest, claim, a in items
            ),
        )

    @_writes
    def remove_articles(self, ids: Iterable[str]) -> None:
        pairs = [(i,) for i in ids]
        self.db.executemany("DELETE FROM articles WHERE id=?", pairs)
        self.db.executemany("DELETE FROM analysis WHERE article_id=?", pairs)

    @_writes
    def set_date(self, article_id: str, when: When | None) -> None:
        self.db.execute(
            "UPDATE articles SET date=?, date_inferred=? WHERE id=?",
            (_when_to_db(when), int(bool(when and when.inferred)), article_id),
        )

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            "SELECT id, title, source, date, url, language, place, path, text, passages "
            "FROM articles WHERE id=?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        aid, title, source, date, url, language, place, path, text, passages = row
        article = Article(
            id=aid,
            title=title,
            text=text,
            source=source,
            date=_when_from_db(date),
            url=url,
            language=language,
            place=place,
            path=path,
        )
        article.passages = [
            Passage(passage_id(aid, i), aid, i, s, e, text[s:e])
            for i, (s, e) in enumerate(json.loads(passages))
        ]
        return article

    def summaries(self) -> list[ArticleSummary]:
        """Every article's summary in corpus order. SQLite takes the date's fields out of
        its JSON (a ``json.loads`` per row was a third of the time of listing 13k
        articles)."""
        rows = self.db.execute(
            "SELECT id, title, source, json_array_length(passages), json_extract(date, '$.value'), "
            "json_extract(date, '$.inferred'), json_extract(date, '$.weekday'), "
            "json_extract(date, '$.tz') FROM articles ORDER BY file, seq"
        )
        return [
            ArticleSummary(
                aid,
                title,
                source,
                None if iso is None else When.from_parts(iso, bool(inferred), weekday, tz),
                n,
            )
            for aid, title, source, n, iso, inferred, weekday, tz in rows
        ]

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def showings(self, titles: Collection[str]) -> list[tuple[str, str, str, When | None]]:
        """``(id, source, title, date)`` of every article with one of these headlines (the
        other showings of a repeated item, :mod:`reader.search.repeats`)."""
        found: list[tuple[str, str, str, When | None]] = []
        wanted = sorted({t.strip() for t in titles if t.strip()})
        for start in range(0, len(wanted), 500):  # (SQLite's limit on bound variables)
            chunk = wanted[start : start + 500]
            rows = self.db.execute(
                "SELECT id, source, title, date FROM articles WHERE trim(title) IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            )
            found += [
                (aid, source, title, _when_from_db(date)) for aid, source, title, date in rows
            ]
        return found

    def article_rows(self) -> list[ArticleRow]:
        """Every article in corpus order (file, then position in it), in one query."""
        rows = self.db.execute(
            "SELECT id, source, title, date, text, passages FROM articles ORDER BY file, seq"
        )
        return [
            ArticleRow(
                aid,
                source,
                title,
                _when_from_db(date),
                text,
                [(s, e) for s, e in json.loads(passages)],
            )
            for aid, source, title, date, text, passages in rows
        ]

    # analysis ------------------------------------------------------------------------
    def get_analysis(self, article_id: str, kind: str) -> tuple[str, Any] | None:
        row = self.db.execute(
            "SELECT hash, data FROM analysis WHERE article_id=? AND kind=?", (article_id, kind)
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def put_analysis(self, article_id: str, kind: str, digest: str, data: Any) -> None:
        if self.read_only:  # (what must be stored, Library.reindex and enrich refuse first)
            return
        self.db.execute(
            "INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)",
            (article_id, kind, digest, json.dumps(data, ensure_ascii=False)),
        )

    def analysis_complete(self) -> str | None:
        """The analysis version every article was analysed and indexed with, if marked so
        since the last change to an article or its analysis (the schema's triggers remove
        the mark): one read instead of two scans."""
        return self.get_meta(ANALYSIS_COMPLETE)

    def mark_analysis_complete(self, version: str) -> None:
        self.set_meta(ANALYSIS_COMPLETE, version)

    def analysis_missing(self, kind: str, digest: str) -> list[str]:
        """Articles whose ``kind`` analysis is absent or was made by another version."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analysis x "
            "ON x.article_id = a.id AND x.kind = ? WHERE x.hash IS NULL OR x.hash != ? "
            "ORDER BY a.file, a.seq",
            (kind, digest),
        )
        return [r[0] for r in rows]

    def analyses(self, kind: str) -> dict[str, Any]:
        """Every stored ``kind`` analysis (decoded JSON), by article id."""
        rows = self.db.execute("SELECT article_id, data FROM analysis WHERE kind=?", (kind,))
        return {aid: json.loads(data) for aid, data in rows}

    def content_digest(self, kind: str) -> str:
        """A digest of every article id and content hash and of the hash of every ``kind``
        analysis: it changes whenever an article or its analysis does."""
        h = hashlib.sha1()
        for aid, digest in self.db.execute("SELECT id, hash FROM articles ORDER BY id"):
            h.update(f"{aid}\x1f{digest}\x1e".encode())
        rows = self.db.execute(
            "SELECT article_id, hash FROM analysis WHERE kind=? ORDER BY article_id", (kind,)
        )
        for aid, digest in rows:
            h.update(f"{aid}\x1f{digest}\x1e".encode())
        return h.hexdigest()[:16]

    def commit(self) -> None:
        if not self.read_only:
            self.db.commit()
