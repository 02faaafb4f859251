"""German date and time expressions: found in one regex pass, resolved against a reference.

:func:`find_dates` returns ``DATE`` spans whose ``value`` is a :class:`When` that carries only
the precision the text and the reference allow. :func:`infer_article_date` dates an undated
article from its dateline ("MOSKAU, 7. Dez. (Reuters) –") and a weekday in its text.

What a span covers: the words that carry the time, without a leading preposition or article
("am 10. Januar" → "10. Januar", "im Jahr 2022" → "2022", "um 12 Uhr" → "12 Uhr"), but with
modifiers that belong to it ("Mitte Juni 2021", "vergangenen Dienstag", "letzte Woche",
"in der Nacht zu Sonntag"). A date followed in the same phrase by a weekday, a part of the day
or a clock time is one span ("Dienstag, 7. Dezember", "30. Dezember spätabends, um 21:30 Uhr
MEZ"); a list or range of days gives one span per day ("22." and "23. April").

Resolution rules (``reference`` is the article's date, at any precision):

* Day and month without a year take the year that puts them nearest to the reference
  ("10. Januar" in December 2021 → 2022-01-10; "7. Dezember" on 2021-12-30 → 2021-12-07);
  months alone likewise ("im Oktober"). A year-only reference lends its year.
* A weekday is the reference day itself when it names the same weekday; otherwise the most
  recent such day before it (news reports the recent past), unless a qualifier says which
  ("vergangenen", "kommenden") or its sentence speaks of the future: a future cue ("soll",
  "wird", "will", "geplant", ...) and no past auxiliary ("haben", "wurde", ...).
  Then it is the next such day after the reference.
* "heute", "gestern", "morgen", ... count days from the reference day; "vergangene Nacht" is
  the night leading into the reference day and gets its date.
* "letzte Woche" has no week precision to carry: it gets the month of that week's Thursday.
* A part of the day ("am Nachmittag") or a clock time on its own belongs to the last day named
  earlier in the same paragraph; else, if the text so far has named exactly one day, to that
  day; else to the reference day. A clock time gives minute precision (and its zone) only when
  its day is known. After a night ("in der Nacht zu Sonntag", "vergangene Nacht"), times from
  noon on belong to the evening before: "gegen 23 Uhr" is Saturday, "gegen 2 Uhr" Sunday.
* When the reference is coarser than a day, values are cut to the reference's precision rather
  than invented: "am Dienstag" in an April-2021 article is ``When(2021, 4, weekday=1)``,
  "a Tuesday in April 2021"; "heute" is ``When(2021, 4)``.
* Without a reference, only what the text says is kept: "10. Januar", "am Dienstag" or "heute"
  still give a span, with ``value=None``; "7. Dezember 2021" and "im Jahr 2022" keep their value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis import date_words as W
from reader.analysis.spans import Span
from reader.corpus.model import When

__all__ = ["find_dates", "infer_article_date"]

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_HOUR = r"(?:2[0-3]|[01]?\d)"
_SP = r"[^\S\n]"  # whitespace that stays on the line
_ZONE = rf"(?:\((?P<{{p}}1>{W.ZONE_RE})\)|(?P<{{p}}2>{W.ZONE_RE}))(?!\w)"

# One alternative per kind of expression; each is wrapped in a group named ``k_<kind>`` so
# ``match.lastgroup`` says which one matched. Order matters where two start at the same place.
# Each opens with a lookahead on the characters it can start with: without it every word
# start would try every alternative in full, which made the scan three times slower.
_ALTERNATIVES = [
    # 2021-12-07, 2021-12-07T21:30
    rf"(?P<k_iso>(?=[12])(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-"
    rf"(?P<iso_d>0[1-9]|[12]\d|3[01])"
    rf"(?:T(?P<iso_h>[01]\d|2[0-3]):(?P<iso_min>[0-5]\d))?(?![\d-]))",
    # 07.12.2021, 7. 12. 2021, 07.12.21
    rf"(?P<k_num>(?=\d)(?<![\d.,])(?P<num_d>{_DAY})\.{_SP}?(?P<num_m>1[0-2]|0?[1-9])\."
    rf"(?:{_SP}?(?P<num_y>{_YEAR})|(?P<num_yy>\d\d))(?!\d))",
    # am 7.12. (a year-less numeric date needs a preposition before it)
    rf"(?P<k_numc>(?=[AaVvBbZzSsDd])(?:[Aa]m|[Vv]om|[Bb]is(?:{_SP}zum)?|[Zz]um|"
    rf"[Ss]eit(?:{_SP}dem)?|[Aa]b(?:{_SP}dem)?|[Dd]en|[Dd]em){_SP}+"
    rf"(?P<numc_d>{_DAY})\.(?P<numc_m>1[0-2]|0?[1-9])\.(?!\d))",
    # in der Nacht zu Sonntag / zum 14. Oktober / vom vergangenen Samstag auf Sonntag (a prefix)
    rf"(?P<k_night>(?=[Ii]n )[Ii]n{_SP}der{_SP}Nacht{_SP}(?:vo[nm]{_SP}"
    rf"(?:(?:{W.WEEKDAY_QUALIFIER_RE}){_SP})?(?:{W.WEEKDAY_RE}){_SP})?(?:zu[mr]?|auf)(?={_SP}))",
    # 7. Dezember 2021, 7. Dez., 22. und 23. April, 3. bis 5. Mai
    rf"(?P<k_dm>(?=\d)(?<![\d.,])(?P<dm_list>(?:{_DAY}\.{_SP}*(?:,|und|oder|sowie|"
    rf"bis(?:{_SP}zum|{_SP}einschließlich)?|-|–|/){_SP}*)*)(?P<dm_d>{_DAY})\.{_SP}*"
    rf"(?P<dm_m>{W.MONTH_AFTER_DAY_RE})(?:{_SP}+(?P<dm_y>{_YEAR})(?![\d.,]?\d))?)",
    # Silvester, Neujahr 2022
    rf"(?P<k_hol>(?=[SNH])(?P<hol>{W.HOLIDAY_RE})(?!\w)(?:{_SP}+(?P<hol_y>{_YEAR})(?!\d))?)",
    # im Oktober, Mitte Juni 2021, im vergangenen Mai, Juli und August 2020, Januar dieses Jahres
    rf"(?P<k_my>(?=[IiSsBbAaVvZzlknMmEeJFOND])"
    rf"(?P<my_pre>(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|[Vv]o[mn]|[Zz]um|[Zz]wischen){_SP}+)?"
    rf"(?:(?P<my_q>{W.MONTH_QUALIFIER_RE}){_SP}+)?"
    rf"(?P<my_mod>(?:[Aa]nfang|[Mm]itte|[Ee]nde){_SP}+)?"
    rf"(?P<my_list>(?:{W.MONTH_ALONE_RE}{_SP}*(?:und|bis|oder|sowie|/|-|–){_SP}*)*)"
    rf"(?P<my_m>{W.MONTH_ALONE_RE})(?:{_SP}+(?:(?P<my_y>{_YEAR})(?![\d.,]?\d)|"
    rf"(?P<my_rel>{W.PERIOD_QUALIFIER_RE})(?:e|en|er|es|em){_SP}+Jahres(?!\w)))?)",
    # vor zwei Wochen, vor einem Jahr
    rf"(?P<k_ago>(?=[Vv]or)[Vv]or{_SP}+(?P<ago_n>{W.COUNT_RE}){_SP}+"
    rf"(?P<ago_u>{W.AGO_UNIT_RE})(?!\w))",
    # im Jahr 2022, seit 2018, Ende 2021, Sommer 2021
    rf"(?P<k_year>(?=[JSsBbAaVvNnUuMmEeFfHhWw])(?:(?P<y_jahr>Jahr(?:e|es)?{_SP}+)|"
    rf"(?P<y_prep>(?:[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Vv]or|[Nn]ach|[Uu]m){_SP}+)|"
    rf"(?P<y_mod>(?:[Aa]nfang|[Mm]itte|[Ee]nde|[Ff]rühjahr|[Ff]rühling|[Ss]ommer|[Hh]erbst|"
    rf"[Ww]inter|Jahres(?:beginn|anfang|mitte|ende|wechsel)){_SP}+))"
    rf"(?P<y_y>{_YEAR})(?![\d.,:]?\d))",
    # letzte Woche, vergangenes Jahr, diesen Monat, vergangene Nacht
    rf"(?P<k_per>(?=[LlVvNnKkDd])(?P<per_q>{W.PERIOD_QUALIFIER_RE})(?:e|en|er|es|em){_SP}+"
    rf"(?P<per_u>{W.PERIOD_UNIT_RE})(?!\w))",
    # am Dienstag, vergangenen Freitag, Donnerstagmorgen, Montag früh
    rf"(?P<k_wd>(?=[VvLlKkNnDdJjMFS])(?:(?P<wd_q>{W.WEEKDAY_QUALIFIER_RE}){_SP}+)?"
    rf"(?P<wd>{W.WEEKDAY_RE})"
    rf"(?:{W.DAYPART_SUFFIX_RE})?(?!\w)(?:{_SP}+(?:früh|{W.DAYPART_RE})(?!\w))?)",
    # am gestrigen Abend, am heutigen Montag
    rf"(?P<k_dadj>(?=[GgHhMmVv])(?P<dadj>{W.DEICTIC_ADJECTIVE_RE}){_SP}+"
    rf"(?:Tag(?:es)?|{W.DAYPART_RE}|{W.WEEKDAY_RE})(?!\w))",
    # heute, gestern Abend, heute am späten Abend, morgen früh
    rf"(?P<k_deic>(?=[HhGgVvÜüMm])(?P<deic>{W.DEICTIC_RE})(?![\w-])"
    rf"(?:{_SP}+(?:am{_SP}+|in{_SP}der{_SP}+)?"
    rf"(?:(?:frühen|späten){_SP}+)?(?:früh|{W.DAYPART_RE})(?!\w))?)",
    # am Nachmittag, in der Nacht, am späten Abend, spätabends
    rf"(?P<k_dp>(?=[AaIiGgSsFf])(?:(?:[Aa]m|[Ii]n{_SP}der|[Gg]egen){_SP}+"
    rf"(?P<dp>(?:(?:frühen|späten){_SP}+)?"
    rf"(?:{W.DAYPART_RE}))(?!\w))|(?P<dp_adv>{W.DAYPART_ADVERB_RE})(?!\w))",
    # 21:30 Uhr MEZ, um 12 Uhr, gegen 6.50 Uhr, 9 Uhr abends, um 21:30
    rf"(?P<k_time>(?=[UuGgAa\d])(?:(?P<t_pre>[Uu]m|[Gg]egen|[Aa]b){_SP}+)?"
    rf"(?<![\d.,:])(?P<t_h>{_HOUR})"
    rf"(?:(?P<t_sep>[:.])(?P<t_m>[0-5]\d))?(?!\d)(?:(?P<t_uhr>{_SP}*Uhr(?!\w))|(?<=:\d\d))"
    rf"(?:{_SP}+(?P<t_part>{W.CLOCK_PART_RE})(?!\w))?(?:{_SP}*{_ZONE.format(p='t_tz')})?)",
]
_MASTER = re.compile(r"\b(?:" + "|".join(_ALTERNATIVES) + ")")

_NAME_BEFORE_DATE = re.compile(rf"(?:{W.NAMES_BEFORE_DATE_RE}){_SP}+des{_SP}+$")
_WORD_BEFORE = re.compile(r"\b([A-ZÄÖÜ][\w-]*) $")
_MONTH_IN_LIST = re.compile(W.MONTH_ALONE_RE)
_DAY_IN_LIST = re.compile(r"\d{1,2}(?=\.)")
_NOUN_AFTER_YEAR = re.compile(rf"{_SP}*(?:[A-ZÄÖÜ€%]|\d)")
_GLUE = re.compile(
    rf"(?:,|{_SP}|(?:den|dem|des|am|um|gegen|ab|etwa|circa|kurz{_SP}(?:vor|nach)|"
    r"bereits|noch|erst|schon|in der)\b|ca\.)*"
)
_MAX_GLUE = 30
_SENTENCE_BOUNDARY = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s)|\n")
_FUTURE_CUE = re.compile(W.FUTURE_CUE_RE)
_PAST_CUE = re.compile(W.PAST_CUE_RE)
_SENTENCE_START_CHARS = frozenset('.!?:"„“»«\n')

# Roles that can join into one span ("Am Dienstag, 7. Dezember, um 12 Uhr MEZ").
_JOINING = frozenset({"night", "weekday", "date", "daypart", "time"})


@dataclass(slots=True)
class _Atom:
    """One recognised piece before joining and resolution."""

    role: str  # night, weekday, date, daypart, time | month, year, period, ago
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int | None = None  # days from the reference day; for a month, years
    weekday: int | None = None
    direction: int | None = None  # -1 before, +1 after, 0 this one
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None
    unit: str | None = None  # period / ago unit: day, week, month, year, night
    list_end: int | None = None  # the last month of a list a month stands in ("Juli und August")
    count: int = 0


# --- recognition ------------------------------------------------------------------------


def _month_number(word: str) -> int:
    return W.MONTHS[word.rstrip(".").lower()]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_START_CHARS


def _after_name(text: str, pos: int) -> bool:
    """Whether ``pos`` follows a capitalised word that is neither a preposition nor the
    first word of a sentence."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1) in W.CAPITALISED_BEFORE_WEEKDAY:
        return False
    return not _at_sentence_start(text, m.start(1))


