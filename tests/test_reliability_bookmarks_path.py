"""The bookmarks file's path and writes (issue 19, review findings 10 and 11, section 3
"Other paths" and "Disk full"): a folder or an unreadable file, a full disk, a file-size
limit and a read-only file each give one message naming the file and the reason (status 2),
and the file on disk is never changed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.bookmarks import store as store_module
from reader.cli import main
from tests.conftest import run_python

PASSAGE = "001_71db2df63f5cd903#p1"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def options(indexed_seeds: Path, tmp_path: Path) -> list[str]:
    """Options for a config whose ``bookmarks`` is ``tmp_path/marks/bookmarks.yaml``."""
    (tmp_path / "config.yaml").write_text(
        f"bookmarks: {tmp_path / 'marks' / 'bookmarks.yaml'}\n", encoding="utf-8"
    )
    return ["--config", str(tmp_path / "config.yaml"), "--corpus", str(indexed_seeds)]


@pytest.fixture
def saved(capsys, options: list[str], tmp_path: Path) -> Path:
    """The bookmarks file, with one bookmark in it."""
    code, _, err = run(capsys, "bookmarks", "add", PASSAGE, *options)
    assert code == 0, err
    return tmp_path / "marks" / "bookmarks.yaml"


def one_message(err: str) -> str:
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def left_alone(path: Path, before: bytes) -> None:
    """The file is as it was, and no temporary file is left beside it."""
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))


def test_a_folder_named_as_the_bookmarks_file(capsys, options, tmp_path) -> None:
    folder = tmp_path / "marks" / "bookmarks.yaml"
    folder.mkdir(parents=True)
    (folder / "mine.txt").write_text("kept\n")
    for command in (["list"], ["add", PASSAGE], ["edit", "x", "--note", "n"]):
        code, _, err = run(capsys, "bookmarks", *command, *options)
        assert code == 2, (command, err)
        assert f"{folder}: is a folder, not a file" in one_message(err)
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


def test_an_unreadable_bookmarks_file(capsys, saved, options, monkeypatch) -> None:
    # (by monkeypatch: the tests may run as root, whom a mode of 0000 does not stop)
    before = saved.read_bytes()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == saved:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    for command in (["list"], ["add", PASSAGE]):
        code, _, err = run(capsys, "bookmarks", *command, *options)
        assert code == 2, (command, err)
        assert f"{saved}: cannot be read: Permission denied" in one_message(err)
    monkeypatch.undo()
    left_alone(saved, before)


def test_a_full_disk_is_a_message_and_the_file_is_unchanged(
    capsys, saved, options, monkeypatch
) -> None:
    before = saved.read_bytes()

    def full(written: int, total: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_module, "WRITE_HOOK", full)
    code, _, err = run(capsys, "bookmarks", "add", PASSAGE, "--note", "second", *options)
    assert code == 2
    assert (
        f"reader: could not save bookmarks to {saved}: No space left on device; "
        "the file was not changed" in one_message(err)
    )
    left_alone(saved, before)


def test_a_file_size_limit_is_a_message_and_the_file_is_unchanged(saved, options) -> None:
    before = saved.read_bytes()
    # The index files stay under the limit and are not written once current (the index is
    # brought up to date first: the in-process import of ``reader`` may be another copy of
    # the package than the subprocess's, and its analysis stamp differ); the new bookmarks
    # file does not stay under it.
    limit = 256 * 1024
    out = run_python(
        "import contextlib, io, resource, signal\n"
        "from reader.cli import main\n"
        "quiet = io.StringIO()\n"
        "with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):\n"
        f"    assert main(['index', *{options!r}]) == 0  # current for this interpreter\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "with contextlib.redirect_stderr(io.StringIO()) as err:\n"
        f"    code = main(['bookmarks', 'add', {PASSAGE!r}, '--note', 'x' * {2 * limit}, "
        f"*{options!r}])\n"
        "print('status', code, err.getvalue(), end='')\n"
    )
    assert out.startswith("status 2 reader: could not save bookmarks to ")
    assert f"{saved}: File too large; the file was not changed" in one_message(out)
    left_alone(saved, before)


def test_a_read_only_file_is_not_rewritten(capsys, saved, options) -> None:
    saved.chmod(0o444)
    before = saved.read_bytes()
    inode = saved.stat().st_ino
    first = BookmarkStore(saved).load()[0].id
    for command in (["add", PASSAGE], ["edit", first]):
        code, _, err = run(capsys, "bookmarks", *command, "--note", "new", *options)
        assert code == 2, (command, err)
        assert (
            f"could not save bookmarks to {saved}: the file is read-only (mode 0444); "
            "the file was not changed" in one_message(err)
        )
    left_alone(saved, before)
    assert saved.stat().st_ino == inode and oct(saved.stat().st_mode & 0o777) == "0o444"
    code, out, _ = run(capsys, "bookmarks", "list", "--no-check", *options)
    assert code == 0 and PASSAGE in out  # reading it is fine


def test_the_store_reports_an_unreadable_path_as_a_file_error(tmp_path) -> None:
    from reader.bookmarks import BookmarkFileError

    (tmp_path / "b.yaml").mkdir()
    store = BookmarkStore(tmp_path / "b.yaml")
    with pytest.raises(BookmarkFileError, match="is a folder"):
        store.load()
    assert store.error is not None and "is a folder" in str(store.error)
