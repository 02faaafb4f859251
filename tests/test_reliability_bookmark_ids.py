"""A bookmark stays with its text when article ids change under it (reliability review,
finding 9: of two files ``a/x.txt`` and ``b/x.txt`` (ids ``x`` and ``x~<hash>``), after ``a`` is
deleted, ``b`` becomes ``x``; A's bookmark was then shown "changed"
with B's text, and B's "orphaned"). And a quote moved to another article of its source is
found there (smaller finding)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.locations import default_index_dir

A_TEXT = "Brand in Mitte\n\nIn der Nacht brannte ein Dachstuhl in der Torstraße vollständig aus.\n"
B_TEXT = "Unfall in Spandau\n\nEin Radfahrer wurde an der Heerstraße von einem Lkw erfasst.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return code, out


def anchors(capsys, corpus: Path) -> dict[str, dict]:
    _, out = run(capsys, "bookmarks", "list", "--json", "--corpus", str(corpus))
    return {bm["note"]: bm for bm in json.loads(out)["bookmarks"]}


def test_bookmarks_keep_their_text_when_a_rebuild_renumbers_the_ids(capsys, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    for folder, text in (("a", A_TEXT), ("b", B_TEXT)):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(text, encoding="utf-8")
    run(capsys, "index", "--corpus", str(corpus))
    _, out = run(capsys, "search", "Dachstuhl", "--json", "--corpus", str(corpus))
    a_id = json.loads(out)["hits"][0]["passage_id"]
    _, out = run(capsys, "search", "Radfahrer", "--json", "--corpus", str(corpus))
    b_id = json.loads(out)["hits"][0]["passage_id"]
    assert a_id == "x#p1" and b_id.startswith("x~") and b_id.endswith("#p1")
    for pid, note in ((a_id, "A"), (b_id, "B")):
        run(capsys, "bookmarks", "add", pid, "--note", note, "--corpus", str(corpus))
    # a is deleted, and the index is rebuilt from scratch: b's article takes the id x
    (corpus / "a" / "x.txt").unlink()
    shutil.rmtree(default_index_dir([corpus]))
    run(capsys, "index", "--corpus", str(corpus))
    found = anchors(capsys, corpus)
    b = found["B"]["anchor"]
    assert b["status"] == "moved" and b["passage"] == "x#p1"  # re-found with its text
    a = found["A"]["anchor"]
    assert a["status"] == "orphaned" and a["text"] is None  # not B's text under A's note


def test_a_quote_moved_to_another_article_of_its_source_is_found_there(capsys, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = corpus / "erste.md"
    second = corpus / "zweite.md"
    quote = "In der Nacht brannte ein Dachstuhl in der Torstraße vollständig aus."
    first.write_text(f"---\nsource: Polizei\n---\n# Brand\n\n{quote}\n", encoding="utf-8")
    second.write_text("---\nsource: Polizei\n---\n# Unfall\n\nEin Unfall.\n", encoding="utf-8")
    run(capsys, "bookmarks", "add", "erste#p1", "--note", "Brand", "--corpus", str(corpus))
    # the outlet moves the paragraph into its other article
    first.write_text("---\nsource: Polizei\n---\n# Brand\n\nMehr folgt.\n", encoding="utf-8")
    second.write_text(
        f"---\nsource: Polizei\n---\n# Unfall\n\nEin Unfall.\n\n{quote}\n", encoding="utf-8"
    )
    anchor = anchors(capsys, corpus)["Brand"]["anchor"]
    assert anchor["status"] == "moved" and anchor["passage"] == "zweite#p2"
