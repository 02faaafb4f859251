"""Passage words as the index sees them, fast.

:func:`terms` and :func:`words` give the same stems as the index's German analyzer
(``GERMAN`` in ``reader.search.schema``: lowercase, stop words, Snowball stems), less a few
more function words (:data:`EXTRA_STOPS`), with about a tenth of its overhead, because
related-passage ranking and the timeline analyse thousands of passages.
:func:`quantities` turns counted facts into tokens, :func:`sentence_bounds` splits a
passage into sentences, and :func:`strip_teaser` removes a "Mehr zum Thema -" prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reader.analysis.tokens import sentences, tokenize
from reader.search.schema import GERMAN

# Lines that only point to another article ("Mehr zum Thema - …"): their words say nothing
# about this article's content, so they are left out of its terms.
TEASER_PREFIX = re.compile(
    r"^\s*(?:Mehr zum Thema|Lesen Sie (?:auch|mehr)|Lesen Sie hier|Weiterlesen|Auch interessant|"
    r"Das könnte Sie (?:auch )?interessieren|Siehe auch|Zum Thema|Mehr dazu|Mehr lesen|"
    r"Lesetipp|Anzeige|Video|Podcast|Liveblog|Live-Ticker|Ticker)\s*[-–—:|]\s*",
    re.IGNORECASE,
)


def _analyzer_parts() -> tuple[re.Pattern[str], frozenset[str], int, Callable[[str], str]]:
    """The tokenizer pattern, stop words, minimum length and stemmer of ``GERMAN``."""
    pattern, minsize, stem = None, 2, None
    stops: frozenset[str] = frozenset()
    for item in GERMAN.items:
        name = type(item).__name__
        if name == "RegexTokenizer":
            pattern = item.expression
        elif name == "StopFilter":
            stops, minsize = frozenset(item.stops), item.min
        elif name == "StemFilter":
            from whoosh.lang import stemmer_for_language

            stem = stemmer_for_language(item.lang) if item.lang else item.stemfn
    if pattern is None or stem is None:
        raise RuntimeError("the index analyzer changed shape: update passage_terms")
    return pattern, stops, minsize, stem


_PATTERN, _STOPS, _MINSIZE, _STEM = _analyzer_parts()
# Function words the index's stop list lacks (it has "daß" but not "dass"): they would only
# ever make unrelated passages look alike.
EXTRA_STOPS = frozenset(
    (
        "dass",
        "beim",
        "sei",
        "seien",
        "wurde",
        "wurden",
        "worden",
        "zudem",
        "sowie",
        "bereits",
        "laut",
        "sagte",
        "sagt",
        "erklärte",
        "hieß",
        "heißt",
        "jedoch",
        "denen",
        "deren",
        "dabei",
        "mehr",
        "gibt",
        "gab",
        "habe",
        "hätte",
        "hätten",
        "wäre",
        "wären",
    )
)
_STOPS = _STOPS | EXTRA_STOPS
_stem = lru_cache(maxsize=200_000)(_STEM)


# Paywall and section labels glued to headlines ("Z+ (abopflichtiger Inhalt); …",
# "SZ Plus…", "FAZ+…", "MeinungHauck & Bauer:…"): the same words on hundreds of unrelated
# items, so they are left out too.
LABEL_PREFIX = re.compile(
    r"^\s*(?:Z\+\s*\(abopflichtiger Inhalt\);?|SZ\s?Plus|FAZ\+|F\+|WELTplus|SPIEGEL\+|"
    r"BILDplus|Meinung(?=[A-ZÄÖÜ]))\s*"
)


def strip_teaser(text: str) -> tuple[str, bool]:
    """``text`` without a leading "Mehr zum Thema -" style prefix (and whether it had one)
    and without paywall or section labels."""
    label = LABEL_PREFIX.match(text)
    if label:
        text = text[label.end() :]
    m = TEASER_PREFIX.match(text)
    return (text[m.end() :], True) if m else (text, False)


def words(text: str) -> list[tuple[str, int, int]]:
    """``(stem, start, end)`` for every indexable word of ``text``."""
    out = []
    for m in _PATTERN.finditer(text):
        low = m.group().lower()
        if len(low) < _MINSIZE or low in _STOPS:
            continue
        out.append((_stem(low), m.start(), m.end()))
    return out


def terms(text: str) -> dict[str, int]:
    """Stem → count, as the index's ``text`` field would store it."""
    counts: dict[str, int] = {}
    for m in _PATTERN.finditer(text):
        low = m.group().lower()
        if len(low) < _MINSIZE or low in _STOPS:
            continue
        s = _stem(low)
        counts[s] = counts.get(s, 0) + 1
    return counts


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text``."""
    return [(sent[0].start, sent[-1].end) for sent in sentences(tokenize(text)) if sent]


_NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "einen": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "tausend": 1000,
}
_UNITS = {
    "stunde": "h",
    "stunden": "h",
    "stündig": "h",
    "minute": "min",
    "minuten": "min",
    "minütig": "min",
    "tag": "d",
    "tage": "d",
    "tagen": "d",
    "tägig": "d",
    "woche": "w",
    "wochen": "w",
    "wöchig": "w",
    "monat": "mon",
    "monate": "mon",
    "monaten": "mon",
    "monatig": "mon",
    "jahr": "y",
    "jahre": "y",
    "jahren": "y",
    "jährig": "y",
    "tote": "dead",
    "toten": "dead",
    "todesopfer": "dead",
    "verletzte": "hurt",
    "verletzten": "hurt",
    "prozent": "%",
    "euro": "eur",
    "millionen": "mio",
    "milliarden": "mrd",
    "kilometer": "km",
    "grad": "deg",
}
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_UNIT = "|".join(sorted((u for u in _UNITS if not u.endswith(("ig",))), key=len, reverse=True))
_ADJ = "stündig|minütig|tägig|wöchig|monatig|jährig"
QUANTITY = re.compile(
    rf"\b(?:(?P<n>{_NUMBER})\s+(?P<u>{_UNIT})\b|(?P<n2>{_NUMBER})-?(?P<u2>{_ADJ})\w*)",
    re.IGNORECASE,
)


def quantities(text: str) -> list[tuple[str, int, int]]:
    """Counted facts as tokens: "zweistündigen", "zwei Stunden", "2 Stunden" → ``#2h``;
    "40 Tote" → ``#40dead``. Outlets that report the same thing agree on these."""
    out = []
    for m in QUANTITY.finditer(text):
        number = (m.group("n") or m.group("n2")).lower()
        unit = _UNITS[(m.group("u") or m.group("u2")).lower()]
        value = _NUMBER_WORDS.get(number)
        shown = number.replace(",", ".") if value is None else str(value)
        out.append((f"#{shown}{unit}", m.start(), m.end()))
    return out
