"""Article text as Textual Content: never markup, control characters made visible, styled
spans applied by character offsets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.content import Content, Span
from textual.style import Style

from reader.ui.logic.text import one_line, visible

StyleSpan = tuple[int, int, "str | Style"]
"""``(start, end, style)`` with offsets into the passage text."""


def styled(text: str, spans: Iterable[StyleSpan] = (), *, single_line: bool = False) -> Content:
    """``text`` as literal Content with ``spans`` applied in order (later spans win)."""
    plain = one_line(text) if single_line else visible(text)
    length = len(plain)
    clean = [
        Span(max(0, s), min(e, length), style)
        for s, e, style in spans
        if style and s < length and e > s
    ]
    return Content(plain, clean, strip_control_codes=False)


def layered(text: str, layers: Sequence[Mapping[int, Sequence[StyleSpan]]], index: int) -> Content:
    """Passage ``index``'s text with the spans every layer has for it, first layer lowest."""
    spans: list[StyleSpan] = []
    for layer in layers:
        spans.extend(layer.get(index, ()))
    return styled(text, spans)


def spans_by_passage(
    passages: Sequence[tuple[int, int]], spans: Iterable[StyleSpan]
) -> dict[int, list[StyleSpan]]:
    """Split spans in article coordinates into passage coordinates.

    ``passages`` are ``(start, end)`` of each passage in the article text (``Passage.start``,
    ``Passage.end``); a span crossing a passage boundary is cut at it.
    """
    result: dict[int, list[StyleSpan]] = {}
    ordered = sorted(spans, key=lambda s: s[0])
    for index, (p_start, p_end) in enumerate(passages):
        for s, e, style in ordered:
            if s >= p_end:
                break
            if e <= p_start:
                continue
            result.setdefault(index, []).append(
                (max(s, p_start) - p_start, min(e, p_end) - p_start, style)
            )
    return result
