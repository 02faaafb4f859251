"""The bookmarks file format: YAML text to bookmarks and back, with errors that say where.

The file (version 2)::

    version: 2
    bookmarks:
    - id: k3m9qa
      created: '2024-05-01T12:34:56+02:00'
      updated: '2024-05-01T12:34:56+02:00'
      corpus: [/home/me/news/ukraine]
      ...
      words: [17, 27]

``corpus`` is the corpus the bookmark was made on (its folders, as reader identifies a
corpus); an entry without it belongs to no corpus yet. ``words`` counts from 1 and includes
both ends. Version 1 files (no ``corpus``; ``words`` a half-open range counted from 0) are
read as they were meant; the store rewrites them as version 2 (keeping a copy).

Reading uses the safe loader only. Keys a user adds by hand are kept (and reported as
warnings). A rewrite keeps each entry it does not change as written (:class:`EntryCache`),
comments inside it included; comments at the left margin are not kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader.bookmarks.model import Bookmark, normalize_tags
from reader.bookmarks.words import from_shown_numbers
from reader.corpus.model import split_passage_id
from reader.corpus.safe_yaml import BadDate, TooManyAliases, check_aliases, lenient_timestamp

VERSION = 2
HEADER = (
    "# reader bookmarks. Edit freely (notes, tags, whole entries); reader keeps your changes,\n"
    "# but not comments when it rewrites the file. 'start'/'end': character offsets into the\n"
    "# article; 'words': [first, last] word numbers from 1, both included; 'corpus': its corpus.\n"
)
ENTRY_KEYS = (
    "id",
    "created",
    "updated",
    "corpus",
    "article",
    "source",
    "headline",
    "date",
    "passage",
    "words",
    "quote",
    "before",
    "after",
    "start",
    "end",
    "hash",
    "note",
    "tags",
)


class BookmarkFileError(Exception):
    """A bookmarks file that cannot be used. ``str()`` names the file, line, column and key."""

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.key = key
        self.backup: Path | None = None
        super().__init__(problem)

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        text = f"{where}: {self.problem}"
        if self.backup is not None:
            text += f" (a copy is kept as {self.backup.name}; the file will not be changed)"
        return text


@dataclass
class BookmarkFile:
    """The parsed content of a bookmarks file."""

    bookmarks: list[Bookmark] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    version: int = VERSION
    """The version the file was written in (an older one is rewritten as :data:`VERSION`)."""


# --- reading ----------------------------------------------------------------------------


def parse_text(
    text: str, path: Path | str = "<bookmarks>", cache: ParseCache | None = None
) -> BookmarkFile:
    """Parse and validate the file's text; raises :class:`BookmarkFileError`.

    With a ``cache``, entries whose text is unchanged since the last parse are reused and
    only new or edited entries are parsed (see :class:`ParseCache`).
    """
    if cache is not None:
        quick = cache.parse(text, path)
        if quick is not None:
            return quick
    result = _parse_whole(text, path)
    if cache is not None:
        cache.remember(text, result)
    return result


def _parse_whole(text: str, path: Path | str) -> BookmarkFile:
    try:
        data = safe_load(text)
    except TooManyAliases as exc:
        raise BookmarkFileError(
            path, str(exc).split(" at line")[0] + ": refused", line=exc.line
        ) from None
    except (RecursionError, ValueError, TypeError) as exc:
        raise BookmarkFileError(path, f"cannot be read ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise BookmarkFileError(
            path,
            f"not valid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    return _Validator(text, path).file(data)


class ParseCache:
    """Entries by their exact text, to re-read a file that another process just rewrote
    without parsing the hundreds of entries it did not change.

    It applies only to files in the shape this module writes: the same prefix (header,
    ``version``, ``bookmarks:``) as last time, then entries that each start with ``- `` at
    the start of a line, every other line indented or blank. Anything else (comments or
    keys at the left margin, anchors across entries, warnings, errors) falls back to a
    parse of the whole file, which is also where every error message comes from.
    """

    def __init__(self) -> None:
        self.prefix: str | None = None
        self.entries: dict[str, Bookmark] = {}

    def parse(self, text: str, path: Path | str) -> BookmarkFile | None:
        split = _split_entries(text)
        if self.prefix is None or split is None or split[0] != self.prefix:
            return None
        entries: dict[str, Bookmark] = {}
        bookmarks = []
        for i, chunk in enumerate(split[1]):
            bm = self.entries.get(chunk)
            if bm is None:
                bm = _parse_entry(chunk, i, path)
                if bm is None:
                    return None
            entries[chunk] = bm
            bookmarks.append(bm)
        if len({bm.id for bm in bookmarks}) != len(bookmarks):
            return None
        self.entries = entries
        return BookmarkFile(bookmarks)

    def remember_written(self, text: str, entries: dict[str, Bookmark]) -> None:
        """:meth:`remember` for a text just formatted from ``entries`` (each entry's text,
        in order, to its bookmark; none with keys kept by hand): nothing to split again."""
        at = text.find(_LIST)
        if at < 0 or not entries or not all(map(_is_entry_text, entries)):
            self.prefix, self.entries = None, {}
            return
        self.prefix, self.entries = text[: at + len(_LIST)], entries

    def adopt(self, text: str, bookmarks: list[Bookmark]) -> BookmarkFile | None:
        """The file ``text`` as ``bookmarks`` (its entries in order, known from elsewhere:
        :mod:`reader.bookmarks.known`), remembered; ``None`` if they do not fit the text."""
        split = _split_entries(text)
        if split is None or len(split[1]) != len(bookmarks):
            return None
        if len({bm.id for bm in bookmarks}) != len(bookmarks):
            return None
        self.prefix, self.entries = split[0], dict(zip(split[1], bookmarks, strict=True))
        return BookmarkFile(list(bookmarks))

    def remember(self, text: str, parsed: BookmarkFile) -> None:
        """Record a file's text and its parse (or the text just written for ``parsed``)."""
        split = _split_entries(text)
        if (
            split is None
            or parsed.version != VERSION  # (an entry's text means another thing there)
            or parsed.warnings
            or parsed.extra
            or any(bm.extra for bm in parsed.bookmarks)
            or len(split[1]) != len(parsed.bookmarks)
        ):
            self.prefix, self.entries = None, {}
            return
        self.prefix = split[0]
        self.entries = dict(zip(split[1], parsed.bookmarks, strict=True))


