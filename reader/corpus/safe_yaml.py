"""YAML for files the user did not write for us: bounded aliases, dates that cannot fail.

PyYAML's safe loader still expands aliases without limit (a 400-byte "billion laughs" front
matter runs until memory is gone) and raises ``ValueError`` from its timestamp constructor
for an unquoted impossible date (``date: 2021-02-30``). :class:`BoundedLoader` refuses a
document with more than :data:`MAX_ALIASES` aliases and keeps such a date as the string
written, so the caller reports it like any other bad value.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_ALIASES = 20  # k aliases expand to at most ~3**(k/3) nodes: about 1,500 here


class TooManyAliases(yaml.YAMLError):
    """A document that uses more aliases than :data:`MAX_ALIASES` (an alias bomb)."""

    def __init__(self, line: int) -> None:
        super().__init__(
            f"more than {MAX_ALIASES} YAML aliases (*name) at line {line}: "
            "refused (an alias bomb expands without bound)"
        )
        self.line = line


class BoundedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` with at most :data:`MAX_ALIASES` aliases per document."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.aliases_seen = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_ALIASES:
                raise TooManyAliases(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


ALIAS_LIKE = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]")


def check_aliases(text: str, loader: Any = yaml.SafeLoader) -> None:
    """Raise :class:`TooManyAliases` for a document with more than :data:`MAX_ALIASES`
    aliases, without building it (events only; a text with few ``*`` costs one regex)."""
    if len(ALIAS_LIKE.findall(text)) <= MAX_ALIASES:
        return
    seen = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            seen += 1
            if seen > MAX_ALIASES:
                raise TooManyAliases(event.start_mark.line + 1 if event.start_mark else 0)


class BadDate(str):
    """An unquoted date that is not a real day (``2021-02-30``), kept as written."""

    __slots__ = ()


def lenient_timestamp(loader: Any, node: Any) -> Any:
    """The timestamp constructor, giving :class:`BadDate` instead of raising ``ValueError``."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return BadDate(loader.construct_scalar(node))


def load(text: str) -> Any:
    """``yaml.safe_load`` with the bounds above."""
    return yaml.load(text, Loader=BoundedLoader)  # a SafeLoader subclass


def compose(text: str) -> Any:
    """``yaml.compose`` (nodes with line numbers) with the bounds above."""
    return yaml.compose(text, Loader=BoundedLoader)


BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)
