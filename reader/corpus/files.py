"""Which files a corpus holds, found with one ``stat`` each and nothing read: what the
up-to-date check of every command needs (:mod:`reader.search.scan`), without the formats'
parsers, the decoding or the passage splitting of :mod:`reader.corpus.loader`."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024  # a larger "article" is a mistake (or /dev/zero)
SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",  # reader.corpus.html_page
}


@dataclass(frozen=True, slots=True)
class Problem:
    """A skipped file or line, or a recoverable oddity, shown to the user as one line."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {'skipped: ' if self.skipped else ''}{self.message}"


def format_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Every supported file under ``paths`` (sorted, each once) and what was passed over."""
    found: dict[Path, None] = {}
    problems: list[Problem] = []

    def add(path: Path) -> None:
        reason = unreadable_reason(path)
        if reason is None:
            try:
                found[path.resolve()] = None
                return
            except (OSError, RuntimeError):
                reason = "symbolic link loop"
        problems.append(Problem(str(path), reason))

    def unreadable(exc: OSError) -> None:
        reason = exc.strerror or type(exc).__name__
        problems.append(
            Problem(str(exc.filename), f"folder cannot be read ({reason}); its files are left out")
        )

    for root in paths:
        if root.is_file() or (root.exists() and not root.is_dir()):
            if format_of(root) is None:
                problems.append(
                    Problem(str(root), "unsupported file type (use .txt, .md, .jsonl, .html)")
                )
            else:
                add(root)
            continue
        if not root.is_dir():
            problems.append(Problem(str(root), "no such file or folder"))
            continue
        for folder, dirs, files in os.walk(root, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name == "config.yaml":
                    continue
                path = Path(folder) / name
                if format_of(path) is None:
                    problems.append(Problem(str(path), "unsupported file type"))
                else:
                    add(path)
    return sorted(found), problems


def unreadable_reason(path: Path) -> str | None:
    """Why ``path`` is not read as a corpus file, or ``None``: only regular files of a
    sane size with a UTF-8 name are opened (never a FIFO, which would block, or a device)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8 (rename the file)"
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return (
                "dangling symbolic link (its target is missing)"
                if os.path.islink(path)
                else "vanished while the corpus was scanned"
            )
        return f"cannot read ({exc.strerror})"
    return stat_reason(st)


def stat_reason(st: os.stat_result) -> str | None:
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a FIFO, device or socket is never opened)"
    if st.st_size > MAX_FILE_BYTES:
        return (
            f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB "
            f"({st.st_size / (1024 * 1024):.0f} MB): not read"
        )
    return None