def _read_iso(m: re.Match[str], text: str) -> list[_Atom]:
    y, mo, d = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    if not _valid(y, mo, d):
        return []
    hour = int(m["iso_h"]) if m["iso_h"] else None
    minute = int(m["iso_min"]) if m["iso_min"] else None
    return [_Atom("date", m.start(), m.end(), y, mo, d, hour=hour, minute=minute)]


def _read_numeric(m: re.Match[str], text: str) -> list[_Atom]:
    d, mo = int(m["num_d"]), int(m["num_m"])
    y = int(m["num_y"]) if m["num_y"] else 2000 + int(m["num_yy"])
    if m["num_yy"] and y > dt.date.today().year + 10:
        y -= 100  # 07.12.95 is 1995
    return [_Atom("date", m.start(), m.end(), y, mo, d)] if _valid(y, mo, d) else []


def _read_numeric_no_year(m: re.Match[str], text: str) -> list[_Atom]:
    d, mo = int(m["numc_d"]), int(m["numc_m"])
    return [_Atom("date", m.start("numc_d"), m.end(), None, mo, d)] if _valid(2000, mo, d) else []


def _read_night(m: re.Match[str], text: str) -> list[_Atom]:
    return [_Atom("night", m.start(), m.end())]


def _read_day_month(m: re.Match[str], text: str) -> list[_Atom]:
    """One atom per day: "22. und 23. April" gives "22." and "23. April"."""
    mo = _month_number(m["dm_m"])
    y = int(m["dm_y"]) if m["dm_y"] else None
    list_start = m.start("dm_list")
    days = [
        (list_start + dm.start(), list_start + dm.end() + 1, int(dm.group()))
        for dm in _DAY_IN_LIST.finditer(m["dm_list"])
    ]
    days.append((m.start("dm_d"), m.end(), int(m["dm_d"])))
    if y is None and _NAME_BEFORE_DATE.search(text, max(0, m.start() - 30), m.start()):
        return []  # "Straße des 17. Juni" is a street
    return [_Atom("date", s, e, y, mo, d) for s, e, d in days if _valid(y or 2000, mo, d)]


