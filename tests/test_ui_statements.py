"""Who said what in the app, driven with Pilot on the seeds: the coverage pane (statements ×
outlets, Enter, sorting, comparing two outlets' wordings), the speaker pane, and the
statements of the passage being read."""

from __future__ import annotations

from typing import TypeVar

import pytest

from reader.ui.dialogs.compare import CompareScreen
from reader.ui.features.statements import STATEMENT_LAYER
from reader.ui.features.statements.panes import CoveragePane, SpeakerPane
from reader.ui.features.statements.strip import StatementStrip
from reader.ui.logic.statement_rows import CoverageRow, SpeakerRow
from tests import ui_support as ui
from tests.ui_support import screen_text, until

REUTERS = "001_71db2df63f5cd903"
RT = "000_c7c4b8e3e078befc"
GUARANTEES_QUOTE = (
    3  # Reuters ¶3: „Deshalb ist Russland ernsthaft daran interessiert …“, so der Kreml
)

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
P = TypeVar("P", CoveragePane, SpeakerPane)


async def shown(pilot, key: str, kind: type[P]) -> P:
    """The pane ``key`` shows, once it lists the statements."""
    screen = pilot.app.main
    await until(pilot, lambda: screen.statements is not None, "the statements")
    await pilot.press(key)
    pane = screen.query_one(kind)
    await until(pilot, lambda: pane.row_list.rows, f"the rows of {kind.__name__}")
    await pilot.pause()
    return pane


async def coverage(pilot) -> CoveragePane:
    """The coverage pane, shown with ``c``."""
    return await shown(pilot, "c", CoveragePane)


async def test_coverage_shows_who_said_what_by_outlet_and_enter_opens_the_quote(pilot) -> None:
    pane = await coverage(pilot)
    table = pilot.app.main.statements
    first = pane.row_list.rows[0]
    assert isinstance(first, CoverageRow)
    # most sources first: the Kremlin's demand for guarantees, quoted by Reuters
    assert len(first.group.sources) == max(len(g.sources) for g in table.groups) >= 2
    marks = dict(zip(table.sources, first.marks, strict=True))
    assert marks["Reuters"] == "Q" and marks["RT DE"] == "P"
    text = screen_text(pilot.app)
    assert "Q quoted" in text and "not reported" in text and first.group.speaker in text
    await pilot.press("enter")
    screen = pilot.app.main
    await until(pilot, lambda: screen.article is not None, "the article")
    assert (screen.article.id, screen.passage) == (REUTERS, GUARANTEES_QUOTE)


async def test_coverage_sorts_by_speaker_and_back(pilot) -> None:
    pane = await coverage(pilot)
    await pilot.press("s")
    speakers = [r.group.speaker.casefold() for r in pane.row_list.rows]
    assert speakers == sorted(speakers) and "by speaker" in screen_text(pilot.app)
    await pilot.press("s")
    counts = [len(r.group.sources) for r in pane.row_list.rows]
    assert counts == sorted(counts, reverse=True)


async def test_equals_compares_two_outlets_wordings_of_a_statement(pilot) -> None:
    await coverage(pilot)
    await pilot.press("equals_sign")
    await until(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "the compare view")
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "one statement by Kreml, quoted and" in text
    assert "Reuters" in text and "Deshalb ist Russland" in text
    # one pair of wordings: the key line offers no next or previous passage
    assert "Enter opens it" in text and "] / [" not in text
    await pilot.press("escape")
    await until(pilot, lambda: not isinstance(pilot.app.screen, CompareScreen), "closed")


async def test_the_speaker_pane_lists_each_speakers_statements(pilot) -> None:
    screen = pilot.app.main
    pane = await shown(pilot, "w", SpeakerPane)
    rows = pane.row_list.rows
    headings = [r.title for r in rows if isinstance(r, SpeakerRow) and r.is_heading]
    assert any(h.startswith("Dmitri Peskow — ") for h in headings)
    lawrow = next(
        r for r in rows if r.statement is not None and r.statement.statement.who == "Sergei Lawrow"
    )
    pane.row_list.cursor = rows.index(lawrow)
    await pilot.pause()
    assert "Sergei Lawrow" in screen_text(pilot.app)
    await pilot.press("enter")
    await until(pilot, lambda: screen.article is not None, "the article")
    assert screen.article.id == lawrow.statement.article
    assert f"{screen.article.id}#p{screen.passage}" == lawrow.statement.passage


async def test_the_passage_shows_its_statements_and_who_else_reports_them(pilot) -> None:
    screen = pilot.app.main
    await until(pilot, lambda: screen.statements is not None, "the statements")
    await screen.go_to(REUTERS, GUARANTEES_QUOTE)
    strip = screen.query_one(StatementStrip)
    await until(pilot, lambda: strip.display, "the statement strip")
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "» Kreml so · quoted · also" in text and "RT DE (P)" in text
    # the speaker and the cue are marked in the text (article text stays text)
    marked = screen.reading.span_layers[STATEMENT_LAYER]
    passage = screen.article.passages[GUARANTEES_QUOTE].text
    words = {passage[s:e] for s, e, _ in marked[GUARANTEES_QUOTE]}
    assert "Kreml" in words and "so" in words
    # a passage with no statement, only a scare quote (RT DE ¶5: an "offenes und
    # sachliches" Gespräch) hides the strip
    await screen.go_to(RT, 5)
    await until(pilot, lambda: not strip.display, "the strip hidden")


async def test_the_coverage_pane_fits_a_small_terminal(indexed_seeds) -> None:
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.loaded(pilot)
        pane = await coverage(pilot)
        lines = screen_text(app).splitlines()
        assert any(line.startswith(("P · · P Q", "P · P Q")) for line in lines), lines
        assert pane.row_list.size.height >= 5


async def test_the_coverage_grid_takes_more_of_a_wide_terminal(indexed_seeds) -> None:
    """The grid's rows are long: on a wide terminal the sidebar grows while it is shown,
    and gives the width back to the article with the library."""
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await ui.loaded(pilot)
        library = screen.sidebar.size.width
        await coverage(pilot)
        await pilot.pause()
        assert screen.sidebar.size.width > library + 20
        await pilot.press("l")
        await pilot.pause()
        assert screen.sidebar.size.width == library
