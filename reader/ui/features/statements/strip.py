"""The statements of the passage being read: speakers and cues marked in the text (the
reading pane's ``statements`` layer), and a line per statement under the article with the
other outlets that report it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from reader.corpus.model import passage_id
from reader.ui.features.statements import STATEMENT_LAYER
from reader.ui.logic import statement_rows as sr
from reader.ui.logic.text import one_line
from reader.ui.messages import SetLayer

if TYPE_CHECKING:
    from reader.analysis.coverage import Statements
    from reader.corpus.model import Article
    from reader.search.store import ArticleSummary
    from reader.ui.widgets.reading_pane import Layer

SPEAKER_STYLE = "bold underline"
CUE_STYLE = "italic underline"
SHOWN = 3  # statements listed under the article; more are counted


class StatementStrip(Static):
    """Follows the screen's ``article``, ``passage`` and ``statements`` (bound down)."""

    article: var[Article | None] = var(None)
    passage: var[int] = var(0)
    statements: var[Statements | None] = var(None)
    summaries: var[Sequence[ArticleSummary]] = var(())

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(Content(""), markup=False, **kwargs)

    def on_mount(self) -> None:
        self._show()

    def watch_statements(self, table: Statements | None) -> None:
        if self.article is not None:
            layer = self.layers_for(self.article)[STATEMENT_LAYER]
            self.post_message(SetLayer(STATEMENT_LAYER, self.article.id, layer))
        self._show()

    def watch_article(self) -> None:
        self._show()

    def watch_passage(self) -> None:
        self._show()

    def layers_for(self, article: Article) -> Mapping[str, Layer]:
        """Speakers and cues of ``article``'s statements, per passage (a layer source of
        the main screen)."""
        layer: dict[int, list[tuple[int, int, str]]] = {}
        table = self.statements
        if table is None:
            return {STATEMENT_LAYER: layer}
        for p in article.passages:
            for row in table.in_passage(p.id):
                s = row.statement
                spans = layer.setdefault(p.index, [])
                for start, end, style in (
                    (s.speaker_start, s.speaker_end, SPEAKER_STYLE),
                    (s.cue_start, s.cue_end, CUE_STYLE),
                ):
                    if p.start <= start < end <= p.end and s.cue != ":":
                        spans.append((start - p.start, end - p.start, style))
        return {STATEMENT_LAYER: layer}

    def _show(self) -> None:
        table, article = self.statements, self.article
        if table is None or article is None:
            self.display = False
            return
        found = sr.passage_statements(table, passage_id(article.id, self.passage))
        self.display = bool(found.here)
        if not found.here:
            return
        lines = []
        for row in found.here[:SHOWN]:
            s = row.statement
            others = found.elsewhere.get(row.id, [])
            no_source = sr.articles_without_source(self.summaries)
            also = (
                "also "
                + ", ".join(
                    f"{one_line(sr.source_label(src, no_source))} ({m})" for src, m in others
                )
                if others
                else "no other outlet"
            )
            lines.append(
                Content.assemble(
                    ("» ", "dim"),
                    (one_line(s.who or "(speaker unknown)"), "bold"),
                    (f" {s.cue} · {sr.MODE_WORDS.get(s.mode, s.mode)} · ", "dim"),
                    also,
                )
            )
        if len(found.here) > SHOWN:
            lines.append(
                Content(f"… {len(found.here) - SHOWN} more statements here").stylize("dim")
            )
        self.update(Content("\n").join(lines))
