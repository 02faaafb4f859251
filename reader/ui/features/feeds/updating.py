"""The feed update's worker body and what it says, without Textual: fetch every feed the
user follows, store the new articles in the inbox (as ``reader feeds update`` does), and
report what arrived and whether this session's corpus reads the inbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PHASES = {"feeds": "Updating feeds"}
"""The progress strip's label."""
NO_FEEDS = "You follow no feeds yet: add one in a shell with `reader feeds add URL`."


class Cancelled(Exception):
    """Raised in the progress callback when the app is closing."""


@dataclass
class FeedsOutcome:
    """What one update brought: counts, the failures (URL, reason), or why it could not run."""

    new: int = 0
    updated: int = 0
    summary_only: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    inbox: Path | None = None
    read_here: bool = True
    """The inbox is part of this session's corpus (not so when started with ``--corpus``,
    or when the inbox was made after the start)."""

    @property
    def arrived(self) -> bool:
        return self.error is None and bool(self.new or self.updated)

    def notice(self) -> str:
        """One paragraph for the notification."""
        if self.error is not None:
            return self.error
        text = f"{self.new} new, {self.updated} updated"
        if self.summary_only:
            text += f" ({self.summary_only} from the feed's summary: the page could not be had)"
        text += "."
        for url, reason in self.failed[:3]:
            text += f"\n{url}: {reason}"
        if len(self.failed) > 3:
            text += f"\n… and {len(self.failed) - 3} more failed (`reader feeds update` lists them)"
        if self.arrived and not self.read_here:
            text += (
                f"\nStored in {self.inbox}, which this session's corpus does not include: "
                "start reader again (without --corpus) to read them."
            )
        return text


def update_feeds_now(corpus: list[Path], progress: Callable[[int, int], None]) -> FeedsOutcome:
    """Fetch the feeds into the inbox; ``progress(done, total)`` per feed (it may raise
    :class:`Cancelled`). Failures of single feeds are in the outcome; nothing raises."""
    from reader.ingest.feeds import FeedListError, load_feeds, update_feeds
    from reader.ingest.store import inbox_dir

    inbox = inbox_dir()
    try:
        if not load_feeds():
            return FeedsOutcome(error=NO_FEEDS)
        report = update_feeds(inbox, progress=lambda done, total, _name: progress(done, total))
    except FeedListError as exc:
        return FeedsOutcome(error=str(exc))
    except OSError as exc:
        return FeedsOutcome(error=f"The feeds could not be updated: {exc}")
    return FeedsOutcome(
        new=len(report.new),
        updated=len(report.updated),
        summary_only=len(report.summaries),
        failed=list(report.failed),
        inbox=inbox,
        read_here=inbox.resolve() in {p.resolve() for p in corpus},
    )
