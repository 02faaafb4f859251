"""The reader app, driven with Textual's Pilot: what a user sees and does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.context import Context
from reader.locations import corpus_identity
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.logic.state import corpus_key, load_state
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.reading_pane import PassageView
from tests.ui_support import (
    ENRICHMENT,
    SIZE,
    burst,
    loaded,
    make_app,
    noticed,
    palette_prompts,
    run_command,
    screen_text,
    until,
)

REUTERS = "001_71db2df63f5cd903"
RT = "000_c7c4b8e3e078befc"
GIPFEL = "003_ea1d46bb5c9ce6df"

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


# helpers --------------------------------------------------------------------------------
def passage_texts(screen: MainScreen) -> list[str]:
    return [view.visual.plain for view in screen.reading.query(PassageView)]


async def open_article(pilot, screen: MainScreen, article_id: str, passage: int = 0) -> None:
    assert await screen.go_to(article_id, passage)
    await pilot.pause()


async def search(pilot, query: str) -> MainScreen:
    screen = pilot.app.main
    await pilot.press("slash")
    assert pilot.app.focused is screen.search_pane.input
    screen.search_pane.input.value = query
    await pilot.press("enter")
    await until(
        pilot,
        lambda: (
            (screen.search_pane.result is not None and screen.search_pane.result.query == query)
            or screen.query_one("#search-error").has_class("-shown")
        ),
        "the search",
    )
    await pilot.pause()
    return screen


# library and reading ----------------------------------------------------------------------
async def test_library_groups_by_source_and_enter_opens(pilot, screen) -> None:
    app = pilot.app
    row_list = screen.library_pane.row_list
    rows = row_list.rows
    headings = [row_list.render_row(r).plain for r in rows if r.is_heading]
    assert any(h.startswith("Reuters") for h in headings)
    assert any(h.startswith("RT DE") for h in headings)
    assert sum(1 for r in rows if not r.is_heading) == 5
    assert app.focused is screen.library_pane.row_list
    first = screen.library_pane.row_list.current
    await pilot.press("enter")
    await pilot.pause()
    assert screen.article is not None and screen.article.id == first.key
    assert app.focused is screen.reading
    # the reading pane shows the article: its headline, then its source (and date)
    article = screen.article
    assert passage_texts(screen)[0] == article.title
    assert str(screen.reading.query_one(".article-meta").visual).startswith(f"{article.source} · ")


async def test_f_opens_the_library_filter_and_escape_clears_and_closes_it(pilot, screen) -> None:
    app = pilot.app
    await loaded(pilot, ENRICHMENT)  # (the list is re-sorted when the dates are in)
    pane = screen.library_pane
    box = pane.filter_input
    assert not box.display  # closed: letters in the list are commands
    await pilot.press("G")  # the last row, not a letter in the filter
    assert pane.row_list.cursor == len(pane.row_list.rows) - 1 and box.value == ""
    await pilot.press("g")
    assert pane.row_list.cursor == 1  # the first article (row 0 is its source)
    await pilot.press("f", *"telefonat gipfel")  # "t", "e", "l" are commands in the list
    await pilot.pause()
    assert box.display and app.focused is box and box.value == "telefonat gipfel"
    assert screen.sidebar.active == "library"
    box.value = "Gipfel"
    await pilot.pause()
    keys = [r.key for r in pane.row_list.rows if not r.is_heading]
    assert keys == [GIPFEL]
    assert "1 of 5 articles match" in screen_text(app)
    await pilot.press("down", "enter")  # the list works from the box
    await pilot.pause()
    assert screen.article is not None and screen.article.id == GIPFEL
    await pilot.press("l")  # back in the library: the filter still shown and applied
    assert box.display and box.value == "Gipfel"
    await pilot.press("f", "escape")  # Escape clears and closes
    await pilot.pause()
    assert box.value == "" and not box.display and app.focused is pane.row_list
    assert "5 articles from" in screen_text(app)


async def test_library_filter_matches_words_of_the_source_not_inside_words(pilot, screen) -> None:
    pane = screen.library_pane
    await pilot.press("f", *"rt de")
    await pilot.pause()
    shown = {r.key for r in pane.row_list.rows if r.summary is not None}
    # RT DE's article, and 002, whose headline (a whole paragraph) quotes "RT DE"; not
    # Reuters' "Putin fordert von Biden …" ("fordert" has "rt", "Biden" has "de")
    assert shown == {RT, "002_895ec12886e94bdb"}
    assert "2 of 5 articles match" in screen_text(pilot.app)


async def test_a_word_typed_fast_goes_whole_where_it_belongs(indexed_seeds: Path) -> None:
    # Keys typed in one burst arrive before any of them has moved the focus.
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        library = screen.library_pane
        assert app.focused is library.row_list
        # "fput": the "t" must not open the timeline (its key in the list) but end the word
        burst(app, "fput")
        await pilot.pause()
        assert library.filter_input.value == "put"
        assert screen.sidebar.active == "library"
        await pilot.press("escape")
        assert app.focused is library.row_list and library.filter_input.value == ""
        # "/putin": the search box is not shown yet when "putin" arrives; the word must not
        # end up in the library's filter box (hidden behind the search pane)
        burst(app, [("slash", "/")])
        burst(app, "putin")
        await pilot.pause()
        search = screen.search_pane
        assert app.focused is search.input and search.input.value == "putin"
        assert library.filter_input.value == ""
        # in a text box "/" is a character, not the search key
        search.input.value = ""
        await pilot.press("s", "o", "u", "r", "c", "e", "colon", "slash")
        assert app.focused is search.input and search.input.value == "source:/"
        await pilot.press("l")  # typed in the box too: no command runs
        await pilot.press("escape")
        await pilot.press("l")
        assert app.focused is library.row_list
        await pilot.press("slash")
        assert app.focused is search.input and search.input.value == "source:/l"


async def test_passage_cursor_moves_and_is_marked(pilot, screen) -> None:
    await open_article(pilot, screen, REUTERS)
    reading = screen.reading
    count = len(screen.article.passages)

    def current() -> list[int]:
        return [v.index for v in reading.query(PassageView) if v.has_class("-current")]

    assert current() == [0]
    await pilot.press("j", "j")
    assert reading.cursor == 2 and screen.passage == 2 and current() == [2]
    await pilot.press("k")
    assert reading.cursor == 1
    await pilot.press("down")
    assert reading.cursor == 2
    await pilot.press("G")
    await pilot.pause()
    assert reading.cursor == count - 1 and current() == [count - 1]
    # the last passage is on screen: the pane scrolled with the cursor
    last = reading.passage_view(count - 1)
    assert last is not None and reading.scroll_y > 0
    assert last.virtual_region.y >= reading.scroll_y
    await pilot.press("g")
    await pilot.pause()
    assert reading.cursor == 0 and reading.scroll_y == 0
    await pilot.press("up")
    assert reading.cursor == 0


async def test_clicking_a_passage_moves_the_cursor(pilot, screen) -> None:
    await open_article(pilot, screen, REUTERS)
    view = screen.reading.passage_view(2)
    assert await pilot.click(view)
    await pilot.pause()
    assert screen.reading.cursor == 2


async def test_clicking_a_library_row_opens_it(pilot, screen) -> None:
    # the list re-sorts once the background analysis dates the undated articles
    await until(pilot, lambda: screen.entity_keeper.enriched, "the enrichment")
    await pilot.pause()
    rows = screen.library_pane.row_list.rows
    target = next(i for i, r in enumerate(rows) if r.key == GIPFEL)
    assert await pilot.click("#library-list", offset=(5, target))
    await pilot.pause()
    assert screen.article is not None and screen.article.id == GIPFEL


# search -------------------------------------------------------------------------------------
async def test_search_and_open_a_hit_with_matches_highlighted(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search(pilot, "Sicherheitsgarantien")
        hits = screen.search_pane.hits
        assert hits and screen.search_pane.results.option_count == len(hits)
        assert "match" in screen_text(app)
        assert app.focused is screen.search_pane.results
        await pilot.press("enter")
        await pilot.pause()
        hit = hits[0]
        assert screen.article.id == hit.passage.article_id
        assert screen.reading.cursor == hit.passage.index
        spans = screen.reading.span_layers["search"][hit.passage.index]
        words = {hit.passage.text[s:e] for s, e, _ in spans}
        assert any("Sicherheitsgarantien" in w for w in words)
        # the back stack has the jump
        assert screen.history.current.article_id == hit.passage.article_id


async def test_bad_query_shows_message_under_the_box(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search(pilot, '"rote Linie')
        error = screen.query_one("#search-error")
        assert error.has_class("-shown")
        assert "unclosed quote" in error.visual.plain
        assert "unclosed quote" in screen_text(app)
        assert app.is_running
        screen = await search(pilot, "nosuchfield:x")
        assert "unknown field" in screen.query_one("#search-error").visual.plain
        # a good query, then a broken one: the first one's hits do not stay under the error
        screen = await search(pilot, "Putin")
        assert screen.search_pane.results.option_count > 0
        screen = await search(pilot, "Putin AND (")
        assert "unclosed '('" in screen.query_one("#search-error").visual.plain
        assert screen.search_pane.results.option_count == 0 and not screen.search_pane.hits


async def test_recent_queries_come_back_with_up(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await search(pilot, "Putin")
        screen = await search(pilot, "Biden")
        await pilot.press("slash")
        box = screen.search_pane.input
        box.value = ""
        await pilot.press("up")
        assert box.value == "Biden"
        await pilot.press("up")
        assert box.value == "Putin"
        await pilot.press("down", "down")
        assert box.value == ""
    state, warning = load_state()
    state.open_corpus(corpus_key(corpus_identity([indexed_seeds])))  # (by corpus: R16)
    assert warning is None and state.recent_queries[:2] == ["Biden", "Putin"]


async def test_n_and_N_step_through_hits_across_articles(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search(pilot, "Garantien")
        hits = screen.search_pane.hits
        articles = list(dict.fromkeys(h.passage.article_id for h in hits))
        assert len(articles) >= 2
        await pilot.press("escape")  # leave the results for the article pane
        visited = []
        for _ in hits:
            await pilot.press("n")
            await pilot.pause()
            visited.append((screen.article.id, screen.reading.cursor))
        assert visited == [(h.passage.article_id, h.passage.index) for h in hits]
        assert len({a for a, _ in visited}) == len(articles)  # crossed into other articles
        await pilot.press("N")
        await pilot.pause()
        assert (screen.article.id, screen.reading.cursor) == visited[-2]
        # typing n in the search box types it
        await pilot.press("slash", "n")
        assert screen.search_pane.input.value.endswith("n")
        assert (screen.article.id, screen.reading.cursor) == visited[-2]


async def test_back_and_forward(pilot, screen) -> None:
    await open_article(pilot, screen, REUTERS)
    await pilot.press("j", "j", "j")
    await open_article(pilot, screen, GIPFEL, 2)
    assert not screen.applies("forward") and screen.applies("back")
    await pilot.press("backspace")
    await pilot.pause()
    assert (screen.article.id, screen.reading.cursor) == (REUTERS, 3)
    await pilot.press("alt+right")
    await pilot.pause()
    assert (screen.article.id, screen.reading.cursor) == (GIPFEL, 2)
    await pilot.press("alt+left")
    await pilot.pause()
    assert screen.article.id == REUTERS
    # a new jump drops the forward entries
    await open_article(pilot, screen, RT)
    assert not screen.applies("forward")
    await pilot.press("backspace")
    await pilot.pause()
    assert screen.article.id == REUTERS


async def test_find_in_article_highlights_and_steps(pilot, screen) -> None:
    app = pilot.app
    await open_article(pilot, screen, REUTERS)
    await pilot.press("ctrl+f")
    assert app.focused is screen.find_bar.input
    await pilot.press(*"nato")
    await pilot.pause()
    expected = [
        (p.index, i) for p in screen.article.passages for i in range(p.text.lower().count("nato"))
    ]
    assert len(screen.find_bar.matches) == len(expected) >= 3
    assert "1/" in screen.query_one("#find-count").visual.plain
    first = screen.find_bar.matches[0][0]
    assert screen.reading.cursor == first
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert screen.reading.cursor == screen.find_bar.matches[2][0]
    assert "3/" in screen.query_one("#find-count").visual.plain
    await pilot.press("up")
    assert "2/" in screen.query_one("#find-count").visual.plain
    # 'gesprach' finds 'Gespräch': accents do not matter
    screen.find_bar.input.value = "gesprach"
    await pilot.pause()
    assert screen.find_bar.matches
    index, s, e = screen.find_bar.matches[0]
    assert screen.article.passages[index].text[s:e] == "Gespräch"
    await pilot.press("escape")
    await pilot.pause()
    assert not screen.find_bar.display
    assert not screen.reading.span_layers.get("find")
    assert app.focused is screen.reading


# help, palette, keys, quitting ----------------------------------------------------------------
async def test_help_screen_lists_every_key(indexed_seeds: Path) -> None:
    from reader.ui.keys import COMMANDS

    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one("#help-text").source
        for command in COMMANDS:
            assert f"`{command.id}`" in source
        assert "ctrl+q" in source and "source:reuters" in source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help, does not quit
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)


async def test_palette_offers_only_the_commands_that_apply_now(pilot, screen) -> None:
    """As the footer does: with no article open, no search run and nothing deleted, the
    palette leaves out find, next hit, bookmark, undo and compare; an open article brings
    those that need one."""
    app = pilot.app

    async def offered() -> list[str]:
        await pilot.press("ctrl+p")
        await until(
            pilot,
            lambda: (
                app.screen.query("CommandList") and app.screen.query_one("CommandList").option_count
            ),
            "the palette",
        )
        await pilot.pause(0.2)
        titles = [prompt.split("\n")[0] for prompt in palette_prompts(app)]
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the palette to close")
        return titles

    needs_article = ["Find in article", "Bookmark this passage"]
    never_now = [
        "Next search hit",
        "Undo: restore the deleted bookmark",
        "Compare with the related passage",
    ]
    first = await offered()
    assert "Search passages" in first and "Show the library" in first
    assert not set(first) & {*needs_article, *never_now}
    await open_article(pilot, screen, GIPFEL)
    second = await offered()
    assert set(needs_article) <= set(second)
    assert not set(second) & set(never_now)


async def test_palette_runs_app_commands_and_opens_articles(pilot, screen) -> None:
    app = pilot.app
    await run_command(pilot, "Search passages")
    assert app.screen is screen
    assert screen.sidebar.active == "search"
    assert app.focused is screen.search_pane.input

    await pilot.press("escape")
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Gipfeltreffen")
    await pilot.pause(0.3)
    options = app.screen.query_one("CommandList")
    prompts = palette_prompts(app)
    index = next(i for i, p in enumerate(prompts) if p.startswith("Open:"))
    options.highlighted = index
    await pilot.press("enter")
    await until(pilot, lambda: screen.article is not None, "the article")
    assert screen.article.id == GIPFEL


async def test_keys_can_be_remapped_in_config(indexed_seeds: Path, isolated_home: Path) -> None:
    config = Path.cwd() / "config.yaml"
    config.write_text(
        f"corpus: {indexed_seeds}\nkeys:\n  search: s\n  no_such_binding: x\n", encoding="utf-8"
    )
    app = ReaderApp(Context())
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("s")
        assert app.focused is screen.search_pane.input
        await noticed(pilot, lambda n: "no_such_binding" in n.message)
        await pilot.press("escape", "f1")
        await pilot.pause()
        source = app.screen.query_one("#help-text").source
        assert "| `search` | `s` |" in source


async def test_a_remap_onto_a_taken_key_is_refused_and_both_commands_keep_theirs(
    indexed_seeds: Path, isolated_home: Path
) -> None:
    """Issue 15 D3: `timeline: b` would take the bookmark key; one warning names the key,
    the command that has it and what stays, and `b` still bookmarks while `t` shows the
    timeline; a misspelt id gets the id it probably meant."""
    config = Path.cwd() / "config.yaml"
    config.write_text(
        f"corpus: {indexed_seeds}\nkeys:\n  timeline: b\n  bookmrk: x\n", encoding="utf-8"
    )
    app = ReaderApp(Context())
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        taken = await noticed(pilot, lambda n: "'b' for 'timeline'" in n.message)
        assert "'bookmark'" in taken.message and "keeps 't'" in taken.message
        misspelt = await noticed(pilot, lambda n: "'bookmrk'" in n.message)
        assert "did you mean 'bookmark'?" in misspelt.message
        await open_article(pilot, screen, REUTERS)
        await pilot.press("t")
        await until(pilot, lambda: screen.sidebar.active == "timeline", "the timeline")
        await pilot.press("escape")
        await open_article(pilot, screen, REUTERS)
        await pilot.press("b")
        await until(pilot, lambda: type(app.screen).__name__ == "BookmarkDialog", "the dialog")


async def test_the_footer_shows_the_keys_that_apply_and_keeps_them_while_they_do(
    pilot, screen
) -> None:
    from textual.widgets._footer import FooterKey

    def footer_keys() -> list[FooterKey]:
        return list(screen.query(FooterKey))

    def footer_line() -> str:
        return screen_text(pilot.app).splitlines()[-1]

    assert "l Library" in footer_line() and "b Bookmark" not in footer_line()
    await open_article(pilot, screen, REUTERS)
    await until(pilot, lambda: "b Bookmark" in footer_line(), "b in the footer")
    await pilot.pause(0.2)  # (the related strip settles: ] and [ come)
    before = footer_keys()
    await pilot.press("j")
    await pilot.pause()
    assert screen.reading.cursor == 1
    # the same keys apply on the next passage: the footer is not rebuilt for it
    assert footer_keys() == before and "b Bookmark" in footer_line()


async def test_q_quits_but_not_while_typing(pilot, screen) -> None:
    app = pilot.app
    await pilot.press("slash", "q")
    assert app.is_running
    assert screen.search_pane.input.value == "q"
    await pilot.press("escape")  # leave the box for the (empty) results
    assert app.focused is screen.search_pane.results
    await pilot.press("q")
    await pilot.pause()
    assert not app.is_running


async def test_ctrl_q_quits_from_an_input(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", "a", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_theme_is_remembered(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_state()[0].theme == "nord"
    again = make_app(indexed_seeds)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


# data is data ------------------------------------------------------------------------------
EVIL_TITLE = "[bold]Fett[/bold] \x1b[31mRot\x1b[0m"
EVIL_TEXT = (
    "Ein [link=https://example.com]Link[/link] und [b]x[/b] und $accent.\n\n"
    "Farbe \x1b[31mrot\x1b[0m, Titel \x1b]0;gekapert\x07, Glocke \x07 und \x9b2J Ende."
)


@pytest.fixture
def evil_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "evil"
    folder.mkdir()
    record = {
        "id": "evil",
        "title": EVIL_TITLE,
        "source": "[red]Quelle[/red]",
        "date": "2021-12-07",
        "text": EVIL_TEXT,
    }
    (folder / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


async def test_markup_and_escape_codes_in_articles_are_shown_literally(evil_corpus: Path) -> None:
    app = make_app(evil_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert "[red]Quelle[/red]" in screen_text(app)  # the library heading
        await pilot.press("enter")
        await pilot.pause()
        texts = passage_texts(screen)
        joined = "\n".join(texts)
        assert "[bold]Fett[/bold] ␛[31mRot␛[0m" in texts[0]
        assert "[link=https://example.com]Link[/link]" in joined
        assert "[b]x[/b]" in joined and "$accent" in joined
        assert "␛]0;gekapert␇" in joined and "Glocke ␇" in joined
        assert "\x1b" not in joined and "\x07" not in joined and "\x9b" not in joined
        shown = screen_text(app)
        assert "[link=https://example.com]Link[/link]" in shown
        assert "␛[31mrot␛[0m" in shown
        assert "\x1b" not in shown
        # search snippets and the palette show it literally too
        await search(pilot, "Farbe")
        assert "␛[31mrot" in screen_text(app)


# under load and bad input ------------------------------------------------------------------
async def test_first_launch_indexes_in_a_worker_then_fills_in(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.main
        seen: list[str] = []
        original = screen.on_index_progress

        def spy(message) -> None:
            seen.append(message.phase)
            original(message)

        screen.on_index_progress = spy  # type: ignore[method-assign]
        await loaded(pilot)
        assert "5 articles" in screen_text(app)
        notice = await noticed(pilot, lambda n: n.title == "Index updated")
        assert notice.timeout <= 3  # a routine notice: it does not cover the list for long
    # warm launch: the index is current, nothing to do
    again = make_app(seeds)
    async with again.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert not any(n.title == "Index updated" for n in again._notifications)
        assert len(screen.summaries) == 5


async def test_progress_is_shown_while_indexing(seeds: Path) -> None:
    from reader.ui.messages import IndexProgress

    app = make_app(seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        screen.post_message(IndexProgress("index", 40, 100))
        await pilot.pause()
        assert "Indexing articles 40/100" in screen_text(app)


async def test_empty_corpus_says_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=SIZE) as pilot:
        message = app.main.query_one("#reading-message")
        await until(pilot, lambda: "holds no readable" in message.visual.plain, "the message")
        assert "reader --corpus PATH" in message.visual.plain
        assert "No articles" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_missing_corpus_folder_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path / "nowhere")
    async with app.run_test(size=SIZE) as pilot:
        message = app.main.query_one("#reading-message")
        await until(pilot, lambda: "does not exist" in message.visual.plain, "the message")
        assert "nowhere" in message.visual.plain
        await pilot.press("slash")
        app.main.search_pane.input.value = "Putin"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


# small terminals -----------------------------------------------------------------------------
async def test_80x24_shows_one_pane_at_a_time(indexed_seeds: Path) -> None:
    app = make_app(indexed_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        sidebar, reading = screen.sidebar, screen.query_one("#reading-column")
        assert sidebar.display and not reading.display
        await pilot.press("enter")
        await pilot.pause()
        assert reading.display and not sidebar.display
        assert screen.article.title[:20] in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert sidebar.display and not reading.display
        assert app.focused is screen.library_pane.row_list
        await pilot.press("slash")
        await pilot.pause()
        assert sidebar.display and app.focused is screen.search_pane.input


async def test_a_headline_without_text_says_so(tmp_path: Path) -> None:
    # front-page corpora hold many items that are only a headline
    folder = tmp_path / "frontpage"
    folder.mkdir()
    items = [
        {"id": "a", "title": "Nur eine Schlagzeile", "source": "zeit.de", "text": ""},
        {
            "id": "b",
            "title": "Schlagzeile mit Anreißer",
            "source": "faz.net",
            "text": "Ein Satz unter der Schlagzeile.",
        },
    ]
    (folder / "items.jsonl").write_text(
        "\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8"
    )
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        ids = {s.title: s.id for s in screen.summaries}
        await open_article(pilot, screen, ids["Nur eine Schlagzeile"])
        assert "zeit.de · undated · headline only" in screen_text(app)
        await open_article(pilot, screen, ids["Schlagzeile mit Anreißer"])
        assert "faz.net · undated · 1 passage" in screen_text(app)


async def test_the_footer_leaves_out_keys_that_do_not_fit_instead_of_cutting_one(
    indexed_seeds: Path,
) -> None:
    """Issue 15 R2: at 80 columns the footer ended in 't Timelin▏'."""
    from textual.widgets._footer import FooterKey

    app = make_app(indexed_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        await open_article(pilot, screen, REUTERS, 2)

        def fitted() -> bool:
            """Some key is left out, and each key shown is there whole (the footer is
            rebuilt as the focus and the bindings settle: look at the keys it has now)."""
            keys = list(screen.query(FooterKey))
            line = screen_text(app).splitlines()[-1]
            shown = [k for k in keys if k.display and k.description]
            whole = all(f"{k.key_display} {k.description}" in line for k in shown)
            return bool(shown) and whole and any(not k.display for k in keys)

        await until(pilot, fitted, "a footer of whole keys, some left out")
        await pilot.pause()
        assert fitted(), screen_text(app).splitlines()[-1]
