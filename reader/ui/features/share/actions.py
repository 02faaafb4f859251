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
    """In the worker thread: ``webbrowser.open``, then a notice on the UI thread. A browser
    that would run in this terminal (lynx, w3m, links: what ``webbrowser`` picks over ssh) is
    not started, since it would draw over the app and share its keys: the URL is copied
    instead."""
    try:
        browser = webbrowser.get()
        if runs_in_terminal(browser):
            app.call_from_thread(_copied_instead, app, url, browser)
            return
        opened = webbrowser.open(url)
        problem = "" if opened else "no browser could be started"
    except Exception as exc:  # webbrowser.Error (no browser), OSError from its command …
        problem = str(exc) or type(exc).__name__
    if problem:
        message = f"Could not open {url}: {problem}"
        notice = partial(app.notify, message, title="Browser", severity="warning", timeout=15)
    else:
        notice = partial(app.notify, url, title="Opened in the browser")
    app.call_from_thread(notice, markup=False)


def runs_in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Whether ``webbrowser`` would run ``browser`` in the terminal it was started from and
    wait for it: its plain command browsers (``www-browser``, lynx, w3m, links, or a
    ``$BROWSER`` it does not know) and elinks."""
    if type(browser) is webbrowser.GenericBrowser:
        return True
    return isinstance(browser, webbrowser.UnixBrowser) and not browser.redirect_stdout


def _copied_instead(app: App[Any], url: str, browser: webbrowser.BaseBrowser) -> None:
    app.copy_to_clipboard(url)
    app.notify(
        f"{browser.name} would open inside this terminal, over reader: the URL is on the "
        f"clipboard instead. {url}",
        title="Browser",
        severity="warning",
        timeout=15,
        markup=False,
    )


def copy_text(app: App[Any], text: str, what: str) -> None:
    """Put ``text`` on the clipboard and say what was copied (``what``: "the URL", …)."""
    app.copy_to_clipboard(text)
    app.notify(shorten(text, NOTICE_CHARS), title=f"Copied {what}", markup=False)
