"""Bad bookmarks files give messages, never crashes (issue 19, finding 4): an unquoted
impossible date names file, line and key and ``list`` still works; an alias bomb is refused
with a message; the file is never rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

GOOD = "Gipfel in Genf\n\nGENF, 7. Dez. (Reuters) – Die Außenminister trafen sich in Genf.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bookmarked(capsys, tmp_path: Path) -> tuple[Path, list[str]]:
    """A corpus with one bookmark; the bookmarks file and the common options."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    path = tmp_path / "bookmarks.yaml"
    (tmp_path / "config.yaml").write_text(f"bookmarks: {path}\n")
    options = ["--config", str(tmp_path / "config.yaml"), "--corpus", str(corpus)]
    code, _, err = run(capsys, "bookmarks", "add", "good#p1", *options)
    assert code == 0, err
    return path, options


def test_impossible_date_is_a_message_with_file_line_and_key(capsys, bookmarked) -> None:
    path, options = bookmarked
    text = path.read_text()
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("created:"))
    lines[at] = lines[at].split("created:")[0] + "created: 2021-02-30"
    path.write_text("\n".join(lines) + "\n")
    before = path.read_bytes()
    code, out, err = run(capsys, "bookmarks", "list", "--json", *options)
    assert code == 0, err
    assert [b["id"] for b in json.loads(out)["bookmarks"]]
    assert f"{path}, line {at + 1}: key 'bookmarks[0].created' is not a real date" in err
    code, out, err = run(capsys, "bookmarks", "list", *options)
    assert code == 0 and "2021-02-30" in err
    assert path.read_bytes() == before


def test_alias_bomb_is_refused_with_a_message(capsys, bookmarked) -> None:
    path, options = bookmarked
    bomb = "x0: &a0 [q,q,q,q,q,q,q,q,q]\n" + "".join(
        f"x{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
    )
    path.write_text(path.read_text() + bomb)
    before = path.read_bytes()
    for command in (["list"], ["add", "good#p1"]):
        code, _, err = run(capsys, "bookmarks", *command, *options)
        assert code == 2, (command, err)
        assert str(path) in err and "aliases" in err
        assert "Traceback" not in err
    assert path.read_bytes() == before


def test_numbers_written_as_notes_and_tags_keep_their_text(capsys, bookmarked) -> None:
    """An unquoted ``.nan`` note, ``.inf`` tag or ``0x1F`` is the user's text: a rewrite (the
    next ``add``) keeps it as written, not as ``nan``/``inf``/``31``."""
    path, options = bookmarked
    text = path.read_text()
    text = text.replace("note: ''", "note: .nan").replace("tags: []", "tags: [.inf, 0x1F]")
    assert "note: .nan" in text and "tags: [.inf, 0x1F]" in text
    path.write_text(text + "total: 1e3\n")
    code, _, err = run(capsys, "bookmarks", "add", "good#p0", *options)
    assert code == 0, err
    code, out, err = run(capsys, "bookmarks", "list", "--json", *options)
    first = next(b for b in json.loads(out)["bookmarks"] if b["passage"] == "good#p1")
    assert first["note"] == ".nan" and first["tags"] == [".inf", "0x1F"]
    assert "total: 1e3" in path.read_text()
