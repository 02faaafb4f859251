"""Names and dates in the app: background enrichment, on-the-spot analysis, highlighting.

:class:`EntityStatus` is a one-line progress strip above the footer (shown only while the
corpus is being analysed) and the home of the feature's workers and state:

* ``enrich`` — after the library is loaded, :meth:`Library.enrich` analyses what is missing
  (both cores on a large corpus) and rewrites the index documents, then
  :meth:`Library.apply_inferred_dates` stores the dates the timeline infers. When it is done
  the library list, the open article's highlighting and the entity pane are refreshed, and
  :class:`EnrichDone` bubbles up to the screen for other panes.
* ``entity-analysis`` — the open article's analysis: stored, or computed on the spot when the
  enrichment has not reached it yet; its spans become the reading pane's ``entities`` and
  ``dates`` layers.
* ``entity-corpus`` — the corpus-wide entity table for the entity pane, from stored
  analysis only.

Nothing here loads the recogniser at start-up: the first import of the analysis code
happens in a worker, and only when there is something to analyse.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from reader.ui.entity_layers import (
    DATE_LAYER,
    ENTITY_LAYER,
    LayerSpans,
    analysis_layers,
    entity_styles,
)
from reader.ui.widgets.legend import EntityLegend, checked_colors

if TYPE_CHECKING:
    from reader.analysis.entity_table import EntityRow
    from reader.corpus.model import Article, When
    from reader.library import EnrichReport, Library
    from reader.search.store import ArticleSummary
    from reader.ui.library_rows import LibraryIndex
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.entity_pane import EntityPane

PHASES = {
    "analyse": "Finding names and dates",
    "entities": "Adding names to the index",
    "commit": "Writing the index",
    "dates": "Dating undated articles",
}
PROGRESS_EVERY = 0.1  # seconds between progress messages from the worker
CACHE = 64  # articles whose layers and entity rows are kept
PANE_ID = "entities"
GATE_POLL = 0.2  # seconds between checks for cancellation while waiting for the gate
CANCEL_WAIT = 10.0  # seconds the closing app waits for the enrichment to stop cleanly
BACKGROUND_NICE = 10  # the enrichment's priority: the UI thread and screen come first


class _Cancelled(Exception):
    """Raised inside the enrichment's progress callback when the app is closing."""


# messages (posted from the workers) ----------------------------------------------------------
@dataclass
class EnrichProgress(Message):
    phase: str
    done: int
    total: int


@dataclass
class EnrichDone(Message):
    """The background enrichment finished (or failed: ``error``). Bubbles up to the screen
    (``on_enrich_done``): stored analysis, index documents and inferred dates are current."""

    report: EnrichReport | None = None
    dated: list[str] = field(default_factory=list)
    summaries: Sequence[ArticleSummary] | None = None
    """The library's summaries when dates the list shows changed (re-read in the worker)."""
    library_index: LibraryIndex | None = None
    error: str = ""


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


