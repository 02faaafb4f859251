"""Names and dates on the reading pane, and the entity pane's rows, without Textual.

:func:`analysis_layers` turns an article's analysis (spans in article offsets) into the
reading pane's ``entities`` and ``dates`` layers (spans in passage offsets, styled by type);
:func:`entity_query` writes the search for an entity; :class:`EntityListRow` and
:func:`entity_list_rows` are the entity pane's list (two sections, filtered by typed words).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.spans import PART_LABELS, entity_type
from reader.ui.logic.find import fold

if TYPE_CHECKING:
    from collections import Counter

    from reader.analysis.entity_table import EntityRow
    from reader.analysis.pipeline import ArticleAnalysis
    from reader.analysis.spans import Span
    from reader.corpus.model import Article

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "DATE")
LABEL_NAMES: dict[str, str] = {
    "PER": "person",
    "LOC": "place",
    "ORG": "organisation",
    "DATE": "date",
}
COLOR_VARIABLES: dict[str, str] = {label: f"entity-{label.lower()}" for label in LABELS}
"""The theme variable that holds each label's colour (the app sets them for the theme in use,
see :mod:`reader.ui.features.entities.colors`)."""
ENTITY_LAYER = "entities"
DATE_LAYER = "dates"

LayerSpans = dict[int, list[tuple[int, int, str]]]
"""``{passage index: [(start, end, style)]}`` in passage offsets, as the reading pane takes."""


def entity_styles(colors: Mapping[str, str]) -> dict[str, str]:
    """The style of each label's spans: bold in its colour's theme variable (``$entity-per``:
    the colour made readable on the theme in use), for each label ``colors`` gives a colour.
    A name inside a compound (``ORGpart``: "NATO" in "NATO-Osterweiterung") is drawn in the
    lighter style of its type: the same colour, not bold."""
    styles = {label: f"bold ${COLOR_VARIABLES[label]}" for label in LABELS if colors.get(label)}
    for label in PART_LABELS:
        kind = entity_type(label)
        if colors.get(kind):
            styles[label] = f"${COLOR_VARIABLES[kind]}"
    return styles


def passage_spans(article: Article, spans: Iterable[Span], styles: Mapping[str, str]) -> LayerSpans:
    """``spans`` (article offsets) cut into the passages they fall in, styled by label.
    Spans of a label without a style are left out; a span across a passage edge is cut."""
    result: LayerSpans = {}
    ordered = sorted((s for s in spans if styles.get(s.label)), key=lambda s: (s.start, s.end))
    passages = article.passages
    i = 0
    for span in ordered:
        while i < len(passages) and passages[i].end <= span.start:
            i += 1
        j = i
        while j < len(passages) and passages[j].start < span.end:
            p = passages[j]
            start, end = max(span.start, p.start) - p.start, min(span.end, p.end) - p.start
            if end > start:
                result.setdefault(p.index, []).append((start, end, styles[span.label]))
            j += 1
    return result


def analysis_layers(
    article: Article, analysis: ArticleAnalysis | None, styles: Mapping[str, str]
) -> dict[str, LayerSpans]:
    """The ``entities`` and ``dates`` layers of ``article`` (empty without an analysis)."""
    if analysis is None:
        return {ENTITY_LAYER: {}, DATE_LAYER: {}}
    return {
        ENTITY_LAYER: passage_spans(article, analysis.entities, styles),
        DATE_LAYER: passage_spans(article, analysis.dates, styles),
    }


def entity_query(name: str) -> str:
    """The search for every passage mentioning the entity ``name`` (a canonical name).

    The index keeps names with commas turned into spaces (a comma separates names there),
    so the query does the same. A name with a double quote in it is written in single
    quotes (a whole-term query); a quote that cannot be written becomes a space.
    """
    clean = name.replace(",", " ").strip()
    if '"' not in clean:
        return f'entity:"{clean}"'
    if "'" not in clean and clean.count('"') % 2 == 0:
        return f"entity:'{clean}'"
    return 'entity:"' + " ".join(clean.replace('"', " ").split()) + '"'


def source_counts(by_source: Counter[str], limit: int | None = None) -> str:
    """``Reuters 4 · RT DE 3 · +2 more`` — mentions per source, most first."""
    items = by_source.most_common()
    shown = items if limit is None else items[:limit]
    text = " · ".join(f"{source or '(no source)'} {n}" for source, n in shown)
    if len(items) > len(shown):
        text += f" · +{len(items) - len(shown)} more"
    return text


@dataclass(frozen=True, slots=True)
class EntityListRow:
    """A section heading (``entity is None``) or an entity in the ``article`` or
    ``corpus`` section of the entity pane."""

    section: str
    title: str = ""
    entity: EntityRow | None = None

    @property
    def key(self) -> str | None:
        if self.entity is None:
            return None
        return f"{self.section}\t{self.entity.label}\t{self.entity.name}"

    @property
    def is_heading(self) -> bool:
        return self.entity is None


def matches(row: EntityRow, words: Sequence[str]) -> bool:
    """Every typed word in the name, a form met in the text, or the type's name."""
    haystack = fold(" ".join((row.name, *row.forms, row.label, LABEL_NAMES.get(row.label, ""))))
    return all(w in haystack for w in words)


def entity_list_rows(
    article_rows: Sequence[EntityRow] | None,
    corpus_rows: Sequence[EntityRow] | None,
    query: str = "",
    *,
    article_title: str = "",
    corpus_note: str = "",
) -> list[EntityListRow]:
    """Both sections with their headings; ``None`` for a section not known yet (shown as a
    heading that says so). ``query`` keeps rows matching every typed word."""
    words = fold(query).split()
    out: list[EntityListRow] = []
    for section, rows, title, note in (
        ("article", article_rows, "This article", article_title),
        ("corpus", corpus_rows, "Whole corpus", corpus_note),
    ):
        if rows is None:
            out.append(EntityListRow(section, f"{title}: {note or 'not analysed yet'}"))
            continue
        kept = [r for r in rows if matches(r, words)] if words else list(rows)
        count = f"{len(kept):,} of {len(rows):,}" if words else f"{len(rows):,}"
        head = f"{title} · {count} name{'s' if len(rows) != 1 else ''}"
        if note:
            head += f" · {note}"
        out.append(EntityListRow(section, head))
        out.extend(EntityListRow(section, entity=r) for r in kept)
    return out
