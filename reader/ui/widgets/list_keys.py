"""Keys shared by the lists that have a filter box above them (library, entities,
bookmarks): letters typed in the list go on in the box, and ↑/↓/PgUp/PgDn/Enter typed in
the box work the list."""

from __future__ import annotations

from typing import Any, cast

from textual import events
from textual.widget import Widget


class TypesAhead:
    """Mixin for a list widget: :meth:`starts_typing` says whether a key belongs in the
    filter box. A capital letter always does (German nouns are capitalised), another
    printable key when it is no command here, and every key once a word has started: keys
    typed fast reach the list before the focus has moved to the box, and the rest of the word
    ("put": "t" is the timeline's key) must not run commands."""

    _typing = False

    def starts_typing(self, event: events.Key) -> bool:
        """True, and the event stopped, if ``event`` is to be typed into the filter box."""
        if not (event.is_printable and event.character):
            return False
        if not (
            self._typing
            or event.character.isupper()
            or event.key not in cast(Widget, self).screen.active_bindings
        ):
            return False
        event.stop()
        event.prevent_default()
        self._typing = True
        return True

    def on_blur(self, event: events.Blur) -> None:
        self._typing = False

    def on_focus(self, event: events.Focus) -> None:
        self._typing = False


def work_list(event: events.Key, rows: Any) -> bool:
    """Run ↑/↓/PgUp/PgDn/Enter, typed in a filter box, on the list ``rows`` below it (a
    RowList or an OptionList); True, and the event stopped, if it was one of them."""
    actions = {
        "down": rows.action_cursor_down,
        "up": rows.action_cursor_up,
        "pagedown": rows.action_page_down,
        "pageup": rows.action_page_up,
        "enter": rows.action_select,
    }
    action = actions.get(event.key)
    if action is None:
        return False
    event.stop()
    event.prevent_default()
    action()
    return True
