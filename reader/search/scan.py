"""What the search engine is not needed for: where an index lives, whether it matches the
corpus (one ``stat`` per file against the store), and the library list from the store when
it does (:func:`current_summaries`: the app lists the headlines before Whoosh is imported).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.corpus.files import Problem, discover
from reader.search import store_check
from reader.search.store import STORE_VERSION, ArticleStore, ArticleSummary, StoreError

SCHEMA_VERSION = 3
"""The Whoosh schema's version (:mod:`reader.search.schema`): any change there bumps it,
which makes the next run rebuild the index."""
VERSION_KEY = f"schema={SCHEMA_VERSION};store={STORE_VERSION}"
ROOTS_KEY = "roots"  # meta: the corpus roots of the last update, as Scan.roots_key


class IndexPaths:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.whoosh = root / "whoosh"
        self.store = root / "store.sqlite"
        self.words = root / "words.sqlite"
        """HanTa's tags per word (:mod:`reader.analysis.word_table`), kept across rebuilds."""

    def wipe(self) -> None:
        shutil.rmtree(self.whoosh, ignore_errors=True)
        for suffix in ("", "-wal", "-shm", "-journal", store_check.SUFFIX):
            Path(f"{self.store}{suffix}").unlink(missing_ok=True)


def corpus_roots(corpus: Iterable[Path]) -> list[Path]:
    """The corpus paths resolved as :func:`~reader.corpus.files.discover` resolves files,
    sorted (an outer folder before the folders inside it)."""
    roots: set[Path] = set()
    for path in corpus:
        try:
            roots.add(path.resolve())
        except (OSError, RuntimeError):  # a link loop: discover() reports it
            roots.add(path.absolute())
    return sorted(roots)


@dataclass
class Scan:
    """How the corpus files differ from what the store recorded."""

    current: dict[str, tuple[int, int]]
    changed: list[Path]
    gone: list[str]
    fingerprint: str
    problems: list[Problem]
    roots: list[Path] = field(default_factory=list)
    roots_changed: bool = False
    """The corpus roots differ from the last update's: ids claimed twice are settled again
    (the paths relative to the roots decide them, :mod:`reader.search.article_ids`)."""

    @property
    def is_current(self) -> bool:
        return not self.changed and not self.gone and not self.roots_changed

    @property
    def roots_key(self) -> str:
        return json.dumps([str(root) for root in self.roots])


def changes(scan: Scan) -> str:
    """What a scan found changed, in words: ``2 files new or changed, 1 deleted``."""
    parts = []
    if scan.changed:
        parts.append(
            f"{len(scan.changed)} {'file' if len(scan.changed) == 1 else 'files'} new or changed"
        )
    if scan.gone:
        parts.append(f"{len(scan.gone)} deleted")
    return ", ".join(parts) or "the corpus folders changed"


def scan_corpus(
    store: ArticleStore, corpus: list[Path], overrides: dict[str, dict[str, Any]]
) -> Scan:
    """One ``stat`` per corpus file; config overrides changing counts as every file changing."""
    fingerprint = hashlib.sha1(
        json.dumps(overrides, sort_keys=True, default=str).encode()
    ).hexdigest()
    overrides_changed = store.get_meta("overrides") != fingerprint
    files, problems = discover(corpus)
    known = store.file_stats()
    current: dict[str, tuple[int, int]] = {}
    for path in list(files):
        try:
            st = path.stat()
        except OSError as exc:  # deleted or replaced since discover() listed it
            problems.append(
                Problem(str(path), f"vanished while the corpus was scanned ({exc.strerror})")
            )
            files.remove(path)
            continue
        current[str(path)] = (st.st_mtime_ns, st.st_size)
    changed = [p for p in files if overrides_changed or known.get(str(p)) != current[str(p)]]
    gone = [p for p in known if p not in current]
    scan = Scan(current, changed, gone, fingerprint, problems, corpus_roots(corpus))
    scan.roots_changed = store.get_meta(ROOTS_KEY) != scan.roots_key
    return scan


def current_summaries(
    index_dir: Path, corpus: list[Path], overrides: dict[str, dict[str, Any]]
) -> list[ArticleSummary] | None:
    """The library list, if the index in ``index_dir`` exists, has this version and matches
    the corpus; ``None`` when anything says it must be opened or updated first."""
    paths = IndexPaths(index_dir)
    if not paths.store.is_file() or not any(paths.whoosh.glob("*.toc")):
        return None
    try:
        store = ArticleStore(paths.store)
    except StoreError:
        return None
    try:
        if store.get_meta("version") != VERSION_KEY:
            return None
        if not scan_corpus(store, corpus, overrides).is_current:
            return None
        return store.summaries()
    except (sqlite3.Error, OSError):
        return None
    finally:
        store.close()
