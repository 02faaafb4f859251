"""The timeline is the same however often and in whatever order it is built (issue 18, "Also
found": two builds of one index gave 16,716 and 16,717 events; issue 14): the same events,
with the same ids, labels, stories and passages, built twice, from the articles in another
order, and in processes with other string hashes (set order)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import reader.analysis.timeline as timeline_module
from reader.analysis.timeline import Timeline, build_timeline
from reader.config import Config, load_config
from reader.library import Library
from reader.refresh import enrich
from reader_dev.events.gold import CORPUS
from reader_dev.ner.gold import default_corpora_dir

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FRONT = default_corpora_dir(REPO) / CORPUS
DAY = "2026-01-03"  # the front-page corpus's busiest day: Caracas, Maduro, the Berlin blackout
ITEMS = 400


def _built(config: Config) -> Library:
    library = Library(config)
    library.update()
    enrich(library)
    return library


def _events(tl: Timeline) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    return sorted(
        (e.id, e.date.iso(), e.label, e.story, tuple(p.passage_id for p in e.passages))
        for e in tl.events
    )


def _shuffled(library: Library, monkeypatch: pytest.MonkeyPatch, seed: int) -> Timeline:
    """The timeline built from the store's articles in a shuffled order."""
    load = timeline_module._load

    def shuffled(lib: Library) -> list:
        articles = load(lib)
        random.Random(seed).shuffle(articles)
        return articles

    with monkeypatch.context() as patch:
        patch.setattr(timeline_module, "_load", shuffled)
        return build_timeline(library)


_DUMP = """
import json, sys
from pathlib import Path
from reader.analysis.timeline import build_timeline
from reader.config import Config
from reader.library import Library
library = Library(Config(corpus=[Path(sys.argv[1])], index_dir=Path(sys.argv[2])))
events = sorted(
    [e.id, e.date.iso(), e.label, e.story, [p.passage_id for p in e.passages]]
    for e in build_timeline(library).events
)
print(json.dumps(events, ensure_ascii=False))
"""


def _in_process(corpus: Path, index: Path, hash_seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    run = subprocess.run(
        [sys.executable, "-c", _DUMP, str(corpus), str(index)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def test_seeds_timeline_is_the_same_built_twice_and_in_any_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config()
    config.corpus, config.index_dir = [SEEDS], tmp_path / "index"
    library = _built(config)
    first = _events(build_timeline(library))
    assert len(first) > 5
    assert _events(build_timeline(library)) == first
    for seed in (1, 2, 3):
        assert _events(_shuffled(library, monkeypatch, seed)) == first


@pytest.mark.skipif(not FRONT.is_file(), reason=f"{FRONT} not found (set $READER_CORPORA)")
def test_front_page_day_is_the_same_in_any_order_and_any_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """400 front-page items of one day, many of them one story's near-identical headlines:
    where grouping depends on the order it meets them, another order gives other events."""
    lines = [
        line
        for line in FRONT.read_text(encoding="utf-8").splitlines()
        if line.strip() and str(json.loads(line).get("date", "")).startswith(DAY)
    ][:ITEMS]
    corpus = tmp_path / "day.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = tmp_path / "index"
    library = _built(Config(corpus=[corpus], index_dir=index))
    first = _events(build_timeline(library))
    assert len(first) > 50
    assert any(len(e[4]) >= 5 for e in first)  # events of several items, not one per item
    for seed in (1, 2):
        assert _events(_shuffled(library, monkeypatch, seed)) == first
    library.close()
    as_json = [[*e[:4], list(e[4])] for e in first]
    assert _in_process(corpus, index, "1") == as_json
    assert _in_process(corpus, index, "2") == as_json
