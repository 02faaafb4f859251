"""The event gold (``tests/data/events_gold.jsonl``, guidelines in ``tests/data/EVENTS.md``)
and the scorer of a timeline against it (issue 14, "Quality, speed, tests").

A gold line is one event of the front-page corpus: ``event`` and ``story`` (the annotator's
keys), ``label`` (the annotator's own words), ``date`` (``YYYY-MM-DD``), ``split`` and
``items``: ``{"id", "source", "sha1"}`` per front-page item that reports the event, ``sha1``
being the hex sha1 of ``title + "\\n" + text`` of the record as it stands in the file. No
corpus text is stored; :func:`load_gold` checks every item against the shared corpus.

Scoring (:func:`score`): an item is *in* a timeline event when any of its passages is among
the event's passages (its article is among the event's articles). Two items are *put
together* when one timeline event holds both.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader_dev.ner.gold import CORPORA_ENV, GoldDataError, default_corpora_dir, read_json_lines

CORPUS = "frontpages-2026.jsonl"
GOLD = Path("tests/data/events_gold.jsonl")
SPLITS = ("dev", "heldout")
SPLIT_SALT = "events-5"
"""Fixed once, before any timeline was scored (EVENTS.md, "Split"); never to be changed."""
GIANT = 3.0
"""A gold event's best timeline event is *giant* when it has more than this many times the
gold event's items."""
REPO_ROOT = Path(__file__).resolve().parents[2]
LINE_KEYS = {"event", "story", "label", "date", "split", "items"}
ITEM_KEYS = {"id", "source", "sha1"}
_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA1 = re.compile(r"[0-9a-f]{40}")

__all__ = [
    "CORPUS",
    "GIANT",
    "GOLD",
    "SPLITS",
    "GoldDataError",
    "GoldEvent",
    "GoldItem",
    "Predicted",
    "item_sha1",
    "load_gold",
    "read_corpus",
    "read_gold",
    "score",
    "split_of",
]


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One front-page item that reports a gold event."""

    id: str
    source: str
    sha1: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event; ``line`` is its line in the gold file (for messages)."""

    event: str
    story: str
    label: str
    date: str
    split: str
    items: tuple[GoldItem, ...]
    line: int = 0

    @property
    def sources(self) -> set[str]:
        return {i.source for i in self.items}


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the scorer reads of a timeline event (``reader.analysis.timeline.Event``):
    its id, label and the ids of its articles."""

    id: str
    label: str
    articles: frozenset[str]


def split_of(story: str) -> str:
    """The split of every event of ``story``: ``heldout`` when
    ``int(sha1(SPLIT_SALT + ":" + story), 16) % 5 < 2``, else ``dev``."""
    digest = int(hashlib.sha1(f"{SPLIT_SALT}:{story}".encode()).hexdigest(), 16)
    return "heldout" if digest % 5 < 2 else "dev"


def item_sha1(record: Mapping[str, Any]) -> str:
    """The sha1 (hex) of a corpus record's ``title + "\\n" + text`` (UTF-8)."""
    text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _text(data: dict[str, Any], name: str, where: str, pattern: re.Pattern[str] | None) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise GoldDataError(f"{where}: {name!r} must be a non-empty string")
    if pattern is not None and not pattern.fullmatch(value):
        raise GoldDataError(f"{where}: {name!r} is malformed: {value!r}")
    return value


def _item(raw: Any, where: str) -> GoldItem:
    if not isinstance(raw, dict) or set(raw) != ITEM_KEYS:
        raise GoldDataError(f"{where}: an item must be an object with keys id, source, sha1")
    return GoldItem(
        _text(raw, "id", where, None),
        _text(raw, "source", where, None),
        _text(raw, "sha1", where, _SHA1),
    )


