"""One list of commands: each becomes a binding (with an id users can remap in
``config.yaml`` under ``keys:``), a command-palette entry and a line on the help screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from textual.app import App

Scope = Literal[
    "app", "screen", "reading", "list", "find", "bookmarks", "timeline", "event", "coverage"
]

HIT_GROUP = Binding.Group("Hit", compact=True)
RELATED_GROUP = Binding.Group("Related", compact=True)


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    """Binding id: the name to use under ``keys:`` in config.yaml."""
    key: str
    """Default keys, comma-separated, in Textual's key names."""
    action: str
    description: str
    """Short label for the footer."""
    help: str
    """One sentence for the help screen, the palette and tooltips."""
    scope: Scope
    show: bool = True
    palette: bool = True
    group: Binding.Group | None = None
    title: str = ""
    """Name in the command palette (the description when empty)."""
    priority: bool = False
    """Run before the focused widget sees the key (so keys typed right after it already go
    where it moves the focus); the screen's ``check_action`` must then pass the key on to a
    text box that has the focus."""

    @property
    def palette_title(self) -> str:
        return self.title or self.description

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            id=self.id,
            tooltip=self.help,
            group=self.group,
            priority=self.priority,
        )


COMMANDS: tuple[Command, ...] = (
    # app ---------------------------------------------------------------------------
    Command(
        "help",
        "f1,question_mark",
        "help",
        "Help",
        "Show this help: every key.",
        "app",
        title="Help: keys and query language",
    ),
    Command(
        "quit",
        "q",
        "quit",
        "Quit",
        "Quit reader (ctrl+q quits from anywhere).",
        "app",
        palette=False,
    ),
    # main screen ---------------------------------------------------------------------
    Command(
        "search",
        "slash",
        "search",
        "Search",
        "Search passages with the query language of `reader search`.",
        "screen",
        title="Search passages",
        priority=True,
    ),
    Command(
        "library",
        "l",
        "show_library",
        "Library",
        "Show the library and move to it (f filters it).",
        "screen",
        title="Show the library",
    ),
    Command(
        "filter",
        "f",
        "filter",
        "Filter",
        "Filter the list in the sidebar (library, entities, bookmarks; from the reading "
        "pane: the library) by typed words; the box keeps the keys until Escape clears "
        "and closes it.",
        "screen",
        title="Filter the list",
        priority=True,
    ),
    Command(
        "find",
        "ctrl+f",
        "find",
        "Find",
        "Find a word in the open article; Enter and ↑/↓ step through matches.",
        "screen",
        title="Find in article",
    ),
    Command(
        "next_hit",
        "n",
        "next_hit",
        "Next",
        "Go to the next search hit (on into the next article when this one has no more).",
        "screen",
        group=HIT_GROUP,
        title="Next search hit",
    ),
    Command(
        "previous_hit",
        "N",
        "previous_hit",
        "Prev",
        "Go to the previous search hit.",
        "screen",
        group=HIT_GROUP,
        title="Previous search hit",
    ),
    Command(
        "back",
        "backspace,alt+left",
        "back",
        "Back",
        "Go back to where you were before the last jump.",
        "screen",
        title="Back (navigation history)",
    ),
    Command(
        "forward",
        "alt+right",
        "forward",
        "Forward",
        "Go forward again after going back.",
        "screen",
        show=False,
        title="Forward (navigation history)",
    ),
    Command(
        "toggle_sidebar",
        "ctrl+b",
        "toggle_sidebar",
        "Sidebar",
        "Hide or show the sidebar (library and search).",
        "screen",
        show=False,
        title="Toggle the sidebar",
    ),
    Command(
        "find_next",
        "f3",
        "find_step(1)",
        "Find next",
        "Go to the next match of the find box.",
        "screen",
        show=False,
        title="Find: next match",
    ),
    Command(
        "find_previous",
        "shift+f3",
        "find_step(-1)",
        "Find prev",
        "Go to the previous match of the find box.",
        "screen",
        show=False,
        title="Find: previous match",
    ),
    Command(
        "focus_reading",
        "escape",
        "leave",
        "Leave",
        "Close the find box, leave a list or box for the article, or (on a small "
        "screen) return to the list.",
        "screen",
        show=False,
        palette=False,
    ),
    # bookmarks (reader/ui/features/bookmarks/) ---------------------------------------
    Command(
        "bookmark",
        "b",
        "bookmark",
        "Bookmark",
        "Bookmark the current passage (or some of its words) with an optional note and tags.",
        "screen",
        title="Bookmark this passage",
    ),
    Command(
        "bookmarks",
        "m",
        "show_bookmarks",
        "Bookmarks",
        "Show the bookmarks pane: f filters (words, #tag, @source), Enter jumps to the passage.",
        "screen",
        show=False,
        title="Show bookmarks",
    ),
    Command(
        "bookmark_undo",
        "u,ctrl+z",
        "bookmark_undo",
        "Undo delete",
        "Bring back the bookmark deleted last.",
        "screen",
        title="Undo: restore the deleted bookmark",
    ),
    Command(
        "bookmark_edit",
        "e",
        "edit",
        "Edit note",
        "Edit the note and tags of the highlighted bookmark.",
        "bookmarks",
        palette=False,
    ),
    Command(
        "bookmark_delete",
        "d,delete",
        "delete",
        "Delete",
        "Delete the highlighted bookmark (undo brings it back).",
        "bookmarks",
        palette=False,
    ),
    # the article's URL and quotes (reader/ui/features/share.py) ----------------------
    Command(
        "open_url",
        "O",
        "open_url",
        "Open URL",
        "Open the article's URL (under its header) in the system browser.",
        "screen",
        show=False,
        title="Open the article's URL in the browser",
    ),
    Command(
        "copy_url",
        "y",
        "copy_url",
        "Copy URL",
        "Copy the article's URL to the clipboard (through the terminal).",
        "screen",
        show=False,
        title="Copy the article's URL",
    ),
    Command(
        "copy_quote",
        "Y",
        "copy_quote",
        "Copy quote",
        "Copy the current passage (in the bookmarks pane: the highlighted bookmark's words) "
        "as a quote with source, date and URL: „…“ — Source, date, URL.",
        "screen",
        show=False,
        title="Copy the passage as a quote (with source and date)",
    ),
    # names and dates (reader/ui/features/entities/) ---------------------------------
    Command(
        "toggle_entities",
        "e",
        "toggle_entities",
        "Names",
        "Highlight people, places, organisations and dates in the article, or stop.",
        "screen",
        show=False,
        title="Toggle name and date highlighting",
    ),
    Command(
        "entities",
        "ctrl+e",
        "show_entities",
        "Entities",
        "Show the entity pane: the names in this article and in the whole corpus with "
        "mentions per source; Enter searches every passage that mentions one.",
        "screen",
        show=False,
        title="Show the entity pane",
    ),
    # timeline and related passages (reader/ui/features/links/) ------------------------
    Command(
        "timeline",
        "t",
        "toggle_timeline",
        "Timeline",
        "Show the timeline (dated events and the sources that report them) and move to "
        "it; press again to hide it.",
        "screen",
        title="Show or hide the timeline",
    ),
    Command(
        "other_source",
        "o",
        "other_source",
        "Other source",
        "Go to the same event in another source: cycles through the passages of the "
        "event this passage is in (or the one chosen in the timeline).",
        "screen",
        show=False,
        title="Timeline: the same event in another source",
    ),
    Command(
        "next_related",
        "right_square_bracket",
        "related_step(1)",
        "Related",
        "Jump to the next passage related to this one (other sources first); backspace returns.",
        "screen",
        group=RELATED_GROUP,
        title="Next related passage",
    ),
    Command(
        "previous_related",
        "left_square_bracket",
        "related_step(-1)",
        "Prev related",
        "Jump to the previous related passage, and from the first back to the passage "
        "they are related to.",
        "screen",
        group=RELATED_GROUP,
        title="Previous related passage",
    ),
    Command(
        "compare",
        "equals_sign",
        "compare",
        "Compare",
        "Compare this passage with the selected related one, side by side, the words "
        "that differ marked.",
        "screen",
        title="Compare with the related passage",
    ),
    Command(
        "timeline_sources",
        "s",
        "min_sources",
        "Sources",
        "Show only events reported by at least 2, 3, … sources (press again for more, then all).",
        "timeline",
        palette=False,
    ),
    Command(
        "timeline_activity",
        "a",
        "activity",
        "Activity",
        "Show how many items each outlet ran per day over the whole corpus (a story's own "
        "chart is in its story view).",
        "timeline",
        title="Coverage over time: items per outlet and day",
    ),
    Command(
        "timeline_passage",
        "p",
        "first_passage",
        "Passage",
        "Open the highlighted event's first passage (Enter opens the event's coverage).",
        "timeline",
        palette=False,
    ),
    # one event's coverage (reader/ui/dialogs/event_coverage.py) ------------------------
    Command(
        "event_compare",
        "equals_sign",
        "compare",
        "Compare",
        "In an event's coverage: = on one outlet's row, then on another's, compares their "
        "passages side by side (= again on the marked row unmarks it).",
        "event",
        palette=False,
    ),
    Command(
        "event_story",
        "s",
        "story",
        "Story",
        "In an event's coverage: the events of its story in date order, with their "
        "sources; Enter shows one's coverage, s or Escape goes back.",
        "event",
        palette=False,
    ),
    Command(
        "event_close",
        "escape,q",
        "close",
        "Close",
        "Close the event's coverage (from the story view: back to the coverage).",
        "event",
        palette=False,
    ),
    # who said what (reader/ui/features/statements/) -----------------------------------
    Command(
        "coverage",
        "c",
        "show_coverage",
        "Coverage",
        "Show the coverage pane: each statement (who said what) by outlet, Q quoted, "
        "P paraphrased, · not reported; Enter opens the passage.",
        "screen",
        show=False,
        title="Show the coverage pane (statements × outlets)",
    ),
    Command(
        "speakers",
        "w",
        "show_speakers",
        "Speakers",
        "Show the speaker pane: who said what, with every outlet's wording; Enter opens "
        "the passage.",
        "screen",
        show=False,
        title="Show the speaker pane (who said what)",
    ),
    Command(
        "coverage_sort",
        "s",
        "sort",
        "Sort",
        "Sort the statements by number of sources or by speaker.",
        "coverage",
        palette=False,
    ),
    Command(
        "coverage_compare",
        "equals_sign",
        "compare_row",
        "Compare",
        "Compare two outlets' wordings of the highlighted statement side by side.",
        "coverage",
        palette=False,
    ),
    Command(
        "update_feeds",
        "R",
        "update_feeds",
        "Feeds",
        "Update the feeds you follow (`reader feeds add URL` in a shell): new articles go "
        "into the inbox and appear in the library.",
        "screen",
        show=False,
        title="Update the feeds",
    ),
    # reading pane --------------------------------------------------------------------
    Command(
        "cursor_down",
        "j,down",
        "cursor_down",
        "Next",
        "Next passage (scrolls first through a passage taller than the screen).",
        "reading",
        palette=False,
        show=False,
    ),
    Command(
        "cursor_up",
        "k,up",
        "cursor_up",
        "Prev",
        "Previous passage.",
        "reading",
        palette=False,
        show=False,
    ),
    Command(
        "cursor_top",
        "g,home",
        "cursor_top",
        "Top",
        "First passage (the headline).",
        "reading",
        show=False,
        palette=False,
    ),
    Command(
        "cursor_bottom",
        "G,end",
        "cursor_bottom",
        "Bottom",
        "Last passage.",
        "reading",
        show=False,
        palette=False,
    ),
    # lists (library, search results) -------------------------------------------------
    Command(
        "list_down", "j,down", "cursor_down", "Down", "Next row.", "list", show=False, palette=False
    ),
    Command(
        "list_up", "k,up", "cursor_up", "Up", "Previous row.", "list", show=False, palette=False
    ),
    Command(
        "list_top", "g,home", "first", "First", "First row.", "list", show=False, palette=False
    ),
    Command("list_bottom", "G,end", "last", "Last", "Last row.", "list", show=False, palette=False),
    Command(
        "list_open",
        "enter",
        "select",
        "Open",
        "Open the article at this row.",
        "list",
        palette=False,
    ),
)

