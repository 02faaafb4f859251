"""How long ``reader bookmarks add`` takes as the bookmarks file grows.

    .venv/bin/python bench/bench_bookmarks.py [--small 100] [--large 20100] [--repeat 3]

For each size a bookmarks file is written directly (one format of the whole list, not
thousands of adds): bookmarks on the seed passages, with a note and a tag, about 850 bytes
each, as in the reliability review (20,100 bookmarks, 17 MB). One untimed add through the
store then leaves the folder as reader leaves it after a write. The small file is the
baseline, measured in the same run. Each timed add starts from that folder, restored:

* ``process``: ``reader bookmarks add ID`` as the user runs it, a fresh process against the
  seeds' current index (throw-away XDG folders);
* ``process, hand-edited``: the same after one note in the file was changed by hand;
* ``in this process``: a fresh ``BookmarkStore`` adding the same passage (the file's part of
  the work, without start-up and index).

Prints the median seconds of each and the ratio large/small (1.0: the size does not matter).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.bookmarks import BookmarkStore  # noqa: E402
from reader.bookmarks.anchor import make_bookmark  # noqa: E402
from reader.bookmarks.schema import dump_text  # noqa: E402
from reader.bookmarks.store import atomic_write  # noqa: E402
from reader.config import Config  # noqa: E402
from reader.library import Library  # noqa: E402

PASSAGE = "001_71db2df63f5cd903#p2"  # the passage each add bookmarks


def write_file(path: Path, count: int, library: Library) -> None:
    """``count`` bookmarks on the seeds' paragraphs, formatted once and written."""
    passages = [
        (article, passage)
        for summary in library.summaries()
        if (article := library.article(summary.id)) is not None
        for passage in article.passages[1:]
    ]
    bookmarks = []
    for i in range(count):
        article, passage = passages[i % len(passages)]
        bm = make_bookmark(article, passage, note=f"Notiz {i}: später prüfen", tags=["bench"])
        bookmarks.append(bm.with_changes(id=f"b{i:06d}"))
    atomic_write(path, dump_text(bookmarks).encode("utf-8"))


def snapshot(folder: Path) -> Callable[[], None]:
    """A function that puts every file of ``folder`` back as it is now (and drops others)."""
    saved = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def restore() -> None:
        for path in folder.iterdir():
            if path.name not in saved:
                path.unlink()
        for name, raw in saved.items():
            (folder / name).write_bytes(raw)

    return restore


def median_seconds(run: Callable[[], object], reset: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        reset()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=20_100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, **{f"XDG_{k}_HOME": str(root / k.lower()) for k in XDG}}
        corpus = root / "seeds"
        shutil.copytree(REPO / "seeds", corpus)
        reader = [sys.executable, "-m", "reader", "--corpus", str(corpus)]
        done = subprocess.run(
            [*reader, "index", "--json"], env=env, check=True, capture_output=True, text=True
        )
        library = Library(
            Config(corpus=[corpus], index_dir=Path(json.loads(done.stdout)["index_dir"]))
        )
        rows: dict[str, list[float]] = {"file size (KiB)": []}
        for count in (args.small, args.large):
            folder = root / f"bookmarks-{count}"
            folder.mkdir()
            path = folder / "bookmarks.yaml"
            write_file(path, count, library)
            BookmarkStore(path).add_passage(library, PASSAGE)  # as reader leaves it
            rows["file size (KiB)"].append(path.stat().st_size / 1024)
            restore = snapshot(folder)
            config = root / f"config-{count}.yaml"
            config.write_text(f"corpus: {corpus}\nbookmarks: {path}\n", encoding="utf-8")
            add = [sys.executable, "-m", "reader", "--config", str(config), "bookmarks", "add"]

            def by_hand(path: Path = path, restore: Callable[[], None] = restore) -> None:
                restore()
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("Notiz 0:", "Notiz 0 (von Hand):"), "utf-8")

            def cli(add: list[str] = add) -> None:
                subprocess.run([*add, PASSAGE], env=env, check=True, capture_output=True)

            def in_process(path: Path = path) -> None:
                BookmarkStore(path).add_passage(library, PASSAGE)

            for name, run, reset in (
                ("process", cli, restore),
                ("process, hand-edited", cli, by_hand),
                ("in this process", in_process, restore),
            ):
                rows.setdefault(f"add, {name} (s)", []).append(
                    median_seconds(run, reset, args.repeat)
                )
        library.close()
    print(f"{'bookmarks':32s} {args.small:>9,} {args.large:>9,}   ratio")
    for name, (small, large) in rows.items():
        print(f"{name:32s} {small:9.3f} {large:9.3f} {large / small:7.1f}")


XDG = ("CACHE", "DATA", "CONFIG", "STATE")

if __name__ == "__main__":
    main()
