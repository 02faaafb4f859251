"""The stored timeline: reopened as it was built, with shared dates and names, and built
again when the stored text is another build's or damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis.timeline import META_KEY, timeline, timeline_stamp
from reader.analysis.timeline_model import Timeline, stored_document, stored_timeline
from reader.config import load_config
from reader.library import Library


def library_of(corpus: Path) -> Library:
    return Library(load_config(corpus_override=[str(corpus)]))


@pytest.fixture
def built(indexed_seeds: Path) -> tuple[Library, Timeline]:
    library = library_of(indexed_seeds)
    return library, timeline(library, rebuild=True)


def test_a_reopened_timeline_is_the_one_built(built: tuple[Library, Timeline]) -> None:
    library, first = built
    reopened = timeline(library_of(Path(library.config.corpus[0])))  # a new process's view
    assert reopened is not first
    assert reopened.to_json() == first.to_json()
    assert reopened.version == first.version
    assert reopened.by_passage().keys() == first.by_passage().keys()
    assert reopened.inferred_dates == first.inferred_dates  # 000 and 002, with evidence
    assert reopened.inferred_dates


def test_equal_dates_and_names_are_read_once(built: tuple[Library, Timeline]) -> None:
    _, first = built
    stamp = "test"
    reopened = stored_timeline(stored_document(stamp, first), stamp)
    assert reopened is not None
    passages = [p for e in reopened.events for p in e.passages]
    by_value: dict[str, set[int]] = {}
    for p in passages:
        by_value.setdefault(json.dumps(p.value.to_json(), sort_keys=True), set()).add(id(p.value))
    assert len(passages) > len(by_value)  # the seeds repeat dates across passages
    assert all(len(ids) == 1 for ids in by_value.values())
    sources = {p.source: id(p.source) for p in passages}
    assert all(id(p.source) == sources[p.source] for p in passages)
    titles = {p.title: id(p.title) for p in passages}
    assert all(id(p.title) == titles[p.title] for p in passages)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut off
        lambda text: text.replace('"passage_id"', '"passage_ID"', 1),  # a key renamed
        lambda text: text.replace('"events": [', '"events": [1, ', 1),  # a stray value
        lambda text: text.replace('"inferred_dates": {', '"inferred_dates": {"x": 3, ', 1),
    ],
    ids=["cut", "renamed-key", "stray-event", "stray-date"],
)
def test_a_damaged_stored_timeline_is_built_again(built: tuple[Library, Timeline], damage) -> None:
    library, first = built
    with library.lock:
        raw = library.store.get_meta(META_KEY)
        assert raw
        library.store.set_meta(META_KEY, damage(raw))
        library.store.commit()
    stamp = json.loads(raw)["stamp"]
    assert stored_timeline(damage(raw), stamp) is None
    again = timeline(library_of(Path(library.config.corpus[0])))
    assert again.to_json() == first.to_json()
    with library.lock:  # ... and stored whole again
        assert stored_timeline(library.store.get_meta(META_KEY) or "", stamp) is not None


def test_another_builds_timeline_is_not_read(built: tuple[Library, Timeline]) -> None:
    _, first = built
    stamp = timeline_stamp(first.version)
    text = stored_document(stamp, first)
    assert stored_timeline(text, stamp) is not None
    assert stored_timeline(text, timeline_stamp("another index")) is None
    assert stored_timeline(text, stamp + "0") is None  # a stamp that only starts the same
