"""The command line on a terminal and in a pipe (issue 15 R15): search hits in colour on a
terminal and in »marks« elsewhere, and stdout holding only the answer."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import read_pty

MATCH = "\x1b[1;31mSacharowa\x1b[0m"
PASSAGE_ID = "\x1b[1m000_c7c4b8e3e078befc#p9\x1b[0m"


def on_a_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    """``reader ARGS`` with stdout on a pseudo-terminal (stderr piped): what each got."""
    main_fd, child = pty.openpty()
    run = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=subprocess.PIPE,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
        close_fds=True,
    )
    os.close(child)
    out = read_pty(main_fd)
    assert run.stderr is not None
    err = run.stderr.read().decode()
    assert run.wait(timeout=120) == 0, err
    return out.decode().replace("\r\n", "\n"), err


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_search_on_a_terminal_highlights_the_matches(indexed_seeds: Path, plain) -> None:
    out, _ = on_a_terminal("search", "Sacharowa", "--corpus", str(indexed_seeds))
    assert MATCH in out and PASSAGE_ID in out
    assert "»" not in out


def test_no_color_on_a_terminal_keeps_the_marks(indexed_seeds: Path, plain) -> None:
    out, _ = on_a_terminal(
        "search", "Sacharowa", "--corpus", str(indexed_seeds), env={"NO_COLOR": "1"}
    )
    assert "»Sacharowa«" in out and "\x1b" not in out


def test_json_on_a_terminal_is_plain_json(indexed_seeds: Path, plain) -> None:
    out, _ = on_a_terminal("search", "Sacharowa", "--json", "--corpus", str(indexed_seeds))
    assert "\x1b" not in out and json.loads(out)["total"] == 1


def test_piped_search_keeps_the_marks(capsys, indexed_seeds: Path, plain) -> None:
    assert main(["search", "Sacharowa", "--corpus", str(indexed_seeds)]) == 0
    out = capsys.readouterr().out
    assert "»Sacharowa«" in out and "\x1b" not in out


def test_force_color_colours_a_pipe_and_no_color_wins(
    capsys, indexed_seeds: Path, plain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["search", "Sacharowa", "--corpus", str(indexed_seeds)]) == 0
    assert MATCH in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["search", "Sacharowa", "--corpus", str(indexed_seeds)]) == 0
    assert "»Sacharowa«" in capsys.readouterr().out


def test_a_coloured_hit_still_shows_control_characters_as_text(
    capsys, tmp_path: Path, plain, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Titel\n\nIn Genf\x1b]2;PWNED\x07 sprach er.", "utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert main(["search", "Genf", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "\\x1b]2;PWNED\\x07" in out and "\x07" not in out
    assert out.count("\x1b") == 4  # the passage id's bold and the match's colour, each reset


def test_timeline_prints_only_events_and_verbose_notes_the_dating_on_stderr(
    capsys, indexed_seeds: Path
) -> None:
    assert main(["timeline", "--corpus", str(indexed_seeds)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].endswith(" events"), out[:200]
    assert "from the event it reports" not in out + err
    assert main(["timeline", "--verbose", "--corpus", str(indexed_seeds)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].endswith(" events") and "from the event" not in out
    assert "000_c7c4b8e3e078befc: dated 2021-12-08 (inferred) from the event it reports" in err