def _read_holiday(m: re.Match[str], text: str) -> list[_Atom]:
    mo, d = W.HOLIDAYS[m["hol"].lower()]
    return [_Atom("date", m.start(), m.end(), int(m["hol_y"]) if m["hol_y"] else None, mo, d)]


def _read_month(m: re.Match[str], text: str) -> list[_Atom]:
    """One atom per month: "Juli und August 2020" gives "Juli" and "August 2020"."""
    if not (m["my_pre"] or m["my_q"] or m["my_mod"] or m["my_y"] or m["my_rel"] or m["my_list"]):
        return []  # a bare month name: "Mai" may be a name, "August" a first name
    year = int(m["my_y"]) if m["my_y"] else None
    direction = W.QUALIFIERS[m["my_q"]] if m["my_q"] else None
    years_on = W.PERIOD_QUALIFIERS[m["my_rel"].lower()] if m["my_rel"] else None
    first = m.start("my_q") if m["my_q"] else m.start("my_mod") if m["my_mod"] else None
    months = [
        (m.start("my_list") + x.start(), m.start("my_list") + x.end(), x.group())
        for x in _MONTH_IN_LIST.finditer(m["my_list"])
    ]
    months.append((m.start("my_m"), m.end(), m["my_m"]))
    if first is not None:
        months[0] = (first, *months[0][1:])
    last = _month_number(m["my_m"])
    return [
        _Atom(
            "month",
            start,
            end,
            year,
            _month_number(word),
            offset=years_on,
            direction=direction,
            list_end=None if i == len(months) - 1 else last,
        )
        for i, (start, end, word) in enumerate(months)
    ]


