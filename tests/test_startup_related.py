"""``reader index`` works out what the first related passage of a later process would wait
for (issue 18): the vocabulary's compound heads and the statements, so that a first
``reader related`` after an index builds neither."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import coverage, related
from reader.cli import main
from tests.conftest import SEEDS

RT = "000_c7c4b8e3e078befc"


def test_a_related_call_after_an_index_builds_nothing_corpus_wide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    assert main(["--corpus", str(corpus), "index"]) == 0
    capsys.readouterr()

    def scanned(*args: object, **kwargs: object) -> None:
        raise AssertionError("built in the related call, not at index time")

    monkeypatch.setattr(coverage, "build", scanned)
    monkeypatch.setattr(related.RelatedFinder, "_store_heads", scanned)
    assert main(["--corpus", str(corpus), "related", f"{RT}#p6", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["related"]  # the passage on legal guarantees has related passages
