"""One bad file never stops the rest (issue 19, finding 2).

A corpus folder holds one good article and, beside it, every kind of bad file the review
found aborting the whole ingest or hanging it; ``reader search`` still finds the good
article, each bad file gets one line naming it, and nothing blocks (a FIFO is never opened).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus import loader

GOOD = "Gipfel in Genf\n\nGENF, 7. Dez. (Reuters) – Die Außenminister trafen sich in Genf.\n"
BOMB = (
    "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "title: *i\n"
)


def search(capsys: pytest.CaptureFixture[str], corpus: Path, word: str) -> tuple[dict, str]:
    assert main(["search", word, "--json", "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    return json.loads(out), err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_good_file_found_beside_every_bad_one(capsys, corpus: Path) -> None:
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "dangling.md").symlink_to(corpus / "missing.md")
    (corpus / "zero.jsonl").symlink_to("/dev/zero")
    (corpus / "bomb.md").write_text(f"---\n{BOMB}---\nBombe\n\nText über Genf.\n")
    (corpus / "deep.jsonl").write_text(
        "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": "Tief Genfer Wortlaut"}) + "\n"
    )
    (corpus / "surrogate.jsonl").write_text(
        '{"title": "Lone \\ud800 Surrogat", "text": "Surrogat Bericht aus Genf"}\n'
    )
    (corpus / "baddate.md").write_text(
        "---\ntitle: Falsches Datum\ndate: 2021-02-30\n---\nDatumsbericht aus Genf.\n"
    )
    os.makedirs(corpus / "sub")
    os.symlink("..", corpus / "sub" / "up")  # a folder loop: not followed
    badname = os.fsencode(str(corpus)) + b"/caf\xe9.txt"
    with open(badname, "wb") as handle:
        handle.write(GOOD.encode())
    big = corpus / "big.txt"
    big.write_text(GOOD)
    os.truncate(big, loader.MAX_FILE_BYTES + 1)  # sparse: costs no disk and is never read

    data, err = search(capsys, corpus, "Außenminister")
    assert {h["title"] for h in data["hits"]} == {"Gipfel in Genf"}
    assert any(h["article_id"] == "good" for h in data["hits"])
    for name, reason in [
        ("fifo.txt", "not a regular file"),
        ("loop.txt", "symbolic link loop"),
        ("dangling.md", "dangling symbolic link"),
        ("zero.jsonl", "not a regular file"),
        ("bomb.md", "aliases"),
        ("deep.jsonl:1", "nested too deeply"),
        ("caf\\xe9.txt", "not valid UTF-8"),
        ("big.txt", "larger than"),
        ("baddate.md", "date ignored"),
        ("surrogate.jsonl:1", "surrogate"),
    ]:
        line = [x for x in err.splitlines() if name in x]
        assert len(line) == 1 and reason in line[0], (name, err)
    # the bad value and the bad line cost only themselves
    data, _ = search(capsys, corpus, "Datumsbericht")
    assert data["total"] == 1 and data["hits"][0]["date"] is None
    data, _ = search(capsys, corpus, "Wortlaut")
    assert data["total"] == 1
    data, _ = search(capsys, corpus, "Surrogat")
    assert data["total"] >= 1 and all("\ufffd" in h["title"] for h in data["hits"])


def test_file_deleted_during_the_scan(capsys, corpus: Path, monkeypatch) -> None:
    (corpus / "gone.txt").write_text("Weg\n\nGleich gelöscht.\n")
    real = loader.discover

    def discover_then_delete(paths):
        found = real(paths)
        (corpus / "gone.txt").unlink()
        return found

    monkeypatch.setattr("reader.search.scan.discover", discover_then_delete)
    data, err = search(capsys, corpus, "Außenminister")
    assert data["total"] == 1
    assert "gone.txt" in err and "vanished" in err


def refuse_to_list(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` cannot be listed (as a mode of 0000 does for anyone but root, whom the
    tests may run as)."""
    real = os.scandir

    def scandir(path=".", *args, **kwargs):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_named_and_the_rest_read(capsys, corpus, monkeypatch) -> None:
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Versteckt\n\nNicht lesbar.\n", encoding="utf-8")
    refuse_to_list(monkeypatch, locked)
    data, err = search(capsys, corpus, "Außenminister")
    assert data["total"] == 1
    assert f"{locked}: skipped: folder cannot be read (Permission denied)" in err


def test_an_unreadable_corpus_folder_says_why_it_is_empty(capsys, corpus, monkeypatch) -> None:
    refuse_to_list(monkeypatch, corpus)
    assert main(["search", "Außenminister", "--corpus", str(corpus)]) == 0
    _, err = capsys.readouterr()
    assert f"{corpus}: skipped: folder cannot be read (Permission denied)" in err
