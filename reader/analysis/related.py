"""Related passages: where other articles report the same thing, even in other words.

:func:`related` ranks passages of OTHER articles for one passage, other sources first. It
takes candidates from the index (BM25 on the passage's key terms, compound heads and
entities), then scores each candidate in ``[0, 1]`` from three kinds of evidence:

* ``text``: the rare words both passages share, weighted by inverse document frequency, with
  a compound counting as its head ("Sicherheitsgarantien" ~ "Garantien"), normalised by
  both passages' weight and damped when the shared evidence is thin (two short headlines
  that share one word are not "the same thing");
* ``entities``: shared canonical names (PER/LOC/ORG), weighted by how rare they are;
* ``dates``: shared resolved dates, by precision (the same day counts, the same year barely).

Entities and dates only ever strengthen text evidence (they corroborate; two passages that
merely name Putin on the same day are not related). Passages scoring below
:data:`THRESHOLD` are left out, so a boilerplate line ("Mehr zum Thema - …") or a teaser
that shares a word or two links to nothing.

Results are cached in memory per library and in the store (kind ``related:p<N>`` of the
passage's article), both keyed by :func:`reader.analysis.index_version.index_version`.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis.index_version import index_version
from reader.analysis.passage_terms import (
    quantities,
    sentence_bounds,
    strip_teaser,
    terms,
    words,
)
from reader.analysis.related_model import Related
from reader.analysis.word_bags import (
    GROUP_CREDIT,
    Bag,
    Match,
    compare,
    compound_head,
    make_bag,
)
from reader.corpus.model import When, passage_id, split_passage_id
from reader.search.live_counts import live_doc_frequency

if TYPE_CHECKING:
    from reader.library import Library

RELATED_FORMAT = 1  # bump when scores change, so cached results in stores are recomputed
VOCABULARY_KEY = "related_vocabulary"  # store meta: the lexicon's compound heads, by version
THRESHOLD = 0.09  # below this, a candidate is noise (see bench/bench_links.py)
CANDIDATES = 40  # passages rescored per passage
KEY_TERMS = 12  # words of the passage whose postings give the candidates
KEEP = 30  # results computed (and cached) per passage; ``limit`` slices them
COMMON_SHARE = 0.01  # words in more than this share of passages give no candidates
MIN_CAP = 50  # (in a small corpus, words in up to this many passages still do)
MAX_COMPOUNDS = 8  # compounds of a key word ("zweistündig" for "Stunden") also give some
EVIDENCE_SCALE = 1.0  # shared rare words (1 = a word found in just the two passages) at
# which the text evidence is believed half (see confidence())
COMMON = 0.25  # words in a quarter of all passages count as no evidence
MIN_COMMON = 5  # (however few passages there are: in ten, a word in three is still rare)
ENTITY_SHARE = 0.25  # how much of the gap left by the text shared entities can close
DATE_SHARE = 0.25  # ... and shared dates
TEXT_FOR_BONUS = 0.2  # text score from which corroboration counts in full
SENTENCE_SHARE = 0.8  # a matching pair of sentence windows counts this much of a passage
MIN_SHARED_WORDS = 2  # one shared word, however rare, is a coincidence, not a report
INFORMATIVE = 0.25  # rarity from which a shared word counts towards MIN_SHARED_WORDS
QUANTITY_RARITY = 0.8  # how rare a counted fact ("zwei Stunden", "40 Tote") is taken to be
SAME_WEEK = 7  # days between two articles' dates that cost nothing ...
GAP_DAYS = 30  # ... beyond it, the score falls by e every this many days
WINDOW = 2  # sentences per window (a statement and the sentence that goes on with it)
DATE_WEIGHT = {"minute": 1.0, "day": 1.0, "month": 0.3, "year": 0.1}
MEMORY_CACHE = 2048  # passages


class UnknownPassage(LookupError):
    """No passage with that id in the library."""


# --- features of a passage ------------------------------------------------------------------


@dataclass(slots=True)
class Features:
    """What scoring needs of one passage: its words as one bag, and per window of
    :data:`WINDOW` sentences when it is longer than that."""

    pid: str
    article_id: str
    source: str
    terms: dict[str, int]
    forms: dict[str, str]
    bag: Bag
    sentences: list[Bag]
    entities: set[str] = field(default_factory=set)
    dates: dict[str, str] = field(default_factory=dict)  # date key → precision
    teaser: bool = False
    headline: bool = False
    date: When | None = None  # the article's


def source_key(source: str, article_id: str) -> str:
    """Articles of an unknown source count as sources of their own."""
    s = source.strip().lower()
    return s if s and s != "unknown" else f"article:{article_id}"


def date_keys(value: dict[str, Any]) -> dict[str, str]:
    """Keys under which a resolved date (JSON of a ``When``) matches others: its own value,
    and its day when it is a time on that day."""
    iso, precision = value["value"], value["precision"]
    if value.get("weekday") is not None and precision == "month":
        return {f"{iso}/wd{value['weekday']}": "month"}
    keys = {iso: precision}
    if precision == "minute":
        keys[iso[:10]] = "day"
    return keys


def spans_by_passage(
    analysis: dict[str, Any] | None, bounds: list[tuple[int, int]]
) -> list[tuple[set[str], dict[str, str]]]:
    """Per passage: canonical entity names and date keys, from a stored analysis (JSON)."""
    out: list[tuple[set[str], dict[str, str]]] = [(set(), {}) for _ in bounds]
    if not analysis:
        return out
    starts = [s for s, _ in bounds]

    def where(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    for span in analysis.get("entities", ()):
        i = where(span["start"])
        if span["end"] <= bounds[i][1]:
            out[i][0].add(str(span.get("canonical") or span["text"]))
    for span in analysis.get("dates", ()):
        value = span.get("value")
        if not value:
            continue
        i = where(span["start"])
        if span["end"] <= bounds[i][1]:
            out[i][1].update(date_keys(value))
    return out


# --- the finder -----------------------------------------------------------------------------


class RelatedFinder:
    """Related passages for one library; thread-safe; results cached per index version."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._lock = threading.RLock()
        self._version = ""
        self._results: OrderedDict[str, list[Related]] = OrderedDict()
        self._features: OrderedDict[str, Features] = OrderedDict()
        self._spans: OrderedDict[str, list[tuple[set[str], dict[str, str]]]] = OrderedDict()
        self._idf: dict[tuple[str, str], float] = {}
        self._heads: dict[str, str | None] = {}
        self._dfs: dict[tuple[str, str], int] = {}
        self._vocabulary: set[str] | None = None
        self._compounds: dict[str, list[str]] = {}
        self._n_docs = 1
        self._searcher: Any = None

    # cache handling ---------------------------------------------------------------------
    def _sync(self) -> None:
        """Drop every cache when the index changed since the last call."""
        version = index_version(self.library)
        if version != self._version:
            self._version = version
            self._results.clear()
            self._features.clear()
            self._spans.clear()
            self._reset_terms()
            self._searcher = None

    def _search(self) -> Any:
        searcher = self.library.searcher()
        if searcher is not self._searcher:  # reopened by the library: idf may differ
            self._searcher = searcher
            self._reset_terms()
            self._features.clear()
            # counts of live documents only: Whoosh keeps deleted ones (rewritten by the
            # analysis) until their segments merge, which a later write may or may not do
            self._n_docs = max(1, searcher.doc_count())
        return searcher

    def _reset_terms(self) -> None:
        self._idf.clear()
        self._heads.clear()
        self._dfs.clear()
        self._vocabulary = None
        self._compounds = {}

    def idf(self, fieldname: str, term: str) -> float:
        key = (fieldname, term)
        value = self._idf.get(key)
        if value is None:
            value = math.log(self._n_docs / (self._df(fieldname, term) + 1)) + 1.0
            self._idf[key] = value
        return value

    def weight(self, stem: str) -> float:
        if stem.startswith("#"):  # a counted fact ("#2h"): not in the index, fairly rare
            return QUANTITY_RARITY * self.pair_idf() + (1 - QUANTITY_RARITY) * self.common_idf()
        return self.idf("text", stem)

    def vocabulary(self) -> set[str]:
        """Every word of the index (one pass over the lexicon beats a lookup per ending),
        and per word the compounds that end with it ("stund" → "zweistund")."""
        if self._vocabulary is None:
            heads = self._stored_heads()
            if heads is None:
                words = {t.decode("utf-8") for t in self._searcher.reader().lexicon("text")}
                heads = {term: compound_head(term, words.__contains__) for term in sorted(words)}
                self._store_heads(heads)
            compounds: dict[str, list[str]] = {}
            for term, head in heads.items():  # sorted: the same compounds in every process
                if head is not None:
                    compounds.setdefault(head, []).append(term)
            self._heads.update(heads)
            self._vocabulary, self._compounds = set(heads), compounds
        return self._vocabulary

    def _stored_heads(self) -> dict[str, str | None] | None:
        """The vocabulary's compound heads as stored for this index version: one read
        instead of a scan of the whole lexicon (0.2 s on 13k articles) in every process."""
        with self.library.lock:
            raw = self.library.store.get_meta(VOCABULARY_KEY)
        if not raw:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("version") != self._version:
            return None
        heads = data.get("heads")
        return heads if isinstance(heads, dict) else None

    def _store_heads(self, heads: dict[str, str | None]) -> None:
        with self.library.lock:
            store = self.library.store
            store.set_meta(
                VOCABULARY_KEY,
                json.dumps(
                    {"version": self._version, "heads": heads},
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
            )
            store.commit()

    def head(self, stem: str) -> str | None:
        found = self._heads.get(stem, "")
        if found == "":
            found = self._heads[stem] = compound_head(stem, self.vocabulary().__contains__)
        return found

    def compounds(self, stem: str) -> list[str]:
        self.vocabulary()
        return self._compounds.get(stem, [])

    def bag(self, stems: Iterable[tuple[str, str]]) -> Bag:
        return make_bag(stems, self.weight, self.head)

    def rarity(self, idf: float) -> float:
        """0 for a word in a quarter of all passages or more, 1 for one in just two."""
        floor = self.common_idf()
        return min(1.0, max(0.0, (idf - floor) / max(1e-9, self.pair_idf() - floor)))

    def informative(self, match: Match, names: Iterable[str] = ()) -> int:
        """Distinct words of the other passage that rare words of this one matched; the
        words of one shared name ("Sachsen-Anhalt", "Las Vegas") count once."""
        found = {
            other
            for word, (other, credit) in match.pairs.items()
            if credit >= GROUP_CREDIT
            and max(self.rarity(self.weight(word)), self.rarity(self.weight(other))) >= INFORMATIVE
        }
        count = len(found)
        for name in names:
            parts = found & set(terms(name))
            if len(parts) > 1:
                count -= len(parts) - 1
                found -= parts
        return count

    def pair_idf(self) -> float:
        """The idf of a word found in two passages: the rarest a shared word can be."""
        return math.log(self._n_docs / 3) + 1.0

    def common_idf(self) -> float:
        """The idf of a word in :data:`COMMON` of all passages (and in a tiny corpus, in
        :data:`MIN_COMMON` passages): no evidence at all."""
        common = max(COMMON * self._n_docs, MIN_COMMON)
        return math.log(self._n_docs / (common + 1)) + 1.0

    # features ---------------------------------------------------------------------------
    def passage_features(self, article_id: str, index: int) -> Features | None:
        """Features of one passage (cached); ``None`` when there is no such passage."""
        pid = passage_id(article_id, index)
        cached = self._features.get(pid)
        if cached is not None:
            self._features.move_to_end(pid)
            return cached
        article = self.library.article(article_id)
        if article is None or not 0 <= index < len(article.passages):
            return None
        spans = self._spans.get(article_id)
        if spans is None:
            stored = self.library.stored_analysis(article_id)
            spans = spans_by_passage(stored, [(p.start, p.end) for p in article.passages])
            self._spans[article_id] = spans
            if len(self._spans) > MEMORY_CACHE:
                self._spans.popitem(last=False)
        ents, dates = spans[index]
        p = article.passages[index]
        text, teaser = strip_teaser(p.text)
        found = words(text) + quantities(text)
        windows = []
        bounds = sentence_bounds(text)
        if len(bounds) > WINDOW:  # else the whole passage is the one window
            for i in range(len(bounds) - WINDOW + 1):
                lo, hi = bounds[i][0], bounds[i + WINDOW - 1][1]
                windows.append(self.bag((w, text[s:e]) for w, s, e in found if lo <= s and e <= hi))
        counts: dict[str, int] = {}
        forms: dict[str, str] = {}
        for w, s, e in found:
            counts[w] = counts.get(w, 0) + 1
            forms.setdefault(w, text[s:e])
        feats = Features(
            pid,
            article.id,
            source_key(article.source, article.id),
            counts,
            forms,
            self.bag((w, text[s:e]) for w, s, e in found),
            windows,
            ents,
            dates,
            teaser,
            index == 0,
            article.date,
        )
        self._features[pid] = feats
        if len(self._features) > MEMORY_CACHE:
            self._features.popitem(last=False)
        return feats

    # public -----------------------------------------------------------------------------
    def find(self, pid: str, limit: int = 10) -> list[Related]:
        """Related passages of ``pid``, best first, other sources before the same source;
        raises :class:`UnknownPassage`."""
        with self._lock, self.library.lock:
            self._sync()
            self._search()
            cached = self._results.get(pid)
            if cached is None:
                cached = self._load_stored(pid)
            if cached is None:
                cached = self._compute(pid)
                self._save_stored(pid, cached)
            self._results[pid] = cached
            self._results.move_to_end(pid)
            if len(self._results) > MEMORY_CACHE:
                self._results.popitem(last=False)
            return cached[:limit]

    def _passage_features(self, pid: str) -> Features:
        try:
            article_id, index = split_passage_id(pid)
        except ValueError:
            raise UnknownPassage(pid) from None
        feats = self.passage_features(article_id, index)
        if feats is None:
            raise UnknownPassage(pid)
        return feats

    def _compute(self, pid: str) -> list[Related]:
        me = self._passage_features(pid)
        self._search()
        scored: list[Related] = []
        for article_id, index in self._candidates(me):
            feats = self.passage_features(article_id, index)
            if feats is None:
                continue
            result = self.score(me, feats)
            if result is not None:
                scored.append(result)
        scored.sort(key=lambda r: (r.same_source, -r.score, r.passage_id))
        return scored[:KEEP]

    def _candidates(self, me: Features) -> list[tuple[str, int]]:
        """Passages of other articles sharing the most weight of ``me``'s key words, heads
        and names, read straight from the postings (a Whoosh OR query over the same terms
        spent half a second in its matcher tree on 120k passages)."""
        reader = self._searcher.reader()
        cap = max(COMMON_SHARE * self._n_docs, MIN_CAP)
        keys: dict[tuple[str, str], float] = {}
        ranked = sorted(
            (
                (count * self.idf("text", t), t)
                for t, count in me.terms.items()
                if not t.startswith("#")
            ),
            reverse=True,
        )
        for w, t in ranked:
            if len(keys) >= KEY_TERMS:
                break
            df = self._df("text", t)
            if 0 < df <= cap:
                keys[("text", t)] = w
            head = self.head(t)
            if head and 0 < self._df("text", head) <= cap:
                keys.setdefault(("text", head), 0.5 * w)
            for compound in self.compounds(t)[:MAX_COMPOUNDS]:
                if self._df("text", compound) <= cap:
                    keys.setdefault(("text", compound), 0.5 * w)
        for name in sorted(me.entities):  # a fixed order: the sums below agree between runs
            term = entity_term(name)
            if 0 < self._df("entity", term) <= cap:
                keys[("entity", term)] = 0.5 * self.idf("entity", term)
        totals: dict[int, float] = {}
        for (fieldname, term), w in keys.items():
            for docnum in reader.postings(fieldname, term).all_ids():
                totals[docnum] = totals.get(docnum, 0.0) + w
        best = heapq.nlargest(2 * CANDIDATES, totals.items(), key=lambda kv: (kv[1], -kv[0]))
        found: list[tuple[str, int]] = []
        for docnum, _ in best:
            if reader.is_deleted(docnum):
                continue
            fields = reader.stored_fields(docnum)
            if fields.get("article") == me.article_id:
                continue
            found.append((fields["article"], int(fields["passage"])))
            if len(found) >= CANDIDATES:
                break
        return found

    def _df(self, fieldname: str, term: str) -> int:
        key = (fieldname, term)
        df = self._dfs.get(key)
        if df is None:
            df = self._dfs[key] = live_doc_frequency(self._searcher, fieldname, term)
        return df

    # scoring ----------------------------------------------------------------------------
    def score(self, a: Features, b: Features) -> Related | None:
        """How sure we are that ``b`` reports what ``a`` reports; ``None`` below threshold."""
        if (a.teaser or b.teaser) and not (a.headline or b.headline):
            return None  # a "Mehr zum Thema" line names another article: only its headline
        whole = compare(a.bag, b.bag, self.rarity)
        if self.informative(whole, a.entities & b.entities) < MIN_SHARED_WORDS:
            return None
        text = whole.cosine * confidence(whole.evidence)
        for sa in a.sentences or (a.bag,):
            for sb in b.sentences or (b.bag,):
                if sa is a.bag and sb is b.bag:
                    continue
                m = compare(sa, sb, self.rarity)
                value = SENTENCE_SHARE * m.cosine * confidence(m.evidence)
                text = max(text, value)
        matched = whole.pairs

        common_entities = a.entities & b.entities
        entity = 0.0
        if common_entities:
            ew = {e: self.idf("entity", entity_term(e)) for e in a.entities | b.entities}
            es = math.fsum(ew[e] for e in common_entities)  # fsum: the same in every run
            entity = es / math.sqrt(
                math.fsum(ew[e] for e in a.entities) * math.fsum(ew[e] for e in b.entities)
            )
            entity *= 1 - math.exp(-math.fsum(self.rarity(ew[e]) for e in common_entities))

        common_dates = a.dates.keys() & b.dates.keys()
        date = max((DATE_WEIGHT[a.dates[k]] for k in common_dates), default=0.0)

        # Corroboration: entities and dates close part of the gap the text leaves, in
        # proportion to what the text already shows.
        bonus = (ENTITY_SHARE * entity + DATE_SHARE * date) * min(1.0, text / TEXT_FOR_BONUS)
        total = (text + (1 - text) * bonus) * apart(a.date, b.date, common_dates)
        if total < THRESHOLD:
            return None
        article = self.library.article(b.article_id)
        if article is None:
            return None
        _, index = split_passage_id(b.pid)
        shown = sorted(matched, key=lambda t: (-a.bag.words[t] * matched[t][1], t))[:8]
        return Related.at(
            article,
            index,
            score=round(total, 3),
            text_score=round(text, 3),
            entity_score=round(entity, 3),
            date_score=round(date, 3),
            same_source=a.source == b.source,
            terms=tuple(dict.fromkeys(b.forms.get(matched[t][0], t) for t in shown)),
            entities=tuple(sorted(common_entities)),
            dates=tuple(sorted(common_dates)),
        )

    # store cache ------------------------------------------------------------------------
    def _kind(self, pid: str) -> str:
        return f"related:p{split_passage_id(pid)[1]}"

    def _load_stored(self, pid: str) -> list[Related] | None:
        try:
            article_id, _ = split_passage_id(pid)
        except ValueError:
            raise UnknownPassage(pid) from None
        row = self.library.store.get_analysis(article_id, self._kind(pid))
        if row is None or row[0] != f"{RELATED_FORMAT}:{self._version}":
            return None
        try:
            return [Related.from_json(r) for r in row[1]]
        except (KeyError, TypeError, ValueError):
            return None

    def _save_stored(self, pid: str, results: list[Related]) -> None:
        article_id, _ = split_passage_id(pid)
        store = self.library.store
        store.put_analysis(
            article_id,
            self._kind(pid),
            f"{RELATED_FORMAT}:{self._version}",
            [r.to_json() for r in results],
        )
        store.commit()


def apart(a: When | None, b: When | None, shared_dates: Iterable[str]) -> float:
    """1 for articles written within :data:`SAME_WEEK` days of each other (or undated),
    falling off with the gap: reports of one happening appear close together, while a
    later report about it names its date (then a shared date keeps the full score)."""
    if a is None or b is None or any(True for _ in shared_dates):
        return 1.0
    (a0, a1), (b0, b1) = period(a), period(b)
    gap = max(0, (b0 - a1).days, (a0 - b1).days)  # the least the dates can be apart
    if gap <= SAME_WEEK:
        return 1.0
    return math.exp(-(gap - SAME_WEEK) / GAP_DAYS)


def period(when: When) -> tuple[dt.date, dt.date]:
    """First and last day a date of any precision can mean."""
    first = when.as_date()
    if when.precision == "year":
        return first, dt.date(when.year, 12, 31)
    if when.precision == "month":
        nxt = dt.date(when.year + (when.month or 1) // 12, (when.month or 1) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return first, first


def confidence(evidence: float) -> float:
    """How far shared evidence (about one per shared rare word) is to be believed: one
    shared word is weak evidence (0.5), two are good (0.8), three strong (0.9)."""
    e = (evidence / EVIDENCE_SCALE) ** 2
    return e / (1 + e)


def entity_term(name: str) -> str:
    """A canonical name as the index's ``entity`` field holds it."""
    return name.replace(",", " ").strip().lower()


def prepare(library: Library) -> None:
    """Work out now, at index time, what the first related passage of every later process
    would otherwise wait for: the vocabulary's compound heads, and the statements whose
    links every answer carries (built on the first ``reader related`` after an index:
    0.8 s on the Berlin corpus)."""
    from reader.analysis.coverage import statements

    found = finder(library)
    with found._lock, library.lock:
        found._sync()
        found._search()
        found.vocabulary()
    statements(library)


_FINDERS: weakref.WeakKeyDictionary[Any, RelatedFinder] = weakref.WeakKeyDictionary()
_FINDERS_LOCK = threading.Lock()


def finder(library: Library) -> RelatedFinder:
    """The one :class:`RelatedFinder` of ``library`` (its caches live as long as it does)."""
    with _FINDERS_LOCK:
        found = _FINDERS.get(library)
        if found is None:
            found = _FINDERS[library] = RelatedFinder(library)
        return found


def related(library: Library, pid: str, limit: int = 10) -> list[Related]:
    """Passages of other articles that report what passage ``pid`` reports, best first
    (other sources before the same source), each with a score in ``[0, 1]`` and the shared
    words, entities and dates behind it; passages that report a statement of this one are
    among them, marked as the same statement or the same statement on another occasion.
    Raises :class:`UnknownPassage`."""
    from reader.analysis.statement_links import with_statements

    found = with_statements(library, pid, finder(library).find(pid, KEEP))
    return once_each(found)[:limit]


def once_each(found: list[Related]) -> list[Related]:
    """The related passages without repeats: the same words from the same source (an item
    an outlet showed again, a re-captured page) are listed once, at their best place."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in found:
        key = (r.source.strip().casefold(), " ".join(r.text.split()).casefold())
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
