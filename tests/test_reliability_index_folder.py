"""An index folder that cannot be made is one message naming it and why, in the CLI and in
the app, and nothing is written in its place (reliability review, finding 10: tracebacks for
an ``index_dir`` that is a file, under a file, or in ``/proc``; finding 12: a read-only index
folder crashed every command, after trying to wipe the index)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.cli import main
from tests import ui_support as ui


def config_with(tmp_path: Path, index_dir: Path) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(f"index_dir: {index_dir}\n", encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("notes.txt", "it is a file, not a folder"),
        ("notes.txt/index", "{tmp}/notes.txt is a file, not a folder"),
    ],
)
@pytest.mark.parametrize("command", [["index"], ["search", "Putin"], ["timeline"]])
def test_an_index_folder_that_is_or_sits_under_a_file(
    capsys, seeds: Path, tmp_path: Path, where: str, reason: str, command: list[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    index_dir = tmp_path / where
    config = config_with(tmp_path, index_dir)
    code = main(["--config", str(config), "--corpus", str(seeds), *command])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1, err
    assert f"cannot use the index folder {index_dir}: {reason.format(tmp=tmp_path)}" in err
    assert "index_dir" in err  # where to change it
    assert notes.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_an_index_folder_in_proc(capsys, seeds: Path, tmp_path: Path) -> None:
    config = config_with(tmp_path, Path("/proc/reader-index"))
    code = main(["--config", str(config), "--corpus", str(seeds), "search", "Putin"])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert "cannot use the index folder /proc/reader-index: " in err


async def test_the_app_says_why_it_cannot_open_the_index(seeds: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    app = ui.make_app(seeds, config=config_with(tmp_path, tmp_path / "notes.txt"))
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.until(
            pilot, lambda: "cannot be used" in ui.screen_text(app), "the message about the folder"
        )
        text = ui.screen_text(app)
        assert "The index folder cannot be used" in text
        assert "it is a file, not a folder" in text.replace("\n", " ")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def as_ordinary_user() -> list[str]:
    """A command prefix under which file modes apply: none for an ordinary user; for root,
    ``setpriv`` without the capabilities that override them (the tests may run as root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to apply")
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here: file modes cannot be made to apply")
    return prefix


def files_of(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@contextmanager
def read_only(index_dir: Path) -> Iterator[None]:
    """``index_dir`` and everything in it without write permission, for the block."""
    folders = [index_dir, *(p for p in index_dir.rglob("*") if p.is_dir())]
    for path in [*folders, *(p for p in index_dir.rglob("*") if p.is_file())]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield
    finally:
        for path in folders:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def indexed(capsys, seeds: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """The seeds indexed (and analysed) into ``tmp_path/index``; the options naming it."""
    index_dir = tmp_path / "index"
    options = ["--config", str(config_with(tmp_path, index_dir)), "--corpus", str(seeds)]
    assert main([*options, "index"]) == 0
    capsys.readouterr()
    return index_dir, options


def run_as_user(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*as_ordinary_user(), sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        timeout=120,
    )


def assert_read_only_message(done: subprocess.CompletedProcess[str], index_dir: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert f"cannot use the index folder {index_dir}" in done.stderr
    assert "cannot be written to" in done.stderr
    assert "nothing in it was changed" in done.stderr


def test_a_current_index_in_a_read_only_folder_answers(capsys, seeds: Path, tmp_path: Path) -> None:
    """Finding 12 for a current index: ``search`` only printed the read-only message. The
    store is now opened read-only (``immutable``: not even its ``-shm`` can be made) and no
    stamp, cache or mark is written."""
    index_dir, options = indexed(capsys, seeds, tmp_path)
    assert main([*options, "search", "Putin", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    before = files_of(index_dir)
    with read_only(index_dir):
        found = run_as_user(tmp_path, *options, "search", "Putin", "--json")
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout) == expected
        for command in (["index"], ["timeline"], ["show", "001_71db2df63f5cd903"]):
            done = run_as_user(tmp_path, *options, *command)
            assert done.returncode == 0 and done.stderr == "", (command, done.stderr)
        assert "up to date" in run_as_user(tmp_path, *options, "index").stdout
        assert files_of(index_dir) == before  # nothing written, no -wal or -shm made


def test_a_read_only_index_that_must_be_updated_is_a_message(
    capsys, seeds: Path, tmp_path: Path
) -> None:
    index_dir, options = indexed(capsys, seeds, tmp_path)
    before = files_of(index_dir)
    article = next(iter(sorted(seeds.glob("*.txt"))))
    article.write_text(article.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    with read_only(index_dir):
        for command in (["search", "Putin"], ["index"]):
            done = run_as_user(tmp_path, *options, *command)
            assert_read_only_message(done, index_dir)
            assert "the index must be updated (1 file new or changed)" in done.stderr
            assert files_of(index_dir) == before


def test_a_read_only_index_folder_that_needs_a_rebuild_is_a_message_and_nothing_is_deleted(
    capsys, seeds: Path, tmp_path: Path
) -> None:
    index_dir, options = indexed(capsys, seeds, tmp_path)
    with sqlite3.connect(index_dir / "store.sqlite") as db:  # as if an older reader built it
        db.execute("UPDATE meta SET value = 'schema=0;store=0' WHERE key = 'version'")
    db.close()
    before = files_of(index_dir)
    with read_only(index_dir):
        for command in (["search", "Putin"], ["index"]):
            done = run_as_user(tmp_path, *options, *command)
            assert_read_only_message(done, index_dir)
            assert "the index must be rebuilt (index format changed" in done.stderr
            assert files_of(index_dir) == before
