"""The bookmarks as reader last wrote them, kept beside the file for the next process.

A fresh ``reader bookmarks add`` on a 20,100-bookmark file took 7.5 s, most of it parsing
YAML that reader itself had written. After each write, under the bookmarks lock, the entries
are also saved as JSON in ``.<file name>.known.json``, with the SHA-256 of the bytes written.
A process that finds the file with exactly those bytes takes the entries from there; any
other content (a hand edit, another program, an older reader) is parsed and validated as
before. Only plain entries are saved: none with keys added by hand or numbers kept as
written (those files are always parsed). Losing or spoiling the copy costs time, never data.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from reader.bookmarks.model import Bookmark
from reader.bookmarks.schema import WrittenInt

FORMAT = 2  # 2: bookmarks record their corpus
FIELDS = tuple(f.name for f in fields(Bookmark) if f.name != "extra")
_TEXT_AT = [
    i
    for i, name in enumerate(FIELDS)
    if name not in ("date", "start", "end", "tags", "words", "corpus")
]
_TEXT_OR_NONE_AT = [FIELDS.index("date")]
_NUMBER_AT = [FIELDS.index("start"), FIELDS.index("end")]
_TAGS, _WORDS, _CORPUS = FIELDS.index("tags"), FIELDS.index("words"), FIELDS.index("corpus")


def known_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.known.json")


def save(path: Path, digest: str, bookmarks: list[Bookmark]) -> None:
    """Keep ``bookmarks`` as the content of ``path`` whose bytes have SHA-256 ``digest``;
    drop the copy instead when an entry is not plain. Where nothing can be written: none."""
    rows = [[getattr(bm, name) for name in FIELDS] for bm in bookmarks]
    target = known_path(path)
    if any(bm.extra for bm in bookmarks) or not all(map(_plain_row, rows)):
        forget(path)
        return
    data = {"format": FORMAT, "sha256": digest, "fields": FIELDS, "bookmarks": rows}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.known.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(raw)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def forget(path: Path) -> None:
    """Drop the copy (the file now has something it cannot hold)."""
    with contextlib.suppress(OSError):
        known_path(path).unlink()


def load(path: Path, digest: str) -> list[Bookmark] | None:
    """The bookmarks saved for the content with SHA-256 ``digest``, or ``None``."""
    try:
        data = json.loads(known_path(path).read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("sha256") != digest
        or data.get("fields") != list(FIELDS)
        or not isinstance(data.get("bookmarks"), list)
    ):
        return None
    bookmarks = []
    for row in data["bookmarks"]:
        if not isinstance(row, list) or len(row) != len(FIELDS) or not _plain_row(row):
            return None
        entry = dict(zip(FIELDS, row, strict=True))
        entry["tags"] = tuple(entry["tags"])
        for name in ("words", "corpus"):
            if entry[name] is not None:
                entry[name] = tuple(entry[name])
        bookmarks.append(Bookmark(**entry))
    return bookmarks


def _plain_int(value: Any) -> bool:
    """A whole number written the way JSON and the file's writer write it (``51``, not
    ``0x33``: that one keeps its text only through the YAML parse)."""
    return type(value) is int or (type(value) is WrittenInt and value.written == str(int(value)))


def _plain_row(row: list[Any]) -> bool:
    """Every value of the type its field has, exactly: text as ``str``, numbers as
    :func:`_plain_int` (nothing that only the YAML parse would keep as written)."""
    tags, words, corpus = row[_TAGS], row[_WORDS], row[_CORPUS]
    return (
        all(type(row[i]) is str for i in _TEXT_AT)
        and all(row[i] is None or type(row[i]) is str for i in _TEXT_OR_NONE_AT)
        and all(row[i] is None or _plain_int(row[i]) for i in _NUMBER_AT)
        and isinstance(tags, list | tuple)
        and all(type(t) is str for t in tags)
        and (
            words is None
            or (isinstance(words, list | tuple) and len(words) == 2 and all(map(_plain_int, words)))
        )
        and (
            corpus is None
            or (isinstance(corpus, list | tuple) and all(type(p) is str for p in corpus))
        )
    )
