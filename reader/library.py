"""The library: one corpus, its index and store, and what the CLI and the app ask of them.

Opening a library is cheap (no corpus-sized work); :meth:`Library.update` brings the index
up to date and :meth:`Library.is_current` tells, with one ``stat`` per file, whether it must.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.index import Index
from whoosh.searching import Searcher

from reader.config import Config
from reader.corpus.model import Article, Passage, split_passage_id
from reader.search.indexer import (
    IndexPaths,
    Progress,
    UpdateReport,
    open_index,
    passage_documents,
    scan_corpus,
    update_index,
)
from reader.search.query import (
    Hit,
    SearchResult,
    fragments,
    join_title,
    match_offsets,
    parse_query,
    query_terms,
)
from reader.search.store import ArticleStore, ArticleSummary

if TYPE_CHECKING:
    from reader.analysis.pipeline import ArticleAnalysis

ARTICLE_CACHE = 256
ANALYSIS = "analysis"  # store kind: dates and entities of an article
INDEXED = "indexed"  # store kind: the article's index documents carry that analysis


@dataclass
class EnrichReport:
    pending: int = 0
    analysed: int = 0
    reindexed: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"analysed": self.analysed, "reindexed": self.reindexed,
                "seconds": round(self.seconds, 3), "problems": self.problems}


class Library:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.paths = IndexPaths(config.resolved_index_dir())
        self._ix: Index | None = None
        self._store: ArticleStore | None = None
        self._searcher: Searcher | None = None
        self._rebuild_reason = ""
        self._cache: OrderedDict[str, Article | None] = OrderedDict()
        self._lock = threading.RLock()
        self._recognizer: Any = None

    @property
    def lock(self) -> threading.RLock:
        """Held around every use of the store connection, which threads share."""
        return self._lock

    # opening -------------------------------------------------------------------------
    def _open(self) -> None:
        if self._ix is None:
            self._ix, self._store, self._rebuild_reason = open_index(self.paths)

    @property
    def store(self) -> ArticleStore:
        self._open()
        assert self._store is not None
        return self._store

    @property
    def index(self) -> Index:
        self._open()
        assert self._ix is not None
        return self._ix

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._store is not None:
                self._store.close()
            self._ix = self._store = None

    # updating ------------------------------------------------------------------------
    def is_current(self) -> bool:
        """Whether the index matches the corpus (one ``stat`` per file, nothing read)."""
        with self._lock:
            self._open()
            if self._rebuild_reason:
                return False
            return scan_corpus(self.store, self.config.corpus, self.config.overrides).is_current

    def update(self, progress: Progress | None = None) -> UpdateReport:
        """Index what changed in the corpus since the last run."""
        with self._lock:
            self._open()
            report = update_index(
                self.index, self.store, self.config.corpus, self.config.overrides, progress
            )
            if self._rebuild_reason:
                report.rebuilt, report.rebuild_reason = True, self._rebuild_reason
                self._rebuild_reason = ""
            if not report.up_to_date:
                self._reset_readers()
            return report

    def enrich(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> EnrichReport:
        """Analyse (dates, entities) every article not yet analysed by the current
        recognisers, on both cores, storing results as they come; then rewrite those
        articles' index documents with their entities and inferred dates."""
        from reader.analysis.pipeline import analysis_version, analyze_many

        started = time.perf_counter()
        tick = progress or (lambda phase, done, total: None)
        version = analysis_version(self.config.gazetteer)
        with self._lock:
            todo = self.store.analysis_missing(ANALYSIS, version)
        report = EnrichReport(pending=len(todo))
        if todo:
            articles = self._articles_unlocked(todo)
            results = analyze_many(articles, self.config.gazetteer, len(todo), cancelled)
            for n, (aid, analysis) in enumerate(results, start=1):
                with self._lock:
                    self.store.put_analysis(aid, ANALYSIS, version, analysis.to_json())
                    if analysis.date is not None and analysis.date.inferred:
                        self.store.set_date(aid, analysis.date)
                    if n % 200 == 0:
                        self.store.commit()
                report.analysed += 1
                if analysis.error:
                    report.problems.append(f"{aid}: {analysis.error}")
                tick("analyse", n, len(todo))
            with self._lock:
                self.store.commit()
        with self._lock:
            stale = self.store.analysis_missing(INDEXED, version)
            stale = [aid for aid in stale if self.store.get_analysis(aid, ANALYSIS)]
        if stale and not cancelled():
            self._rewrite_documents(stale, version, tick)
            report.reindexed = len(stale)
            with self._lock:
                self._reset_readers()
        report.seconds = time.perf_counter() - started
        return report

    def apply_inferred_dates(self, progress: Progress | None = None) -> list[str]:
        """Store the dates the timeline inferred for undated articles (marked inferred) and
        put them in the index, so lists, search results and date filters agree with it.
        Returns the ids whose date changed."""
        from reader.analysis.pipeline import analysis_version
        from reader.analysis.timeline import timeline

        inferred = timeline(self).inferred_dates
        changed: list[str] = []
        with self._lock:
            for aid, guess in inferred.items():
                article = self.store.article(aid)
                if article is None or (article.date is not None and not article.date.inferred):
                    continue
                if article.date != guess.date:
                    self.store.set_date(aid, guess.date)
                    changed.append(aid)
            if changed:
                version = analysis_version(self.config.gazetteer)
                self._rewrite_documents(changed, version, progress or (lambda *a: None))
                self._reset_readers()
        return changed

    def _rewrite_documents(self, ids: list[str], version: str, tick: Progress) -> None:
        from reader.analysis.pipeline import ArticleAnalysis

        total = len(ids)
        bulk = total >= 1000
        writer = self.index.writer(procs=2, multisegment=True, limitmb=256) if bulk else (
            self.index.writer(limitmb=128))
        done: list[str] = []
        try:
            for n, aid in enumerate(ids, start=1):
                with self._lock:  # per article: the UI reads articles meanwhile
                    article = self.store.article(aid)
                    stored = self.store.get_analysis(aid, ANALYSIS)
                if article is None or stored is None:
                    continue
                analysis = ArticleAnalysis.from_json(stored[1])
                article.date = article.date or analysis.date
                writer.delete_by_term("article", aid)
                for doc in passage_documents(article, analysis.passage_entities(article)):
                    writer.add_document(**doc)
                done.append(aid)
                if n % 500 == 0 or n == total:
                    tick("entities", n, total)
            tick("commit", 0, 0)
            # A bulk rewrite leaves a deleted copy of every document in the old segments,
            # skewing document frequencies until they merge: merge them now.
            writer.commit(optimize=bulk)
        except BaseException:
            writer.cancel()
            raise
        with self._lock:
            for aid in done:
                self.store.put_analysis(aid, INDEXED, version, None)
            self.store.commit()

    def _articles_unlocked(self, ids: list[str]) -> Iterator[Article]:
        """Articles read one at a time under the lock, so other threads get turns."""
        for aid in ids:
            with self._lock:
                article = self.store.article(aid)
            if article is not None:
                yield article

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        """Stored analysis of an article, or computed on the spot when the background
        enrichment has not reached it yet (the recogniser then loads in this process)."""
        from reader.analysis.pipeline import ArticleAnalysis, analyze_article, make_recognizer

        stored = self.stored_analysis(article_id)
        if stored is not None:
            return ArticleAnalysis.from_json(stored)
        article = self.article(article_id)
        if article is None:
            return None
        if self._recognizer is None:
            self._recognizer = make_recognizer(self.config.gazetteer)
        return analyze_article(article, self._recognizer)

    def stored_analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis as JSON, never computed: for scans over many articles that
        must not load the recogniser."""
        with self._lock:
            row = self.store.get_analysis(article_id, ANALYSIS)
        return row[1] if row else None

    def _entity_offsets(
        self, article_id: str, passage: Passage, names: set[str]
    ) -> list[tuple[int, int]]:
        """Mentions in ``passage`` of the entities an ``entity:`` query asked for."""
        stored = self.stored_analysis(article_id)
        if stored is None:
            return []
        return [
            (s["start"] - passage.start, s["end"] - passage.start)
            for s in stored["entities"]
            if s["start"] >= passage.start and s["end"] <= passage.end
            and (s.get("canonical") or s["text"]).replace(",", " ").lower() in names
        ]

    def _reset_readers(self) -> None:
        # Never Searcher.refresh(): the maintained forks keep stale segments. Reopen instead.
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._cache.clear()

    def searcher(self) -> Searcher:
        with self._lock:
            if self._searcher is None:
                self._searcher = self.index.searcher()
            return self._searcher

    # reading -------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        with self._lock:
            if article_id in self._cache:
                self._cache.move_to_end(article_id)
                return self._cache[article_id]
            article = self.store.article(article_id)
            self._cache[article_id] = article
            if len(self._cache) > ARTICLE_CACHE:
                self._cache.popitem(last=False)
            return article

    def passage(self, pid: str) -> Passage | None:
        try:
            article_id, index = split_passage_id(pid)
        except ValueError:
            return None
        article = self.article(article_id)
        if article is None or index >= len(article.passages):
            return None
        return article.passages[index]

    def summaries(self) -> list[ArticleSummary]:
        with self._lock:
            return self.store.summaries()

    # searching -----------------------------------------------------------------------
    def search(self, text: str, limit: int | None = None) -> SearchResult:
        """Passage hits ranked by BM25F; raises ``QueryError`` for a malformed query."""
        query = parse_query(text)
        limit = limit or self.config.search_limit
        with self._lock:
            searcher = self.searcher()
            results = searcher.search(join_title(query, searcher), limit=limit)
            by_field = query_terms(query, searcher)
            terms, names = by_field.get("text", set()), by_field.get("entity", set())
            hits: list[Hit] = []
            for hit in results:
                article = self.article(hit["article"])
                if article is None or hit["passage"] >= len(article.passages):
                    continue
                passage = article.passages[hit["passage"]]
                matches = match_offsets(passage.text, terms)
                if names:
                    matches = sorted({*matches, *self._entity_offsets(article.id, passage, names)})
                hits.append(
                    Hit(article, passage, hit.score, matches, fragments(passage.text, matches))
                )
            return SearchResult(text, len(results), hits, terms, names)


def corpus_is_empty(paths: list[Path]) -> bool:
    """True when no corpus path exists or none holds a readable file."""
    from reader.corpus.loader import discover

    files, _ = discover(paths)
    return not files
