"""Statement quality on the hand-annotated gold (issue 12): detection P/R/F1, mode and speaker
accuracy, and pairwise grouping P/R/F1 across articles, for split "dev" and split "heldout".

    python bench/bench_statement_quality.py [--corpora DIR] [--seeds-only] [--json]

Runs ``reader.analysis.statements.find_statements(article, entities)`` with the entities of
``reader.analysis.pipeline.make_recognizer().find(article.text)``, and
``reader.analysis.statement_groups.group_statements`` over every statement found. The gold and
its matching rules: ``tests/data/STATEMENTS.md`` and ``reader_dev.statements.gold``. The
front-page items need ``../shared/corpora`` (or ``$READER_CORPORA``); ``--seeds-only`` scores
the seeds alone.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.corpus.model import Article
from reader_dev.statements.gold import (
    SPLITS,
    GoldUnit,
    Group,
    Predict,
    Predicted,
    load_gold,
    score,
)

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"f1": 0.85, "speaker_accuracy": 0.85, "group_f1": 0.80}


def reader_pipeline() -> tuple[Predict, Group]:
    """The shipped detector and grouping, imported only when the benchmark runs (by name, so
    that this file type-checks before ``reader.analysis.statements`` exists)."""
    make_recognizer = importlib.import_module("reader.analysis.pipeline").make_recognizer
    find_statements = importlib.import_module("reader.analysis.statements").find_statements
    groups = importlib.import_module("reader.analysis.statement_groups")
    group_statements = groups.group_statements

    recognizer = make_recognizer()

    def predict(article: Article) -> Sequence[Predicted]:
        return find_statements(article, recognizer.find(article.text))

    said = groups.Said

    def group(items: list[tuple[Article, Predicted]]) -> Sequence[int]:
        # group_statements takes what grouping needs of each statement (reader.analysis.
        # statement_groups.Said): its article, speaker, relays and words
        return group_statements(
            [said(a.id, s.who, s.relays, s.text, s.side, s.words) for a, s in items]  # type: ignore[attr-defined]
        )

    return predict, group


def run(units: Sequence[GoldUnit], predict: Predict, group: Group | None) -> dict[str, Any]:
    """Scores plus the seconds spent, for :func:`report`."""
    started = time.perf_counter()
    scores: dict[str, Any] = score(units, predict, group)
    scores["seconds"] = time.perf_counter() - started
    return scores


def report(scores: dict[str, Any], units: Sequence[GoldUnit]) -> str:
    """A readable table: one block per split, targets marked."""
    lines: list[str] = []
    for split in (*SPLITS, "all"):
        row = scores[split]
        articles = sum(1 for u in units if split in ("all", u.split))
        lines.append(
            f"[{split}] {articles} articles, {row['gold']} gold, {row['predicted']} predicted, "
            f"{row['matched']} matched"
        )
        lines.append(
            f"  detection  P={row['precision']:.3f} R={row['recall']:.3f} F1={row['f1']:.3f}"
            + _target(row, "f1")
        )
        lines.append(
            f"  mode       {row['mode_accuracy']:.3f} ({row['mode_correct']}/{row['matched']})"
        )
        lines.append(
            f"  speaker    {row['speaker_accuracy']:.3f} "
            f"({row['speaker_correct']}/{row['matched']})" + _target(row, "speaker_accuracy")
        )
        if "group_f1" in row and not row["pairs_gold"] + row["pairs_predicted"]:
            lines.append("  grouping   no pairs of statements in different articles")
        elif "group_f1" in row:
            lines.append(
                f"  grouping   P={row['group_precision']:.3f} R={row['group_recall']:.3f} "
                f"F1={row['group_f1']:.3f} (pairs: gold {row['pairs_gold']}, predicted "
                f"{row['pairs_predicted']}, common {row['pairs_common']})"
                + _target(row, "group_f1")
            )
    lines.append(f"{scores['seconds']:.2f} s")
    return "\n".join(lines)


def _target(row: dict[str, Any], name: str) -> str:
    goal = TARGETS[name]
    return f"  (target {goal:.2f}: {'met' if row[name] >= goal else 'NOT met'})"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=None, help="folder of the corpora")
    parser.add_argument("--seeds-only", action="store_true", help="score the seeds alone")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    units = load_gold(REPO, args.corpora, ["seeds"] if args.seeds_only else None)
    predict, group = reader_pipeline()
    scores = run(units, predict, group)
    print(json.dumps(scores, indent=2) if args.json else report(scores, units))


if __name__ == "__main__":
    main()
