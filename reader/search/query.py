"""Queries: the Whoosh query language, checked first so mistakes get a message, and passage
hits with the character offsets of every matched word."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from whoosh.qparser import FuzzyTermPlugin, QueryParser
from whoosh.query import AndNot, Not, NullQuery, NumericRange, Or, Query, Term, TermRange
from whoosh.searching import Searcher
from whoosh.util.times import long_to_datetime

from reader.corpus.model import Article, Passage, When
from reader.search.repeats import Repeat, find_repeats, fold_hits
from reader.search.schema import DATE_FORMAT, GERMAN, QUERY_FIELDS, query_schema

FRAGMENT_RADIUS = 70
MAX_FRAGMENTS = 3
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
PHRASE = "\x00"  # stands for a quoted phrase in the operator check
FIELD_PREFIX = re.compile(r"(?<![\w\"\\])([A-Za-z_]\w*):(?=\S)")


class QueryError(Exception):
    """A query that cannot be run; the message says what is wrong and where."""


def _parser() -> QueryParser:
    parser = QueryParser("text", query_schema())
    parser.add_plugin(FuzzyTermPlugin())
    return parser


_PARSER: QueryParser | None = None


def parse_query(text: str) -> Query:
    """Check and parse ``text``; raises :class:`QueryError` with a readable reason."""
    global _PARSER
    check_syntax(text)
    if _PARSER is None:
        _PARSER = _parser()
    _check_dates(text, _PARSER)
    try:
        query = _PARSER.parse(text)
    except Exception as exc:  # Whoosh reports bad dates and ranges as plain Exceptions
        raise QueryError(f"cannot read the query: {exc}") from None
    if query is NullQuery:
        raise QueryError("nothing left to search: the query has only stop words or operators")
    return query.accept(_date_terms)


DATE_CONDITION = re.compile(r"(?<![\w\"])date:(\[[^\]]*[\]}]|\{[^}]*[\]}]|[^\s()]+)")
DATE_LITERAL = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?(?:[ T]\d{1,2}(?::\d{2}){0,2})?")
"""A date as the query language writes it: a four-digit year, then month, day, time."""
RANGE_ENDS = re.compile(r"^[\[{](.*?)\s*\bTO\b\s*(.*?)[\]}]$|^[\[{](.*?)[\]}]$", re.DOTALL)
HOW_TO_DATE = (
    "write date:2021, date:2021-12 or date:2021-12-07, or a range such as "
    "date:[2021-12-01 TO 2021-12-31] (an empty end leaves it open)"
)
MAX_DEPTH = 100
"""Parentheses nest at most this deep (Whoosh parses them recursively)."""
MAX_WORD = 200
"""A query word is at most this long (Whoosh's tagger is quadratic in a word's length; no
German word comes near it)."""


def _check_dates(text: str, parser: QueryParser) -> None:
    """Whoosh drops a ``date:`` condition it cannot read (``date:gestern``), and the query
    then finds more than was asked for: say so instead."""
    outside_quotes = re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), text)
    for match in DATE_CONDITION.finditer(outside_quotes):
        _check_date_literals(match)
        try:
            alone = parser.parse(match.group(0))
        except Exception:
            alone = NullQuery
        if not isinstance(alone, NumericRange | TermRange):
            raise QueryError(
                f"'{match.group(0)}' at column {match.start() + 1} is not a date: {HOW_TO_DATE}"
            )


def _check_date_literals(match: re.Match[str]) -> None:
    """Each date of a ``date:`` condition (both ends of a range) is a four-digit year,
    optionally with month and day; one end of a range may be left open."""
    value = match.group(1)
    ends = RANGE_ENDS.match(value)
    if ends is None:
        literals = [value]
    elif ends.group(3) is not None:
        literals = [ends.group(3).strip()]
    else:
        literals = [ends.group(1).strip(), ends.group(2).strip()]
    for literal in literals:
        if (ends is not None and literal == "") or DATE_LITERAL.fullmatch(literal):
            continue
        raise QueryError(
            f"'{literal}' in '{match.group(0)}' at column {match.start() + 1} is not a date: "
            + HOW_TO_DATE
        )


def _date_terms(sub: Query) -> Query:
    """The parser's numeric date ranges as ranges over the indexed date strings."""
    if isinstance(sub, NumericRange) and sub.fieldname == "date":

        def text(value: int | None) -> str | None:
            return None if value is None else long_to_datetime(value).strftime(DATE_FORMAT)

        return TermRange(
            "date",
            text(sub.start),
            text(sub.end),
            startexcl=sub.startexcl,
            endexcl=sub.endexcl,
            boost=sub.boost,
        )
    return sub