def _read_ago(m: re.Match[str], text: str) -> list[_Atom]:
    n = m["ago_n"]
    count = int(n) if n.isdigit() else W.COUNTS[n]
    return [_Atom("ago", m.start(), m.end(), unit=W.AGO_UNITS[m["ago_u"].lower()], count=count)]


def _read_year(m: re.Match[str], text: str) -> list[_Atom]:
    if m["y_prep"] and _NOUN_AFTER_YEAR.match(text, m.end()):
        return []  # "seit 2000 Jahren", "bis 2000 Euro"
    start = m.start("y_mod") if m["y_mod"] else m.start("y_y")
    return [_Atom("year", start, m.end(), int(m["y_y"]))]


def _read_period(m: re.Match[str], text: str) -> list[_Atom]:
    direction = W.PERIOD_QUALIFIERS[m["per_q"].lower()]
    unit = W.PERIOD_UNITS[m["per_u"].lower()]
    if unit == "night":  # the night leading into the reference day (or the next one)
        return [_Atom("date", m.start(), m.end(), offset=max(direction, 0), unit="night")]
    return [_Atom("period", m.start(), m.end(), unit=unit, direction=direction)]


def _read_weekday(m: re.Match[str], text: str) -> list[_Atom]:
    if any(text.endswith(t, 0, m.start()) for t in W.TITLES_WITH_WEEKDAY):
        return []  # "Welt am Sonntag" is a newspaper
    q = m["wd_q"]
    if q and W.QUALIFIERS[q.lower()] is None:
        return []  # "jeden Dienstag" is habitual
    if not q and m.end("wd") == m.end() and _after_name(text, m.start()):
        return []  # "Agnes Sonntag" is a person
    direction = W.QUALIFIERS[q.lower()] if q else None
    weekday = W.WEEKDAYS[m["wd"].lower()]
    return [_Atom("weekday", m.start(), m.end(), weekday=weekday, direction=direction)]


