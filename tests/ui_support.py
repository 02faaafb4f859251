"""Helpers shared by the Pilot tests of the app (tests/test_ui_*.py): build the app, wait for
what a worker brings, read the terminal as text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import _wait, events
from textual.message_pump import MessagePump
from textual.notifications import Notification
from textual.widgets import OptionList

from reader.cli.context import Context
from reader.ui.app import ReaderApp
from reader.ui.screens.main import MainScreen

SIZE = (120, 30)
"""The terminal the UI tests run the app in (conftest's ``pilot``)."""
POLL = 0.02  # seconds between two looks at a condition
PATIENCE = 30.0  # seconds before `until` gives up; usually a few frames, more on a busy machine

# Pilot's ``press`` and ``pause`` wait until the process is idle, judged over slices of
# ``SLEEP_GRANULARITY`` (20 ms, at least two per key): finer slices judge the same
# condition (the process's CPU time barely moving) four times as often, which takes a
# third off the UI tests' time.
_wait.SLEEP_GRANULARITY = 0.005
_wait.SLEEP_IDLE = _wait.SLEEP_GRANULARITY / 20

Wait = tuple[str, Callable[[MainScreen], object]]
"""Something `loaded` waits for: what it is (for the failure message), and the test of it."""

LIBRARY: Wait = (
    "the library",
    lambda screen: screen.library_ready and screen.library_pane.index is not None,
)
LIBRARY_READY: Wait = ("the library", lambda screen: screen.library_ready)
RELATED_STRIP: Wait = ("the related strip", lambda screen: screen.query("#related-strip"))
BOOKMARKS: Wait = ("the bookmarks", lambda screen: screen.bookmark_keeper.loaded)
ENRICHMENT: Wait = ("the enrichment", lambda screen: screen.entity_keeper.enriched)


def make_app(*corpus: Path, config: Path | None = None) -> ReaderApp:
    """The app on the ``corpus`` folders and/or the config file ``config``, as the command
    line's ``--corpus`` and ``--config`` would give it."""
    return ReaderApp(
        Context(
            config_path=str(config) if config is not None else None,
            corpus=[str(p) for p in corpus] if corpus else None,
        )
    )


async def until(
    pilot, condition: Callable[[], object], what: str = "condition", *, seconds: float = PATIENCE
) -> None:
    """Let the app run until ``condition()`` holds (workers are threads); fail naming ``what``
    after ``seconds``."""
    for _ in range(round(seconds / POLL)):
        if condition():
            return
        await pilot.pause(POLL)
    raise AssertionError(f"gave up waiting for {what}")


async def loaded(pilot, *waits: Wait) -> MainScreen:
    """The main screen once each of ``waits`` holds, in order (the library listed, if none are
    given), and one more frame has been drawn."""
    screen = pilot.app.main
    for what, condition in waits or (LIBRARY,):
        await until(pilot, lambda condition=condition: condition(screen), what)
    await pilot.pause()
    return screen


async def noticed(
    pilot, condition: Callable[[Notification], object], what: str = "the notice"
) -> Notification:
    """The first notification for which ``condition`` holds, once it has arrived: ``notify``
    posts a message, so a notice comes after the change of state that raised it."""
    found: list[Notification] = []

    def arrived() -> bool:
        found[:] = [n for n in pilot.app._notifications if condition(n)]
        return bool(found)

    await until(pilot, arrived, what)
    return found[0]


async def run_command(pilot, title: str) -> None:
    """Run the palette command ``title`` as a user does: ctrl+p, type it, Enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.2)


def palette_prompts(app: ReaderApp) -> list[str]:
    """What the open command palette offers, one prompt (with its help line) each."""
    options = app.screen.query_one("CommandList", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def burst(target: MessagePump, keys: str | Iterable[tuple[str, str | None]]) -> None:
    """Post key events to ``target`` (the app, or a widget) all at once, as a terminal hands
    on keys typed faster than the app moves the focus, or sent by a script: none waits for
    the effect of the one before. A string is letters, each its own key."""
    for key, char in ((c, c) for c in keys) if isinstance(keys, str) else keys:
        target.post_message(events.Key(key, char))


def screen_text(app: ReaderApp) -> str:
    """What is on the terminal, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
