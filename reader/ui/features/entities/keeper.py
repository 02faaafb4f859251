"""Names and dates in the app: an invisible widget on the main screen that owns the feature.

:class:`EntityKeeper` follows the screen's ``article`` (bound down) and runs the feature's
workers:

* ``entity-analysis`` — the open article's analysis: stored, or computed on the spot when the
  enrichment has not reached it yet; its spans go up as the reading pane's ``entities`` and
  ``dates`` layers (:class:`~reader.ui.messages.SetLayer`).
* ``entity-corpus`` — the corpus-wide entity table for the entity pane, from stored
  analysis only.
* ``enrich`` — the background enrichment (:mod:`.enrichment`), once the library is listed.
  Its progress and its end (:class:`~reader.ui.messages.EnrichDone`) bubble up to the
  screen, which shows the progress strip and tells the other features.

It builds the entity pane and the colour legend and feeds them (they do not know it).
Nothing here loads the recogniser at start-up: the first import of the analysis code
happens in a worker, and only when there is something to analyse.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.ui.features.entities import enrichment
from reader.ui.features.entities.colors import checked_colors
from reader.ui.features.entities.legend import EntityLegend
from reader.ui.features.library.pane import ROUTINE
from reader.ui.keys import key_label
from reader.ui.logic.entity_layers import (
    DATE_LAYER,
    ENTITY_LAYER,
    LayerSpans,
    analysis_layers,
    entity_styles,
)
from reader.ui.messages import EnrichDone, SetLayer, ShowLayers

if TYPE_CHECKING:
    from reader.analysis.entity_table import EntityRow
    from reader.corpus.model import Article, When
    from reader.library import Library
    from reader.ui.features.entities.pane import EntityPane
    from reader.ui.source import LibrarySource

CACHE = 64  # articles whose layers and entity rows are kept
PANE_ID = "entities"
LAYERS = (ENTITY_LAYER, DATE_LAYER)


@dataclass
class ArticleAnalysed(Message):
    article_id: str
    layers: dict[str, LayerSpans]
    rows: list[EntityRow]
    error: str = ""


@dataclass
class CorpusCounted(Message):
    rows: list[EntityRow]
    analysed: int
    total: int


@dataclass
class _ArticleEntities:
    layers: dict[str, LayerSpans]
    rows: list[EntityRow]


class EntityKeeper(Widget):
    """The analysis of the open article (cached), the entity pane's data, the legend, and
    the background enrichment."""

    DEFAULT_CSS = "EntityKeeper { display: none; }"

    article: var[Article | None] = var(None)
    """The open article (bound to the screen's)."""
    library_ready: var[bool] = var(False)
    """The library is listed (bound to the screen's)."""

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.shown = True
        """Whether names and dates are highlighted (the ``toggle_entities`` key)."""
        colors = dict(source.config.entity_colors or {})
        self.entity_colors, self.color_problems = checked_colors(colors)
        self.styles_by_label = entity_styles(self.entity_colors)
        self.cache: OrderedDict[str, _ArticleEntities] = OrderedDict()
        self.pending: str | None = None
        """The article being analysed for the reading pane."""
        self.enriched = False
        """The enrichment has run to its end in this session."""
        self.corpus_counted = False
        self.legend: EntityLegend | None = None
        self.pane: EntityPane | None = None
        # Held while analysing on the spot and while the enrichment starts its processes:
        # a fork while another thread holds the recogniser's locks would hang the children.
        self._gate = threading.Lock()

    def on_mount(self) -> None:
        for problem in self.color_problems:
            self.notify(problem, title="config", severity="warning", timeout=10, markup=False)

    @property
    def library(self) -> Library:
        return self.source.library

    def make_legend(self) -> EntityLegend:
        """The colour legend above the article (hidden until an article is open)."""
        self.legend = EntityLegend(id="entity-legend")
        return self.legend

    def make_pane(self) -> EntityPane:
        """The sidebar's entity pane (built the first time it is shown)."""
        from reader.ui.features.entities.pane import EntityPane

        self.pane = EntityPane(self.styles_by_label, id=PANE_ID)
        self.call_after_refresh(self._fill_pane)
        return self.pane

    # highlighting -------------------------------------------------------------------------
    def toggle(self) -> None:
        """Highlight names and dates, or stop (the layers are kept, only hidden)."""
        self.shown = not self.shown
        self.post_message(ShowLayers(LAYERS, self.shown))
        self._update_legend()

    def key_names(self) -> tuple[str, str]:
        """How the toggle and pane keys are shown (remapped keys as remapped)."""
        return key_label(self.app, "toggle_entities"), key_label(self.app, "entities")

    def _update_legend(self) -> None:
        legend = self.legend
        if legend is None:
            return
        article = self.article
        legend.display = article is not None
        if article is not None:
            legend.show_legend(
                self.styles_by_label,
                shown=self.shown,
                analysing=self.pending == article.id,
                keys=self.key_names(),
            )

    def layers_for(self, article: Article) -> dict[str, LayerSpans]:
        """Layer provider: the article's layers when known (else they follow when ready)."""
        known = self.cache.get(article.id)
        if known is None:
            return {ENTITY_LAYER: {}, DATE_LAYER: {}}
        self.cache.move_to_end(article.id)
        return known.layers

    def watch_article(self, article: Article | None) -> None:
        if article is not None and article.id not in self.cache:
            self.pending = article.id
            self.run_worker(
                partial(self._analyse, article.id),
                name="entity-analysis",
                group="entity-analysis",
                exclusive=True,
                exit_on_error=False,
                thread=True,
            )
        self._update_legend()
        self._show_article_rows()

    def _analyse(self, article_id: str) -> None:
        """Worker: the article's analysis (stored, or computed now) as layers and rows."""
        from reader.analysis.entity_table import tabulate
        from reader.analysis.pipeline import ArticleAnalysis

        worker = get_current_worker()
        library = self.library
        try:
            article = library.article(article_id)
            if article is None:
                return
            stored = library.stored_analysis(article_id)
            analysis: ArticleAnalysis | None
            if stored is not None:
                analysis = ArticleAnalysis.from_json(stored)
            else:
                from reader.refresh import article_analysis

                if not enrichment.wait_for_gate(self._gate, lambda: worker.is_cancelled):
                    return
                try:
                    analysis = article_analysis(library, article_id)
                finally:
                    self._gate.release()
            layers = analysis_layers(article, analysis, self.styles_by_label)
            rows = tabulate([(article.source, analysis)]) if analysis is not None else []
        except Exception as exc:  # show the article without names rather than fail
            self.post_message(ArticleAnalysed(article_id, {}, [], f"{type(exc).__name__}: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(ArticleAnalysed(article_id, layers, rows))

    def on_article_analysed(self, message: ArticleAnalysed) -> None:
        message.stop()
        if message.error:
            self.notify(
                f"Could not find the names in this article: {message.error}",
                severity="warning",
                markup=False,
            )
        else:
            self.cache[message.article_id] = _ArticleEntities(message.layers, message.rows)
            self.cache.move_to_end(message.article_id)
            while len(self.cache) > CACHE:
                self.cache.popitem(last=False)
        if self.pending == message.article_id:
            self.pending = None
        for name in LAYERS:
            self.post_message(SetLayer(name, message.article_id, message.layers.get(name, {})))
        self._update_legend()
        self._show_article_rows()

    # entity pane ---------------------------------------------------------------------------
    def _fill_pane(self) -> None:
        self._show_article_rows()
        if not self.corpus_counted:
            self.count_corpus()

    def _show_article_rows(self) -> None:
        pane = self.pane
        if pane is None:
            return
        article = self.article
        if article is None:
            pane.set_article(None, "open an article to see its names")
            return
        known = self.cache.get(article.id)
        if known is None:
            pane.set_article(None, "finding names…")
        else:
            pane.set_article(known.rows)

    def count_corpus(self) -> None:
        """Count the corpus's entities in a worker (stored analysis only)."""
        if not self.library_ready:
            if self.pane is not None:
                self.pane.set_corpus(None, "waiting for the library…")
            return
        self.corpus_counted = True
        self.run_worker(
            self._count_corpus,
            name="entity-corpus",
            group="entity-corpus",
            exclusive=True,
            exit_on_error=False,
            thread=True,
        )

    def _count_corpus(self) -> None:
        """Worker: :func:`~reader.analysis.entity_table.tabulate` over the stored analyses,
        reading only their entities (the dates are not needed here)."""
        from reader.analysis.entity_table import tabulate
        from reader.analysis.pipeline import ArticleAnalysis
        from reader.analysis.spans import Span

        worker = get_current_worker()
        library = self.library
        summaries = library.summaries()
        items = []
        for summary in summaries:
            if worker.is_cancelled:
                return
            stored = library.stored_analysis(summary.id)
            if stored is not None:
                entities = [Span.from_json(s) for s in stored.get("entities", ())]
                items.append((summary.source, ArticleAnalysis(entities=entities)))
        rows = tabulate(items)
        if not worker.is_cancelled:
            self.post_message(CorpusCounted(rows, len(items), len(summaries)))

    def on_corpus_counted(self, message: CorpusCounted) -> None:
        message.stop()
        pane = self.pane
        if pane is None:
            return
        note = ""
        if message.analysed < message.total:
            note = f"{message.analysed:,} of {message.total:,} articles analysed so far"
        pane.set_corpus(message.rows, note)

    # background enrichment ------------------------------------------------------------------
    def start_enrichment(self, index_changed: bool, shown: dict[str, When | None]) -> None:
        """Analyse what is missing and date undated articles, in a worker (see
        :func:`.enrichment.enrich`); ``shown`` are the dates the library list shows."""
        self.run_worker(
            partial(self._enrich, index_changed, shown),
            name="enrich",
            group="enrich",
            exclusive=True,
            exit_on_error=False,
            thread=True,
        )
        if self.pane is not None and not self.corpus_counted:
            self.count_corpus()  # the pane was opened before the library was ready

    def _enrich(self, index_changed: bool, shown: dict[str, When | None]) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        job = partial(
            enrichment.enrich,
            self.library,
            index_changed,
            cancelled,
            shown,
            self._gate,
            self.post_message,
        )
        enrichment.run_in_background(job, cancelled)

    def on_enrich_done(self, message: EnrichDone) -> None:
        # not stopped: the message bubbles on to the screen for the other features
        if message.error:
            self.notify(
                f"Finding names and dates in the corpus failed: {message.error}\n"
                "Run `reader index` in a shell to see the whole error.",
                title="Names and dates",
                severity="error",
                markup=False,
                timeout=12,
            )
            return
        self.enriched = True
        if message.analysed or message.reindexed:
            # what was computed on the spot is stored now; ask again for the open article
            self.cache.clear()
            self.watch_article(self.article)
            self.corpus_counted = False
        if self.pane is not None and not self.corpus_counted:
            self.count_corpus()
        if message.analysed:
            dated = _plural(len(message.dated), "undated article")
            self.notify(
                f"Found the names and dates of {_plural(message.analysed, 'article')} in "
                f"{message.seconds:.1f} s" + (f"; dated {dated}" if message.dated else ""),
                title="Names and dates",
                markup=False,
                timeout=ROUTINE,
            )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' if count != 1 else ''}"
