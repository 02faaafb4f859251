"""What the app remembers between runs: the chosen theme and the recent queries of each
corpus.

Kept in ``$XDG_STATE_HOME/reader/ui.json`` (never in the user's config.yaml), written by
temporary file and ``os.replace``. A file that cannot be read is moved aside to
``ui.json.bad`` and the app starts from defaults, saying so.

Recent queries belong to the corpus they were asked in (:func:`corpus_key`): Up in the search
box of one corpus never brings back another's. A file from before (one ``recent_queries``
list for every corpus) keeps that list for the first corpus opened with it, most likely the
one it was last used with; nothing else of the file changes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader import locations

RECENT_LIMIT = 50


def corpus_key(identity: Iterable[str]) -> str:
    """The key of a corpus's recent queries: its identity (its folders resolved and sorted,
    :func:`reader.locations.corpus_identity`, as its index folder and bookmarks are keyed;
    the app gives ``Config.bookmarks_corpus``, without the inbox of ``reader add``, which
    joins every corpus once it exists), one folder a line."""
    return "\n".join(identity)


@dataclass
class UiState:
    theme: str | None = None
    # The config's theme when the user last picked one: if the config names another theme
    # since, the config wins (the user edited it on purpose).
    config_theme: str | None = None
    recent_by_corpus: dict[str, list[str]] = field(default_factory=dict)
    """Recent queries, most recent first, by :func:`corpus_key`."""
    unfiled_queries: list[str] = field(default_factory=list)
    """The recent queries of a file from before they were kept by corpus: they go to the
    first corpus opened (:meth:`open_corpus`)."""
    corpus: str = ""
    """The corpus open now: :attr:`recent_queries` are its."""

    def open_corpus(self, key: str) -> None:
        """Make ``key`` the corpus whose recent queries are used (and adopt the unfiled
        ones, if it has none of its own)."""
        self.corpus = key
        if self.unfiled_queries and not self.recent_by_corpus.get(key):
            self.recent_by_corpus[key] = self.unfiled_queries[:RECENT_LIMIT]
            self.unfiled_queries = []

    @property
    def recent_queries(self) -> list[str]:
        """The open corpus's recent queries, most recent first."""
        return self.recent_by_corpus.get(self.corpus, [])

    def remember_query(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        recent = self.recent_by_corpus.setdefault(self.corpus, [])
        if query in recent:
            recent.remove(query)
        recent.insert(0, query)
        del recent[RECENT_LIMIT:]

    def theme_for(self, config_theme: str) -> str:
        if self.theme and self.config_theme == config_theme:
            return self.theme
        return config_theme


def state_path() -> Path:
    return locations.state_dir() / "ui.json"


def load_state(path: Path | None = None) -> tuple[UiState, str | None]:
    """The saved state and, when the file was unusable, a message saying what happened."""
    path = path or state_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UiState(), None
    except OSError as exc:
        return UiState(), f"{path}: cannot read ({exc.strerror}); using defaults"
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        theme = data.get("theme")
        config_theme = data.get("config_theme")
        unfiled = data.get("recent_queries", [])
        if not _strings(unfiled):
            raise ValueError("'recent_queries' should be a list of strings")
        by_corpus = data.get("recent_queries_by_corpus", {})
        if not isinstance(by_corpus, dict) or not all(
            isinstance(k, str) and _strings(v) for k, v in by_corpus.items()
        ):
            raise ValueError(
                "'recent_queries_by_corpus' should map corpus folders to lists of strings"
            )
        state = UiState(
            theme if isinstance(theme, str) else None,
            config_theme if isinstance(config_theme, str) else None,
            {k: v[:RECENT_LIMIT] for k, v in by_corpus.items()},
            unfiled[:RECENT_LIMIT],
        )
    except ValueError as exc:
        backup = path.with_name(path.name + ".bad")
        try:
            os.replace(path, backup)
            kept = f"; kept it as {backup}"
        except OSError:
            kept = ""
        return UiState(), f"{path}: unreadable ({exc}){kept}; using defaults"
    return state, None


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(q, str) for q in value)


def save_state(state: UiState, path: Path | None = None) -> None:
    """Write atomically; raises ``OSError`` when the folder is not writable."""
    import tempfile

    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "theme": state.theme,
        "config_theme": state.config_theme,
        # (what an older reader reads: the queries no corpus has adopted yet)
        "recent_queries": state.unfiled_queries,
        "recent_queries_by_corpus": {k: v for k, v in state.recent_by_corpus.items() if v},
    }
    fd, tmp = tempfile.mkstemp(prefix=".ui.", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
