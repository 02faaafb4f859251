"""Storing fetched articles as Markdown with front matter, the user's own copy.

One article is one file: a page whose canonical URL, or whose text from the same source, is
already stored replaces that file in place (temp file + ``os.replace``) instead of adding a
second one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader import locations
from reader.corpus.formats import FRONT_MATTER, RawArticle

SLUG = re.compile(r"[^a-z0-9äöüß]+")


def inbox_dir() -> Path:
    """Where ``reader add`` and feeds store articles unless told otherwise."""
    return locations.data_dir() / "articles"


@dataclass(frozen=True, slots=True)
class Stored:
    path: Path
    new: bool


def text_key(source: str | None, body: str) -> str:
    words = " ".join(body.lower().split())
    return hashlib.sha1(f"{source or ''}\n{words}".encode()).hexdigest()[:16]


def _front_matter(path: Path) -> dict[str, object]:
    try:
        head = path.read_text(encoding="utf-8")[:8192]
    except (OSError, UnicodeDecodeError):
        return {}
    match = FRONT_MATTER.match(head)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def find_stored(folder: Path, *, url: str | None = None, key: str | None = None) -> Path | None:
    """The file in ``folder`` that holds this article: same URL (canonical or as requested),
    or same text from the same source."""
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.md")):
        meta = _front_matter(path)
        if url and url in (meta.get("url"), meta.get("requested")):
            return path
        if key and meta.get("text_key") == key:
            return path
    return None


def store_article(
    raw: RawArticle, folder: Path, requested: str, *, summary_only: bool = False
) -> Stored:
    """Write ``raw`` as Markdown into ``folder``; an article already there is updated."""
    key = text_key(raw.source, raw.body)
    existing = find_stored(folder, url=raw.url, key=key) or find_stored(folder, url=requested)
    meta: dict[str, object] = {
        "title": raw.title or "",
        "source": raw.source or "",
        "date": raw.date or "",
        "url": raw.url or requested,
        "author": raw.author or "",
        "fetched": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "requested": requested,
        "text_key": key,
    }
    if raw.language:
        meta["language"] = raw.language
    if summary_only:
        meta["summary_only"] = True
    body = raw.body
    if summary_only:
        body = "*Only the feed's summary: the full article could not be fetched.*\n\n" + body
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
    text += f"# {raw.title}\n\n{body}\n" if raw.title else f"{body}\n"
    if existing is not None:
        path = existing
    else:
        slug = SLUG.sub("-", (raw.title or "artikel").lower()).strip("-")[:60] or "artikel"
        digest = hashlib.sha1((raw.url or requested).encode()).hexdigest()[:8]
        path = folder / f"{slug}-{digest}.md"
    write_atomic(path, text)
    return Stored(path, existing is None)


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
