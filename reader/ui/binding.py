"""State goes down: a node's vars bound into widgets it builds after it was composed.

Textual's ``data_bind`` binds a reactive of the node composing the widget; the main screen
builds most feature widgets later (the first time they are needed), from whatever handler
asks for them, so it binds them with :func:`bind_vars`: each named var of the widget takes
the owner's value now and follows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.dom import DOMNode
from textual.reactive import Reactive


def bind_vars(owner: DOMNode, widget: DOMNode, names: Iterable[str]) -> list[str]:
    """Bind ``owner``'s vars ``names`` into those ``widget`` declares (a var of the same
    name); returns the names bound."""
    bound = []
    for name in names:
        reactive = getattr(type(widget), name, None)
        if isinstance(reactive, Reactive):
            widget.set_reactive(reactive, getattr(owner, name))
            widget.watch(owner, name, partial(_set_var, widget, name), init=False)
            bound.append(name)
    return bound


def _set_var(widget: DOMNode, name: str, value: object) -> None:
    setattr(widget, name, value)