BY_ID = {c.id: c for c in COMMANDS}

# Keys Textual itself provides; listed on the help screen, not remappable through ``keys:``.
BUILTIN_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+q", "Quit from anywhere, even while typing."),
    ("ctrl+p", "Command palette: open an article by headline, search, panes, theme, keys."),
    ("tab / shift+tab", "Move between the panes and boxes."),
    ("pageup / pagedown", "Scroll the reading pane or a list by a screen."),
)


def bindings(scope: Scope) -> list[BindingType]:
    return [c.binding() for c in COMMANDS if c.scope == scope]


def keymap_of(app: App[Any]) -> Mapping[str, str]:
    """The user's ``keys:`` mapping the app runs with (none for another Textual app)."""
    return getattr(app, "keymap", None) or {}


def key_display(app: App[Any], key: str) -> str:
    """``key`` (a Textual key name) as the footer shows it."""
    return app.get_key_display(Binding(key, ""))


def key_label(app: App[Any], command_id: str) -> str:
    """The first key of command ``command_id`` as the user has it mapped, as the footer
    shows it (for messages and hints)."""
    keys = keymap_of(app).get(command_id, BY_ID[command_id].key)
    first = keys.split(",")[0].strip()
    return key_display(app, first) if first else "?"


SHARED_SCOPES: dict[Scope, frozenset[Scope]] = {
    "app": frozenset({"app", "screen"}),
    "screen": frozenset({"app", "screen"}),
}
"""Scopes whose keys are in force together (the app's and the main screen's); a pane's
own keys (``list``, ``timeline``, …) win over the screen's while it has the focus."""


