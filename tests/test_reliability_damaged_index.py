"""A segment damaged after reader wrote it is found where the index is opened, and the index
is rebuilt with a message naming the file (reliability review, finding 4)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.locations import default_index_dir
from tests.conftest import run_main


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def delete(path: Path) -> None:
    path.unlink()


def zero_the_end(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size - 4096)
        f.write(b"\0" * 4096)


def random_bytes_inside(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 3)
        f.write(os.urandom(2000))


@pytest.mark.parametrize("damage", [truncate, delete, zero_the_end, random_bytes_inside])
def test_a_damaged_segment_is_rebuilt_with_a_message(
    indexed_seeds: Path, damage: Callable[[Path], None]
) -> None:
    segments = sorted((default_index_dir([indexed_seeds]) / "whoosh").glob("*.seg"))
    assert segments
    damage(max(segments, key=lambda p: p.stat().st_size))  # the biggest: it holds passages

    # a search before any `reader index`: it rebuilds and answers
    found = run_main("--corpus", str(indexed_seeds), "search", "Garantien", "--json")
    assert found.returncode == 0, found.stderr
    assert "Traceback" not in found.stderr
    assert '"total": 4' in found.stdout
    # and the index is then whole: a second run has nothing to do
    again = run_main("--corpus", str(indexed_seeds), "index")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_the_index_says_which_file_was_damaged(indexed_seeds: Path) -> None:
    segment = sorted((default_index_dir([indexed_seeds]) / "whoosh").glob("*.seg"))[0]
    truncate(segment)
    done = run_main("--corpus", str(indexed_seeds), "index")
    assert done.returncode == 0, done.stderr
    assert f"rebuilt the index: damaged index ({segment.name} has" in done.stdout
    assert "indexed 5 articles" in done.stdout


def test_a_file_touched_but_not_changed_is_not_taken_for_damage(tmp_path: Path) -> None:
    """A file whose modification time changed but not its text is read again and nothing is
    indexed; that update wrote an empty commit, a new table of contents the manifest did not
    record, and the next run rebuilt the whole index as "damaged"."""
    from reader.config import Config
    from reader.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "brand.txt"
    article.write_text("Brand\n\nIn der Nacht brannte ein Dachstuhl.\n", encoding="utf-8")
    config = Config(corpus=[corpus], index_dir=tmp_path / "index")
    library = Library(config)
    library.update()
    later = article.stat().st_mtime + 60
    os.utime(article, (later, later))
    assert library.update().files_read == 1
    library.close()
    again = Library(config)
    report = again.update()
    assert not report.rebuilt, report.rebuild_reason
    assert again.search("Dachstuhl").total == 1
    again.close()
