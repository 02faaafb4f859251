"""The same statement across sources: statements by one speaker that say the same thing,
quoted in one outlet, paraphrased in another, in other words from the same speech in a third.

Two statements are linked when their speakers agree (the same canonical name, or one is
the other's relay: "Putin, via the Kremlin" and "the Kremlin") and their content words
overlap: at least :data:`MIN_SHARED` word stems, and at least :data:`MIN_OVERLAP` of the
shorter statement's. Groups are the connected sets of links. The same demand made again on
another day stays one group; its days are its occasions (:func:`occasions`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.statement_words import stems
from reader.corpus.visible import shorten

MIN_SHARED = 3
MIN_OVERLAP = 0.25
MIN_OF_LONGER = 0.1
COHESION = 0.3  # share of linked pairs across two groups for them to join
COMMON = 0.15  # a stem in more than this share of the statements says nothing of one
MIN_RARE = 1  # shared stems that are not common
OCCASION_GAP = dt.timedelta(days=3)  # reports this close apart are of one occasion
# the names that stand for one government as a speaker ("der Kreml", "Moskau", "Russland")
GOVERNMENTS = {
    "kreml": "russland",
    "moskau": "russland",
    "russland": "russland",
    "weißes haus": "vereinigte staaten",
    "washington": "vereinigte staaten",
    "usa": "vereinigte staaten",
    "us-regierung": "vereinigte staaten",
    "vereinigte staaten": "vereinigte staaten",
    "kiew": "ukraine",
    "ukraine": "ukraine",
    "caracas": "venezuela",
    "venezuela": "venezuela",
    "peking": "china",
    "china": "china",
    "bundesregierung": "deutschland",
    "deutschland": "deutschland",
}


def government(name: str | None) -> str | None:
    """The government ``name`` stands for ("Kreml" → "russland"), else its casefolded self."""
    if not name:
        return None
    low = name.casefold()
    return GOVERNMENTS.get(low, low)


@dataclass(frozen=True, slots=True)
class Said:
    """What grouping needs of a statement."""

    article: str
    who: str
    relays: tuple[str, ...]
    text: str
    side: str | None = None
    words: tuple[str, ...] | None = None
    """The stems of ``text`` (stored with the statement); computed when None."""

    def names(self) -> set[str]:
        """Who may be taken for the speaker: the speaker, its side, its relays (with the
        government each stands for)."""
        return {g for n in (self.who, self.side, *self.relays) if (g := government(n))}


def linked(a: frozenset[str], b: frozenset[str]) -> bool:
    """Enough shared words for the same statement: of the shorter one's words, and of
    the longer one's too (a long quote shares a few words with everything)."""
    shared = len(a & b)
    shorter = min(len(a), len(b))
    if shorter < MIN_SHARED:
        # a headline's few words ("Selenskyj: Lüge"): all of them shared
        return shared >= max(1, shorter) and shared >= 0.5 * max(len(a), len(b))
    if shorter == MIN_SHARED:
        # three words ("einen Wohnsitz Putins angegriffen zu haben"): two of them, and a
        # quarter of the other's ("Ukraine greift Putins Residenz mit Drohnen an")
        return shared >= MIN_SHARED - 1 and shared >= 0.25 * max(len(a), len(b))
    return (
        shared >= MIN_SHARED
        and shared >= MIN_OVERLAP * shorter
        and shared >= MIN_OF_LONGER * max(len(a), len(b))
    )


def group_statements(items: Sequence[Said]) -> list[int]:
    """A group number for each statement; statements of no known speaker stay alone.

    Links are taken strongest first, and two groups join only when at least
    :data:`COHESION` of their pairs across are linked, so that one short statement does
    not chain every statement of a busy speaker into one group."""
    items = _with_sides(items)
    names = [said.names() for said in items]  # (asked for every pair: made once)
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, said in enumerate(items):
        if said.who:
            for key in names[i]:
                by_speaker[key].append(i)
    bags = [frozenset(s.words) if s.words is not None else stems(s.text) for s in items]
    rare = _without_common(bags)
    edges: dict[tuple[int, int], float] = {}
    for members in by_speaker.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pair = (i, j) if i < j else (j, i)
                if pair in edges or items[i].article == items[j].article:
                    continue
                if (
                    _same_speaker(items[i], items[j], names[i], names[j])
                    and linked(bags[i], bags[j])
                    and len(rare[i] & rare[j]) >= MIN_RARE
                ):
                    shared = len(bags[i] & bags[j])
                    edges[pair] = shared / max(1, min(len(bags[i]), len(bags[j])))
    group = list(range(len(items)))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for (i, j), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        a, b = group[i], group[j]
        if a == b:
            continue
        across = [(x, y) if x < y else (y, x) for x in members_of[a] for y in members_of[b]]
        if sum(1 for p in across if p in edges) < COHESION * len(across):
            continue
        for x in members_of[b]:
            group[x] = a
        members_of[a] += members_of.pop(b)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(group[i], len(numbers)) for i in range(len(items))]


def _without_common(bags: list[frozenset[str]]) -> list[frozenset[str]]:
    """The bags without the stems that a large share of all statements contain (the
    story's names: "putin", "ukrain"): sharing only those is no evidence."""
    if len(bags) < 20:
        return bags
    df: dict[str, int] = defaultdict(int)
    for bag in bags:
        for stem in bag:
            df[stem] += 1
    limit = COMMON * len(bags)
    return [frozenset(s for s in bag if df[s] <= limit) for bag in bags]


def _with_sides(items: Sequence[Said]) -> list[Said]:
    """``items`` with the side a person speaks for filled in where one article named it
    and another did not ("der russische Präsident Wladimir Putin" … "Putin sagte")."""
    sides: dict[str, str] = {}
    for said in items:
        if said.side and said.who and said.side != said.who:
            sides.setdefault(said.who, said.side)
    return [
        replace(said, side=sides[said.who]) if not said.side and said.who in sides else said
        for said in items
    ]


def _same_speaker(a: Said, b: Said, a_names: set[str], b_names: set[str]) -> bool:
    """One speaker, one speaking for the other ("Peskow" for the "Kreml"), one reported
    by the other ("Putin, via the Kremlin" and "the Kremlin"), or two voices of one
    government ("Lawrow" and "Moskau"); ``*_names`` are their :meth:`Said.names`."""
    x, y = government(a.who), government(b.who)
    if x == y or x in b_names or y in a_names:
        return True
    return bool(a.side and b.side and government(a.side) == government(b.side))


def occasions(days: Sequence[dt.date]) -> list[dt.date]:
    """The occasions among the days a statement was reported on: a day that comes more
    than :data:`OCCASION_GAP` after the one before it begins a new occasion."""
    out: list[dt.date] = []
    last: dt.date | None = None
    for day in sorted(set(days)):
        if last is None or day - last > OCCASION_GAP:
            out.append(day)
        last = day
    return out


def label(
    texts: Sequence[str], width: int = 72, words: Sequence[Sequence[str]] | None = None
) -> str:
    """A short label for a group: the member whose words (``words``, or the stems of
    ``texts``) the others share most, cut at a word to at most ``width`` characters."""
    bags = [frozenset(w) for w in words] if words is not None else [stems(t) for t in texts]
    best = max(
        range(len(texts)), key=lambda i: (sum(len(bags[i] & b) for b in bags), -len(texts[i]))
    )
    return shorten(texts[best], width - 2)  # (" …" after the cut)
