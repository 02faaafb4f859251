"""The colours of names and dates, made readable on the theme in use.

The config gives one colour per type (``entities.colors``, defaults in
:data:`reader.config.DEFAULT_COLORS`). A colour chosen on a dark background is often
unreadable on a light one (the default yellow for people has 1.5:1 on textual-light), so the
app does not draw the colours as given: :func:`entity_variables` keeps each one's hue and
saturation and moves its lightness away from the theme's background until it has
:data:`TARGET` contrast (WCAG's ratio for text) against every background the names are drawn
on. The results are theme variables (``$entity-per``, …): the spans of the reading pane, the
legend and the entity pane name the variable, so a theme change re-styles them all at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.color import Color, ColorParseError

from reader.config import DEFAULT_COLORS
from reader.ui.logic.entity_layers import COLOR_VARIABLES, LABELS

TARGET = 4.5
"""The contrast ratio (WCAG AA for normal text) each colour has on the theme's backgrounds."""
BACKGROUNDS = ("background", "surface", "panel")
"""The theme variables the names are drawn on: the article, the lists and the legend."""
OVERLAYS = ("boost",)
"""Tints laid over the background (the passage under the cursor)."""
_STEP = 0.01


def checked_colors(colors: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The user's colours with unreadable ones replaced by the defaults, and a message
    naming the config key of each one replaced."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for label in LABELS:
        colour = colors.get(label) or DEFAULT_COLORS[label]
        try:
            Color.parse(colour)
        except ColorParseError:
            problems.append(
                f"entities.colors.{label}: {colour!r} is not a colour (a name such as "
                f"'orange' or '#rrggbb'); using {DEFAULT_COLORS[label]}"
            )
            colour = DEFAULT_COLORS[label]
        good[label] = colour
    return good, problems


def luminance(colour: Color) -> float:
    """WCAG relative luminance (0 black … 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 … 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: Color, backgrounds: Iterable[Color], target: float = TARGET) -> Color:
    """``colour``, or the nearest colour of its hue and saturation (lighter on a dark
    background, darker on a light one) with ``target`` contrast against each of
    ``backgrounds``; white or black when no shade of it has."""
    grounds = list(backgrounds)
    if not grounds or all(contrast(colour, g) >= target for g in grounds):
        return colour
    lighter = sum(luminance(g) for g in grounds) / len(grounds) < 0.18
    h, s, lightness = colour.hsl
    step = _STEP if lighter else -_STEP
    while 0.0 <= lightness <= 1.0:
        candidate = Color.from_hsl(h, s, lightness)
        if all(contrast(candidate, g) >= target for g in grounds):
            return candidate
        lightness += step
    return Color(255, 255, 255) if lighter else Color(0, 0, 0)


def theme_backgrounds(variables: Mapping[str, str]) -> list[Color]:
    """The opaque colours names are drawn on in a theme (its CSS variables); none when the
    theme leaves the background to the terminal (the ANSI themes: it cannot be known)."""
    grounds: list[Color] = []
    for name in BACKGROUNDS:
        try:
            colour = Color.parse(variables.get(name, ""))
        except ColorParseError:
            continue
        if colour.ansi is not None:
            return []
        if colour.a > 0:
            grounds.append(colour)
    if grounds:
        for name in OVERLAYS:
            try:
                overlay = Color.parse(variables.get(name, ""))
            except ColorParseError:
                continue
            if overlay.ansi is None and overlay.a > 0:
                grounds.append(grounds[0] + overlay)
    return grounds


def entity_variables(colors: Mapping[str, str], variables: Mapping[str, str]) -> dict[str, str]:
    """``{"entity-per": "#rrggbb", …}``: each type's colour (``colors``, checked) made
    readable on the theme whose CSS variables are ``variables``."""
    grounds = theme_backgrounds(variables)
    result: dict[str, str] = {}
    for label in LABELS:
        given = colors.get(label) or DEFAULT_COLORS[label]
        colour = Color.parse(given)
        # an ANSI colour is the terminal's to draw, as is an ANSI theme's background
        keep = not grounds or colour.ansi is not None
        result[COLOR_VARIABLES[label]] = given if keep else readable(colour, grounds).hex6
    return result
