"""A small tokenizer with character offsets, shared by entity, date and link analysis.

Words keep inner hyphens and apostrophes ("NATO-Osterweiterung", "US-Präsident" are one
token, as in GermEval 2014); every other non-space character is a token of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+(?:[-‐‑'’]\w+)*|[^\w\s]")
HYPHENS = re.compile(r"[-‐‑]")
"""The hyphens that join the elements of a compound inside one token."""
SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def sentences(tokens: list[Token]) -> Iterator[list[Token]]:
    """Split a token list into sentences at ``.``/``!``/``?`` followed by a capitalised
    token or a quote. Ordinals ("7.") and abbreviations ("Dez.") mostly stay inside, since
    the next token is then a lower-case word or a number."""
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        if tok.text in SENTENCE_END:
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            prev = tokens[i - 1].text if i else ""
            if nxt and not (nxt[0].isupper() or nxt[0] in "\"„“»«'"):
                continue
            if prev.isdigit() and len(prev) <= 2:
                continue
            yield current
            current = []
    if current:
        yield current
