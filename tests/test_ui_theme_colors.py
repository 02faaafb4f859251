"""Names and dates stay readable on every theme (issue 15 R8): each type's colour is made
readable on the theme's backgrounds, and a theme change re-styles the open article."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from reader.config import DEFAULT_COLORS
from reader.ui.features.entities.colors import (
    TARGET,
    contrast,
    entity_variables,
    readable,
    theme_backgrounds,
)
from reader.ui.logic.entity_layers import COLOR_VARIABLES, LABELS
from tests import ui_support as ui
from tests.ui_support import until

GIPFEL = "003_ea1d46bb5c9ce6df"  # "Joe Biden lädt Wladimir Putin zu Gipfeltreffen …"
THEMES = sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi"))
"""Textual's themes with a background of their own (the ANSI ones use the terminal's)."""


def theme_variables(name: str) -> dict[str, str]:
    theme = BUILTIN_THEMES[name]
    return {**theme.to_color_system().generate(), **theme.variables}


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize(
    "colors", [DEFAULT_COLORS, {"PER": "yellow", "LOC": "#00ff00", "ORG": "navy", "DATE": "white"}]
)
def test_every_colour_has_enough_contrast_on_every_theme(name: str, colors) -> None:
    variables = theme_variables(name)
    grounds = theme_backgrounds(variables)
    assert len(grounds) >= 2  # the background and the surface at least
    shown = entity_variables(colors, variables)
    for label in LABELS:
        colour = Color.parse(shown[COLOR_VARIABLES[label]])
        for ground in grounds:
            assert contrast(colour, ground) >= TARGET, (name, label, colour.hex, ground.hex)


def test_a_readable_colour_is_kept_and_a_faint_one_keeps_its_hue() -> None:
    dark = Color.parse("#121212")
    assert readable(Color.parse("#e5a50a"), [dark]) == Color.parse("#e5a50a")
    light = Color.parse("#e0e0e0")
    darker = readable(Color.parse("#e5a50a"), [light])
    assert contrast(darker, light) >= TARGET
    assert abs(darker.hsl.h - Color.parse("#e5a50a").hsl.h) < 0.02  # still a yellow-orange
    assert darker.hsl.l < Color.parse("#e5a50a").hsl.l
    # the ANSI themes leave the background to the terminal: the colours stay as given
    ansi = theme_variables("ansi-dark")
    assert theme_backgrounds(ansi) == []
    assert entity_variables(DEFAULT_COLORS, ansi)["entity-per"] == DEFAULT_COLORS["PER"]


def drawn(app, word: str) -> list[tuple[Color, Color]]:
    """(foreground, background) of each on-screen segment holding ``word``."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if word in segment.text and style is not None and style.color and style.bgcolor:
                found.append(
                    (
                        Color.from_rich_color(style.color),
                        Color.from_rich_color(style.bgcolor),
                    )
                )
    return found


async def test_a_theme_change_restyles_the_open_article(indexed_seeds: Path) -> None:
    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY, ui.ENRICHMENT)
        assert await screen.go_to(GIPFEL, 0)
        await until(pilot, lambda: GIPFEL in screen.entity_keeper.cache, "the article's names")
        await pilot.pause()
        for theme in ("textual-light", "textual-dark", "solarized-light"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            per = Color.parse(app.theme_variables.get("entity-per", DEFAULT_COLORS["PER"]))
            for word in ("Wladimir Putin", "person"):  # the article and the legend
                segments = [(fg, bg) for fg, bg in drawn(app, word) if fg.hex6 == per.hex6]
                assert segments, (theme, word)
                for fg, bg in segments:
                    assert contrast(fg, bg) >= TARGET, (theme, word, fg.hex, bg.hex)
