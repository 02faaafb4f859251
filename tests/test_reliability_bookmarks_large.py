"""``reader bookmarks add`` on a large file (reliability review, section 3: 7.5 s on a
20,100-bookmark file) does not format again the entries it did not change."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks import BookmarkStore, parse_text
from reader.bookmarks.schema import dump_text
from tests.test_bookmarks_helpers import sample_bookmark


def three(path: Path) -> str:
    """A file of three bookmarks as reader formats it; its text."""
    bookmarks = [sample_bookmark(i, note=f"Notiz {i}").with_changes(id=f"id{i}") for i in (1, 2, 3)]
    text = dump_text(bookmarks)
    path.write_text(text, encoding="utf-8")
    return text


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
