"""Agency datelines: ``MOSKAU, 7. Dez. (Reuters) –`` gives place, day, month and source."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "januar": 1,
    "jänner": 1,
    "feb": 2,
    "februar": 2,
    "mär": 3,
    "märz": 3,
    "mrz": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
}

DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-ZÄÖÜ][A-ZÄÖÜß.\- /]{1,40}?)\s*          # MOSKAU / NEW YORK / FRANKFURT/MAIN
    (?:,\s*(?P<day>\d{1,2})\.\s*(?P<month>[A-Za-zäöüÄÖÜ]{3,9})\.?\s*)?   # , 7. Dez.
    \((?P<agency>[^()\n]{2,30})\)\s*                    # (Reuters)
    [–—-]\s*""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str
    day: int | None
    month: int | None
    end: int  # offset just after the dash and its spaces


def _place_name(raw: str) -> str:
    words = re.split(r"([ /\-])", raw.strip())
    return "".join(w.capitalize() if w.isalpha() else w for w in words)


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or ``None``."""
    match = DATELINE.match(text)
    if not match:
        return None
    place = match.group("place")
    if not any(c.isalpha() for c in place) or place != place.upper():
        return None
    day = month = None
    if match.group("day"):
        month = MONTHS.get(match.group("month").lower())
        if month is None:
            return None
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            return None
    return Dateline(_place_name(place), match.group("agency").strip(), day, month, match.end())
