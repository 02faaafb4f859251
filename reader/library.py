"""The library: one corpus, its index and store, and what the CLI and the app ask of them.

Opening a library is cheap (no corpus-sized work); :meth:`Library.update` brings the index
up to date and :meth:`Library.is_current` tells, with one ``stat`` per file, whether it must.
The library only stores and indexes: the analysis over it (and the refresh sequence that
runs it) is :mod:`reader.refresh`, one layer up.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.config import Config
from reader.corpus.model import Article, Passage, When, split_passage_id
from reader.search import manifest, mapped_file
from reader.search.index_folder import read_only_error
from reader.search.indexer import (
    Progress,
    UpdateReport,
    open_index,
    rewrite_documents,
    update_index,
)
from reader.search.scan import IndexPaths, Scan, changes, scan_corpus
from reader.search.store import ArticleStore, ArticleSummary
from reader.search.write_lock import write_lock

if TYPE_CHECKING:
    from whoosh.index import Index
    from whoosh.searching import Searcher

    from reader.search.query import SearchResult

ARTICLE_CACHE = 256
ANALYSIS = "analysis"  # store kind: dates and entities of an article
INDEXED = "indexed"  # store kind: the article's index documents carry that analysis


class Library:
    """The facade over one corpus's index and store: open, update, read, search."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.paths = IndexPaths(config.resolved_index_dir())
        self._ix: Index | None = None
        self._store: ArticleStore | None = None
        self._searcher: Searcher | None = None
        self._rebuild_reason = ""
        self._cache: OrderedDict[str, Article | None] = OrderedDict()
        self._lock = threading.RLock()

    @property
    def lock(self) -> threading.RLock:
        """Held around every use of the store connection, which threads share."""
        return self._lock

    # opening -------------------------------------------------------------------------
    def _open(self, waiting: Callable[[int], None] | None = None) -> None:
        if self._ix is None:
            mapped_file.install()  # segments read in place, not copied (issue 18, memory)
            self._ix, self._store, self._rebuild_reason = open_index(self.paths, waiting)

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
        """Index what changed in the corpus since the last run; waits for another process
        writing this index (progress phase ``waiting``, ``done`` its process id) rather
        than meeting it mid-write; raises ``IndexBusy`` if it keeps the index too long."""
        tick = progress or (lambda phase, done, total: None)
        waited = False

        def waiting(pid: int) -> None:
            nonlocal waited
            waited = True
            tick("waiting", pid, 0)

        with self._lock:
            self._open(waiting)  # (a new or unreadable index is built under the lock)
            scan = None
            if not self._rebuild_reason:
                scan = scan_corpus(self.store, self.config.corpus, self.config.overrides)
            if scan is not None and scan.is_current:  # nothing to write: no lock to wait for
                return self._update(progress, scan)
            if scan is not None and self.store.read_only:
                why = f"the index must be updated ({changes(scan)})"
                raise read_only_error(self.paths.root, why)
        with write_lock(self.paths.root, waiting), self._lock:
            # what another writer did while this one waited is not in the scan: look again
            return self._update(progress, None if waited else scan)

    def _update(self, progress: Progress | None, scan: Scan | None) -> UpdateReport:
        report = update_index(
            self.index, self.store, self.config.corpus, self.config.overrides, progress, scan
        )
        if self._rebuild_reason:
            report.rebuilt, report.rebuild_reason = True, self._rebuild_reason
            self._rebuild_reason = ""
        if not report.up_to_date:
            manifest.record(self.store, self.paths.whoosh)
            self._reset_readers()
        return report

    def reindex(
        self,
        ids: list[str],
        entry: Callable[[Article], tuple[When | None, dict[int, list[str]]] | None],
        version: str,
        progress: Progress | None = None,
    ) -> None:
        """Rewrite the index documents of ``ids`` with the date and the entities per passage
        that ``entry(article)`` gives (``None``: leave that article), and mark them in the
        store as carrying analysis ``version`` (kind ``INDEXED``). Waits for another
        process writing this index, as :meth:`update` does."""
        tick = progress or (lambda phase, done, total: None)
        if self.store.read_only:
            raise read_only_error(self.paths.root, "the articles' analysis must be indexed")
        with write_lock(self.paths.root, lambda pid: tick("waiting", pid, 0)):
            self._reindex(ids, entry, version, tick)

    def _reindex(
        self,
        ids: list[str],
        entry: Callable[[Article], tuple[When | None, dict[int, list[str]]] | None],
        version: str,
        tick: Progress,
    ) -> None:
        def read(aid: str) -> Article | None:
            with self._lock:  # per article: the UI reads articles meanwhile
                return self.store.article(aid)

        done = rewrite_documents(self.index, ids, read, entry, tick)
        with self._lock:
            for aid in done:
                self.store.put_analysis(aid, INDEXED, version, None)
            manifest.record(self.store, self.paths.whoosh)  # (commits)
            self._reset_readers()

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
            if s["start"] >= passage.start
            and s["end"] <= passage.end
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

    def articles_quoting(self, quote: str) -> list[str]:
        """Ids of the articles whose text holds ``quote`` (bookmarks re-found elsewhere)."""
        with self._lock:
            return self.store.articles_quoting(quote)

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
        # (imported here: the query parser and highlighting are for searches only, not
        # for updating the index or listing the library)
        from reader.search.entity_names import resolve_entity_names
        from reader.search.query import (
            Hit,
            SearchResult,
            fold_repeats,
            fragments,
            join_title,
            match_offsets,
            merge_spans,
            parse_query,
            query_terms,
        )

        query = parse_query(text)
        limit = limit or self.config.search_limit
        with self._lock:
            searcher = self.searcher()
            query, notes = resolve_entity_names(query, searcher)
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
                    matches = [*matches, *self._entity_offsets(article.id, passage, names)]
                matches = merge_spans(passage.text, matches)
                hits.append(
                    Hit(article, passage, hit.score, matches, fragments(passage.text, matches))
                )
            result = SearchResult(text, len(results), hits, terms, names, notes)
            if hits:
                fold_repeats(result, self.store.showings({h.article.title for h in hits}))
            return result