def check_syntax(text: str) -> None:
    """Catch what Whoosh would silently swallow: unbalanced quotes and brackets, unknown
    fields, dangling operators."""
    if not text.strip():
        raise QueryError("empty query")
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    in_quote: int | None = None
    outside: list[str] = []
    for i, ch in enumerate(text):
        if ch == '"':
            # A phrase is one operand: its opening quote stands for it, so the operator
            # check below sees `"rote Linie" AND Polizei` as `<phrase> AND Polizei`.
            outside.append(PHRASE if in_quote is None else " ")
            in_quote = None if in_quote is not None else i
            continue
        if in_quote is not None:
            outside.append(" ")
            continue
        outside.append(ch)
        if ch in "([{":
            stack.append((ch, i))
        elif ch in ")]}":
            if ch == "]" and stack and stack[-1][0] == "{":
                stack.pop()  # Whoosh accepts [a TO b} style open ranges
                continue
            if ch == "}" and stack and stack[-1][0] == "[":
                stack.pop()
                continue
            if not stack or stack[-1][0] != pairs[ch]:
                raise QueryError(f"unexpected '{ch}' at column {i + 1}")
            stack.pop()
        if len(stack) > MAX_DEPTH:
            raise QueryError(f"the parentheses at column {i + 1} nest more than {MAX_DEPTH} deep")
    if in_quote is not None:
        raise QueryError(f'unclosed quote: the " at column {in_quote + 1} has no partner')
    if stack:
        ch, i = stack[-1]
        raise QueryError(f"unclosed '{ch}' at column {i + 1}")
    bare = "".join(outside)
    long_word = re.search(rf"[^\s()]{{{MAX_WORD + 1},}}", bare)
    if long_word:
        raise QueryError(
            f"the word at column {long_word.start() + 1} is {len(long_word.group(0)):,} "
            f"characters long; a query word has at most {MAX_WORD}"
        )
    for match in FIELD_PREFIX.finditer(bare):
        name = match.group(1)
        if name not in QUERY_FIELDS:
            known = ", ".join(QUERY_FIELDS)
            raise QueryError(
                f"unknown field '{name}:' at column {match.start() + 1} (fields: {known})"
            )
    words = bare.replace("(", " ").replace(")", " ").split()
    if words and words[-1] in OPERATORS:
        raise QueryError(f"'{words[-1]}' at the end of the query needs something after it")
    if words and words[0] in OPERATORS - {"NOT"}:
        raise QueryError(f"'{words[0]}' at the start of the query needs something before it")
    for a, b in itertools.pairwise(words):
        if a in OPERATORS and (b in OPERATORS - {"NOT"} or a == b == "NOT"):
            raise QueryError(f"'{a} {b}': two operators in a row")


def join_title(query: Query, searcher: Searcher) -> Query:
    """Replace each ``title:`` condition by the articles whose headline matches it, so the
    condition holds for every passage of those articles."""

    def rewrite(sub: Query) -> Query:
        if sub.is_leaf() and getattr(sub, "fieldname", None) == "title":
            ids = sorted({searcher.stored_fields(d)["article"] for d in sub.docs(searcher)})
            if not ids:
                return NullQuery
            return Or([Term("article", aid) for aid in ids], boost=sub.boost)
        return sub

    return query.accept(rewrite)


def positive(query: Query) -> Query:
    """``query`` without what it excludes (``NOT x``, the right side of ``ANDNOT``): the
    words a hit is marked for."""
    if isinstance(query, Not):
        return NullQuery
    if isinstance(query, AndNot):
        return positive(query.a)
    return query if query.is_leaf() else query.apply(positive)


def query_terms(query: Query, searcher: Searcher) -> dict[str, set[str]]:
    """The indexed terms the query matches, by field (prefix and fuzzy terms expanded: for a
    fuzzy term that is a scan of the vocabulary, so do it once per query); excluded terms
    are not among them."""
    query = positive(query)
    terms: dict[str, set[str]] = {}
    try:
        found = query.existing_terms(searcher.reader(), expand=True)
    except Exception:
        found = query.all_terms()
    for fname, text in found:
        value = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        terms.setdefault(fname, set()).add(value)
    return terms


