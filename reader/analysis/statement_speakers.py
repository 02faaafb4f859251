"""Who a statement is by: the names, roles and pronouns near its cue, resolved to the
article's entities.

A role resolves to the person it was attached to earlier in the article ("der Kremlsprecher
Dmitri Peskow" … "der Kremlsprecher" → Dmitri Peskow); a pronoun to the nearest earlier
speaker, or it stays unresolved and is marked so.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reader.analysis.spans import Span
from reader.analysis.statement_cues import (
    PRONOUNS,
    ROLE_ADJECTIVE_RE,
    ROLE_RE,
    country_of,
    is_role,
    role_keys,
)
from reader.analysis.tokens import Token

SPEAKER_LABELS = frozenset({"PER", "ORG"})
# places that stand for their government as speakers ("Moskau warnte", "Washington: …")
GOVERNMENT_PLACES = frozenset(
    [
        "Moskau",
        "Washington",
        "Kiew",
        "Peking",
        "Berlin",
        "Paris",
        "London",
        "Brüssel",
        "Ankara",
        "Teheran",
        "Jerusalem",
        "Tokio",
        "Warschau",
        "Rom",
        "Madrid",
        "Wien",
        "Bern",
        "Minsk",
        "Pjöngjang",
        "Seoul",
        "Taipeh",
    ]
)
# seats of government that speak for it as bodies do ("der Kreml teilte mit"): places, as
# GermEval labels them (tests/data/ANNOTATION.md, Metonymy), speakers like organisations
GOVERNMENT_SEATS = frozenset(["Kreml", "Weißes Haus"])


def speaks_as_body(span: Span) -> bool:
    """An organisation, or a seat of government that stands for one."""
    return span.label == "ORG" or (
        span.label == "LOC" and (span.canonical or span.text) in GOVERNMENT_SEATS
    )


# words before a name that make it an object, not the one who speaks ("mit Biden",
# "seinem US-Kollegen", "gegenüber Putin")
_OBJECT_MARKS = frozenset(
    [
        "von",
        "vom",
        "mit",
        "gegenüber",
        "an",
        "am",
        "zu",
        "zum",
        "zur",
        "bei",
        "beim",
        "für",
        "gegen",
        "über",
        "nach",
        "vor",
        "aus",
        "zwischen",
        "um",
        "auf",
        "in",
        "im",
        "dem",
        "den",
        "seinem",
        "seinen",
        "ihrem",
        "ihren",
        "einem",
        "einen",
    ]
)
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche"})
ROLE_SYNONYMS = {"staatschef": "präsident", "staatsoberhaupt": "präsident", "chef": "präsident"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written (``start``–``end`` in the article) and what it resolves to."""

    text: str
    start: int
    end: int
    canonical: str | None
    label: str | None
    kind: str  # "entity" | "role" | "pronoun"

    @property
    def resolved(self) -> bool:
        return self.canonical is not None

    @classmethod
    def of(cls, span: Span, label: str | None = None) -> Speaker:
        """The entity ``span`` as a speaker (``label`` instead of the span's own)."""
        return cls(
            span.text,
            span.start,
            span.end,
            span.canonical or span.text,
            label or span.label,
            "entity",
        )


