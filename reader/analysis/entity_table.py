"""Entities across the corpus: one row per canonical entity with its mentions per source.

A name inside a compound ("NATO" in "NATO-Osterweiterung", label ``ORGpart``) is not a
mention of its entity: it counts in the row's ``parts`` only (tests/data/ANNOTATION.md)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.pipeline import ArticleAnalysis
from reader.analysis.spans import Span, entity_type, is_part


@dataclass(slots=True)
class EntityRow:
    name: str
    label: str
    mentions: int = 0
    articles: int = 0
    by_source: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    parts: int = 0
    """Names of this entity inside compounds (``ORGpart``): not counted in ``mentions``."""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "mentions": self.mentions,
            "parts": self.parts,
            "articles": self.articles,
            "by_source": dict(self.by_source.most_common()),
            "forms": [form for form, _ in self.forms.most_common()],
        }


def entity_key(span: Span) -> tuple[str, str]:
    """What makes two mentions the same entity: canonical name (else the text) and type
    (``ORG`` for an ``ORGpart`` too: a part belongs to its entity's row)."""
    return (span.canonical or span.text, entity_type(span.label))


def tabulate(items: list[tuple[str, ArticleAnalysis]]) -> list[EntityRow]:
    """Rows for ``(source, analysis)`` pairs, most mentioned first (then most parts).
    ``articles`` counts the articles that name the entity, in a mention or a part."""
    rows: dict[tuple[str, str], EntityRow] = {}
    seen_in: defaultdict[tuple[str, str], int] = defaultdict(int)
    for source, analysis in items:
        in_article: set[tuple[str, str]] = set()
        for span in analysis.entities:
            key = entity_key(span)
            row = rows.get(key)
            if row is None:
                row = rows[key] = EntityRow(key[0], key[1])
            if is_part(span.label):
                row.parts += 1
            else:
                row.mentions += 1
                row.by_source[source] += 1
                row.forms[span.text] += 1
            in_article.add(key)
        for key in in_article:
            seen_in[key] += 1
    for key, row in rows.items():
        row.articles = seen_in[key]
    return sorted(rows.values(), key=lambda r: (-r.mentions, -r.parts, r.name))


def corpus_entities(library: Any) -> list[EntityRow]:
    """The corpus-wide table from stored analysis (articles not analysed yet are left out)."""
    items = []
    for summary in library.summaries():
        stored = library.stored_analysis(summary.id)
        if stored is not None:
            items.append((summary.source, ArticleAnalysis.from_json(stored)))
    return tabulate(items)
