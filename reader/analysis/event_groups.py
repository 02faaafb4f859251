"""Grouping mentions into happenings, and happenings into stories.

A *mention* is a passage that places something in time: a date its text resolves, or, for
an article that names no date near its own, the article's date (it reports something that
happened by then). Mentions of one happening share rare words, word groups and names
(their *signature*, weighted by rarity over all mentions).

- A mention of a date joins a group of that date. A report (an article date) joins a group
  of that day or of the :data:`LOOK_BACK` days before it, so an outlet that reports a fire
  a day later still joins the fire.
- It joins the group most of whose members it resembles (:data:`MAJORITY` of a sample), not
  a group one member of which it resembles: resemblance does not chain, so one week of
  New Year's Eve stories does not become one event.
- Events whose members share the same rare names and words over a few days are one story
  (:func:`stories`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

MERGE = 0.3  # share of the smaller signature's weight two mentions must share to be alike
MIN_SHARED = 2  # ... in at least this many features
CANDIDATE_KEYS = 6  # rarest features of a mention through which it finds groups to join
INDEXED_KEYS = 12  # rarest features of its members by which a group is found
CANDIDATE_GROUPS = 4  # groups (most keys in common first) a mention is compared with
SAMPLE = 6  # members of a group a mention is compared with, from each end
MAJORITY = 0.6  # share of those it must resemble to join
BIG_GROUP = 160  # ... rising to all of them for a group of this many members
LOOK_BACK = 2  # days before its own date in which a report finds its happening
STORY_DAYS = 10  # events at most this far apart can be one story
STORY_SHARE = 0.35  # share of the smaller event's core weight two events must share
CORE_SHARE = 0.4  # a feature of this share of an event's articles is part of its core
SAME_DAY_SHARE = 0.5  # groups of one day sharing this much of their cores are one happening


class Grouper:
    """Joins mentions into happenings; ``weight`` is each feature's rarity."""

    def __init__(self, weight: dict[str, float]) -> None:
        self.weight = weight
        self._totals: dict[frozenset[str], float] = {}
        self.groups: list[list[Any]] = []
        self._days: list[str] = []
        self._by_feature: dict[str, list[int]] = {}
        self._article_group: dict[tuple[str, str], int] = {}
        self._keys: dict[frozenset[str], list[str]] = {}
        self._indexed: dict[frozenset[str], list[str]] = {}
        self._useful: dict[frozenset[str], frozenset[str]] = {}
        self._by_wording: dict[str, list[int]] = {}

    def total(self, signature: frozenset[str]) -> float:
        value = self._totals.get(signature)
        if value is None:
            w = self.weight
            value = self._totals[signature] = math.fsum(w.get(f, 0.0) for f in signature)
        return value

    def indexed(self, m: Any) -> list[str]:
        """The features a group is found by once ``m`` is in it: more than a mention looks
        with, so that two reports that word it differently still meet."""
        found = self._indexed.get(m.signature)
        if found is None:
            found = self._indexed[m.signature] = rarest(m.signature, self.weight, INDEXED_KEYS)
        return found

    def keys(self, m: Any) -> list[str]:
        """The rarest features of a mention: the groups it may join share one of them."""
        found = self._keys.get(m.signature)
        if found is None:
            found = self._keys[m.signature] = rarest(m.signature, self.weight)
        return found

    def useful(self, signature: frozenset[str]) -> frozenset[str]:
        """The features of a signature that carry weight (cached)."""
        found = self._useful.get(signature)
        if found is None:
            w = self.weight
            found = self._useful[signature] = frozenset(f for f in signature if w.get(f, 0.0) > 0)
        return found

    def similar(self, a: Any, b: Any) -> bool:
        if a.article is b.article:
            return True  # one article, one date: one happening
        shared = self.useful(a.signature) & self.useful(b.signature)
        if len(shared) < MIN_SHARED:
            return False
        w = self.weight
        weight = math.fsum(w[f] for f in shared)  # (exact: the same in any order)
        return weight >= MERGE * min(self.total(a.signature), self.total(b.signature))

    def add(self, m: Any, day: str, days: Sequence[str] = ()) -> None:
        """Put ``m`` into the group it belongs to among the groups of ``day`` (and of
        ``days``, for a report), or into a new group of ``home`` (default ``day``)."""
        same_article = self._article_group.get((m.article.id, day))
        if same_article is not None:
            self._join(same_article, m)
            return
        allowed = {day, *days}
        wording = getattr(m, "wording", "")
        if wording:  # one agency text in several outlets: one happening
            for g in reversed(self._by_wording.get(wording, ())):
                if self._days[g] in allowed:
                    self._join(g, m)
                    return
        hits: Counter[int] = Counter()
        for f in self.keys(m):
            for g in self._by_feature.get(f, ()):
                if self._days[g] in allowed:
                    hits[g] += 1
        best: tuple[float, int, int] | None = None
        # most keys in common first, then the newest group (the happening still reported)
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], -kv[0]))
        for g, _ in ranked[:CANDIDATE_GROUPS]:
            members = self.groups[g]
            sample = members if len(members) <= 2 * SAMPLE else members[:SAMPLE] + members[-SAMPLE:]
            alike = sum(1 for o in sample if self.similar(m, o))
            share = alike / len(sample)
            # a big group asks more: one story's day is many happenings of the same names
            need = MAJORITY + (1 - MAJORITY) * min(1.0, len(members) / BIG_GROUP)
            if share >= need and (best is None or (share, alike, -g) > best):
                best = (share, alike, -g)
        if best is None:
            self.groups.append([])
            self._days.append(day)
            self._join(len(self.groups) - 1, m)
        else:
            self._join(-best[2], m)

    def _join(self, g: int, m: Any) -> None:
        self.groups[g].append(m)
        wording = getattr(m, "wording", "")
        if wording:
            found = self._by_wording.setdefault(wording, [])
            if g not in found:
                found.append(g)
        self._article_group.setdefault((m.article.id, self._days[g]), g)
        for f in self.indexed(m):
            ids = self._by_feature.setdefault(f, [])
            if not ids or ids[-1] != g:
                ids.append(g)

    def day_of(self, g: int) -> str:
        return self._days[g]