def read_gold(path: Path | None = None) -> list[GoldEvent]:
    """The gold events, checked for form (keys, the split rule, no item in two events) but
    not against the corpus. Raises :class:`GoldDataError` naming the file and line."""
    path = path if path is not None else REPO_ROOT / GOLD
    events: list[GoldEvent] = []
    event_lines: dict[str, int] = {}
    item_lines: dict[str, int] = {}
    for number, data in read_json_lines(path):
        where = f"{path}, line {number}"
        if set(data) != LINE_KEYS:
            raise GoldDataError(f"{where}: keys must be {', '.join(sorted(LINE_KEYS))}")
        event = _text(data, "event", where, _KEY)
        where = f"{where} (event {event})"
        if event in event_lines:
            raise GoldDataError(f"{where}: event key already used on line {event_lines[event]}")
        event_lines[event] = number
        story = _text(data, "story", where, _KEY)
        label = _text(data, "label", where, None)
        date = _text(data, "date", where, _DATE)
        split = data.get("split")
        if split != split_of(story):
            raise GoldDataError(
                f"{where}: split {split!r} breaks the rule; story {story!r} is {split_of(story)!r}"
            )
        raw = data.get("items")
        if not isinstance(raw, list) or not raw:
            raise GoldDataError(f"{where}: 'items' must be a non-empty list")
        items = tuple(_item(r, f"{where}, item {i}") for i, r in enumerate(raw))
        for item in items:
            if item.id in item_lines:
                raise GoldDataError(
                    f"{where}: item {item.id} is already in the event on line {item_lines[item.id]}"
                )
            item_lines[item.id] = number
        events.append(GoldEvent(event, story, label, date, split, items, number))
    return events


def read_corpus(path: Path) -> dict[str, dict[str, Any]]:
    """The records of a JSONL corpus file by ``id`` (the raw file, not reader's loader)."""
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    records[record["id"]] = record
    return records


def load_gold(repo_root: Path | None = None, corpora_dir: Path | None = None) -> list[GoldEvent]:
    """The gold events, every item checked against the shared corpus
    (``corpora_dir``, default ``$READER_CORPORA`` or ``<repo_root>/../shared/corpora``).

    Raises :class:`GoldDataError` naming the gold line, event and item id when the corpus
    file is missing, an item is gone, its outlet differs or its text changed."""
    root = repo_root if repo_root is not None else REPO_ROOT
    path = root / GOLD
    events = read_gold(path)
    folder = corpora_dir if corpora_dir is not None else default_corpora_dir(root)
    corpus = folder / CORPUS
    if not corpus.is_file():
        raise GoldDataError(
            f"corpus file {corpus} not found (set ${CORPORA_ENV} to the folder holding {CORPUS})"
        )
    records = read_corpus(corpus)
    for event in events:
        where = f"{path}, line {event.line} (event {event.event})"
        for item in event.items:
            record = records.get(item.id)
            if record is None:
                raise GoldDataError(f"{where}: item {item.id} not found in {corpus}")
            if record.get("source") != item.source:
                raise GoldDataError(
                    f"{where}: item {item.id} is from {record.get('source')!r} in the corpus, "
                    f"not {item.source!r}"
                )
            digest = item_sha1(record)
            if digest != item.sha1:
                raise GoldDataError(
                    f"{where}: item {item.id} changed since it was annotated "
                    f"(sha1 {digest} != {item.sha1}); read it again"
                )
    return events


# --- scoring --------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


class _Membership:
    """Which timeline events hold each gold item."""

    def __init__(self, predicted: Sequence[Predicted], article_of: Mapping[str, str] | None):
        self.predicted = predicted
        self.article_of = article_of
        self.events_of: dict[str, set[int]] = defaultdict(set)
        for index, event in enumerate(predicted):
            for article in event.articles:
                self.events_of[article].add(index)

    def of(self, item: GoldItem) -> set[int]:
        article = item.id if self.article_of is None else self.article_of.get(item.id)
        return self.events_of.get(article, set()) if article is not None else set()

    def together(self, a: GoldItem, b: GoldItem) -> bool:
        return bool(self.of(a) & self.of(b))


