"""Every CLI text command, run in a real pseudo-terminal, writes no control character of the
article's (issue 19, finding 1 and its test list).

``test_reliability_escapes`` checks the text the commands produce in-process; this runs the
installed command on a terminal, as a user does, where progress bars and colours are on, and
reads the bytes the terminal would get. What remains after taking out the sequences the CLI
itself draws (colours, its progress line) must hold no ESC, BEL, bare CR or bidi control,
and the article's escapes must be there as visible text.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import read_pty
from tests.test_reliability_escapes import two_sources

# What the CLI's own drawing uses on a terminal: SGR colours, cursor show/hide, erase line,
# one line up, and the carriage return of a progress line redrawn in place.
OWN = re.compile(rb"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[1A|\r(?=\x1b\[(?:2K|1A))|\r\n")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def on_a_terminal(*args: str, cwd: Path) -> str:
    """Run ``reader ARGS`` with stdout and stderr on a pseudo-terminal; everything it wrote,
    minus the CLI's own drawing, decoded."""
    main, child = pty.openpty()
    run = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=cwd,
        close_fds=True,
    )
    os.close(child)
    out = read_pty(main)
    assert run.wait(timeout=120) == 0, out.decode("utf-8", "replace")[-2000:]
    return OWN.sub(b"\n", bytes(out)).decode("utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = two_sources(tmp_path / "corpus", "a.txt")
    folder.joinpath("empty\x1b]2;PWNED\x07.txt").write_text("")
    return folder


def test_no_article_escape_reaches_the_terminal(corpus: Path, tmp_path: Path) -> None:
    where = ("--corpus", str(corpus))
    commands = [
        ("index",),
        ("search", "Genf"),
        ("show", "a"),
        ("related", "a#p1"),
        ("compare", "a#p1", "b#p1"),
        ("entities",),
        ("timeline",),
        ("bookmarks", "add", "a#p1", "--note", "Genf"),
        ("bookmarks", "list"),
        ("bookmarks", "export", "--format", "md"),
    ]
    seen = {}
    for command in commands:
        out = on_a_terminal(*command, *where, cwd=tmp_path)
        bad = RAW.search(out)
        assert bad is None, f"{' '.join(command)} wrote {bad.group()!r}: {out[-600:]!r}"
        seen[command[-1] if command[0] != "bookmarks" else command[1]] = out
    # The escapes are shown, not dropped: the clipboard write and the clear screen as text.
    for name in ("Genf", "a", "list", "export"):
        assert "\\x1b]52;c;cm0gLXJmIH4=\\x07" in seen[name], name
    assert "\\x1b]2;PWNED\\x07" in seen["index"]
