"""The statement errors of the dev split, to see what to fix (issue 12): missed gold
statements, false alarms, wrong speakers and modes, and the grouping pairs across articles
that are wrong or missed.

    python -m reader_dev.statements.errors [--groups] [--corpora DIR]

Only the ``dev`` split is ever printed: the ``heldout`` split is unseen text, reported as
numbers by ``bench/bench_statement_quality.py`` and never looked at to tune.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence
from pathlib import Path

from reader.corpus.model import Article
from reader_dev.statements.gold import (
    REPO_ROOT,
    GoldStatement,
    Group,
    Predict,
    Predicted,
    load_gold,
    match,
    speaker_correct,
)

SPLIT = "dev"


def _shown(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def errors(predict: Predict, group: Group | None, corpora: Path | None = None) -> list[str]:
    """Lines describing every dev error of ``predict`` (and of ``group``, if given)."""
    units = [u for u in load_gold(REPO_ROOT, corpora) if u.split == SPLIT]
    lines: list[str] = []
    flat: list[tuple[Article, Predicted]] = []
    matched: list[tuple[int, GoldStatement, int]] = []
    for ui, unit in enumerate(units):
        assert unit.article is not None
        text = unit.article.text
        predicted = list(predict(unit.article))
        offset = len(flat)
        flat.extend((unit.article, p) for p in predicted)
        pairs = match(unit.statements, predicted)
        golds, preds = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, g in enumerate(unit.statements):
            if gi not in golds:
                cue = text[g.cue_start : g.cue_end]
                lines.append(
                    f"MISS    {unit.key} [{g.mode}] {g.speaker} cue {cue!r}:"
                    f" {_shown(text[g.start : g.end])}"
                )
        for pi, p in enumerate(predicted):
            if pi not in preds:
                lines.append(
                    f"FALSE   {unit.key} [{p.mode}] {p.canonical or p.speaker}:"
                    f" {_shown(text[p.start : p.end])}"
                )
        for gi, pi in pairs:
            g, p = unit.statements[gi], predicted[pi]
            matched.append((ui, g, offset + pi))
            if not speaker_correct(g, p):
                lines.append(
                    f"SPEAKER {unit.key} gold {g.speaker}, found {p.speaker!r} → {p.canonical}:"
                    f" {_shown(text[p.start : p.end], 60)}"
                )
            if g.mode != p.mode:
                lines.append(
                    f"MODE    {unit.key} gold {g.mode}, found {p.mode}:"
                    f" {_shown(text[p.start : p.end], 60)}"
                )
    if group is not None:
        ids = list(group(flat))
        for (ua, ga, pa), (ub, gb, pb) in itertools.combinations(matched, 2):
            if units[ua].key == units[ub].key:
                continue
            same_gold, same_found = ga.group == gb.group, ids[pa] == ids[pb]
            if same_gold == same_found:
                continue
            kind = "MISSED  pair" if same_gold else "WRONG   pair"
            lines.append(f"{kind} {ga.group} / {gb.group}")
            for unit_index, index in ((ua, pa), (ub, pb)):
                article, s = flat[index]
                lines.append(
                    f"    {units[unit_index].key} {s.canonical or s.speaker!r}:"
                    f" {_shown(article.text[s.start : s.end], 90)}"
                )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    from bench.bench_statement_quality import reader_pipeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", action="store_true", help="also the grouping pairs")
    parser.add_argument("--corpora", type=Path, default=None, help="folder of the corpora")
    args = parser.parse_args(argv)
    predict, group = reader_pipeline()
    print("\n".join(errors(predict, group if args.groups else None, args.corpora)))


if __name__ == "__main__":
    main()