_LIST = "\nbookmarks:\n"
_AT_MARGIN = re.compile(r"\n[^ \n]")


def _is_entry_text(chunk: str) -> bool:
    """Whether ``chunk`` is one entry as :func:`_split_entries` cuts them."""
    ends = chunk.endswith("\n")
    return chunk.startswith("- ") and ends and not _AT_MARGIN.search(chunk, 0, len(chunk) - 1)


def _split_entries(text: str) -> tuple[str, list[str]] | None:
    """The text up to ``bookmarks:`` and the entries' texts, or ``None`` if the file is
    not in the plain shape :class:`ParseCache` relies on."""
    at = text.find(_LIST)
    if at < 0:
        return None
    prefix, body = text[: at + len(_LIST)], text[at + len(_LIST) :]
    chunks: list[str] = []
    current: list[str] = []
    lines = body.split("\n")
    if lines[-1] == "":
        lines.pop()
    else:
        return None  # no final newline: not written by us
    for line in lines:
        if line.startswith("- "):
            if current:
                chunks.append("".join(current))
            current = [line + "\n"]
        elif current and (line == "" or line.startswith(" ")):
            current.append(line + "\n")
        else:
            return None
    if current:
        chunks.append("".join(current))
    return prefix, chunks


def _parse_entry(chunk: str, index: int, path: Path | str) -> Bookmark | None:
    """One entry's text on its own, or ``None`` when only a whole-file parse can tell."""
    try:
        data = safe_load(chunk)
    except yaml.YAMLError:
        return None
    if not isinstance(data, list) or len(data) != 1:
        return None
    validator = _Validator(chunk, path)
    try:
        bm = validator.entry(data[0], index)
    except BookmarkFileError:
        return None
    return None if validator.warnings or bm.extra else bm


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when there); an impossible date is a :class:`BadDate`,
    and a number keeps the text it was written as (:class:`WrittenInt`, :class:`WrittenFloat`)."""


class WrittenInt(int):
    """A whole number as written in the file (``0x1F``, ``1_000``): used as the number,
    shown and written back as the text (a note ``0x1F`` stays ``0x1F``, not ``31``)."""

    written: str


class WrittenFloat(float):
    """A float as written in the file (``.inf``, ``.nan``, ``1e3``), like :class:`WrittenInt`."""

    written: str


def _written_number(kind: type[WrittenInt] | type[WrittenFloat], base: Any) -> Any:
    def construct(loader: Any, node: Any) -> Any:
        number = kind(base(loader, node))
        number.written = node.value
        return number

    return construct


def _as_written(value: str | int | float) -> str:
    """A scalar as the user wrote it: a number's own text, else ``str(value)``."""
    return getattr(value, "written", None) or str(value)