def rarest(features: Iterable[str], weight: dict[str, float], count: int = 0) -> list[str]:
    """The ``count`` (:data:`CANDIDATE_KEYS`) rarest features that carry weight."""
    useful = [f for f in features if weight.get(f, 0.0) > 0]
    return sorted(useful, key=lambda f: (-weight[f], f))[: count or CANDIDATE_KEYS]


def days_before(day: dt.date, count: int | None = None) -> list[str]:
    """The ISO days ``day - count … day - 1`` (:data:`LOOK_BACK` days)."""
    days = LOOK_BACK if count is None else count
    return [(day - dt.timedelta(days=n)).isoformat() for n in range(1, days + 1)]


def core(members: Sequence[Any], weight: dict[str, float]) -> dict[str, float]:
    """The rare features most of an event's articles share (names and words), with weights."""
    per_article: dict[str, set[str]] = {}
    for m in members:
        per_article.setdefault(m.article.id, set()).update(m.signature)
    counts: Counter[str] = Counter()
    for features in per_article.values():
        counts.update(features)
    need = max(min(2, len(per_article)), math.ceil(CORE_SHARE * len(per_article)))
    return {f: weight[f] for f, c in counts.items() if c >= need and weight.get(f, 0.0) > 0}


def stories(
    cores: Sequence[dict[str, float]],
    days: Sequence[dt.date | None],
    sizes: Sequence[int],
    apart: int = STORY_DAYS,
    share: float = STORY_SHARE,
) -> list[int]:
    """For each event, the index of the first event of its story. Two events are one story
    when they are at most ``apart`` days apart and share a name and ``share`` of the smaller
    core's weight; a story grows by events like most of its events, so it does not chain.
    (With ``apart=0`` and a high ``share``: groups of one day that are one happening.)"""
    order = sorted(range(len(cores)), key=lambda i: (days[i] or dt.date.max, -sizes[i], i))
    story_of = list(range(len(cores)))
    members: dict[int, list[int]] = {}
    by_feature: dict[str, list[int]] = {}
    totals = [math.fsum(c.values()) for c in cores]

    def alike(i: int, j: int) -> bool:
        di, dj = days[i], days[j]
        if di is None or dj is None or abs((di - dj).days) > apart:
            return False
        shared = cores[i].keys() & cores[j].keys()
        if not any(f.startswith("=") for f in shared) or len(shared) < MIN_SHARED:
            return False
        weight = math.fsum(cores[i][f] for f in shared)
        return weight >= share * min(totals[i], totals[j])

    for i in order:
        if days[i] is None or not cores[i]:
            continue
        keys = rarest(cores[i], cores[i])
        candidates: Counter[int] = Counter()
        for f in keys:
            for s in by_feature.get(f, ()):
                candidates[s] += 1
        chosen = None
        for s, _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATE_GROUPS]:
            group = members[s]
            if sum(1 for j in group if alike(i, j)) / len(group) >= MAJORITY:
                chosen = s
                break
        if chosen is None:
            chosen = i
            members[i] = []
        members[chosen].append(i)
        story_of[i] = chosen
        for f in keys:
            ids = by_feature.setdefault(f, [])
            if not ids or ids[-1] != chosen:
                ids.append(chosen)
    return story_of


def wording_of(title: str) -> str:
    """A headline as several outlets print one agency text: lower case, letters and digits
    only, without the kicker before its last colon ("Bahn: Stromausfall: S-Bahnen …" and
    "Stromausfall: S-Bahnen …" alike); empty for a headline too short to tell."""
    _, sep, rest = title.rpartition(":")
    text = rest if sep and len(rest.strip()) >= 25 else title
    words = _ALNUM.findall(text.lower())
    return " ".join(words) if len(words) >= 4 else ""


_ALNUM = re.compile(r"[^\W_]+")
