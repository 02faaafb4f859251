"""The coverage matrix as text for the terminal, as a Markdown table and as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.analysis.coverage import Cell, SourceCoverage, StatementGroup
from reader.corpus.visible import shorten

MARKS = {"quoted": "Q", "paraphrased": "P", "": "·"}


def how(cell: Cell | None) -> str:
    """``quoted``, ``paraphrased`` or ``""`` (not reported)."""
    if cell is None:
        return ""
    return "quoted" if cell.quoted else "paraphrased"


def text_table(
    groups: Sequence[StatementGroup],
    sources: Sequence[str],
    cells: dict[str, dict[str, Cell]],
    width: int = 44,
) -> list[str]:
    """One line per group: a Q/P/· column per source, then speaker and label; a legend
    of the source columns first."""
    lines = [f"  {chr(65 + i) if i < 26 else i}  {s}" for i, s in enumerate(sources)]
    head = " ".join(chr(65 + i) if i < 26 else "?" for i in range(len(sources)))
    lines.append("")
    lines.append(f"{'group':<6} {head}  speaker — statement")
    for g in groups:
        marks = " ".join(MARKS[how(cells.get(g.id, {}).get(s))] for s in sources)
        text = shorten(g.label, width)
        lines.append(f"{g.id:<6} {marks}  {g.speaker} — {text}")
    return lines


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def markdown(
    groups: Sequence[StatementGroup], sources: Sequence[str], cells: dict[str, dict[str, Cell]]
) -> str:
    """A Markdown table: speaker, statement, one column per source (quoted, paraphrased, —)."""
    rows = ["| Speaker | Statement | " + " | ".join(_md_cell(s) for s in sources) + " |"]
    rows.append("|" + "---|" * (len(sources) + 2))
    for g in groups:
        marks = [how(cells.get(g.id, {}).get(s)) or "—" for s in sources]
        rows.append(f"| {_md_cell(g.speaker)} | {_md_cell(g.label)} | " + " | ".join(marks) + " |")
    return "\n".join(rows) + "\n"


def csv_text(
    groups: Sequence[StatementGroup], sources: Sequence[str], cells: dict[str, dict[str, Cell]]
) -> str:
    """CSV: group, speaker, statement, sources count, then one column per source."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["group", "speaker", "statement", "sources", *sources])
    for g in groups:
        writer.writerow(
            [g.id, g.speaker, g.label, len(g.sources)]
            + [how(cells.get(g.id, {}).get(s)) for s in sources]
        )
    return buffer.getvalue()


def novelty_lines(per_source: Sequence[SourceCoverage]) -> list[str]:
    lines = []
    for s in per_source:
        if s.only_here or s.left_out:
            only = ", ".join(s.only_here) or "—"
            left = ", ".join(s.left_out) or "—"
            lines.append(f"{s.source}: only here {only}; leaves out {left}")
    return lines
