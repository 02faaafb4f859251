"""n/N reach every hit, not only the first page (issue 15, B4): a "more" row under the loaded
hits loads the next page, n past the last loaded hit loads it and goes on, and the total is
always shown."""

from __future__ import annotations

from pathlib import Path

from reader.ui.features.search.pane import MORE
from tests.test_ui_app import search
from tests.ui_support import SIZE, loaded, make_app, screen_text, until

PAGE = 3


async def test_n_goes_past_the_first_page_and_the_more_row_loads_the_rest(
    indexed_seeds: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"corpus: ['{indexed_seeds}']\nsearch:\n  limit: {PAGE}\n")
    app = make_app(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search(pilot, "Putin")
        pane = screen.search_pane
        total = pane.result.total
        assert total > 2 * PAGE and len(pane.hits) == PAGE
        options = pane.results
        assert options.get_option_at_index(options.option_count - 1).id == MORE
        assert f"{total - PAGE:,} more" in screen_text(app)
        assert f"{total:,} passages match" in screen_text(app)
        first_page = [h.passage.id for h in pane.hits]
        await pilot.press("escape")  # to the article pane; n steps through the hits
        for _ in range(PAGE):
            await pilot.press("n")
            await pilot.pause()
        here = (screen.article.id, screen.reading.cursor)
        await pilot.press("n")  # past the last loaded hit: the next page, and on to its hit
        await until(pilot, lambda: len(pane.hits) == 2 * PAGE, "the second page")
        await until(pilot, lambda: (screen.article.id, screen.reading.cursor) != here)
        visited = f"{screen.article.id}#p{screen.reading.cursor}"
        assert visited in {h.passage.id for h in pane.hits} - set(first_page)
        # Enter on the more row loads the rest, page by page, until none is left
        while pane.not_loaded:
            loaded_now = len(pane.hits)
            pane.results.focus()
            pane.results.highlighted = pane.results.option_count - 1
            await pilot.press("enter")
            await until(pilot, lambda n=loaded_now: len(pane.hits) > n, "the next page")
        assert len(pane.hits) + sum(len(m) for m in pane.result.folded.values()) == total
        assert pane.results.get_option_at_index(pane.results.option_count - 1).id != MORE
