"""Making bookmarks from passages, and finding them again in articles that may have changed.

:func:`resolve` checks a bookmark against the current articles and says where it is now:

- ``ok``: the quote is where it was, in the same passage;
- ``moved``: the quote was found elsewhere (re-attached by quote and context), in its
  article or, when that is gone or the id now names another article (its files were
  renamed, or two files with one name were numbered again), in another article;
- ``changed``: the quote is no longer in the article; the bookmark keeps its old text and
  the anchor offers the passage that is most likely its new version;
- ``orphaned``: the article is gone.

Nothing here writes: a bookmark is never dropped or altered by being checked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from reader.bookmarks.model import (
    Bookmark,
    new_id,
    normalize_tags,
    now_iso,
    passage_words,
    text_hash,
)
from reader.bookmarks.words import WordRangeError, outside_message
from reader.corpus.model import Article, Passage, split_passage_id

Status = Literal["ok", "moved", "changed", "orphaned"]
STATUSES: tuple[Status, ...] = ("ok", "moved", "changed", "orphaned")
CONTEXT_CHARS = 40
SIMILAR_ENOUGH = 0.5  # difflib ratio for "this passage is the changed version of the quote"


class ArticleLookup(Protocol):
    """What bookmarks need from the library: an article by id, or ``None`` if it is gone."""

    def article(self, article_id: str) -> Article | None: ...


@runtime_checkable
class QuoteFinder(Protocol):
    """A lookup that can also find the articles holding a quote (the library can)."""

    def article(self, article_id: str) -> Article | None: ...

    def articles_quoting(self, quote: str) -> list[str]: ...


class UnknownPassage(LookupError):
    """A passage id that names no passage of the library."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown passage"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a bookmark is now.

    ``start``/``end`` are the quote's current offsets into ``article.text`` (``None`` when
    changed or orphaned). ``passage`` is the passage holding the quote now, or for
    ``changed`` the likely new version of the old passage (``None`` if there is none).
    ``passage_changed`` is true when that passage's text differs from the bookmarked one
    (also possible for ``ok``/``moved`` when only words outside a word range changed).
    """

    bookmark: Bookmark
    status: Status
    article: Article | None = field(default=None, repr=False)
    passage: Passage | None = None
    start: int | None = None
    end: int | None = None
    passage_changed: bool = False

    @property
    def old_text(self) -> str:
        return self.bookmark.quote

    @property
    def new_text(self) -> str | None:
        """The current text of the passage, for ``changed`` (show old and new side by side)."""
        return self.passage.text if self.passage is not None else None

    @property
    def passage_id(self) -> str | None:
        return self.passage.id if self.passage is not None else None

    def describe(self) -> str:
        if self.status == "ok":
            return "in place"
        if self.status == "moved":
            return f"re-attached at {self.passage_id}"
        if self.status == "changed":
            if self.passage is None:
                return "the passage is no longer in the article"
            return f"the passage has changed (now {self.passage_id})"
        return f"the article {self.bookmark.article_id} is gone"

    def to_json(self) -> dict[str, object]:
        return {
            "status": self.status,
            "passage": self.passage_id,
            "start": self.start,
            "end": self.end,
            "passage_changed": self.passage_changed,
            "text": self.new_text if self.status == "changed" else None,
        }


# --- making bookmarks -------------------------------------------------------------------


def find_passage(lookup: ArticleLookup, pid: str) -> tuple[Article, Passage]:
    """The article and passage for a passage id; raises :class:`UnknownPassage`."""
    try:
        article_id, index = split_passage_id(pid)
    except ValueError as exc:
        raise UnknownPassage(str(exc)) from None
    article = lookup.article(article_id)
    if article is None:
        raise UnknownPassage(f"no article {article_id!r} (from passage id {pid!r})")
    if not 0 <= index < len(article.passages):
        raise UnknownPassage(
            f"no passage {pid!r}: article {article_id!r} has passages "
            f"p0 to p{len(article.passages) - 1}"
        )
    return article, article.passages[index]


def word_span(passage: Passage, words: tuple[int, int]) -> tuple[int, int]:
    """Offsets into the passage text of the half-open word range ``words`` (indexes, see
    :mod:`reader.bookmarks.words`); a :class:`WordRangeError` when it does not fit."""
    tokens = passage_words(passage.text)
    first, last = words
    if not 0 <= first < last <= len(tokens):
        raise WordRangeError(outside_message(words, len(tokens), passage.id))
    return tokens[first].start, tokens[last - 1].end


def make_bookmark(
    article: Article,
    passage: Passage,
    *,
    words: tuple[int, int] | None = None,
    note: str = "",
    tags: Iterable[str] = (),
    bookmark_id: str | None = None,
    now: str | None = None,
) -> Bookmark:
    """A new bookmark of ``passage`` (or of the word range ``words`` inside it)."""
    rel_start, rel_end = (0, len(passage.text)) if words is None else word_span(passage, words)
    start, end = passage.start + rel_start, passage.start + rel_end
    before, after = context_around(article.text, start, end)
    stamp = now or now_iso()
    return Bookmark(
        id=bookmark_id or new_id(),
        article_id=article.id,
        passage_id=passage.id,
        quote=article.text[start:end],
        created=stamp,
        updated=stamp,
        source=article.source,
        headline=article.title,
        date=article.date.iso() if article.date else None,
        before=before,
        after=after,
        start=start,
        end=end,
        passage_hash=text_hash(passage.text),
        note=note,
        tags=normalize_tags(tags),
        words=words,
    )


def context_around(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to ``size`` characters before and after ``text[start:end]``, cut at a space so the
    context does not begin or end in the middle of a word."""
    before = text[max(0, start - size) : start]
    if start - size > 0 and " " in before:
        before = before[before.index(" ") + 1 :]
    after = text[end : end + size]
    if end + size < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return before, after


