"""Bookmarks in the app, the parts without Textual: the pane's filter, word ranges typed as
``first-last`` word numbers, tags typed comma separated, and where a bookmark's mark goes in
an article.

Word numbers shown to the user count from 1 and include both ends ("3-5" is three words),
here as in the CLI and the file (:mod:`reader.bookmarks.words`, whose parser and format this
module hands on); a :class:`Bookmark` holds the half-open range of indexes into
:func:`passage_words` ((2, 5)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.bookmarks.anchor import Anchor, Status, resolve
from reader.bookmarks.model import Bookmark, newest_first, passage_words
from reader.bookmarks.words import WordRangeError as WordRangeError  # (the dialog's)
from reader.bookmarks.words import format_word_range
from reader.bookmarks.words import parse_word_range as parse_word_range
from reader.corpus.model import Article, split_passage_id
from reader.ui.logic.find import fold

MarkSpan = tuple[int, int, Status]
"""``(start, end, status)`` with offsets into a passage's text."""


# --- the pane's filter ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BookmarkFilter:
    """What the filter box asks for: ``#tag`` (a tag starting with it), ``@source`` or
    ``source:x`` (the source contains it), ``tag:x`` like ``#x``; other words must all
    appear in the quote, note, headline, source or tags. Case and accents do not matter."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.words or self.tags or self.sources)

    def matches(self, bm: Bookmark) -> bool:
        tags = [fold(t) for t in bm.tags]
        if not all(any(t.startswith(want) for t in tags) for want in self.tags):
            return False
        source = fold(bm.source)
        if not all(want in source for want in self.sources):
            return False
        if self.words:
            hay = fold("\n".join((bm.quote, bm.note, bm.headline, bm.source, *bm.tags)))
            return all(word in hay for word in self.words)
        return True


def parse_filter(text: str) -> BookmarkFilter:
    words: list[str] = []
    tags: list[str] = []
    sources: list[str] = []
    for token in text.split():
        low = fold(token)
        if low.startswith("#"):
            target, value = tags, low[1:]
        elif low.startswith("@"):
            target, value = sources, low[1:]
        elif low.startswith("tag:"):
            target, value = tags, low[4:]
        elif low.startswith("source:"):
            target, value = sources, low[7:]
        else:
            target, value = words, low
        if value:
            target.append(value)
    return BookmarkFilter(tuple(words), tuple(tags), tuple(sources))


def filter_bookmarks(bookmarks: Iterable[Bookmark], text: str) -> list[Bookmark]:
    """The bookmarks passing the filter ``text`` (see :class:`BookmarkFilter`), newest
    first."""
    wanted = parse_filter(text)
    return newest_first(bm for bm in bookmarks if wanted.matches(bm))


# --- tags and word ranges as typed ------------------------------------------------------


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags; a leading ``#`` is dropped, empty ones are ignored."""
    return [t.strip().lstrip("#").strip() for t in text.split(",") if t.strip().lstrip("#")]


def format_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def word_offsets(text: str, words: tuple[int, int] | None) -> tuple[int, int]:
    """Offsets into ``text`` of the word range (the whole text for ``None``)."""
    if words is None:
        return 0, len(text)
    tokens = passage_words(text)
    return tokens[words[0]].start, tokens[words[1] - 1].end


def numbered_words(text: str, every: int = 5) -> list[tuple[int, int]]:
    """``(offset, number)`` before word 1 and every ``every``-th word: where a preview
    shows word numbers so a range can be typed without counting."""
    return [
        (tok.start, n)
        for n, tok in enumerate(passage_words(text), start=1)
        if n == 1 or n % every == 0
    ]


# --- marks in the reading pane ----------------------------------------------------------


class _OneArticle:
    def __init__(self, article: Article) -> None:
        self._article = article

    def article(self, article_id: str) -> Article | None:
        return self._article if article_id == self._article.id else None


def mark_spans(article: Article, bookmarks: Iterable[Bookmark]) -> dict[int, list[MarkSpan]]:
    """Where ``article``'s bookmarks are now, by passage index: the quoted range for a
    bookmark found in place or re-attached (``ok``/``moved``), the whole likely new version
    of the passage for one whose text changed (``changed``)."""
    lookup = _OneArticle(article)
    marks: dict[int, list[MarkSpan]] = {}
    for bm in bookmarks:
        if bm.article_id != article.id:
            continue
        anchor = resolve(bm, lookup)
        if anchor.status == "changed":
            if anchor.passage is not None:
                p = anchor.passage
                marks.setdefault(p.index, []).append((0, len(p.text), "changed"))
            continue
        if anchor.start is None or anchor.end is None:
            continue
        for p in article.passages:
            s, e = max(anchor.start, p.start), min(anchor.end, p.end)
            if s < e:
                marks.setdefault(p.index, []).append((s - p.start, e - p.start, anchor.status))
    return marks


def jump_target(bm: Bookmark, anchor: Anchor | None) -> int | None:
    """The passage index to open for ``bm`` (where its anchor is now, else where it was);
    ``None`` when the article is gone."""
    if anchor is not None:
        if anchor.status == "orphaned":
            return None
        if anchor.passage is not None:
            return anchor.passage.index
    try:
        return split_passage_id(bm.passage_id)[1]
    except ValueError:
        return 0


# --- labels -----------------------------------------------------------------------------

STATUS_LABELS: dict[str, str] = {
    "ok": "",
    "moved": "moved",
    "changed": "CHANGED",
    "orphaned": "ORPHANED",
}


def when_label(stamp: str) -> str:
    """``2024-05-01T12:34:56+02:00`` as ``2024-05-01 12:34`` (the text itself when it is
    not a time)."""
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return when.strftime("%Y-%m-%d %H:%M")


def passage_label(bm: Bookmark) -> str:
    """``headline`` for passage 0, ``¶3`` otherwise, plus the word range if there is one."""
    try:
        index = split_passage_id(bm.passage_id)[1]
    except ValueError:
        where = bm.passage_id
    else:
        where = "headline" if index == 0 else f"¶{index}"
    if bm.words is not None:
        where += f" words {format_word_range(bm.words)}"
    return where


def undo_queue_push(queue: list[Bookmark], bm: Bookmark, limit: int = 20) -> None:
    """Remember a deleted bookmark for undo, keeping the last ``limit``."""
    queue.append(bm)
    del queue[:-limit]


def count_label(
    matched: int,
    total: int,
    filtered: bool,
    add_key: str = "b",
    shown: int | None = None,
    elsewhere: int = 0,
) -> str:
    """The line above the list: how many there are (and how many of them are listed), or
    how to make the first one; and how many other corpora have (not listed here)."""
    noun = "bookmark" if total == 1 else "bookmarks"
    others = (
        f" · {elsewhere:,} more in other corpora (reader bookmarks list --all)" if elsewhere else ""
    )
    if filtered:
        text = f"{matched:,} of {total:,} {noun} match"
    elif not total:
        return f"No bookmarks in this corpus yet: press {add_key} on a passage to keep it.{others}"
    else:
        text = f"{total:,} {noun}, newest first"
    if shown is not None and shown < matched:
        text += f"; the newest {shown:,} listed (type to narrow)"
    return text + others


def bookmarks_of(bookmarks: Sequence[Bookmark], passage_id: str) -> list[Bookmark]:
    return [bm for bm in bookmarks if bm.passage_id == passage_id]
