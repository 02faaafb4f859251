"""The key footer, rebuilt only when the keys it shows change.

Textual's ``Footer`` removes and mounts all its keys again on every binding refresh and every
focus change, several times per key press in this app (opening an article moves the focus and
refreshes the bindings a few times): a frame's work each time for a footer that mostly looks
the same. This one compares what it would show with what it shows and rebuilds only on a
difference.

Every change is still followed up (no "already queued" flag): Textual hands a widget's
after-refresh callback to the screen on top, and a modal's callbacks go when it closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

Shown = tuple[tuple[str, str, str, bool, str], ...]
"""What the footer shows: (key, key as displayed, description, enabled, tooltip) per key."""


class KeyFooter(Footer):
    """``Footer`` that skips rebuilds which would show the same keys."""

    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    def shown(self) -> Shown:
        """The keys the footer would show now."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, app.get_key_display(binding), binding.description, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self.shown()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()

    async def recompose(self) -> None:
        """Rebuild (also when ``compact`` or ``show_command_palette`` change)."""
        if self._bindings_ready:
            self._shown = self.shown()
        await super().recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        for child in self.children:
            child.display = True
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Leave out the keys that do not fit whole, rather than cut the last one mid-word
        ("t Timelin"); the command palette's key stays at the right."""
        palette = [c for c in self.children if c.has_class("-command-palette")]
        limit = self.region.right - sum(c.region.width for c in palette)
        over = False
        for child in self.children:
            if child in palette:
                continue
            over = over or child.region.right > limit
            if child.display == over:
                child.display = not over
