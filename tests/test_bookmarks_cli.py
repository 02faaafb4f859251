"""``reader bookmarks …`` as a user runs it: exit codes, messages, the JSON shape, and
bookmarks that follow the corpus as its files are edited or deleted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reader.cli import main

ARTICLE = "001_71db2df63f5cd903"
P3 = f"{ARTICLE}#p3"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def passage_text(capsys, pid: str, *config: str) -> str:
    article_id, _, index = pid.partition("#p")
    _, out, _ = run(capsys, *config, "show", article_id, "--json")
    return json.loads(out)["passages"][int(index)]["text"]


def listed(capsys, *args: str) -> list[dict]:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return json.loads(out)["bookmarks"]


@pytest.mark.usefixtures("bundled_indexed")
def test_add_list_and_remove(capsys, isolated_home: Path):
    code, out, _ = run(
        capsys,
        "bookmarks",
        "add",
        P3,
        "--note",
        "Kernforderung",
        "--tag",
        "nato",
        "--tag",
        "garantien",
    )
    assert code == 0 and out.startswith("added ")
    bookmark_id = out.split()[1].rstrip(":")
    file = isolated_home / "data" / "reader" / "bookmarks.yaml"
    assert file.is_file() and yaml.safe_load(file.read_text(encoding="utf-8"))["version"] == 2

    code, out, _ = run(capsys, "bookmarks", "list")
    assert code == 0 and bookmark_id in out and "Kernforderung" in out and "nato" in out

    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    data = json.loads(out)
    assert data["file"] == str(file) and data["count"] == 1
    (bm,) = data["bookmarks"]
    assert set(bm) == {
        "id",
        "created",
        "updated",
        "corpus",
        "article",
        "source",
        "headline",
        "date",
        "passage",
        "quote",
        "before",
        "after",
        "start",
        "end",
        "hash",
        "note",
        "tags",
        "anchor",
    }
    assert bm["id"] == bookmark_id and bm["passage"] == P3 and bm["article"] == ARTICLE
    assert bm["corpus"] == data["corpus"] and len(bm["corpus"]) == 1  # the seeds' folder
    assert bm["quote"] == passage_text(capsys, P3)
    assert bm["source"] == "Reuters" and bm["tags"] == ["nato", "garantien"]
    assert bm["anchor"] == {
        "status": "ok",
        "passage": P3,
        "start": bm["start"],
        "end": bm["end"],
        "passage_changed": False,
        "text": None,
    }

    run(capsys, "bookmarks", "add", f"{ARTICLE}#p4", "--words", "1-2")
    assert [b["passage"] for b in listed(capsys, "bookmarks", "list", "--json")] == [
        f"{ARTICLE}#p4",
        P3,
    ]  # newest first
    assert [b["id"] for b in listed(capsys, "bookmarks", "list", "--tag", "NATO", "--json")] == [
        bookmark_id
    ]
    assert listed(capsys, "bookmarks", "list", "--json")[0]["quote"] == "Russische Beamte"

    code, out, _ = run(capsys, "bookmarks", "edit", bookmark_id, "--note", "neu")
    assert code == 0
    assert listed(capsys, "bookmarks", "list", "--tag", "nato", "--json")[0]["note"] == "neu"

    code, out, _ = run(capsys, "bookmarks", "remove", bookmark_id)
    assert code == 0 and out.startswith(f"removed {bookmark_id}")
    assert [b["passage"] for b in listed(capsys, "bookmarks", "list", "--json")] == [
        f"{ARTICLE}#p4"
    ]


@pytest.mark.usefixtures("bundled_indexed")
def test_unknown_ids_and_bad_ranges_exit_2_with_a_message(capsys):
    code, out, err = run(capsys, "bookmarks", "add", f"{ARTICLE}#p99")
    assert code == 2 and out == "" and f"no passage '{ARTICLE}#p99'" in err
    code, _, err = run(capsys, "bookmarks", "add", "nope#p1")
    assert code == 2 and "no article 'nope'" in err
    code, _, err = run(capsys, "bookmarks", "add", "no-passage-id")
    assert code == 2 and "expected ARTICLE_ID#pN" in err
    code, _, err = run(capsys, "bookmarks", "add", P3, "--words", "5-500")
    assert code == 2 and f"words 5-500 are past the end: passage {P3} has " in err
    code, _, err = run(capsys, "bookmarks", "remove", "zzzzzz")
    assert code == 2 and "no bookmark with id 'zzzzzz'" in err
    code, _, err = run(capsys, "bookmarks", "edit", "zzzzzz", "--note", "x")
    assert code == 2 and "no bookmark with id 'zzzzzz'" in err
    code, _, err = run(capsys, "bookmarks", "add", P3, "--words", "9-3")
    assert code == 2 and "words 9-3 run backwards" in err


@pytest.mark.usefixtures("bundled_indexed")
def test_export_formats(capsys, tmp_path: Path):
    run(capsys, "bookmarks", "add", P3, "--note", "Für den Entwurf", "--tag", "nato")
    quote = passage_text(capsys, P3)

    target = tmp_path / "out" / "draft.md"
    code, _, err = run(capsys, "bookmarks", "export", "--format", "md", "--output", str(target))
    assert code == 0 and "exported 1 bookmarks" in err
    md = target.read_text(encoding="utf-8")
    assert f"> {quote}" in md and "Reuters" in md and "Für den Entwurf" in md
    assert "Putin fordert von Biden" in md  # the headline

    code, out, _ = run(capsys, "bookmarks", "export", "--format", "json")
    assert json.loads(out)["bookmarks"][0]["quote"] == quote
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "yaml")
    assert yaml.safe_load(out)["bookmarks"][0]["note"] == "Für den Entwurf"


@pytest.mark.usefixtures("bundled_indexed")
def test_broken_file_is_reported_and_left_alone(capsys, isolated_home: Path):
    file = isolated_home / "data" / "reader" / "bookmarks.yaml"
    file.parent.mkdir(parents=True)
    broken = "version: 1\nbookmarks:\n  - id: [unclosed\n"
    file.write_text(broken, encoding="utf-8")
    code, out, err = run(capsys, "bookmarks", "list")
    assert code == 2 and out == ""
    assert str(file) in err and ", line " in err and ", column " in err
    code, _, err = run(capsys, "bookmarks", "add", P3)
    assert code == 2 and "will not be changed" in err
    assert file.read_text(encoding="utf-8") == broken
    backups = list(file.parent.glob("bookmarks.yaml.broken-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == broken


def test_bookmarks_follow_corpus_edits(capsys, tmp_path: Path, seeds_copy: Path):
    config = tmp_path / "config.yaml"
    config.write_text("corpus: seeds\nbookmarks: marks/bookmarks.yaml\n", encoding="utf-8")
    cfg = ("--config", str(config))
    for pid in (f"{ARTICLE}#p2", P3, "002_895ec12886e94bdb#p1"):
        assert run(capsys, *cfg, "bookmarks", "add", pid)[0] == 0
    assert (tmp_path / "marks" / "bookmarks.yaml").is_file()  # relative to the config file

    def statuses() -> dict[str, tuple[str, str | None]]:
        items = listed(capsys, *cfg, "bookmarks", "list", "--json")
        return {b["passage"]: (b["anchor"]["status"], b["anchor"]["passage"]) for b in items}

    assert {s for s, _ in statuses().values()} == {"ok"}

    seed = seeds_copy / f"{ARTICLE}.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    old_p3 = lines[3]
    lines.insert(1, "Ein neuer erster Absatz, eingefügt nach dem Druck.")
    lines[4] = old_p3.replace("ernsthaft", "sehr")  # p3 is now the 5th line, and edited
    seed.write_text("\n".join(lines), encoding="utf-8")
    (seeds_copy / "002_895ec12886e94bdb.txt").unlink()

    now = statuses()
    assert now[f"{ARTICLE}#p2"] == ("moved", f"{ARTICLE}#p3")
    assert now[P3] == ("changed", f"{ARTICLE}#p4")
    assert now["002_895ec12886e94bdb#p1"] == ("orphaned", None)
    changed = next(
        b for b in listed(capsys, *cfg, "bookmarks", "list", "--json") if b["passage"] == P3
    )
    assert "sehr daran interessiert" in changed["anchor"]["text"]
    assert "ernsthaft daran interessiert" in changed["quote"]  # the old text is kept

    code, out, _ = run(capsys, *cfg, "bookmarks", "list")
    assert code == 0 and "[orphaned:" in out and "[changed:" in out and "now: " in out
    assert len(listed(capsys, *cfg, "bookmarks", "list", "--no-check", "--json")) == 3