def _represent_written(tag: str) -> Any:
    def represent(dumper: Any, value: WrittenInt | WrittenFloat) -> Any:
        return dumper.represent_scalar(tag, value.written)

    return represent


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)
_Loader.add_constructor(
    "tag:yaml.org,2002:int", _written_number(WrittenInt, yaml.SafeLoader.construct_yaml_int)
)
_Loader.add_constructor(
    "tag:yaml.org,2002:float",
    _written_number(WrittenFloat, yaml.SafeLoader.construct_yaml_float),
)


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when it is there: the same safe constructor
    (plain data only, never Python objects), parsed in C, about ten times faster. A
    document with more aliases than a bookmarks file needs is refused (an alias bomb)."""
    check_aliases(text, _Loader)
    return yaml.load(text, Loader=_Loader)  # a SafeLoader: plain data only


class _Validator:
    def __init__(self, text: str, path: Path | str) -> None:
        self.text = text
        self.path = path
        self._marks: dict[tuple[str, ...], tuple[int, int]] | None = None
        self.warnings: list[str] = []
        self.version = VERSION  # of the file being read (entries' words depend on it)

    # Line and column of a key, found only when there is something to report.
    def mark(self, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
        if self._marks is None:
            self._marks = {}
            with contextlib.suppress(yaml.YAMLError):
                self._walk(yaml.compose(self.text, Loader=yaml.SafeLoader), ())
        while keys:
            if keys in self._marks:
                return self._marks[keys]
            keys = keys[:-1]
        return None, None

    def _walk(self, node: Any, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = (*path, str(key_node.value))
                mark = key_node.start_mark
                self._marks[key] = (mark.line + 1, mark.column + 1)  # type: ignore[index]
                self._walk(value_node, key)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                key = (*path, str(i))
                self._marks[key] = (item.start_mark.line + 1, item.start_mark.column + 1)  # type: ignore[index]
                self._walk(item, key)

    def fail(self, problem: str, *keys: str) -> BookmarkFileError:
        line, column = self.mark(tuple(keys))
        dotted = _dotted(keys)
        return BookmarkFileError(
            self.path,
            f"key '{dotted}' {problem}" if keys else problem,
            line=line,
            column=column,
            key=dotted or None,
        )

    def warn(self, problem: str, *keys: str) -> None:
        line, _ = self.mark(tuple(keys))
        where = f", line {line}" if line else ""
        self.warnings.append(f"{self.path}{where}: key '{_dotted(keys)}' {problem}")

    def file(self, data: Any) -> BookmarkFile:
        if data is None:
            return BookmarkFile()
        if not isinstance(data, dict):
            raise self.fail(f"expected a mapping with 'version: {VERSION}' and a 'bookmarks' list")
        if "version" not in data:
            raise self.fail(f"missing 'version: {VERSION}' at the top of the file")
        version = data["version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(f"expects a whole number from 1 to {VERSION}", "version")
        if version > VERSION:
            raise self.fail(
                f"is {version}, newer than this reader understands ({VERSION}); "
                "update reader to use this file (it was not changed)",
                "version",
            )
        self.version = version
        entries = data.get("bookmarks")
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise self.fail("expects a list of bookmarks", "bookmarks")
        extra = {str(k): v for k, v in data.items() if k not in ("version", "bookmarks")}
        for key in extra:
            self.warn("is not a bookmarks key; kept as it is", key)
        seen: dict[str, int] = {}
        bookmarks = []
        for i, entry in enumerate(entries):
            bm = self.entry(entry, i)
            if bm.id in seen:
                raise self.fail(
                    f"repeats the id {bm.id!r} of bookmark {seen[bm.id] + 1}; ids must be unique",
                    "bookmarks",
                    str(i),
                    "id",
                )
            seen[bm.id] = i
            bookmarks.append(bm)
        return BookmarkFile(bookmarks, extra, self.warnings, version)

    def entry(self, entry: Any, i: int) -> Bookmark:
        at = ("bookmarks", str(i))
        if not isinstance(entry, dict):
            raise self.fail("expects a mapping (id, article, passage, quote, ...)", *at)
        for key in ("id", "article", "passage", "quote"):
            if entry.get(key) is None:
                raise self.fail(f"is missing; every bookmark needs '{key}'", *at, key)

        def text(key: str, *, default: str = "") -> str:
            value = entry.get(key)
            if value is None:
                return default
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise self.fail("expects text (put it in quotes)", *at, key)
            return _as_written(value)

        def stamp(key: str) -> str:
            value = entry.get(key)
            if isinstance(value, dt.datetime | dt.date):
                return value.isoformat()
            if isinstance(value, BadDate):
                self.warn(f"is not a real date ({value}); kept as written", *at, key)
            return text(key)

        def offset(key: str) -> int | None:
            value = entry.get(key)
            if value is None:
                return None
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise self.fail("expects a whole number of 0 or more (or nothing)", *at, key)
            return value

        bid = text("id").strip()
        if not bid:
            raise self.fail("must not be empty", *at, "id")
        article_id = text("article")
        passage_id = text("passage")
        try:
            pid_article, _ = split_passage_id(passage_id)
        except ValueError as exc:
            raise self.fail(f"is {exc}", *at, "passage") from None
        if pid_article != article_id:
            raise self.fail(
                f"names article {pid_article!r}, but 'article' is {article_id!r}", *at, "passage"
            )
        start, end = offset("start"), offset("end")
        if start is not None and end is not None and end < start:
            raise self.fail(f"({end}) is before 'start' ({start})", *at, "end")
        words = self.words(entry.get("words"), at)
        corpus = self.corpus(entry.get("corpus"), at)
        tags = entry.get("tags")
        if tags is None:
            tags = []
        elif isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list) or not all(
            isinstance(t, str | int | float) and not isinstance(t, bool) for t in tags
        ):
            raise self.fail("expects a list of tags such as [energy, nato]", *at, "tags")
        date = entry.get("date")
        if isinstance(date, dt.date):
            date = date.isoformat()
        elif date is not None:
            date = text("date")
        extra = {str(k): v for k, v in entry.items() if k not in ENTRY_KEYS}
        for key in extra:
            self.warn("is not a bookmark key; kept as it is", *at, key)
        return Bookmark(
            id=bid,
            article_id=article_id,
            passage_id=passage_id,
            quote=text("quote"),
            created=stamp("created"),
            updated=stamp("updated"),
            source=text("source"),
            headline=text("headline"),
            date=date,
            before=text("before"),
            after=text("after"),
            start=start,
            end=end,
            passage_hash=text("hash"),
            note=text("note"),
            tags=normalize_tags(_as_written(t) for t in tags),
            words=words,
            corpus=corpus,
            extra=extra,
        )

    def words(self, words: Any, at: tuple[str, ...]) -> tuple[int, int] | None:
        """``[first, last]``: word numbers from 1, both included (version 1: the half-open
        range of indexes ``[first, last)``), as indexes."""
        if words is None:
            return None
        whole = isinstance(words, list) and all(
            isinstance(w, int) and not isinstance(w, bool) for w in words
        )
        if self.version == 1:
            if not whole or len(words) != 2 or not 0 <= words[0] < words[1]:
                raise self.fail(
                    "expects [first, last) word indexes with first < last (version 1)",
                    *at,
                    "words",
                )
            return int(words[0]), int(words[1])
        if not whole or len(words) != 2 or not 1 <= words[0] <= words[1]:
            raise self.fail(
                "expects [first, last]: word numbers counting from 1, both included, "
                "first <= last (e.g. [17, 27])",
                *at,
                "words",
            )
        return from_shown_numbers(int(words[0]), int(words[1]))

    def corpus(self, corpus: Any, at: tuple[str, ...]) -> tuple[str, ...] | None:
        """The corpus folders (one path or a list of them), sorted; ``None`` when absent."""
        if corpus is None:
            return None
        paths = [corpus] if isinstance(corpus, str) else corpus
        if (
            not isinstance(paths, list)
            or not paths
            or not all(isinstance(p, str) and p.strip() for p in paths)
        ):
            raise self.fail(
                "expects the folders of the corpus the bookmark was made on, "
                "e.g. [/home/me/news] (or no 'corpus' at all)",
                *at,
                "corpus",
            )
        return tuple(sorted(p.strip() for p in paths))


def _dotted(keys: tuple[str, ...] | list[str]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if key.isdigit() else (f".{key}" if out else key)
    return out


# --- writing ----------------------------------------------------------------------------


class _Flow(list[str]):
    """A short list written on one line: ``tags: [energy, nato]``."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line notes as readable blocks; text with edge whitespace stays quoted.
    style = None
    if "\n" in value:
        style = "|" if value == value.strip() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(WrittenInt, _represent_written("tag:yaml.org,2002:int"))
