"""``reader bookmarks add`` on a large file (reliability review, section 3: 7.5 s on a
20,100-bookmark file) neither formats the entries it did not change nor parses the file
reader itself wrote last; what it keeps for that never costs an entry or its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore, parse_text
from reader.bookmarks import schema as bookmark_schema
from reader.bookmarks.schema import dump_text
from tests.test_bookmarks_helpers import sample_bookmark


def three(path: Path) -> str:
    """A file of three bookmarks as reader formats it; its text."""
    bookmarks = [sample_bookmark(i, note=f"Notiz {i}").with_changes(id=f"id{i}") for i in (1, 2, 3)]
    text = dump_text(bookmarks)
    path.write_text(text, encoding="utf-8")
    return text


def no_yaml_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise AssertionError("the bookmarks file was parsed")

    monkeypatch.setattr(bookmark_schema, "safe_load", refuse)


def test_an_add_leaves_every_other_entry_as_it_was_written(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    text = three(path).replace("note: Notiz 2", 'note: "Notiz 2"  # von Hand')
    path.write_text(text, encoding="utf-8")
    BookmarkStore(path).add(sample_bookmark(4, note="neu"))
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text)  # the three entries byte for byte, the hand-quoted one too
    assert [bm.note for bm in parse_text(after).bookmarks] == [
        "Notiz 1",
        "Notiz 2",
        "Notiz 3",
        "neu",
    ]


def test_entries_leaning_on_an_anchor_are_written_out_whole(tmp_path: Path) -> None:
    """Kept as written, ``note: *n`` would lose its anchor once ``id1`` is removed."""
    path = tmp_path / "bookmarks.yaml"
    text = three(path).replace("note: Notiz 1", "note: &n geteilt")
    path.write_text(text.replace("note: Notiz 2", "note: *n"), encoding="utf-8")
    BookmarkStore(path).remove("id1")
    notes = [bm.note for bm in parse_text(path.read_text(encoding="utf-8")).bookmarks]
    assert notes == ["geteilt", "Notiz 3"]


def test_the_next_process_does_not_parse_the_file_reader_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bookmarks.yaml"
    three(path)
    BookmarkStore(path).add(sample_bookmark(4, note="neu"))  # parses it, writes it
    written = parse_text(path.read_text(encoding="utf-8")).bookmarks
    no_yaml_parse(monkeypatch)
    store = BookmarkStore(path)  # as a new process would open it
    assert store.load() == written
    added = store.add(sample_bookmark(1, note="noch eins"))
    monkeypatch.undo()
    assert parse_text(path.read_text(encoding="utf-8")).bookmarks == [*written, added]


def test_a_hand_edit_is_read_from_the_file_not_from_what_reader_kept(tmp_path: Path) -> None:
    from reader.bookmarks.known import known_path

    path = tmp_path / "bookmarks.yaml"
    three(path)
    BookmarkStore(path).add(sample_bookmark(4, note="neu"))
    assert known_path(path).is_file()
    text = path.read_text(encoding="utf-8").replace("note: neu", "note: von Hand")
    path.write_text(text, encoding="utf-8")
    assert BookmarkStore(path).load()[-1].note == "von Hand"
    known_path(path).write_text('{"format": 1, "sha256": [', encoding="utf-8")  # spoilt
    store = BookmarkStore(path)
    store.add(sample_bookmark(1, note="danach"))
    assert [bm.note for bm in parse_text(path.read_text(encoding="utf-8")).bookmarks] == [
        "Notiz 1", "Notiz 2", "Notiz 3", "von Hand", "danach"
    ]  # fmt: skip


def test_a_number_kept_as_written_survives_the_next_processes(tmp_path: Path) -> None:
    """``start: 0x33`` is 51 that keeps its text through the YAML parse only: such a file is
    not kept for the next process (it would write ``51`` when the entry changes)."""
    path = tmp_path / "bookmarks.yaml"
    text = three(path)
    start = parse_text(text).bookmarks[0].start
    assert start is not None
    path.write_text(text.replace(f"start: {start}", f"start: {start:#x}", 1), encoding="utf-8")
    BookmarkStore(path).edit("id2", note="zuerst")
    BookmarkStore(path).edit("id1", note="dann")  # id1 is formatted again
    assert f"start: {start:#x}\n" in path.read_text(encoding="utf-8")
