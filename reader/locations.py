"""Where reader keeps things: XDG folders, the bundled seeds. Computed on call, never at import."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

APP = "reader"


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config") / APP


def cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache") / APP


def data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / APP


def state_dir() -> Path:
    return _xdg("XDG_STATE_HOME", ".local/state") / APP


def bundled_dir() -> Path:
    """Where the seeds and their ``config.yaml`` live: inside the installed package (a wheel),
    or the top of the checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_bundled"
    return packaged if packaged.is_dir() else here.parent


def bundled_seeds() -> Path:
    """The five seed articles that ``reader`` opens with no configuration."""
    return bundled_dir() / "seeds"


def bundled_config() -> Path:
    """The built-in defaults: the seeds, with the sources their files do not name."""
    return bundled_dir() / "config.yaml"


def corpus_identity(corpus: Iterable[Path]) -> tuple[str, ...]:
    """What identifies a corpus: its folders, resolved and sorted. Its index folder is keyed
    by it, and each bookmark records it (the corpus it was made on)."""
    return tuple(sorted(str(Path(p).resolve()) for p in corpus))


def default_index_dir(corpus: list[Path]) -> Path:
    """One index per corpus, keyed by the resolved corpus paths (:func:`corpus_identity`)."""
    key = "\n".join(corpus_identity(corpus))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return cache_dir() / "index" / digest
