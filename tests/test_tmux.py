"""The real ``reader`` command in a real terminal (tmux): keys in, screen text out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WAIT = 20.0  # seconds before giving up on a screen (a loaded machine is slow, never wrong)


def reader_command() -> list[str]:
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


class Terminal:
    """One tmux server (its own socket) running one ``reader``."""

    def __init__(self, args: list[str], size: tuple[int, int], cwd: Path) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:8]}"
        command = " ".join(_quote(a) for a in [*reader_command(), *args])
        self._tmux(
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "-c",
            str(cwd),
            command,
        )
        self._tmux("set-option", "-t", "t", "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        # COLUMNS/LINES (set by some test runners) would override the pane's real size
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        return done.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "t", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def info(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", "t", fmt).strip()

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def reading(self) -> str:
        """The reading column: what is right of the sidebar's border."""
        return "\n".join(line.partition("▕")[2] for line in self.screen().splitlines())

    def wait_for_reading(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            reading = self.reading()
            if text in reading:
                return reading
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared in the reading pane:\n{self.screen()}")

    def wait_until_gone(self, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} stayed; the screen was:\n{self.screen()}")

    def wait_for_exit(self) -> int:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if self.info("#{pane_dead}") == "1":
                status = int(self.info("#{pane_dead_status}") or 0)
                if status != 0:  # the traceback or message it left, for the failure report
                    print(self._tmux("capture-pane", "-p", "-t", "t", "-S", "-200"))
                return status
            time.sleep(0.1)
        raise AssertionError(f"reader did not exit; the screen was:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator:
    opened: list[Terminal] = []

    def start(*args: str, size: tuple[int, int] = (120, 40)) -> Terminal:
        term = Terminal(list(args), size, Path.cwd())
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def test_read_search_jump_back_help_and_quit(terminal, seeds: Path) -> None:
    term = terminal("--corpus", str(seeds))
    term.wait_for("5 articles from 3 sources")
    term.keys("f")  # the filter opens with f; letters in the list are commands
    term.type("Gipfel")
    term.wait_for("1 of 5 articles match")
    term.keys("Enter")
    screen = term.wait_for("Joe Biden lädt Wladimir Putin zu Gipfeltreffen")
    assert "unknown · 2021-04" in screen  # source · date under the headline
    term.keys("/")
    term.wait_for("Search: Putin")  # the search box is up (its placeholder shows)
    term.type("Garantien")
    term.keys("Enter")
    screen = term.wait_for("passages match")
    assert "Kreml: Putin und Biden" in screen
    term.keys("Enter")  # the first hit: Reuters, "rechtlich fixierte Garantien"
    term.wait_for_reading("rechtlich fixierte Garantien")
    term.keys("n")  # the next hit is in the next article: RT DE
    term.wait_for_reading("feste rechtliche")
    term.keys("BSpace")  # back
    term.wait_for_reading("rechtlich fixierte Garantien")
    term.keys("M-Right")  # and forward again
    term.wait_for_reading("feste rechtliche")
    term.keys("F1")
    term.wait_for("Help — Escape closes")
    term.keys("Escape")
    term.wait_until_gone("Help — Escape closes")
    term.keys("/", "q")  # typed into the search box: does not quit
    term.wait_until_gone("l Library")  # the box's footer: its keys are text
    time.sleep(0.5)
    assert term.info("#{pane_dead}") == "0"
    # one key at a time, each once the screen shows the last one's effect: keys sent in one
    # burst reach the box that has the focus before a key's command has moved it elsewhere
    term.keys("Escape")  # out of the box: the footer shows the commands again
    term.wait_for("l Library")
    term.keys("l")
    term.wait_for("1 of 5 articles match")  # the library, still filtered by "Gipfel"
    term.keys("q")
    assert term.wait_for_exit() == 0


def test_ctrl_q_quits_while_typing(terminal, seeds: Path) -> None:
    term = terminal("--corpus", str(seeds), size=(80, 24))
    term.wait_for("5 articles")
    term.keys("/")
    term.type("Putin")
    term.keys("C-q")
    assert term.wait_for_exit() == 0


def test_small_terminal_takes_turns(terminal, seeds: Path) -> None:
    term = terminal("--corpus", str(seeds), size=(80, 24))
    term.wait_for("5 articles from 3 sources")
    term.keys("Enter")
    screen = term.wait_until_gone("5 articles from 3 sources")
    assert "passages" in screen  # the reading pane, full width
    term.keys("Escape")
    term.wait_for("5 articles from 3 sources")
    term.keys("q")
    assert term.wait_for_exit() == 0


def test_article_text_cannot_drive_the_terminal(terminal, tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    record = {
        "id": "evil",
        "source": "[red]Quelle[/red]",
        "date": "2021-12-07",
        "title": "[bold]Fett[/bold] \x1b[31mRot\x1b[0m",
        "text": "Ein [link=https://example.com]Link[/link].\n\n"
        "Titel \x1b]2;gekapert\x07 und \x1b[2J weg? \x1b[5mBlink\x1b[0m",
    }
    (folder / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    term = terminal("--corpus", str(folder))
    term.wait_for("[red]Quelle[/red]")
    term.keys("Enter")
    screen = term.wait_for("[link=https://example.com]Link[/link]")
    assert "[bold]Fett[/bold] ␛[31mRot␛[0m" in screen
    assert "␛]2;gekapert␇" in screen and "␛[2J weg?" in screen
    assert "gekapert" not in term.info("#{pane_title}")
    term.keys("q")
    assert term.wait_for_exit() == 0


def test_empty_corpus_opens_with_advice(terminal, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    term = terminal("--corpus", str(empty))
    term.wait_for("holds no readable")
    term.wait_for("reader --corpus PATH")  # the advice, once the whole message is drawn
    term.keys("q")
    assert term.wait_for_exit() == 0
