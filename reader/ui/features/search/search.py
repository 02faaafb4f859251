"""Running a search for the search pane (in its worker) and marking what it found in an
article (the reading pane's ``search`` layer)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.ui.messages import SearchDone, SearchFailed

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.query import Hit
    from reader.ui.widgets.styled import StyleSpan

SEARCH_STYLE = "bold reverse"


def run_query(library: Library, query: str, limit: int | None = None) -> SearchDone | SearchFailed:
    """``query`` run on ``library`` (in a worker thread): the result, or why it failed."""
    from reader.search.query import QueryError

    try:
        result = library.search(query, limit)
        # the words to mark in every passage of an opened article, not only in the hits
        terms = frozenset(result.terms)
    except QueryError as exc:
        return SearchFailed(query, str(exc))
    except Exception as exc:
        return SearchFailed(query, f"the search failed: {exc}")
    return SearchDone(query, result, terms)


def search_layer(
    hits: Iterable[Hit], terms: frozenset[str], article: Article
) -> dict[int, list[StyleSpan]]:
    """The searched words in every passage of ``article``, plus what the hits themselves
    matched (entity mentions of an ``entity:`` query, for instance)."""
    spans: dict[int, set[tuple[int, int]]] = {}
    for hit in hits:
        if hit.passage.article_id == article.id:
            spans.setdefault(hit.passage.index, set()).update(hit.matches)
    if terms:
        from reader.search.query import match_offsets

        wanted = set(terms)
        for p in article.passages:
            found = match_offsets(p.text, wanted)
            if found:
                spans.setdefault(p.index, set()).update(found)
    return {i: [(s, e, SEARCH_STYLE) for s, e in sorted(m)] for i, m in spans.items() if m}
