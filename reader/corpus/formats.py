"""The supported file formats, each turned into raw article records.

- ``.txt``: first non-empty line is the headline; an optional leading `` date YYYY-MM[-DD] ``
  marker is metadata.
- ``.md``/``.markdown``: optional YAML front matter (title, source, date, url, language).
- ``.html``/``.htm``: a saved web page (see :mod:`reader.corpus.html_page`).
- ``.jsonl``: one JSON object per line; ``text`` is required (a headline-only item with a
  ``title`` and no text is kept too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.corpus.decode import Line
from reader.corpus.files import Problem

DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
MD_HEADING = re.compile(r"^#{1,6}\s+")
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class RawArticle:
    """What a format yields before metadata is merged: ``body`` may or may not start with
    the headline (``title`` is ``None`` when the first line of ``body`` is the headline)."""

    id: str
    body: str
    where: str  # "file" or "file:line", for messages
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    warning: str | None = None  # read all the same, with this said about it


def read_txt(path: Path, text: str) -> RawArticle:
    date = None
    marker = DATE_MARKER.match(text)
    if marker:
        date = marker.group(1)
        text = text[marker.end() :]
    return RawArticle(id=path.stem, body=text.strip(), where=str(path), date=date)


def read_markdown(path: Path, text: str) -> RawArticle:
    meta: dict[str, object] = {}
    warning = None
    match = FRONT_MATTER.match(text)
    if match:
        import yaml  # only Markdown front matter needs it: listing and search do not

        from reader.corpus import safe_yaml

        problem = None
        try:
            loaded = safe_yaml.load(match.group(1))
        except safe_yaml.TooManyAliases as exc:
            loaded, problem = None, f"front matter: {exc}"
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 2}" if mark else ""
            loaded, problem = None, f"front matter{line} is not valid YAML"
        except (RecursionError, ValueError, TypeError) as exc:
            loaded, problem = None, f"front matter cannot be read ({type(exc).__name__})"
        if loaded is not None and not isinstance(loaded, dict):
            loaded, problem = None, "front matter is not a mapping of keys"
        if problem:  # the text is the user's all the same: kept, without the fields
            warning = f"{problem}; its fields are ignored, the text is read"
        meta = loaded or {}
        text = text[match.end() :]
    body = text.strip()
    first_line = body.split("\n", 1)[0]
    title = _opt_str(meta.get("title"))
    if MD_HEADING.match(first_line):
        heading = MD_HEADING.sub("", first_line).strip()
        if title is None or heading == title:
            from reader.corpus.markdown_text import plain_text

            title = plain_text(heading)
            body = body[len(first_line) :].strip()
    from reader.corpus.markdown_text import plain_text

    return RawArticle(
        id=str(meta.get("id") or path.stem),
        body=plain_text(body),
        where=str(path),
        title=title,
        source=_opt_str(meta.get("source")),
        date=_opt_str(meta.get("date")),
        url=_opt_str(meta.get("url")),
        language=_opt_str(meta.get("language")),
        warning=warning,
    )


def read_jsonl(path: Path, text: str | list[Line]) -> Iterator[RawArticle | Problem]:
    """Articles of a JSONL file, from its text or its lines decoded one by one."""
    lines = (
        text
        if isinstance(text, list)
        else [Line(n, t) for n, t in enumerate(text.split("\n"), start=1)]
    )
    for decoded in lines:
        lineno, line = decoded.number, decoded.text
        where = f"{path}:{lineno}"
        if line is None:
            yield Problem(where, decoded.warning or "cannot be decoded")
            continue
        if decoded.warning:
            yield Problem(where, decoded.warning, skipped=False)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Problem(where, "JSON nested too deeply")
            continue
        if "\\ud" in line.lower() and SURROGATE.search(json.dumps(record, ensure_ascii=False)):
            record = _without_surrogates(record)
            yield Problem(
                where, "lone surrogate escape (\\udXXX) replaced by U+FFFD", skipped=False
            )
        if not isinstance(record, dict):
            yield Problem(where, "not a JSON object")
            continue
        body = record.get("text")
        title = _opt_str(record.get("title"))
        if body is not None and not isinstance(body, str):
            yield Problem(where, "'text' is not a string")
            continue
        if not (body or "").strip() and not title:
            # Headline-only items (front-page archives) are kept; nothing at all is not.
            yield Problem(where, "no 'text' and no 'title'")
            continue
        yield RawArticle(
            id=str(record.get("id") or f"{path.stem}-{lineno}"),
            body=(body or "").strip(),
            where=where,
            title=title,
            source=_opt_str(record.get("source")),
            date=_opt_str(record.get("date")),
            url=_opt_str(record.get("url")),
            language=_opt_str(record.get("language")),
        )


def _without_surrogates(value: object) -> object:
    """``value`` with every lone surrogate replaced: they cannot be stored or printed."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
