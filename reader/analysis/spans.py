"""One span model for everything found in text: entities (PER, LOC, ORG) and dates (DATE)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from reader.corpus.model import When

Label = Literal["PER", "LOC", "ORG", "DATE"]
ENTITY_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")
PART_SUFFIX = "part"
PART_LABELS: tuple[str, ...] = tuple(label + PART_SUFFIX for label in ENTITY_LABELS)
"""A name inside a compound token ("NATO" in "NATO-Osterweiterung" is ``ORGpart``), as
GermEval 2014 labels it: it is found by search and drawn in the text, but it is not a mention
of the name (tests/data/ANNOTATION.md)."""


def is_part(label: str) -> bool:
    """Whether ``label`` is one of :data:`PART_LABELS`."""
    return label in PART_LABELS


def entity_type(label: str) -> str:
    """The type of an entity label: ``ORG`` for both ``ORG`` and ``ORGpart``."""
    return label[: -len(PART_SUFFIX)] if is_part(label) else label


def as_part(span: Span, tokens_start: set[int], tokens_end: set[int]) -> Span:
    """``span`` with a part label when it covers only part of a token (its start or end is
    not a token edge, given as the sets of token starts and ends); otherwise unchanged."""
    if span.label in ENTITY_LABELS and not (span.start in tokens_start and span.end in tokens_end):
        return Span(
            span.start,
            span.end,
            span.text,
            span.label + PART_SUFFIX,
            span.canonical,
            span.value,
            span.origin,
        )
    return span


@dataclass(frozen=True, slots=True)
class Span:
    """``text == source_text[start:end]``.

    ``canonical`` names the entity a mention refers to ("Wladimir Putin" for "Putins");
    ``value`` is the resolved point in time of a date span; ``origin`` says which part of
    the recogniser produced it ("user", "gazetteer", "rule", "model", "date").
    """

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None
    value: When | None = None
    origin: str = ""

    def shifted(self, offset: int) -> Span:
        """The same span with offsets moved by ``offset`` (passage → article coordinates)."""
        return Span(
            self.start + offset,
            self.end + offset,
            self.text,
            self.label,
            self.canonical,
            self.value,
            self.origin,
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
        }
        if self.canonical is not None:
            data["canonical"] = self.canonical
        if self.value is not None:
            data["value"] = self.value.to_json()
        if self.origin:
            data["origin"] = self.origin
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        value = data.get("value")
        when = When.from_json(value) if value else None
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            str(data["label"]),
            data.get("canonical"),
            when,
            str(data.get("origin", "")),
        )