def _read_deictic(m: re.Match[str], text: str) -> list[_Atom]:
    word = m["deic"]
    if word == "Morgen" and not _at_sentence_start(text, m.start()):
        return []  # the noun "Morgen" (morning), not "morgen" (tomorrow)
    return [_Atom("date", m.start(), m.end(), offset=W.DEICTIC[word.lower()])]


def _read_deictic_adjective(m: re.Match[str], text: str) -> list[_Atom]:
    return [_Atom("date", m.start(), m.end(), offset=W.DEICTIC_ADJECTIVES[m["dadj"].lower()])]


def _read_daypart(m: re.Match[str], text: str) -> list[_Atom]:
    return [_Atom("daypart", m.start("dp") if m["dp"] else m.start(), m.end())]


def _read_time(m: re.Match[str], text: str) -> list[_Atom]:
    tz = m["t_tz1"] or m["t_tz2"]
    if not m["t_uhr"] and not (m["t_pre"] or tz):
        return []  # a bare "21:30" may be a score
    hour = int(m["t_h"])
    if m["t_part"] in W.AFTERNOON_PARTS and hour < 12:
        hour += 12  # "9 Uhr abends"
    minute = int(m["t_m"]) if m["t_m"] else 0
    return [_Atom("time", m.start("t_h"), m.end(), hour=hour, minute=minute, tz=tz)]


_READERS: dict[str, Callable[[re.Match[str], str], list[_Atom]]] = {
    "k_iso": _read_iso,
    "k_num": _read_numeric,
    "k_numc": _read_numeric_no_year,
    "k_night": _read_night,
    "k_dm": _read_day_month,
    "k_hol": _read_holiday,
    "k_my": _read_month,
    "k_ago": _read_ago,
    "k_year": _read_year,
    "k_per": _read_period,
    "k_wd": _read_weekday,
    "k_deic": _read_deictic,
    "k_dadj": _read_deictic_adjective,
    "k_dp": _read_daypart,
    "k_time": _read_time,
}


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _MASTER.finditer(text):
        atoms.extend(_READERS[m.lastgroup or ""](m, text))
    return atoms


