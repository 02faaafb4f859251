"""Rows of the coverage and speaker panes, and the statements of one passage, from the
corpus's statement table (no Textual here: tested on its own)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.ui.logic.timeline_rows import is_unknown

if TYPE_CHECKING:
    from reader.analysis.coverage import Cell, StatementGroup, StatementRow, Statements

QUOTED, PARAPHRASED, ABSENT = "Q", "P", "·"
MODE_SHORT = {"direct": "quote ", "indirect": "report", "according_to": "attrib"}
MODE_WORDS = {"direct": "quoted", "indirect": "reported", "according_to": "attributed"}
SORTS = ("sources", "speaker")


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One statement group: its mark per source (in the table's source order)."""

    group: StatementGroup
    marks: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.group.id

    @property
    def is_heading(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker's heading (``statement`` is None) or one of their statements."""

    title: str
    statement: StatementRow | None = None

    @property
    def key(self) -> str | None:
        return self.statement.id if self.statement else None

    @property
    def is_heading(self) -> bool:
        return self.statement is None


def mark(modes: Sequence[str]) -> str:
    """Q when any report there quotes the words, P when all paraphrase, · when none."""
    if not modes:
        return ABSENT
    return QUOTED if "direct" in modes else PARAPHRASED


def coverage_rows(
    table: Statements, sort: str = "sources", min_sources: int = 1
) -> list[CoverageRow]:
    """Every group reported by at least ``min_sources`` sources, most sources first (or by
    speaker), with its marks."""
    cells = table.cells()
    groups = [g for g in table.groups if len(g.sources) >= min_sources]
    if sort == "speaker":
        groups.sort(key=lambda g: (g.speaker.casefold(), -len(g.sources), g.id))
    return [CoverageRow(g, tuple(_mark_of(cells, g.id, s) for s in table.sources)) for g in groups]


def _mark_of(cells: dict[str, dict[str, Cell]], gid: str, source: str) -> str:
    cell = cells.get(gid, {}).get(source)
    return mark(cell.modes if cell is not None else [])


def speaker_rows(table: Statements) -> list[SpeakerRow]:
    """Statements under their speakers, the speakers with most statements first; within a
    speaker, a group's wordings together."""
    by_speaker: dict[str, list[StatementRow]] = defaultdict(list)
    for row in table.rows:
        by_speaker[row.statement.who or "(speaker unknown)"].append(row)
    order = sorted(by_speaker, key=lambda s: (s == "(speaker unknown)", -len(by_speaker[s]), s))
    out: list[SpeakerRow] = []
    for speaker in order:
        mine = sorted(by_speaker[speaker], key=lambda r: (r.group, r.source, r.id))
        sources = len({r.source for r in mine})
        out.append(
            SpeakerRow(
                f"{speaker} — {len(mine)} statement{'s' if len(mine) != 1 else ''}, "
                f"{sources} source{'s' if sources != 1 else ''}"
            )
        )
        out += [SpeakerRow(speaker, r) for r in mine]
    return out


@dataclass(slots=True)
class PassageStatements:
    """The statements of one passage, each with the other sources that report its group."""

    here: list[StatementRow] = field(default_factory=list)
    elsewhere: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """statement id → (source, Q/P) of the other sources reporting the same group."""


def passage_statements(table: Statements, passage_id: str) -> PassageStatements:
    """What the reading pane shows of the passage ``passage_id``."""
    here = table.in_passage(passage_id)
    result = PassageStatements(list(here))
    cells = table.cells()
    for r in here:
        result.elsewhere[r.id] = [
            (source, mark(cell.modes))
            for source, cell in sorted(cells.get(r.group, {}).items())
            if source != r.source
        ]
    return result


def quotes_first(table: Statements, group_id: str) -> list[StatementRow]:
    """A group's statements, a quote first where there is one (the one Enter opens)."""
    return sorted(
        table.in_group(group_id), key=lambda r: (r.statement.mode != "direct", r.source, r.id)
    )


def two_wordings(table: Statements, group_id: str) -> tuple[StatementRow, StatementRow] | None:
    """Two members of a group from different sources (a quote first when there is one),
    for the compare view; None when only one source reports it."""
    members = quotes_first(table, group_id)
    if not members:
        return None
    first = members[0]
    other = next((r for r in members[1:] if r.source != first.source), None)
    return (first, other) if other is not None else None


def source_label(source: str, no_source: frozenset[str]) -> str:
    """How a source is named in a narrow column: an article of no known source (its id
    stands for its source) as ``?`` and the start of its id."""
    return f"?{source[:6]}" if source in no_source else source


_NO_SOURCE: list[tuple[int, int, frozenset[str]]] = []


def articles_without_source(summaries: Sequence[object]) -> frozenset[str]:
    """The ids of the articles whose source is not known (from the library's summaries),
    worked out once per list: the panes and the strip ask at every cursor move."""
    key = (id(summaries), len(summaries))
    if _NO_SOURCE and _NO_SOURCE[0][:2] == key:
        return _NO_SOURCE[0][2]
    found = frozenset(
        str(getattr(s, "id", ""))
        for s in summaries
        if is_unknown(str(getattr(s, "source", "") or ""))
    )
    _NO_SOURCE[:] = [(*key, found)]
    return found
