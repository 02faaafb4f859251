"""News feeds (RSS/Atom): the user's list in YAML and bringing new entries in.

The list lives in ``$XDG_DATA_HOME/reader/feeds.yaml`` with, per feed, what the server said
last time (ETag, Last-Modified) and the entries already stored. feedparser is imported only
when a feed is read."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader import locations
from reader.corpus.formats import RawArticle
from reader.ingest.add import AddReport, add_url
from reader.ingest.fetch import FetchError, check_url, fetch
from reader.ingest.store import inbox_dir, store_article, write_atomic

TAGS = re.compile(r"<[^>]+>")


class FeedListError(Exception):
    """The feed list cannot be read; names the file and the reason."""


def feeds_file() -> Path:
    return locations.data_dir() / "feeds.yaml"


def load_feeds(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or feeds_file()
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FeedListError(f"{path}: cannot read the feed list ({exc})") from None
    feeds = data.get("feeds") if isinstance(data, dict) else None
    if not isinstance(feeds, list) or not all(
        isinstance(f, dict) and isinstance(f.get("url"), str) for f in feeds
    ):
        raise FeedListError(f"{path}: 'feeds' must be a list of entries with a 'url'")
    return feeds


def save_feeds(feeds: list[dict[str, Any]], path: Path | None = None) -> None:
    text = yaml.safe_dump({"feeds": feeds}, allow_unicode=True, sort_keys=False)
    write_atomic(path or feeds_file(), text)


def add_feed(url: str, name: str | None = None) -> dict[str, Any]:
    check_url(url)
    feeds = load_feeds()
    for feed in feeds:
        if feed["url"] == url:
            if name:
                feed["name"] = name
                save_feeds(feeds)
            return feed
    feed = {"url": url, "name": name or url}
    feeds.append(feed)
    save_feeds(feeds)
    # The inbox exists from now on, so the default corpus reads it from the next start
    # (an app started before it has no place for the first articles to show).
    inbox_dir().mkdir(parents=True, exist_ok=True)
    return feed


def remove_feed(key: str) -> bool:
    feeds = load_feeds()
    kept = [f for f in feeds if key not in (f["url"], f.get("name"))]
    if len(kept) == len(feeds):
        return False
    save_feeds(kept)
    return True


@dataclass(slots=True)
class FeedsReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    summaries: list[tuple[str, str]] = field(default_factory=list)  # (entry link, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (URL, reason)
    not_modified: list[str] = field(default_factory=list)  # feed URLs that answered 304

    def to_json(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "updated": self.updated,
            "summary_only": [{"url": u, "reason": r} for u, r in self.summaries],
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "not_modified": self.not_modified,
        }


def update_feeds(
    folder: Path,
    *,
    timeout: float = 15.0,
    progress: Callable[[int, int, str], None] | None = None,
) -> FeedsReport:
    """Fetch every feed, store each new entry's article (or its summary), save the list."""
    import feedparser

    feeds = load_feeds()
    report = FeedsReport()
    for number, feed in enumerate(feeds):
        if progress:
            progress(number, len(feeds), feed.get("name") or feed["url"])
        headers = {}
        if feed.get("etag"):
            headers["If-None-Match"] = feed["etag"]
        if feed.get("last_modified"):
            headers["If-Modified-Since"] = feed["last_modified"]
        try:
            page = fetch(feed["url"], timeout=timeout, accept=None, headers=headers)
        except FetchError as exc:
            report.failed.append((feed["url"], str(exc)))
            continue
        if page.status == 304:
            report.not_modified.append(feed["url"])
            continue
        parsed = feedparser.parse(page.body)
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            report.failed.append((feed["url"], "not a valid RSS or Atom feed"))
            continue
        seen = set(feed.get("seen") or [])
        for entry in parsed.entries:
            key = entry.get("id") or entry.get("link")
            if not key or key in seen:
                continue
            _store_entry(entry, feed, folder, timeout, report)
            seen.add(key)
        feed["seen"] = sorted(seen)
        feed["etag"] = page.etag
        feed["last_modified"] = page.last_modified
        feed["checked"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    save_feeds(feeds)
    if progress:
        progress(len(feeds), len(feeds), "")
    return report


def _store_entry(
    entry: Any, feed: dict[str, Any], folder: Path, timeout: float, report: FeedsReport
) -> None:
    link = entry.get("link") or ""
    one = AddReport()
    if link:
        add_url(link, folder, one, refresh=True, timeout=timeout)
    if one.new or one.updated:
        report.new += one.new
        report.updated += one.updated
        return
    reason = one.failed[0][1] if one.failed else "no link"
    summary = TAGS.sub(" ", html.unescape(entry.get("summary") or "")).strip()
    title = (entry.get("title") or "").strip()
    if not summary and not title:
        report.failed.append((link or feed["url"], f"{reason}; the entry has no summary"))
        return
    date = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        date = dt.datetime(*stamp[:5]).strftime("%Y-%m-%dT%H:%M")
    raw = RawArticle(
        id="",
        body=summary,
        where=link,
        title=title or None,
        source=feed.get("name"),
        date=date,
        url=link or None,
    )
    result = store_article(raw, folder, link or feed["url"], summary_only=True)
    (report.new if result.new else report.updated).append(str(result.path))
    report.summaries.append((link, reason))