def _groups(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Join neighbouring atoms of one phrase: night prefix, weekday, date, daypart, time."""
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and atom.role in _JOINING and atom.role != "night":
            group = groups[-1]
            roles = {a.role for a in group}
            gap = text[group[-1].end : atom.start]
            if (
                roles <= _JOINING
                and atom.role not in roles
                and len(gap) <= _MAX_GLUE
                and _GLUE.fullmatch(gap)
                and (roles != {"night"} or atom.role in ("weekday", "date"))
            ):
                group.append(atom)
                continue
        groups.append([atom])
    return [g for g in groups if [a.role for a in g] != ["night"]]


# --- resolution -------------------------------------------------------------------------


def _ref_day(ref: When | None) -> dt.date | None:
    if ref is None or ref.day is None or ref.month is None:
        return None
    return dt.date(ref.year, ref.month, ref.day)


def _coarse(ref: When) -> When:
    """The reference cut to month (or year) precision, for values it cannot pin to a day."""
    return When(ref.year) if ref.month is None else When(ref.year, ref.month)


def _nearest_year(month: int, day: int | None, ref: When) -> int | None:
    """The year that puts ``day``/``month`` nearest to the reference (roll-over)."""
    if ref.month is None:
        return ref.year
    if day is None:
        here = ref.year * 12 + ref.month
        return min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs(y * 12 + month - here))
    anchor = dt.date(ref.year, ref.month, ref.day or 15)
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _valid(y, month, day)]
    if not years:
        return None
    return min(years, key=lambda y: abs((dt.date(y, month, day) - anchor).days))


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _sentence_is_future(text: str, start: int, end: int) -> bool:
    """The sentence around ``start``–``end`` speaks of what is to come: a future cue
    ("soll", "wird", "geplant") or a verb in the present tense ("reist am Freitag",
    "trifft sich am Montag"), and nothing in the past ("hat", "wurde", "reiste", "traf")."""
    left = max(0, start - 300)
    for boundary in _SENTENCE_BOUNDARY.finditer(text, left, start):
        left = boundary.end()
    b = _SENTENCE_BOUNDARY.search(text, end, end + 300)
    sentence = text[left : b.start() if b else end + 300]
    if _PAST_CUE.search(sentence):
        return False
    if _FUTURE_CUE.search(sentence):
        return True
    line_end = text.find("\n")
    headline = line_end < 0 or start < line_end  # (a text of one line is all headline)
    if headline or _SINCE.search(text, max(0, start - 20), start):
        return False  # a headline's present tells the news ("… zieht Bilanz"); "seit Montag"
    tenses = _tenses(sentence)
    return "present" in tenses and "past" not in tenses


_WORD = re.compile(r"\w+|[^\w\s]")


def _tenses(sentence: str) -> set[str]:
    """The tenses of the sentence's finite verbs (HanTa tags them in context: "treffen"
    is finite in "Die Minister treffen sich", an infinitive on its own)."""
    from reader.analysis.entity_rules import tagger

    words = _WORD.findall(sentence)
    if not words:
        return set()
    tagged = tagger().tag_sent(words, taglevel=1)
    found = {
        t
        for word, _lemma, tag in tagged
        if "FIN" in tag and word[:1].islower() and (t := _tense(word)) is not None
    }
    if any("(PP)" in tag for _word, _lemma, tag in tagged):
        found.add("past")  # "sind … eingebrochen", "ist … aufgefallen": the perfect
    return found


_SINCE = re.compile(r"\b(?:seit|vergangen\w*|letzt\w*|vorig\w*|besagt\w*)\s+\w*\s*$", re.IGNORECASE)
_IRREGULAR_PRESENT = frozenset(["ist", "sind", "bin", "bist", "seid", "weiß", "weißt"])
_PAST_ENDINGS = frozenset({"te", "ten", "test", "tet", "ete", "eten", "etest", "etet"})


@lru_cache(maxsize=50_000)
def _tense(word: str) -> str | None:
    """``present`` or ``past`` for a verb form found finite (HanTa's analysis of its
    ending: "reis+te" and a changed stem alone, "traf", are past; "reis+t", "triff+t",
    "treff+en" present), ``None`` for a word that is no verb."""
    from reader.analysis.entity_rules import tagger

    _lemma, parts, _tag = tagger().analyze(word, taglevel=3)
    if not parts or not parts[0][1].startswith("V"):
        return None
    stem_tag = parts[0][1]
    if any(tag == "SUF_PP" for _, tag in parts):
        return "past"  # "beschädig+t+en" found finite: the preterite "beschädigten"
    suffix = parts[-1][0] if len(parts) > 1 and parts[-1][1].startswith("SUF_") else ""
    # a changed stem ("traf", "brannte", "wurden") is past unless it takes the present's
    # "-t" ("trifft", "nimmt")
    changed = stem_tag.endswith(("_VAR", "_IRR"))
    if word in _IRREGULAR_PRESENT:
        return "present"  # "ist", "sind", "weiß"
    if stem_tag.startswith("VM"):  # a modal: "kann", "muss" present, "konnte", "sollte" past
        past = suffix in _PAST_ENDINGS or (changed and suffix in ("e", "en", "est", "et"))
        return "past" if past else "present"
    if suffix in _PAST_ENDINGS or (changed and suffix != "t"):
        return "past"
    return "present" if suffix else None


def _resolve_weekday(atom: _Atom, ref: When | None, text: str) -> When | None:
    if ref is None:
        return None
    w = atom.weekday
    assert w is not None
    day = _ref_day(ref)
    if day is None:
        return When(ref.year, ref.month, weekday=w)
    ahead = (w - day.weekday()) % 7
    direction = atom.direction
    if not direction:  # no qualifier, or "diesen"
        if ahead == 0:
            return When.from_date(day)
        direction = 1 if _sentence_is_future(text, atom.start, atom.end) else -1
    if direction > 0:
        return When.from_date(day + dt.timedelta(days=ahead or 7))
    return When.from_date(day - dt.timedelta(days=(7 - ahead) % 7 or 7))


def _resolve_date(atom: _Atom, ref: When | None) -> When | None:
    if atom.offset is not None:  # heute, gestern, vergangene Nacht
        if ref is None:
            return None
        day = _ref_day(ref)
        if day is None:
            return _coarse(ref)
        return When.from_date(day + dt.timedelta(days=atom.offset))
    assert atom.month is not None and atom.day is not None
    year = atom.year
    if year is None:
        if ref is None:
            return None
        year = _nearest_year(atom.month, atom.day, ref)
        if year is None:
            return None
    if atom.hour is not None:
        return When(year, atom.month, atom.day, atom.hour, atom.minute)
    return When(year, atom.month, atom.day)


def _names_night(group: list[_Atom]) -> bool:
    return any(a.role == "night" or a.unit == "night" for a in group)


def _group_day(
    group: list[_Atom], ref: When | None, anchor: _Anchor, text: str
) -> tuple[When | None, bool]:
    """The day a joined group names (or the coarser value it can resolve to), and whether it
    was named as a night. A group without a day of its own takes the anchor's day."""
    by_role = {a.role: a for a in group}
    if "date" in by_role:
        return _resolve_date(by_role["date"], ref), _names_night(group)
    if "weekday" in by_role:
        return _resolve_weekday(by_role["weekday"], ref, text), _names_night(group)
    day, night = anchor.for_group(text, group[0].start)
    if day is not None:
        return day, night
    if ref is None:
        return None, False
    ref_day = _ref_day(ref)
    return (When.from_date(ref_day) if ref_day is not None else _coarse(ref)), False


