"""One bad byte spoils only its line (issue 19, finding 3).

A cp1252 line in a UTF-8 JSONL is read by fallback with a message naming file:line and the
other lines stay exactly as written; a text file that needs the fallback names the line.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.corpus.loader import load_file


def test_one_cp1252_line_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = [
        json.dumps(
            {"id": f"a{n}", "text": f"Straße „{n}“ – Außenminister"}, ensure_ascii=False
        ).encode("utf-8")
        for n in range(3)
    ]
    bad = '{"id": "b", "text": "Müller sagte „nein“"}'.encode("cp1252")
    undecodable = b'{"id": "c", "text": "x\x81\xff"}'
    path.write_bytes(b"\n".join([good[0], bad, good[1], undecodable, good[2]]) + b"\n")
    result = load_file(path)
    texts = {a.id: a.text for a in result.articles}
    assert texts == {
        "a0": "Straße „0“ – Außenminister",
        "b": "Müller sagte „nein“",
        "a1": "Straße „1“ – Außenminister",
        "a2": "Straße „2“ – Außenminister",
    }
    messages = [str(p) for p in result.problems]
    assert any(m.startswith(f"{path}:2: ") and "cp1252" in m for m in messages), messages
    assert any(m.startswith(f"{path}:4: skipped") for m in messages), messages
    assert len(messages) == 2


def test_text_fallback_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titel\n\nErste Zeile\n" + "Grüße".encode("cp1252") + b"\n")
    result = load_file(path)
    assert result.articles and "Grüße" in result.articles[0].text
    assert [str(p) for p in result.problems] == [
        f"{path}: not valid UTF-8 at line 4 (byte 21); the file was read as cp1252"
    ]
