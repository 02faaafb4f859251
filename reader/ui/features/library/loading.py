"""Loading the library for the main screen: the index worker's body (bring the index up to
date when it is not, with progress, then list the articles) and what the screen says about
the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.search.index_folder import IndexFolderError
from reader.search.write_lock import WAITING, IndexBusy
from reader.ui.messages import IndexProgress, LibraryLoaded, LibraryUnavailable

if TYPE_CHECKING:
    from textual.message import Message

    from reader.search.indexer import UpdateReport
    from reader.search.store import ArticleSummary
    from reader.ui.source import LibrarySource

PHASES = {
    "waiting": WAITING,
    "scan": "Checking the corpus",
    "read": "Reading files",
    "index": "Indexing articles",
    "commit": "Writing the index",
}
"""The index worker's phases, for the progress strip (the bar counts in read and index)."""
COUNTED = ("read", "index")
PROBLEMS_SHOWN = 3


class _Cancelled(Exception):
    """Raised inside the index worker's progress callback when the app is closing."""


def load_library(
    source: LibrarySource, post: Callable[[Message], object], cancelled: Callable[[], bool]
) -> None:
    """Worker: update the index if it is not current, list the articles, and post
    :class:`LibraryLoaded` (or :class:`LibraryUnavailable`, saying why and what to do)."""

    def progress(phase: str, done: int, total: int) -> None:
        if cancelled():
            raise _Cancelled
        post(IndexProgress(phase, done, total))

    try:
        report = None
        summaries = _listed_from_store(source)
        if summaries is not None:  # current: the headlines without opening the search engine
            _post_listing(post, summaries, report, source)
        library = source.library
        if not library.is_current():  # the index itself is checked all the same (opened)
            post(IndexProgress("scan", 0, 0))
            report = library.update(progress)
        elif summaries is not None:
            return  # listed above, and the index opens as the store said
        summaries = library.summaries()
    except _Cancelled:
        return
    except IndexBusy as exc:
        post(LibraryUnavailable("The index is busy", f"{exc}\n\nStart reader again then."))
        return
    except IndexFolderError as exc:
        post(LibraryUnavailable("The index folder cannot be used", str(exc)))
        return
    except Exception as exc:  # the app must open whatever the index does
        post(
            LibraryUnavailable(
                "The index could not be opened",
                f"{type(exc).__name__}: {exc}\n\nRun `reader index` in a shell to see the "
                f"whole error; deleting the index folder makes reader rebuild it:\n"
                f"{source.library.paths.root}",
            )
        )
        return
    if cancelled():
        return
    _post_listing(post, summaries, report, source)


def _listed_from_store(source: LibrarySource) -> list[ArticleSummary] | None:
    """The list straight from the store when the index matches the corpus (SQLite and one
    ``stat`` per file: Whoosh is not imported before the headlines show)."""
    from reader.search.scan import current_summaries

    config = source.config
    try:
        return current_summaries(config.resolved_index_dir(), config.corpus, config.overrides)
    except Exception:  # anything odd: the full path below opens, checks and says why
        return None


def _post_listing(
    post: Callable[[Message], object],
    summaries: list[ArticleSummary],
    report: UpdateReport | None,
    source: LibrarySource,
) -> None:
    problems = [str(p) for p in report.problems] if report else []
    if not summaries:
        post(LibraryUnavailable("No articles", empty_message(source, problems)))
        return
    from reader.ui.logic.library_rows import made_in_worker

    post(LibraryLoaded(summaries, report, problems, made_in_worker(summaries)))


def index_notice(report: UpdateReport) -> str:
    return (
        f"Indexed {report.articles:,} articles ({report.added:,} added, "
        f"{report.updated:,} updated, {report.removed:,} removed) in "
        f"{report.seconds:.1f} s"
    )


def problems_notice(problems: list[str]) -> str:
    """The first few files skipped, and how many more."""
    shown = problems[:PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    return "\n".join(shown) + (
        f"\n… and {more} more (run `reader index` to see them all)" if more else ""
    )


def empty_message(source: LibrarySource, problems: list[str]) -> str:
    """Why the library is empty, and what to do about it."""
    config = source.config
    missing = [p for p in config.corpus if not p.exists()]
    paths = ", ".join(str(p) for p in config.corpus)
    if missing:
        what = "The corpus " + ", ".join(str(p) for p in missing) + " does not exist."
    else:
        what = f"The corpus ({paths}) holds no readable .txt, .md or .jsonl articles."
    if problems:
        what += "\n\nSkipped:\n" + "\n".join(f"  {p}" for p in problems[:5])
    from reader import locations

    config_file = config.path
    if config_file is None or config_file == locations.bundled_config():
        config_file = locations.config_dir() / "config.yaml"
    return (
        f"{what}\n\nTo read articles:\n"
        f"  • put .txt, .md or .jsonl files into {paths} and start reader again, or\n"
        f"  • start reader on another corpus: reader --corpus PATH, or\n"
        f"  • name the corpus in the config file {config_file} (corpus: PATH).\n\n"
        "Press q to quit."
    )