class Speakers:
    """Speaker candidates of one article: entity spans by token, roles and pronouns."""

    def __init__(
        self, text: str, tokens: Sequence[Token], entities: Sequence[Span], headline_end: int = 0
    ) -> None:
        self.text = text
        self.headline_end = headline_end  # a headline's role names the person of its teaser
        self.tokens = tokens
        self._token_ends = [t.end for t in tokens]
        self._entities = sorted(
            (s for s in entities if s.label in ("PER", "ORG", "LOC")), key=lambda s: s.start
        )
        self._starts = [s.start for s in self._entities]
        self._roles: list[tuple[int, str, Span]] = []  # (offset, role key, person)
        self._orgs = {
            form.casefold(): (s.canonical or s.text)
            for s in self._entities
            if speaks_as_body(s)
            for form in (s.text, s.canonical or s.text)
        }
        self.sides: dict[str, str] = {}  # person → the organisation they speak for
        self._learn_roles()

    def entity_at(self, tok: Token) -> Span | None:
        i = bisect.bisect_right(self._starts, tok.start) - 1
        if i >= 0 and self._entities[i].end >= tok.end:
            return self._entities[i]
        return None

    def _learn_roles(self) -> None:
        """Roles attached to a person: "Kremlsprecher Dmitri Peskow", "der russische
        Präsident Wladimir Putin", "die Sprecherin des Außenministeriums Maria Sacharowa"."""
        toks = self.tokens
        for i, tok in enumerate(toks):
            if not is_role(tok.text) or self.entity_at(tok) is not None:
                continue
            if self._genitive(i):
                continue  # "Pressesprecher des russischen Präsidenten Peskow": not his role
            person = self._person_after(i)
            if person is None:
                continue
            adjective = _adjective_before(toks, i)
            for key in self._keys(tok.text, adjective):
                self._roles.append((tok.start, key, person))
            org = self._org_of_role(i) or self._country_of_role(i)
            if org is not None:
                self.sides.setdefault(person.canonical or person.text, org)

    def _country_of_role(self, i: int) -> str | None:
        """The country a role at token ``i`` is of: its adjective ("der russische
        Präsident"), its prefix ("US-Präsident"), a genitive before it ("Russlands
        Außenminister") or the adjective of its genitive ("Sprecherin des russischen
        Außenministeriums")."""
        toks = self.tokens
        word = toks[i].text
        match = ROLE_RE.search(word)
        if match is not None and match.start() > 0:
            found = country_of(word[: match.start()])
            if found:
                return found
        if i > 0:
            found = country_of(toks[i - 1].text)
            if found:
                return found
            span = self.entity_at(toks[i - 1])
            if span is not None and span.label == "LOC" and toks[i - 1].text.endswith("s"):
                return span.canonical or span.text
        if i + 2 < len(toks) and toks[i + 1].text in ("des", "der"):
            return country_of(toks[i + 2].text)
        return None

    def _org_of_role(self, i: int) -> str | None:
        """The organisation a role names: its first part ("Kremlsprecher", "Kreml-Berater")
        or its genitive ("Sprecherin des Außenministeriums")."""
        word = self.tokens[i].text
        match = ROLE_RE.search(word)
        prefix = word[: match.start()].rstrip("-‐‑").casefold() if match else ""
        if prefix in self._orgs:
            return self._orgs[prefix]
        for tok in self.tokens[i + 1 : i + 5]:
            span = self.entity_at(tok)
            if span is not None:
                return (span.canonical or span.text) if speaks_as_body(span) else None
        return None

    def side(self, speaker: Speaker | None) -> str | None:
        """Whom a speaker speaks for: an organisation itself, a person their role's."""
        if speaker is None:
            return None
        if speaker.canonical is None:
            # "russische Beamte": an unnamed role of a country speaks for it
            if speaker.kind != "role":
                return None
            i = bisect.bisect_left([t.start for t in self.tokens], speaker.end) - 1
            return self._country_of_role(i) if i >= 0 else None
        if speaker.label == "ORG":
            return speaker.canonical
        return self.sides.get(speaker.canonical)

    def _genitive(self, i: int) -> bool:
        for j in (i - 1, i - 2):
            if j >= 0 and self.tokens[j].text == "des":
                return True
            if j >= 1 and self.tokens[j].text == "der":
                return self.tokens[j - 1].text[:1].isupper() and self.tokens[j - 1].text.isalpha()
            if j >= 0 and not self.tokens[j].text[:1].islower():
                return False
        return False

    def _plural(self, i: int) -> bool:
        """ "die Präsidenten", "die Staatschefs": several people, not one to resolve to."""
        word = self.tokens[i].text.lower()
        j = i - 1
        while (
            j >= 0
            and self.tokens[j].text[:1].islower()
            and self.tokens[j].text not in ("die", "beiden")
        ):
            j -= 1
        plural_ending = word.endswith(("en", "s", "innen")) and not word.endswith("ministeriums")
        return plural_ending and j >= 0 and self.tokens[j].text.lower() in ("die", "beiden")

    def _keys(self, word: str, adjective: str | None) -> list[str]:
        keys = list(role_keys(word))
        keys += [ROLE_SYNONYMS[k] for k in keys if k in ROLE_SYNONYMS]
        if adjective:
            keys = [f"{adjective} {k}" for k in keys] + keys
        return keys

    def _person_after(self, i: int) -> Span | None:
        """A person named right after the role at token ``i``, across at most a genitive
        ("der Pressesprecher des russischen Präsidenten Dmitri Peskow", "die Sprecherin
        des Außenministeriums Maria Sacharowa")."""
        toks = self.tokens
        j = i + 1
        if j < len(toks) and toks[j].text in ("des", "der"):
            j += 1
            while j < len(toks) and toks[j].text[:1].islower() and toks[j].text.isalpha():
                j += 1
            if j >= len(toks):
                return None
            head = self.entity_at(toks[j])
            if head is not None and speaks_as_body(head):
                while j < len(toks) and toks[j].end <= head.end:
                    j += 1
            elif is_role(toks[j].text):
                j += 1
            else:
                return None
        if j < len(toks):
            span = self.entity_at(toks[j])
            if span is not None and span.label == "PER" and span.start == toks[j].start:
                return span
        return None

    def at(self, i: int, places: bool = False) -> Speaker | None:
        """The speaker that token ``i`` begins, if it can be one; a place only where it
        stands for its government (a capital, or any place when ``places``: "laut
        Caracas", "Russland behauptet")."""
        tok = self.tokens[i]
        span = self.entity_at(tok)
        if span is not None:
            if speaks_as_body(span):
                return Speaker.of(span, "ORG")
            if span.label == "LOC" and span.text not in GOVERNMENT_PLACES and not places:
                return None
            return Speaker.of(span)
        low = tok.text.lower()
        if low == "beide" and i + 1 < len(self.tokens) and self.tokens[i + 1].text == "Seiten":
            # "Beide Seiten bekundeten …": both parties speak, named by neither
            end = self.tokens[i + 1].end
            return Speaker(self.text[tok.start : end], tok.start, end, None, None, "role")
        if low in PRONOUNS and (tok.text[:1].islower() or low in ("er", "sie", "ihr", "ihm")):
            return Speaker(tok.text, tok.start, tok.end, None, None, "pronoun")
        if is_role(tok.text):
            person = self._person_after(i)
            if person is not None:
                return Speaker.of(person, "PER")
            adjective = _adjective_before(self.tokens, i)
            begin = i - 1 if adjective else i
            start = self.tokens[begin].start
            resolved = (
                None if self._plural(i) else self._resolve_role(tok.text, adjective, tok.start)
            )
            org = None if resolved else self._org_after(i)
            if org is not None:
                return Speaker.of(org, "ORG")  # "der Pressedienst des Weißen Hauses" speaks for it
            return Speaker(
                self.text[start : tok.end],
                start,
                tok.end,
                resolved.canonical if resolved else None,
                "PER" if resolved else None,
                "role",
            )
        return None

    def _resolve_role(self, word: str, adjective: str | None, before: int) -> Span | None:
        """The person the role was last attached to before ``before``; for a role in the
        headline, also the person the text attaches it to later (a front page's headline
        "Kreml-Berater sagt, …" and its teaser "Kreml-Berater Uschakow …")."""
        keys = self._keys(word, adjective)
        for key in keys:
            for offset, known, person in reversed(self._roles):
                if offset < before and known == key:
                    return person
        if before < self.headline_end:
            for key in keys:
                for offset, known, person in self._roles:
                    if offset > before and known == key:
                        return person
        return None

    def _org_after(self, i: int) -> Span | None:
        """The organisation in the genitive right after the role at token ``i`` ("der
        Pressedienst des Weißen Hauses", "die Sprecherin des Ministeriums")."""
        toks = self.tokens
        j = i + 1
        if j >= len(toks) or toks[j].text not in ("des", "der"):
            return None
        j += 1
        while j < len(toks) and toks[j].text[:1].islower() and toks[j].text.isalpha():
            j += 1
        span = self.entity_at(toks[j]) if j < len(toks) else None
        return span if span is not None and speaks_as_body(span) else None

    def subject(self, first: int, last: int, verb: int) -> Speaker | None:
        """The one who speaks by the verb at token ``verb`` in the clause ``first``..``last``:
        the name right before it ("Peskow sagte", "Lawrow, der behauptete"), else the
        first after it that is not an object ("erklärte die Sprecherin …"), else the
        nearest before it."""
        toks = self.tokens
        candidates = [  # (first token, last token, speaker)
            (i, end, found)
            for i, end, found in self._walk(
                first, last, lambda i: self._clause_start(i, first), skip=verb
            )
            if not self.is_object(i, first)
        ]
        if verb >= 2 and toks[verb - 1].text in _RELATIVE and toks[verb - 2].text == ",":
            before = [c for c in candidates if c[1] == verb - 3]
            if before:
                return before[0][2]
        for start, end, found in candidates:
            if end == verb - 1 and self._clause_start(start, first):
                return found
        after = [c for c in candidates if c[0] > verb]
        if after:
            return after[0][2]
        before = [c for c in candidates if c[1] < verb]
        return before[-1][2] if before else None

    def _walk(
        self, first: int, last: int, places: Callable[[int], bool], skip: int = -1
    ) -> Iterator[tuple[int, int, Speaker]]:
        """Each speaker among tokens ``first``..``last`` (inclusive) once, with its first and
        last token; a place counts where ``places(token)`` says so."""
        toks = self.tokens
        covered = -1
        for i in range(max(first, 0), min(last, len(toks) - 1) + 1):
            if toks[i].start < covered or i == skip:
                continue
            found = self.at(i, places(i))
            if found is None:
                continue
            covered = found.end
            # its last token: a role's speaker may be the person named far after it
            end = max(i, bisect.bisect_right(self._token_ends, found.end) - 1)
            yield i, end, found

    def _clause_start(self, i: int, first: int) -> bool:
        """Only articles and adjectives stand between ``first`` and token ``i``."""
        for tok in self.tokens[first:i]:
            if not (tok.text[:1].islower() and tok.text.isalpha()) and tok.text not in (
                "Der",
                "Die",
                "Das",
            ):
                return False
        return True

    def is_object(self, i: int, first: int) -> bool:
        """Token ``i`` begins an object: a preposition or a dative/accusative article
        stands before it, across adjectives."""
        j = i - 1
        while j >= first and j >= i - 3:
            word = self.tokens[j].text
            low = word.lower()
            if low in _OBJECT_MARKS:
                return True
            if low in ("des", "der") and j > first:
                previous = self.tokens[j - 1].text
                # a genitive after a noun: "nach Angaben des Kremls"
                return previous[:1].isupper() and previous.isalpha()
            if not (word[:1].islower() and word.isalpha()) or low in ("die", "das"):
                return False
            j -= 1
        return False

    def near(self, first: int, last: int, prefer: int, places: bool = False) -> Speaker | None:
        """The speaker among tokens ``first``..``last`` (inclusive) nearest to token
        ``prefer``; names and roles before pronouns, people and organisations before
        places."""
        best: tuple[tuple[int, int], Speaker] | None = None
        for i, _end, found in self._walk(first, last, lambda _i: places):
            rank = 0 if found.label in SPEAKER_LABELS or found.kind == "role" else 1
            if found.kind == "pronoun":
                rank = 2
            key = (rank, abs(i - prefer))
            if best is None or key < best[0]:
                best = (key, found)
        return best[1] if best else None


def _adjective_before(tokens: Sequence[Token], i: int) -> str | None:
    """The adjective right before a role ("russische" Präsident → "russisch")."""
    if i == 0:
        return None
    word = tokens[i - 1].text.lower()
    if ROLE_ADJECTIVE_RE.match(word) is None or word in {"die", "der", "des", "dem", "den"}:
        return None
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word
