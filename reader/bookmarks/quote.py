"""A passage, some of its words or a bookmark as a quote to paste into a draft:

    „Putin fordert von Biden Zusicherungen …“ — Reuters, 2021-12-07, https://…

One line: the words in German quotation marks (quotation marks inside them become single
ones, ‚…‘), "…" where the words start or end inside the passage, then the source, the date
as the app writes it (:meth:`~reader.corpus.model.When.describe`) and the URL when the
article has one. Control characters are shown as escapes, so a pasted quote cannot carry
a terminal sequence along. The app's copy key and ``reader quote`` both use this.
"""

from __future__ import annotations

import re

from reader.bookmarks.anchor import word_span
from reader.bookmarks.model import Bookmark, passage_words
from reader.corpus.model import Article, Passage, When
from reader.corpus.visible import visible

UNKNOWN_SOURCE = "unknown source"
UNDATED = "undated"
_INNER_PAIR = re.compile("„([^„“]*)“")
_PUNCTUATION = ".,;:!?…–—-()[]„“”‚‘’\"'»«"


def date_words(when: When | None) -> str:
    """An article's date as the app shows it (``undated`` when it has none)."""
    return when.describe() if when is not None else UNDATED


def citation(
    text: str,
    *,
    source: str,
    date: str,
    url: str = "",
    starts_inside: bool = False,
    ends_inside: bool = False,
) -> str:
    """``„text“ — source, date, url`` on one line; ``starts_inside``/``ends_inside`` say
    that the words begin or end inside a passage (they get "…")."""
    words = _INNER_PAIR.sub(r"‚\1‘", " ".join(text.split()))
    if starts_inside:
        words = "… " + words
    if ends_inside:
        words += " …"
    cite = [" ".join(source.split()) or UNKNOWN_SOURCE, date or UNDATED]
    if url.strip():
        cite.append(" ".join(url.split()))
    return visible(f"„{words}“ — {', '.join(cite)}")


def passage_quote(article: Article, passage: Passage, words: tuple[int, int] | None = None) -> str:
    """``passage`` of ``article`` (or its half-open word range ``words``, as in
    :func:`~reader.bookmarks.anchor.word_span`, which raises ``ValueError`` for a range
    outside the passage) as a quote."""
    text, first, last, count = passage.text, 0, 0, 0
    if words is not None:
        start, end = word_span(passage, words)
        text, (first, last) = passage.text[start:end], words
        count = len(passage_words(passage.text))
    return citation(
        text,
        source=article.source,
        date=date_words(article.date),
        url=article.url,
        starts_inside=first > 0,
        ends_inside=last < count,
    )


def bookmark_quote(bookmark: Bookmark, article: Article | None = None) -> str:
    """The bookmarked words as a quote; the date and URL from ``article`` (the bookmark's
    article as the library has it now) when it is known, else the date the bookmark kept."""
    if article is not None:
        date, url = date_words(article.date), article.url
    else:
        date, url = bookmark.date or UNDATED, ""
    return citation(
        bookmark.quote,
        source=bookmark.source or (article.source if article is not None else ""),
        date=date,
        url=url,
        starts_inside=bookmark.words is not None and _inside(bookmark.before, at_start=True),
        ends_inside=bookmark.words is not None and _inside(bookmark.after, at_start=False),
    )


def _inside(context: str, *, at_start: bool) -> bool:
    """Whether ``context`` (the text before or after a bookmarked word range) holds words of
    the same passage: punctuation next to the words does not count."""
    if at_start:
        rest = context.rstrip(_PUNCTUATION + " ")
        return bool(rest) and not rest.endswith("\n")
    rest = context.lstrip(_PUNCTUATION + " ")
    return bool(rest) and not rest.startswith("\n")
