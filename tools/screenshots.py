"""Screenshots of the app for the README: ``docs/screenshots/NAME.svg``.

Rerun after a change to what the app shows (a few seconds each)::

    .venv/bin/python tools/screenshots.py                 # all of them
    .venv/bin/python tools/screenshots.py search compare  # only these
    .venv/bin/python tools/screenshots.py --out /tmp/shots

The seeds are copied and indexed in a temporary folder, and the app runs there headless
(Textual's ``run_test``) at a fixed size and theme, with config, cache, data and state
folders of its own: nothing of the user's is read or written. Each screenshot starts the
app afresh, drives it with the keys a user would press, waits for what they bring (workers
are threads) and saves the terminal as SVG, notices cleared.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.main import MainScreen

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
OUT = REPO / "docs" / "screenshots"
SIZE = (120, 36)
THEME = "textual-dark"
TITLE = "reader"
PATIENCE = 60.0  # seconds to wait for one thing before giving up
POLL = 0.02

RT = "000_c7c4b8e3e078befc"
REUTERS = "001_71db2df63f5cd903"
GUARANTEES = 6  # RT DE's passage on the demand for legal guarantees: Reuters reports it too
FOLDERS = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


class ScreenshotError(Exception):
    """The app did not reach the view a screenshot is of."""


# where the app runs ------------------------------------------------------------------------------
@contextmanager
def workspace() -> Iterator[Path]:
    """A temporary folder with a copy of the seeds, indexed and analysed, and the config
    that opens them; the XDG folders and ``READER_CONFIG`` point into it until the end."""
    with tempfile.TemporaryDirectory(prefix="reader-screenshots-") as tmp:
        root = Path(tmp)
        names = (*FOLDERS, "READER_CONFIG", "TEXTUAL_ANIMATION")
        saved = {name: os.environ.get(name) for name in names}
        try:
            for name in FOLDERS:
                folder = root / name.lower()
                folder.mkdir()
                os.environ[name] = str(folder)
            os.environ.pop("READER_CONFIG", None)
            os.environ["TEXTUAL_ANIMATION"] = "none"
            yield _indexed_seeds(root)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _indexed_seeds(root: Path) -> Path:
    """The config of a copy of the seeds under ``root``, indexed as `reader index` leaves it
    (the bundled config's overrides, RT DE's source, still apply under it)."""
    from reader.cli.context import Context
    from reader.refresh import refresh

    corpus = root / "seeds"
    shutil.copytree(SEEDS, corpus)
    config = root / "config.yaml"
    config.write_text(
        f"corpus: [{corpus}]\nindex_dir: {root / 'index'}\ntheme: {THEME}\n", encoding="utf-8"
    )
    library = Context(config_path=str(config)).library
    try:
        refresh(library)
    finally:
        library.close()
    return config


# driving the app ---------------------------------------------------------------------------------
async def until(pilot: Any, condition: Callable[[], object], what: str) -> None:
    for _ in range(round(PATIENCE / POLL)):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(POLL)
    raise ScreenshotError(f"gave up waiting for {what}")


async def ready(pilot: Any) -> MainScreen:
    """The main screen with the library listed, the background analysis done, the statements
    table and the related strip there."""
    screen = pilot.app.main
    await until(pilot, lambda: screen.library_ready and screen.library_pane.index, "the library")
    await until(pilot, lambda: screen.entity_keeper.enriched, "the names and dates")
    await until(pilot, lambda: screen.statements is not None, "the statements")
    await until(pilot, lambda: screen.query("#related-strip"), "the related strip")
    return screen


async def open_at(pilot: Any, screen: MainScreen, article_id: str, passage: int) -> None:
    """``article_id`` open at ``passage``, its names coloured and its related passages
    found."""
    if not await screen.go_to(article_id, passage):
        raise ScreenshotError(f"cannot open {article_id}")
    await until(pilot, lambda: screen.entity_keeper.cache.get(article_id), "the article's names")
    strip = screen.query_one("#related-strip")
    pid = f"{article_id}#p{passage}"
    await until(
        pilot,
        lambda: getattr(strip, "anchor_pid", None) == pid and getattr(strip, "loaded", False),
        f"the passages related to {pid}",
    )


async def reading(pilot: Any, screen: MainScreen) -> None:
    """The library beside the Reuters report, its names and dates coloured by type."""
    await open_at(pilot, screen, REUTERS, 3)


async def search(pilot: Any, screen: MainScreen) -> None:
    """A search with its hits listed, the best one opened with its matches highlighted."""
    query = "Sicherheitsgarantien OR NATO-Erweiterung"
    await pilot.press("slash")
    await until(pilot, lambda: pilot.app.focused is screen.search_pane.input, "the search box")
    screen.search_pane.input.value = query
    await pilot.press("enter")
    pane = screen.search_pane
    await until(pilot, lambda: pane.result is not None and pane.result.query == query, query)
    await pilot.press("enter")
    hit = pane.hits[0]
    await until(pilot, lambda: screen.article is not None, "the hit's article")
    await until(pilot, lambda: screen.entity_keeper.cache.get(hit.passage.article_id), "names")


async def timeline(pilot: Any, screen: MainScreen) -> None:
    """The timeline pane: dated events across the outlets, beside the article of one."""
    await open_at(pilot, screen, RT, GUARANTEES)
    await pilot.press("t")
    pane = screen.sidebar.pane("timeline")
    await until(pilot, lambda: getattr(pane, "timeline", None) is not None, "the timeline")


async def compare(pilot: Any, screen: MainScreen) -> None:
    """RT DE's and Reuters' wording of the same demand side by side."""
    from reader.ui.dialogs.compare import CompareScreen

    await open_at(pilot, screen, RT, GUARANTEES)
    await pilot.press("equals_sign")
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
    await until(pilot, lambda: app.screen.query_one("#compare-a-text").region.height, "layout")


async def coverage(pilot: Any, screen: MainScreen) -> None:
    """Who said what: one row per statement, a column per outlet."""
    await _statement_pane(pilot, screen, "c", "CoveragePane")


async def speakers(pilot: Any, screen: MainScreen) -> None:
    """Each speaker's statements in every outlet's words."""
    await _statement_pane(pilot, screen, "w", "SpeakerPane")


async def _statement_pane(pilot: Any, screen: MainScreen, key: str, kind: str) -> None:
    await open_at(pilot, screen, REUTERS, 3)
    await pilot.press(key)
    await until(pilot, lambda: _rows(screen, kind), f"the rows of the {kind}")
    await pilot.press("enter")  # the first row's passage opens beside the pane
    await until(pilot, lambda: screen.article is not None, "the statement's article")


def _rows(screen: MainScreen, kind: str) -> object:
    panes = screen.query(kind)
    return panes and panes.first().row_list.rows


Drive = Callable[[Any, "MainScreen"], Awaitable[None]]
SHOTS: dict[str, Drive] = {
    "reading": reading,
    "search": search,
    "timeline": timeline,
    "compare": compare,
    "coverage": coverage,
    "speakers": speakers,
}


# taking them -------------------------------------------------------------------------------------
async def take(name: str, config: Path, out: Path) -> Path:
    """Start the app on ``config``, drive it to the view ``name`` and save it as
    ``out/NAME.svg``."""
    from reader.cli.context import Context
    from reader.ui.app import ReaderApp

    app: ReaderApp = ReaderApp(Context(config_path=str(config)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await SHOTS[name](pilot, screen)
        app.clear_notifications()
        await pilot.pause()
        await pilot.pause()
        path = out / f"{name}.svg"
        path.write_text(app.export_screenshot(title=TITLE), encoding="utf-8")
    return path


def take_screenshots(names: Sequence[str] = tuple(SHOTS), out: Path = OUT) -> list[Path]:
    """The screenshots ``names`` (all by default) in ``out``, from a fresh index of the seeds
    in a temporary folder."""
    unknown = [n for n in names if n not in SHOTS]
    if unknown:
        raise ScreenshotError(f"no screenshot {', '.join(unknown)} (there are: {', '.join(SHOTS)})")
    out.mkdir(parents=True, exist_ok=True)
    with workspace() as config:
        return [asyncio.run(take(name, config, out)) for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"of: {', '.join(SHOTS)}")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    args = parser.parse_args(argv)
    try:
        for path in take_screenshots(args.names or tuple(SHOTS), args.out):
            print(path)
    except ScreenshotError as exc:
        print(f"screenshots: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
