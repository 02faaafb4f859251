"""Bringing a library up to date: index → analysis → dates, for the CLI and the app alike.

The one place that runs the analysis over a library (it sits above ``reader.analysis``;
:class:`~reader.library.Library` below it only stores and indexes):

* :func:`refresh` — the whole sequence: update the index, then :func:`enrich_and_date`.
* :func:`enrich_and_date` — the tail, for a caller that updated the index itself (the app
  lists the library first): analyse what is missing (:func:`enrich`), then, when the index
  or the analysis changed, store the dates the timeline infers for undated articles
  (:func:`apply_inferred_dates`).
* :func:`article_analysis` — one article's analysis, stored or computed on the spot.

``progress(phase, done, total)`` is called with the phases ``scan``/``read``/``index``/
``commit`` (index), ``analyse``/``entities``/``commit`` (analysis) and ``dates``; it may
raise to abort. ``cancelled()`` is polled between chunks of the analysis and before dating.
"""

from __future__ import annotations

import hashlib
import json
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.library import ANALYSIS, INDEXED, Library
from reader.search.index_folder import read_only_error
from reader.search.indexer import Progress, UpdateReport

if TYPE_CHECKING:
    from reader.analysis.pipeline import ArticleAnalysis
    from reader.corpus.model import Article, When

Cancelled = Callable[[], bool]
VERSION_STAMP = "analysis_inputs"  # store meta: JSON names, stamp, version (current_version)
PACKAGE = Path(__file__).resolve().parent
"""The ``reader`` package, which the analysis inputs' names are relative to."""

_RECOGNIZERS: weakref.WeakKeyDictionary[Library, Any] = weakref.WeakKeyDictionary()
"""The recogniser each library loaded for on-the-spot analysis (loaded once, on first use)."""


def _never() -> bool:
    return False


def _quiet(phase: str, done: int, total: int) -> None:
    pass


@dataclass
class EnrichReport:
    """What :func:`enrich` did: articles analysed, index documents rewritten."""

    pending: int = 0
    analysed: int = 0
    reindexed: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "analysed": self.analysed,
            "reindexed": self.reindexed,
            "seconds": round(self.seconds, 3),
            "problems": self.problems,
        }


@dataclass
class RefreshReport:
    """What :func:`refresh` (or :func:`enrich_and_date`) did."""

    index: UpdateReport | None
    """The index update, or ``None`` when the caller updated the index itself."""
    analysis: EnrichReport
    inferred_dates: list[str] = field(default_factory=list)
    """Ids of the undated articles whose (inferred) date changed."""
    cancelled: bool = False
    """``cancelled()`` said stop after the analysis: the dates were not inferred."""

    @property
    def problems(self) -> list[str]:
        """Files, lines and articles skipped or only partly analysed."""
        index = [str(p) for p in self.index.problems] if self.index else []
        return [*index, *self.analysis.problems]

    def to_json(self) -> dict[str, Any]:
        data = self.index.to_json() if self.index else {}
        data["analysis"] = self.analysis.to_json()
        data["inferred_dates"] = self.inferred_dates
        return data


def refresh(
    library: Library, progress: Progress | None = None, cancelled: Cancelled = _never
) -> RefreshReport:
    """Update the index, analyse what is new and date the undated articles."""
    index = library.update(progress)
    return enrich_and_date(library, not index.up_to_date, progress, cancelled, index=index)


def enrich_and_date(
    library: Library,
    index_changed: bool,
    progress: Progress | None = None,
    cancelled: Cancelled = _never,
    *,
    index: UpdateReport | None = None,
) -> RefreshReport:
    """Analyse what is missing, then, if ``index_changed`` or the analysis changed
    anything, store the dates inferred for undated articles (phase ``dates``)."""
    tick = progress or _quiet
    analysis = enrich(library, tick, cancelled)
    report = RefreshReport(index, analysis)
    if cancelled():
        report.cancelled = True
        return report
    if index_changed or analysis.analysed or analysis.reindexed:
        tick("dates", 0, 0)
        with library.lock:
            complete = library.store.analysis_complete()
        report.inferred_dates = apply_inferred_dates(library, tick)
        if complete and report.inferred_dates:  # rewriting their documents took the mark
            with library.lock:
                library.store.mark_analysis_complete(complete)
                library.store.commit()
        if not cancelled():
            from reader.analysis.related import prepare

            prepare(library)  # the vocabulary scan, once here instead of in every process
    return report


def current_version(library: Library) -> str:
    """The analysis version (:func:`~reader.analysis.pipeline.analysis_version`), hashed
    again only when an input's size or modification time changed since the last time.

    The check needs neither the inputs' bytes nor the analysis modules: the store keeps the
    names of the inputs with their stamp (:func:`inputs_stamp`) and the version they gave.
    An input edited, touched or moved (another checkout), or other user names in the
    gazetteer, change the stamp; the inputs' list itself is in one of them."""
    entries = library.config.gazetteer
    with library.lock:
        known = _known_inputs(library.store.get_meta(VERSION_STAMP))
    if known is not None and known[1] == inputs_stamp(known[0], entries):
        return known[2]
    from reader.analysis.pipeline import ANALYSIS_INPUTS, analysis_version

    version = analysis_version(entries)
    names = list(ANALYSIS_INPUTS)
    record = {"names": names, "stamp": inputs_stamp(names, entries), "version": version}
    with library.lock:
        library.store.set_meta(VERSION_STAMP, json.dumps(record))
        library.store.commit()
    return version


