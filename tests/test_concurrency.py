"""Two writers of one index wait for each other instead of crashing; readers never wait
(reliability review, finding 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from reader.config import Config
from reader.library import Library
from reader.locations import default_index_dir
from reader.search.write_lock import IndexBusy, lock_path, write_lock
from tests.conftest import run_reader


def reader(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_index_waits_for_the_writer_before_it_and_says_so(seeds_copy: Path) -> None:
    root = default_index_dir([seeds_copy])
    release = threading.Event()
    held = threading.Event()

    def hold() -> None:
        with write_lock(root):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        proc = reader("--corpus", str(seeds_copy), "index")
        assert proc.stderr is not None
        line = proc.stderr.readline()  # blocks until the waiting note comes
        assert "Waiting for another reader process" in line, line + proc.stderr.read()
        assert f"(process {os.getpid()})" in line  # who it waits for
        time.sleep(0.5)
        assert proc.poll() is None  # still waiting: it did not go ahead, nor crash
    finally:
        release.set()
        holder.join()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "indexed 5 articles" in out and "Traceback" not in err


def test_two_index_runs_at_once_both_succeed(seeds_copy: Path) -> None:
    procs = [reader("--corpus", str(seeds_copy), "index") for _ in range(2)]
    results = [p.communicate(timeout=180) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    # one built it, the other found it up to date (or waited and found it so)
    outs = " ".join(out for out, _ in results)
    assert "indexed 5 articles" in outs
    found = run_reader("--corpus", str(seeds_copy), "search", "Garantien")
    assert found.returncode == 0 and "4 passages match" in found.stderr + found.stdout


def test_a_search_does_not_wait_for_a_writer_when_the_index_is_current(
    seeds_copy: Path,
) -> None:
    assert run_reader("--corpus", str(seeds_copy), "index").returncode == 0
    with write_lock(default_index_dir([seeds_copy])):  # a writer at work elsewhere
        found = run_reader("--corpus", str(seeds_copy), "search", "Putin", timeout=60)
    assert found.returncode == 0, found.stderr
    assert "Waiting" not in found.stderr and "passages match" in found.stderr + found.stdout


def test_two_libraries_in_one_process_update_at_once(seeds_copy: Path) -> None:
    config = Config(corpus=[seeds_copy])
    libraries = [Library(config), Library(config)]
    errors: list[BaseException] = []

    def update(library: Library) -> None:
        try:
            library.update()
        except BaseException as exc:  # (the test reports it)
            errors.append(exc)

    threads = [threading.Thread(target=update, args=(lib,)) for lib in libraries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert all(lib.store.count() == 5 for lib in libraries)
    assert len(libraries[1].search("Garantien").hits) == 4


def test_a_writer_gives_up_after_its_wait_naming_the_holder(tmp_path: Path) -> None:
    root = tmp_path / "index"
    failed: list[str] = []
    seen: list[int] = []

    def second() -> None:
        try:
            with write_lock(root, seen.append, wait_seconds=0.5):
                pass
        except IndexBusy as exc:
            failed.append(str(exc))

    with write_lock(root):
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(10)
    assert seen and seen[0] == os.getpid()
    assert len(failed) == 1
    assert str(lock_path(root)) in failed[0] and f"process {os.getpid()}" in failed[0]
    with write_lock(root, wait_seconds=0.5):  # let go: the next writer gets it at once
        pass
