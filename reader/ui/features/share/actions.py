"""Handing an article on: the browser (in a thread worker, since a browser can take its
time to start) and the terminal's clipboard (OSC 52, through Textual's
``copy_to_clipboard``; the terminal decides whether it lets the app set it)."""

from __future__ import annotations

import webbrowser
from functools import partial
from typing import TYPE_CHECKING, Any

from reader.ui.logic.text import shorten

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

NOTICE_CHARS = 120


def open_in_browser(node: DOMNode, url: str) -> None:
    """Open ``url`` in the system browser without blocking the app; a failure is a notice
    that names the URL (so it can still be copied by hand)."""
    node.run_worker(
        partial(_open, node.app, url),
        name="open-url",
        group="browser",
        thread=True,
        exit_on_error=False,
    )


def _open(app: App[Any], url: str) -> None:
    """In the worker thread: ``webbrowser.open``, then a notice on the UI thread."""
    try:
        opened = webbrowser.open(url)
        problem = "" if opened else "no browser could be started"
    except Exception as exc:  # webbrowser.Error, OSError from a browser command …
        problem = str(exc) or type(exc).__name__
    if problem:
        message = f"Could not open {url}: {problem}"
        notice = partial(app.notify, message, title="Browser", severity="warning", timeout=15)
    else:
        notice = partial(app.notify, url, title="Opened in the browser")
    app.call_from_thread(notice, markup=False)


def copy_text(app: App[Any], text: str, what: str) -> None:
    """Put ``text`` on the clipboard and say what was copied (``what``: "the URL", …)."""
    app.copy_to_clipboard(text)
    app.notify(shorten(text, NOTICE_CHARS), title=f"Copied {what}", markup=False)
