"""Building and updating the index incrementally.

A run compares the corpus files' size and modification time with what the store recorded;
unchanged corpora cost one ``stat`` per file. Changed files are re-read and compared article
by article (content hash), so only changed articles are re-indexed. A schema or store
version change, or an index that cannot be opened, triggers a rebuild from scratch.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index
from whoosh.index import Index

from reader.corpus.files import Problem
from reader.corpus.model import Article, When
from reader.search import manifest
from reader.search.analysis_merge import SWAPPED, merge_in_analysis
from reader.search.index_folder import check_writable, make_index_folder
from reader.search.scan import ROOTS_KEY, VERSION_KEY, IndexPaths, Scan, scan_corpus
from reader.search.schema import DATE_FORMAT, build_schema
from reader.search.store import ArticleStore, StoreError
from reader.search.write_lock import write_lock

if TYPE_CHECKING:
    from reader.corpus.loader import FileResult
    from reader.search.article_ids import IdPlan

Progress = Callable[[str, int, int], None]
"""``progress(phase, done, total)``; phases: "scan", "read", "index", "commit"."""

BULK_WRITER_THRESHOLD = 5000  # passages; above this, two writer processes pay off
MERGE_THRESHOLD = 1000  # articles; from this many, the analysis is merged in (one merge)
Entry = Callable[[Article], "tuple[When | None, dict[int, list[str]]] | None"]
"""An article's date and entities per passage for its documents (``None``: leave them)."""


@dataclass
class UpdateReport:
    articles: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    files: int = 0
    files_read: int = 0
    rebuilt: bool = False
    rebuild_reason: str = ""
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return not (self.added or self.updated or self.removed or self.rebuilt)

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "files": self.files,
            "files_read": self.files_read,
            "rebuilt": self.rebuilt,
            "rebuild_reason": self.rebuild_reason,
            "seconds": round(self.seconds, 3),
            "problems": [str(p) for p in self.problems],
        }


