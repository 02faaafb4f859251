"""What link analysis (related passages, timeline) keys its stored results by: a version
string that changes whenever the index or the analysis changes.

The version (:func:`index_version`) is ``g<generation>-<digest>``: the Whoosh index generation
goes up with every commit (new, changed or removed articles, and re-analysed ones, whose
documents are rewritten), and the digest of article ids, content hashes and analysis hashes
tells a rebuilt index from the old one even when it lands on the same generation number.
The digest is computed once per generation (about 0.1 s on 19k articles).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import Library

DIGEST_KEY = "index_digest"  # store meta: "<generation> <toc mtime> <analysis> <digest>"
_digests: dict[tuple[str, int, int], str] = {}
_digest_lock = threading.Lock()


def code_stamp(*modules: str) -> str:
    """Size and modification time of the analysis modules (file names in this package)
    whose code decides a cached result: a changed rule rebuilds what they made."""
    here = Path(__file__).resolve().parent
    parts = []
    for name in modules:
        try:
            info = (here / name).stat()
        except OSError:
            continue
        parts.append(f"{info.st_size}.{info.st_mtime_ns}")
    return "-".join(parts)


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
        fresh = _stored_digest(library, generation, stamp)
        with _digest_lock:
            _digests[key] = fresh
        digest = fresh
    return f"g{generation}-{digest}"


def _stored_digest(library: Library, generation: int, stamp: int) -> str:
    """The digest another process worked out for this generation of the index (kept in
    the store, so each process does not hash the whole corpus again). Kept only once the
    analysis is complete: an analysis stopped half-way changes the digest, not the index."""
    with library.lock:
        complete = library.store.analysis_complete()
        known = (library.store.get_meta(DIGEST_KEY) or "").split(" ")
    key = [str(generation), str(stamp), str(complete)]
    if complete and len(known) == 4 and known[:3] == key:
        return known[3]
    digest = corpus_digest(library)
    if complete:
        with library.lock:
            library.store.set_meta(DIGEST_KEY, " ".join([*key, digest]))
            library.store.commit()
    return digest


def corpus_digest(library: Library) -> str:
    """Digest of article ids, content hashes and analysis versions."""
    from reader.library import ANALYSIS

    with library.lock:
        return library.store.content_digest(ANALYSIS)
