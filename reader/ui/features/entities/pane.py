"""The entity pane: the people, places and organisations of the open article and of the
whole corpus, with mention counts per source. Typing filters both lists; Enter searches
every passage that mentions the entity at the cursor (``entity:"…"``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from reader.ui.keys import BY_ID
from reader.ui.logic.entity_layers import (
    LABEL_NAMES,
    EntityListRow,
    entity_list_rows,
    entity_query,
    source_counts,
)
from reader.ui.logic.text import one_line
from reader.ui.messages import RunSearch
from reader.ui.widgets.filtered_list import FilteredList, ListFilter
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.analysis.entity_table import EntityRow

FORMS_SHOWN = 4
SOURCES_SHOWN = 3


class EntityList(RowList):
    """The entity rows: Enter searches (the library's "Open" key, by the same binding id)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            BY_ID["list_open"].key,
            "select",
            "Search",
            id="list_open",
            tooltip="Search every passage that mentions the name at the cursor.",
        ),
    ]


class EntityPane(FilteredList):
    """Shows what :meth:`set_article` and :meth:`set_corpus` give it; posts
    :class:`RunSearch` when an entity is chosen."""

    filter_id = "entity-filter"
    list_id = "entity-list"

    def __init__(self, styles_by_label: Mapping[str, str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.styles_by_label = dict(styles_by_label)
        self.article_rows: list[EntityRow] | None = None
        self.article_note = "open an article to see its names"
        self.corpus_rows: list[EntityRow] | None = None
        self.corpus_note = "counting…"
        self._composed = False

    def compose(self) -> ComposeResult:
        yield ListFilter(
            placeholder="Filter: name, form or type…", id="entity-filter", select_on_focus=False
        )
        yield EntityList(render=self._render_row, id="entity-list")
        yield Static(id="entity-detail", markup=False)

    def on_mount(self) -> None:
        self._composed = True
        self.refilter()

    # content --------------------------------------------------------------------------
    def set_article(self, rows: Sequence[EntityRow] | None, note: str = "") -> None:
        """The open article's entities (``None``: not known yet, ``note`` says why)."""
        self.article_rows = list(rows) if rows is not None else None
        self.article_note = note
        self.refilter()

    def set_corpus(self, rows: Sequence[EntityRow] | None, note: str = "") -> None:
        """The corpus-wide entities (``None``: still being counted)."""
        self.corpus_rows = list(rows) if rows is not None else None
        self.corpus_note = note
        self.refilter()

    def refilter(self) -> None:
        if not self._composed:
            return
        rows = entity_list_rows(
            self.article_rows,
            self.corpus_rows,
            self.filter_input.value,
            article_title=self.article_note,
            corpus_note=self.corpus_note,
        )
        row_list = self.row_list
        current = row_list.current
        row_list.set_rows(rows, keep=current.key if current is not None else None)
        if not row_list.size.height:
            # not laid out yet: it scrolled as if one row high; scroll again once it is
            row_list.call_after_refresh(self._rescroll)
        self._show_detail()

    def _rescroll(self) -> None:
        row_list = self.row_list
        first = next((i for i, r in enumerate(row_list.rows) if not r.is_heading), -1)
        if row_list.cursor <= first:
            row_list.scroll_to(y=0, animate=False, force=True)  # every heading above it
        else:
            row_list.cursor = row_list.cursor  # scrolls the cursor (and its heading) into view

    @on(RowList.Highlighted, "#entity-list")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._show_detail()

    @on(RowList.Selected, "#entity-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        row = event.row
        if isinstance(row, EntityListRow) and row.entity is not None:
            self.post_message(RunSearch(entity_query(row.entity.name)))

    # rendering ------------------------------------------------------------------------
    def _show_detail(self) -> None:
        detail = self.query_one("#entity-detail", Static)
        row = self.row_list.current
        if not isinstance(row, EntityListRow) or row.entity is None:
            detail.update(Content("Enter on a name searches every passage that mentions it."))
            return
        entity = row.entity
        kind = LABEL_NAMES.get(entity.label, entity.label)
        where = (
            "this article"
            if row.section == "article"
            else (f"{entity.articles:,} article{'s' if entity.articles != 1 else ''}")
        )
        forms = ", ".join(one_line(f) for f, _ in entity.forms.most_common(FORMS_SHOWN))
        if len(entity.forms) > FORMS_SHOWN:
            forms += ", …"
        lines = [
            Content.assemble(
                (one_line(entity.name), self.styles_by_label.get(entity.label, "bold")),
                (f" · {kind} · {entity.mentions:,}× in {where}", "dim"),
                (f", +{entity.parts:,} inside compounds" if entity.parts else "", "dim"),
            ),
            Content.assemble(("as ", "dim"), forms),
        ]
        if row.section == "corpus":
            lines.append(Content(one_line(source_counts(entity.by_source, SOURCES_SHOWN))))
        lines.append(Content(f"Enter: {entity_query(entity.name)}").stylize("dim"))
        detail.update(Content("\n").join(lines))

    def _render_row(self, row: EntityListRow) -> Content:
        entity = row.entity
        if entity is None:
            return Content(one_line(row.title))
        name = (one_line(entity.name), self.styles_by_label.get(entity.label, "bold"))
        counts = (f"  {entity.label} {entity.mentions:,}×  ", "dim")
        if row.section == "article":
            tail = ", ".join(one_line(f) for f, _ in entity.forms.most_common(FORMS_SHOWN))
        else:
            tail = one_line(source_counts(entity.by_source, SOURCES_SHOWN))
        return Content.assemble(name, counts, (tail, "dim"))