def _at_time(day: When | None, time: _Atom | None, night: bool) -> When | None:
    """``day`` at the group's clock time, when both are known; else ``day`` unchanged."""
    if day is None or time is None or day.day is None:
        return day
    assert day.month is not None and time.hour is not None
    date = dt.date(day.year, day.month, day.day)
    if night and time.hour >= 12:  # "in der Nacht zu Sonntag gegen 23 Uhr": Saturday
        date -= dt.timedelta(days=1)
    return When(date.year, date.month, date.day, time.hour, time.minute, tz=time.tz)


def _month_year(month: int, atom: _Atom, ref: When | None) -> int | None:
    """The year of a month named without a day."""
    if atom.year is not None:
        return atom.year
    if ref is None:
        return None
    if atom.offset is not None:  # "im Januar dieses Jahres"
        return ref.year + atom.offset
    if ref.month is None or not atom.direction:
        return _nearest_year(month, None, ref)
    if atom.direction < 0:  # "im vergangenen Mai"
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month > ref.month else ref.year + 1


def _resolve_alone(atom: _Atom, ref: When | None) -> When | None:
    """Months, years, periods and "vor N ..." expressions."""
    if atom.role == "year":
        return When(atom.year) if atom.year else None
    if atom.role == "month":
        assert atom.month is not None
        if atom.list_end is None:
            year = _month_year(atom.month, atom, ref)
        else:  # "April bis Juni": the year of the list's last month, or the one before
            year = _month_year(atom.list_end, atom, ref)
            if year is not None and atom.month > atom.list_end:
                year -= 1
        return When(year, atom.month) if year is not None else None
    if ref is None:
        return None
    unit = atom.unit
    shift = atom.direction if atom.role == "period" else -atom.count
    assert shift is not None
    if unit == "year":
        return When(ref.year + shift)
    if ref.month is None:
        return When(ref.year)
    if unit == "month":
        return When(*_shift_month(ref.year, ref.month, shift))
    day = _ref_day(ref)
    if day is None:
        return When(ref.year, ref.month)
    if unit == "day":
        return When.from_date(day - dt.timedelta(days=atom.count))
    # A week: the month of the Thursday of the week meant (ISO weeks belong to their Thursday).
    target = day + dt.timedelta(days=7 * shift)
    thursday = target + dt.timedelta(days=3 - target.weekday())
    return When(thursday.year, thursday.month)


