"""The reader app: one main screen, a help screen, the command palette, a remembered theme."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import BindingType

from reader.ui.keys import bindings, checked_keymap
from reader.ui.logic.state import UiState, corpus_key, load_state, save_state
from reader.ui.messages import SearchRan
from reader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from reader.ui.source import LibrarySource

FALLBACK_THEME = "textual-dark"


def reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[int]):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")
    COMMANDS: ClassVar = App.COMMANDS | {reader_commands}

    def __init__(self, source: LibrarySource) -> None:
        """``source`` gives the config and the library (the command line's ``Context``);
        the library is opened by the loading worker, once the first screen is up."""
        super().__init__()
        self.source = source
        self.config = source.config
        self.stylesheet.set_variables(self.get_css_variables())  # with the config's colours
        self.ui_state: UiState
        self.ui_state, warning = load_state()
        # the recent queries are the open corpus's (as its bookmarks: without the inbox)
        self.ui_state.open_corpus(corpus_key(self.config.bookmarks_corpus()))
        self._notes: list[str] = [warning] if warning else []
        self._notes += self.config.warnings
        self._state_error_shown = False
        self.keymap: dict[str, str] = {}
        # the theme is chosen before the first screen is styled: set in on_mount, a theme
        # other than the default restyled that screen once more (~10 ms of the start-up)
        theme = self.ui_state.theme_for(self.config.theme)
        if theme not in self.available_themes:
            self._notes.append(
                f"theme {theme!r} is not known; using {FALLBACK_THEME} (ctrl+p → Theme lists them)"
            )
            theme = FALLBACK_THEME
        self.theme = theme

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the colours of names and dates made readable on it
        (``$entity-per``, …; see :mod:`reader.ui.features.entities.colors`): computed again
        at each theme change, so the open article follows the theme."""
        from reader.ui.features.entities.colors import checked_colors, entity_variables

        variables = super().get_css_variables()
        # (the first call comes from App.__init__, before the config is set)
        config = getattr(self, "config", None)
        colors, _ = checked_colors(config.entity_colors if config is not None else {})
        variables.update(entity_variables(colors, variables))
        self.theme_variables = variables
        return variables

    def run(self, **kwargs: Any) -> int | None:
        """Run the app in this process (what ``reader`` does). The modules imported by now
        live as long as the process: ``gc.freeze()`` takes them out of the garbage
        collector's full collections, which would otherwise walk all of Textual and reader
        (~25 ms, once during start-up and now and then while reading)."""
        gc.freeze()
        return super().run(**kwargs)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.source, self.ui_state)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        warnings, self.keymap = checked_keymap(self.config.keys)
        self._notes += warnings
        if self.keymap:
            self.set_keymap(self.keymap)
        for note in self._notes:
            self.notify(note, title="reader", severity="warning", timeout=10, markup=False)

    async def on_ready(self) -> None:
        # after the first screen is up: nothing proportional to the corpus before it
        await self.main.build_deferred()

    # remembered state ------------------------------------------------------------------
    def _theme_changed(self, theme: Theme) -> None:
        self.ui_state.theme = theme.name
        self.ui_state.config_theme = self.config.theme
        self.save_ui_state()

    def on_search_ran(self, message: SearchRan) -> None:
        """The main screen put the query among the recent ones: keep them."""
        self.save_ui_state()

    def save_ui_state(self) -> None:
        try:
            save_state(self.ui_state)
        except OSError as exc:
            if not self._state_error_shown:
                self._state_error_shown = True
                self.notify(
                    f"Cannot save the theme and recent queries: {exc}",
                    severity="error",
                    markup=False,
                )

    # actions ---------------------------------------------------------------------------
    def action_help(self) -> None:
        from reader.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
