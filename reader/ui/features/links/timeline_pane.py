"""The timeline pane: dated events in date order, with source badges, under month headings.

Enter on an event opens its coverage (:mod:`reader.ui.dialogs.event_coverage`: a row per
outlet, the story view), whose chosen passage the pane then opens; ``p`` opens the event's
first passage; the "other source" key (``o``) goes on to the same event in another source,
from the list or from the reading pane. The timeline is built (or
read from the store) in a worker the first time the pane is shown, and checked again each
time it is shown, so a re-indexed library gets a new one. The screen binds its ``article``,
``passage``, ``summaries``, ``library_ready`` and ``library_version`` down: the timeline is
loaded once the library is ready, and looked at again when its version changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static

from reader.corpus.model import passage_id
from reader.ui.features.links import TIMELINE
from reader.ui.keys import bindings
from reader.ui.logic import timeline_rows as tr
from reader.ui.logic.text import one_line
from reader.ui.messages import OpenPassage
from reader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from reader.analysis.timeline_model import Event, Timeline
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.store import ArticleSummary
    from reader.ui.logic.history import Location
    from reader.ui.source import LibrarySource

PANE_ID = TIMELINE[0]
"""The main screen registers the pane under this id and builds it when first shown."""
MAX_BADGES = 4
LABEL_ROOM = 16
"""Columns an event row keeps for its label: badges that would leave less become "+N"."""
MAX_STOPS = 8
MARK_STYLE = "bold $text-warning"
HERE = "▶"


class TimelinePane(Vertical):
    """Events of the library's timeline; posts :class:`OpenPassage` to jump."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("timeline")

    article: var[Article | None] = var(None)
    passage: var[int] = var(0)
    summaries: var[Sequence[ArticleSummary]] = var(())
    library_ready: var[bool] = var(False)
    library_version: var[int] = var(0)

    @dataclass
    class Loaded(Message):
        timeline: Timeline | None
        by_passage: dict[str, list[Event]] = field(default_factory=dict)
        unanalysed: int = 0
        error: str = ""

    def __init__(self, source: LibrarySource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.timeline: Timeline | None = None
        self.by_passage: dict[str, list[Event]] = {}
        self.unanalysed = 0
        self.min_sources = 1
        self.event_id: str | None = None
        """The event the cursor is on (or was last jumped from)."""
        self.previous_pane = "library"
        """The sidebar pane to go back to when the timeline is toggled off."""
        self._pending: list[Callable[[], object]] = []
        self._loading = False
        self._again = False
        self._waiting = False
        self._follow_pending = False

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading the timeline…"), id="timeline-status", markup=False)
        yield RowList(render=self._render_row, id="timeline-list")
        yield Static(Content(""), id="timeline-detail", markup=False)

    def on_mount(self) -> None:
        self.reload()

    def watch_article(self) -> None:
        self._reader_moved()

    def watch_passage(self) -> None:
        self._reader_moved()

    def watch_library_ready(self, ready: bool) -> None:
        if ready and self._waiting:
            self.reload()

    def watch_library_version(self) -> None:
        """The index or its analysis changed (the background enrichment finished): a
        timeline that is built gets looked at again (rebuilt when the index changed)."""
        if self.is_mounted:
            self.reload()

    def _reader_moved(self) -> None:
        """While the timeline is in view and the reader reads, its cursor follows to the
        event of the passage being read (and the detail marks where the reader is)."""
        if self._follow_pending or self.timeline is None:
            return
        self._follow_pending = True
        self.call_later(self._follow_now)

    def _follow_now(self) -> None:
        self._follow_pending = False
        focused = self.screen.focused
        if not self.display or (focused is not None and self in focused.ancestors):
            return
        self.follow()

    @property
    def focus_target(self) -> RowList:
        return self.row_list

    @property
    def row_list(self) -> RowList:
        return self.query_one("#timeline-list", RowList)

    @property
    def badges(self) -> tr.SourceBadges:
        return tr.badges_for(self.summaries)

    # loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the timeline (from memory or the store when the index has not changed)."""
        if not self.library_ready:
            self._waiting = True  # loaded when the library is ready
            self._status("Waiting for the index…")
            return
        self._waiting = False
        if self._loading:
            self._again = True  # the library changed while loading: look once more after
            return
        self._loading = True
        if self.timeline is None:
            self._status(
                "Building the timeline (the first time takes a few seconds on a large corpus)…"
            )
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="timeline")
    def _load(self) -> None:
        from reader.analysis.timeline import timeline

        library = self.source.library
        try:
            result = timeline(library)
            by_passage = result.by_passage()
            unanalysed = _unanalysed(library)
        except Exception as exc:  # the pane must say what went wrong, not crash the app
            self.post_message(self.Loaded(None, error=f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Loaded(result, by_passage, unanalysed))

    def on_timeline_pane_loaded(self, message: Loaded) -> None:
        message.stop()
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
        if message.timeline is None:
            self._status(f"The timeline could not be built: {message.error}", error=True)
            self._pending.clear()
            return
        if self.timeline is None or message.timeline.version != self.timeline.version:
            self.timeline = message.timeline
            self.by_passage = message.by_passage
            self.unanalysed = message.unanalysed
            self._show_rows()
        pending, self._pending = self._pending, []
        for action in pending:
            action()

    def when_loaded(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the timeline is loaded (now if it is)."""
        if self.timeline is not None:
            action()
        else:
            self._pending.append(action)
            self.reload()

    # rows ---------------------------------------------------------------------------------
    def _show_rows(self) -> None:
        if self.timeline is None:
            return
        rows = tr.timeline_rows(self.timeline.events, self.min_sources)
        self.row_list.set_rows(rows, keep=self.event_id)
        self._show_status(sum(1 for r in rows if not r.is_heading))
        if not rows:
            self._show_detail(None)

    def _show_status(self, shown: int) -> None:
        assert self.timeline is not None
        total = len(self.timeline.events)
        parts = [f"{total:,} event{'s' if total != 1 else ''}"]
        if self.min_sources > 1:
            parts = [f"{shown:,} of {total:,} events in ≥{self.min_sources} sources"]
        parts.append(f"{tr.IMPRECISE} month/year only · {tr.INFERRED} inferred")
        text = " · ".join(parts)
        if not total:
            text = (
                "No dated events: the timeline is made of the dates found in the articles"
                " (`reader index` analyses them)."
            )
        if self.unanalysed:
            text += (
                f"\n{self.unanalysed:,} articles are not analysed yet; show the timeline "
                "again once they are."
            )
        self._status(text)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#timeline-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")

    def _render_row(self, row: tr.TimelineRow) -> Content:
        if row.event is None:
            return Content(row.heading)
        event = row.event
        date = tr.date_label(event.date).ljust(tr.DATE_WIDTH)
        parts: list[str | tuple[str, str] | Content] = [(date, "dim" if _imprecise(event) else "")]
        parts.append(" ")
        room = self.size.width - tr.DATE_WIDTH - 2 - LABEL_ROOM
        parts.append(_badges(self.badges, event, room))
        parts.append(" ")
        parts.append(one_line(event.label) or "(no label)")
        return Content.assemble(*parts)

    # the highlighted event ----------------------------------------------------------------
    @on(RowList.Highlighted, "#timeline-list")
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        event = _event(message.row)
        self.event_id = event.id if event is not None else None
        self._show_detail(event)

    @on(RowList.Selected, "#timeline-list")
    def _selected(self, message: RowList.Selected) -> None:
        message.stop()
        event = _event(message.row)
        if event is None:
            return
        self.event_id = event.id
        self.open_coverage(event)

    def open_coverage(self, event: Event) -> None:
        """Enter: the event's coverage at a glance; the passage chosen there is opened."""
        from reader.ui.dialogs.event_coverage import EventCoverageScreen

        if self.timeline is None:
            return

        def chosen(location: Location | None) -> None:
            if location is not None:
                self.post_message(OpenPassage(location.article_id, location.passage))
                self.call_after_refresh(self.refresh_detail)

        self.app.push_screen(
            EventCoverageScreen(self.source.library, self.summaries, self.timeline, event.id),
            chosen,
        )

    def action_activity(self) -> None:
        """``a``: how many items each outlet ran per day, over the whole corpus."""
        from reader.analysis.activity import chart_lines, corpus_activity
        from reader.ui.dialogs.activity import ActivityScreen

        lines = chart_lines(corpus_activity(self.summaries))
        self.app.push_screen(ActivityScreen("Coverage over time: the whole corpus", lines))

    def action_first_passage(self) -> None:
        """``p``: open the highlighted event's first passage."""
        event = self.current_event()
        if event is None:
            return
        self.event_id = event.id
        stops = tr.stops(event)
        if stops:
            self._go(stops[0], focus=True)

    def current_event(self) -> Event | None:
        return _event(self.row_list.current)

    def refresh_detail(self) -> None:
        """Show where the reader is among the highlighted event's passages."""
        self._show_detail(self.current_event())

    def _show_detail(self, event: Event | None) -> None:
        detail = self.query_one("#timeline-detail", Static)
        if event is None:
            detail.update(Content(""))
            return
        here_pid = self._here_pid()
        stops = tr.stops(event)
        sources = tr.source_count(event)
        articles = len(event.articles)
        lines: list[Content] = [
            Content.assemble(
                (tr.date_words(event.date), "bold"),
                f" · {sources} source{'s' if sources != 1 else ''} · {articles} article"
                f"{'s' if articles != 1 else ''}",
            ),
            Content(one_line(event.label)),
        ]
        badges = self.badges
        for stop in stops[:MAX_STOPS]:
            words = " ".join(f"»{one_line(t)}«" for t in stop.date_texts) or "(reports it)"
            lines.append(
                Content.assemble(
                    (HERE if stop.passage_id == here_pid else " ", "bold"),
                    " ",
                    (f" {badges.badge(stop.source)} ", badges.style(stop.source)),
                    f" ¶{stop.passage} ",
                    words,
                    (" inferred" if stop.inferred else "", MARK_STYLE),
                    "  ",
                    (one_line(stop.title), "dim"),
                )
            )
        if len(stops) > MAX_STOPS:
            lines.append(Content.styled(f"  … {len(stops) - MAX_STOPS} more passages", "dim"))
        detail.update(Content("\n").join(lines))

    # jumps --------------------------------------------------------------------------------
    def _go(self, stop: tr.Stop, focus: bool) -> None:
        self.post_message(OpenPassage(stop.article_id, stop.passage, focus=focus))
        self.call_after_refresh(self.refresh_detail)

    def _here_pid(self) -> str | None:
        return passage_id(self.article.id, self.passage) if self.article else None

    def other_source(self, narrow: bool = False) -> None:
        """Go to the event's next passage in another source (see :func:`tr.next_stop`);
        ``narrow``: the sidebar and the article take turns (the focus then goes along)."""
        article = self.article
        here_pid = self._here_pid()
        event = tr.event_at(self.by_passage, here_pid, self.event_id) or self._event_by_id()
        if event is None:
            self.app.notify(
                "This passage is in no dated event: choose one in the timeline (t).",
                severity="warning",
            )
            return
        stops = tr.stops(event)
        here_source = tr.source_key(article.source, article.id) if article else None
        index = tr.next_stop(stops, here_pid, here_source)
        if index is None:
            self.app.notify("No other passage reports this event.")
            return
        self.event_id = event.id
        row = self.row_list.index_of(event.id)
        if row is not None:
            self.row_list.cursor = row
        stop = stops[index]
        focused = self.screen.focused
        in_pane = focused is not None and self in focused.ancestors
        self._go(stop, focus=not (in_pane and not narrow))
        if not self.display or not in_pane:
            self.app.notify(
                f"{tr.date_words(event.date)}: {one_line(stop.source) or 'no source'}, "
                f"passage {stop.passage} ({index + 1} of {len(stops)})",
                title=one_line(event.label)[:60],
                timeout=3,
                markup=False,
            )

    def _event_by_id(self) -> Event | None:
        if self.timeline is None or self.event_id is None:
            return None
        return next((e for e in self.timeline.events if e.id == self.event_id), None)

    def follow(self) -> None:
        """Put the list cursor on the event of the passage being read, or near it in time
        (see ``event_to_follow``)."""
        article = self.article
        if article is None or self.timeline is None:
            return
        shown = {row.key for row in self.row_list.rows}
        event = tr.event_to_follow(
            self.by_passage,
            (e for e in self.timeline.events if e.id in shown),
            (article.id, self.passage, len(article.passages), article.date),
            self.event_id,
        )
        if event is None:
            self.refresh_detail()
            return
        row = self.row_list.index_of(event.id)
        if row is not None:
            self.row_list.cursor = row
        self.refresh_detail()

    def action_min_sources(self) -> None:
        """Cycle: all events, then those in at least 2, 3, … sources."""
        if self.timeline is None:
            return
        most = max((tr.source_count(e) for e in self.timeline.events), default=1)
        self.min_sources = self.min_sources + 1 if self.min_sources < min(most, 5) else 1
        self._show_rows()


def _imprecise(event: Event) -> bool:
    return event.date.precision in ("year", "month") or event.date.inferred


def _badges(badges: tr.SourceBadges, event: Event, room: int) -> Content:
    """Up to :data:`MAX_BADGES` source badges in ``room`` columns (the first always), the
    rest counted as "+N"."""
    parts: list[str | tuple[str, str]] = []
    counts = tr.badge_counts(event)
    used = shown = 0
    for source, count in counts[:MAX_BADGES]:
        label = badges.badge(source) + (f"×{count}" if count > 1 else "")
        width = len(label) + 2 + (1 if shown else 0)
        rest = len(counts) - shown - 1
        if shown and used + width + (len(f" +{rest}") if rest else 0) > room:
            break
        if shown:
            parts.append(" ")
        parts.append((f" {label} ", badges.style(source)))
        used += width
        shown += 1
    if len(counts) > shown:
        parts.append(f" +{len(counts) - shown}")
    return Content.assemble(*parts)


def _event(row: object) -> Event | None:
    """The event of a timeline row (``None`` for a heading)."""
    return row.event if isinstance(row, tr.TimelineRow) else None


def _unanalysed(library: Library) -> int:
    """Articles whose dates are not analysed yet (the timeline cannot see them)."""
    from reader.analysis.pipeline import analysis_version
    from reader.library import ANALYSIS

    version = analysis_version(library.config.gazetteer)
    with library.lock:
        return len(library.store.analysis_missing(ANALYSIS, version))
