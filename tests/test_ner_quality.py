"""Entity recognition quality on hand-annotated gold data (tests/data/, see ANNOTATION.md).

The floors sit just below the measured F1 of the recogniser the product ships (user names >
gazetteer > model > rules, as built by ``make_recognizer``): a change that makes recognition
worse fails here. ``bench/bench_ner_quality.py`` prints the full table.
"""

from __future__ import annotations

import pytest

from reader.analysis.gold import default_corpora_dir, evaluate, load_seed_gold, load_unseen_gold
from reader.analysis.pipeline import make_recognizer
from tests.conftest import REPO

SEEDS_FLOOR = {"ALL": 0.97, "PER": 0.97, "LOC": 0.97, "ORG": 0.93}
UNSEEN_FLOOR = {"ALL": 0.80, "PER": 0.9, "LOC": 0.8}


@pytest.fixture(scope="module")
def recognizer():
    return make_recognizer()


def test_seeds_f1_floor(recognizer) -> None:
    scores = evaluate(load_seed_gold(REPO), recognizer.find)
    for label, floor in SEEDS_FLOOR.items():
        assert scores[label].f1 >= floor, f"{label}: {scores[label].row()}"


def test_unseen_sample_f1_floor(recognizer) -> None:
    if not default_corpora_dir(REPO).is_dir():
        pytest.skip(f"corpora not found at {default_corpora_dir(REPO)} (set $READER_CORPORA)")
    docs = load_unseen_gold(REPO)
    assert len(docs) >= 40
    scores = evaluate(docs, recognizer.find)
    for label, floor in UNSEEN_FLOOR.items():
        assert scores[label].f1 >= floor, f"{label}: {scores[label].row()}"
