"""The bookmarks file on disk: add/edit/remove/undo, hand edits, broken files, two
processes at once and a writer killed mid-write."""

from __future__ import annotations

import fcntl
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.bookmarks import (
    BookmarkFileError,
    BookmarkLockTimeout,
    BookmarkStore,
    UnknownBookmark,
    UnknownPassage,
    make_bookmark,
    parse_text,
)
from tests.test_bookmarks_helpers import (
    ARTICLE_ID,
    PARTS,
    FakeLibrary,
    make_article,
    sample_bookmark,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.yaml"


def on_disk(path: Path) -> list:
    return parse_text(path.read_text(encoding="utf-8"), path).bookmarks


def stamped(index: int, when: str, **kw):
    article = make_article()
    return make_bookmark(article, article.passages[index], now=when, **kw)


# --- operations -------------------------------------------------------------------------


def test_add_from_a_passage_id_writes_a_versioned_file(path):
    store = BookmarkStore(path)
    assert store.load() == []  # no file yet: no bookmarks, nothing written
    assert not path.exists()
    bm = store.add_passage(FakeLibrary(make_article()), f"{ARTICLE_ID}#p2", note="n", tags=["x"])
    text = path.read_text(encoding="utf-8")
    assert "\nversion: 2\nbookmarks:\n- id: " + bm.id in text
    assert f"quote: {PARTS[2]}" in text  # one readable line, umlauts as they are
    assert on_disk(path) == [bm] == store.bookmarks


def test_add_unknown_passage_is_refused_without_writing(path):
    store = BookmarkStore(path)
    with pytest.raises(UnknownPassage):
        store.add_passage(FakeLibrary(make_article()), f"{ARTICLE_ID}#p42")
    assert not path.exists()


def test_edit_remove_and_undo(path):
    store = BookmarkStore(path)
    a = store.add(stamped(1, "2024-01-01T09:00:00+00:00", tags=["alt"]))
    b = store.add(stamped(2, "2024-01-02T09:00:00+00:00", note="erste Fassung"))
    c = store.add(stamped(3, "2024-01-03T09:00:00+00:00"))
    assert [x.id for x in store.filtered()] == [c.id, b.id, a.id]

    edited = store.edit(b.id, note="zweite Fassung")
    assert edited.note == "zweite Fassung" and edited.tags == b.tags
    assert edited.updated != b.updated and edited.created == b.created
    retagged = store.edit(a.id, tags=["neu", "gas"])
    assert retagged.tags == ("neu", "gas") and retagged.note == a.note
    assert [x.note for x in on_disk(path)] == ["", "zweite Fassung", ""]

    removed = store.remove(edited.id)
    assert removed == edited
    assert [x.id for x in on_disk(path)] == [a.id, c.id]
    restored = store.restore(removed)
    assert restored == edited
    assert on_disk(path)[1] == edited  # back with its id, note and place
    assert [x.id for x in store.filtered()] == [c.id, b.id, a.id]
    assert store.restore(removed) == edited and len(on_disk(path)) == 3  # undo twice: once


def test_unknown_bookmark_id_is_named_and_nothing_changes(path):
    store = BookmarkStore(path)
    store.add(sample_bookmark())
    before = path.read_bytes()
    for action in (lambda: store.remove("zzzzzz"), lambda: store.edit("zzzzzz", note="x")):
        with pytest.raises(UnknownBookmark, match="'zzzzzz'"):
            action()
    assert path.read_bytes() == before


def test_taken_id_gets_a_new_one(path):
    store = BookmarkStore(path)
    first = store.add(sample_bookmark())
    second = store.add(sample_bookmark(3).with_changes(id=first.id))
    assert second.id != first.id and len({b.id for b in on_disk(path)}) == 2


def test_filters_through_the_store(path):
    store = BookmarkStore(path)
    store.add(sample_bookmark(1, tags=("gas",)))
    store.add(sample_bookmark(4, note="Einigung?"))
    assert [b.passage_id for b in store.filtered(tag="gas")] == [f"{ARTICLE_ID}#p1"]
    assert [b.passage_id for b in store.filtered(text="einigung")] == [f"{ARTICLE_ID}#p4"]
    assert len(store.for_article(ARTICLE_ID)) == 2


# --- other writers: hand edits, a second store ------------------------------------------


def test_note_changed_by_hand_is_kept_after_an_add(path):
    store = BookmarkStore(path)
    store.add(sample_bookmark(1, note="alte Notiz"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("note: alte Notiz", "note: von Hand geändert"), encoding="utf-8")
    store.add(sample_bookmark(2))  # the store still holds the old note in memory
    notes = [b.note for b in on_disk(path)]
    assert notes == ["von Hand geändert", ""]


def test_bookmark_deleted_by_hand_stays_deleted(path):
    store = BookmarkStore(path)
    gone = store.add(sample_bookmark(1))
    kept = store.add(sample_bookmark(2))
    other = BookmarkStore(path)
    other.remove(gone.id)
    store.edit(kept.id, note="danach")  # a stale store must not bring it back
    assert [b.id for b in on_disk(path)] == [kept.id]


def test_hand_added_keys_and_comments_policy(path):
    store = BookmarkStore(path)
    bm = store.add(sample_bookmark(1))
    entry = f"- id: {bm.id}\n"
    text = path.read_text(encoding="utf-8").replace(entry, entry + "  stars: 3\n")
    path.write_text(text, encoding="utf-8")
    store.add(sample_bookmark(2))
    assert on_disk(path)[0].extra == {"stars": 3}
    assert any("stars" in w for w in store.warnings)


def test_second_store_sees_changes_and_reloads(path):
    a, b = BookmarkStore(path), BookmarkStore(path)
    a.load(), b.load()
    assert not b.changed_on_disk()
    added = a.add(sample_bookmark())
    assert b.changed_on_disk()
    assert b.reload_if_changed() is True
    assert b.bookmarks == [added]
    assert b.reload_if_changed() is False
    os.utime(path, None)  # a touch without a change is not a change
    assert not b.changed_on_disk()


def test_file_mode_and_symlink_are_kept(path, tmp_path):
    store = BookmarkStore(path)
    store.add(sample_bookmark(1))
    path.chmod(0o600)
    store.add(sample_bookmark(2))
    assert path.stat().st_mode & 0o777 == 0o600
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    BookmarkStore(link).add(sample_bookmark(3))
    assert link.is_symlink() and len(on_disk(path)) == 3


def test_lock_held_too_long_is_reported_and_nothing_is_written(path):
    store = BookmarkStore(path, lock_timeout=0.2)
    store.add(sample_bookmark(1))
    before = path.read_bytes()
    fd = os.open(store.lock_path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(BookmarkLockTimeout, match="bookmarks lock"):
            store.add(sample_bookmark(2))
    finally:
        os.close(fd)
    assert path.read_bytes() == before
    store.add(sample_bookmark(2))  # and it works once the lock is free
    assert len(on_disk(path)) == 2


# --- broken files -------------------------------------------------------------------------

BROKEN_YAML = (
    "version: 1\nbookmarks:\n- id: abc\n  article: a\n  passage: a#p1\n  quote: Zitat\n"
    "  note: 'nicht geschlossen\n  tags: [a]\n"
)


def test_unparsable_file_is_reported_backed_up_and_never_overwritten(path):
    path.parent.mkdir(parents=True)
    path.write_text(BROKEN_YAML, encoding="utf-8")
    original = path.read_bytes()
    store = BookmarkStore(path)
    with pytest.raises(BookmarkFileError) as info:
        store.load()
    message = str(info.value)
    assert str(path) in message and ", line " in message and ", column " in message
    backups = list(path.parent.glob("bookmarks.yaml.broken-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    assert backups[0].name in message
    assert store.error is info.value and store.bookmarks == []

    with pytest.raises(BookmarkFileError):
        store.add(sample_bookmark())
    with pytest.raises(BookmarkFileError):
        BookmarkStore(path).add(sample_bookmark())
    assert path.read_bytes() == original
    assert len(list(path.parent.glob("bookmarks.yaml.broken-*"))) == 1  # one copy only

    assert store.reload_if_changed() is False  # polling a broken file does not re-raise

    path.write_text(BROKEN_YAML.replace("'nicht geschlossen", "'geschlossen'"), encoding="utf-8")
    assert store.reload_if_changed() is True and [b.id for b in store.bookmarks] == ["abc"]
    added = store.add(sample_bookmark())  # fixed by hand: works again, keeps the entry
    assert [b.id for b in on_disk(path)] == ["abc", added.id]
    assert store.error is None


def test_file_that_does_not_fit_the_schema_names_the_key(path):
    store = BookmarkStore(path)
    store.add(sample_bookmark(1))
    store.add(sample_bookmark(2))
    text = path.read_text(encoding="utf-8")
    bad = text[: text.rindex("tags: []")] + "tags: {gas: ja}\n"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(BookmarkFileError) as info:
        store.add(sample_bookmark(3))
    assert info.value.key == "bookmarks[1].tags"
    assert f"line {bad.count(chr(10))}" in str(info.value)
    assert path.read_text(encoding="utf-8") == bad
    assert store.bookmarks  # the last good list is still there for the app to show


def test_non_utf8_file_is_reported_with_its_line(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"version: 1\nbookmarks:\n- id: \xff\n")
    with pytest.raises(BookmarkFileError, match="line 3, column 7: not UTF-8"):
        BookmarkStore(path).load()


# --- several processes ----------------------------------------------------------------------

ADDER = """
import sys, time
from pathlib import Path
from reader.bookmarks import BookmarkStore
from tests.test_bookmarks_helpers import sample_bookmark
path, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = BookmarkStore(path, lock_timeout=None)
while not go.exists():
    time.sleep(0.001)
for i in range(count):
    store.add(sample_bookmark(1 + i % 4, note=f"{name}-{i}"))
"""


def python(code: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, **kw)


@pytest.mark.slow
def test_two_processes_adding_200_each_lose_nothing(path, tmp_path):
    path.parent.mkdir(parents=True)
    go = tmp_path / "go"
    procs = [python(ADDER, str(path), name, "200", str(go)) for name in ("eins", "zwei")]
    time.sleep(0.5)  # both started and waiting: then let them go at once
    go.touch()
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    bookmarks = on_disk(path)
    notes = {b.note for b in bookmarks}
    expected = {f"{name}-{i}" for name in ("eins", "zwei") for i in range(200)}
    assert len(bookmarks) == 400 and notes == expected
    assert len({b.id for b in bookmarks}) == 400
    # the two really did interleave (otherwise this test proves little)
    order = [b.note.split("-")[0] for b in bookmarks]
    assert sum(1 for x, y in itertools.pairwise(order) if x != y) > 1


SLOW_WRITER = """
import sys, time
from reader.bookmarks import store
from tests.test_bookmarks_helpers import sample_bookmark
store.WRITE_CHUNK = 256
def hook(done, total):
    if done * 2 >= total:
        print("half written", flush=True)
        time.sleep(600)
store.WRITE_HOOK = hook
store.BookmarkStore(sys.argv[1]).add(sample_bookmark(3, note="never finished"))
"""


def test_writer_killed_mid_write_leaves_the_old_file(path):
    store = BookmarkStore(path)
    for i in range(20):
        store.add(sample_bookmark(1 + i % 4, note=f"n{i}"))
    before = path.read_bytes()
    proc = python(SLOW_WRITER, str(path), stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "half written"
        temps = list(path.parent.glob(".bookmarks.yaml.*.tmp"))
        assert len(temps) == 1 and temps[0].stat().st_size > 0  # a half-written temp file
        fd = os.open(store.lock_path, os.O_RDWR)  # and the writer holds the lock
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(fd)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert path.read_bytes() == before
    fresh = BookmarkStore(path)
    assert [b.note for b in fresh.load()] == [f"n{i}" for i in range(20)]
    fresh.add(sample_bookmark(2, note="after the crash"))  # lock released by the kill
    assert len(on_disk(path)) == 21
    assert not list(path.parent.glob(".bookmarks.yaml.*.tmp"))  # the leftover is cleaned


LOOPING_WRITER = """
import sys
from reader.bookmarks import BookmarkStore
from tests.test_bookmarks_helpers import sample_bookmark
store = BookmarkStore(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    bm = store.add(sample_bookmark(1 + i % 4, note=f"loop-{i}"))
    if i % 3 == 2:
        store.remove(bm.id)
    i += 1
"""


def test_writer_killed_at_random_moments_always_leaves_a_readable_file(path):
    rng = random.Random(6)
    count = 0
    for _ in range(5):
        proc = python(LOOPING_WRITER, str(path), stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        bookmarks = BookmarkStore(path).load()  # parses, whatever moment it died at
        assert len(bookmarks) >= count  # and nothing written before was lost
        count = len(bookmarks)
