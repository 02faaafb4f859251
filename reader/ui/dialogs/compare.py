"""The compare view: a passage and one of its related passages side by side (stacked on a
narrow terminal), the words that differ marked, so a reader sees at once how two outlets
phrased the same statement. ``]``/``[`` take the next or previous related passage, Enter opens
it in the reading pane, Escape closes; either way the screen is dismissed with the passage it
showed last (:class:`Compared`), for the strip to follow."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.corpus.model import split_passage_id
from reader.ui.logic import timeline_rows as tr
from reader.ui.logic.history import Location
from reader.ui.logic.text import one_line
from reader.ui.widgets.styled import StyleSpan, styled

if TYPE_CHECKING:
    from reader.analysis.related import Related
    from reader.corpus.model import Article
    from reader.library import Library
    from reader.search.store import ArticleSummary

DIFF_STYLE = "bold $text-warning on $warning-muted"
"""Words one passage has and the other does not (or has in other words)."""
STACK_WIDTH = 100  # below this many columns the two passages are stacked
_WORD = re.compile(r"\w+(?:[-‐‑'’]\w+)*")


def unshared_spans(text: str, shared: Sequence[tuple[int, int]]) -> list[StyleSpan]:
    """The words of ``text`` outside the phrases the other passage shares, as style spans
    (only the words: the spaces and punctuation between them stay plain)."""
    spans: list[StyleSpan] = []
    k = 0
    ordered = sorted(shared)
    for m in _WORD.finditer(text):
        while k < len(ordered) and ordered[k][1] <= m.start():
            k += 1
        if k < len(ordered) and ordered[k][0] <= m.start() < ordered[k][1]:
            continue
        spans.append((m.start(), m.end(), DIFF_STYLE))
    return spans


@dataclass(frozen=True, slots=True)
class Compared:
    """What the compare view showed last: the related passage at ``index`` (``location``),
    and whether the reader asked to open it (Enter) rather than close (Escape)."""

    location: Location
    index: int
    opened: bool = False


class CompareScreen(ModalScreen[Compared | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="compare.close"),
        Binding("right_square_bracket", "step(1)", "Next related", id="compare.next"),
        Binding("left_square_bracket", "step(-1)", "Previous related", id="compare.previous"),
        Binding("enter", "open", "Open it", id="compare.open"),
    ]

    def __init__(
        self,
        library: Library,
        summaries: Sequence[ArticleSummary],
        anchor_pid: str,
        related: Sequence[Related],
        index: int = 0,
        caption: str = "",
    ) -> None:
        """``caption`` says what is compared instead of the related passage's rank and
        score (the coverage pane: two outlets' wordings of one statement)."""
        super().__init__(classes="-stacked" if self._narrow() else "")
        self.caption = caption
        self.library = library
        self.summaries = summaries
        self.anchor_pid = anchor_pid
        self.related = list(related)
        self.index = max(0, min(index, len(self.related) - 1))

    def _narrow(self) -> bool:
        return self.app.size.width < STACK_WIDTH

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-dialog"):
            yield Static(id="compare-title", markup=False)
            with Container(id="compare-sides"):
                with VerticalScroll(id="compare-a", classes="compare-side"):
                    yield Static(id="compare-a-head", classes="compare-head", markup=False)
                    yield Static(id="compare-a-text", classes="compare-text", markup=False)
                with VerticalScroll(id="compare-b", classes="compare-side"):
                    yield Static(id="compare-b-head", classes="compare-head", markup=False)
                    yield Static(id="compare-b-text", classes="compare-text", markup=False)
            yield Static(id="compare-keys", markup=False)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#compare-a").focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self._narrow(), "-stacked")

    @property
    def current(self) -> Related:
        return self.related[self.index]

    def _article(self, article_id: str) -> Article | None:
        return self.library.article(article_id)

    def _show(self) -> None:
        from reader.analysis.text_diff import shared_phrases

        article_id, index = split_passage_id(self.anchor_pid)
        left = self._article(article_id)
        other = self.current
        right = self._article(other.article_id)
        a_text = left.passages[index].text if left and index < len(left.passages) else ""
        b_text = other.text
        # shared wording wherever it stands: another outlet often says it in another order
        shared = shared_phrases(a_text, b_text)
        self.a_spans = unshared_spans(a_text, shared.a)
        self.b_spans = unshared_spans(b_text, shared.b)
        badges = tr.badges_for(self.summaries)
        self.query_one("#compare-a-head", Static).update(_head(badges, left, index, a_text))
        self.query_one("#compare-b-head", Static).update(
            _head(badges, right, other.passage, b_text, fallback=other)
        )
        self.query_one("#compare-a-text", Static).update(styled(a_text, self.a_spans))
        self.query_one("#compare-b-text", Static).update(styled(b_text, self.b_spans))
        alike = shared.similarity
        self.query_one("#compare-title", Static).update(
            Content.assemble(
                ("Compare", "bold"),
                f"  {self.caption}"
                if self.caption
                else f"  related {self.index + 1} of {len(self.related)} · score {other.score:.2f}",
                f" · {alike:.0%} of the wording alike · ",
                (" differing words ", DIFF_STYLE),
            )
        )
        steps = "] / [ next or previous related passage · " if len(self.related) > 1 else ""
        self.query_one("#compare-keys", Static).update(
            Content(f"{steps}Enter opens it · Escape closes")
        )
        for side in ("#compare-a", "#compare-b"):
            self.query_one(side, VerticalScroll).scroll_home(animate=False)

    def action_step(self, direction: int) -> None:
        target = self.index + direction
        if 0 <= target < len(self.related):
            self.index = target
            self._show()

    def _shown(self, opened: bool) -> Compared:
        other = self.current
        return Compared(Location(other.article_id, other.passage), self.index, opened)

    def action_open(self) -> None:
        self.dismiss(self._shown(True))

    def action_close(self) -> None:
        self.dismiss(self._shown(False))


def _head(
    badges: tr.SourceBadges,
    article: Article | None,
    index: int,
    text: str,
    fallback: Related | None = None,
) -> Content:
    """``source · date · ¶N`` over the headline, the badge coloured as everywhere."""
    if article is not None:
        source, title = article.source, article.title
        date = tr.date_words(article.date) if article.date else "undated"
    else:
        source = fallback.source if fallback else ""
        title = fallback.title if fallback else ""
        date = "undated"
    words = len(_WORD.findall(text))
    badge = badges.badge(source)
    name = (
        "no source"
        if tr.is_unknown(source)
        else (one_line(source) if badge != one_line(source) else "")
    )
    return Content.assemble(
        (f" {badge} ", badges.style(source)),
        (f" {name}" if name else "", "bold"),
        f" · {date} · ¶{index} · {words} words",
        # the headline, unless the passage is the headline
        ("\n" + (one_line(title) or "(no headline)") if index else "", "italic"),
    )
