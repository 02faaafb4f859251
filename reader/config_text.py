"""A config file's text and YAML: decoded, parsed within bounds, with lines for messages.

Text is UTF-8 (a BOM is dropped); UTF-16 or UTF-32 with a byte-order mark (what some
Windows editors and PowerShell write) is read too, as the YAML spec allows. Anything else
is a :class:`ConfigError` naming the file, line, column and byte offset, never a guess:
a misread config would silently point at the wrong folders.

YAML is read with the safe loader (libyaml's when there) and the bounds of
:mod:`reader.corpus.safe_yaml`: more than its ``MAX_ALIASES`` aliases are refused before
anything is expanded (an alias bomb), and an unquoted impossible date (``2021-13-45``) is
kept as the string written, so it is reported against its key like a quoted one. A key given
twice in one mapping is found (the last one is used, as YAML loaders do) and reported by
:meth:`KeyLines.repeated`. Nothing here imports PyYAML until a file is read.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Keys = tuple[str, ...]

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, key and line."""


def read_text(path: Path, what: str = "config file") -> str:
    """The text of ``path`` (see the module's note on encodings); :class:`ConfigError`
    when it cannot be read or decoded."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    bom, codec, label = next((b for b in BOMS if raw.startswith(b[0])), (b"", "utf-8", "UTF-8"))
    body = raw[len(bom) :] if codec == "utf-8" else raw  # the UTF-16/32 codecs read the mark
    if codec == "utf-8" and b"\x00" in body:
        line = body.count(b"\n", 0, body.index(b"\x00")) + 1
        raise ConfigError(
            f"{path}, line {line}: contains NUL bytes (UTF-16 without a byte-order mark?); "
            f"save the {what} as UTF-8"
        )
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        before = body[: exc.start].decode(codec, errors="replace")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        at = len(raw) - len(body) + exc.start
        raise ConfigError(
            f"{path}, line {line}, column {column}: not {label} text (byte {at}: "
            f"0x{raw[at]:02x}); save the {what} as UTF-8"
        ) from None
    return text


@functools.cache
def _loader() -> Any:
    """The safe loader (libyaml's where PyYAML was built with it) with lenient dates and a
    flag for repeated keys; built on first use, so PyYAML is imported only then."""
    import yaml

    from reader.corpus.safe_yaml import lenient_timestamp

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        repeats = False

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode) and not self.repeats:
                keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
                self.repeats = len(set(keys)) < len(keys)
            return super().construct_mapping(node, deep)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)
    return Loader


PARSED_FORMAT = 1
"""Part of the key of :func:`load_yaml`'s cache: bump when what it gives for a text changes."""


def load_yaml(text: str, name: str, *, column: bool = True) -> tuple[Any, bool]:
    """``text`` parsed safely, and whether a mapping in it repeats a key. Invalid YAML and
    alias bombs are a :class:`ConfigError` naming ``name`` and the line.

    A text parsed before is answered from the cache folder (``parsed/``, keyed by a digest
    of the text) when its data are plain JSON: importing PyYAML cost every command more
    than the search it ran (issue 18)."""
    cached = _parsed_path(text)
    try:
        known = json.loads(cached.read_text(encoding="utf-8"))
        return known["data"], bool(known["repeats"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    data, repeats = _parse_yaml(text, name, column)
    _keep_parsed(cached, data, repeats)
    return data, repeats


def _parsed_path(text: str) -> Path:
    from reader.locations import cache_dir

    key = hashlib.sha1(f"{PARSED_FORMAT}\x1e{text}".encode("utf-8", "surrogatepass"))
    return cache_dir() / "parsed" / f"{key.hexdigest()}.json"


def _keep_parsed(path: Path, data: Any, repeats: bool) -> None:
    """Store ``data`` for :func:`load_yaml` if JSON gives it back as it is (no dates, no
    number keys); atomically, and not at all where the cache folder cannot be written."""
    try:
        encoded = json.dumps({"data": data, "repeats": repeats}, ensure_ascii=False)
        if json.loads(encoded)["data"] != data or not _plain(data):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(encoded, encoding="utf-8")
        os.replace(temp, path)
    except (OSError, ValueError, TypeError, RecursionError):
        return


def _plain(data: Any) -> bool:
    """Only JSON's own types (``1 == True`` and ``1 == 1.0`` would pass an equality test)."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_plain(v) for v in data)
    return data is None or type(data) in (str, int, float, bool)


def _parse_yaml(text: str, name: str, column: bool) -> tuple[Any, bool]:
    import yaml

    from reader.corpus.safe_yaml import MAX_ALIASES, TooManyAliases, check_aliases

    try:
        check_aliases(text, _loader())
        loader = _loader()(text)
        try:
            return loader.get_single_data(), loader.repeats
        finally:
            loader.dispose()
    except TooManyAliases as exc:
        raise ConfigError(
            f"{name}, line {exc.line}: more than {MAX_ALIASES} YAML aliases (*name); refused "
            "unread (an alias bomb expands without bound)"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = ""
        if mark:
            where = f", line {mark.line + 1}" + (f", column {mark.column + 1}" if column else "")
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{name}{where}: not valid YAML: {problem}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise ConfigError(f"{name}: cannot be read ({type(exc).__name__}: {exc})") from None


class KeyLines:
    """Line numbers of keys in the YAML source, for messages; found only when one is
    needed (a second parse, cheap next to what a message costs the user)."""

    def __init__(self, text: Callable[[], str]) -> None:
        self._text = text
        self._marks: dict[Keys, int] | None = None
        self._repeated: list[tuple[Keys, int, int]] = []

    def _walked(self) -> dict[Keys, int]:
        if self._marks is None:
            import yaml

            self._marks = {}
            try:
                node = yaml.compose(self._text(), Loader=_loader())
            except (ConfigError, yaml.YAMLError, ValueError, RecursionError):
                node = None
            _key_lines(node, (), self._marks, self._repeated, set())
        return self._marks

    def line(self, *keys: str) -> int | None:
        """The line of ``keys``, or of the nearest enclosing key that has one."""
        marks = self._walked()
        while keys:
            if keys in marks:
                return marks[keys]
            keys = keys[:-1]
        return None

    def where(self, *keys: str) -> str:
        """``", line N"`` for ``keys`` (or its nearest enclosing key), else ``""``."""
        line = self.line(*keys)
        return f", line {line}" if line else ""

    def repeated(self) -> list[tuple[Keys, int, int]]:
        """Keys given twice in one mapping: (keys, first line, line of the one used)."""
        self._walked()
        return list(self._repeated)


def _key_lines(
    node: Any,
    path: Keys,
    marks: dict[Keys, int],
    repeated: list[tuple[Keys, int, int]],
    walked: set[int],
) -> None:
    """Record in ``marks`` the line of every key and list item under ``node``. A node is
    walked once: an alias points at a node already walked, so an alias bomb costs its size
    in the text, not its expansion."""
    import yaml

    if id(node) in walked:
        return
    walked.add(id(node))
    if isinstance(node, yaml.MappingNode):
        last = {str(k.value): i for i, (k, _) in enumerate(node.value)}
        seen: dict[str, int] = {}
        for i, (key_node, value_node) in enumerate(node.value):
            name, line = str(key_node.value), key_node.start_mark.line + 1
            if name in seen and key_node.tag != "tag:yaml.org,2002:merge":
                repeated.append(((*path, name), seen[name], line))
            seen[name] = line
            if i == last[name]:  # the value used: an earlier one is dropped by the loader
                marks[(*path, name)] = line
                _key_lines(value_node, (*path, name), marks, repeated, walked)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            marks[(*path, str(i))] = item.start_mark.line + 1
            _key_lines(item, (*path, str(i)), marks, repeated, walked)
