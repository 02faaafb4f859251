"""The colour legend above the article: which colour marks people, places, organisations and
dates, whether highlighting is on, and whether the open article is still being analysed."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from reader.ui.logic.entity_layers import LABEL_NAMES, LABELS


class EntityLegend(Static):
    """One line: each type's name in its colour, then the keys that toggle and list them."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.display = False  # until an article is open
        self.styles_by_label: dict[str, str] = {}
        self.shown = True
        self.analysing = False
        self.keys = ("e", "ctrl+e")

    def show_legend(
        self,
        styles_by_label: Mapping[str, str],
        *,
        shown: bool,
        analysing: bool = False,
        keys: tuple[str, str] | None = None,
    ) -> None:
        """``keys`` are the display names of the toggle and entity-pane keys."""
        self.styles_by_label = dict(styles_by_label)
        self.shown, self.analysing = shown, analysing
        if keys is not None:
            self.keys = keys
        self.update(self.legend())

    def legend(self) -> Content:
        toggle, pane = self.keys
        parts: list[str | tuple[str, str]] = []
        if self.analysing:
            parts.append(("finding names… · ", "italic"))
        if self.shown:
            for label in LABELS:
                style = self.styles_by_label.get(label)
                if style:
                    parts += [(LABEL_NAMES[label], style), " "]
            parts.append((f"· {toggle} hides · {pane} lists", "dim"))
        else:
            parts.append((f"names and dates not highlighted · {toggle} shows them", "dim"))
        return Content.assemble(*parts)
