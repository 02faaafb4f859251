"""Weighted bags of words that match across compounds and paraphrases, and their comparison.

A :class:`Bag` holds the stems of a text with their weights (inverse document frequency)
and, per stem, the *features* it can match on:

* the stem itself (credit 1);
* the head of a compound, when that head is a word on its own (credit :data:`HEAD_CREDIT`):
  "zweistündigen" also offers "Stunden", "Sicherheitsgarantien" also offers "Garantien",
  since the stemmer does not split compounds;
* its word group (credit :data:`GROUP_CREDIT`), see :mod:`reader.analysis.word_groups`:
  "Telefonat" and "Videogespräch" meet on the group "gespräch";
* its first :data:`PREFIX` letters (credit :data:`PREFIX_CREDIT`), for verb forms the
  stemmer keeps apart ("reagierte" → "reagiert", "reagieren" → "reagi").

:func:`compare` intersects the features of two bags (a set operation) and credits each word
with its best match, so a word that matches both exactly and through its group counts once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.analysis.word_groups import group_of

MIN_HEAD = 4  # shortest compound head that counts ("stund", "garanti"; not "ung")
MIN_MODIFIER = 3  # shortest first part of a compound ("vid" in "videogesprach")
HEAD_CREDIT = 0.75  # a compound meeting its head is weaker evidence than the same word
GROUP_CREDIT = 0.6  # two words of one group ("Telefonat", "Videogespräch") weaker still
PREFIX = 7  # long words also match on their first letters ("reagierte" ~ "reagieren") ...
PREFIX_CREDIT = 0.5  # ... as weak evidence: the stemmer leaves some verb forms apart


def compound_head(stem: str, is_word: Callable[[str], bool]) -> str | None:
    """The longest ending of ``stem`` that is a word on its own, leaving a first part of at
    least :data:`MIN_MODIFIER` letters; ``None`` when there is none."""
    for cut in range(MIN_MODIFIER, len(stem) - MIN_HEAD + 1):
        tail = stem[cut:]
        if tail[0] in "-'’":
            continue
        if is_word(tail):
            return tail
    return None


@dataclass(slots=True)
class Bag:
    """Stems with weights, and the features they match on: feature → [(stem, credit)]."""

    words: dict[str, float] = field(default_factory=dict)
    features: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    norm: float = 0.0

    def __bool__(self) -> bool:
        return self.norm > 0


def make_bag(
    stems: Iterable[tuple[str, str]],
    weight: Callable[[str], float],
    head: Callable[[str], str | None],
) -> Bag:
    """The bag of ``(stem, word)`` pairs (repeated stems ignored); ``head(stem)`` names a
    compound's head."""
    bag = Bag()
    for stem, word in stems:
        if stem in bag.words:
            continue
        w = weight(stem)
        if w <= 0:
            continue
        bag.words[stem] = w
        bag.norm += w
        bag.features.setdefault(stem, []).append((stem, 1.0))
        h = head(stem)
        if h is not None:
            bag.features.setdefault(h, []).append((stem, HEAD_CREDIT))
        g = group_of(stem)
        if g is not None:
            bag.features.setdefault("@" + g, []).append((stem, GROUP_CREDIT))
        if len(word) > PREFIX and stem[0] != "#":
            bag.features.setdefault("~" + word[:PREFIX].lower(), []).append((stem, PREFIX_CREDIT))
    return bag


@dataclass(slots=True)
class Match:
    """How two bags meet: ``cosine`` in [0, 1], ``evidence`` (about one per shared rare
    word), and per word of ``a`` the word of ``b`` it matched with its credit."""

    cosine: float
    evidence: float
    pairs: dict[str, tuple[str, float]]


NO_MATCH = Match(0.0, 0.0, {})


def compare(a: Bag, b: Bag, rarity: Callable[[float], float]) -> Match:
    """Weighted overlap of ``a`` and ``b``; ``rarity(weight)`` in [0, 1] says how much a
    shared word of that weight counts as evidence."""
    if not a or not b:
        return NO_MATCH
    shared = a.features.keys() & b.features.keys()
    if not shared:
        return NO_MATCH
    cover_a: dict[str, float] = {}
    cover_b: dict[str, float] = {}
    pairs: dict[str, tuple[str, float]] = {}
    for f in sorted(shared):  # a fixed order: ties and float sums agree between runs
        for wa, ca in a.features[f]:
            for wb, cb in b.features[f]:
                c = ca if ca < cb else cb
                if ca == cb == HEAD_CREDIT:
                    c = HEAD_CREDIT * HEAD_CREDIT  # two compounds with one head: "-zeit"
                if c > cover_a.get(wa, 0.0):
                    cover_a[wa] = c
                    pairs[wa] = (wb, c)
                if c > cover_b.get(wb, 0.0):
                    cover_b[wb] = c
    ma = math.fsum(c * a.words[w] for w, c in cover_a.items())
    mb = math.fsum(c * b.words[w] for w, c in cover_b.items())
    cosine = min(1.0, (ma + mb) / 2 / math.sqrt(a.norm * b.norm))
    evidence = (
        math.fsum(c * rarity(a.words[w]) for w, c in cover_a.items())
        + math.fsum(c * rarity(b.words[w]) for w, c in cover_b.items())
    ) / 2
    return Match(cosine, evidence, pairs)
