"""Entities across the corpus: one row per canonical entity with its mentions per source."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.pipeline import ArticleAnalysis
from reader.analysis.spans import Span


@dataclass(slots=True)
class EntityRow:
    name: str
    label: str
    mentions: int = 0
    articles: int = 0
    by_source: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "mentions": self.mentions,
            "articles": self.articles,
            "by_source": dict(self.by_source.most_common()),
            "forms": [form for form, _ in self.forms.most_common()],
        }


def entity_key(span: Span) -> tuple[str, str]:
    """What makes two mentions the same entity: canonical name (else the text) and type."""
    return (span.canonical or span.text, span.label)


def tabulate(items: list[tuple[str, ArticleAnalysis]]) -> list[EntityRow]:
    """Rows for ``(source, analysis)`` pairs, most mentioned first."""
    rows: dict[tuple[str, str], EntityRow] = {}
    seen_in: defaultdict[tuple[str, str], int] = defaultdict(int)
    for source, analysis in items:
        in_article: set[tuple[str, str]] = set()
        for span in analysis.entities:
            key = entity_key(span)
            row = rows.get(key)
            if row is None:
                row = rows[key] = EntityRow(key[0], key[1])
            row.mentions += 1
            row.by_source[source] += 1
            row.forms[span.text] += 1
            in_article.add(key)
        for key in in_article:
            seen_in[key] += 1
    for key, row in rows.items():
        row.articles = seen_in[key]
    return sorted(rows.values(), key=lambda r: (-r.mentions, r.name))


def corpus_entities(library: Any) -> list[EntityRow]:
    """The corpus-wide table from stored analysis (articles not analysed yet are left out)."""
    items = []
    for summary in library.summaries():
        stored = library.stored_analysis(summary.id)
        if stored is not None:
            items.append((summary.source, ArticleAnalysis.from_json(stored)))
    return tabulate(items)
