"""How long bookmark operations take as the file grows.

    /work/.venv/bin/python bench/bench_bookmarks.py [COUNT]

Prints, for a file of COUNT bookmarks (default 400): the time of one add with the store's
cache warm (only the new entry is formatted), one add after another process wrote (the file
is parsed again), a full parse, a full format, one fsync'ed atomic write, and resolving every
bookmark against unchanged articles.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.bookmarks import BookmarkStore, resolve_all
from reader.bookmarks.schema import dump_text, parse_text
from reader.bookmarks.store import atomic_write
from tests.test_bookmarks_helpers import FakeLibrary, make_article, sample_bookmark


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bookmarks.yaml"
        store = BookmarkStore(path)
        t0 = time.perf_counter()
        for i in range(count):
            store.add(sample_bookmark(1 + i % 4, note=f"note {i}", tags=("bench",)))
        fill = time.perf_counter() - t0
        text = path.read_text(encoding="utf-8")
        other = BookmarkStore(path)
        other.load()

        def add_after_other_wrote() -> None:
            other.add(sample_bookmark(2))
            store.add(sample_bookmark(3))  # store must re-read what `other` wrote

        rows = [
            (f"fill {count} adds, one process (total)", fill),
            ("add, warm cache", timed(lambda: store.add(sample_bookmark(2)))),
            ("add after another store wrote (x2 adds)", timed(add_after_other_wrote)),
            ("parse file", timed(lambda: parse_text(text))),
            ("format file, cold", timed(lambda: dump_text(store.bookmarks))),
            ("atomic write with fsync", timed(lambda: atomic_write(path, text.encode()))),
            (
                "resolve all (unchanged)",
                timed(lambda: resolve_all(store.bookmarks, FakeLibrary(make_article()))),
            ),
        ]
        print(f"file: {len(store.bookmarks)} bookmarks, {path.stat().st_size / 1024:.0f} KiB")
        for name, seconds in rows:
            print(f"{name:45s} {seconds * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
