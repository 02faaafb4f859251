"""One event's coverage at a glance, and the events of one story (issue 14).

:func:`event_coverage` gives a row per outlet that reports an event — its source, the
headlines of its articles in the event, when it first saw the event (the earliest date of
those articles, with the time where an article has one) and the passage that reports it
(the outlet's first passage in the event) — in the order the outlets saw it, plus the
outlets of the corpus that do not report it. An article without a source is an outlet of
its own (as the timeline counts sources), named :data:`NO_SOURCE`; the corpus's outlets
name all of them once, as the library does.

:func:`story_events` gives the events of one story in date order with how many sources
report each.

Pure: no Textual; the library is only read (:func:`coverage_in`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.analysis.related import source_key
from reader.corpus.model import NO_SOURCE, is_unknown_source

if TYPE_CHECKING:
    from reader.analysis.timeline_model import Event, EventPassage, InferredDate, Timeline
    from reader.corpus.model import When
    from reader.library import Library
    from reader.search.store import ArticleSummary

UNDATED = (9999, 99, 99, 99, 99)


def outlet_name(source: str) -> str:
    """The source as the app names it: spaces tidied, :data:`NO_SOURCE` when unknown."""
    return NO_SOURCE if is_unknown_source(source) else " ".join(source.split())


def seen_key(when: When | None) -> tuple[int, int, int, int, int]:
    """Order of "first seen": by date, a date known more precisely before a vaguer one it
    falls in (an article of "December 2021" is not known to be earlier than one of 7 December,
    a day without a time not earlier than a time on it); undated last."""
    if when is None:
        return UNDATED
    return (
        when.year,
        when.month if when.month is not None else 99,
        when.day if when.day is not None else 99,
        when.hour if when.hour is not None else 99,
        when.minute if when.minute is not None else 99,
    )


# --- coverage of one event -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletArticle:
    """An article of an outlet in the event: its id, headline and date (``None``: undated)."""

    id: str
    title: str
    date: When | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.to_json() if self.date else None,
        }


@dataclass(frozen=True, slots=True)
class OutletRow:
    """One outlet that reports the event."""

    key: str
    """The outlet's identity (:func:`reader.analysis.related.source_key`): the source in
    lower case, or ``article:ID`` for an article without a source."""
    source: str
    """As the app names it: ``RT DE``, or :data:`NO_SOURCE`."""
    articles: tuple[OutletArticle, ...]
    """Its articles in the event, earliest first."""
    first_seen: When | None
    passage: EventPassage
    """The passage that reports the event: the outlet's first passage in it."""
    text: str = ""
    """That passage's text (empty when it could not be read)."""

    @property
    def known(self) -> bool:
        return not is_unknown_source(self.passage.source)

    def to_json(self) -> dict[str, Any]:
        p = self.passage
        return {
            "source": self.source,
            "no_source": not self.known,
            "first_seen": self.first_seen.to_json() if self.first_seen else None,
            "first_seen_text": self.first_seen.describe() if self.first_seen else "undated",
            "articles": [a.to_json() for a in self.articles],
            "passage_id": p.passage_id,
            "article_id": p.article_id,
            "passage": p.passage,
            "date_text": p.text,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class EventCoverage:
    """Which outlets report an event (a row each, first seen first) and which do not."""

    event: Event
    rows: tuple[OutletRow, ...]
    not_reporting: tuple[str, ...]
    """The corpus's outlets that do not report it, as named (:func:`outlet_name`)."""
    outlets: tuple[str, ...]
    """Every outlet of the corpus, as named, in alphabetical order."""

    def to_json(self) -> dict[str, Any]:
        e = self.event
        return {
            "event": {
                "id": e.id,
                "date": e.date.to_json(),
                "description": e.date.describe(),
                "label": e.label,
                "story": e.story or e.id,
                "articles": len(e.articles),
            },
            "outlets": [r.to_json() for r in self.rows],
            "not_reported_by": list(self.not_reporting),
            "corpus_outlets": list(self.outlets),
        }


def corpus_outlets(summaries: Sequence[ArticleSummary]) -> list[str]:
    """The distinct outlets of the library's articles, as named (the articles without a
    source once, as :data:`NO_SOURCE`), in alphabetical order."""
    named: dict[str, str] = {}
    for s in summaries:
        name = outlet_name(s.source)
        named.setdefault(name.lower(), name)
    return sorted(named.values(), key=str.lower)


def event_coverage(
    event: Event,
    summaries: Sequence[ArticleSummary],
    *,
    inferred: Mapping[str, InferredDate] | None = None,
    text_of: Callable[[str], str | None] | None = None,
) -> EventCoverage:
    """The coverage of ``event`` among the articles ``summaries`` (the library's). An
    article's date is its summary's (which carries the dates the timeline inferred), else
    the one in ``inferred`` (:attr:`Timeline.inferred_dates`); ``text_of(passage_id)``
    gives a passage's text (none: the rows carry no text)."""
    by_id = {s.id: s for s in summaries}
    inferred = inferred or {}

    def date_of(article_id: str) -> When | None:
        summary = by_id.get(article_id)
        if summary is not None and summary.date is not None:
            return summary.date
        found = inferred.get(article_id)
        return found.date if found is not None else None

    groups: dict[str, list[EventPassage]] = {}
    for p in event.passages:
        groups.setdefault(source_key(p.source, p.article_id), []).append(p)
    rows: list[OutletRow] = []
    for key, passages in groups.items():
        articles: dict[str, OutletArticle] = {}
        for p in passages:
            if p.article_id not in articles:
                summary = by_id.get(p.article_id)
                title = summary.title if summary is not None else p.title
                articles[p.article_id] = OutletArticle(p.article_id, title, date_of(p.article_id))
        ordered = sorted(articles.values(), key=lambda a: seen_key(a.date))
        first = passages[0]
        text = (text_of(first.passage_id) or "") if text_of is not None else ""
        rows.append(
            OutletRow(key, outlet_name(first.source), tuple(ordered), ordered[0].date, first, text)
        )
    # on the same date: a date read before an inferred one, an outlet before no source
    rows.sort(
        key=lambda r: (
            seen_key(r.first_seen),
            bool(r.first_seen and r.first_seen.inferred),
            not r.known,
            r.source.lower(),
            r.key,
        )
    )
    outlets = corpus_outlets(summaries)
    reporting = {r.source.lower() for r in rows}
    missing = tuple(o for o in outlets if o.lower() not in reporting)
    return EventCoverage(event, tuple(rows), missing, tuple(outlets))


def coverage_in(library: Library, event: Event, timeline: Timeline | None = None) -> EventCoverage:
    """:func:`event_coverage` of ``event`` in ``library``, with its passages' texts."""

    def text_of(pid: str) -> str | None:
        with library.lock:
            found = library.passage(pid)
        return found.text if found is not None else None

    with library.lock:
        summaries = library.summaries()
    return event_coverage(
        event,
        summaries,
        inferred=timeline.inferred_dates if timeline is not None else None,
        text_of=text_of,
    )


# --- the events of one story -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """An event of a story and how many sources report it (each article without a source
    counting as one, as in the timeline)."""

    event: Event
    sources: int

    def to_json(self) -> dict[str, Any]:
        e = self.event
        return {
            "id": e.id,
            "date": e.date.to_json(),
            "description": e.date.describe(),
            "label": e.label,
            "sources": self.sources,
            "articles": len(e.articles),
        }


def source_count(event: Event) -> int:
    """Sources reporting ``event``, each article without a source counting as one."""
    return len({source_key(p.source, p.article_id) for p in event.passages})


def story_events(timeline: Timeline, story_id: str) -> list[StoryEvent]:
    """The events of story ``story_id`` in date order (the timeline's), with their
    sources count; empty for an unknown story."""
    return [StoryEvent(e, source_count(e)) for e in timeline.story(story_id)]


def story_ids(timeline: Timeline) -> list[str]:
    """Every story of the timeline, in the order of its first event."""
    return list(dict.fromkeys(e.story or e.id for e in timeline.events))