def article_hash(article: Article) -> str:
    payload = json.dumps(
        [
            article.title,
            article.source,
            article.date.iso() if article.date else None,
            article.url,
            article.language,
            article.place,
            article.text,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def passage_documents(article: Article, entities: dict[int, list[str]] | None = None):
    """The Whoosh documents of one article, one per passage."""
    date = article.date.as_datetime().strftime(DATE_FORMAT) if article.date else None
    for p in article.passages:
        doc: dict[str, Any] = {
            "pid": p.id,
            "article": article.id,
            "passage": p.index,
            "source": article.source,
            "text": p.text,
        }
        if p.index == 0:
            doc["title"] = article.title
        if date is not None:
            doc["date"] = date
        names = (entities or {}).get(p.index)
        if names:
            doc["entity"] = ",".join(names)
        yield doc


def open_index(
    paths: IndexPaths, waiting: Callable[[int], None] | None = None
) -> tuple[Index, ArticleStore, str]:
    """Open (or create) the index and store; returns a rebuild reason or ``""``. A rebuild
    takes the write lock (``waiting(pid)`` if another process holds it) and looks again once it
    has it: the index another writer was building is then complete, not wiped."""
    make_index_folder(paths.root)
    ix, store, reason = _try_open(paths)
    if not reason:
        assert ix is not None and store is not None
        return ix, store, ""
    with write_lock(paths.root, waiting):
        ix, store, reason = _try_open(paths)
        if reason:
            check_writable(paths.root, f"the index must be rebuilt ({reason})")
            if reason != "new index":  # (a new one has nothing to wipe, nor anyone reading it)
                paths.wipe()
            paths.whoosh.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(paths.whoosh, build_schema())
            store = ArticleStore(paths.store)
            store.made_new()
            store.set_meta("version", VERSION_KEY)
            manifest.record(store, paths.whoosh)
            if reason == "new index":
                reason = ""
    assert ix is not None and store is not None
    return ix, store, reason


def _try_open(paths: IndexPaths) -> tuple[Index | None, ArticleStore | None, str]:
    """The index and store as they are, or why they must be rebuilt (nothing left open)."""
    if not paths.store.exists():  # (nothing created here: that is for the lock holder)
        return None, None, "no store" if whoosh_index.exists_in(paths.whoosh) else "new index"
    reason = ""
    store: ArticleStore | None = None
    try:
        store = ArticleStore(paths.store)
        version = store.get_meta("version")
        if version is None:
            reason = "new index" if not whoosh_index.exists_in(paths.whoosh) else "no version"
        elif version != VERSION_KEY:
            reason = f"index format changed ({version} -> {VERSION_KEY})"
        ix = whoosh_index.open_dir(paths.whoosh) if not reason else None
        damaged = (store.damage() or manifest.damage(store, paths.whoosh)) if not reason else ""
        if damaged:
            reason, ix = f"damaged index ({damaged})", None
    except (StoreError, whoosh_index.EmptyIndexError, OSError, ValueError, EOFError) as exc:
        reason = f"unreadable index ({type(exc).__name__}: {exc})"
        ix = None
    except Exception as exc:  # a half-written Whoosh segment can raise almost anything
        reason = f"unreadable index ({type(exc).__name__})"
        ix = None
    if reason and store is not None:
        store.close()
        store = None
    return ix, store, reason


def update_index(
    ix: Index,
    store: ArticleStore,
    corpus: list[Path],
    overrides: dict[str, dict[str, Any]],
    progress: Progress | None = None,
    scan: Scan | None = None,
) -> UpdateReport:
    """Bring ``ix`` and ``store`` in line with the corpus files (``scan``: the files as
    :func:`scan_corpus` just found them, when the caller has looked already)."""
    started = time.perf_counter()
    report = UpdateReport()
    tick = progress or (lambda phase, done, total: None)
    if scan is None:
        scan = scan_corpus(store, corpus, overrides)
    report.problems.extend(scan.problems)
    report.files = len(scan.current)
    tick("scan", len(scan.current), len(scan.current))
    changed, gone, current = scan.changed, scan.gone, scan.current
    if scan.is_current:
        report.articles = store.count()
        report.seconds = time.perf_counter() - started
        return report
    from reader.search.article_ids import give_id  # (ids are settled for changed files)

    loaded = _read_files(store, [str(p) for p in changed], scan, overrides, report, tick)
    plan = loaded.plan
    to_index: list[Article] = []
    delete_ids: set[str] = set()
    for gone_path in gone:
        removed = store.remove_file(gone_path)
        delete_ids.update(removed)
        report.removed += len(removed)
    olds = {key: store.article_hashes(key) for key in loaded.results}
    puts: list[tuple[str, list[tuple[int, str, str, Article]]]] = []
    for key, result in loaded.results.items():
        old = olds[key]
        items: list[tuple[int, str, str, Article]] = []
        for seq, article in enumerate(result.articles):
            claim = article.id
            give_id(article, plan.ids[(key, seq)], plan.holders, report.problems)
            digest = article_hash(article)
            if old.get(article.id) == digest:
                continue
            if article.id in old:
                report.updated += 1
                delete_ids.add(article.id)
            else:
                report.added += 1
            items.append((seq, digest, claim, article))
            to_index.append(article)
        kept = {plan.ids[(key, seq)] for seq in range(len(result.articles))}
        vanished = [aid for aid in old if aid not in kept]
        store.remove_articles(vanished)
        delete_ids.update(vanished)
        report.removed += len(vanished)
        puts.append((key, items))
    for key, items in puts:  # (after every removal: an id may pass from one file to another)
        store.put_articles(key, items)

    _write_whoosh(ix, to_index, delete_ids, tick)
    for key, (mtime, size) in current.items():
        store.set_file(key, mtime, size)
    store.set_meta("overrides", scan.fingerprint)
    store.set_meta(ROOTS_KEY, scan.roots_key)
    store.commit()
    report.articles = store.count()
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Loaded:
    results: dict[str, FileResult]
    plan: IdPlan


def _read_files(
    store: ArticleStore,
    changed: list[str],
    scan: Scan,
    overrides: dict[str, dict[str, Any]],
    report: UpdateReport,
    tick: Progress,
) -> _Loaded:
    """Read the changed files, and then every other file whose ids they change (its
    articles are re-keyed as if it had changed: the index, the store and search agree)."""
    # (imported here: the formats, decoding, passages and ids are for files that changed)
    from reader.corpus.loader import load_file
    from reader.search.article_ids import plan_ids

    results: dict[str, FileResult] = {}
    to_read, total = changed, len(changed)
    while True:
        for key in to_read:
            result = load_file(Path(key), overrides)
            results[key] = result
            report.files_read += 1
            report.problems.extend(result.problems)
            tick("read", len(results), total)
        claims = {key: [a.id for a in result.articles] for key, result in results.items()}
        plan = plan_ids(store, scan.roots, claims, scan.gone, scan.roots_changed)
        to_read = sorted(plan.stale - results.keys())
        total += len(to_read)
        if not to_read:
            return _Loaded(results, plan)


def _write_whoosh(ix: Index, articles: list[Article], delete_ids: set[str], tick: Progress) -> None:
    if not articles and not delete_ids:  # (an empty commit would replace the table of
        return  # contents, unrecorded by the manifest: taken for damage at the next open)
    passages = sum(len(a.passages) for a in articles)
    bulk = passages >= BULK_WRITER_THRESHOLD
    if bulk:
        from reader.search.bulk_writer import BulkWriter

        writer = BulkWriter(ix, procs=2, limitmb=256)
    else:
        writer = ix.writer(limitmb=128)
    try:
        for aid in delete_ids:
            writer.delete_by_term("article", aid)
        step = max(1, len(articles) // 200)
        for n, article in enumerate(articles, start=1):
            for doc in passage_documents(article):
                writer.add_document(**doc)
            if n % step == 0 or n == len(articles):
                tick("index", n, len(articles))
        tick("commit", 0, 0)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def rewrite_documents(
    ix: Index,
    ids: list[str],
    read: Callable[[str], Article | None],
    entry: Entry,
    tick: Progress,
) -> list[str]:
    """Give the documents of the articles ``ids`` (``read(id)`` each) the date and the
    entities ``entry`` gives, in one commit; returns the ids done. From
    :data:`MERGE_THRESHOLD` articles the new terms are merged into the documents written
    (:mod:`reader.search.analysis_merge`: no text is analysed again); fewer are deleted and
    added again. Progress phases ``entities`` (articles read) and ``commit``."""
    total = len(ids)
    merge = total >= MERGE_THRESHOLD
    documents: dict[str, list[dict[str, Any]]] = {}
    terms: dict[str, dict[int, dict[str, Any]]] = {}  # (merge: only the swapped fields)
    for n, aid in enumerate(ids, start=1):
        article = read(aid)
        found = entry(article) if article is not None else None
        if article is not None and found is not None:
            article.date, entities = found
            docs = list(passage_documents(article, entities))
            if merge:
                terms[aid] = {d["passage"]: {f: d.get(f) for f in SWAPPED} for d in docs}
            else:
                documents[aid] = docs
        if n % 500 == 0 or n == total:
            tick("entities", n, total)
    tick("commit", 0, 0)
    if merge:
        return merge_in_analysis(ix, terms, lambda done, of: tick("commit", done, of))
    writer = ix.writer(limitmb=128)
    try:
        for aid, docs in documents.items():
            writer.delete_by_term("article", aid)
            for doc in docs:
                writer.add_document(**doc)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return list(documents)
