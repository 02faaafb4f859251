"""The index folder made, or a message saying why it cannot be (reliability review,
finding 10: a file, a path under a file or a folder in ``/proc`` gave a traceback; finding 12:
an index that had to be rebuilt in a read-only folder was wiped as far as the modes let it,
and a current index there did not answer: it is now opened read-only)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class IndexFolderError(Exception):
    """The index folder cannot be made or used; the message names it and the reason."""


def make_index_folder(root: Path) -> None:
    """Make ``root`` (and its parents) unless it exists as a folder; else
    :class:`IndexFolderError`."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexFolderError(
            f"cannot use the index folder {root}: {_reason(root, exc)}"
            "; set index_dir in the config to another folder"
        ) from None


def _reason(root: Path, exc: OSError) -> str:
    if isinstance(exc, FileExistsError) or (root.exists() and not root.is_dir()):
        return "it is a file, not a folder"
    if exc.errno == errno.ENOTDIR:
        above = next((p for p in root.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            return f"{above} is a file, not a folder"
    return os.strerror(exc.errno) if exc.errno else str(exc)


def is_read_only(root: Path) -> bool:
    """Whether nothing can be written in the existing folder ``root`` (its mode, a read-only
    file system): an index there is opened read-only and answers while it is current."""
    return root.is_dir() and not os.access(root, os.W_OK)


def check_writable(root: Path, why: str) -> None:
    """Raise :class:`IndexFolderError` when nothing can be written in ``root`` (a read-only
    folder or file system), before anything in it is deleted; ``why`` says what needed it."""
    try:
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as exc:
        raise IndexFolderError(
            f"cannot use the index folder {root}: {why}, but it cannot be written to "
            f"({_reason(root, exc)})"
            "; nothing in it was changed. Make it writable, or set index_dir in the config "
            "to another folder"
        ) from None


def read_only_error(root: Path, why: str) -> IndexFolderError:
    """The message for a write to an index opened read-only (:func:`check_writable`'s, or,
    if the folder has become writable since, a word to run the command again)."""
    try:
        check_writable(root, why)
    except IndexFolderError as exc:
        return exc
    return IndexFolderError(
        f"cannot use the index folder {root}: {why}, and it was read-only when reader "
        "opened it; nothing in it was changed. Run the command again"
    )
