"""The event gold (tests/data/events_gold.jsonl, guidelines in tests/data/EVENTS.md) is
well-formed, follows its split rule, matches the shared corpus, and the scorer of
reader_dev.events.gold counts pairs and sizes as worked out by hand."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from reader_dev.events.gold import (
    CORPUS,
    GOLD,
    GoldDataError,
    GoldEvent,
    GoldItem,
    Predicted,
    load_gold,
    read_corpus,
    read_gold,
    score,
    split_of,
)
from reader_dev.ner.gold import default_corpora_dir

REPO = Path(__file__).resolve().parent.parent
needs_frontpages = pytest.mark.skipif(
    not (default_corpora_dir(REPO) / CORPUS).is_file(),
    reason=f"{CORPUS} not found in {default_corpora_dir(REPO)} (set $READER_CORPORA)",
)


# --- the gold file ------------------------------------------------------------------------


def test_gold_has_enough_events_each_reported_by_three_outlets():
    events = read_gold()
    assert len(events) >= 25
    for event in events:
        assert len(event.sources) >= 3, event.event
    lines = (REPO / GOLD).read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(events)
    for line in lines:
        data = json.loads(line)
        assert set(data) == {"event", "story", "label", "date", "split", "items"}
        assert all(set(i) == {"id", "source", "sha1"} for i in data["items"])


def test_gold_has_stories_of_several_events_for_wrong_merges():
    events_of: dict[str, set[str]] = defaultdict(set)
    for event in read_gold():
        events_of[event.story].add(event.event)
    assert sum(len(e) >= 2 for e in events_of.values()) >= 5


def test_split_follows_the_story_hash_rule_of_the_guidelines():
    events = read_gold()
    for event in events:
        digest = int(hashlib.sha1(f"events-5:{event.story}".encode()).hexdigest(), 16)
        assert event.split == ("heldout" if digest % 5 < 2 else "dev"), event.event
    # whole stories go to one side; about 60 % of the events are dev
    splits_of: dict[str, set[str]] = defaultdict(set)
    for event in events:
        splits_of[event.story].add(event.split)
    assert all(len(s) == 1 for s in splits_of.values())
    dev = sum(e.split == "dev" for e in events) / len(events)
    assert 0.5 <= dev <= 0.7
    multi = {s for s in splits_of if sum(e.story == s for e in events) >= 2}
    assert {next(iter(splits_of[s])) for s in multi} == {"dev", "heldout"}


def test_reading_the_gold_rejects_a_split_against_the_rule(tmp_path):
    lines = (REPO / GOLD).read_text(encoding="utf-8").splitlines()
    data = json.loads(lines[2])
    data["split"] = "dev" if data["split"] == "heldout" else "heldout"
    lines[2] = json.dumps(data, ensure_ascii=False)
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=rf"line 3 \(event {data['event']}\): split"):
        read_gold(path)


@needs_frontpages
def test_every_gold_item_matches_the_shared_corpus_text():
    events = load_gold(REPO)
    records = read_corpus(default_corpora_dir(REPO) / CORPUS)
    for event in events:
        for item in event.items:
            record = records[item.id]
            text = f"{record['title']}\n{record['text']}"
            assert hashlib.sha1(text.encode("utf-8")).hexdigest() == item.sha1, item.id
            assert record["source"] == item.source
        # the labels are the annotator's words, not a copied headline
        assert all(event.label != records[i.id]["title"] for i in event.items)


def _fake_repo(tmp_path: Path, records: list[dict[str, str]]) -> tuple[Path, Path]:
    """A repository root holding the real gold file and a corpus folder with ``records``."""
    root = tmp_path / "repo"
    (root / GOLD).parent.mkdir(parents=True)
    shutil.copy(REPO / GOLD, root / GOLD)
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    with (corpora / CORPUS).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return root, corpora


def test_loading_names_the_line_and_id_of_a_missing_item(tmp_path):
    root, corpora = _fake_repo(tmp_path, [])
    first = read_gold()[0]
    with pytest.raises(GoldDataError, match=rf"line 1 \(event {first.event}\): item "):
        load_gold(root, corpora)
    with pytest.raises(GoldDataError, match=first.items[0].id):
        load_gold(root, corpora)


def test_loading_names_the_line_and_id_of_a_changed_item(tmp_path):
    events = read_gold()
    # every record as the gold expects it, except one whose text changed
    records = []
    changed = events[1].items[0]
    for event in events:
        for item in event.items:
            records.append({"id": item.id, "source": item.source, "title": "x", "text": "y"})
    root, corpora = _fake_repo(tmp_path, records)
    with pytest.raises(GoldDataError, match=r"line 1 .* changed since it was annotated"):
        load_gold(root, corpora)
    # with sha1s that fit, only the changed one is reported
    lines = []
    for line in (root / GOLD).read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        for item in data["items"]:
            text = "x\nchanged" if item["id"] == changed.id else "x\ny"
            item["sha1"] = hashlib.sha1(text.encode()).hexdigest()
        lines.append(json.dumps(data, ensure_ascii=False))
    (root / GOLD).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=rf"line 2 \(event {events[1].event}\): item "):
        load_gold(root, corpora)


# --- the scorer on a hand-made example ----------------------------------------------------


def _event(name: str, story: str, split: str, items: str) -> GoldEvent:
    """``items``: "a:x b:y" = item a from outlet x, item b from outlet y."""
    parsed = tuple(GoldItem(i, s, "0" * 40) for i, s in (p.split(":") for p in items.split()))
    return GoldEvent(name, story, name.upper(), "2026-01-01", split, parsed)


GOLD_EVENTS = [
    # story s (dev): e1 with a re-capture d of a's outlet, e2 a different event of s
    _event("e1", "s", "dev", "a:x b:y c:z d:x"),
    _event("e2", "s", "dev", "e:x f:y"),
    # story t (heldout): one event, item g under a suffixed id in the library
    _event("e3", "t", "heldout", "g:x h:y"),
]
TIMELINE = [
    Predicted("p1", "P1", frozenset({"a", "b", "e", "u1", "u2", "u3", "u4"})),
    Predicted("p2", "P2", frozenset({"c"})),
    Predicted("p3", "P3", frozenset({"g~1a2b3c4d", "h"})),
    Predicted("p4", "P4", frozenset({"d", "b"})),
]
ARTICLE_OF = {i: i for i in "abcdefh"} | {"g": "g~1a2b3c4d"}


def test_scorer_counts_pairs_of_one_event_from_different_outlets():
    result = score(GOLD_EVENTS, TIMELINE, ARTICLE_OF)
    # e1: pairs ab ac bc bd cd (a-d share an outlet); together ab (p1), bd (p4)
    # e2: pair ef, apart; e3: pair gh, together in p3 through the id map
    assert (result["dev"]["same_pairs"], result["dev"]["same_together"]) == (6, 2)
    assert (result["heldout"]["same_pairs"], result["heldout"]["same_together"]) == (1, 1)
    assert result["all"]["same_recall"] == pytest.approx(3 / 7)
    rows = {r["event"]: r for r in result["events"]}
    assert (rows["e1"]["pairs"], rows["e1"]["together"]) == (5, 2)
    assert rows["e2"]["recall"] == 0.0 and rows["e3"]["recall"] == 1.0


def test_scorer_counts_wrong_merges_within_a_story():
    result = score(GOLD_EVENTS, TIMELINE, ARTICLE_OF)
    # e1 x e2: 8 pairs, a-e and b-e together in p1; story t has one event: no pairs
    assert (result["dev"]["wrong_pairs"], result["dev"]["wrong_together"]) == (8, 2)
    assert result["dev"]["wrong_rate"] == 0.25
    assert (result["heldout"]["wrong_pairs"], result["heldout"]["wrong_rate"]) == (0, 0.0)
    assert result["all"]["wrong_together"] == 2


def test_scorer_measures_the_event_holding_most_of_a_gold_event():
    result = score(GOLD_EVENTS, TIMELINE, ARTICLE_OF)
    rows = {r["event"]: r for r in result["events"]}
    # e1: p1 and p4 hold two items each; the smaller p4 (2 articles) wins: 2/4
    assert (rows["e1"]["best_id"], rows["e1"]["best_size"], rows["e1"]["ratio"]) == ("p4", 2, 0.5)
    # e2: p1 (7 articles) holds e: 7/2 = 3.5, a giant event
    assert (rows["e2"]["best_id"], rows["e2"]["ratio"]) == ("p1", 3.5)
    assert rows["e3"]["ratio"] == 1.0
    assert (result["dev"]["ratio_median"], result["dev"]["ratio_max"]) == (2.0, 3.5)
    assert (result["dev"]["giants"], result["heldout"]["giants"], result["all"]["giants"]) == (
        1,
        0,
        1,
    )
    assert result["all"]["ratio_median"] == 1.0


def test_scorer_puts_an_unmapped_item_in_no_event():
    result = score(GOLD_EVENTS, TIMELINE, {i: i for i in "abcdefh"})
    rows = {r["event"]: r for r in result["events"]}
    assert rows["e3"]["together"] == 0 and rows["e3"]["best_size"] == 2  # h alone in p3
    none = score([_event("e9", "u", "dev", "q:x r:y s:z")], TIMELINE)
    assert none["events"][0]["best_id"] is None and none["dev"]["ratio_max"] == 0.0


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_event_quality", REPO / "bench" / "bench_event_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_maps_gold_ids_to_library_ids_including_suffixed_ones():
    events = [_event("e1", "s", "dev", "a:x b:y c:z")]
    library = [
        ("a", "x", "A"),
        ("b~1a2b3c4d", "x", "B"),
        ("b~5e6f7a8b", "y", "B"),
        ("c~00", "z", "C?"),
    ]
    mapped = _bench().map_items(events, library, {"a": "A", "b": "B", "c": "C"})
    # b: the claimant of outlet y with b's title; c: no claimant with its title
    assert mapped == {"a": "a", "b": "b~5e6f7a8b"}


def test_split_of_is_the_documented_hash():
    for story in ("crans-montana", "venezuela", "x"):
        digest = int(hashlib.sha1(f"events-5:{story}".encode()).hexdigest(), 16)
        assert split_of(story) == ("heldout" if digest % 5 < 2 else "dev")
