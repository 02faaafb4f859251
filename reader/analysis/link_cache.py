"""What link analysis (related passages, timeline) needs from a library beyond its public
methods: a version string that changes whenever the index or the analysis changes, the stored
analysis as raw JSON, and the library's lock.

The version (:func:`index_version`) is ``g<generation>-<digest>``: the Whoosh index generation
goes up with every commit (new, changed or removed articles, and re-analysed ones, whose
documents are rewritten), and the digest of article ids, content hashes and analysis hashes
tells a rebuilt index from the old one even when it lands on the same generation number.
The digest is computed once per generation (about 0.1 s on 19k articles).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library import Library

ANALYSIS = "analysis"  # the store kind under which the pipeline keeps dates and entities

_digests: dict[tuple[str, int, int], str] = {}
_digest_lock = threading.Lock()


def library_lock(library: Library) -> contextlib.AbstractContextManager[Any]:
    """The library's own lock (its store connection is shared between threads)."""
    lock = getattr(library, "lock", None)
    return lock if lock is not None else contextlib.nullcontext()


def index_version(library: Library) -> str:
    """A string that changes whenever the index, the articles or their analysis change."""
    ix = library.index
    generation = ix.latest_generation()
    toc = library.paths.whoosh / f"_{ix.indexname}_{generation}.toc"
    try:
        stamp = os.stat(toc).st_mtime_ns
    except OSError:
        stamp = 0
    key = (str(library.paths.root), generation, stamp)
    with _digest_lock:
        digest = _digests.get(key)
    if digest is None:
        digest = corpus_digest(library)
        with _digest_lock:
            _digests[key] = digest
    return f"g{generation}-{digest}"


def corpus_digest(library: Library) -> str:
    """Digest of article ids, content hashes and analysis versions."""
    h = hashlib.sha1()
    with library_lock(library):
        db = library.store.db
        for aid, digest in db.execute("SELECT id, hash FROM articles ORDER BY id"):
            h.update(f"{aid}\x1f{digest}\x1e".encode())
        rows = db.execute(
            "SELECT article_id, hash FROM analysis WHERE kind=? ORDER BY article_id", (ANALYSIS,)
        )
        for aid, digest in rows:
            h.update(f"{aid}\x1f{digest}\x1e".encode())
    return h.hexdigest()[:16]


def stored_analysis(library: Library, article_id: str) -> dict[str, Any] | None:
    """The stored analysis of an article as JSON (dates and entities), without computing it
    when missing: candidates of a search must not load the recogniser."""
    return library.stored_analysis(article_id)
