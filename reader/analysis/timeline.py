"""The linked timeline: dated events, each a group of passages from one or more sources.

An *event* is a set of passages that mention the same resolved date (minute-precise times
count as their day) and the same happening. Building it:

1. **Mentions.** Every resolved date span of every article is a mention of its passage. A
   mention's *signature* is what its sentence says (stems, word groups) and the names in its
   passage (canonical entities).
2. **Undated articles** (no date given, none inferred by the pipeline from a dateline) get one
   from the happening they report: their passages' related passages (see
   :mod:`reader.analysis.related`) vote with their own dates and their articles' dates; the
   best-supported day ``D`` is the event they report. The article's reference date is then
   the day in ``D … D+6`` that keeps its resolved days closest together (the earliest such
   day), so "am Dienstag" lands on ``D`` and "am Mittwoch" on the day after; its dates are
   resolved again against it and marked inferred. Passages of the article that report the
   event without naming its date join it as *linked* passages (no offsets).
3. **Grouping.** Within one date, mentions join the group whose members they resemble
   most (shared rare words, groups and names, weighted by rarity over all mentions); two
   mentions of one article on one date are one happening.
4. **Labels**: the sentence (a headline first) whose words the other members share most,
   cut at a word; the names and words most members share where no sentence is known.

Events are sorted by date (a month or year before the days within it), then by how many
sources report them. The whole timeline is cached in memory and in the store's meta table
under ``timeline``, keyed by :func:`reader.analysis.index_version.index_version`, so it is
rebuilt only after the index changed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import math
import re
import threading
import time
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis.event_groups import (
    SAME_DAY_SHARE,
    Grouper,
    core,
    days_before,
    stories,
    wording_of,
)
from reader.analysis.index_version import code_stamp, index_version
from reader.analysis.passage_terms import strip_teaser, terms, words
from reader.analysis.related import period
from reader.analysis.spans import Span
from reader.analysis.timeline_model import (
    Event,
    EventPassage,
    InferredDate,
    Timeline,
    stored_document,
    stored_timeline,
)
from reader.analysis.word_groups import group_of
from reader.corpus.dateline import parse_dateline
from reader.corpus.model import When
from reader.corpus.visible import shorten
from reader.search.store import ArticleRow

if TYPE_CHECKING:
    from reader.library import Library

TIMELINE_FORMAT = 3  # bump when events change shape or grouping, to drop cached timelines
META_KEY = "timeline"
COMMON_SHARE = 0.25  # features in more mentions than this share say nothing
NAME_WEIGHT = 1.5  # a shared name says more than a shared word of the same rarity
COMMON_FLOOR = 10  # ... and than this many (in a handful of articles every word is shared)
VOTE_SCORE = 0.12  # related passages at least this close vote for an undated article's date
LINK_SCORE = 0.12  # and passages at least this close join the event as linked passages
MAX_UNDATED = 200  # undated articles dated per build (each costs a related() per passage)
LABEL_PARTS = 4
LABEL_WIDTH = 80  # characters of a sentence that label an event
HISTORY_DAYS = 366  # a date this long before its article's is history, not its event
SHORT_TEXT = 700  # characters: a headline and a teaser, signed as one sentence
FOLLOW_UP_DAYS = 0  # ... and a day they name before their own is background
# Words of reporting and sentence glue: in every kind of story, so they neither group
# mentions nor make labels.
WEAK_WORDS = frozenset(
    terms(
        "außerdem bereits seit fand finden findet hinzu fügte sagte sagt sagten erklärte erklärt "
        "betonte betont teilte teilt mitteilte mitgeteilt hieß heißt weiter weitere zudem jedoch "
        "laut demnach zufolge dabei damit dass sowie rund etwa mehr wurde wurden worden hatte "
        "hatten sei seien habe gibt gab geht ging kam kamen steht stand bisher derzeit zuvor "
        "später früher heute gestern morgen inzwischen nun noch schon erst immer wieder soll "
        "sollen sollte könnte müssen muss kann darf statt stattfinden stattfand beiden beide "
        "neue neuen ersten erste zwei drei vier fünf angaben angesichts nach bei gegen"
    )
)
DATE_WORDS = frozenset(
    terms(
        "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april "
        "mai juni juli august september oktober november dezember uhr morgen vormittag mittag "
        "nachmittag abend nacht früh heute gestern vorgestern woche monat jahr jahres tag tage "
        "vergangenen vergangene letzte letzten kommenden nächste nächsten mez moskauer zeit "
        "abends morgens nachts mitte anfang ende"
    )
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\"“”»«]+(?=[A-ZÄÖÜ\"„“»«])|\n+")


# --- building -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Article(ArticleRow):
    """A stored article with its stored analysis (dates, entities), if any."""

    analysis: dict[str, Any] | None


@dataclass(slots=True)
class _Mention:
    article: _Article
    passage: int
    value: When
    span: tuple[int, int, str] | None
    inferred: bool
    signature: frozenset[str] = frozenset()
    forms: dict[str, str] = field(default_factory=dict)
    sentence: str = ""
    """The sentence that names the date (for the event's label)."""
    report: bool = False
    """Placed by its article's date, not by a date in its text."""
    wording: str = ""
    """A short article's headline as agency texts repeat it (:func:`wording_of`)."""
    home: str | None = None
    """For a report: the day before its own that its text names, where it happened."""


def _load(library: Library) -> list[_Article]:
    """Every article with its stored analysis, straight from the store (one query each)."""
    from reader.library import ANALYSIS

    with library.lock:
        analyses = library.store.analyses(ANALYSIS)
        rows = library.store.article_rows()
    return [
        _Article(r.id, r.source, r.title, r.date, r.text, r.bounds, analyses.get(r.id))
        for r in rows
    ]


def _passage_of(article: _Article, pos: int) -> int:
    starts = [s for s, _ in article.bounds]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _sentence(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text[lo:hi]`` (a passage) around ``[start, end)``."""
    left, right = lo, hi
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _no_end(text, m.start()):
            continue  # "7. Dezember", "Dez. (Reuters)": a number or an abbreviation
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "febr",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
        "nr",
        "dr",
        "st",
        "bzw",
        "ca",
        "vgl",
        "inkl",
        "mio",
        "mrd",
        "prof",
        "str",
        "abs",
    ]
)
_WORD_BEFORE_DOT = re.compile(r"(\w+)\.$")


def _no_end(text: str, at: int) -> bool:
    """The full stop before ``at`` ends an ordinal or an abbreviation, not a sentence."""
    if at == 0 or text[at - 1] != ".":
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, at - 12), at)
    if word is None:
        return False
    w = word.group(1)
    return w.isdigit() or len(w) == 1 or w.lower() in _ABBREVIATIONS


def _day_key(value: When) -> str:
    if value.precision == "minute":
        return value.iso()[:10]
    if value.precision == "month" and value.weekday is not None:
        return f"{value.iso()}/wd{value.weekday}"
    return value.iso()


def _key_when(value: When) -> When:
    """The event date of a mention: its value, a time cut to its day."""
    return value.truncated("day") if value.precision == "minute" else value


def _mentions_of(
    article: _Article, dates: Iterable[dict[str, Any]] | Iterable[Span], inferred: bool
) -> list[_Mention]:
    out = []
    for span in dates:
        if isinstance(span, Span):
            value, start, end, text = span.value, span.start, span.end, span.text
        else:
            raw = span.get("value")
            value = When.from_json(raw) if raw else None
            start, end, text = span["start"], span["end"], span["text"]
        if value is None:
            continue
        index = _passage_of(article, start)
        out.append(_Mention(article, index, value, (start, end, text), inferred))
    return out


def _sign(
    mention: _Mention,
    entities: dict[int, set[str]],
    cache: dict[tuple[int, int], tuple[frozenset[str], dict[str, str]]],
) -> None:
    article = mention.article
    lo, hi = article.bounds[mention.passage]
    if len(article.text) <= SHORT_TEXT:  # a headline and a teaser say it together
        s_lo, s_hi = 0, len(article.text)
    elif mention.span is not None:
        s_lo, s_hi = _sentence(article.text, lo, hi, mention.span[0], mention.span[1])
    else:
        s_lo, s_hi = lo, hi
    known = cache.get((s_lo, s_hi))
    text, _ = strip_teaser(article.text[s_lo:s_hi])
    mention.sentence = " ".join(text.split())
    if known is not None:  # another date of the same sentence
        mention.signature, mention.forms = known
        return
    features: set[str] = set()
    forms: dict[str, str] = {}
    for stem, s, e in words(text):
        if stem.isdigit() or stem in WEAK_WORDS or stem in DATE_WORDS:
            continue  # the date words themselves say nothing about the happening
        features.add(stem)
        forms.setdefault(stem, text[s:e])
        g = group_of(stem)
        if g is not None:
            features.add("@" + g)
            forms.setdefault("@" + g, text[s:e])
    for name in entities.get(mention.passage, ()):
        features.add("=" + name)
        forms["=" + name] = name
    mention.signature = frozenset(features)
    mention.forms = forms
    cache[(s_lo, s_hi)] = (mention.signature, forms)


def _entities_by_passage(article: _Article) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for span in (article.analysis or {}).get("entities", ()):
        name = str(span.get("canonical") or span["text"])
        out.setdefault(_passage_of(article, span["start"]), set()).add(name)
    return out


def _label(members: list[_Mention], weight: dict[str, float]) -> str:
    """What a reader would call the happening: the sentence the members share most (a
    headline first), cut at a word; the shared names and words when there is none."""
    articles = {m.article.id for m in members}
    # (text, features, is a headline, who it stands for: a mention, or an article's title)
    candidates: dict[str, tuple[frozenset[str], bool, object]] = {}
    for m in members:
        if m.sentence:
            candidates.setdefault(m.sentence, (m.signature, m.passage == 0, m))
        title = " ".join((m.article.title or "").split())
        if title and len(articles) > 1:  # a headline speaks for its article's members
            candidates.setdefault(title, (_title_features(title), True, m.article.id))
    if not candidates:
        return _keywords(members, weight)

    def shared(item: tuple[str, tuple[frozenset[str], bool, object]]) -> tuple[float, bool, int]:
        text, (features, headline, owner) = item
        others = [o for o in members if o is not owner and o.article.id != owner]
        common = math.fsum(  # fsum over sorted features: the same label in every run
            weight.get(f, 0.0) for o in others for f in sorted(features & o.signature)
        )
        return (common, headline, -len(text))

    best = max(sorted(candidates.items(), key=lambda c: c[0]), key=shared)[0]
    dateline = parse_dateline(best)  # "MOSKAU, 7. Dez. (Reuters) – " says no more than the date
    text = best[dateline.end :] if dateline else best
    text = strip_teaser(_LIVE.sub("", text))[0]  # "Liveblog:", "SZ Plus": not the happening
    return _cut(text or best, LABEL_WIDTH)


_LIVE = re.compile(
    r"^\s*(?:(?:Liveblog|Live-?Ticker|Live)\b\s*:?\s*|Live(?=[A-ZÄÖÜ]))(?=[A-ZÄÖÜ„\"»])"
)


@functools.lru_cache(maxsize=4096)
def _title_features(title: str) -> frozenset[str]:
    """A headline's words as a mention's signature has them."""
    return frozenset(
        stem
        for stem, _, _ in words(title)
        if not (stem.isdigit() or stem in WEAK_WORDS or stem in DATE_WORDS)
    )


def _cut(text: str, width: int) -> str:
    """``text`` without its final full stop, at most ``width`` characters, cut after a
    whole word with " …" (:func:`reader.corpus.visible.shorten`)."""
    return shorten(text.rstrip(" .:;,"), width - 2)


def _keywords(members: list[_Mention], weight: dict[str, float]) -> str:
    """Names, then words, that most members share, rarest first."""
    per_article: dict[str, set[str]] = {}
    forms: dict[str, str] = {}
    for m in members:
        per_article.setdefault(m.article.id, set()).update(m.signature)
        for f, form in m.forms.items():
            forms.setdefault(f, form)
    counts: Counter[str] = Counter()
    for features in per_article.values():
        counts.update(features)
    need = 2 if len(per_article) > 1 else 1

    def rank(f: str) -> tuple[int, float, str]:
        return (-counts[f], -weight.get(f, 0.0), f)

    names = [f for f in counts if f.startswith("=") and counts[f] >= need]
    terms = [f for f in counts if f[0] not in "=@" and counts[f] >= need]
    groups = [f for f in counts if f.startswith("@") and counts[f] >= need]
    chosen = sorted(names, key=rank)[:2]
    rest = sorted(terms + groups, key=rank)
    seen_forms = {forms[f].lower() for f in chosen}
    seen_forms |= {part.lower() for f in chosen for part in re.split(r"[\s-]+", forms[f])}
    for f in rest:
        if len(chosen) >= LABEL_PARTS:
            break
        form = forms.get(f, f.lstrip("@"))
        if form.lower() not in seen_forms:
            chosen.append(f)
            seen_forms.add(form.lower())
    if not chosen:  # a lone mention: its rarest words
        only = sorted((f for f in counts if f[0] != "@"), key=rank)[:LABEL_PARTS]
        chosen = only
    parts = [forms.get(f, f.lstrip("=@")) for f in chosen]
    name_parts = [p for f, p in zip(chosen, parts, strict=True) if f.startswith("=")]
    word_parts = [p for f, p in zip(chosen, parts, strict=True) if not f.startswith("=")]
    if name_parts and word_parts:
        return ", ".join(name_parts) + ": " + ", ".join(word_parts)
    return ", ".join(name_parts or word_parts)


def _infer_undated(
    library: Library, articles: list[_Article]
) -> dict[str, tuple[When, When, list[str]]]:
    """For undated articles: (reported day D, reference date R, evidence passage ids)."""
    from reader.analysis.related import UnknownPassage, related

    by_id = {a.id: a for a in articles}
    # Dates this function inferred before are stored as the article date (marked inferred):
    # infer them again rather than trusting them, so the result does not feed on itself.
    # in id order: which ones are dated (the first MAX_UNDATED) and the order their linked
    # passages join events do not depend on the order the store returns them in
    undated = sorted(
        (
            a
            for a in articles
            if (a.date is None or a.date.inferred) and not (a.analysis or {}).get("date")
        ),
        key=lambda a: a.id,
    )
    out: dict[str, tuple[When, When, list[str]]] = {}
    for article in undated[:MAX_UNDATED]:
        votes: dict[str, float] = defaultdict(float)
        evidence: dict[str, list[str]] = {}
        for index in range(len(article.bounds)):
            pid = f"{article.id}#p{index}"
            try:
                found = related(library, pid, limit=10)
            except UnknownPassage:
                continue
            for r in found:
                if r.score < VOTE_SCORE:
                    continue
                other = by_id.get(r.article_id)
                if other is None:
                    continue
                for day in _days_in(other, r.start, r.end):
                    votes[day] += r.score
                    evidence.setdefault(day, []).append(r.passage_id)
                ref = other.date or _analysis_date(other)
                if ref is not None and ref.precision in ("day", "minute"):
                    day = ref.iso()[:10]
                    votes[day] += 0.5 * r.score
                    evidence.setdefault(day, []).append(r.passage_id)
        if not votes:
            continue
        best, _ = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        reported = When.parse_iso(best)
        out[article.id] = (
            reported,
            _reference_for(article.text, reported),
            sorted(set(evidence[best])),
        )
    return out


def _analysis_date(article: _Article) -> When | None:
    raw = (article.analysis or {}).get("date")
    return When.from_json(raw) if raw else None


def _days_in(article: _Article, start: int, end: int) -> list[str]:
    days = []
    for span in (article.analysis or {}).get("dates", ()):
        value = span.get("value")
        if value and start <= span["start"] and span["end"] <= end and len(value["value"]) >= 10:
            days.append(value["value"][:10])
    return days


def _reference_for(text: str, reported: When) -> When:
    """The day in ``reported … reported+6`` against which the text's resolved days lie
    closest together (the earliest such day), marked inferred."""
    from reader.analysis.dates import find_dates

    base = reported.as_date()
    best: tuple[int, int, dt.date] | None = None
    for offset in range(7):
        day = base + dt.timedelta(days=offset)
        ref = When(day.year, day.month, day.day, inferred=True)
        resolved = [
            s.value.as_date()
            for s in find_dates(text, ref)
            if s.value is not None and s.value.precision in ("day", "minute")
        ]
        if base not in resolved and offset:
            continue
        spread = (max(resolved) - min(resolved)).days if resolved else 0
        if best is None or (spread, offset) < best[:2]:
            best = (spread, offset, day)
    assert best is not None
    day = best[2]
    return When(day.year, day.month, day.day, inferred=True)


def _relative(text: str, spans: list[Span]) -> set[tuple[int, int]]:
    """Spans whose value depends on the reference date (none without one)."""
    from reader.analysis.dates import find_dates

    absolute = {(s.start, s.end) for s in find_dates(text, None) if s.value is not None}
    return {(s.start, s.end) for s in spans} - absolute


def build_timeline(library: Library) -> Timeline:
    """Build the timeline of the whole library (no cache; see :func:`timeline`)."""
    from reader.analysis.dates import find_dates

    started = time.perf_counter()
    version = index_version(library)
    articles = _load(library)
    inferred = _infer_undated(library, articles)

    mentions: list[_Mention] = []
    for article in articles:
        entities = _entities_by_passage(article)
        found: list[_Mention]
        if article.id in inferred:
            _, ref, _ = inferred[article.id]
            spans = find_dates(article.text, ref)
            relative = _relative(article.text, spans)
            found = [
                m for s in spans for m in _mentions_of(article, [s], (s.start, s.end) in relative)
            ]
        else:
            given = article.date is not None and not article.date.inferred
            dated = article.analysis or {}
            analysed_date = _analysis_date(article)
            spans_raw = list(dated.get("dates", ()))
            relative = set()
            if not given and analysed_date is not None and analysed_date.inferred:
                relative = _relative(
                    article.text, [Span(s["start"], s["end"], s["text"], "DATE") for s in spans_raw]
                )
            found = [
                m
                for s in spans_raw
                for m in _mentions_of(article, [s], (s["start"], s["end"]) in relative)
            ]
        reported = _report_day(article, inferred)
        if reported is not None:
            short = len(article.text) <= SHORT_TEXT
            background = [m for m in found if short and _follow_up(m.value, reported)]
            found = [m for m in found if not _history(m.value, reported) and m not in background]
            if not any(m.value.precision in ("day", "minute") for m in found):
                report = _Mention(article, 0, reported, None, reported.inferred, report=True)
                report.home = _home_day(background, reported)
                found.append(report)
        sentences: dict[tuple[int, int], tuple[frozenset[str], dict[str, str]]] = {}
        wording = wording_of(article.title or "") if len(article.text) <= SHORT_TEXT else ""
        for m in found:
            m.wording = wording
            _sign(m, entities, sentences)
            if m.report:
                m.sentence = " ".join(article.title.split()) or m.sentence
        mentions.extend(found)

    # Rarity of signature features over all mentions.
    df: Counter[str] = Counter()
    for m in mentions:
        df.update(m.signature)
    n = max(1, len(mentions))
    common = max(COMMON_FLOOR, COMMON_SHARE * n)
    weight = {
        f: (math.log((n + 1) / c) + 0.1) * (NAME_WEIGHT if f[0] == "=" else 1.0)
        for f, c in df.items()
        if c <= common
    }

    grouper = Grouper(weight)
    named = sorted((m for m in mentions if not m.report), key=_mention_order)
    for m in named:
        grouper.add(m, _day_key(m.value))
    for m in sorted((m for m in mentions if m.report), key=_mention_order):
        grouper.add(m, _day_key(m.value), days_before(m.value.as_date()))
    by_day: dict[str, list[list[_Mention]]] = {}
    for g, group in enumerate(grouper.groups):
        by_day.setdefault(grouper.day_of(g), []).append(group)
    for key, groups in by_day.items():
        by_day[key] = _same_happening(groups, weight)
    events: list[Event] = []
    members_of: list[list[_Mention]] = []
    for key, groups in by_day.items():
        for k, group in enumerate(_join_reported(groups, key, inferred), start=1):
            events.append(_event(f"{key}#{k}", group, weight))
            members_of.append(group)
    _tell_stories(events, members_of, weight)

    _link_undated(library, events, inferred)
    events.sort(key=lambda e: (e.date.sort_key(), -len(e.sources), -len(e.passages), e.id))
    dates = {aid: InferredDate(aid, ref, evidence) for aid, (_, ref, evidence) in inferred.items()}
    return Timeline(version, events, dates, time.perf_counter() - started)


def _mention_order(m: _Mention) -> tuple[tuple[int, int, int, int, int], str, int, int]:
    return (m.value.sort_key(), m.article.id, m.passage, m.span[0] if m.span else -1)


def _report_day(
    article: _Article, inferred: dict[str, tuple[When, When, list[str]]]
) -> When | None:
    """The day the article reports on: its date (given, analysed or inferred), as a day."""
    if article.id in inferred:
        value: When | None = inferred[article.id][0]
    else:
        value = article.date or _analysis_date(article)
    if value is None or value.precision not in ("day", "minute"):
        return None
    day = value.truncated("day")
    return When(day.year, day.month, day.day, inferred=value.inferred)


def _history(value: When, reported: When) -> bool:
    """A date long before the report ("seit 2019", "wie schon 1975") is history the
    article mentions, not the happening it reports."""
    try:
        end = period(value)[1]
    except (TypeError, ValueError):  # a date the text cannot have meant
        return False
    return (reported.as_date() - end).days > HISTORY_DAYS


def _follow_up(value: When, reported: When) -> bool:
    """A headline and teaser that name a day before their own ("nach dem Brand in der
    Silvesternacht", a day or two later) report on their own day, joining the happening of
    that day if another outlet reported it (a report looks back); a year
    or a month they name ("im letzten Jahr", "2025 in Bildern") is background too."""
    if value.precision not in ("day", "minute"):
        return True
    return (reported.as_date() - value.as_date()).days > FOLLOW_UP_DAYS


def _home_day(background: list[_Mention], reported: When) -> str | None:
    """The latest day of the last :data:`~reader.analysis.event_groups.LOOK_BACK` days that
    a headline and teaser name ("am Montag" on Tuesday): where the happening took place."""
    window = set(days_before(reported.as_date()))
    named = sorted(
        {_day_key(m.value) for m in background if m.value.precision in ("day", "minute")} & window
    )
    return named[-1] if named else None


def _same_happening(groups: list[list[_Mention]], weight: dict[str, float]) -> list[list[_Mention]]:
    """Groups of one day whose cores agree (one outlet's wording grouped apart from
    another's) are one happening."""
    if len(groups) < 2:
        return groups
    cores = [core(group, weight) for group in groups]
    day = [dt.date.min] * len(groups)
    sizes = [len({m.article.id for m in group}) for group in groups]
    lead = stories(cores, day, sizes, apart=0, share=SAME_DAY_SHARE)
    merged: dict[int, list[_Mention]] = {}
    for group, first in zip(groups, lead, strict=True):
        merged.setdefault(first, []).extend(group)
    return list(merged.values())


def _tell_stories(
    events: list[Event], members_of: list[list[_Mention]], weight: dict[str, float]
) -> None:
    """Link the events that develop one happening over days into stories."""
    cores = [core(group, weight) for group in members_of]
    days = [e.date.as_date() if e.date.precision in ("day", "minute") else None for e in events]
    first = stories(cores, days, [len(e.articles) for e in events])
    for event, lead in zip(events, first, strict=True):
        event.story = events[lead].id


def _join_reported(
    groups: list[list[_Mention]], key: str, inferred: dict[str, tuple[When, When, list[str]]]
) -> list[list[_Mention]]:
    """An undated article was dated because its passages report what the evidence passages
    report on day ``D``: on that day, its mentions and the evidence's groups are one event."""
    for aid, (reported, _, evidence) in inferred.items():
        if reported.iso()[:10] != key:
            continue
        marks = {(e.rpartition("#p")[0], int(e.rpartition("#p")[2])) for e in evidence}
        joined = [
            g
            for g in groups
            if any(m.article.id == aid or (m.article.id, m.passage) in marks for m in g)
        ]
        if len(joined) > 1:
            merged = [m for g in joined for m in g]
            groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return groups


def _event(event_id: str, group: list[_Mention], weight: dict[str, float]) -> Event:
    group.sort(key=lambda m: (m.article.id, m.passage, m.span[0] if m.span else 0))
    values = [m.value for m in group]
    # the earliest day: a report joins days later, or names the day before its own
    placed = [When.parse_iso(m.home) if m.report and m.home else m.value for m in group]
    first = _key_when(min(placed, key=lambda v: v.sort_key()))
    if all(v == values[0] for v in values) and values[0].precision == "minute":
        first = values[0]  # everyone names the same minute: keep it
    inferred = all(m.inferred for m in group)
    date = When(
        first.year,
        first.month,
        first.day,
        first.hour,
        first.minute,
        first.weekday,
        inferred,
        first.tz,
    )
    passages = []
    seen: set[tuple[str, int, int | None]] = set()
    for m in group:
        key = (m.article.id, m.passage, m.span[0] if m.span else None)
        if key in seen:
            continue
        seen.add(key)
        passages.append(
            EventPassage(
                m.article.id,
                f"{m.article.id}#p{m.passage}",
                m.passage,
                m.article.source or "unknown",
                m.article.title,
                m.value,
                m.span[0] if m.span else None,
                m.span[1] if m.span else None,
                m.span[2] if m.span else None,
                m.inferred,
            )
        )
    return Event(event_id, date, _label(group, weight), passages, event_id)


def _link_undated(
    library: Library, events: list[Event], inferred: dict[str, tuple[When, When, list[str]]]
) -> None:
    """Passages of a newly dated article that report its event without naming the date
    join that event as linked passages."""
    from reader.analysis.related import related

    if not inferred:
        return
    member_of: dict[str, Event] = {}
    for event in events:
        for p in event.passages:
            member_of.setdefault(p.passage_id, event)
    for aid, (reported, _, _) in inferred.items():
        key = reported.iso()[:10]
        named = {p.passage_id for e in events for p in e.passages if p.article_id == aid}
        article = library.article(aid)
        if article is None:
            continue
        for passage in article.passages:
            if passage.id in named:
                continue
            for r in related(library, passage.id, limit=10):
                joined = member_of.get(r.passage_id)
                if r.score >= LINK_SCORE and joined is not None and joined.date.iso()[:10] == key:
                    joined.passages.append(
                        EventPassage(
                            aid,
                            passage.id,
                            passage.index,
                            article.source or "unknown",
                            article.title,
                            When(reported.year, reported.month, reported.day, inferred=True),
                            inferred=True,
                        )
                    )
                    break


# --- cache ----------------------------------------------------------------------------------


_CACHE: weakref.WeakKeyDictionary[Any, Timeline] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def timeline_stamp(version: str) -> str:
    """What a stored timeline must carry to be current: changed grouping or labels (the
    code) or a changed index rebuild it."""
    code = code_stamp("timeline.py", "event_groups.py", "timeline_model.py")
    return f"{TIMELINE_FORMAT}:{code}:{version}"


def _stored(library: Library, stamp: str) -> dict[str, Any] | None:
    """The stored timeline document (:meth:`Timeline.to_json`) if it is current."""
    with library.lock:
        raw = library.store.get_meta(META_KEY)
    if raw:
        try:
            data = json.loads(raw)
            if data.get("stamp") == stamp and isinstance(data.get("timeline"), dict):
                return data["timeline"]
        except ValueError:
            pass
    return None


def timeline_json(library: Library, min_sources: int = 1) -> dict[str, Any]:
    """:meth:`Timeline.to_json` of the library's timeline, straight from the store when it
    is current (no events built and written out again: 1.5 s of 3 on the Berlin corpus)."""
    stored = _stored(library, timeline_stamp(index_version(library)))
    if stored is None or "events" not in stored:
        return timeline(library).to_json(min_sources)
    if min_sources > 1:
        stored["events"] = [e for e in stored["events"] if len(e["sources"]) >= min_sources]
    return stored


def timeline(library: Library, *, rebuild: bool = False) -> Timeline:
    """The library's timeline: from memory, else from the store, else built (and stored).
    Both caches are keyed by the index version, so a changed index rebuilds it."""
    version = index_version(library)
    stamp = timeline_stamp(version)
    with _CACHE_LOCK:
        cached = _CACHE.get(library)
    if cached is not None and cached.version == version and not rebuild:
        return cached
    if not rebuild:
        with library.lock:
            raw = library.store.get_meta(META_KEY)
        loaded = stored_timeline(raw, stamp) if raw else None
        if loaded is not None:
            with _CACHE_LOCK:
                _CACHE[library] = loaded
            return loaded
    built = build_timeline(library)
    payload = stored_document(stamp, built)
    with library.lock:
        library.store.set_meta(META_KEY, payload)
        library.store.commit()
    with _CACHE_LOCK:
        _CACHE[library] = built
    return built
