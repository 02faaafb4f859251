"""One event's coverage at a glance (Enter on an event in the timeline): a row per outlet
that reports it — its badge, when it first saw the event, its headline and the passage that
reports it — first seen first, and a line naming the corpus's outlets that do not report
it. Below the rows, the highlighted outlet's headlines and passage in full.

Enter on a row opens its passage: the screen is dismissed with that passage's
:class:`~reader.ui.logic.history.Location` and the timeline pane posts the jump. ``=`` on one
row, then on another, opens the compare view on the two outlets' passages. ``s`` shows the
story view: the events of the event's story in date order, each with its date, sources and
label; Enter there shows that event's coverage. Escape goes back from the story view, and
closes the coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.corpus.visible import clip
from reader.ui.keys import bindings, key_label
from reader.ui.logic import event_rows as er
from reader.ui.logic import timeline_rows as tr
from reader.ui.logic.history import Location
from reader.ui.logic.text import one_line
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.analysis.event_coverage import EventCoverage, OutletRow, StoryEvent
    from reader.analysis.timeline_model import Event, Timeline
    from reader.library import Library
    from reader.search.store import ArticleSummary

MARK = "="
"""Marks the row the first ``=`` chose, until ``=`` on another row compares the two."""
MARK_STYLE = "bold $text-warning"
HEADLINES_SHOWN = 3
View = Literal["coverage", "story"]


class EventCoverageScreen(ModalScreen[Location | None]):
    """The coverage of one event (and the story view of its story); dismissed with the
    location of a passage to open, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("event")

    @dataclass
    class Loaded(Message):
        """The coverage of the event shown, worked out in a thread (``error``: why not)."""

        event_id: str
        coverage: EventCoverage | None
        error: str = ""

    def __init__(
        self,
        library: Library,
        summaries: Sequence[ArticleSummary],
        timeline: Timeline,
        event_id: str,
    ) -> None:
        super().__init__()
        self.library = library
        self.summaries = summaries
        self.timeline = timeline
        self.event_id = event_id
        self.view: View = "coverage"
        self.coverage: EventCoverage | None = None
        self.marked: str | None = None
        """The outlet row (its key) the first ``=`` marked."""

    def compose(self) -> ComposeResult:
        with Vertical(id="event-dialog"):
            yield Static(id="event-title", markup=False)
            yield Static(id="event-label", markup=False)
            yield RowList(render=self._render_row, id="event-list")
            yield Static(id="event-missing", markup=False)
            yield Static(id="event-detail", markup=False)
            yield Static(id="event-keys", markup=False)

    def on_mount(self) -> None:
        self.show_event(self.event_id)
        self.row_list.focus()

    @property
    def row_list(self) -> RowList:
        return self.query_one("#event-list", RowList)

    @property
    def event(self) -> Event | None:
        return self.timeline.event(self.event_id)

    @property
    def badges(self) -> tr.SourceBadges:
        return tr.badges_for(self.summaries)

    def _rows(self, rows: Sequence[er.OutletLine | er.StoryLine], keep: str | None = None) -> None:
        """Show ``rows``; the list is as tall as they are (up to its CSS maximum)."""
        self.row_list.set_rows(rows, keep=keep)
        self.row_list.refresh(layout=True)

    def _set(self, widget_id: str, content: Content) -> None:
        self.query_one(f"#{widget_id}", Static).update(content)

    # the coverage of one event ------------------------------------------------------------
    def show_event(self, event_id: str) -> None:
        """Show the coverage of ``event_id`` (worked out in a thread)."""
        self.event_id = event_id
        self.view = "coverage"
        self.coverage = None
        self.marked = None
        event = self.event
        if event is None:
            self._set("event-title", Content("This event is no longer in the timeline."))
            self._rows([])
            return
        self._show_head(event)
        self._set("event-missing", Content("Finding the outlets that report it…"))
        self._set("event-detail", Content(""))
        self._show_keys()
        self._load(event)

    @work(thread=True, exclusive=True, exit_on_error=False, group="event-coverage")
    def _load(self, event: Event) -> None:
        from reader.analysis.event_coverage import coverage_in

        try:
            found = coverage_in(self.library, event, self.timeline)
        except Exception as exc:  # the view says what went wrong, the app goes on
            self.post_message(self.Loaded(event.id, None, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Loaded(event.id, found))

    def on_event_coverage_screen_loaded(self, message: Loaded) -> None:
        message.stop()
        if message.event_id != self.event_id or self.view != "coverage":
            return  # the reader has moved on
        if message.coverage is None:
            self._set("event-missing", Content(f"The coverage could not be found: {message.error}"))
            return
        self.coverage = message.coverage
        self._rows([er.OutletLine(r) for r in message.coverage.rows])
        self._show_missing(message.coverage)
        self._show_detail()

    @property
    def _seen_width(self) -> int:
        """The "first seen" column: as wide as its widest value among the rows."""
        rows = self.coverage.rows if self.coverage is not None else ()
        return max((len(er.seen_label(r.first_seen)) for r in rows), default=er.SEEN_WIDTH)

    def _show_head(self, event: Event) -> None:
        from reader.analysis.event_coverage import source_count

        sources, articles = source_count(event), len(event.articles)
        in_story = len(self.timeline.story(event.story or event.id))
        story = f" · story of {in_story} events" if in_story > 1 else ""
        self._set(
            "event-title",
            Content.assemble(
                ("Event", "bold"),
                f"  {tr.date_words(event.date)} · {sources} source{'s' if sources != 1 else ''}"
                f" · {articles} article{'s' if articles != 1 else ''}{story}",
            ),
        )
        self._set("event-label", Content.styled(one_line(event.label), "bold"))

    def _show_missing(self, coverage: EventCoverage) -> None:
        if coverage.not_reporting:
            text = Content.assemble(
                ("not reported by: ", "bold"),
                ", ".join(one_line(s) for s in coverage.not_reporting),
            )
        else:
            n = len(coverage.outlets)
            text = Content.styled(
                f"reported by every outlet of the corpus ({n} outlet{'s' if n != 1 else ''})",
                "dim",
            )
        self._set("event-missing", text)

    def _show_keys(self) -> None:
        compare = key_label(self.app, "event_compare")
        story = key_label(self.app, "event_story")
        close = key_label(self.app, "event_close")
        if self.view == "coverage":
            second = (
                f"{compare} on another row compares it with the marked one"
                if self.marked
                else f"{compare} on two rows compares"
            )
            text = f"Enter opens the passage · {second} · {story} story · {close} closes"
        else:
            text = f"Enter shows that event's coverage · {story} or {close} goes back"
        self._set("event-keys", Content(text))

    def _render_row(self, row: object) -> Content:
        width = self.row_list.size.width or 80
        if isinstance(row, er.StoryLine):
            return _story_row(row)
        assert isinstance(row, er.OutletLine)
        outlet = row.outlet
        badges = self.badges
        badge = f" {badges.badge(outlet.passage.source)} ".ljust(tr.BADGE_WIDTH + 2)
        seen_width = self._seen_width
        fixed = 1 + len(badge) + 1 + seen_width + 1
        room = er.headline_room(width, fixed + 3)
        headline = one_line(outlet.articles[0].title) if outlet.articles else ""
        seen = er.seen_label(outlet.first_seen).ljust(seen_width)
        return Content.assemble(
            (MARK if outlet.key == self.marked else " ", MARK_STYLE),
            (badge, badges.style(outlet.passage.source)),
            " ",
            (seen, "dim" if outlet.first_seen is None or outlet.first_seen.inferred else ""),
            " ",
            clip(headline, room).ljust(room),
            (" │ ", "dim"),
            one_line(outlet.text) or "(the passage could not be read)",
        )

    @on(RowList.Highlighted, "#event-list")
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.row_list.current
        if isinstance(row, er.StoryLine):
            self._set("event-detail", _story_detail(row))
            return
        if not isinstance(row, er.OutletLine):
            self._set("event-detail", Content(""))
            return
        self._set("event-detail", _outlet_detail(self.badges, row.outlet))

    @on(RowList.Selected, "#event-list")
    def _selected(self, message: RowList.Selected) -> None:
        message.stop()
        row = message.row
        if isinstance(row, er.StoryLine):
            self.show_event(row.item.event.id)
        elif isinstance(row, er.OutletLine):
            p = row.outlet.passage
            self.dismiss(Location(p.article_id, p.passage))

    # = : two outlets side by side ----------------------------------------------------------
    def action_compare(self) -> None:
        """``=``: mark this row; on another row, compare the two rows' passages."""
        if self.view != "coverage":
            return
        row = self.row_list.current
        if not isinstance(row, er.OutletLine):
            return
        rows = [r for r in self.row_list.rows if isinstance(r, er.OutletLine)]
        pair = er.compare_pair(rows, self.marked, row.key)
        if pair is None:
            if len(rows) < 2:
                self.app.notify("Only one outlet reports this event: nothing to compare.")
                return
            self.marked = None if self.marked == row.key else row.key
            self._redraw()
            return
        self.marked = None
        self._redraw()
        self._compare(pair[0].outlet, pair[1].outlet)

    def _redraw(self) -> None:
        current = self.row_list.current
        self.row_list.set_rows(self.row_list.rows, keep=current.key if current else None)
        self._show_keys()

    def _compare(self, first: OutletRow, other: OutletRow) -> None:
        from reader.analysis.related_model import Related
        from reader.ui.dialogs.compare import Compared, CompareScreen

        p = other.passage
        with self.library.lock:
            article = self.library.article(p.article_id)
        if article is None or p.passage >= len(article.passages):
            self.app.notify("That outlet's article is no longer in the index.")
            return
        related = Related.to_compare(article, p.passage, "event")

        def opened(result: Compared | None) -> None:
            if result is not None and result.opened:  # Enter in compare: open that passage
                self.dismiss(result.location)

        caption = (
            f"one event: {one_line(first.source)} and {one_line(other.source)}"
            f" · {tr.date_words(self.event.date) if self.event else ''}"
        )
        self.app.push_screen(
            CompareScreen(
                self.library, self.summaries, first.passage.passage_id, [related], 0, caption
            ),
            opened,
        )

    # s : the story view --------------------------------------------------------------------
    def action_story(self) -> None:
        """``s``: the events of this event's story in date order (again: back)."""
        if self.view == "story":
            self.show_event(self.event_id)
            return
        event = self.event
        if event is None:
            return
        from reader.analysis.event_coverage import story_events

        story = story_events(self.timeline, event.story or event.id)
        self.view = "story"
        self.marked = None
        first, last = story[0].event.date, story[-1].event.date
        span = tr.date_words(first) + (f" – {tr.date_words(last)}" if last != first else "")
        self._set(
            "event-title",
            Content.assemble(
                ("Story", "bold"),
                f"  {len(story)} event{'s' if len(story) != 1 else ''} · {span}",
            ),
        )
        self._set(
            "event-label",
            Content.styled(
                "The events that develop this happening over days, in date order."
                if len(story) > 1
                else "This event stands alone: no other event of its story yet.",
                "dim",
            ),
        )
        self._set("event-missing", _chart(story, self.summaries))
        self._rows([er.StoryLine(s) for s in story], keep=event.id)
        self._show_keys()
        self._show_detail()

    def action_close(self) -> None:
        """Escape: from the story view back to the coverage; else close."""
        if self.view == "story":
            self.show_event(self.event_id)
        else:
            self.dismiss(None)


def _chart(story: Sequence[StoryEvent], summaries: Sequence[ArticleSummary]) -> Content:
    """Who ran the story's items when: a line per outlet (coverage over time)."""
    from reader.analysis.activity import chart_lines, story_activity
    from reader.analysis.event_coverage import corpus_outlets

    found = story_activity([s.event for s in story], summaries, corpus_outlets(summaries))
    head, *rows = chart_lines(found)
    return Content("\n").join([Content.styled(head, "dim"), *(Content(r) for r in rows)])


def _story_row(row: er.StoryLine) -> Content:
    event, sources = row.item.event, row.item.sources
    return Content.assemble(
        " ",  # the column where a coverage row has its mark
        (tr.date_label(event.date).ljust(tr.DATE_WIDTH), "dim" if event.date.inferred else ""),
        " ",
        (f"{sources} source{'s' if sources != 1 else ' '}".ljust(10), "bold"),
        " ",
        one_line(event.label) or "(no label)",
    )


def _story_detail(row: er.StoryLine) -> Content:
    event = row.item.event
    articles = len(event.articles)
    return Content("\n").join(
        [
            Content.assemble(
                (tr.date_words(event.date), "bold"),
                f" · {row.item.sources} sources · {articles} article{'s' if articles != 1 else ''}",
            ),
            Content(one_line(event.label)),
        ]
    )


def _outlet_detail(badges: tr.SourceBadges, outlet: OutletRow) -> Content:
    """The highlighted outlet: its name, first seen, headlines and the passage in full."""
    p = outlet.passage
    n = len(outlet.articles)
    seen = tr.date_words(outlet.first_seen) if outlet.first_seen else "undated"
    lines = [
        Content.assemble(
            (f" {badges.badge(p.source)} ", badges.style(p.source)),
            (f" {one_line(outlet.source)}", "bold"),
            f" · first seen {seen} · {n} article{'s' if n != 1 else ''}",
        )
    ]
    for article in outlet.articles[:HEADLINES_SHOWN]:
        lines.append(Content.styled(one_line(article.title) or "(no headline)", "italic"))
    if n > HEADLINES_SHOWN:
        lines.append(Content.styled(f"… and {n - HEADLINES_SHOWN} more", "dim"))
    said = f" »{one_line(p.text)}«" if p.text else ""
    lines.append(
        Content.assemble(
            (f"¶{p.passage}{said}: ", "dim"),
            one_line(outlet.text) or "(the passage could not be read)",
        )
    )
    return Content("\n").join(lines)
