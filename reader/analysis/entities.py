"""Recognise people (PER), places (LOC) and organisations (ORG) in German news text, offline.

Sources:

1. ``user``: the user's gazetteer entries (``Config.gazetteer``): they always win;
2. ``gazetteer``: the shipped gazetteer (``reader/data/gazetteer.json``), with inflected
   forms ("Putins", "des Weißen Hauses") and ALL-CAPS datelines ("MOSKAU");
3. ``model``: an optional statistical recogniser, any object with ``find(text) -> list[Span]``.
   It decides the extent of the names it finds; the gazetteer types and names a model span
   of the same extent (:func:`with_model`);
4. ``rule``: without a model, proper nouns found by HanTa and typed by context (a role noun
   before a name, a place preposition, organisation words, street endings, name endings).

Names inside hyphenated compounds are spans of their own element with a part label ("NATO"
in "NATO-Osterweiterung" is ``ORGpart``, :data:`~reader.analysis.spans.PART_LABELS`); a
hyphenated token that is itself the name of a body or a built place is one span
("NATO-Russland-Rat", "Nord-Stream-Pipeline", :func:`compound_names`); derived adjectives
("US-amerikanisch", "Genfer") are not entities.
Within one text, a surname used alone refers to the person named in full elsewhere in it
("Wladimir Putin" … "Putins" → canonical "Wladimir Putin"). See docs/entities.md.

Nothing is loaded at import: the gazetteer and HanTa load on the first :meth:`find`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from reader.analysis import entity_rules as rules
from reader.analysis.gazetteer import Gazetteer, Hit, shipped
from reader.analysis.gazetteer import user_entries as validate_entries
from reader.analysis.pieces import PIECE, pieces
from reader.analysis.spans import ENTITY_LABELS, Span, as_part, entity_type
from reader.analysis.tokens import HYPHENS, Token, tokenize

CONSISTENT = True
"""Whether a name found once in a text is a name wherever the same words stand again
(:func:`consistent_names`; GermEval dev scores in docs/entities.md)."""
PRIORITY = {"user": 0, "gazetteer": 1, "model": 2, "rule": 3}
NAME_JOINT = re.compile(r"[\s\-‐‑]*")
BEFORE_SENTENCE = frozenset(".!?:;\"„“”»«–—(…'‚‘’")
DETERMINERS = frozenset(
    {
        "dem",
        "den",
        "der",
        "einem",
        "einen",
        "einer",
        "diesem",
        "diesen",
        "dieser",
        "jenem",
        "jenen",
        "seinem",
        "seinen",
        "ihrem",
        "ihren",
        "unserem",
        "unseren",
        "keinem",
        "keinen",
        "welchem",
        "welchen",
    }
)
PLACE_PREFIXES = frozenset(
    {
        "Alt",
        "Neu",
        "Nord",
        "Süd",
        "Ost",
        "West",
        "Groß",
        "Klein",
        "Ober",
        "Nieder",
        "Unter",
        "Bad",
        "Sankt",
        "St",
        "Mittel",
    }
)
PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "del", "di", "bin", "al", "zu"})
LINK_WORDS = frozenset({"des", "der", "von", "vom", "aus", "im", "in", "beim"})
STRONG_ORG_CUES = (
    "agentur",
    "sender",
    "zeitung",
    "magazin",
    "partei",
    "konzern",
    "verlag",
    "firma",
    "unternehmen",
    "fernsehen",
    "rundfunk",
)
STRONG_ORG_ENDINGS = tuple(c + e for c in STRONG_ORG_CUES for e in ("", "s", "n", "en", "e"))
COUNCIL_HEADS = {"Rat": "Rat", "Rats": "Rat", "Rates": "Rat", "Rate": "Rat"}
"""Last elements that make names joined before them one body: "NATO-Russland-Rat"."""
STRUCTURE_HEADS = {
    head + ending: head
    for head, endings in (
        ("Pipeline", ("", "s")),
        ("Brücke", ("",)),
        ("Tunnel", ("", "s")),
        ("Kanal", ("", "s", "es")),
        ("Stadion", ("", "s")),
        ("Arena", ("",)),
    )
    for ending in endings
}
"""Last elements that make the names before them the name of a built place, a LOC of its own
("Nord-Stream-Pipeline", "Wembley-Stadion", "Theodor-Heuss-Brücke", as GermEval has them)."""


class EntityRecognizer:
    """Find PER/LOC/ORG spans in a whole article's text.

    ``user_entries`` are ``{name, type, aliases}`` mappings (as in ``Config.gazetteer``);
    they win over everything else. ``model`` is any object with ``find(text)`` returning
    :class:`Span` objects; with one, it replaces the rules (see :func:`with_model`).
    """

    def __init__(self, user_entries: Iterable[Any] = (), *, model: object | None = None):
        self._user = validate_entries(user_entries)  # validated now: bad entries fail early
        self.model = model
        self.consistent = CONSISTENT
        self._gazetteer: Gazetteer | None = None
        self._given: frozenset[str] = frozenset()

    @property
    def gazetteer(self) -> Gazetteer:
        """The combined gazetteer (shipped list plus user entries), built on first use."""
        if self._gazetteer is None:
            data = shipped()
            self._given = data.given_names
            self._gazetteer = Gazetteer(self._user, data.entries)
        return self._gazetteer

    # --- public API ----------------------------------------------------------------------

    def find(self, text: str) -> list[Span]:
        """Non-overlapping entity spans of ``text``, sorted by offset; a text longer than
        :data:`~reader.analysis.pieces.PIECE` is recognised piece by piece."""
        if len(text) > PIECE:
            return [s.shifted(at) for at, piece in pieces(text) for s in self._find(piece)]
        return self._find(text)

    def _find(self, text: str) -> list[Span]:
        if not text:
            return []
        gz = self.gazetteer
        toks = tokenize(text)
        if not toks:
            return []
        words = [t.text for t in toks]
        initial = _sentence_starts(text, toks)
        found: list[Span] = []
        owner: dict[int, Span] = {}  # token index -> span covering it (gazetteer and rules)
        self._gazetteer_pass(text, toks, words, initial, gz, found, owner)
        if self.model is None:
            _club_pass(text, toks, words, found, owner)
            self._rule_pass(text, toks, words, initial, gz, found, owner)
        else:
            # next to the model the rules' guesses cost more than they find (docs/entities.md)
            found = with_model(found, self._model_spans(text, gz), gz.lookup)
        spans = compound_names(text, toks, combine(found))
        edges = {t.start: i for i, t in enumerate(toks)}, {t.end: i for i, t in enumerate(toks)}
        if self.consistent:
            spans = consistent_names(text, toks, words, initial, spans, edges)
        spans = self._coreference(text, toks, words, spans)
        starts, ends = set(edges[0]), set(edges[1])
        return [as_part(s, starts, ends) for s in spans]

    # --- gazetteer -----------------------------------------------------------------------

    def _gazetteer_pass(
        self,
        text: str,
        toks: list[Token],
        words: list[str],
        initial: list[bool],
        gz: Gazetteer,
        found: list[Span],
        owner: dict[int, Span],
    ) -> None:
        n = len(toks)
        i = 0
        while i < n:
            w = words[i]
            if not w[0].isalnum():
                i += 1
                continue
            k, hit = gz.match(words, i)
            if k and self._accept(hit, words, i, k, initial, text, toks):
                span = _span(
                    text, toks[i].start, toks[i + k - 1].end, hit.label, hit.canonical, hit.origin
                )
                found.append(span)
                for j in range(i, i + k):
                    owner[j] = span
                i += k
                continue
            if HYPHENS.search(w):
                self._compound(text, toks[i], i, words, gz, found, owner)
            i += 1

    def _accept(
        self,
        hit: Hit,
        words: list[str],
        i: int,
        k: int,
        initial: list[bool],
        text: str,
        toks: list[Token],
    ) -> bool:
        if k > 1 and "\n" in text[toks[i].end : toks[i + k - 1].start]:
            return False
        if hit.weak or (hit.weak_initial and initial[i]):
            return _place_context(words, i)
        if hit.label == "PER" and k == 1 and i > 0:
            # "Hunter Biden" is not Joe Biden: a given name before a known surname that is
            # not part of the known person's name leaves the pair to the rules
            prev = words[i - 1]
            if prev in self._given and prev not in hit.canonical.split():
                return False
        return True

    def _compound(
        self,
        text: str,
        tok: Token,
        i: int,
        words: list[str],
        gz: Gazetteer,
        found: list[Span],
        owner: dict[int, Span],
    ) -> None:
        """Names that are hyphen-separated elements of a compound ("NATO-Osterweiterung")."""
        parts = _parts(tok)
        last = parts[-1][0]
        if not (last[:1].isupper() or last[:1].isdigit()):
            return  # a derived adjective or adverb: "US-amerikanisch", "russisch-ukrainisch"
        if parts[0][0] in PLACE_PREFIXES and len(parts) > 1:
            hit = gz.lookup(text[parts[1][1] : tok.end])
            if hit is not None and hit.label == "LOC":
                # "Alt-Karow", "Ost-Ukraine": a place of its own, named as written
                span = _span(text, tok.start, tok.end, "LOC", tok.text, hit.origin)
                found.append(span)
                owner.setdefault(i, span)
                return
        hits: list[tuple[int, int, Hit]] = []
        j = 0
        while j < len(parts):
            for e in range(len(parts), j, -1):
                if e - j == len(parts):
                    continue  # the whole token was tried already
                joined = text[parts[j][1] : parts[e - 1][2]]
                hit = gz.lookup(joined) if joined[:1].isalnum() else None
                if hit is not None:
                    hits.append((j, e, hit))
                    j = e
                    break
            else:
                j += 1
        strong_place = any(h.label == "LOC" and not h.weak for _, _, h in hits)
        for j, e, hit in hits:
            if (hit.weak or hit.weak_initial) and not (strong_place or _place_context(words, i)):
                continue
            span = _span(text, parts[j][1], parts[e - 1][2], hit.label, hit.canonical, hit.origin)
            found.append(span)
            owner.setdefault(i, span)

    # --- rules ---------------------------------------------------------------------------

    def _rule_pass(
        self,
        text: str,
        toks: list[Token],
        words: list[str],
        initial: list[bool],
        gz: Gazetteer,
        found: list[Span],
        owner: dict[int, Span],
    ) -> None:
        n = len(toks)
        i = 0
        while i < n:
            if i in owner or not words[i][:1].isupper():
                i += 1
                continue
            span, used = self._rule_at(text, toks, words, initial, gz, owner, i)
            if span is not None:
                found.append(span)
                for j in range(i, i + used):
                    owner[j] = span
            i += max(used, 1)

    def _rule_at(
        self,
        text: str,
        toks: list[Token],
        words: list[str],
        initial: list[bool],
        gz: Gazetteer,
        owner: dict[int, Span],
        i: int,
    ) -> tuple[Span | None, int]:
        n = len(toks)
        w = words[i]
        nxt = words[i + 1] if i + 1 < n and i + 1 not in owner else ""
        same_line = i + 1 < n and "\n" not in text[toks[i].end : toks[i + 1].start]
        # two-word place names: "Frankfurter Allee", "Kottbusser Tor"
        if (
            nxt in rules.STREET_HEADS
            and same_line
            and w.endswith(("er", "es"))
            and w not in rules.STOP_WORDS
            and not w.isupper()
            and not HYPHENS.search(w)
            and not rules.is_org_cue(w)
            and not rules.is_role(w)
        ):
            end = _with_abbrev_dot(text, toks, i + 1)
            return _span(text, toks[i].start, end, "LOC", None, "rule"), 2
        if w.isupper() and len(w) > 1:
            if (
                rules.is_acronym(w)
                and not _defined_in_parentheses(words, owner, i)
                and not (nxt[:1].isdigit())
            ):
                return _span(text, toks[i].start, toks[i].end, "ORG", None, "rule"), 1
            return None, 1
        if rules.is_street(w) and _all_caps_parts(w) and w not in rules.STOP_WORDS:
            end = _with_abbrev_dot(text, toks, i)
            return _span(text, toks[i].start, end, "LOC", None, "rule"), 1
        if rules.ORG_WORD_RE.search(w) and not HYPHENS.search(w):
            return _span(text, toks[i].start, toks[i].end, "ORG", None, "rule"), 1
        prev = words[i - 1] if i > 0 and _adjacent(text, toks, i - 1) else ""
        strong_cue = bool(prev) and prev.lower().endswith(STRONG_ORG_ENDINGS)
        if strong_cue and not self._candidate(w, i, initial, gz):
            # "TV-Sender Kanal 5": after a strong cue, any capitalised word that is not a
            # common noun, or is followed by a number, starts the name
            followed_by_number = bool(nxt) and nxt.isdigit() and same_line
            if not (_plain_cap(w) and (followed_by_number or not rules.is_common_noun(w))):
                return None, 1
        elif not self._candidate(w, i, initial, gz):
            if prev in ("in", "nach", "aus") and _place_shaped(w):
                # "in Quarzbach": a town name that looks like a compound of common nouns
                return _span(text, toks[i].start, toks[i].end, "LOC", None, "rule"), 1
            return None, 1
        given_first = w in self._given
        known_name = given_first or (rules.tags(w)[0][0] == "NE" and rules.tags(w)[0][1] > -20)
        j = i
        while j + 1 < n and j + 1 not in owner:
            nw = words[j + 1]
            if (
                known_name
                and _is_initial(text, toks, words, j + 1)
                and j + 3 < n
                and j + 3 not in owner
                and _surname_shaped(words[j + 3])
            ):
                j += 3  # "George W. Bush"
                continue
            if not _adjacent(text, toks, j):
                break
            if nw in PARTICLES and given_first and j + 2 < n:
                k = j + 2 if words[j + 2] not in PARTICLES else j + 3
                if (
                    k < n
                    and k not in owner
                    and (self._candidate(words[k], k, initial, gz) or _surname_shaped(words[k]))
                ):
                    j = k  # "Ole von Beust", "Ursula von der Leyen"
                    continue
                break
            if self._candidate(nw, j + 1, initial, gz) or (
                given_first and j == i and _surname_shaped(nw)
            ):
                j += 1
                continue
            break
        used = j - i + 1
        if w in rules.VEHICLE_MAKES or any(x in rules.ENGLISH_FUNCTION for x in words[i : j + 1]):
            return None, used
        if not given_first:
            # "Olympiadritten Tatjana Kotowa": the name starts at the given name
            for k in range(i + 1, j):
                if words[k] in self._given:
                    i, prev, given_first = k, words[k - 1], True
                    break
        label = self._type_group(words, prev, i, j, owner, strong_cue)
        start = i
        if i >= 2 and _is_initial(text, toks, words, i - 2) and (label or "PER") == "PER":
            start, label = i - 2, "PER"  # "W. Fesenko"
        if label is None:
            return None, used
        end_tok = j
        if label == "ORG" and end_tok + 1 < n and end_tok + 1 not in owner:
            after = words[end_tok + 1]
            if after in rules.ORG_TAILS or (after.isdigit() and strong_cue):
                end_tok += 1
        span = _span(text, toks[start].start, toks[end_tok].end, label, None, "rule")
        return span, max(used, end_tok - i + 1)

    def _candidate(self, w: str, i: int, initial: list[bool], gz: Gazetteer) -> bool:
        """Is ``w`` (token ``i``) a capitalised word that names something?"""
        if not w[:1].isupper() or w in rules.STOP_WORDS or w in rules.MONTHS_DAYS:
            return False
        if w.isupper() or not w.replace("-", "").replace("'", "").isalpha():
            return False
        parts = HYPHENS.split(w)
        if any(not p[:1].isupper() for p in parts):
            return False
        if len(parts) == 1 and _derived_adjective(w, gz):
            return False
        if rules.is_role(w):
            return False
        if not all(rules.name_like(p) for p in parts):
            return False
        return not (initial[i] and rules.is_common_lower(w))

    def _type_group(
        self, words: list[str], prev: str, i: int, j: int, owner: dict[int, Span], strong_cue: bool
    ) -> str | None:
        """The label of the name words ``i..j``; ``prev`` is the word before them on the same
        line (or "")."""
        first, last = words[i], words[j]
        if j > i and (last in rules.LOC_HEADS or rules.is_street(last)):
            return "LOC"
        if last in rules.NON_PERSON_HEADS:
            return None
        after = words[j + 1] if j + 1 < len(words) else ""
        if strong_cue or after in rules.ORG_TAILS or (prev and rules.is_org_cue(prev)):
            return "ORG"
        if first in self._given or prev in rules.TITLES:
            return "PER"
        if prev and rules.is_role(prev):
            return "PER"
        if prev in LINK_WORDS or (i - 1) in owner:
            # "Sprecherin des Außenministeriums Maria Sacharowa": role, link word, name
            k = i - 1
            while k >= 0 and k in owner and owner[k].label in ("ORG", "LOC"):
                k -= 1
            if k < i - 1 and k >= 1 and words[k] in LINK_WORDS and rules.is_role(words[k - 1]):
                return "PER"
        if prev in rules.PLACE_PREPS:
            return "LOC"
        if (
            i == j
            and i >= 2
            and words[i - 2] in ("im", "in", "aus", "nach", "ins")
            and prev[:1].islower()
            and prev.endswith(("en", "em", "er"))
            and prev not in DETERMINERS
        ):
            return "LOC"  # "im englischen Hatfield", "im aargauischen Riniken"
        if i == j and (prev in rules.SPEECH_VERBS or after in rules.SPEECH_VERBS):
            return "PER"  # "sagte Eymer", "Kolb erklärte"
        if rules.PER_NAME_RE.search(last):
            return "PER"
        if i == j and rules.LOC_NAME_RE.search(last):
            return "LOC"
        if j > i:
            return "PER"  # two or more names in a row
        return None

    # --- model ---------------------------------------------------------------------------

    def _model_spans(self, text: str, gz: Gazetteer) -> list[Span]:
        out: list[Span] = []
        for s in self.model.find(text):  # type: ignore[union-attr]
            # a part is typed as its name here; find() labels it a part again at the end
            label = entity_type(s.label)
            if label not in ENTITY_LABELS or not 0 <= s.start < s.end <= len(text):
                continue
            hit = gz.lookup(s.text)
            canonical = hit.canonical if hit is not None else s.canonical
            out.append(Span(s.start, s.end, text[s.start : s.end], label, canonical, None, "model"))
        return out

    # --- coreference ---------------------------------------------------------------------

    def _coreference(
        self, text: str, toks: list[Token], words: list[str], spans: list[Span]
    ) -> list[Span]:
        """Surnames alone refer to the person named in full in the same text."""
        surnames: dict[str, str | None] = {}
        for s in spans:
            if s.label != "PER":
                continue
            name = s.canonical or s.text
            parts = name.split()
            if len(parts) >= 2 and parts[-1][:1].isupper():
                key = parts[-1]
                if surnames.get(key, name) != name:
                    surnames[key] = None  # two people share it: leave it alone
                else:
                    surnames[key] = name

        def person(word: str) -> str | None:
            found = surnames.get(word)
            if found is None and word.endswith("s"):
                found = surnames.get(word[:-1])
            return found

        out: list[Span] = []
        for s in spans:
            if s.origin in ("rule", "model") and " " not in s.text:
                full = person(s.text)
                if full is not None:
                    s = Span(s.start, s.end, s.text, "PER", full, None, s.origin)
            out.append(s)
        # surnames the other passes left alone
        starts = sorted((s.start, s.end) for s in out)
        added: list[Span] = []
        k = 0
        for tok in toks:
            while k < len(starts) and starts[k][1] <= tok.start:
                k += 1
            if k < len(starts) and starts[k][0] < tok.end:
                continue
            if tok.text[:1].isupper():
                full = person(tok.text)
                if full is not None:
                    added.append(Span(tok.start, tok.end, tok.text, "PER", full, None, "rule"))
        out.extend(added)
        out.sort(key=lambda s: s.start)
        return [_canonical_for_rule(s, surnames) for s in out]


# --- helpers ---------------------------------------------------------------------------------


def consistent_names(
    text: str,
    toks: Sequence[Token],
    words: Sequence[str],
    initial: Sequence[bool],
    spans: list[Span],
    edges: tuple[dict[int, int], dict[int, int]],
) -> list[Span]:
    """``spans`` plus the same words elsewhere in the text where no span covers them: a name
    found once in an article ("Quarzbeck sagte …") is a name where it stands again ("…
    so Quarzbeck"), with the same type and canonical name. Words found with two types are
    left alone; so is a single common noun (HanTa) or a lower-case word. ``edges`` map the
    token starts and ends to token indices."""
    edge_start, edge_end = edges
    covered: set[int] = set()
    names: dict[tuple[str, ...], Span | None] = {}
    for s in spans:
        i, j = edge_start.get(s.start), edge_end.get(s.end)
        if i is None or j is None:
            continue
        covered.update(range(i, j + 1))
        if s.label not in ENTITY_LABELS:
            continue
        key = tuple(words[i : j + 1])
        seen = names.get(key, s)
        names[key] = s if seen is not None and seen.label == s.label else None
    by_first: dict[str, list[tuple[tuple[str, ...], Span]]] = {}
    for key, name in names.items():
        if name is None or not key[0][:1].isupper():
            continue
        if len(key) == 1 and (rules.is_common_noun(key[0]) or key[0] in rules.STOP_WORDS):
            continue
        by_first.setdefault(key[0], []).append((key, name))
    if not by_first:
        return spans
    # the common case: every occurrence of a name's first word is covered already
    free = [i for i, w in enumerate(words) if w in by_first and i not in covered]
    added: list[Span] = []
    n = len(words)
    for i in free:
        if i in covered:
            continue
        for key, name in by_first[words[i]]:
            j = i + len(key)
            if tuple(words[i:j]) != key or not covered.isdisjoint(range(i, j)):
                continue
            if j < n and words[j][:1].isupper() and j not in covered and not initial[j]:
                continue  # "Quarzbeck" in "Quarzbeck Logistik": a longer name
            start, end = toks[i].start, toks[j - 1].end
            added.append(_span(text, start, end, name.label, name.canonical, "rule"))
            covered.update(range(i, j))
            break
    if not added:
        return spans
    return sorted(spans + added, key=lambda s: s.start)


def combine(spans: Iterable[Span]) -> list[Span]:
    """Keep non-overlapping spans by precedence (user > gazetteer > model > rule), longer
    spans first within one source; the result is sorted by offset."""
    ordered = sorted(spans, key=lambda s: (PRIORITY.get(s.origin, 9), s.start - s.end, s.start))
    taken: list[tuple[int, int]] = []
    kept: list[Span] = []
    for s in ordered:
        if any(s.start < end and start < s.end for start, end in taken):
            continue
        taken.append((s.start, s.end))
        kept.append(s)
    kept.sort(key=lambda s: s.start)
    return kept


def compound_names(text: str, toks: Sequence[Token], spans: list[Span]) -> list[Span]:
    """``spans`` with the names inside a hyphenated token that is itself a name replaced by
    one span over the token: places joined ("Berlin-Mitte", LOC), two or more names before
    a council ("NATO-Russland-Rates", ORG, canonical "NATO-Russland-Rat"), capitalised
    elements before a built structure ("Nord-Stream-Pipeline", LOC). See
    tests/data/ANNOTATION.md, Spans 5."""
    out: list[Span] = []
    k = 0
    ordered = sorted(spans, key=lambda s: s.start)
    for tok in toks:
        w = tok.text
        if "-" not in w and "‐" not in w and "‑" not in w:
            continue
        while k < len(ordered) and ordered[k].end <= tok.start:
            out.append(ordered[k])
            k += 1
        j = k
        while j < len(ordered) and ordered[j].start < tok.end:
            j += 1
        inside = ordered[k:j]
        if any(s.start < tok.start or s.end > tok.end for s in inside):
            continue  # a name across the token's edge decides its extent
        if any((s.start, s.end) == (tok.start, tok.end) for s in inside):
            continue  # the token is a name already
        whole = _compound_name(text, tok, inside)
        if whole is not None:
            out.append(whole)
            k = j
    out.extend(ordered[k:])
    return out


def _compound_name(text: str, tok: Token, inside: Sequence[Span]) -> Span | None:
    """The span of hyphenated token ``tok`` as one name, given the names ``inside`` it, or
    None when it is a compound with names in it ("NATO-Osterweiterung")."""
    w = tok.text
    elements = HYPHENS.split(w)
    last = elements[-1]
    council, structure = COUNCIL_HEADS.get(last), STRUCTURE_HEADS.get(last)
    if council is not None:
        if len(inside) < 2:
            return None
        label, head = "ORG", council
    elif structure is not None:
        named = _covered(inside)
        if not all(_compound_name_element(e, e in named) for e in elements[:-1]):
            return None
        label, head = "LOC", structure
    else:
        # places joined: "Berlin-Mitte", "Berlin-Tempelhof"
        if len(inside) < 2 or any(s.label != "LOC" for s in inside):
            return None
        if inside[0].start != tok.start or inside[-1].end != tok.end:
            return None
        if sum(s.end - s.start for s in inside) + len(elements) - 1 != len(w):
            return None
        label, head = "LOC", last
    canonical = w[: len(w) - len(last)] + head
    return _span(text, tok.start, tok.end, label, canonical, "rule")


def _covered(spans: Sequence[Span]) -> set[str]:
    """The compound elements named by ``spans`` (each span's words split at hyphens)."""
    return {e for s in spans for e in HYPHENS.split(s.text)}


def _compound_name_element(element: str, named: bool) -> bool:
    """An element before a structure's head that can be part of its name: a name found there
    (``named``), or a capitalised word that is neither an acronym nor a common noun."""
    if named or element.isdigit():
        return True  # "Nord-Stream-2-Pipeline"
    if not element[:1].isupper() or element.isupper():
        return False
    return element in PLACE_PREFIXES or not rules.is_common_noun(element)


def with_model(
    found: Sequence[Span],
    model: Sequence[Span],
    lookup: Callable[[str], Any] | None = None,
) -> list[Span]:
    """Gazetteer spans (``found``) and model spans, before :func:`combine`.

    The model decides where a name begins and ends ("Investitionsbank Berlin", not
    "Berlin"); the gazetteer gives a span of the same extent its type and canonical
    name. Where the model joins two or more known names that stand side by side ("USA
    Kiew", "NATO-Russland"), the known names stand. A known name the model finds inside a
    longer one keeps its own type ("Polizei Berlin": the place Berlin, not a person; a
    generic authority is no entity, see tests/data/ANNOTATION.md). User entries always win
    (in :func:`combine`).
    """
    gazetteer = [s for s in found if s.origin == "gazetteer"]
    displaced: set[int] = set()
    kept: list[Span] = []
    for m in model:
        inner = [g for g in gazetteer if g.start < m.end and m.start < g.end]
        same = next((g for g in inner if (g.start, g.end) == (m.start, m.end)), None)
        known = lookup(m.text) if lookup is not None and same is None and inner else None
        if known is not None and any(g.start <= m.start and m.end <= g.end for g in inner):
            # the model found a known name inside a longer one ("Polizei [Berlin]"): the
            # name's own type, never the model's guess (a person "Berlin")
            m = Span(m.start, m.end, m.text, known.label, known.canonical, None, m.origin)
        elif same is not None:
            m = Span(m.start, m.end, m.text, same.label, same.canonical, None, m.origin)
        elif _joins_names(m, inner):
            continue
        displaced.update(id(g) for g in inner)
        kept.append(m)
    return [s for s in found if id(s) not in displaced] + kept


def _joins_names(span: Span, names: Sequence[Span]) -> bool:
    """Whether ``names`` (two or more) cover ``span`` with only spaces or hyphens between."""
    names = sorted(names, key=lambda s: s.start)
    if len(names) < 2 or names[0].start != span.start or names[-1].end != span.end:
        return False
    return all(
        NAME_JOINT.fullmatch(span.text[a.end - span.start : b.start - span.start])
        for a, b in itertools.pairwise(names)
    )


def _span(text: str, start: int, end: int, label: str, canonical: str | None, origin: str) -> Span:
    return Span(start, end, text[start:end], label, canonical, None, origin)


def _canonical_for_rule(s: Span, surnames: dict[str, str | None]) -> Span:
    if s.canonical is not None:
        return s
    name = " ".join(_title_if_caps(w) for w in s.text.split())
    if s.label == "ORG" and name.endswith("ministeriums"):
        name = name[:-1]
    if s.label == "PER" and name.endswith("s") and name[:-1].split()[-1] in surnames:
        name = name[:-1]
    return Span(s.start, s.end, s.text, s.label, name, s.value, s.origin)


def _title_if_caps(word: str) -> str:
    if len(word) >= 4 and word.isupper():
        return "-".join(p.capitalize() for p in word.split("-"))
    return word


def _sentence_starts(text: str, toks: list[Token]) -> list[bool]:
    """Tokens that start a sentence, a line, a quotation or a headline-style clause."""
    out = [False] * len(toks)
    for i, tok in enumerate(toks):
        if i == 0:
            out[i] = True
            continue
        prev = toks[i - 1]
        if "\n" in text[prev.end : tok.start]:
            out[i] = True
        elif prev.text in BEFORE_SENTENCE:
            out[i] = not (prev.text == "." and i > 1 and toks[i - 2].text.isdigit())
    return out


def _place_context(words: Sequence[str], i: int) -> bool:
    """A place preposition or noun right before token ``i`` ("in Mitte", "Bezirk Mitte"; but
    not "in der Mitte", "aus dem Hof")."""
    return i > 0 and words[i - 1] in rules.PLACE_PREPS


def _parts(tok: Token) -> list[tuple[str, int, int]]:
    out = []
    pos = 0
    for piece in HYPHENS.split(tok.text):
        out.append((piece, tok.start + pos, tok.start + pos + len(piece)))
        pos += len(piece) + 1
    return out


def _derived_adjective(word: str, gz: Gazetteer) -> bool:
    """ "Genfer", "Moskauer", "Minsker": a place name plus -er is an adjective, not a name."""
    if not word.endswith("er") or len(word) < 5:
        return False
    hit = gz.lookup(word[:-2]) or gz.lookup(word[:-2] + "en") or gz.lookup(word[:-3])
    return hit is not None and hit.label == "LOC"


def _adjacent(text: str, toks: list[Token], j: int) -> bool:
    """Tokens ``j`` and ``j + 1`` are separated by spaces only, on one line."""
    gap = text[toks[j].end : toks[j + 1].start]
    return gap != "" and gap.strip() == "" and "\n" not in gap


def _club_pass(
    text: str, toks: list[Token], words: list[str], found: list[Span], owner: dict[int, Span]
) -> None:
    """Sports clubs: "1. FC Nürnberg", "SV Wehen-Wiesbaden", "Lok Zwickau" are
    organisations, although the gazetteer knows the town inside them as a place."""
    n = len(words)
    i = 0
    while i < n:
        if words[i] not in rules.CLUB_PREFIXES:
            i += 1
            continue
        start = i
        if i >= 2 and words[i - 1] == "." and words[i - 2].isdigit() and words[i] == "FC":
            start = i - 2  # "1. FC"
        j = i
        while (
            j + 1 < n
            and j - i < 3
            and _adjacent(text, toks, j)
            and (words[j + 1][:1].isupper() or (j > i and words[j + 1].isdigit()))
            and words[j + 1] not in rules.STOP_WORDS
        ):
            j += 1
        inner = {id(owner[k]): owner[k] for k in range(start, j + 1) if k in owner}
        if (
            j == i
            or any(s.origin == "user" for s in inner.values())
            or any(s.start < toks[start].start or s.end > toks[j].end for s in inner.values())
            or any(
                s.label == "ORG" and s.start == toks[start].start and s.end == toks[j].end
                for s in inner.values()
            )
        ):
            i = j + 1
            continue
        for s in inner.values():
            found.remove(s)
        span = _span(text, toks[start].start, toks[j].end, "ORG", None, "rule")
        found.append(span)
        for k in range(start, j + 1):
            owner[k] = span
        i = j + 1


def _defined_in_parentheses(words: list[str], owner: dict[int, Span], i: int) -> bool:
    """An acronym in parentheses after a common noun: "Fluorchlorkohlenwasserstoffe (FCKW)"
    abbreviates a thing, not an organisation."""
    if not (i >= 2 and words[i - 1] == "(" and i + 1 < len(words) and words[i + 1] == ")"):
        return False
    before = words[i - 2]
    return ((i - 2) not in owner and not before[:1].isupper()) or rules.is_common_noun(before)


def _is_initial(text: str, toks: list[Token], words: list[str], k: int) -> bool:
    """Tokens ``k``, ``k + 1`` are an initial such as "W." followed by a space."""
    return (
        k + 2 < len(words)
        and len(words[k]) == 1
        and words[k].isupper()
        and words[k + 1] == "."
        and toks[k].end == toks[k + 1].start
        and text[toks[k + 1].end : toks[k + 2].start] == " "
    )


def _place_shaped(word: str) -> bool:
    """A word with a town-name ending that HanTa does not know ("Quarzbach")."""
    return (
        word.isalpha()
        and word[:1].isupper()
        and not word.isupper()
        and rules.LOC_NAME_RE.search(word) is not None
        and not rules.is_common_noun(word)
        and rules.tags(word)[0][1] <= rules.KNOWN - 1
    )


def _surname_shaped(word: str) -> bool:
    """A capitalised word that may be a surname after a given name ("Barbara Slowik")."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
        and word not in rules.STOP_WORDS
        and word not in rules.MONTHS_DAYS
        and not rules.is_role(word)
    )


def _plain_cap(word: str) -> bool:
    return word[:1].isupper() and word not in rules.STOP_WORDS and word not in rules.MONTHS_DAYS


def _all_caps_parts(word: str) -> bool:
    return all(p[:1].isupper() for p in HYPHENS.split(word))


def _with_abbrev_dot(text: str, toks: list[Token], i: int) -> int:
    """End offset of token ``i``, including the dot of "Str."."""
    end = toks[i].end
    if toks[i].text.lower().endswith("str") and text[end : end + 1] == ".":
        return end + 1
    return end