_Dumper.add_representer(WrittenFloat, _represent_written("tag:yaml.org,2002:float"))
_DUMP_OPTIONS: dict[str, Any] = {
    "Dumper": _Dumper,
    "allow_unicode": True,
    "sort_keys": False,
    "width": 1 << 30,  # never fold long quotes: one line per value reads and edits best
    "default_flow_style": False,
}


ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)
"""Something that may be a YAML anchor or alias (also ``&``/``*`` inside a quote: then the
entries are formatted again, which is only slower)."""


class EntryCache:
    """The YAML text of entries already written, by content, so a rewrite of the file
    only formats the entries that are new or changed."""

    def __init__(self) -> None:
        self._texts: dict[object, str] = {}

    @staticmethod
    def _key(bm: Bookmark) -> object:
        # Bookmarks are frozen and hashable; ``extra`` (not part of equality) is added.
        return (bm, repr(bm.extra)) if bm.extra else bm

    def text(self, bm: Bookmark) -> str:
        key = self._key(bm)
        text = self._texts.get(key)
        if text is None:
            text = _dump_entry(bm.to_dict())
            self._texts[key] = text
        return text

    def take_as_read(self, parsed: ParseCache, text: str, *, ours: bool = False) -> None:
        """Write the entries just read (``parsed`` holds them, from ``text``) back as their
        text in the file: an unchanged entry is never formatted again (formatting every
        entry was a third of an add to a 20,000-bookmark file) and stays as it was written.
        Not when an entry may lean on another's anchor (``&a`` … ``*a``): a rewrite
        without the other would break it (``ours``: reader wrote ``text``, and it writes
        no anchors)."""
        if parsed.prefix is None or (not ours and ANCHOR_OR_ALIAS.search(text)):
            return
        for chunk, bm in parsed.entries.items():
            self._texts[self._key(bm)] = chunk

    def keep_only(self, bookmarks: list[Bookmark]) -> None:
        """Forget entries that are no longer in ``bookmarks`` (bounds the memory)."""
        if len(self._texts) > 2 * len(bookmarks) + 16:
            wanted = {self._key(bm) for bm in bookmarks}
            self._texts = {k: v for k, v in self._texts.items() if k in wanted}


def _dump_entry(data: dict[str, Any]) -> str:
    data["tags"] = _Flow(data["tags"])
    for key in ("words", "corpus"):
        if key in data:
            data[key] = _Flow(data[key])
    return yaml.dump([data], **_DUMP_OPTIONS)


def dump_text(
    bookmarks: list[Bookmark],
    extra: dict[str, Any] | None = None,
    *,
    header: bool = True,
    cache: EntryCache | None = None,
) -> str:
    """The file's text: a short header, ``version: 2``, kept top-level keys, the list."""
    top = yaml.dump({"version": VERSION, **(extra or {})}, **_DUMP_OPTIONS)
    if bookmarks:
        cache = cache or EntryCache()
        body = top + "bookmarks:\n" + "".join(cache.text(bm) for bm in bookmarks)
        cache.keep_only(bookmarks)
    else:
        body = top + "bookmarks: []\n"
    return HEADER + body if header else body
