"""Who said what, across the corpus: every stored statement with its id and group, the
groups, and the coverage matrix of groups × sources with what each source alone reports
and what it leaves out.

Built from the statements the analysis stored per article (no text is re-read), then cached
in memory and in the store's meta table under the index version, like the timeline.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis.index_version import code_stamp, index_version
from reader.analysis.statement_groups import Said, group_statements, label, occasions
from reader.analysis.statements import Statement
from reader.corpus.model import When, passage_id

if TYPE_CHECKING:
    from reader.library import Library

COVERAGE_FORMAT = 1  # bump when rows or groups change shape, to drop cached tables
META_KEY = "statements_cache"


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement where it was found: ``id`` is ``<article>#s<n>``."""

    id: str
    article: str
    source: str
    date: When | None
    group: str
    statement: Statement

    @property
    def passage(self) -> str:
        return passage_id(self.article, self.statement.passage)

    def to_json(self) -> dict[str, Any]:
        data = self.statement.to_json()
        data.pop("passage")
        return {
            "id": self.id,
            "article": self.article,
            "source": self.source,
            "date": self.date.iso() if self.date else None,
            "passage": self.passage,
            "group": self.group,
            **data,
        }


@dataclass(slots=True)
class StatementGroup:
    """Statements that report one statement by one speaker, over its occasions."""

    id: str
    speaker: str
    label: str
    sources: list[str]
    occasions: list[str]
    members: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "label": self.label,
            "sources": self.sources,
            "occasions": self.occasions,
            "members": self.members,
        }


@dataclass(slots=True)
class Cell:
    """How one source reports one group: its statements and whether it quotes them."""

    statements: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)

    @property
    def quoted(self) -> bool:
        return "direct" in self.modes


@dataclass(slots=True)
class Statements:
    """The corpus's statements and groups, and the sources they are reported in."""

    version: str
    rows: list[StatementRow]
    groups: list[StatementGroup]
    sources: list[str]
    _passages: dict[str, list[StatementRow]] = field(init=False, repr=False)
    _groups: dict[str, list[StatementRow]] = field(init=False, repr=False)
    _cells: dict[str, dict[str, Cell]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """The rows by passage and by group, and the cells, made once for every look-up
        (the reading pane asks at each cursor move, related passages at each passage)."""
        self._passages, self._groups = defaultdict(list), defaultdict(list)
        self._cells = defaultdict(dict)
        for row in self.rows:
            self._passages[row.passage].append(row)
            self._groups[row.group].append(row)
            if row.statement.teaser:
                continue  # a "Mehr zum Thema" line names another article: no report here
            cell = self._cells[row.group].setdefault(row.source, Cell())
            cell.statements.append(row.id)
            cell.modes.append(row.statement.mode)

    def in_passage(self, pid: str) -> list[StatementRow]:
        """The statements of passage ``pid``."""
        return self._passages.get(pid, [])

    def in_group(self, gid: str) -> list[StatementRow]:
        """The statements of group ``gid``, in the order found."""
        return self._groups.get(gid, [])

    def cells(self) -> dict[str, dict[str, Cell]]:
        """group id → source → the cell (a teaser's statement is in none)."""
        return self._cells

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "statements": [r.to_json() for r in self.rows],
            "groups": [g.to_json() for g in self.groups],
            "sources": self.sources,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statements:
        rows = []
        for item in data["statements"]:
            fields = {k: v for k, v in item.items() if k not in _ROW_KEYS}
            fields["passage"] = int(str(item["passage"]).rpartition("#p")[2])
            rows.append(
                StatementRow(
                    item["id"],
                    item["article"],
                    item["source"],
                    When.parse_iso(item["date"]) if item["date"] else None,
                    item["group"],
                    Statement.from_json(fields),
                )
            )
        groups = [StatementGroup(**g) for g in data["groups"]]
        return cls(data["version"], rows, groups, list(data["sources"]))


_ROW_KEYS = frozenset({"id", "article", "source", "date", "passage", "group"})


@dataclass(slots=True)
class SourceCoverage:
    """What one source alone reports, and what at least two others report that it leaves out."""

    source: str
    only_here: list[str]
    left_out: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "only_here": self.only_here, "left_out": self.left_out}


