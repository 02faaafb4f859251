"""``reader timeline --json`` on an unchanged index prints the text it printed before, kept
beside the stored timeline, and a newly stored timeline is printed anew (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.context import json_text
from reader.config import Config
from reader.library import Library
from reader.locations import default_index_dir


def _printed(capsys: pytest.CaptureFixture[str], corpus: Path, *more: str) -> str:
    assert main(["--corpus", str(corpus), "timeline", "--json", *more]) == 0
    return capsys.readouterr().out


def test_the_kept_text_is_what_the_timeline_prints(
    indexed_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _printed(capsys, indexed_seeds)
    second = _printed(capsys, indexed_seeds)
    assert second == first
    data = json.loads(second)
    assert set(data) == {"version", "events", "inferred_dates"} and data["events"]
    assert second == json_text(data) + "\n"
    # a filtered view is the same document, filtered
    filtered = json.loads(_printed(capsys, indexed_seeds, "--min-sources", "2"))
    assert filtered["events"] == [e for e in data["events"] if len(e["sources"]) >= 2]


def test_a_newly_stored_timeline_is_printed_anew(
    indexed_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads(_printed(capsys, indexed_seeds))
    library = Library(Config(corpus=[indexed_seeds], index_dir=default_index_dir([indexed_seeds])))
    try:
        stored = json.loads(library.store.get_meta("timeline") or "")
        stored["timeline"]["events"] = stored["timeline"]["events"][:1]
        library.store.set_meta("timeline", json.dumps(stored, ensure_ascii=False))
        library.store.commit()
    finally:
        library.close()
    again = json.loads(_printed(capsys, indexed_seeds))
    assert len(first["events"]) > 1
    assert again["events"] == first["events"][:1]