def reanchored(bookmark: Bookmark, anchor: Anchor, *, now: str | None = None) -> Bookmark:
    """The bookmark moved to where ``anchor`` found it (offsets, passage, context, hash).

    For a ``changed`` anchor the bookmark takes the whole new passage as its quote (the
    word range is dropped); an ``orphaned`` or unattached anchor raises ``ValueError``.
    """
    if anchor.article is None or anchor.passage is None:
        raise ValueError(f"bookmark {bookmark.id} has nothing to re-attach to")
    article, passage = anchor.article, anchor.passage
    if anchor.status == "changed" or anchor.start is None or anchor.end is None:
        start, end, words = passage.start, passage.end, None
    else:
        start, end, words = anchor.start, anchor.end, bookmark.words
        if words is not None:
            words = _words_of(passage, start - passage.start, end - passage.start)
    before, after = context_around(article.text, start, end)
    return bookmark.with_changes(
        article_id=article.id,
        passage_id=passage.id,
        quote=article.text[start:end],
        before=before,
        after=after,
        start=start,
        end=end,
        words=words,
        passage_hash=text_hash(passage.text),
        source=article.source or bookmark.source,
        headline=article.title or bookmark.headline,
        date=article.date.iso() if article.date else bookmark.date,
        updated=now or now_iso(),
    )


def _words_of(passage: Passage, rel_start: int, rel_end: int) -> tuple[int, int] | None:
    tokens = passage_words(passage.text)
    inside = [i for i, t in enumerate(tokens) if t.start >= rel_start and t.end <= rel_end]
    return (inside[0], inside[-1] + 1) if inside else None


# --- finding them again -----------------------------------------------------------------


def resolve(bookmark: Bookmark, lookup: ArticleLookup) -> Anchor:
    """Where ``bookmark`` is in the current articles (see the module docstring)."""
    article = lookup.article(bookmark.article_id)
    if article is not None:
        text, quote = article.text, bookmark.quote
        start, end = bookmark.start, bookmark.end
        if start is not None and end is not None and quote and text[start:end] == quote:
            return _found(bookmark, article, start, end, same_place=True)
        found = _search(text, bookmark)
        if found is not None:
            return _found(bookmark, article, *found, same_place=False)
    elsewhere = _elsewhere(bookmark, lookup, article)
    if elsewhere is not None:
        return elsewhere
    if article is None:
        return Anchor(bookmark, "orphaned")
    similar = _most_similar(article, bookmark)
    if similar is None and _another_article(article, bookmark):
        return Anchor(bookmark, "orphaned")  # the id names another article now
    passage = similar or _same_index(article, bookmark)
    return Anchor(bookmark, "changed", article, passage, passage_changed=True)


def _another_article(article: Article, bookmark: Bookmark) -> bool:
    """The id may name an article other than the one bookmarked: its headline is not the
    recorded one (the ids of two files of one name are numbered by the order they are
    found in, so a rebuild after one is deleted gives its id to the other)."""
    return bool(bookmark.headline) and article.title != bookmark.headline


