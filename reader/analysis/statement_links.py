"""Related passages by what was said: a passage that reports a statement of another one is
linked to it whatever the time between the two (a demand made in April and again in
December), and the link says which it is — the same statement at the same time, or on
another occasion — beside the links of the same event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.coverage import statements
from reader.analysis.related_model import Related
from reader.analysis.statement_groups import OCCASION_GAP
from reader.corpus.model import When, split_passage_id

if TYPE_CHECKING:
    from reader.library import Library

STATEMENT_SCORE = 0.5  # the score of a link found only by its statement


def another_occasion(a: When | None, b: When | None) -> bool:
    """Two reports that are more than :data:`OCCASION_GAP` apart are of two occasions."""
    if a is None or b is None:
        return False
    return abs(a.as_date() - b.as_date()) > OCCASION_GAP


def with_statements(library: Library, pid: str, found: list[Related]) -> list[Related]:
    """``found`` (the related passages of ``pid``) with the passages of other articles that
    report one of its statements: marked ``occasion`` when made on another occasion,
    added as ``statement`` links when the other evidence did not find them."""
    table = statements(library)
    here = table.in_passage(pid)
    if not here:
        return found
    date = here[0].date
    article_id, _ = split_passage_id(pid)
    others: dict[str, When | None] = {}
    for gid in dict.fromkeys(r.group for r in here):
        for row in table.in_group(gid):
            if row.article != article_id:
                others.setdefault(row.passage, row.date)
    result = list(found)
    known = {r.passage_id: n for n, r in enumerate(result)}
    source = here[0].source
    for other, when in others.items():
        link = "occasion" if another_occasion(date, when) else "statement"
        if other in known:
            if link == "occasion":
                n = known[other]
                result[n] = _relinked(result[n], link)
            continue
        added = _link(library, other, link, source)
        if added is not None:
            result.append(added)
    result.sort(key=lambda r: (r.same_source, -r.score, r.passage_id))
    return result


def _relinked(r: Related, link: str) -> Related:
    from dataclasses import replace

    return replace(r, link=link)


def _link(library: Library, pid: str, link: str, source: str) -> Related | None:
    article_id, index = split_passage_id(pid)
    article = library.article(article_id)
    if article is None or index >= len(article.passages):
        return None
    return Related.at(
        article,
        index,
        score=STATEMENT_SCORE,
        text_score=0.0,
        entity_score=0.0,
        date_score=0.0,
        same_source=article.source == source and bool(source),
        link=link,
    )
