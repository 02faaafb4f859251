"""A bookmark: a quoted passage (or words in it) with enough around it to find it again.

The record mirrors one entry of the bookmarks file. Offsets are character offsets into the
article text (``Article.text``), ``words`` is an optional half-open range of word indices
inside the passage (see :func:`passage_words`; users and the file see word numbers from 1,
both ends included: :mod:`reader.bookmarks.words`), ``passage_hash`` is :func:`text_hash`
of the whole passage text when the bookmark was made, and ``corpus`` the corpus it was made
on (its folders, :func:`reader.locations.corpus_identity`; ``None`` for a bookmark made
before bookmarks recorded it, shown with every corpus).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reader.analysis.tokens import Token, tokenize
from reader.bookmarks.words import shown_numbers

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read and type
ID_LENGTH = 6


def new_id() -> str:
    """A short random id (31**6 ≈ 900 million values); the store makes it unique."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def now_iso() -> str:
    """The current local time as ISO 8601 with its UTC offset, to the second."""
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def text_hash(text: str) -> str:
    """A short, stable hash of a passage text (first 16 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def passage_words(text: str) -> list[Token]:
    """The words of a passage text: tokens holding a letter or digit (punctuation is not a
    word, but a word range keeps the punctuation between its words)."""
    return [tok for tok in tokenize(text) if any(ch.isalnum() for ch in tok.text)]


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, duplicates removed (first spelling kept)."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        clean = str(tag).strip()
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            out.append(clean)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One saved passage. ``extra`` keeps keys a user added by hand, so they survive writes."""

    id: str
    article_id: str
    passage_id: str
    quote: str
    created: str = ""
    updated: str = ""
    source: str = ""
    headline: str = ""
    date: str | None = None
    before: str = ""
    after: str = ""
    start: int | None = None
    end: int | None = None
    passage_hash: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    words: tuple[int, int] | None = None
    corpus: tuple[str, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_changes(self, **changes: Any) -> Bookmark:
        return replace(self, **changes)

    def made_on(self, corpus: tuple[str, ...] | None) -> bool:
        """Whether the bookmark belongs with ``corpus`` (an identity as it records): made
        on it, or made before bookmarks recorded one. ``None`` (no corpus open): all do."""
        return corpus is None or self.corpus is None or self.corpus == corpus

    def has_tag(self, tag: str) -> bool:
        wanted = tag.strip().casefold()
        return any(t.casefold() == wanted for t in self.tags)

    def matches(self, text: str) -> bool:
        """Case-insensitive substring match on quote, note, headline, source and tags."""
        needle = text.casefold()
        hay = (self.quote, self.note, self.headline, self.source, *self.tags)
        return any(needle in part.casefold() for part in hay)

    def to_dict(self) -> dict[str, Any]:
        """The entry as written to the file (and to JSON), in a fixed, readable key order."""
        data: dict[str, Any] = {
            "id": self.id,
            "created": self.created,
            "updated": self.updated,
        }
        if self.corpus is not None:
            data["corpus"] = list(self.corpus)
        data |= {
            "article": self.article_id,
            "source": self.source,
            "headline": self.headline,
            "date": self.date,
            "passage": self.passage_id,
        }
        if self.words is not None:
            data["words"] = list(shown_numbers(self.words))  # as users count: from 1, inclusive
        data.update(
            {
                "quote": self.quote,
                "before": self.before,
                "after": self.after,
                "start": self.start,
                "end": self.end,
                "hash": self.passage_hash,
                "note": self.note,
                "tags": list(self.tags),
            }
        )
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data


def filter_bookmarks(
    bookmarks: Iterable[Bookmark],
    *,
    tag: str | None = None,
    source: str | None = None,
    text: str | None = None,
) -> list[Bookmark]:
    """Bookmarks newest first, keeping those with ``tag`` (exact, any case), whose source
    contains ``source`` and which contain ``text`` (see :meth:`Bookmark.matches`)."""
    out = []
    for bm in bookmarks:
        if tag and not bm.has_tag(tag):
            continue
        if source and source.casefold() not in bm.source.casefold():
            continue
        if text and not bm.matches(text):
            continue
        out.append(bm)
    return newest_first(out)


def newest_first(bookmarks: Sequence[Bookmark] | Iterable[Bookmark]) -> list[Bookmark]:
    """Sorted by creation time, newest first; ties keep the later entry of the file first."""
    items = list(bookmarks)
    order = sorted(range(len(items)), key=lambda i: (created_key(items[i]), i), reverse=True)
    return [items[i] for i in order]


def created_key(bm: Bookmark) -> float:
    """The creation time as a timestamp (``-inf`` when missing or unreadable)."""
    try:
        when = dt.datetime.fromisoformat(bm.created)
    except ValueError:
        return float("-inf")
    if when.tzinfo is None:
        when = when.astimezone()
    return when.timestamp()
