"""The feed updater: a progress strip above the footer that runs the update in a worker,
shows how far it is, says what arrived and posts :class:`FeedsArrived` so the screen
re-reads the corpus (the new articles then appear in the library)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message

from reader.ui.features.feeds.updating import PHASES, Cancelled, FeedsOutcome, update_feeds_now
from reader.ui.widgets.progress_strip import ProgressStrip


@dataclass
class FeedsArrived(Message):
    """New or updated articles are in the corpus: the library should read it again."""

    outcome: FeedsOutcome


class FeedUpdater(ProgressStrip):
    """Hidden until an update runs; one update at a time."""

    def __init__(self, **kwargs) -> None:
        super().__init__(PHASES, **kwargs)
        self.display = False

    @property
    def running(self) -> bool:
        return any(w.group == "feeds" and w.is_running for w in self.workers)

    def start(self, corpus: list) -> None:
        """Update the feeds unless an update is running already."""
        if self.running:
            self.notify("The feeds are being updated already.", markup=False)
            return
        self.show("feeds", 0, 0)
        self._update(list(corpus))

    @work(thread=True, exit_on_error=False, group="feeds")
    def _update(self, corpus: list) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise Cancelled
            self.app.call_from_thread(self.show, "feeds", done, total)

        try:
            outcome = update_feeds_now(corpus, progress)
        except Cancelled:
            return
        self.app.call_from_thread(self._done, outcome)

    def _done(self, outcome: FeedsOutcome) -> None:
        self.display = False
        failed = outcome.error is not None or bool(outcome.failed)
        self.notify(
            outcome.notice(),
            title="Feeds",
            severity="warning" if failed else "information",
            markup=False,
            timeout=10,
        )
        if outcome.arrived and outcome.read_here:
            self.post_message(FeedsArrived(outcome))
