"""Index-time analysis: dates, entities and statements per article, computed once and stored.

:func:`analyze_article` is the whole analysis of one article. :func:`analyze_many` runs it on
both cores for large batches. Results are stored in the article store under the kind
``"analysis"`` with a version key (:func:`analysis_version`) that changes when the recognisers
or the user's gazetteer change, so stale results are recomputed and nothing else is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.analysis.spans import Span
from reader.analysis.statements import Statement, find_statements
from reader.child_processes import die_with_parent
from reader.corpus.model import Article, When

# Bump when what analyze_article produces changes in a way old results should not survive.
ANALYSIS_FORMAT = 5  # 2: statements; 3: names inside compounds labelled LOCpart/ORGpart/PERpart;
# 4: statements found in nested quotes and new constructions, sides of roles, new word stems;
# 5: Kreml and Weißes Haus are places (LOC) in every reading, as GermEval labels them; a name
# found once in a text is a name where the same words stand again
# The files whose content decides what analyze_article produces (not the link modules,
# which read its results): editing any of them re-analyses the corpus on the next run.
ANALYSIS_INPUTS = (
    "analysis/pipeline.py",
    "analysis/spans.py",
    "analysis/tokens.py",
    "analysis/dates.py",
    "analysis/date_words.py",
    "analysis/entities.py",
    "analysis/pieces.py",
    "analysis/entity_rules.py",
    "analysis/gazetteer.py",
    "analysis/crf_features.py",
    "analysis/crf_model.py",
    "analysis/quotes.py",
    "analysis/statements.py",
    "analysis/statement_cues.py",
    "analysis/statement_speakers.py",
    "analysis/statement_words.py",
    "data/gazetteer.json",
    "data/ner-de.crfsuite",
    "data/ner-de.features.json",
)
POOL_THRESHOLD = 200  # articles; below this the pool's start-up costs more than it saves
CHUNK = 64


@dataclass(slots=True)
class ArticleAnalysis:
    """What the reader shows on top of the text: ``date`` is the article date used for
    resolution (given, or inferred and marked so); spans have article-text offsets."""

    date: When | None = None
    dates: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    error: str = ""
    statements: list[Statement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "date": self.date.to_json() if self.date else None,
            "dates": [s.to_json() for s in self.dates],
            "entities": [s.to_json() for s in self.entities],
            "statements": [s.to_json() for s in self.statements],
        }
        if self.error:
            data["error"] = self.error
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleAnalysis:
        return cls(
            When.from_json(data["date"]) if data.get("date") else None,
            [Span.from_json(s) for s in data.get("dates", [])],
            [Span.from_json(s) for s in data.get("entities", [])],
            str(data.get("error", "")),
            [Statement.from_json(s) for s in data.get("statements", [])],
        )

    def passage_entities(self, article: Article) -> dict[int, list[str]]:
        """Canonical entity names per passage index (for the index's ``entity`` field)."""
        result: dict[int, list[str]] = {}
        for p in article.passages:
            names = {
                (s.canonical or s.text).replace(",", " ")
                for s in self.entities
                if s.start >= p.start and s.end <= p.end
            }
            if names:
                result[p.index] = sorted(names)
        return result


def analysis_stamp(user_entries: Sequence[dict[str, Any]]) -> str:
    """A cheap stand-in for :func:`analysis_version`: the size and modification time of
    each input instead of its bytes (one ``stat`` each instead of reading 8.5 MB)."""
    digest = hashlib.sha1(f"format={ANALYSIS_FORMAT}".encode())
    digest.update(json.dumps(list(user_entries), sort_keys=True, default=str).encode())
    package = Path(__file__).resolve().parent.parent
    for name in ANALYSIS_INPUTS:
        with contextlib.suppress(OSError):
            info = (package / name).stat()
            digest.update(f"{name}\x1f{info.st_size}\x1f{info.st_mtime_ns}\x1e".encode())
    return digest.hexdigest()[:16]


def analysis_version(user_entries: Sequence[dict[str, Any]]) -> str:
    """A digest of everything the results depend on: the analysis code, the shipped data
    (gazetteer, model) and the user's names. A few milliseconds; read only when indexing."""
    digest = hashlib.sha1(f"format={ANALYSIS_FORMAT}".encode())
    digest.update(json.dumps(list(user_entries), sort_keys=True, default=str).encode())
    package = Path(__file__).resolve().parent.parent
    for name in ANALYSIS_INPUTS:
        path = package / name
        if path.is_file():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make_recognizer(user_entries: Sequence[dict[str, Any]] = ()) -> Any:
    """The combined entity recogniser: user names > shipped gazetteer > model > rules."""
    from reader.analysis.entities import EntityRecognizer

    model = None
    try:
        from reader.analysis.crf_model import get_recognizer

        model = get_recognizer()
        model.load()  # fail here, not in the middle of a text, when the model is missing
    except (ImportError, FileNotFoundError, OSError):
        model = None
    return EntityRecognizer(list(user_entries), model=model)


def analyze_article(article: Article, recognizer: Any) -> ArticleAnalysis:
    """Dates (resolved against the article date, inferred when the text allows) and
    entities of one article. If entity recognition fails on this text, the article keeps
    its dates and ``error`` says why, rather than stopping the whole corpus."""
    from reader.analysis.dates import find_dates, infer_article_date

    # A date inferred earlier (by the timeline, from other articles) is not evidence: it
    # would make the analysis, and so the next timeline, feed on its own guess.
    given = article.date if article.date is not None and not article.date.inferred else None
    date = given or infer_article_date(article.text)
    analysis = ArticleAnalysis(date=date, dates=find_dates(article.text, date))
    try:
        analysis.entities = recognizer.find(article.text)
    except Exception as exc:  # a recogniser bug must not cost the other articles
        analysis.error = f"entity recognition failed ({type(exc).__name__}: {exc})"
        return analysis
    try:
        analysis.statements = find_statements(article, analysis.entities)
    except Exception as exc:  # nor a bug in finding statements its names and dates
        analysis.error = f"finding statements failed ({type(exc).__name__}: {exc})"
    return analysis


# --- running on both cores ---------------------------------------------------------------

_WORKER_RECOGNIZER: Any = None
_WORKER_WORDS: Any = None  # the worker's WordTable, or None


def _init_worker(
    parent: int, user_entries: list[dict[str, Any]], word_table: Path | None = None
) -> None:
    global _WORKER_RECOGNIZER, _WORKER_WORDS
    die_with_parent(parent)
    _WORKER_RECOGNIZER = make_recognizer(user_entries)
    from reader.analysis.word_table import open_shared

    _WORKER_WORDS = open_shared(word_table)


def _work(articles: list[Article]) -> list[tuple[str, dict[str, Any]]]:
    from reader.analysis.word_table import sync

    done = [(a.id, analyze_article(a, _WORKER_RECOGNIZER).to_json()) for a in articles]
    sync(_WORKER_WORDS)  # the words tagged here for the other worker, its words for this one
    return done


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the pool needs it) with a real stderr.

    The tracker hands ``sys.stderr.fileno()`` to its process; a host that captures output,
    as a running Textual app does, answers -1 and starting the pool fails with "bad value(s)
    in fds_to_keep". The tracker is started once per process; later pools reuse it."""
    from multiprocessing import resource_tracker

    captured = sys.stderr
    # no fileno at all is fine: the tracker then passes no stderr
    with contextlib.suppress(AttributeError, OSError, ValueError):
        if captured is not None and captured.fileno() < 0:
            sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def analyze_many(
    articles: Iterable[Article],
    user_entries: Sequence[dict[str, Any]],
    total: int,
    cancelled: Callable[[], bool] = lambda: False,
    word_table: Path | None = None,
) -> Iterator[tuple[str, ArticleAnalysis]]:
    """Analyse ``articles`` (``total`` of them), in two processes when there are many;
    yields results as they are ready, in order. Stops early when ``cancelled()``.
    ``word_table``: the file of the words HanTa tagged before
    (:mod:`reader.analysis.word_table`), read and added to."""
    if total < POOL_THRESHOLD or (os.cpu_count() or 1) < 2:
        from reader.analysis.word_table import open_shared, sync

        recognizer = make_recognizer(user_entries)
        words = open_shared(word_table)
        try:
            for n, article in enumerate(articles, start=1):
                if cancelled():
                    return
                yield article.id, analyze_article(article, recognizer)
                if n % CHUNK == 0:
                    sync(words)
        finally:
            sync(words)
            if words is not None:
                words.close()
        return
    # Imported here: the version check on every command imports this module, not the pool.
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # Fresh interpreters, not forks: the app calls this from a thread while others may hold
    # locks (the recogniser's, the logging module's) that a forked child would inherit held.
    context = multiprocessing.get_context("spawn")
    _start_resource_tracker()
    with ProcessPoolExecutor(
        max_workers=2,
        mp_context=context,
        initializer=_init_worker,
        initargs=(os.getpid(), list(user_entries), word_table),
    ) as pool:
        pending: list[Future[list[tuple[str, dict[str, Any]]]]] = []
        chunk: list[Article] = []

        def drain(keep: int) -> Iterator[tuple[str, ArticleAnalysis]]:
            while len(pending) > keep:
                for aid, data in pending.pop(0).result():
                    yield aid, ArticleAnalysis.from_json(data)

        for article in articles:
            chunk.append(article)
            if len(chunk) == CHUNK:
                pending.append(pool.submit(_work, chunk))
                chunk = []
                yield from drain(4)
                if cancelled():
                    for future in pending:
                        future.cancel()
                    return
        if chunk:
            pending.append(pool.submit(_work, chunk))
        yield from drain(0)
