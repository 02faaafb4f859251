"""``reader add``: fetch article pages, extract them and store them as Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.decode import SkipFile
from reader.ingest.fetch import FetchError, fetch
from reader.ingest.store import find_stored, store_article


@dataclass(slots=True)
class AddReport:
    new: list[str] = field(default_factory=list)  # stored file paths
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already stored, not re-fetched
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


def add_url(
    url: str,
    folder: Path,
    report: AddReport,
    *,
    refresh: bool = False,
    timeout: float = 15.0,
    outlets: dict[str, str] | None = None,
) -> None:
    """Fetch and store one URL, recording the outcome in ``report`` (never raises for a bad
    page)."""
    from reader.corpus.html_page import extract_page

    if not refresh:
        stored = find_stored(folder, url=url)
        if stored is not None:
            report.kept.append(str(stored))
            return
    try:
        page = fetch(url, timeout=timeout)
        raw = extract_page(page.text(), url, page.url, outlets)
    except (FetchError, SkipFile) as exc:
        report.failed.append((url, str(exc)))
        return
    result = store_article(raw, folder, url)
    (report.new if result.new else report.updated).append(str(result.path))


def add_urls(
    urls: list[str],
    folder: Path,
    *,
    refresh: bool = False,
    timeout: float = 15.0,
    outlets: dict[str, str] | None = None,
    on_done: Callable[[str], None] | None = None,
) -> AddReport:
    report = AddReport()
    for url in urls:
        add_url(url, folder, report, refresh=refresh, timeout=timeout, outlets=outlets)
        if on_done:
            on_done(url)
    return report
