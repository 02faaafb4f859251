"""A light start-up: the first screen shows what it always showed without importing the
feature modules (names and dates, timeline, related passages, bookmarks) or the search
engine, and each feature still works the first time its key is pressed after a fresh start.

This runs the app in a fresh Python process: in the test process those modules are long
imported by other tests. How fast the first screen comes is measured by
bench/bench_startup.py, not here."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from reader.ui.app import FALLBACK_THEME
from tests import ui_support as ui
from tests.conftest import run_python

RT = "000_c7c4b8e3e078befc"
GUARANTEES = 6  # RT's passage on the demand for legal guarantees: it has related passages
LAZY = (
    "reader.ui.features.entities.keeper",
    "reader.ui.features.entities.legend",
    "reader.ui.features.links.timeline_pane",
    "reader.ui.features.links.related_strip",
    "reader.ui.features.bookmarks.keeper",
    "reader.bookmarks",
    "reader.library",
    "whoosh",
)

FRESH_START = textwrap.dedent("""
    import asyncio, json, sys
    from reader.cli.context import Context
    from reader.ui.app import ReaderApp

    LAZY = {lazy!r}
    ARTICLE, PASSAGE = {article!r}, {passage!r}
    found = {{}}

    def loaded():
        return sorted(m for m in sys.modules if m.startswith(LAZY))

    def text(app):
        return "\\n".join(s.text for s in app.screen._compositor.render_strips())

    class App(ReaderApp):
        def on_ready(self):
            # runs before ReaderApp's own on_ready: what the first screen needed and showed
            found["first screen modules"] = loaded()
            found["first screen"] = text(self)

    async def until(pilot, condition, what):
        for _ in range(1500):
            if condition():
                await pilot.pause()
                return
            await pilot.pause(0.02)
        raise SystemExit("gave up waiting for " + what)

    async def main():
        app = App(Context(None, [{corpus!r}]))
        async with app.run_test(size=(200, 50)) as pilot:
            screen = app.main
            await until(pilot, lambda: screen.library_ready and screen.library_pane.index,
                        "the library")
            await until(pilot, lambda: screen.query("#related-strip"), "the related strip")
            assert await screen.go_to(ARTICLE, PASSAGE)
            legend = screen.query_one("#entity-legend")
            await until(pilot, lambda: legend.display, "the legend")
            found["legend"] = str(legend.visual)
            await pilot.press("e")
            await pilot.pause()
            found["legend after e"] = str(legend.visual)
            await pilot.press("e")

            await pilot.press("ctrl+e")
            pane = screen.sidebar.pane("entities")
            await until(pilot, lambda: pane.corpus_rows, "the corpus's names")
            found["after ctrl+e"] = [screen.sidebar.active, len(pane.corpus_rows)]

            strip = screen.query_one("#related-strip")
            pid = ARTICLE + "#p" + str(PASSAGE)
            await until(pilot, lambda: strip.anchor_pid == pid and strip.loaded, "related")
            first = strip.results[0]
            screen.reading.focus()
            await pilot.press("right_square_bracket")
            await until(pilot, lambda: screen.article.id != ARTICLE, "the jump")
            found["after ]"] = [screen.article.id, screen.passage,
                                first.article_id, first.passage]

            await pilot.press("b")
            await until(pilot, lambda: type(app.screen).__name__ == "BookmarkDialog",
                        "the bookmark dialog")
            found["after b"] = type(app.screen).__name__
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen, "the dialog to close")

            await pilot.press("t")
            timeline = screen.sidebar.pane("timeline")
            await until(pilot, lambda: timeline is not None and timeline.timeline is not None,
                        "the timeline")
            found["after t"] = [screen.sidebar.active, len(timeline.timeline.events),
                                screen.focused is timeline.focus_target]
            found["modules in the end"] = loaded()
        print(json.dumps(found))

    asyncio.run(main())
""")


def test_first_screen_is_light_and_each_feature_works_on_its_first_key(
    indexed_seeds: Path,
) -> None:
    code = FRESH_START.format(lazy=LAZY, corpus=str(indexed_seeds), article=RT, passage=GUARANTEES)
    found = json.loads(run_python(code, timeout=180).strip().splitlines()[-1])

    # the first screen: as before, without the features' modules or the search engine
    assert found["first screen modules"] == []
    first = found["first screen"]
    assert " Library   Search   Entities   Bookmarks   Timeline " in first
    assert "Loading the library…" in first
    assert "Choose an article in the library and press Enter, or press / to search." in first

    # every feature the first time its key is pressed
    assert "person" in found["legend"] and "e hides" in found["legend"]
    assert "names and dates not highlighted · e shows them" in found["legend after e"]
    active, names = found["after ctrl+e"]
    assert active == "entities" and names > 20
    article, passage, wanted_article, wanted_passage = found["after ]"]
    assert (article, passage) == (wanted_article, wanted_passage)
    assert found["after b"] == "BookmarkDialog"
    active, events, focused = found["after t"]
    assert active == "timeline" and events > 3 and focused

    # ...which imported them (so the first check above looked at the right names)
    assert set(LAZY) - {"whoosh"} <= set(found["modules in the end"])


async def test_an_unknown_theme_falls_back_to_the_default_and_says_so(
    seeds: Path, tmp_path: Path
) -> None:
    """The theme is chosen before the first screen: a name Textual does not know still opens
    the app, in the default theme, with a warning naming the theme."""
    config = tmp_path / "config.yaml"
    config.write_text("theme: no-such-theme\n", encoding="utf-8")
    app = ui.make_app(seeds, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.noticed(pilot, lambda n: "no-such-theme" in n.message, "the theme warning")
        assert app.theme == FALLBACK_THEME