@dataclass(slots=True)
class _Anchor:
    """The day that a lone clock time or part of the day belongs to."""

    day: When | None = None
    end: int = 0
    night: bool = False  # the day was named as a night ("in der Nacht zu Sonntag")
    days: dict[When, bool] = field(default_factory=dict)  # every day named so far, and night

    def for_group(self, text: str, start: int) -> tuple[When | None, bool]:
        """The last day named in this paragraph, else the one day the text has named."""
        if self.day is not None and text.find("\n", self.end, start) == -1:
            return self.day, self.night
        if len(self.days) == 1:
            return next(iter(self.days.items()))
        return None, False

    def update(self, value: When, end: int, night: bool) -> None:
        assert value.month is not None and value.day is not None
        self.day, self.end, self.night = When(value.year, value.month, value.day), end, night
        self.days[self.day] = self.days.get(self.day, False) or night


def find_dates(text: str, reference: When | None = None) -> list[Span]:
    """All date and time expressions in ``text``, as ``DATE`` spans in text order.

    ``reference`` is the date the text was written (any precision); see the module
    docstring for how each kind of expression is resolved against it.
    """
    spans: list[Span] = []
    anchor = _Anchor()
    for group in _groups(text, _atoms(text)):
        start, end = group[0].start, group[-1].end
        if group[0].role in _JOINING:
            day, night = _group_day(group, reference, anchor, text)
            time = next((a for a in group if a.role == "time"), None)
            value = _at_time(day, time, night)
            if day is not None and day.day is not None:
                anchor.update(day, end, night)
        else:
            value = _resolve_alone(group[0], reference)
        spans.append(Span(start, end, text[start:end], "DATE", value=value, origin="date"))
    return spans


# --- article dates ----------------------------------------------------------------------

_DATELINE = re.compile(
    rf"^{_SP}*[A-ZÄÖÜ][\w .'/-]{{0,40}}?,{_SP}*(?:den{_SP}+)?(?P<d>{_DAY})\.{_SP}*"
    rf"(?P<m>{W.MONTH_AFTER_DAY_RE})(?:{_SP}+(?P<y>{_YEAR}))?{_SP}*"
    rf"(?:\([^()\n]{{1,40}}\){_SP}*)?[–—-]",
    re.MULTILINE,
)
_DATELINE_LINES = 4
_YEARS_BACK = 60


def infer_article_date(text: str, *, today: dt.date | None = None) -> When | None:
    """The date of an undated article, from its opening dateline.

    The dateline ("MOSKAU, 7. Dez. (Reuters) –", in one of the first lines) gives day and
    month; if it has no year, the first weekday the text names without qualifier ("am
    Dienstag") is taken to be that day, and the year is the most recent one, not after
    ``today``, in which that day falls on that weekday. The result has ``inferred=True``;
    ``None`` when there is no dateline, or no year and no weekday.
    """
    head = "\n".join(text.lstrip("\n").split("\n", _DATELINE_LINES)[:_DATELINE_LINES])
    m = _DATELINE.search(head)
    if m is None:
        return None
    day, month = int(m.group("d")), _month_number(m.group("m"))
    if m.group("y"):
        year = int(m.group("y"))
        return When(year, month, day, inferred=True) if _valid(year, month, day) else None
    weekday = next(
        (a.weekday for a in _atoms(text) if a.role == "weekday" and a.direction is None), None
    )
    if weekday is None:
        return None
    today = today or dt.date.today()
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        if not _valid(year, month, day):
            continue
        date = dt.date(year, month, day)
        if date <= today and date.weekday() == weekday:
            return When(year, month, day, inferred=True)
    return None
