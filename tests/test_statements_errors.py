"""The dev error listing (reader_dev.statements.errors) shows dev articles only: the
held-out split stays unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_dev.ner.gold import default_corpora_dir
from reader_dev.statements.errors import errors
from reader_dev.statements.gold import read_gold

REPO = Path(__file__).resolve().parent.parent
FRONTPAGES = "frontpages-2026.jsonl"

pytestmark = pytest.mark.skipif(
    not (default_corpora_dir(REPO) / FRONTPAGES).is_file(),
    reason=f"{FRONTPAGES} not found in {default_corpora_dir(REPO)} (set $READER_CORPORA)",
)


def test_the_listing_names_every_dev_miss_and_no_heldout_article():
    lines = errors(lambda article: [], lambda items: [0] * len(items))
    gold = read_gold()
    dev = {u.key for u in gold if u.split == "dev"}
    heldout = {u.key for u in gold if u.split == "heldout"}
    misses = [line for line in lines if line.startswith("MISS")]
    assert len(misses) == sum(len(u.statements) for u in gold if u.split == "dev")
    named = {line.split()[1] for line in misses}
    assert named <= dev and not named & heldout
