"""CLI text output never passes terminal control characters through (issue 19, finding 1).

An article carrying an OSC 52 clipboard write, a clear-screen, a carriage return that hides
text and a bidi override is printed by every text command; the output holds none of these
characters raw, and the text is still there, as visible escapes. ``--json`` is unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.visible import visible

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
NASTY = f"Genf {OSC52} Gipfel \x1b[2J Treffen\rhidden Ende \u202eegnur"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def article(folder: Path, name: str, source: str) -> None:
    folder.joinpath(name).write_text(
        f"Genf{OSC52} Gipfel \x1b[2J der Außenminister\n\n"
        f"GENF, 7. Dez. ({source}) – Die Außenminister trafen sich in Genf. {NASTY}\n\n"
        "Die Außenminister berieten in Genf über den Gipfel und die Waffenruhe.\n",
        encoding="utf-8",
    )


def two_sources(folder: Path, first: str) -> Path:
    """``folder`` made, with the article by Reuters as ``first`` and by dpa as ``b.txt``."""
    folder.mkdir()
    article(folder, first, "Reuters")
    article(folder, "b.txt", "dpa")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return two_sources(tmp_path / "corpus", "a\x1b[31mred.txt")


def run(capsys: pytest.CaptureFixture[str], corpus: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_visible(text: str) -> None:
    assert not RAW.search(text), repr(RAW.search(text))


def test_visible_shows_every_control_character() -> None:
    assert visible(OSC52) == "\\x1b]52;c;cm0gLXJmIH4=\\x07"
    assert visible("a\rb\u202ec\u2066\x85\x7f\n\t") == "a\\rb\\u202ec\\u2066\\x85\\x7f\n\t"
    assert visible("\udcff\ud800") == "\\xff\\ud800"  # an undecodable name byte, a lone one


def test_text_commands_show_escapes_json_unchanged(capsys, corpus: Path) -> None:
    code, out, err = run(capsys, corpus, "search", "Genf", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert any(OSC52 in h["text"] for h in hits)  # the data itself is untouched
    pid = next(h["passage_id"] for h in hits if OSC52 in h["text"])
    other = next(h["passage_id"] for h in hits if h["article_id"] != pid.split("#")[0])
    aid = pid.split("#")[0]
    assert main(["bookmarks", "add", pid, "--note", "note \x1b[2J", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    commands = [
        ["show", aid],
        ["search", "Genf"],
        ["bookmarks", "list"],
        ["bookmarks", "export"],
        ["related", pid],
        ["compare", pid, other],
        ["entities"],
        ["timeline"],
        ["index"],
    ]
    for command in commands:
        code, out, err = run(capsys, corpus, *command)
        assert code == 0, (command, err)
        assert_visible(out)
        assert_visible(err)
        if command[0] in ("show", "search", "bookmarks"):
            assert "\\x1b]52;c;cm0gLXJmIH4=\\x07" in out, command
        if command[0] == "show":
            assert "\\rhidden" in out and "\\u202eegnur" in out and "\\x1b[2J" in out


def test_file_names_in_messages_are_visible(capsys, corpus: Path) -> None:
    corpus.joinpath("bad\x1b]0;pwned\x07.jsonl").write_text("{not json\n", encoding="utf-8")
    code, out, err = run(capsys, corpus, "index")
    assert code == 0
    assert "bad\\x1b]0;pwned\\x07.jsonl" in err
    assert_visible(err)
    assert_visible(out)