def _elsewhere(bookmark: Bookmark, lookup: ArticleLookup, article: Article | None) -> Anchor | None:
    """The quote found in another article, when the bookmarked one is gone or the id now
    names another article; for an article that is there and only changed, in another
    article of the same source only (not in another outlet's copy of a wire text)."""
    if not isinstance(lookup, QuoteFinder) or not bookmark.quote.strip():
        return None
    anywhere = article is None or _another_article(article, bookmark)
    candidates = []
    for aid in lookup.articles_quoting(bookmark.quote):
        other = lookup.article(aid) if aid != bookmark.article_id else None
        if other is None or not (anywhere or other.source == bookmark.source):
            continue
        # the same headline and source first, then the first id: the same answer each time
        rank = (other.title != bookmark.headline, other.source != bookmark.source, aid)
        candidates.append((rank, other))
    if not candidates:
        return None
    _, best = min(candidates, key=lambda c: c[0])
    found = _search(best.text, bookmark)
    return None if found is None else _found(bookmark, best, *found, same_place=False)


def resolve_all(bookmarks: Iterable[Bookmark], lookup: ArticleLookup) -> dict[str, Anchor]:
    """Anchors by bookmark id."""
    return {bm.id: resolve(bm, lookup) for bm in bookmarks}


def _found(
    bookmark: Bookmark, article: Article, start: int, end: int, *, same_place: bool
) -> Anchor:
    passage = _passage_at(article, start, end)
    moved = (
        not same_place
        or passage is None
        or passage.id != bookmark.passage_id
        or article.id != bookmark.article_id
    )
    changed = passage is None or (
        bool(bookmark.passage_hash) and text_hash(passage.text) != bookmark.passage_hash
    )
    return Anchor(
        bookmark, "moved" if moved else "ok", article, passage, start, end, passage_changed=changed
    )


def _passage_at(article: Article, start: int, end: int) -> Passage | None:
    """The passage holding ``[start, end)``, else the one holding ``start``."""
    holding = None
    for p in article.passages:
        if p.start <= start < p.end or (start == end == p.start):
            if end <= p.end:
                return p
            holding = holding or p
    return holding


def _search(text: str, bookmark: Bookmark) -> tuple[int, int] | None:
    """The best place of the quote in ``text``: exact matches first, then matches that
    differ only in whitespace; among several, the one whose surroundings agree most with
    the stored context, then the one nearest the old offset."""
    quote = bookmark.quote
    if not quote.strip():
        return None
    spans = []
    pos = text.find(quote)
    while pos != -1:
        spans.append((pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    if not spans:
        pattern = r"\s+".join(re.escape(part) for part in quote.split())
        spans = [m.span() for m in re.finditer(pattern, text)]
    if not spans:
        return None
    old = bookmark.start if bookmark.start is not None else 0

    def score(span: tuple[int, int]) -> tuple[int, int]:
        s, e = span
        agree = _common_suffix(text[max(0, s - len(bookmark.before)) : s], bookmark.before)
        agree += _common_prefix(text[e : e + len(bookmark.after)], bookmark.after)
        return agree, -abs(s - old)

    return max(spans, key=score)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _most_similar(article: Article, bookmark: Bookmark) -> Passage | None:
    """The passage most like the old quote if it is similar enough, else ``None``; never
    the paragraph that stood just before or after it."""
    best, best_ratio = None, 0.0
    for p in article.passages:
        if _is_neighbour(p.text, bookmark):
            continue
        matcher = difflib.SequenceMatcher(None, bookmark.quote, p.text, autojunk=False)
        if matcher.real_quick_ratio() < SIMILAR_ENOUGH or matcher.quick_ratio() < SIMILAR_ENOUGH:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = p, ratio
    return best if best is not None and best_ratio >= SIMILAR_ENOUGH else None


def _same_index(article: Article, bookmark: Bookmark) -> Passage | None:
    """The passage that still has the bookmarked passage's number, unless it is the
    paragraph that stood before or after the bookmarked one (the bookmarked paragraph was
    deleted and a neighbour took its number: that is not its new version)."""
    try:
        _, index = split_passage_id(bookmark.passage_id)
    except ValueError:
        return None
    if not 0 <= index < len(article.passages):
        return None
    passage = article.passages[index]
    return None if _is_neighbour(passage.text, bookmark) else passage


def _is_neighbour(text: str, bookmark: Bookmark) -> bool:
    """``text`` begins with what followed the quote across a paragraph break, or ends with
    what preceded it across one."""
    after, before = bookmark.after, bookmark.before
    follows = "\n" in after[: len(after) - len(after.lstrip())] and after.strip()
    precedes = "\n" in before[len(before.rstrip()) :] and before.strip()
    return bool(
        (follows and text.startswith(after.strip())) or (precedes and text.endswith(before.strip()))
    )