def inputs_stamp(names: list[str], user_entries: Sequence[dict[str, Any]]) -> str:
    """Size and modification time of each analysis input (``names`` relative to the
    package, :data:`PACKAGE`), the package's folder and the user's gazetteer entries: one
    ``stat`` per input."""
    digest = hashlib.sha1(str(PACKAGE).encode())
    digest.update(json.dumps(list(user_entries), sort_keys=True, default=str).encode())
    for name in names:
        try:
            info = (PACKAGE / name).stat()
            seen = f"{info.st_size}\x1f{info.st_mtime_ns}"
        except OSError:
            seen = "missing"
        digest.update(f"{name}\x1f{seen}\x1e".encode())
    return digest.hexdigest()[:16]


def _known_inputs(value: str | None) -> tuple[list[str], str, str] | None:
    """The names, stamp and version :func:`current_version` stored (``None``: none, or a
    value of an older reader)."""
    try:
        data = json.loads(value or "")
        names, stamp, version = data["names"], data["stamp"], data["version"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return None
    if not isinstance(stamp, str) or not isinstance(version, str):
        return None
    return names, stamp, version


def enrich(
    library: Library, progress: Progress | None = None, cancelled: Cancelled = _never
) -> EnrichReport:
    """Analyse (dates, entities) every article not yet analysed by the current
    recognisers, on both cores, storing results as they come; then rewrite those
    articles' index documents with their entities and inferred dates."""
    started = time.perf_counter()
    tick = progress or _quiet
    version = current_version(library)
    store = library.store
    with library.lock:
        if store.analysis_complete() == version:
            return EnrichReport(seconds=time.perf_counter() - started)
        todo = store.analysis_missing(ANALYSIS, version)
    # (imported here: an up-to-date library needs neither the analysis nor its pool)
    from reader.analysis.pipeline import analyze_many

    if todo and store.read_only:
        why = f"the analysis of {len(todo)} article(s) must be stored"
        raise read_only_error(library.paths.root, why)
    report = EnrichReport(pending=len(todo))
    if todo:
        articles = _articles_unlocked(library, todo)
        results = analyze_many(
            articles, library.config.gazetteer, len(todo), cancelled, library.paths.words
        )
        for n, (aid, analysis) in enumerate(results, start=1):
            with library.lock:
                store.put_analysis(aid, ANALYSIS, version, analysis.to_json())
                if analysis.date is not None and analysis.date.inferred:
                    store.set_date(aid, analysis.date)
                if n % 200 == 0:
                    store.commit()
            report.analysed += 1
            if analysis.error:
                report.problems.append(f"{aid}: {analysis.error}")
            tick("analyse", n, len(todo))
        with library.lock:
            store.commit()
    with library.lock:
        stale = store.analysis_missing(INDEXED, version)
        stale = [aid for aid in stale if store.get_analysis(aid, ANALYSIS)]
    if stale and not cancelled():
        library.reindex(stale, _with_analysis(library), version, tick)
        report.reindexed = len(stale)
    if report.analysed == len(todo) and not cancelled():
        with library.lock:
            store.mark_analysis_complete(version)
            store.commit()
    report.seconds = time.perf_counter() - started
    return report


def apply_inferred_dates(library: Library, progress: Progress | None = None) -> list[str]:
    """Store the dates the timeline inferred for undated articles (marked inferred) and
    put them in the index, so lists, search results and date filters agree with it.
    Returns the ids whose date changed."""
    from reader.analysis.timeline import timeline

    inferred = timeline(library).inferred_dates
    changed: list[str] = []
    with library.lock:
        for aid, guess in inferred.items():
            article = library.store.article(aid)
            if article is None or (article.date is not None and not article.date.inferred):
                continue
            if article.date != guess.date:
                library.store.set_date(aid, guess.date)
                changed.append(aid)
        if changed:
            # committed, and the lock let go, before waiting for the index's write lock:
            # another writer holding it may need the store, and the UI reads meanwhile
            library.store.commit()
    if changed:
        version = current_version(library)
        library.reindex(changed, _with_analysis(library), version, progress or _quiet)
    return changed


def article_analysis(library: Library, article_id: str) -> ArticleAnalysis | None:
    """Stored analysis of an article, or computed on the spot when the enrichment has not
    reached it yet (the recogniser then loads in this process, once per library)."""
    from reader.analysis.pipeline import ArticleAnalysis, analyze_article, make_recognizer

    stored = library.stored_analysis(article_id)
    if stored is not None:
        return ArticleAnalysis.from_json(stored)
    article = library.article(article_id)
    if article is None:
        return None
    recognizer = _RECOGNIZERS.get(library)
    if recognizer is None:
        recognizer = _RECOGNIZERS[library] = make_recognizer(library.config.gazetteer)
    return analyze_article(article, recognizer)


def _with_analysis(
    library: Library,
) -> Callable[[Article], tuple[When | None, dict[int, list[str]]] | None]:
    """For :meth:`Library.reindex`: an article's date and entities from its stored
    analysis (``None``: not analysed, leave its documents)."""
    from reader.analysis.pipeline import ArticleAnalysis

    def entry(article: Article) -> tuple[When | None, dict[int, list[str]]] | None:
        stored = library.stored_analysis(article.id)
        if stored is None:
            return None
        analysis = ArticleAnalysis.from_json(stored)
        return article.date or analysis.date, analysis.passage_entities(article)

    return entry


def _articles_unlocked(library: Library, ids: list[str]) -> Iterator[Article]:
    """Articles read one at a time under the lock, so other threads get turns."""
    for aid in ids:
        with library.lock:
            article = library.store.article(aid)
        if article is not None:
            yield article
