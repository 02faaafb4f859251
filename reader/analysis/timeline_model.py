"""The timeline's model: events, their passages, inferred dates; and reading a stored one.

The built timeline (:mod:`reader.analysis.timeline`) is stored as the JSON of
:meth:`Timeline.to_json`. :func:`stored_timeline` reads it back straight into the model: one
``json.loads`` whose object hook builds each object as its dict is decoded, so the dicts of a
corpus's tens of thousands of passages never exist side by side; equal dates and the
article ids, sources and titles repeated in every passage are read once and shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.corpus.model import When


@dataclass(frozen=True, slots=True)
class EventPassage:
    """A passage in an event. ``start``/``end``/``text`` are the date expression (article
    offsets), ``None`` for a passage linked to the event without naming its date."""

    article_id: str
    passage_id: str
    passage: int
    source: str
    title: str
    value: When
    start: int | None = None
    end: int | None = None
    text: str | None = None
    inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "passage_id": self.passage_id,
            "passage": self.passage,
            "source": self.source,
            "title": self.title,
            "date_text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.to_json(),
            "inferred": self.inferred,
        }


@dataclass(slots=True)
class Event:
    """One happening on one date, with the passages that report it."""

    id: str
    date: When
    label: str
    passages: list[EventPassage] = field(default_factory=list)
    story: str = ""
    """The story the event belongs to (events that develop one happening over days): the
    id of its story, shared by its events; its own id when it stands alone."""

    @property
    def sources(self) -> list[str]:
        return sorted({p.source for p in self.passages})

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(p.article_id for p in self.passages))

    @property
    def inferred(self) -> bool:
        return self.date.inferred

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.to_json(),
            "description": self.date.describe(),
            "label": self.label,
            "sources": self.sources,
            "articles": len(self.articles),
            "passages": [p.to_json() for p in self.passages],
            "story": self.story or self.id,
        }


@dataclass(slots=True)
class InferredDate:
    """A date the timeline gave an undated article, and the passages that gave it."""

    article_id: str
    date: When
    evidence: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.to_json(), "evidence": self.evidence}


@dataclass(slots=True)
class Timeline:
    version: str
    events: list[Event]
    inferred_dates: dict[str, InferredDate] = field(default_factory=dict)
    seconds: float = 0.0

    def by_passage(self) -> dict[str, list[Event]]:
        """Events per passage id (for a reading pane's markers)."""
        index: dict[str, list[Event]] = {}
        for event in self.events:
            for p in event.passages:
                index.setdefault(p.passage_id, []).append(event)
        return index

    def filtered(self, min_sources: int = 1) -> list[Event]:
        return [e for e in self.events if len(e.sources) >= min_sources]

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def story(self, story_id: str) -> list[Event]:
        """The events of one story, in date order (the timeline's order)."""
        return [e for e in self.events if (e.story or e.id) == story_id]

    def to_json(self, min_sources: int = 1) -> dict[str, Any]:
        return {
            "version": self.version,
            "events": [e.to_json() for e in self.filtered(min_sources)],
            "inferred_dates": {k: v.to_json() for k, v in self.inferred_dates.items()},
        }


# --- reading a stored timeline ---------------------------------------------------------------


@dataclass(slots=True)
class _Dated:
    """An inferred date as decoded, before the mapping around it names its article."""

    date: When
    evidence: list[str]


class _Reader:
    """The object hook of :func:`stored_timeline`: builds the model bottom-up, sharing equal
    dates and repeated names."""

    def __init__(self) -> None:
        self.dates: dict[tuple[Any, ...], When] = {}
        self.names: dict[str, str] = {}

    def name(self, text: Any) -> str:
        if not isinstance(text, str):
            raise TypeError(f"expected a string, found {type(text).__name__}")
        return self.names.setdefault(text, text)

    def __call__(self, data: dict[str, Any]) -> Any:
        if "precision" in data and "value" in data:
            key = tuple(data.items())
            found = self.dates.get(key)
            if found is None:
                found = self.dates[key] = When.from_json(data)
            return found
        if "passage_id" in data:
            return self.passage(data)
        if "passages" in data and "label" in data:
            return Event(
                str(data["id"]),
                _when(data["date"]),
                str(data["label"]),
                _all(data["passages"], EventPassage),
                str(data.get("story") or data["id"]),
            )
        if data.keys() == {"date", "evidence"}:
            return _Dated(_when(data["date"]), [str(e) for e in data["evidence"]])
        if "events" in data and "version" in data:
            dates = data.get("inferred_dates") or {}
            return Timeline(
                str(data["version"]),
                _all(data["events"], Event),
                {k: InferredDate(k, _of(v, _Dated).date, v.evidence) for k, v in dates.items()},
            )
        return data

    def passage(self, data: dict[str, Any]) -> EventPassage:
        return EventPassage(
            self.name(data["article_id"]),
            self.name(data["passage_id"]),
            int(data["passage"]),
            self.name(data["source"]),
            self.name(data["title"]),
            _when(data["value"]),
            data["start"],
            data["end"],
            data["date_text"],
            bool(data["inferred"]),
        )


def _of(value: Any, kind: type[Any]) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, found {type(value).__name__}")
    return value


def _when(value: Any) -> When:
    return _of(value, When)


def _all(values: Any, kind: type[Any]) -> list[Any]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of {kind.__name__}")
    return [_of(v, kind) for v in values]


def stored_document(stamp: str, timeline: Timeline) -> str:
    """The text :func:`stored_timeline` reads: the stamp first, then the timeline."""
    return json.dumps({"stamp": stamp, "timeline": timeline.to_json()}, ensure_ascii=False)


def stored_timeline(raw: str, stamp: str) -> Timeline | None:
    """The timeline in ``raw`` (:func:`stored_document`) if it carries ``stamp``; ``None``
    when it is another build's (checked on the text's head, before anything is decoded)
    or damaged, so that the caller builds it again."""
    if not raw.startswith(json.dumps({"stamp": stamp}, ensure_ascii=False)[:-1] + ","):
        return None
    try:
        data = json.loads(raw, object_hook=_Reader())
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return None
    found = data.get("timeline")
    return found if isinstance(found, Timeline) else None
