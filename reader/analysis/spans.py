"""One span model for everything found in text: entities (PER, LOC, ORG) and dates (DATE)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from reader.corpus.model import When

Label = Literal["PER", "LOC", "ORG", "DATE"]
ENTITY_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")


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