class EntityStatus(Horizontal):
    """Enrichment progress (one line, hidden when idle) and the entity feature's workers."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = True
        """Whether names and dates are highlighted (the ``toggle_entities`` key)."""
        self.entity_colors, self.color_problems = checked_colors(self._config_colors())
        self.styles_by_label = entity_styles(self.entity_colors)
        self.cache: OrderedDict[str, _ArticleEntities] = OrderedDict()
        self.pending: str | None = None
        """The article being analysed for the reading pane."""
        self.enriching = False
        self.enriched = False
        """The enrichment has run to its end in this session."""
        self.corpus_counted = False
        # Held while analysing on the spot and while the enrichment starts its processes:
        # a fork while another thread holds the recogniser's locks would hang the children.
        self._gate = threading.Lock()

    def _config_colors(self) -> dict[str, str]:
        config = getattr(self.app, "config", None)
        return dict(getattr(config, "entity_colors", {}) or {})

    def compose(self) -> ComposeResult:
        yield Static(id="entity-status-label", markup=False)
        yield ProgressBar(id="entity-status-bar", show_eta=False)

    def on_mount(self) -> None:
        self.display = False
        self.main.add_layer_provider(self._known_layers)
        self.watch(self.main, "article", self._article_changed, init=False)
        for problem in self.color_problems:
            self.notify(problem, title="config", severity="warning", timeout=10, markup=False)

    @property
    def main(self) -> MainScreen:
        return self.screen  # type: ignore[return-value]

    @property
    def library(self) -> Library:
        return self.main.library

    @property
    def legend(self) -> EntityLegend | None:
        legends = self.main.query(EntityLegend)
        return legends.first() if legends else None

    @property
    def pane(self) -> EntityPane | None:
        return self.main.sidebar.pane(PANE_ID)  # type: ignore[return-value]

    # highlighting -------------------------------------------------------------------------
    def toggle(self) -> None:
        """Highlight names and dates, or stop (the layers are kept, only hidden)."""
        self.shown = not self.shown
        reading = self.main.reading
        reading.show_layer(ENTITY_LAYER, self.shown)
        reading.show_layer(DATE_LAYER, self.shown)
        self._update_legend()

    def key_names(self) -> tuple[str, str]:
        """How the toggle and pane keys are shown (remapped keys as remapped)."""
        from reader.ui.keys import BY_ID

        keymap = getattr(self.app, "keymap", {})
        names = []
        for command_id in ("toggle_entities", "entities"):
            command = BY_ID.get(command_id)
            keys = keymap.get(command_id, command.key if command else "")
            first = keys.split(",")[0].strip()
            names.append(self.app.get_key_display(Binding(first, "")) if first else "?")
        return names[0], names[1]

    def _update_legend(self) -> None:
        legend = self.legend
        if legend is None:
            return
        article = self.main.article
        legend.display = article is not None
        if article is not None:
            legend.show_legend(
                self.styles_by_label, shown=self.shown,
                analysing=self.pending == article.id, keys=self.key_names(),
            )

    def _known_layers(self, article: Article) -> dict[str, LayerSpans]:
        """Layer provider: the article's layers when known (else they follow when ready)."""
        known = self.cache.get(article.id)
        if known is None:
            return {ENTITY_LAYER: {}, DATE_LAYER: {}}
        self.cache.move_to_end(article.id)
        return known.layers

    def _article_changed(self, article: Article | None) -> None:
        if article is not None and article.id not in self.cache:
            self.pending = article.id
            self.run_worker(
                partial(self._analyse, article.id), name="entity-analysis",
                group="entity-analysis", exclusive=True, exit_on_error=False, thread=True,
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
            if stored is not None:
                analysis = ArticleAnalysis.from_json(stored)
            else:
                if not self._wait_for_gate(lambda: worker.is_cancelled):
                    return
                try:
                    analysis = library.analysis(article_id)
                finally:
                    self._gate.release()
            layers = analysis_layers(article, analysis, self.styles_by_label)
            rows = tabulate([(article.source, analysis)]) if analysis is not None else []
        except Exception as exc:  # show the article without names rather than fail
            self.post_message(ArticleAnalysed(article_id, {}, [], f"{type(exc).__name__}: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(ArticleAnalysed(article_id, layers, rows))

    def _wait_for_gate(self, cancelled: Callable[[], bool]) -> bool:
        while not self._gate.acquire(timeout=GATE_POLL):
            if cancelled():
                return False
        return True

    def on_article_analysed(self, message: ArticleAnalysed) -> None:
        message.stop()
        if message.error:
            self.notify(f"Could not find the names in this article: {message.error}",
                        severity="warning", markup=False)
        else:
            self.cache[message.article_id] = _ArticleEntities(message.layers, message.rows)
            self.cache.move_to_end(message.article_id)
            while len(self.cache) > CACHE:
                self.cache.popitem(last=False)
        if self.pending == message.article_id:
            self.pending = None
        reading = self.main.reading
        if reading.article is not None and reading.article.id == message.article_id:
            for name in (ENTITY_LAYER, DATE_LAYER):
                reading.set_layer(name, message.layers.get(name, {}))
        self._update_legend()
        self._show_article_rows()

    # entity pane ---------------------------------------------------------------------------
    def make_pane(self) -> EntityPane:
        """The sidebar's entity pane (built the first time it is shown)."""
        from reader.ui.widgets.entity_pane import EntityPane

        pane = EntityPane(self.styles_by_label, id=PANE_ID)
        self.call_after_refresh(self._fill_pane)
        return pane

    def _fill_pane(self) -> None:
        self._show_article_rows()
        if not self.corpus_counted:
            self.count_corpus()

    def _show_article_rows(self) -> None:
        pane = self.pane
        if pane is None:
            return
        article = self.main.article
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
        if not self.main.library_ready:
            if self.pane is not None:
                self.pane.set_corpus(None, "waiting for the library…")
            return
        self.corpus_counted = True
        self.run_worker(
            self._count_corpus, name="entity-corpus", group="entity-corpus", exclusive=True,
            exit_on_error=False, thread=True,
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
    def start_enrichment(self, index_changed: bool) -> None:
        """Analyse what is missing and date undated articles, in a worker; ``index_changed``
        says the index was just updated (inferred dates are then checked even when nothing
        needed analysing)."""
        self.enriching = True
        self.run_worker(
            partial(self._enrich, index_changed), name="enrich", group="enrich",
            exclusive=True, exit_on_error=False, thread=True,
        )
        if self.pane is not None and not self.corpus_counted:
            self.count_corpus()  # the pane was opened before the library was ready

    def _enrich(self, index_changed: bool) -> None:
        """Worker: runs :meth:`_enrich_in_background` in a thread of its own at a lower
        priority (on Linux the priority is per thread, and the worker processes it starts
        inherit it), so the screen stays quick while both cores analyse."""
        worker = get_current_worker()
        cancelled = lambda: worker.is_cancelled  # noqa: E731 - read on every call
        shown = {s.id: s.date for s in self.main.summaries}  # the dates the list shows now
        thread = threading.Thread(
            target=self._enrich_in_background,
            args=(self.library, index_changed, cancelled, shown),
            name="reader-enrich", daemon=True,
        )
        thread.start()
        while thread.is_alive() and not cancelled():
            thread.join(GATE_POLL)
        thread.join(CANCEL_WAIT)  # let it stop cleanly (writers cancelled) when closing

    def _enrich_in_background(
        self,
        library: Library,
        index_changed: bool,
        cancelled: Callable[[], bool],
        shown: dict[str, When | None],
    ) -> None:
        if sys.platform.startswith("linux"):
            with contextlib.suppress(OSError):
                os.nice(BACKGROUND_NICE)
        gate = {"held": False}
        last = {"phase": "", "at": 0.0}

        def release_gate() -> None:
            if gate["held"]:
                gate["held"] = False
                self._gate.release()

        def progress(phase: str, done: int, total: int) -> None:
            # the first report comes after the worker processes started: the gate can open
            release_gate()
            if cancelled() and phase != "analyse":
                raise _Cancelled  # 'analyse' stops through cancelled() between chunks
            now = time.monotonic()
            if phase != last["phase"] or done == total or now - last["at"] >= PROGRESS_EVERY:
                last["phase"], last["at"] = phase, now
                self.post_message(EnrichProgress(phase, done, total))

        try:
            if not self._wait_for_gate(cancelled):
                return
            gate["held"] = True
            report = library.enrich(progress, cancelled)
            release_gate()
            dated: list[str] = []
            if cancelled():
                return
            if index_changed or report.analysed or report.reindexed:
                progress("dates", 0, 0)
                dated = library.apply_inferred_dates(progress)
            summaries = None
            library_index = None
            if dated or report.analysed:  # analysis dates undated articles from their text
                fresh = library.summaries()
                if any(shown.get(s.id) != s.date for s in fresh):
                    from reader.ui.library_rows import LibraryIndex

                    summaries, library_index = fresh, LibraryIndex(fresh)
        except _Cancelled:
            return
        except Exception as exc:
            self.post_message(EnrichDone(error=f"{type(exc).__name__}: {exc}"))
            return
        finally:
            release_gate()
        if not cancelled():
            self.post_message(EnrichDone(report, dated, summaries, library_index))

    def on_enrich_progress(self, message: EnrichProgress) -> None:
        message.stop()
        self.display = True
        label = PHASES.get(message.phase, message.phase.capitalize())
        if message.total:
            label += f" {message.done:,}/{message.total:,}"
        self.query_one("#entity-status-label", Static).update(Content(label))
        bar = self.query_one("#entity-status-bar", ProgressBar)
        if message.total:
            bar.update(total=message.total, progress=message.done)
        else:
            bar.update(total=None)

    def on_enrich_done(self, message: EnrichDone) -> None:
        # not stopped: the message bubbles on to the screen for other panes
        self.enriching = False
        self.display = False
        if message.error:
            self.notify(
                f"Finding names and dates in the corpus failed: {message.error}\n"
                "Run `reader index` in a shell to see the whole error.",
                title="Names and dates", severity="error", markup=False, timeout=12,
            )
            return
        self.enriched = True
        main = self.main
        if message.summaries is not None:
            main.summaries = message.summaries
            main.library_pane.set_summaries(message.summaries, message.library_index)
        report = message.report
        if report is not None and (report.analysed or report.reindexed):
            # what was computed on the spot is stored now; ask again for the open article
            self.cache.clear()
            if main.article is not None:
                self._article_changed(main.article)
            self.corpus_counted = False
        if self.pane is not None and not self.corpus_counted:
            self.count_corpus()
        if report is not None and report.analysed:
            dated = (f"; dated {len(message.dated):,} undated article"
                     f"{'s' if len(message.dated) != 1 else ''}") if message.dated else ""
            self.notify(
                f"Found the names and dates of {report.analysed:,} article"
                f"{'s' if report.analysed != 1 else ''} in {report.seconds:.1f} s{dated}",
                title="Names and dates", markup=False,
            )
