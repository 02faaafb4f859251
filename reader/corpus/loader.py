"""From corpus paths to articles: discovery, decoding, formats, metadata, passages."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.corpus.dateline import parse_dateline
from reader.corpus.decode import SkipFile, decode_bytes, decode_lines
from reader.corpus.files import (
    MAX_FILE_BYTES,
    Problem,
    discover,
    format_of,
    stat_reason,
)
from reader.corpus.formats import RawArticle, read_jsonl, read_markdown, read_txt
from reader.corpus.model import Article, When
from reader.corpus.paragraphs import split_passages

UNKNOWN_SOURCE = "unknown"


@dataclass(slots=True)
class FileResult:
    path: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, opened without blocking and checked again once open (a file
    swapped for a FIFO or grown past the limit after the scan), or :class:`SkipFile`."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        reason = stat_reason(os.fstat(fd))
        if reason:
            raise SkipFile(reason)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise SkipFile(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: not read")
    return data


def load_file(path: Path, overrides: dict[str, dict[str, Any]] | None = None) -> FileResult:
    """Read one file into articles. Never raises for bad content: problems are collected."""
    result = FileResult(path)
    try:
        return _load_file(path, result, overrides)
    except Exception as exc:  # a guard per file: one bad file never stops the rest
        result.articles.clear()
        result.problems.append(
            Problem(str(path), f"cannot be read ({type(exc).__name__}: {str(exc)[:200]})")
        )
        return result


def _load_file(
    path: Path, result: FileResult, overrides: dict[str, dict[str, Any]] | None
) -> FileResult:
    kind = format_of(path)
    try:
        data = read_regular(path)
        if kind == "jsonl":  # one bad line costs only that line
            lines, decoded = decode_lines(data), None
        else:
            decoded = decode_bytes(data)
    except SkipFile as exc:
        result.problems.append(Problem(str(path), str(exc)))
        return result
    except OSError as exc:
        result.problems.append(Problem(str(path), f"cannot read ({exc.strerror})"))
        return result
    if decoded is not None and decoded.warning:
        result.problems.append(Problem(str(path), decoded.warning, skipped=False))
    raws: Iterator[RawArticle | Problem]
    try:
        if decoded is None:
            raws = read_jsonl(path, lines)
        elif kind == "txt":
            raws = iter([read_txt(path, decoded.text)])
        elif kind == "html":
            from reader.corpus.html_page import read_html

            raws = iter([read_html(path, decoded.text)])
        else:
            raws = iter([read_markdown(path, decoded.text)])
        for raw in raws:
            if isinstance(raw, Problem):
                result.problems.append(raw)
                continue
            if raw.warning:
                result.problems.append(Problem(raw.where, raw.warning, skipped=False))
            article = build_article(raw, (overrides or {}).get(raw.id, {}), result.problems)
            if article is not None:
                result.articles.append(article)
    except SkipFile as exc:
        result.problems.append(Problem(str(path), str(exc)))
    return result


def build_article(
    raw: RawArticle, override: dict[str, Any], problems: list[Problem]
) -> Article | None:
    """Merge metadata (format fields < dateline < config overrides) and split passages."""
    body = raw.body
    text = (f"{raw.title}\n\n{body}" if body else raw.title) if raw.title else body
    if not text.strip():
        problems.append(Problem(raw.where, "no text"))
        return None
    article = Article(
        id=raw.id,
        title="",
        text=text,
        source=raw.source or "",
        url=raw.url or "",
        language=raw.language or "de",
        path=raw.where,
    )
    article.passages = split_passages(article.id, text)
    article.title = article.passages[0].text if article.passages else raw.title or ""
    lead = article.passages[1].text if len(article.passages) > 1 else ""
    dateline = parse_dateline(lead)
    if dateline:
        article.place = dateline.place
        article.source = article.source or dateline.agency
    article.date = _parse_date(raw.date, raw.where, problems)
    if override.get("title"):
        article.title = override["title"]
    if override.get("source"):
        article.source = override["source"]
    if override.get("url"):
        article.url = override["url"]
    if override.get("date"):
        article.date = _parse_date(override["date"], f"{raw.where} (config override)", problems)
    article.source = article.source or UNKNOWN_SOURCE
    return article


def _parse_date(value: str | None, where: str, problems: list[Problem]) -> When | None:
    if not value:
        return None
    try:
        return When.parse_iso(value)
    except ValueError as exc:
        problems.append(Problem(where, f"date ignored: {exc}", skipped=False))
        return None


def load_corpus(
    paths: Iterable[Path], overrides: dict[str, dict[str, Any]] | None = None
) -> tuple[list[Article], list[Problem]]:
    """Everything at once (for small corpora and tests); the index loads file by file."""
    files, problems = discover(paths)
    articles: list[Article] = []
    for path in files:
        result = load_file(path, overrides)
        articles.extend(result.articles)
        problems.extend(result.problems)
    return articles, problems
