"""The refresh sequence (index → analysis → dates) that the CLI and the app both run."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.library import Library
from reader.refresh import refresh
from tests.conftest import SEEDS

UNDATED = {"000_c7c4b8e3e078befc", "002_895ec12886e94bdb"}


def test_refresh_dates_the_undated_once_and_stops_when_cancelled(tmp_path: Path) -> None:
    library = Library(Config(corpus=[SEEDS], index_dir=tmp_path / "index"))
    cancelled = refresh(library, cancelled=lambda: True)
    assert cancelled.cancelled and cancelled.inferred_dates == []
    assert {s.id for s in library.summaries() if s.date is None} >= UNDATED

    phases: list[str] = []
    report = refresh(library, lambda phase, done, total: phases.append(phase))
    assert report.index is not None and report.index.up_to_date  # indexed by the first run
    assert report.analysis.analysed == 5 and set(report.inferred_dates) == UNDATED
    assert "dates" in phases
    assert all(s.date is not None for s in library.summaries())

    phases.clear()
    again = refresh(library, lambda phase, done, total: phases.append(phase))
    assert (again.analysis.analysed, again.analysis.reindexed, again.inferred_dates) == (0, 0, [])
    assert "dates" not in phases  # nothing changed: the timeline is not asked again
