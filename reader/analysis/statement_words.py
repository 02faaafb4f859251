"""The words of a statement as grouping compares them: short stems of their lemmas, with
compounds also by their parts. Computed when the statement is found (HanTa is loaded then
anyway) and stored with it, so grouping the corpus needs no tagger."""

from __future__ import annotations

import re
from functools import lru_cache

STEM = 6  # letters of a lemma that stand for it ("Garantien", "Garantie" → "garant")
_WORD_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_STOP = frozenset(
    [
        "aber",
        "alle",
        "allen",
        "aller",
        "alles",
        "also",
        "auch",
        "auf",
        "aus",
        "bei",
        "beim",
        "bereits",
        "beiden",
        "bis",
        "damit",
        "dann",
        "darauf",
        "daran",
        "darin",
        "darüber",
        "dass",
        "dem",
        "den",
        "denen",
        "der",
        "deren",
        "des",
        "dessen",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "durch",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "etwa",
        "für",
        "gegen",
        "habe",
        "haben",
        "hat",
        "hatte",
        "hätten",
        "immer",
        "jedoch",
        "kein",
        "keine",
        "können",
        "könne",
        "könnte",
        "mehr",
        "mit",
        "nach",
        "nicht",
        "noch",
        "nur",
        "oder",
        "ohne",
        "schon",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "sei",
        "seien",
        "sich",
        "sie",
        "sind",
        "soll",
        "solle",
        "sollen",
        "sollte",
        "sowie",
        "über",
        "und",
        "uns",
        "unter",
        "vom",
        "von",
        "vor",
        "war",
        "waren",
        "was",
        "weil",
        "weiter",
        "wenn",
        "werde",
        "werden",
        "wird",
        "wieder",
        "wir",
        "wolle",
        "wollen",
        "wurde",
        "wurden",
        "zum",
        "zur",
        "zwischen",
    ]
)


def stems(text: str) -> frozenset[str]:
    """The content words of ``text`` as short stems of their lemmas, compounds also by
    their parts ("Putin-Residenz": "putin", "reside"; "festgenommen": "festne")."""
    out: set[str] = set()
    for match in _WORD_RE.finditer(text):
        word = match.group()
        for part in {word, *word.split("-")} if "-" in word else (word,):
            low = part.lower()
            if low.isdigit():
                if len(low) >= 2:
                    out.add(low)
            elif len(low) >= 4 and low not in _STOP and not _nationality(low):
                out.add(_lemma(part)[:STEM])
    out.update(_separable(text))
    return frozenset(out)


_CLAUSE_END_RE = re.compile(r"(\w+)\s*(?:[,.;:!?»«“”\"]|$)")


def _separable(text: str) -> set[str]:
    """A separable verb as one word: "greift … an" → "angrei" (as "angegriffen"), by the
    particle that ends a clause joined to the lemma of the clause's finite verb."""
    from reader.analysis.statement_cues import PARTICLES, lemma

    out: set[str] = set()
    start = 0
    for match in _CLAUSE_END_RE.finditer(text):
        particle = match.group(1)
        clause = text[start : match.start(1)]
        start = match.end()
        if particle not in PARTICLES:
            continue
        for word in _WORD_RE.findall(clause):
            if word[:1].islower() and word.isalpha() and "FIN" in lemma(word)[1]:
                out.add((particle + lemma(word)[0].lower())[:STEM])
                break
    return out


@lru_cache(maxsize=20_000)
def _nationality(low: str) -> bool:
    """ "russischen", "ukrainische": a country's adjective says whose, not what (every
    statement of a story about Russia has one)."""
    from reader.analysis.statement_cues import country_of

    return country_of(low) is not None


@lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    from reader.analysis.statement_cues import lemma

    if word[:1].isupper():
        # a noun's lemma: "Putins" → "putin", "Ermittlern" → "ermittler" (a noun's first
        # letters are its lemma's otherwise: "Garantien")
        base, tag = lemma(word)
        return base.lower() if tag in ("NN", "NE") and word.startswith(base) else word.lower()
    return lemma(word)[0].lower()
