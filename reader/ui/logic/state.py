"""What the app remembers between runs: the chosen theme and recent queries.

Kept in ``$XDG_STATE_HOME/reader/ui.json`` (never in the user's config.yaml), written by
temporary file and ``os.replace``. A file that cannot be read is moved aside to
``ui.json.bad`` and the app starts from defaults, saying so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from reader import locations

RECENT_LIMIT = 50


@dataclass
class UiState:
    theme: str | None = None
    # The config's theme when the user last picked one: if the config names another theme
    # since, the config wins (the user edited it on purpose).
    config_theme: str | None = None
    recent_queries: list[str] = field(default_factory=list)

    def remember_query(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        if query in self.recent_queries:
            self.recent_queries.remove(query)
        self.recent_queries.insert(0, query)
        del self.recent_queries[RECENT_LIMIT:]

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
        recent = data.get("recent_queries", [])
        if not isinstance(recent, list) or not all(isinstance(q, str) for q in recent):
            raise ValueError("'recent_queries' should be a list of strings")
        state = UiState(
            theme if isinstance(theme, str) else None,
            config_theme if isinstance(config_theme, str) else None,
            recent[:RECENT_LIMIT],
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


def save_state(state: UiState, path: Path | None = None) -> None:
    """Write atomically; raises ``OSError`` when the folder is not writable."""
    import tempfile

    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "theme": state.theme,
        "config_theme": state.config_theme,
        "recent_queries": state.recent_queries,
    }
    fd, tmp = tempfile.mkstemp(prefix=".ui.", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