def per_source(table: Statements, groups: list[StatementGroup]) -> list[SourceCoverage]:
    """Novelty and omissions of every source over ``groups``."""
    out = []
    for source in table.sources:
        only = [g.id for g in groups if g.sources == [source]]
        left = [g.id for g in groups if source not in g.sources and len(g.sources) >= 2]
        out.append(SourceCoverage(source, only, left))
    return out


def source_name(source: str, article_id: str) -> str:
    """The source as shown; an article of no known source is a source of its own."""
    s = source.strip()
    return s if s and s.lower() != "unknown" else article_id


def build(library: Library, version: str) -> Statements:
    """Every stored statement of the library, grouped."""
    from reader.library import ANALYSIS

    with library.lock:
        summaries = library.summaries()
        stored = library.store.analyses(ANALYSIS)
    rows: list[tuple[str, str, When | None, Statement]] = []
    sources: set[str] = set()
    for summary in summaries:
        source = source_name(summary.source, summary.id)
        sources.add(source)
        for s in stored.get(summary.id, {}).get("statements", []):
            rows.append((summary.id, source, summary.date, Statement.from_json(s)))
    said = [Said(aid, s.who, s.relays, s.text, s.side, s.words) for aid, _, _, s in rows]
    numbers = group_statements(said)
    members: dict[int, list[int]] = defaultdict(list)
    for i, n in enumerate(numbers):
        members[n].append(i)
    counters: dict[str, int] = defaultdict(int)
    ids = []
    for aid, _, _, _ in rows:
        counters[aid] += 1
        ids.append(f"{aid}#s{counters[aid]}")

    def reported_in(member: list[int]) -> list[str]:
        """The sources that report a group (a teaser's line does not)."""
        return sorted({rows[i][1] for i in member if not rows[i][3].teaser})

    # most sources first: the sources the group is shown with
    order = sorted(members.values(), key=lambda m: (-len(reported_in(m)), min(m)))
    group_of: dict[int, str] = {}
    groups: list[StatementGroup] = []
    for k, member in enumerate(order, start=1):
        gid = f"g{k}"
        for i in member:
            group_of[i] = gid
        days = [d.as_date() for d in (rows[i][2] for i in member) if d is not None]
        groups.append(
            StatementGroup(
                gid,
                rows[member[0]][3].who or "(unknown)",
                label([rows[i][3].text for i in member], words=[rows[i][3].words for i in member]),
                reported_in(member),
                [d.isoformat() for d in occasions(days)],
                [ids[i] for i in member],
            )
        )
    table_rows = [
        StatementRow(ids[i], aid, source, date, group_of[i], s)
        for i, (aid, source, date, s) in enumerate(rows)
    ]
    return Statements(version, table_rows, groups, sorted(sources))


_CACHE: weakref.WeakKeyDictionary[Any, Statements] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def statements(library: Library) -> Statements:
    """The library's statements: from memory, else from the store, else built (and stored)."""
    stamp = code_stamp("coverage.py", "statement_groups.py")  # a changed rule regroups
    version = f"{COVERAGE_FORMAT}:{stamp}:{index_version(library)}"
    with _CACHE_LOCK:
        cached = _CACHE.get(library)
    if cached is not None and cached.version == version:
        return cached
    with library.lock:
        raw = library.store.get_meta(META_KEY)
    table: Statements | None = None
    if raw:
        try:
            loaded = Statements.from_json(json.loads(raw))
            table = loaded if loaded.version == version else None
        except (ValueError, KeyError, TypeError):
            table = None
    if table is None:
        table = build(library, version)
        with library.lock:
            library.store.set_meta(META_KEY, json.dumps(table.to_json(), ensure_ascii=False))
            library.store.commit()
    with _CACHE_LOCK:
        _CACHE[library] = table
    return table
