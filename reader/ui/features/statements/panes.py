"""The coverage pane (one row per statement group: Q quoted, P paraphrased, · not reported,
per outlet) and the speaker pane (who said what, every outlet's wording).

Both show the table the screen hands down (``statements``); Enter posts
:class:`~reader.ui.messages.OpenPassage` for the statement's passage; in the coverage pane
``s`` sorts by sources or by speaker and ``=`` compares two outlets' wordings of the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from reader.corpus.model import split_passage_id
from reader.ui.keys import bindings, key_label
from reader.ui.logic import statement_rows as sr
from reader.ui.logic import timeline_rows as tr
from reader.ui.logic.text import one_line
from reader.ui.messages import OpenPassage
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.analysis.coverage import StatementRow, Statements
    from reader.search.store import ArticleSummary
    from reader.ui.source import LibrarySource

MARK_STYLES = {sr.QUOTED: "bold $text-success", sr.PARAPHRASED: "$text-warning", sr.ABSENT: "dim"}
WORDINGS_SHOWN = 6
NONE_YET = "No statements found yet: they come with the analysis (`reader index`)."
LOADING = "Finding who said what… (statements come with the analysis of names and dates)"


def column_letter(n: int) -> str:
    return chr(ord("A") + n) if n < 26 else "?"


def _open(pane: Vertical, row: StatementRow) -> None:
    article_id, index = split_passage_id(row.passage)
    pane.post_message(OpenPassage(article_id, index))


class _StatementPane(Vertical):
    """What the two panes share: the table handed down, a status line, a list, a detail."""

    statements: var[Statements | None] = var(None)
    summaries: var[Sequence[ArticleSummary]] = var(())
    prefix = ""

    def compose(self) -> ComposeResult:
        yield Static(Content(LOADING), id=f"{self.prefix}-status", markup=False)
        yield RowList(render=self._render_row, id=f"{self.prefix}-list")
        yield Static(Content(""), id=f"{self.prefix}-detail", markup=False)

    def on_mount(self) -> None:
        self._show_rows()

    def watch_statements(self) -> None:
        if self.is_mounted:
            self._show_rows()

    @property
    def focus_target(self) -> RowList:
        return self.row_list

    @property
    def row_list(self) -> RowList:
        return self.query_one(f"#{self.prefix}-list", RowList)

    def _status(self, text: str | Content) -> None:
        self.query_one(f"#{self.prefix}-status", Static).update(
            text if isinstance(text, Content) else Content(text)
        )

    def _detail(self, content: Content) -> None:
        self.query_one(f"#{self.prefix}-detail", Static).update(content)

    @on(RowList.Highlighted)
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        self._show_detail()

    def _show_rows(self) -> None:
        """The rows of the table handed down, the cursor kept on its row, and the status."""
        table = self.statements
        if table is None:
            self.row_list.set_rows([])
            return
        current = self.row_list.current
        rows = self._rows(table)
        self.row_list.set_rows(rows, keep=current.key if current is not None else None)
        self._status(self._describe(table, rows) if rows else NONE_YET)
        self._show_detail()

    def _rows(self, table: Statements) -> Sequence[Any]:
        raise NotImplementedError

    def _describe(self, table: Statements, rows: Sequence[Any]) -> str | Content:
        raise NotImplementedError

    def _show_detail(self) -> None:
        raise NotImplementedError

    def _render_row(self, row: Any) -> Content:
        raise NotImplementedError


class CoveragePane(_StatementPane):
    """Statement groups × outlets; posts :class:`OpenPassage` to jump."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("coverage")
    prefix = "coverage"

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.sort = sr.SORTS[0]

    def _rows(self, table: Statements) -> Sequence[Any]:
        return sr.coverage_rows(table, self.sort)

    def _describe(self, table: Statements, rows: Sequence[Any]) -> str | Content:
        no_source = sr.articles_without_source(self.summaries)
        legend = "  ".join(
            f"{column_letter(n)} {one_line(sr.source_label(s, no_source))}"
            for n, s in enumerate(table.sources)
        )
        shared = sum(1 for r in rows if len(r.group.sources) >= 2)
        sort = "most sources first" if self.sort == "sources" else "by speaker"
        return Content.assemble(
            (
                f"{len(rows):,} statements ({len(table.rows):,} reports), "
                f"{shared:,} in ≥2 sources · {sort}",
                "bold",
            ),
            (f" · {key_label(self.app, 'coverage_sort')} sorts · ", "dim"),
            ("Q", MARK_STYLES[sr.QUOTED]),
            (" quoted ", "dim"),
            ("P", MARK_STYLES[sr.PARAPHRASED]),
            (" paraphrased ", "dim"),
            (sr.ABSENT, MARK_STYLES[sr.ABSENT]),
            (" not reported\n", "dim"),
            (legend, "dim"),
        )

    def _render_row(self, row: sr.CoverageRow) -> Content:
        parts: list[str | tuple[str, str]] = []
        for m in row.marks:
            parts += [(m, MARK_STYLES[m]), " "]
        parts += [(one_line(row.group.speaker), "bold"), " — ", one_line(row.group.label)]
        return Content.assemble(*parts)

    @on(RowList.Selected, "#coverage-list")
    def _selected(self, message: RowList.Selected) -> None:
        message.stop()
        table, row = self.statements, message.row
        if table is None or not isinstance(row, sr.CoverageRow):
            return
        members = sr.quotes_first(table, row.group.id)
        if members:
            _open(self, members[0])

    def _show_detail(self) -> None:
        table, row = self.statements, self.row_list.current
        if table is None or not isinstance(row, sr.CoverageRow):
            self._detail(Content(""))
            return
        group = row.group
        no_source = sr.articles_without_source(self.summaries)
        members = table.in_group(group.id)
        lines = [
            Content.assemble(
                (one_line(group.speaker), "bold"),
                (f" · {len(group.sources)} of {len(table.sources)} sources", "dim"),
                (f" · {', '.join(group.occasions) or 'undated'}", "dim"),
            )
        ]
        for r in members[:WORDINGS_SHOWN]:
            lines.append(
                Content.assemble(
                    (one_line(sr.source_label(r.source, no_source)), "bold"),
                    (f" {sr.MODE_WORDS.get(r.statement.mode, r.statement.mode)}: ", "dim"),
                    one_line(r.statement.text),
                )
            )
        if len(members) > WORDINGS_SHOWN:
            lines.append(Content(f"… and {len(members) - WORDINGS_SHOWN} more").stylize("dim"))
        missing = [sr.source_label(s, no_source) for s in table.sources if s not in group.sources]
        if missing:
            lines.append(Content("not reported by " + ", ".join(one_line(s) for s in missing)))
        compare = key_label(self.app, "coverage_compare")
        keys = f"Enter opens the passage · {compare} compares two outlets"
        lines.append(Content(keys).stylize("dim"))
        self._detail(Content("\n").join(lines))

    def action_sort(self) -> None:
        """``s``: most sources first, or by speaker."""
        self.sort = sr.SORTS[(sr.SORTS.index(self.sort) + 1) % len(sr.SORTS)]
        self._show_rows()

    def action_compare_row(self) -> None:
        """``=``: two outlets' wordings of the row side by side."""
        table, row = self.statements, self.row_list.current
        if table is None or not isinstance(row, sr.CoverageRow):
            return
        pair = sr.two_wordings(table, row.group.id)
        if pair is None:
            self.app.notify("Only one outlet reports this statement: nothing to compare.")
            return
        from reader.analysis.related_model import Related
        from reader.ui.dialogs.compare import Compared, CompareScreen

        first, other = pair
        library = self.source.library
        article_id, index = split_passage_id(other.passage)
        article = library.article(article_id)
        if article is None or index >= len(article.passages):
            self.app.notify("That outlet's article is no longer in the index.")
            return
        related = Related.to_compare(article, index, "statement")

        def opened(result: Compared | None) -> None:
            if result is not None and result.opened:  # Enter: open it; Escape: stay
                self.post_message(OpenPassage(result.location.article_id, result.location.passage))

        how = f"{sr.MODE_WORDS[first.statement.mode]} and {sr.MODE_WORDS[other.statement.mode]}"
        caption = f"one statement by {one_line(row.group.speaker)}, {how}"
        self.app.push_screen(
            CompareScreen(library, self.summaries, first.passage, [related], 0, caption), opened
        )


