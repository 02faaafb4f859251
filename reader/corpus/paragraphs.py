"""Splitting article text into passages: headline first, then paragraphs, with offsets."""

from __future__ import annotations

import re

from reader.corpus.model import Passage, passage_id

BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")
# Whitespace str.strip() removes, including the no-break spaces some outlets leave behind.


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    left = len(segment) - len(segment.lstrip())
    right = len(segment.rstrip())
    return start + left, start + right


def split_passages(article_id: str, text: str) -> list[Passage]:
    """Headline (the first non-empty line), then paragraphs.

    Paragraphs are separated by blank lines; a body with no blank line at all is split at
    single newlines (wire copy often comes that way).
    """
    bounds: list[tuple[int, int]] = []
    first_nl = text.find("\n")
    head_end = len(text) if first_nl < 0 else first_nl
    start, end = _stripped(text, 0, head_end)
    if end > start:
        bounds.append((start, end))
    body_start = head_end
    body = text[body_start:]
    separator = BLANK_LINE if BLANK_LINE.search(body.strip("\n")) else re.compile(r"\n")
    pos = body_start
    for match in separator.finditer(text, body_start):
        bounds.append(_stripped(text, pos, match.start()))
        pos = match.end()
    bounds.append(_stripped(text, pos, len(text)))
    return [
        Passage(passage_id(article_id, i), article_id, i, s, e, text[s:e])
        for i, (s, e) in enumerate(b for b in bounds if b[1] > b[0])
    ]
