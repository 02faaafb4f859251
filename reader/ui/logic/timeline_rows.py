"""What the timeline pane and the related strip show, without Textual: date labels that never
claim more than is known, short source badges with one colour per source, the rows of the
timeline (month headings over events), and the *stops* of an event — its passages, one per
passage, sources interleaved — that the "other source" key steps through.

No Textual import here (the pane and the strip render these with Content).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.related import source_key
from reader.corpus.model import MONTHS_EN, is_unknown_source
from reader.corpus.visible import clip

if TYPE_CHECKING:
    from reader.analysis.timeline_model import Event
    from reader.corpus.model import When

IMPRECISE = "~"
"""Marks a date known only to the month or year."""
INFERRED = "*"
"""Marks a date that was inferred, not read ("?" is the badge of an article without a source)."""
DATE_WIDTH = 11
BADGE_WIDTH = 7
UNKNOWN_BADGE = "?"
UNKNOWN_STYLE = "#e0e0e0 on #5c6370"
_TLDS = (".de", ".net", ".com", ".org", ".at", ".ch", ".eu", ".info", ".uk", ".fr")
# Backgrounds that carry black text legibly on dark and light themes, distinct in hue.
PALETTE: tuple[str, ...] = (
    "#8ec07c",
    "#83a5e8",
    "#f0a860",
    "#d3869b",
    "#e8d060",
    "#56c2c2",
    "#c8a2f0",
    "#f28c8c",
    "#b8d040",
    "#a0c8f0",
    "#e0b090",
    "#70d0a0",
)


# --- dates ----------------------------------------------------------------------------------


def date_label(when: When) -> str:
    """A date column that never claims more precision than there is: ``2021-12-07``,
    ``~2021-12`` (month only), ``~2021`` (year only); ``?`` after an inferred date."""
    if when.precision in ("day", "minute"):
        text = f"{when.year:04d}-{when.month or 1:02d}-{when.day or 1:02d}"
    else:
        text = IMPRECISE + when.iso()
    return text + (INFERRED if when.inferred else "")


def date_words(when: When) -> str:
    """The date in words (:meth:`When.describe`), with the time when it is known and what
    is imprecise about it: ``a Thursday in December 2021``, ``2021-12-08 (inferred)``,
    ``2021-12 (month only)``, ``2021-12-30 21:30 MEZ``."""
    text = when.describe()
    if when.precision in ("month", "year") and when.weekday is None:
        only = f"({when.precision} only)"
        text = (
            text.replace(" (inferred)", "") + f" {only}" + (" (inferred)" if when.inferred else "")
        )
    return text


def heading_of(when: When) -> str:
    """The month heading an event sorts under (``December 2021``; ``2021`` for a year)."""
    if when.month is None:
        return f"{when.year:04d}"
    return f"{MONTHS_EN[when.month - 1]} {when.year:04d}"


# --- sources --------------------------------------------------------------------------------


is_unknown = is_unknown_source
"""Whether an article has no source (:func:`reader.corpus.model.is_unknown_source`)."""


def source_name(source: str) -> str:
    """The source as a reader names it: ``www.spiegel.de`` → ``spiegel``, ``Reuters`` as it is."""
    name = " ".join(source.split())
    lower = name.lower()
    if lower.startswith("www."):
        name, lower = name[4:], lower[4:]
    for tld in _TLDS:
        if lower.endswith(tld) and len(lower) > len(tld):
            return name[: -len(tld)]
    return name


def short_source(source: str) -> str:
    """A short name: ``spiegel.de`` → ``spiegel``, ``Reuters`` → ``Reuters``, ``Polizei
    Berlin`` → ``PB``, anything longer cut to :data:`BADGE_WIDTH`."""
    name = source_name(source)
    if len(name) <= BADGE_WIDTH:
        return name
    words = name.split()
    if len(words) > 1:
        return "".join(w[0] for w in words if w[0].isalnum()).upper()[:BADGE_WIDTH]
    return clip(name, BADGE_WIDTH)


class SourceBadges:
    """A badge (short name, unique among the corpus's sources) and a colour per source,
    the same everywhere in the app. Unknown sources get :data:`UNKNOWN_BADGE` in grey."""

    def __init__(self, sources: Iterable[str] = ()) -> None:
        known = sorted({" ".join(s.split()) for s in sources if not is_unknown(s)}, key=str.lower)
        self._badges: dict[str, str] = {}
        self._styles: dict[str, str] = {}
        taken: set[str] = set()
        for n, source in enumerate(known):
            badge = short_source(source)
            if badge in taken:  # two sources that shorten alike: the longer prefix
                stem = source[: BADGE_WIDTH - 2]
                badge = next(
                    (f"{stem}{i}" for i in range(2, 100) if f"{stem}{i}" not in taken),
                    source,
                )
            taken.add(badge)
            self._badges[source] = badge
            self._styles[source] = f"#101010 on {PALETTE[n % len(PALETTE)]}"

    def badge(self, source: str) -> str:
        if is_unknown(source):
            return UNKNOWN_BADGE
        name = " ".join(source.split())
        return self._badges.get(name) or short_source(name)

    def style(self, source: str) -> str:
        if is_unknown(source):
            return UNKNOWN_STYLE
        name = " ".join(source.split())
        found = self._styles.get(name)
        if found is None:  # a source the corpus list did not have: a stable colour
            found = f"#101010 on {PALETTE[zlib.crc32(name.encode()) % len(PALETTE)]}"
        return found


def badge_counts(event: Event) -> list[tuple[str, int]]:
    """The event's sources in order of first appearance, with how many articles each has
    there (unknown sources counted together under ``""``)."""
    counts: dict[str, set[str]] = {}
    for p in event.passages:
        key = "" if is_unknown(p.source) else " ".join(p.source.split())
        counts.setdefault(key, set()).add(p.article_id)
    return [(source, len(articles)) for source, articles in counts.items()]


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A month heading (``event is None``) or an event under it."""

    heading: str = ""
    event: Event | None = None

    @property
    def is_heading(self) -> bool:
        return self.event is None

    @property
    def key(self) -> str | None:
        return self.event.id if self.event is not None else None


def source_count(event: Event) -> int:
    """Sources reporting the event, each article of an unknown source counting as one."""
    return len({source_key(p.source, p.article_id) for p in event.passages})


def timeline_rows(events: Sequence[Event], min_sources: int = 1) -> list[TimelineRow]:
    """Events (already in date order) under month headings; only those reported by at
    least ``min_sources`` sources."""
    rows: list[TimelineRow] = []
    last = ""
    for event in events:
        if min_sources > 1 and source_count(event) < min_sources:
            continue
        heading = heading_of(event.date)
        if heading != last:
            rows.append(TimelineRow(heading))
            last = heading
        rows.append(TimelineRow(event=event))
    return rows


# --- stops: the passages of an event, sources interleaved -------------------------------------


@dataclass(frozen=True, slots=True)
class Stop:
    """One passage of an event: where it is, which date words it names (none for a
    passage linked to the event without naming its date), whether its date was inferred."""

    passage_id: str
    article_id: str
    passage: int
    source: str
    title: str
    date_texts: tuple[str, ...] = ()
    inferred: bool = False

    @property
    def source_key(self) -> str:
        return source_key(self.source, self.article_id)


def stops(event: Event) -> list[Stop]:
    """The event's passages, one stop per passage (its date words gathered), ordered so
    that sources take turns: the first passage of every source, then the second, …"""
    merged: dict[str, Stop] = {}
    for p in event.passages:
        old = merged.get(p.passage_id)
        texts = (p.text,) if p.text else ()
        if old is None:
            merged[p.passage_id] = Stop(
                p.passage_id, p.article_id, p.passage, p.source, p.title, texts, p.inferred
            )
        else:
            merged[p.passage_id] = Stop(
                old.passage_id,
                old.article_id,
                old.passage,
                old.source,
                old.title,
                old.date_texts + tuple(t for t in texts if t not in old.date_texts),
                old.inferred or p.inferred,
            )
    by_source: dict[str, list[Stop]] = {}
    for stop in merged.values():
        by_source.setdefault(stop.source_key, []).append(stop)
    ordered: list[Stop] = []
    queues = list(by_source.values())
    depth = max((len(q) for q in queues), default=0)
    for i in range(depth):
        ordered.extend(q[i] for q in queues if i < len(q))
    return ordered


def next_stop(
    event_stops: Sequence[Stop], here_pid: str | None, here_source: str | None
) -> int | None:
    """Index of the stop the "other source" key goes to from passage ``here_pid`` (of
    source key ``here_source``): the next stop, cycling, in another source; the next stop
    at all when every stop is in this source; the first stop in another source when
    ``here_pid`` is not in the event. ``None`` when there is nowhere else to go."""
    if not event_stops:
        return None
    n = len(event_stops)
    start = next((i for i, s in enumerate(event_stops) if s.passage_id == here_pid), None)
    order = [(start + k) % n for k in range(1, n)] if start is not None else list(range(n))
    for i in order:
        if event_stops[i].source_key != here_source:
            return i
    if start is None:
        return 0
    return order[0] if order else None


def event_at(
    by_passage: dict[str, list[Event]], pid: str | None, preferred: str | None
) -> Event | None:
    """The event a passage is in: ``preferred`` (an event id) when the passage is in it,
    else the passage's first event."""
    events = by_passage.get(pid or "", [])
    for event in events:
        if event.id == preferred:
            return event
    return events[0] if events else None


def event_to_follow(
    by_passage: dict[str, list[Event]],
    events: Iterable[Event],
    reading: tuple[str, int, int, When | None],
    preferred: str | None,
) -> Event | None:
    """Where the timeline's cursor goes for the passage being read, ``reading`` = (article
    id, passage, number of passages, article date): the passage's own event (``event_at``);
    else that of the nearest passage of the article that has one; else the first of
    ``events`` (in timeline order) on or after the article's day, so that the cursor is at
    least where the article is in time (a headline alone names no date)."""
    from reader.corpus.model import passage_id

    article_id, passage, count, date = reading
    own = event_at(by_passage, passage_id(article_id, passage), preferred)
    if own is not None:
        return own
    for distance in range(1, count):
        for other in (passage - distance, passage + distance):
            found = by_passage.get(passage_id(article_id, other)) if 0 <= other < count else None
            if found:
                return found[0]
    if date is None:
        return None
    day = date.sort_key()[:3]
    return next((e for e in events if e.date.sort_key()[:3] >= day), None)


_BADGES: list[tuple[int, int, SourceBadges]] = []


def badges_for(sources: Sequence[object]) -> SourceBadges:
    """The badges of a corpus from its article summaries (anything with ``.source``),
    computed once per list (the timeline pane and the related strip share them)."""
    key = (id(sources), len(sources))
    if _BADGES and _BADGES[0][:2] == key:
        return _BADGES[0][2]
    badges = SourceBadges(str(getattr(s, "source", "") or "") for s in sources)
    _BADGES[:] = [(*key, badges)]
    return badges


# --- the related trail: ] and [ ------------------------------------------------------------


def related_step(related_pids: Sequence[str], here_pid: str | None, direction: int) -> int | None:
    """Where ``]`` (``direction`` 1) or ``[`` (-1) goes from ``here_pid`` through the
    related passages of an anchor passage: an index into ``related_pids``, ``-1`` for the
    anchor itself (``[`` from the first related passage returns to it), ``None`` past the
    ends. From the anchor (or anywhere not in the list), ``]`` goes to the first."""
    position = next((i for i, p in enumerate(related_pids) if p == here_pid), -1)
    target = position + direction
    if target < -1 or target >= len(related_pids) or (position == -1 and direction < 0):
        return None
    return target