def _event_row(event: GoldEvent, member: _Membership) -> dict[str, Any]:
    """Per gold event: its pairs of different outlets and how many the timeline joins, and
    the timeline event holding most of its items (ties: the smaller event, then its id)."""
    pairs = together = 0
    for a, b in itertools.combinations(event.items, 2):
        if a.source != b.source:
            pairs += 1
            together += member.together(a, b)
    held: Counter[int] = Counter()
    for item in event.items:
        held.update(member.of(item))
    row: dict[str, Any] = {
        "event": event.event, "story": event.story, "split": event.split,
        "label": event.label, "gold_size": len(event.items), "pairs": pairs,
        "together": together, "recall": _ratio(together, pairs),
        "best_id": None, "best_label": "", "best_size": 0, "in_best": 0, "ratio": 0.0,
    }  # fmt: skip
    if held:
        predicted = member.predicted
        best = min(held, key=lambda i: (-held[i], len(predicted[i].articles), predicted[i].id))
        size = len(predicted[best].articles)
        row.update(
            best_id=predicted[best].id,
            best_label=predicted[best].label,
            best_size=size,
            in_best=held[best],
            ratio=size / len(event.items),
        )
    return row


def _wrong_merges(events: Sequence[GoldEvent], member: _Membership) -> dict[str, list[int]]:
    """Per split: ``[pairs, together]`` over pairs of items of two different gold events of
    the same story."""
    counts = {name: [0, 0] for name in SPLITS}
    by_story: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in events:
        by_story[event.story].append(event)
    for group in by_story.values():
        for first, second in itertools.combinations(group, 2):
            c = counts[first.split]
            for a, b in itertools.product(first.items, second.items):
                c[0] += 1
                c[1] += member.together(a, b)
    return counts


def score(
    events: Sequence[GoldEvent],
    predicted: Sequence[Predicted],
    article_of: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Scores of the timeline events ``predicted`` on the gold ``events``.

    ``article_of`` maps a gold item id to the library's article id (default: the same id);
    an item it does not map is in no timeline event. The result maps ``"dev"``,
    ``"heldout"`` and ``"all"`` to: ``events``; ``same_pairs`` / ``same_together`` /
    ``same_recall`` (pairs of items of one gold event from different outlets, and the share
    that one timeline event holds); ``wrong_pairs`` / ``wrong_together`` / ``wrong_rate``
    (pairs of items of two different gold events of one story, and the share put together);
    ``ratio_median`` / ``ratio_max`` / ``giants`` (size of the timeline event holding most
    of a gold event's items over the gold event's size; events where it exceeds
    :data:`GIANT`). ``"events"`` holds one row per gold event (:func:`_event_row`).
    """
    member = _Membership(predicted, article_of)
    rows = [_event_row(e, member) for e in events]
    wrong = _wrong_merges(events, member)
    result: dict[str, Any] = {"events": rows}
    for name in (*SPLITS, "all"):
        splits = SPLITS if name == "all" else (name,)
        chosen = [r for r in rows if r["split"] in splits]
        same = sum(r["pairs"] for r in chosen)
        same_together = sum(r["together"] for r in chosen)
        wrong_pairs = sum(wrong[s][0] for s in splits)
        wrong_together = sum(wrong[s][1] for s in splits)
        ratios = [r["ratio"] for r in chosen]
        result[name] = {
            "events": len(chosen),
            "same_pairs": same, "same_together": same_together,
            "same_recall": _ratio(same_together, same),
            "wrong_pairs": wrong_pairs, "wrong_together": wrong_together,
            "wrong_rate": _ratio(wrong_together, wrong_pairs),
            "ratio_median": statistics.median(ratios) if ratios else 0.0,
            "ratio_max": max(ratios, default=0.0),
            "giants": sum(r > GIANT for r in ratios),
        }  # fmt: skip
    return result