def check_keymap(keymap: Mapping[str, str]) -> list[str]:
    """Problems with the user's ``keys:`` mapping, one message each (see :func:`checked_keymap`)."""
    return checked_keymap(keymap)[0]


def checked_keymap(keymap: Mapping[str, str]) -> tuple[list[str], dict[str, str]]:
    """The user's ``keys:`` mapping without what cannot be used, and one warning for each
    thing left out: an unknown binding id (with the id it probably meant), or a key that
    another command uses in the same place (naming both); that command keeps its default."""
    import difflib

    warnings: list[str] = []
    usable: dict[str, str] = {}
    for name, keys in keymap.items():
        if name in BY_ID:
            usable[name] = keys
            continue
        near = difflib.get_close_matches(name, list(BY_ID), n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{near[0]}'?" if near else f" (known ids: {', '.join(sorted(BY_ID))})"
        )
        warnings.append(f"keys: unknown binding id '{name}' ignored{hint}")
    taken = {c.id: _keys(usable.get(c.id, c.key)) for c in COMMANDS}
    for name in list(usable):
        command = BY_ID[name]
        together = SHARED_SCOPES.get(command.scope, frozenset({command.scope}))
        for key in _keys(usable[name]):
            other = next(
                (
                    c
                    for c in COMMANDS
                    if c.id != name and c.scope in together and key in taken[c.id]
                ),
                None,
            )
            if other is not None:
                warnings.append(
                    f"keys: '{key}' for '{name}' is already the key of '{other.id}' "
                    f"({other.description}); '{name}' keeps '{command.key}'"
                )
                del usable[name]
                taken[name] = _keys(command.key)
                break
    return warnings, usable


def _keys(keys: str) -> set[str]:
    return {k.strip() for k in keys.split(",") if k.strip()}
