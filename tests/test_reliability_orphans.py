"""A ``kill -9`` of ``reader index`` takes its helper processes with it (reliability review,
finding 6: the analysis workers and Whoosh's sub-writers outlived their parent)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process table from /proc"
)

SENTENCE = (
    "Die Polizei meldete am Montag in Berlin einen Einsatz am Alexanderplatz, Zeugen "
    "berichteten von einem Feuer in einem Wohnhaus, die Feuerwehr war mit Kräften vor Ort"
)
WORDS = SENTENCE.split()


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("PPid:") and int(line.split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def corpus(folder: Path, articles: int, passages: int) -> Path:
    """One ``.jsonl`` file: enough articles for the analysis pool, enough passages for
    Whoosh's multi-process writer."""
    folder.mkdir()
    with (folder / "many.jsonl").open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = "\n\n".join(
                " ".join(WORDS[(n + k + i) % len(WORDS)] for i in range(12)) + f" Nummer {n}."
                for k in range(passages)
            )
            line = {"id": f"a{n}", "title": f"Meldung {n}", "text": text, "source": "Polizei"}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return folder


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def kill_while_helpers_run(tmp_path: Path, articles: int, passages: int, kind: str) -> None:
    """Start ``reader index``, wait for two helpers whose command line holds ``kind``, kill
    it with SIGKILL: every child it had ends within seconds."""
    folder = corpus(tmp_path / "corpus", articles, passages)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    run = subprocess.Popen(
        [sys.executable, "-m", "reader", "--corpus", str(folder), "index"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        seen: dict[int, str] = {}
        deadline = time.monotonic() + 90

        def helpers() -> int:
            return sum(kind in line for line in seen.values())

        while helpers() < 2 and run.poll() is None and time.monotonic() < deadline:
            for pid in children(run.pid):
                # read again until it shows: a child seen between its fork and its exec
                # still has its parent's command line
                if kind not in seen.get(pid, ""):
                    seen[pid] = command_line(pid)
            time.sleep(0.02)
        assert helpers() >= 2, f"the index ended before two helpers ({kind!r}) started"
        run.send_signal(signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in seen if alive(pid)], "helpers outlived reader index"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()


def test_the_analysis_workers_end_with_reader_index(tmp_path: Path) -> None:
    # 300 articles of 2 passages: the analysis pool (200 articles and more, spawned
    # interpreters) after a serial Whoosh writer
    kill_while_helpers_run(tmp_path, articles=300, passages=2, kind="spawn_main")


def test_the_whoosh_sub_writers_end_with_reader_index(tmp_path: Path) -> None:
    # 6,000 passages: Whoosh's writer with two sub-writer processes (forks of reader)
    kill_while_helpers_run(tmp_path, articles=300, passages=20, kind=" index")
