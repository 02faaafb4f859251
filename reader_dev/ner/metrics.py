"""Span-level precision, recall and F1 per label (exact span and label must match)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

# A gold or predicted mention: (document key, start, end, label).
Mention = tuple[Hashable, int, int, str]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def score(gold: Iterable[Mention], predicted: Iterable[Mention]) -> dict[str, Score]:
    """Scores per label plus ``"ALL"`` (micro-averaged over every label)."""
    gold_set, pred_set = set(gold), set(predicted)
    labels = sorted({m[3] for m in gold_set | pred_set})
    result: dict[str, Score] = {}
    for label in [*labels, "ALL"]:
        g = {m for m in gold_set if label in ("ALL", m[3])}
        p = {m for m in pred_set if label in ("ALL", m[3])}
        result[label] = Score(len(g & p), len(p - g), len(g - p))
    return result


def report(scores: dict[str, Score]) -> str:
    return "\n".join(f"{label:>4} {s.row()}" for label, s in scores.items())
