"""Textual's key names, checked without importing Textual (the config is read before the UI).

A key is ``[modifier+]...name``: modifiers ``ctrl``, ``shift``, ``alt``, ``meta``, ``super``,
``hyper``; the name a single character (``q``, ``G``, ``?``), a named key (``escape``,
``f1``, ``pageup``, ``space``) or a character's name as Textual spells it
(``question_mark``, ``full_stop``, ``slash``). A test checks these against Textual's own.
"""

from __future__ import annotations

import itertools
import unicodedata

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED = frozenset(
    {
        "escape", "enter", "return", "tab", "space", "backspace", "delete", "insert",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right", "newline",
        "caps_lock", "scroll_lock", "num_lock", "print_screen", "pause", "menu",
        *(f"f{n}" for n in range(1, 36)),
    }
)  # fmt: skip
# Textual's short names for some characters (its KEY_NAME_REPLACEMENTS)
SHORT = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
EXAMPLES = "such as 'q', 'ctrl+f', 'f1', 'escape' or 'question_mark'"


def character_key(character: str) -> str:
    """The name Textual gives the key that types ``character`` (``?`` → ``question_mark``)."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return SHORT.get(name, name)


def _named_character(name: str) -> str | None:
    """The character whose Textual key name is ``name``, if there is one."""
    short = {v: k for k, v in SHORT.items()}.get(name, name)
    gaps = short.count("_")
    if gaps > 6:
        return None
    for fills in itertools.product(" -", repeat=gaps):  # '_' was a space or a hyphen
        parts = short.split("_")
        spelled = parts[0] + "".join(f + p for f, p in zip(fills, parts[1:], strict=True))
        try:
            character = unicodedata.lookup(spelled)
        except KeyError:
            continue
        if character_key(character) == name:
            return character
    return None


def key_problem(key: str) -> str | None:
    """What is wrong with one key (``ctrl+f``), or ``None``."""
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            return f"'{key}' has an unknown modifier '{modifier}' (use ctrl, shift, alt, meta)"
    if len(name) == 1:
        if name.isprintable() and not name.isspace():
            return None
    elif name in NAMED or _named_character(name) is not None:
        return None
    return f"'{key}' is not a key name ({EXAMPLES})"


def keys_problem(keys: str) -> str | None:
    """What is wrong with a binding's comma-separated keys (``f1,question_mark``), or
    ``None``; an empty string or an empty item is a problem."""
    if not keys.strip():
        return "the value is empty"
    for key in keys.split(","):
        if not key.strip():
            return f"'{keys}' has an empty key between commas"
        problem = key_problem(key.strip())
        if problem:
            return problem
    return None


def normalized(keys: str) -> str:
    """``keys`` without spaces around the commas (Textual's keymap does not strip them)."""
    return ",".join(key.strip() for key in keys.split(","))
