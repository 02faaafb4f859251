"""The Whoosh files as the last commit left them: name, size and modification time of each.

Whoosh opens only its table of contents; a segment truncated, deleted or overwritten later is
found by the first search that needs it, which then fails for good. Recording the files after
every commit and comparing them where the index is opened (one ``stat`` per file, nothing
read) finds such damage before any search, and the index is rebuilt with a message.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.search.store import ArticleStore

META_KEY = "whoosh_files"
Manifest = dict[str, list[int]]


def whoosh_files(folder: Path) -> Manifest:
    """Every file of the index folder but Whoosh's lock: ``name -> [size, mtime_ns]``."""
    found: Manifest = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file() and "WRITELOCK" not in entry.name:
                st = entry.stat()
                found[entry.name] = [st.st_size, st.st_mtime_ns]
    return found


def record(store: ArticleStore, folder: Path) -> None:
    """Remember the files as they are now (right after a commit, under the write lock)."""
    store.set_meta(META_KEY, json.dumps(whoosh_files(folder), sort_keys=True))
    store.commit()


def damage(store: ArticleStore, folder: Path) -> str:
    """What changed in the recorded files since the last commit (``""``: nothing, or none
    recorded yet, as in an index built by an older version)."""
    stored = store.get_meta(META_KEY)
    if not stored:
        return ""
    try:
        recorded: Manifest = json.loads(stored)
        now = whoosh_files(folder)
    except (ValueError, OSError) as exc:
        return f"the index files cannot be checked ({exc})"
    for name, (size, mtime) in sorted(recorded.items()):
        if name not in now:
            return f"{name} is missing"
        if now[name][0] != size:
            return f"{name} has {now[name][0]} bytes, not {size}"
        if now[name][1] != mtime:
            return f"{name} was changed after reader wrote it"
    return ""
