"""Random bytes in the store's pages are found when the index is opened and the index is
rebuilt with a message, instead of "database disk image is malformed" tracebacks while
``reader index`` says "up to date" (reliability review, finding 4). The check runs only
when the file changed since reader last knew it whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.locations import default_index_dir
from tests.conftest import run_reader


def damage_pages(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)  # whole pages in the middle: b-tree pages
        f.write(os.urandom(3 * 4096))


def closed_by_reader(corpus: Path) -> Path:
    """The store once a reader process has closed it (its log written into the file)."""
    assert run_reader("--corpus", str(corpus), "index").returncode == 0
    store = default_index_dir([corpus]) / "store.sqlite"
    assert not Path(f"{store}-wal").exists()
    return store


def test_damaged_store_pages_are_found_and_rebuilt(indexed_seeds: Path) -> None:
    store = closed_by_reader(indexed_seeds)
    damage_pages(store)
    found = run_reader("--corpus", str(indexed_seeds), "search", "Garantien", "--json")
    assert found.returncode == 0 and "Traceback" not in found.stderr, found.stderr
    assert found.stderr.startswith("reader: rebuilt the index: damaged index (store.sqlite: ")
    assert found.stderr.count("\n") == 1  # one line
    assert json.loads(found.stdout)["total"] == 4
    again = run_reader("--corpus", str(indexed_seeds), "index")
    assert again.returncode == 0 and "up to date" in again.stdout and not again.stderr


def test_a_whole_store_is_checked_once_after_it_changed(indexed_seeds: Path) -> None:
    store = closed_by_reader(indexed_seeds)
    stamp = Path(f"{store}-checked")
    stamp.unlink(missing_ok=True)  # as after a kill: not known whole
    assert run_reader("--corpus", str(indexed_seeds), "search", "Putin").returncode == 0
    assert stamp.read_text().split() == [str(store.stat().st_size), str(store.stat().st_mtime_ns)]
