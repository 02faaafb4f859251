"""Coverage over time: how many items each outlet ran per day (or per hour) — of one story or
of the whole corpus — so a reader sees who broke it, who followed and who never picked it up.

:func:`activity` counts dated items per outlet and time bucket; :func:`bars` draws one
outlet's counts as a row of block characters on a scale shared by the whole chart, and
:func:`chart_lines` the whole chart as text (the CLI prints it, the app shows it). Pure:
no Textual, nothing read from disk.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from reader.analysis.event_coverage import outlet_name
from reader.corpus.visible import clip

if TYPE_CHECKING:
    from reader.analysis.timeline_model import Event
    from reader.corpus.model import When
    from reader.search.store import ArticleSummary

By = Literal["day", "hour"]
BLOCKS = " ▁▂▃▄▅▆▇█"
NONE = "·"
"""Drawn for a bucket with no item: the outlet ran nothing then."""
HOURS_UP_TO = 2
"""A story whose items all fall within this many days is counted per hour (when timed)."""
MAX_BUCKETS = 96


@dataclass(frozen=True, slots=True)
class OutletActivity:
    source: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def first(self) -> int | None:
        """The first bucket with an item (``None``: the outlet never ran it)."""
        return next((i for i, c in enumerate(self.counts) if c), None)


@dataclass(frozen=True, slots=True)
class Activity:
    """Items per outlet per bucket; outlets in the order they first ran it (earliest
    first), those that never did last."""

    by: By
    buckets: tuple[str, ...]
    outlets: tuple[OutletActivity, ...]
    undated: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "buckets": list(self.buckets),
            "outlets": [
                {
                    "source": o.source,
                    "counts": list(o.counts),
                    "total": o.total,
                    "first": self.buckets[o.first] if o.first is not None else None,
                }
                for o in self.outlets
            ],
            "undated": self.undated,
        }


def _bucket(when: When, by: By) -> str | None:
    if when.precision not in ("day", "minute"):
        return None
    day = when.iso()[:10]
    if by == "day":
        return day
    return f"{day} {when.hour:02d}h" if when.hour is not None else None


def _range(first: str, last: str, by: By) -> list[str]:
    """Every bucket from ``first`` to ``last`` (the empty ones too)."""
    if by == "day":
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        return [(start + dt.timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]
    start_h = dt.datetime.fromisoformat(first[:10]) + dt.timedelta(hours=int(first[11:13]))
    end_h = dt.datetime.fromisoformat(last[:10]) + dt.timedelta(hours=int(last[11:13]))
    hours = int((end_h - start_h).total_seconds() // 3600) + 1
    return [
        (start_h + dt.timedelta(hours=n)).strftime("%Y-%m-%d %Hh")
        for n in range(min(hours, MAX_BUCKETS))
    ]


def choose_by(dates: Iterable[When | None]) -> By:
    """Per hour when every dated item has a time and all lie within :data:`HOURS_UP_TO`
    days; per day otherwise."""
    days: set[dt.date] = set()
    for when in dates:
        if when is None or when.precision not in ("day", "minute"):
            continue
        if when.precision != "minute":
            return "day"
        days.add(when.as_date())
    if not days or (max(days) - min(days)).days >= HOURS_UP_TO:
        return "day"
    return "hour"


def activity(
    items: Iterable[tuple[str, When | None]],
    outlets: Sequence[str] = (),
    by: By | None = None,
) -> Activity:
    """``(source, date)`` of items → their :class:`Activity`; ``outlets`` (the corpus's) are
    listed too when they ran none. Undated items (or, per hour, items without a time) are
    counted in ``undated``."""
    listed = [(outlet_name(source), when) for source, when in items]
    chosen: By = by or choose_by(w for _, w in listed)
    counts: dict[str, Counter[str]] = {}
    undated = 0
    for source, when in listed:
        bucket = _bucket(when, chosen) if when is not None else None
        if bucket is None:
            undated += 1
            continue
        counts.setdefault(source, Counter())[bucket] += 1
    seen = sorted({b for c in counts.values() for b in c})
    buckets = _range(seen[0], seen[-1], chosen) if seen else []
    if len(buckets) > MAX_BUCKETS:
        buckets = buckets[-MAX_BUCKETS:]
    rows = [OutletActivity(s, tuple(c.get(b, 0) for b in buckets)) for s, c in counts.items()]
    for source in outlets:
        name = outlet_name(source)
        if name not in counts:
            rows.append(OutletActivity(name, tuple(0 for _ in buckets)))
    rows.sort(key=lambda r: (r.first if r.first is not None else len(buckets), -r.total, r.source))
    return Activity(chosen, tuple(buckets), tuple(rows), undated)


def story_activity(
    events: Sequence[Event], summaries: Sequence[ArticleSummary], outlets: Sequence[str] = ()
) -> Activity:
    """The items of a story's events (each article once, at its own date: when the outlet
    ran it), per outlet and day or hour."""
    wanted = {aid for e in events for aid in e.articles}
    return activity(((s.source, s.date) for s in summaries if s.id in wanted), outlets)


def corpus_activity(summaries: Sequence[ArticleSummary]) -> Activity:
    """Every item of the corpus per outlet and day."""
    return activity(((s.source, s.date) for s in summaries), by="day")


def bars(counts: Sequence[int], top: int) -> str:
    """``counts`` as block characters scaled to ``top`` (the chart's largest count), a
    :data:`NONE` for nothing; never a bar for zero, always one for a single item."""
    out = []
    for c in counts:
        if not c:
            out.append(NONE)
        else:
            out.append(BLOCKS[max(1, round(c / max(1, top) * (len(BLOCKS) - 1)))])
    return "".join(out)


def chart_lines(found: Activity, width: int = 14) -> list[str]:
    """The chart as text: a line per outlet (name, bars, total, first bucket), under a line
    saying what one column is."""
    if not found.buckets:
        return ["no dated items"]
    top = max((max(o.counts) for o in found.outlets if o.counts), default=1)
    span = f"{found.buckets[0]} – {found.buckets[-1]}" if len(found.buckets) > 1 else ""
    head = f"items per {found.by} {span}".rstrip() + f" (█ = {top})"
    lines = [head]
    for o in found.outlets:
        name = clip(o.source, width)
        first = f"first {found.buckets[o.first]}" if o.first is not None else "never ran it"
        lines.append(f"{name.ljust(width)} {bars(o.counts, top)}  {o.total:>4}  {first}")
    if found.undated:
        lines.append(f"(and {found.undated} not dated to the day)")
    return lines
