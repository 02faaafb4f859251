"""Keys shared by the lists that have a filter box above them (library, entities,
bookmarks): ↑/↓/PgUp/PgDn/Enter typed in the box work the list."""

from __future__ import annotations

from typing import Any

from textual import events


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
