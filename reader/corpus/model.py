"""The core data model: articles, their passages, and dates that know their precision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Precision = Literal["year", "month", "day", "minute"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day", "minute")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class When:
    """A point in time known only to some precision.

    ``year`` is always set; ``month``, ``day`` and ``hour``/``minute`` are filled in as far as
    they are known. ``weekday`` (0 = Monday) may be known when the day is not, as in
    "a Tuesday in April 2021". ``inferred`` marks values that were guessed rather than read.
    ``tz`` is a free-form zone label taken from the text ("MEZ", "Moskauer Zeit").
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None
    inferred: bool = False
    tz: str | None = None

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        if self.hour is None:
            return "day"
        return "minute"

    def as_date(self) -> dt.date:
        """The first day this value can mean (used for sorting and range queries)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def as_datetime(self) -> dt.datetime:
        return dt.datetime(
            self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0
        )

    def sort_key(self) -> tuple[int, int, int, int, int]:
        return (self.year, self.month or 0, self.day or 0, self.hour or 0, self.minute or 0)

    def iso(self) -> str:
        """ISO 8601 truncated to the precision: ``2021``, ``2021-04``, ``2021-12-07``,
        ``2021-12-30T21:30``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
                if self.hour is not None:
                    text += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return text

    def describe(self) -> str:
        """Human wording that never claims more precision than there is."""
        if self.precision == "month" and self.weekday is not None:
            month = MONTHS_EN[(self.month or 1) - 1]
            return f"a {WEEKDAYS_EN[self.weekday]} in {month} {self.year}"
        text = self.iso().replace("T", " ")  # a time after a space, as people write it
        if self.tz:
            text += f" {self.tz}"
        return text + (" (inferred)" if self.inferred else "")

    def truncated(self, precision: Precision) -> When:
        """This value cut down to ``precision`` (never made more precise)."""
        keep = PRECISIONS.index(precision)
        return replace(
            self,
            month=self.month if keep >= 1 else None,
            day=self.day if keep >= 2 else None,
            hour=self.hour if keep >= 3 else None,
            minute=self.minute if keep >= 3 else None,
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.iso(), "precision": self.precision}
        data["inferred"] = self.inferred
        if self.weekday is not None and self.day is None:
            data["weekday"] = self.weekday
        if self.tz:
            data["tz"] = self.tz
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> When:
        """The value :meth:`to_json` wrote."""
        return cls.from_parts(
            data["value"], bool(data.get("inferred")), data.get("weekday"), data.get("tz")
        )

    @classmethod
    def from_parts(
        cls, iso: str, inferred: bool = False, weekday: int | None = None, tz: str | None = None
    ) -> When:
        """The value of :meth:`to_json`'s fields (as a store reads them out of its JSON).
        The ISO text is sliced, not parsed: strptime was a tenth of the timeline's build
        time on 33k dates."""
        try:
            year = int(iso[:4])
            month = int(iso[5:7]) if len(iso) >= 7 else None
            day = int(iso[8:10]) if len(iso) >= 10 else None
            hour = int(iso[11:13]) if len(iso) >= 13 else None
            minute = int(iso[14:16]) if len(iso) >= 16 else (0 if hour is not None else None)
        except ValueError:
            when = cls.parse_iso(iso, inferred=inferred)
            year, month, day, hour, minute = when.year, when.month, when.day, when.hour, when.minute
        return cls(year, month, day, hour, minute, weekday, inferred, tz)

    @classmethod
    def parse_iso(cls, text: str, *, inferred: bool = False) -> When:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]``.

        Raises ``ValueError`` with a message naming the text when it is none of these.
        """
        raw = text.strip()
        try:
            if len(raw) == 4:
                return cls(int(raw), inferred=inferred)
            if len(raw) == 7:
                d = dt.datetime.strptime(raw, "%Y-%m")
                return cls(d.year, d.month, inferred=inferred)
            if len(raw) == 10:
                d = dt.datetime.strptime(raw, "%Y-%m-%d")
                return cls(d.year, d.month, d.day, inferred=inferred)
            d = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"not a date: {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
            ) from None
        return cls(d.year, d.month, d.day, d.hour, d.minute, inferred=inferred)

    @classmethod
    def from_date(cls, value: dt.date | dt.datetime) -> When:
        if isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day, value.hour, value.minute)
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True, slots=True)
class Passage:
    """A headline or paragraph of an article: ``text == article.text[start:end]``."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def is_headline(self) -> bool:
        return self.index == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


NO_SOURCE = "(no source)"
"""How the app and the CLI name the outlet of an article without a source."""


def is_unknown_source(source: str) -> bool:
    """No source known: empty or ``unknown`` (what the loader writes for none)."""
    s = source.strip().lower()
    return not s or s == "unknown"


def passage_id(article_id: str, index: int) -> str:
    """Stable passage ids: ``<article id>#p<index>``; ``#p0`` is the headline."""
    return f"{article_id}#p{index}"


def split_passage_id(pid: str) -> tuple[str, int]:
    """Inverse of :func:`passage_id`; raises ``ValueError`` on anything else."""
    article_id, sep, tail = pid.rpartition("#p")
    if not sep or not article_id or not tail.isdigit():
        raise ValueError(f"not a passage id: {pid!r} (expected ARTICLE_ID#pN)")
    return article_id, int(tail)


@dataclass(slots=True)
class Article:
    """One article. ``text`` starts with the headline; passages are offsets into it."""

    id: str
    title: str
    text: str
    source: str = ""
    date: When | None = None
    url: str = ""
    language: str = "de"
    path: str = ""
    place: str = ""
    passages: list[Passage] = field(default_factory=list)

    def passage(self, index: int) -> Passage:
        return self.passages[index]

    def to_json(self, *, with_passages: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date.to_json() if self.date else None,
            "url": self.url,
            "language": self.language,
            "path": self.path,
            "place": self.place,
        }
        if with_passages:
            data["passages"] = [p.to_json() for p in self.passages]
        return data