class SpeakerPane(_StatementPane):
    """Who said what: statements under their speakers; posts :class:`OpenPassage`."""

    prefix = "speakers"

    def _rows(self, table: Statements) -> Sequence[Any]:
        return sr.speaker_rows(table)

    def _describe(self, table: Statements, rows: Sequence[Any]) -> str | Content:
        speakers = sum(1 for r in rows if r.is_heading)
        return f"{speakers:,} speakers · {len(table.rows):,} statements · Enter opens the passage"

    def _render_row(self, row: sr.SpeakerRow) -> Content:
        if row.statement is None:
            return Content(one_line(row.title))
        s = row.statement
        badges = tr.badges_for(self.summaries)
        source = "" if s.source == s.article else s.source  # no known source: its id
        return Content.assemble(
            "  ",
            (f" {badges.badge(source)} ", badges.style(source)),
            (f" {sr.MODE_SHORT.get(s.statement.mode, s.statement.mode)} ", "dim"),
            one_line(s.statement.text),
        )

    @on(RowList.Selected, "#speakers-list")
    def _selected(self, message: RowList.Selected) -> None:
        message.stop()
        row = message.row
        if isinstance(row, sr.SpeakerRow) and row.statement is not None:
            _open(self, row.statement)

    def _show_detail(self) -> None:
        row = self.row_list.current
        if not isinstance(row, sr.SpeakerRow) or row.statement is None:
            self._detail(Content(""))
            return
        s = row.statement
        st = s.statement
        via = f" via {', '.join(st.relays)}" if st.relays else ""
        date = s.date.iso() if s.date else "undated"
        self._detail(
            Content("\n").join(
                [
                    Content.assemble(
                        (one_line(st.who or "(speaker unknown)"), "bold"),
                        (
                            f" · {one_line(sr.source_label(s.source, frozenset({s.article})))}",
                            "dim",
                        ),
                        (f" · {date} · {st.cue}{via}", "dim"),
                        (" · teaser" if st.teaser else "", "dim"),
                    ),
                    Content(one_line(st.text)),
                ]
            )
        )