def match_offsets(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character offsets of the words of ``text`` whose analysed form is in ``terms``."""
    if not terms:
        return []
    return [
        (tok.startchar, tok.endchar)
        for tok in GERMAN(text, chars=True, mode="index")
        if tok.text in terms
    ]


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int
    end: int
    text: str
    matches: list[tuple[int, int]]

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "matches": [list(m) for m in self.matches],
        }


def fragments(text: str, matches: list[tuple[int, int]]) -> list[Fragment]:
    """Windows of text around the matches (whole passage when it is short)."""
    if not matches:  # a hit by another field (title:, source:): the passage's opening words
        end = len(text)
        if end > 2 * FRAGMENT_RADIUS:
            end = text.rfind(" ", 0, 2 * FRAGMENT_RADIUS + 1)
            end = end if end > 0 else 2 * FRAGMENT_RADIUS
        return [Fragment(0, end, text[:end], [])]
    windows: list[list[int]] = []
    for s, e in matches:
        lo, hi = max(0, s - FRAGMENT_RADIUS), min(len(text), e + FRAGMENT_RADIUS)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    result = []
    for lo, hi in windows[:MAX_FRAGMENTS]:
        lo = _word_edge(text, lo, -1)
        hi = _word_edge(text, hi, +1)
        inside = [(s, e) for s, e in matches if s >= lo and e <= hi]
        result.append(Fragment(lo, hi, text[lo:hi], inside))
    return result


def merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with overlapping ones joined and those apart only by spaces (the
    words of a phrase, a name's parts) joined too: each run of marked words is one mark."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip(" ")):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _word_edge(text: str, pos: int, direction: int) -> int:
    """Move ``pos`` outwards to a word boundary so fragments don't cut words."""
    if direction < 0:
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
    else:
        while pos < len(text) and not text[pos].isspace():
            pos += 1
    return pos


@dataclass(slots=True)
class Hit:
    article: Article
    passage: Passage
    score: float
    matches: list[tuple[int, int]]
    fragments: list[Fragment] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        a, p = self.article, self.passage
        return {
            "passage_id": p.id,
            "article_id": a.id,
            "passage": p.index,
            "title": a.title,
            "source": a.source,
            "date": a.date.to_json() if a.date else None,
            "score": round(self.score, 4),
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "matches": [list(m) for m in self.matches],
            "fragments": [f.to_json() for f in self.fragments],
        }


@dataclass(slots=True)
class SearchResult:
    """``terms`` are the indexed ``text`` terms the query matched (prefix and fuzzy
    expanded) and ``names`` the ``entity`` values: enough to highlight any passage."""

    query: str
    total: int
    hits: list[Hit]
    terms: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    """What the reader should know about how the query was read (an ambiguous or unknown
    entity name)."""
    folded: dict[str, list[str]] = field(default_factory=dict)
    """Passage id of a hit → the hits on the same passage of other showings of the same
    item, left out of ``hits`` (:mod:`reader.search.repeats`)."""
    repeats: dict[str, Repeat] = field(default_factory=dict)
    """Article id of a hit → its item's showings, for hits on an item shown repeatedly."""

    def to_json(self) -> dict[str, Any]:
        hits = []
        for hit in self.hits:
            data = hit.to_json()
            if hit.article.id in self.repeats:
                data["repeats"] = self.repeats[hit.article.id].to_json()
            if hit.passage.id in self.folded:
                data["folded"] = self.folded[hit.passage.id]
            hits.append(data)
        out: dict[str, Any] = {"query": self.query, "total": self.total, "hits": hits}
        if self.notes:
            out["notes"] = self.notes
        return out


def fold_repeats(result: SearchResult, showings: list[tuple[str, str, str, When | None]]) -> None:
    """Fold the hits on other showings of a repeated item into the best one (``showings``:
    the store's articles with the hits' headlines)."""
    repeats = find_repeats(showings)
    if not repeats:
        return
    kept = fold_hits(result.hits, repeats, lambda h: (h.article.id, h.passage.index))
    result.hits = [hit for hit, _ in kept]
    result.folded = {hit.passage.id: [f.passage.id for f in more] for hit, more in kept if more}
    result.repeats = {
        h.article.id: repeats[h.article.id] for h in result.hits if h.article.id in repeats
    }
