"""HanTa tags each word once across runs and analysis workers (reader.analysis.word_table),
with the same analysis as without the table (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

from reader.analysis.word_table import WordTable, table_key
from tests.conftest import SEEDS, run_python

ANALYSE = """
import json, sys
from pathlib import Path
from reader.analysis import entity_rules
from reader.analysis.pipeline import analyze_many
from reader.corpus.loader import load_corpus

tagger = entity_rules.tagger()
asked = []
plain = tagger.tag_word
tagger.tag_word = lambda word, *a, **k: (asked.append(word), plain(word, *a, **k))[1]
articles, _ = load_corpus([Path(sys.argv[1])])
table = Path(sys.argv[2]) if sys.argv[2] != "-" else None
found = {aid: a.to_json() for aid, a in analyze_many(articles, [], len(articles), word_table=table)}
print(json.dumps({"asked": len(asked), "analysis": found}, sort_keys=True))
"""


def _analyse(table: str) -> dict:
    code = f"import sys; sys.argv = ['-', {str(SEEDS)!r}, {table!r}]\n" + ANALYSE
    return json.loads(run_python(code).strip().splitlines()[-1])


def test_a_second_run_asks_hanta_nothing_and_finds_the_same(tmp_path: Path) -> None:
    table = tmp_path / "words.sqlite"
    without = _analyse("-")
    first = _analyse(str(table))
    second = _analyse(str(table))
    assert first["asked"] > 100  # (the seeds' distinct capitalised words, and more)
    assert second["asked"] == 0
    assert first["analysis"] == second["analysis"] == without["analysis"]
    assert first["analysis"]  # (the seeds were analysed)


def test_a_table_of_another_tagger_starts_empty(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite"
    table = WordTable.open(path, "old-hanta")
    assert table is not None
    table.write_new({"Berlin": (("NE", -10.5),), "Polizei": (("NN", -12.0),)})
    table.close()
    again = WordTable.open(path, "old-hanta")
    assert again is not None
    known: dict = {}
    assert again.read_new(known) == 2
    assert known["Berlin"] == (("NE", -10.5),)
    again.close()
    other = WordTable.open(path, table_key())
    assert other is not None
    assert other.read_new({}) == 0
    other.close()


def test_an_unusable_table_is_left_aside(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite"
    path.write_bytes(b"not a database" * 100)
    assert WordTable.open(path, "key") is None
    assert WordTable.open(tmp_path / "missing-folder" / "words.sqlite", "key") is None
