"""The article's URL in the app (Pilot): shown under the header, opened in the browser (`O`),
copied (`y`); the current passage or a bookmark's words copied as a quote (`Y`) — issue 15
D5. The clipboard is Textual's (``app.clipboard``: what the app sent by OSC 52)."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from reader.ui.dialogs.help import key_tables
from reader.ui.keys import BY_ID
from reader.ui.logic.text import shorten_middle
from reader.ui.widgets.reading_pane import UrlLine
from tests import ui_support as ui
from tests.conftest import IndexedOnce, index_once, indexed_copy
from tests.test_ui_bookmarks import add_bookmark, open_pane
from tests.ui_support import make_app, noticed, palette_prompts, screen_text, until

URL = "https://www.dpa.test/politik/gipfel-in-genf-100.html"
LONG_URL = (
    "https://www.dpa.test/" + "/".join(f"abschnitt{i:02d}" for i in range(30)) + "/ende-7.html"
)
PASSAGE = "Biden und Putin treffen sich am Mittwoch in Genf."
REUTERS = "001_71db2df63f5cd903"

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def article(url: str, title: str, source: str = "dpa") -> str:
    link = f"url: {url}\n" if url else ""
    return (
        f"---\ntitle: {title}\nsource: {source}\ndate: 2021-06-16\n{link}---\n\n{PASSAGE}\n\n"
        "Das Treffen soll vier Stunden dauern.\n"
    )


def write_corpus(folder: Path) -> None:
    """Three Markdown articles: one with a URL, one with a very long one, one with none."""
    (folder / "gipfel.md").write_text(article(URL, "Gipfel in Genf"), encoding="utf-8")
    (folder / "lang.md").write_text(article(LONG_URL, "Lange Adresse"), encoding="utf-8")
    (folder / "ohne.md").write_text(article("", "Ohne Adresse", '"[b]taz[/b]"'), encoding="utf-8")


@pytest.fixture(scope="module")
def _corpus_once(tmp_path_factory: pytest.TempPathFactory) -> IndexedOnce:
    return index_once(tmp_path_factory.mktemp("quote-corpus"), write_corpus)


@pytest.fixture
def corpus(_corpus_once: IndexedOnce, isolated_home: Path) -> Path:
    """:func:`write_corpus`'s articles, indexed already (indexed once for the module)."""
    return indexed_copy(_corpus_once)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs handed to ``webbrowser.open`` (no browser starts)."""
    calls: list[str] = []

    def fake_open(url: str, *args, **kwargs) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.setattr(webbrowser, "get", lambda *args: webbrowser.BackgroundBrowser("firefox"))
    return calls


async def open_article(pilot, article_id: str, passage: int = 0):
    screen = pilot.app.main
    assert await screen.go_to(article_id, passage)
    await pilot.pause()
    return screen


async def test_the_header_shows_the_url_and_y_copies_it_and_O_opens_it(corpus, opened):
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "gipfel")
        lines = screen_text(app).splitlines()
        header = next(i for i, line in enumerate(lines) if "dpa · 2021-06-16 · 2 passages" in line)
        assert URL in lines[header + 1]  # on the line under source · date

        await pilot.press("y")
        assert app.clipboard == URL
        await noticed(pilot, lambda n: n.title == "Copied the URL" and n.message == URL)

        await pilot.press("O")
        await until(pilot, lambda: opened == [URL], "webbrowser.open")
        await noticed(pilot, lambda n: n.title == "Opened in the browser")


def no_browser(*args, **kwargs):
    raise webbrowser.Error("could not locate runnable browser")


@pytest.mark.parametrize(
    ("patch", "reason"),
    [
        ({"get": no_browser}, "could not locate runnable browser"),
        ({"open": lambda url, *args, **kwargs: False}, "no browser could be started"),
    ],
)
async def test_a_browser_that_fails_is_a_notice_naming_the_url(
    corpus, opened, monkeypatch, patch, reason
):
    for name, replacement in patch.items():
        monkeypatch.setattr(webbrowser, name, replacement)
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "gipfel")
        await pilot.press("O")
        notice = await noticed(pilot, lambda n: n.title == "Browser")
        assert notice.message == f"Could not open {URL}: {reason}"
        assert notice.severity == "warning" and app.is_running


async def test_a_browser_that_would_take_over_the_terminal_is_not_started(
    corpus, opened, monkeypatch
):
    # over ssh webbrowser picks lynx or w3m: run from the app, it would draw over it
    monkeypatch.setattr(webbrowser, "get", lambda *args: webbrowser.GenericBrowser("lynx"))
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "gipfel")
        await pilot.press("O")
        notice = await noticed(pilot, lambda n: n.title == "Browser")
        assert "lynx would open inside this terminal" in notice.message and URL in notice.message
        assert opened == [] and app.clipboard == URL


async def test_a_long_url_is_one_line_cut_in_the_middle(corpus, opened):
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        screen = await open_article(pilot, "lang")
        line = screen.reading.query_one(UrlLine)
        assert line.outer_size.height == 1
        shown = next(row for row in screen_text(app).splitlines() if "https://www.dpa.test/" in row)
        assert "…" in shown and "/ende-7.html" in shown and LONG_URL not in shown
        await pilot.press("y", "O")  # the whole URL, not what fits on screen
        assert app.clipboard == LONG_URL
        await until(pilot, lambda: opened == [LONG_URL], "webbrowser.open")


async def test_without_a_url_the_url_keys_do_nothing_and_are_not_offered(corpus, opened):
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot)
        await pilot.press("y", "O")  # no article open yet
        await open_article(pilot, "ohne")
        assert "https://" not in screen_text(app) and not screen.reading.query(UrlLine)
        await pilot.press("y", "O")
        await pilot.pause()
        assert app.clipboard == "" and opened == []
        assert not [n for n in app._notifications if n.title.startswith("Copied")]
        await pilot.press("ctrl+p", *"url")
        await until(pilot, lambda: app.screen.query("CommandList"), "the palette")
        await pilot.pause(0.3)
        offered = " ".join(palette_prompts(app))
        assert "Open the article's URL" not in offered and "Copy the article's URL" not in offered


async def test_the_palette_finds_the_url_commands(corpus, opened):
    # the review searched the palette for "url", "browser" and "copy" and found headlines
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "gipfel")
        await ui.run_command(pilot, "open the article's url")
        await until(pilot, lambda: opened == [URL], "the palette's command")


async def test_Y_copies_the_current_passage_as_a_quote_with_source_date_and_url(corpus):
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "gipfel")
        await pilot.press("j")  # from the headline to ¶1
        await pilot.press("Y")
        assert app.clipboard == f"„{PASSAGE}“ — dpa, 2021-06-16, {URL}"
        await noticed(pilot, lambda n: n.title == "Copied ¶1 as a quote")
        await pilot.press("k", "Y")
        assert app.clipboard == f"„Gipfel in Genf“ — dpa, 2021-06-16, {URL}"


async def test_Y_quotes_an_article_without_url_and_markup_in_its_source_as_text(corpus):
    app = make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.loaded(pilot)
        await open_article(pilot, "ohne", 1)
        await pilot.press("Y")
        assert app.clipboard == f"„{PASSAGE}“ — [b]taz[/b], 2021-06-16"


async def test_Y_in_the_bookmarks_pane_copies_the_bookmarked_words(pilot, screen):
    await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)
    assert await screen.go_to(REUTERS, 3)
    await pilot.pause()
    # words 3 to 6 (counting from 1, as the dialog does): "Russland ernsthaft daran interessiert"
    await add_bookmark(pilot, screen, "Kern", "nato", words="3-6")
    await pilot.press("Y")  # in the reading pane: the whole passage
    assert pilot.app.clipboard.startswith("„‚Deshalb ist Russland ernsthaft")
    pane = await open_pane(pilot, screen)
    await until(pilot, lambda: pane.current is not None, "the bookmark in the pane")
    pane.list.focus()
    await pilot.pause()
    await pilot.press("Y")
    assert pilot.app.clipboard == (
        "„… Russland ernsthaft daran interessiert …“ — Reuters, 2021-12-07 (inferred)"
    )
    await noticed(pilot, lambda n: n.title == "Copied the bookmarked words")


def test_the_help_lists_the_new_keys():
    tables = key_tables(lambda key: key, {})
    for command_id, key in (("open_url", "O"), ("copy_url", "y"), ("copy_quote", "Y")):
        assert f"| `{command_id}` | `{key}` | {BY_ID[command_id].help}" in tables
        assert BY_ID[command_id].scope == "screen"


def test_shorten_middle_keeps_the_start_and_the_end():
    assert shorten_middle("https://x.test/a", 40) == "https://x.test/a"
    cut = shorten_middle("https://www.example.test/" + "a" * 50 + "/artikel-123.html", 30)
    assert len(cut) == 30 and cut.startswith("https://www.ex") and cut.endswith("-123.html")
    assert "…" in cut and "\n" not in shorten_middle("a\nb", 10)
    assert shorten_middle("abcdef", 1) == "…" and shorten_middle("abcdef", 0) == ""


def test_the_browsers_that_run_in_the_terminal_are_told_apart():
    from reader.ui.features.share.actions import runs_in_terminal

    assert runs_in_terminal(webbrowser.GenericBrowser("w3m"))
    assert runs_in_terminal(webbrowser.Elinks("elinks"))
    assert not runs_in_terminal(webbrowser.BackgroundBrowser("xdg-open"))
    assert not runs_in_terminal(webbrowser.Chrome("chromium"))
