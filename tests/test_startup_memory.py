"""Opening a searcher reads Whoosh's memory-mapped segments in place instead of copying each
sub-file into memory (issue 18, memory: +79 MB on the Berlin corpus before), and reads
through the map give what a copy would have given."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.config import Config
from reader.library import Library
from reader.search.mapped_file import MemoryViewFile
from tests.conftest import SEEDS

DATA = b"first line\nsecond\n\nno newline at the end" * 20


def test_reads_through_the_map_match_a_copy() -> None:
    mapped, copy = MemoryViewFile(memoryview(DATA)), io.BytesIO(DATA)
    for step in [
        ("read", 5),
        ("readline",),
        ("seek", 3, 1),
        ("read", 0),
        ("readline", 4),
        ("seek", -7, 2),
        ("read", 100),
        ("read", 3),
        ("seek", 2000),
        ("read", 9),
        ("seek", 11),
        ("read", -1),
        ("seek", 0),
        ("readline",),
        ("readline",),
    ]:
        name, *args = step
        assert getattr(mapped, name)(*args) == getattr(copy, name)(*args), step
        assert mapped.tell() == copy.tell(), step
    mapped.seek(0)
    copy.seek(0)
    assert list(mapped) == list(copy)
    target, expected = bytearray(7), bytearray(7)
    mapped.seek(4)
    copy.seek(4)
    assert mapped.readinto(target) == copy.readinto(expected) and target == expected
    mapped.close()
    with pytest.raises(ValueError):
        mapped.read()


def test_a_searcher_reads_its_segments_in_place(tmp_path: Path) -> None:
    library = Library(Config(corpus=[SEEDS], index_dir=tmp_path / "index"))
    library.update()
    try:
        result = library.search("Putin")
        assert result.hits  # the search answers as before
        readers = [r for r, _ in library.searcher().reader().leaf_readers()]
        assert readers
        for reader in readers:
            for segment_file in (reader._terms._dbfile, reader._terms._postfile):
                assert not isinstance(segment_file.file, io.BytesIO)
    finally:
        library.close()
