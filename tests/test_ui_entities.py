"""Names and dates in the app: highlighting by type, the legend and its toggle key, the entity
pane and its searches, background enrichment, on-the-spot analysis, a light start-up."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.color import Color

from reader import refresh
from reader.config import DEFAULT_COLORS
from reader.library import Library
from reader.search.query import parse_query
from reader.ui.app import ReaderApp
from reader.ui.features.entities.colors import checked_colors
from reader.ui.features.entities.keeper import EntityKeeper
from reader.ui.features.entities.legend import EntityLegend
from reader.ui.features.entities.pane import EntityPane
from reader.ui.features.statements.strip import CUE_STYLE, SPEAKER_STYLE
from reader.ui.logic.entity_layers import (
    COLOR_VARIABLES,
    EntityListRow,
    entity_list_rows,
    entity_query,
    passage_spans,
    source_counts,
)
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.progress_strip import ProgressStrip
from reader.ui.widgets.reading_pane import PassageView
from tests import ui_support as ui
from tests.conftest import run_python
from tests.ui_support import screen_text, until

SIZE = ui.SIZE
GIPFEL = "003_ea1d46bb5c9ce6df"  # "Joe Biden lädt Wladimir Putin zu Gipfeltreffen …"
UNDATED = ("000_c7c4b8e3e078befc", "002_895ec12886e94bdb")  # no date in their text
PUTIN = re.compile(r"\bPutins?\b")
USER_PER = "#ff00ff"
RECOGNISER_MODULES = ("reader.analysis.entities", "reader.analysis.crf_model", "HanTa")

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


# helpers ------------------------------------------------------------------------------------
@pytest.fixture
def corpus(seeds: Path) -> Path:
    """The seeds copied into ``tmp_path/corpus`` (conftest's ``seeds``)."""
    return seeds


def make_app(corpus: Path, config: str | None = None, tmp_path: Path | None = None) -> ReaderApp:
    """The app on ``corpus``, with ``config`` (YAML text) written to ``tmp_path/config.yaml``."""
    config_path = None
    if config is not None:
        assert tmp_path is not None
        config_path = tmp_path / "config.yaml"
        config_path.write_text(config, encoding="utf-8")
    return ui.make_app(corpus, config=config_path)


async def ready(pilot) -> MainScreen:
    """The library listed and the background enrichment finished."""
    return await ui.loaded(pilot, ui.LIBRARY, ui.ENRICHMENT)


async def open_highlighted(pilot, screen: MainScreen, article_id: str) -> None:
    assert await screen.go_to(article_id, 0)
    await until(
        pilot, lambda: screen.entity_keeper.cache.get(article_id) is not None, "the article's names"
    )
    await pilot.pause()


def view_with(screen: MainScreen, text: str) -> PassageView:
    return next(v for v in screen.reading.query(PassageView) if text in v.visual.plain)


def styles_at(view: PassageView, word: str) -> list[str]:
    """The styles of the spans that cover the first occurrence of ``word``."""
    content = view.visual
    start = content.plain.index(word)
    end = start + len(word)
    return [str(s.style) for s in content.spans if s.start <= start and s.end >= end]


def style_of(label: str) -> str:
    """The style of a label's spans: bold in the theme variable of its colour."""
    return f"bold ${COLOR_VARIABLES[label]}"


def shown(app: ReaderApp, label: str) -> tuple[int, int, int]:
    """The colour a label is drawn in on the theme in use."""
    return rgb(app.theme_variables[COLOR_VARIABLES[label]])


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def screen_colours(app: ReaderApp, word: str) -> list[tuple[int, int, int] | None]:
    """The foreground colour of each on-screen segment that holds ``word``."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if word in segment.text and segment.style is not None:
                color = segment.style.color
                found.append(tuple(color.get_truecolor()) if color is not None else None)
    return found


# highlighting ---------------------------------------------------------------------------------
async def test_names_and_dates_are_coloured_by_type_with_the_users_colours(
    indexed_seeds: Path, tmp_path: Path
) -> None:
    config = f'entities:\n  colors:\n    PER: "{USER_PER}"\n'
    app = make_app(indexed_seeds, config, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_highlighted(pilot, screen, GIPFEL)
        headline = view_with(screen, "Wladimir Putin")
        assert style_of("PER") in styles_at(headline, "Wladimir Putin")
        assert style_of("PER") in styles_at(headline, "Joe Biden")
        body = view_with(screen, "Moskau aufzubauen")
        assert style_of("LOC") in styles_at(body, "Moskau")
        assert style_of("DATE") in styles_at(body, "Dienstag")
        kreml = view_with(screen, "verlautete der Kreml")
        assert style_of("LOC") in styles_at(kreml, "Kreml")  # a place, as GermEval has it
        # words that name nothing stay plain
        assert styles_at(headline, "Gipfeltreffen") == []
        # and on the terminal: the segments holding the names carry the colours
        # (the user's magenta, made light enough for the theme's panel: issue 15 R8)
        assert shown(app, "PER") in screen_colours(app, "Wladimir Putin")
        user = Color.parse(USER_PER)
        assert abs(Color.parse(app.theme_variables["entity-per"]).hsl.h - user.hsl.h) < 0.01
        assert shown(app, "LOC") in screen_colours(app, "Moskau")


async def test_the_toggle_key_removes_and_restores_the_colours(pilot) -> None:
    app = pilot.app
    screen = await ready(pilot)
    await open_highlighted(pilot, screen, GIPFEL)
    per = style_of("PER")
    assert per in styles_at(view_with(screen, "Wladimir Putin"), "Wladimir Putin")
    assert app.focused is screen.reading
    await pilot.press("e")
    await pilot.pause()
    assert styles_at(view_with(screen, "Wladimir Putin"), "Wladimir Putin") == []
    assert styles_at(view_with(screen, "Moskau aufzubauen"), "Dienstag") == []
    assert shown(app, "PER") not in screen_colours(app, "Wladimir Putin")
    assert "not highlighted" in screen_text(app)
    # another article opened meanwhile stays plain too
    assert await screen.go_to("001_71db2df63f5cd903", 0)
    await until(pilot, lambda: "001_71db2df63f5cd903" in screen.entity_keeper.cache, "001")
    await pilot.pause()
    # (only the statements' speakers and cues stay underlined: they are not names' colours)
    styles = {str(span.style) for v in screen.reading.query(PassageView) for span in v.visual.spans}
    assert styles <= {SPEAKER_STYLE, CUE_STYLE}
    await pilot.press("backspace")  # back to the Gipfel article
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert per in styles_at(view_with(screen, "Wladimir Putin"), "Wladimir Putin")
    assert shown(app, "PER") in screen_colours(app, "Wladimir Putin")


async def test_the_legend_shows_each_colour_once_an_article_is_open(pilot) -> None:
    app = pilot.app
    screen = await ready(pilot)
    legend = screen.query_one(EntityLegend)
    assert not legend.display  # nothing to explain on the welcome screen
    await open_highlighted(pilot, screen, GIPFEL)
    assert legend.display
    text = screen_text(app)
    line = next(line for line in text.splitlines() if "organisation" in line)
    for word in ("person", "place", "organisation", "date", "e hides", "^e lists"):
        assert word in line
    content = legend.legend()
    for word, label in (
        ("person", "PER"),
        ("place", "LOC"),
        ("organisation", "ORG"),
        ("date", "DATE"),
    ):
        start = content.plain.index(word)
        assert any(
            s.start <= start < s.end and COLOR_VARIABLES[label] in str(s.style)
            for s in content.spans
        ), word
    assert shown(app, "ORG") in screen_colours(app, "organisation")


async def test_a_remapped_toggle_key_and_a_bad_colour(indexed_seeds: Path, tmp_path: Path) -> None:
    config = 'entities:\n  colors:\n    LOC: "blurple"\nkeys:\n  toggle_entities: "h"\n'
    app = make_app(indexed_seeds, config, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        # the warning comes at start-up; look before it times out on a slow machine
        await ui.noticed(
            pilot,
            lambda n: "entities.colors.LOC" in n.message and "blurple" in n.message,
            "the colour warning",
        )
        screen = await ready(pilot)
        await open_highlighted(pilot, screen, GIPFEL)
        body = view_with(screen, "Moskau aufzubauen")
        assert style_of("LOC") in styles_at(body, "Moskau")
        assert "h hides" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert styles_at(view_with(screen, "Moskau aufzubauen"), "Moskau") == []


# entity pane ------------------------------------------------------------------------------------
def putin_counts(screen: MainScreen) -> tuple[int, dict[str, int], int]:
    """Counted from the text itself: "Putin"/"Putins" in the Gipfel article, per source
    over the corpus, and the passages that mention him."""
    in_article = 0
    by_source: dict[str, int] = {}
    passages = 0
    for summary in screen.summaries:
        article = screen.library.article(summary.id)
        assert article is not None
        found = len(PUTIN.findall(article.text))
        if summary.id == GIPFEL:
            in_article = found
        by_source[article.source] = by_source.get(article.source, 0) + found
        passages += sum(1 for p in article.passages if PUTIN.search(p.text))
    return in_article, by_source, passages


def entity_rows(pane: EntityPane, section: str) -> dict[str, EntityListRow]:
    return {
        row.entity.name: row
        for row in pane.row_list.rows
        if isinstance(row, EntityListRow) and row.entity is not None and row.section == section
    }


async def test_entity_pane_lists_the_articles_and_the_corpus_names(
    indexed_seeds: Path,
) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await open_highlighted(pilot, screen, GIPFEL)
        await pilot.press("ctrl+e")
        pane = screen.sidebar.pane("entities")
        assert isinstance(pane, EntityPane)
        await until(pilot, lambda: pane.corpus_rows is not None, "the corpus names")
        await pilot.pause()
        assert app.focused is pane.row_list
        in_article, by_source, _ = putin_counts(screen)
        article = entity_rows(pane, "article")
        corpus_rows = entity_rows(pane, "corpus")
        putin = article["Wladimir Putin"].entity
        assert putin is not None and putin.label == "PER"
        assert putin.mentions == in_article == 4
        assert {"Wladimir Putin", "Putin"} <= set(putin.forms)
        assert "Moskau" in article and article["Moskau"].entity.label == "LOC"
        everywhere = corpus_rows["Wladimir Putin"].entity
        assert everywhere is not None
        assert everywhere.mentions == sum(by_source.values())
        assert dict(everywhere.by_source) == {s: n for s, n in by_source.items() if n}
        assert everywhere.articles == 5
        text = screen_text(app)
        assert f"This article · {len(article)} names" in text
        assert f"Whole corpus · {len(corpus_rows)} names" in text
        assert f"Wladimir Putin  PER {in_article}×" in text
        # the corpus row names the sources with their counts, most first
        assert source_counts(everywhere.by_source, 3)[:20] in text
        # f filters both sections
        await pilot.press("f", *"Peskow")
        await pilot.pause()
        assert app.focused is pane.filter_input
        names = {r.entity.name for r in pane.row_list.rows if r.entity is not None}
        assert names == {"Dmitri Peskow"}


async def test_enter_on_an_entity_searches_every_passage_that_mentions_it(
    indexed_seeds: Path, tmp_path: Path
) -> None:
    app = make_app(indexed_seeds, "search:\n  limit: 100\n", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+e")
        pane = screen.sidebar.pane("entities")
        assert isinstance(pane, EntityPane)
        await until(pilot, lambda: pane.corpus_rows is not None, "the corpus names")
        await pilot.press("f", *"Wladimir")
        await pilot.pause()
        current = pane.row_list.current
        assert current is not None and current.entity.name == "Wladimir Putin"
        await pilot.press("enter")
        await until(pilot, lambda: screen.search_pane.result is not None, "the search")
        await pilot.pause()
        assert screen.search_pane.query_text == 'entity:"Wladimir Putin"'
        assert screen.search_pane.input.value == screen.search_pane.query_text  # to edit or refine
        assert screen.sidebar.active == "search"
        _, _, passages = putin_counts(screen)
        result = screen.search_pane.result
        assert result.total == passages
        texts = [hit.passage.text for hit in result.hits]
        assert all(PUTIN.search(t) for t in texts)
        assert any("Putins" in t for t in texts)  # inflected forms are found too
        assert "passages match" in screen_text(app)
        # the hits' mentions are marked when one is opened
        await pilot.press("enter")
        await pilot.pause()
        hit = screen.search_pane.hits[0]
        view = next(v for v in screen.reading.query(PassageView) if v.index == hit.passage.index)
        word = PUTIN.search(hit.passage.text).group(0)
        assert "bold reverse" in styles_at(view, word)


# enrichment -----------------------------------------------------------------------------------
async def test_enrichment_shows_progress_and_completes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, int, int, str, bool]] = []
    original = ProgressStrip.show

    def record(self: ProgressStrip, phase: str, done: int, total: int) -> None:
        original(self, phase, done, total)
        if self.id == "entity-status":
            seen.append((phase, done, total, self.label, self.display))

    monkeypatch.setattr(ProgressStrip, "show", record)
    priority: list[int] = []
    enrich = refresh.enrich

    def niced_enrich(library: Library, *args, **kwargs):
        priority.append(os.getpriority(os.PRIO_PROCESS, 0))  # this thread's, on Linux
        return enrich(library, *args, **kwargs)

    monkeypatch.setattr(refresh, "enrich", niced_enrich)
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert ("analyse", 5, 5, "Finding names and dates 5/5", True) in seen
        assert any(phase == "entities" for phase, *_ in seen)  # the index learns the names
        assert not screen.query("#entity-status")  # the line goes when the work is done
        if sys.platform.startswith("linux"):  # the screen comes first: work at a lower priority
            assert priority and priority[0] > os.getpriority(os.PRIO_PROCESS, 0)
        assert all(screen.library.stored_analysis(s.id) for s in screen.summaries)
        await ui.noticed(
            pilot, lambda n: n.message.startswith("Found the names and dates of 5 articles")
        )
        # 000 and 002 say nowhere when they were published: the dates inferred from their
        # related passages are stored, listed and shown under the headline
        await until(pilot, lambda: screen.library_version > 0, "the end of the analysis")
        rows = screen.library_pane.row_list
        shown = {r.key: rows.render_row(r).plain for r in rows.rows if r.key}
        for article_id in UNDATED:
            date = screen.library.article(article_id).date
            assert date is not None and date.inferred, article_id
            assert shown[article_id].startswith(date.iso()[:7]), shown[article_id]
        assert await screen.go_to(UNDATED[0])
        await pilot.pause()
        meta = str(screen.reading.query_one(".article-meta").visual)
        assert screen.article.date.describe() in meta and "undated" not in meta


async def test_an_article_opened_before_enrichment_is_analysed_on_the_spot(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(EntityKeeper, "start_enrichment", lambda self, changed, shown: None)
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.main
        await until(
            pilot,
            lambda: screen.library_ready and screen.library_pane.index is not None,
            "the library",
        )
        status = screen.entity_keeper
        assert screen.library.stored_analysis(GIPFEL) is None
        status._gate.acquire()  # as while the enrichment starts its worker processes
        try:
            assert await screen.go_to(GIPFEL, 0)
            # the notice is drawn once the app gets to it: a loaded machine takes longer
            await until(pilot, lambda: "finding names…" in screen_text(app), "the notice")
            assert status.pending == GIPFEL
            assert styles_at(view_with(screen, "Wladimir Putin"), "Wladimir Putin") == []
        finally:
            status._gate.release()
        await until(pilot, lambda: GIPFEL in status.cache, "the on-the-spot analysis")
        await pilot.pause()
        per = style_of("PER")
        assert per in styles_at(view_with(screen, "Wladimir Putin"), "Wladimir Putin")
        assert "finding names…" not in screen_text(app)
        assert screen.library.stored_analysis(GIPFEL) is None  # computed, not stored


START_UP = textwrap.dedent("""
    import asyncio, sys
    from reader.cli.context import Context
    from reader.ui.app import ReaderApp

    WATCHED = {watched!r}

    def loaded():
        return sorted(m for m in sys.modules if m.startswith(WATCHED))

    async def main():
        app = ReaderApp(Context(None, [{corpus!r}]))
        async with app.run_test(size=(120, 40)) as pilot:
            print("first screen", loaded())
            screen = app.main
            status = screen.entity_keeper
            for _ in range(1000):
                if status.enriched and screen.library_ready:
                    break
                await pilot.pause(0.02)
            assert status.enriched
            await screen.go_to({article!r}, 0)
            for _ in range(1000):
                if {article!r} in status.cache:
                    break
                await pilot.pause(0.02)
            await pilot.press("ctrl+e")
            pane = screen.sidebar.pane("entities")
            for _ in range(1000):
                if pane.corpus_rows is not None:
                    break
                await pilot.pause(0.02)
            print("names", len(status.cache[{article!r}].rows), len(pane.corpus_rows))
            print("after use", loaded())

    asyncio.run(main())
""")


def test_start_up_does_not_load_the_recogniser(corpus: Path) -> None:
    """With an analysed index, neither the first screen nor reading an article, its
    highlighting and the entity pane import the recogniser."""
    index = subprocess.run(
        [sys.executable, "-m", "reader", "--corpus", str(corpus), "index"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert index.returncode == 0, index.stderr
    code = START_UP.format(watched=RECOGNISER_MODULES, corpus=str(corpus), article=GIPFEL)
    stdout = run_python(code, timeout=120)
    out = stdout.splitlines()
    assert "first screen []" in out, stdout
    assert "after use []" in out, stdout
    # it did show names: the article's and the corpus's, from the stored analysis
    article_names, corpus_names = next(line for line in out if line.startswith("names "))[
        6:
    ].split()
    assert int(article_names) > 5 and int(corpus_names) > 20, stdout


ON_BOTH_CORES = textwrap.dedent("""
    import asyncio
    from reader.analysis import pipeline
    from reader.cli.context import Context
    from reader.ui.app import ReaderApp

    pipeline.POOL_THRESHOLD = 1  # the seeds are few: analyse them as a large corpus is

    async def main():
        app = ReaderApp(Context(None, [{corpus!r}]))
        async with app.run_test(size=(120, 40)) as pilot:
            status = app.main.entity_keeper
            for _ in range(3000):  # the notice is posted after `enriched` is set: wait for it
                if any(n.message.startswith(("Found the names", "Finding names"))
                       for n in app._notifications):
                    break
                await pilot.pause(0.02)
            for n in app._notifications:
                print("notice", n.message.splitlines()[0])
            print("enriched", status.enriched)

    asyncio.run(main())
""")


def test_the_app_analyses_a_large_corpus_on_both_cores(corpus: Path) -> None:
    """A corpus large enough for two worker processes is analysed inside the running app
    (whose stderr is captured: the pool once failed to start there). In a fresh process:
    the pool's helper process starts once per process."""
    code = ON_BOTH_CORES.format(corpus=str(corpus))
    stdout = run_python(code)
    assert "enriched True" in stdout.splitlines(), stdout
    assert "notice Found the names and dates of 5 articles" in stdout, stdout


# pure helpers -----------------------------------------------------------------------------------
def test_entity_queries_parse_and_match_the_indexed_form() -> None:
    assert entity_query("Wladimir Putin") == 'entity:"Wladimir Putin"'
    # the index turns commas into spaces (a comma separates names there)
    assert entity_query("Bonn, Stadt") == 'entity:"Bonn  Stadt"'
    assert entity_query('Zeitung "Bild"') == "entity:'Zeitung \"Bild\"'"
    awkward = entity_query("Sender \"Eins' plus")
    assert awkward.count('"') == 2 and "Eins' plus" in awkward
    for name in (
        "Wladimir Putin",
        "Bonn, Stadt",
        'Zeitung "Bild"',
        "Sender \"Eins' plus",
        "O'Neill",
        "AND",
        "Berlin (Mitte)",
    ):
        parse_query(entity_query(name))  # raises QueryError if it cannot be read


def test_spans_are_cut_into_passages_and_styled_by_type() -> None:
    from reader.analysis.spans import Span
    from reader.corpus.model import Article, Passage

    text = "Putin in Moskau\n\nDer Kreml am Dienstag"
    article = Article(
        "a",
        "Putin in Moskau",
        text,
        passages=[
            Passage("a#p0", "a", 0, 0, 15, text[:15]),
            Passage("a#p1", "a", 1, 17, len(text), text[17:]),
        ],
    )
    spans = [
        Span(0, 5, "Putin", "PER"),
        Span(9, 15, "Moskau", "LOC"),
        Span(21, 26, "Kreml", "ORG"),
        Span(30, 38, "Dienstag", "DATE"),
        Span(12, 20, "kau\n\nDer", "LOC"),
    ]
    styles = {"PER": "p", "LOC": "l", "DATE": "d"}  # no style: ORG left out
    layer = passage_spans(article, spans, styles)
    assert layer == {0: [(0, 5, "p"), (9, 15, "l"), (12, 15, "l")], 1: [(0, 3, "l"), (13, 21, "d")]}
    assert text[17 + 13 : 17 + 21] == "Dienstag"


def test_entity_list_sections_and_filter() -> None:
    from collections import Counter

    from reader.analysis.entity_table import EntityRow

    putin = EntityRow(
        "Wladimir Putin", "PER", 3, 1, Counter({"Reuters": 3}), Counter({"Putins": 2, "Putin": 1})
    )
    moskau = EntityRow("Moskau", "LOC", 2, 1, Counter({"RT DE": 2}), Counter({"MOSKAU": 2}))
    rows = entity_list_rows([putin], [putin, moskau])
    assert [r.title for r in rows if r.is_heading] == [
        "This article · 1 name",
        "Whole corpus · 2 names",
    ]
    assert len({r.key for r in rows if not r.is_heading}) == 3  # keys differ by section
    only = entity_list_rows([putin], [putin, moskau], "putins")  # a form, any case
    assert [r.entity.name for r in only if r.entity] == ["Wladimir Putin", "Wladimir Putin"]
    places = entity_list_rows(None, [putin, moskau], "place", article_title="no article")
    assert places[0].title == "This article: no article"
    assert [r.entity.name for r in places if r.entity] == ["Moskau"]
    assert "1 of 2" in places[1].title
    assert source_counts(Counter({"a": 1, "b": 5, "c": 2}), 2) == "b 5 · c 2 · +1 more"


def test_unreadable_colours_fall_back_with_the_key_named() -> None:
    colours, problems = checked_colors({"PER": "orange", "LOC": "not-a-colour", "ORG": ""})
    assert colours["PER"] == "orange"
    assert colours["LOC"] == DEFAULT_COLORS["LOC"]
    assert colours["ORG"] == DEFAULT_COLORS["ORG"]
    assert len(problems) == 1 and "entities.colors.LOC" in problems[0]
