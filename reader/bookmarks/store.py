"""The bookmarks file on disk: locked read-merge-write, atomic replace, reload on change.

Every change takes an exclusive lock (``fcntl.flock`` on ``<file>.lock`` beside the file),
re-reads the file, applies itself to what is there now (so hand edits and other processes'
writes are kept), writes a temporary file in the same folder, fsyncs it and renames it over
the file. A crash at any moment leaves the old file or the new one. A file that cannot be
read is copied to ``<file>.broken-<time>`` once and never written over; a path that cannot
be read at all (a folder, no permission) is a :class:`BookmarkFileError` too. A write that
fails (disk full, file-size limit) or a file the user made read-only is a
:class:`BookmarkWriteError`, and the file stays as it was.

One file holds the bookmarks of every corpus; a store opened for a corpus shows that
corpus's (and those made before bookmarks recorded one) and writes back all of them. A file
of an older version is rewritten as the current one when it is read, after a copy of it is
kept beside it (``<file>.v1-backup``); ``notices`` says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from reader.bookmarks import known
from reader.bookmarks.anchor import Anchor, ArticleLookup, find_passage, make_bookmark
from reader.bookmarks.model import (
    Bookmark,
    created_key,
    filter_bookmarks,
    new_id,
    normalize_tags,
    now_iso,
)
from reader.bookmarks.schema import (
    VERSION,
    BookmarkFile,
    BookmarkFileError,
    EntryCache,
    ParseCache,
    dump_text,
    parse_text,
)

T = TypeVar("T")

# Test hooks: the writer calls WRITE_HOOK(written, total) after each WRITE_CHUNK bytes.
WRITE_CHUNK = 1 << 16
WRITE_HOOK: Callable[[int, int], None] | None = None


class UnknownBookmark(LookupError):
    """No bookmark with this id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown bookmark"


class BookmarkLockTimeout(TimeoutError):
    """Another process held the bookmarks lock for too long."""


class BookmarkWriteError(OSError):
    """The bookmarks file could not be written (``str()`` names it and the reason); the file
    on disk is unchanged."""


@dataclass(frozen=True, slots=True)
class _Stamp:
    ino: int
    mtime_ns: int
    size: int


class BookmarkStore:
    """Bookmarks kept in one YAML file.

    ``load()`` reads the file (raising :class:`BookmarkFileError` if it is unusable; the
    error is also kept in ``error`` and the last good list stays in ``bookmarks``).
    Mutations (``add``, ``add_passage``, ``edit``, ``remove``, ``restore``, ``update``)
    return the bookmark they touched and leave ``bookmarks`` equal to the file's new
    content. ``reload_if_changed()`` is cheap (a ``stat``) and meant to be polled.

    ``corpus`` is the open corpus (:meth:`reader.config.Config.bookmarks_corpus`): new
    bookmarks record it, and ``here``, ``filtered`` and ``for_article`` keep the bookmarks
    that belong with it; every change still writes back the bookmarks of all corpora.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        corpus: tuple[str, ...] | None = None,
        lock_timeout: float | None = 30.0,
    ):
        self.path = Path(os.path.realpath(Path(path).expanduser()))
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.corpus = corpus
        self.lock_timeout = lock_timeout
        self.warnings: list[str] = []
        self.notices: list[str] = []
        """What reader did to the file by itself (an upgrade to the current version)."""
        self._version = VERSION  # of the file as last read
        self._old_raw: bytes | None = None  # its bytes, when that version is older
        self.error: BookmarkFileError | None = None
        self._bookmarks: list[Bookmark] = []
        self._extra: dict[str, Any] = {}
        self._hash: str | None = None  # of the bytes last read or written; None = no file
        self._stamp: _Stamp | None = None
        self._loaded = False  # read successfully at least once
        self._seen = False  # read at all (a broken file counts: no reload until it changes)
        self._mutex = threading.RLock()
        self._entry_cache = EntryCache()
        self._parse_cache = ParseCache()

    # --- reading ------------------------------------------------------------------------

    @property
    def bookmarks(self) -> list[Bookmark]:
        """The bookmarks as last read or written, in file order (a copy)."""
        return list(self._bookmarks)

    @property
    def here(self) -> list[Bookmark]:
        """The bookmarks of the open corpus (and those of no corpus yet), in file order."""
        return [bm for bm in self._bookmarks if bm.made_on(self.corpus)]

    def is_here(self, bm: Bookmark) -> bool:
        """Whether ``bm`` belongs with the open corpus (see :meth:`Bookmark.made_on`)."""
        return bm.made_on(self.corpus)

    def elsewhere(self) -> int:
        """How many bookmarks belong to other corpora."""
        return len(self._bookmarks) - len(self.here)

    def load(self) -> list[Bookmark]:
        """Read the file now (rewriting an older version, see :meth:`_upgrade`); all its
        bookmarks. A missing file is an empty list."""
        with self._mutex:
            self._read_current()
            self._upgrade()
            return self.bookmarks

    def changed_on_disk(self) -> bool:
        """Whether the file's content differs from what this store last read or wrote."""
        stamp = self._stat()
        if stamp == self._stamp and self._seen:
            return False
        try:
            raw = self._read_bytes()
        except BookmarkFileError:
            return True  # reading again raises it
        digest = None if raw is None else _digest(raw)
        if digest == self._hash and self._seen:
            self._stamp = stamp
            return False
        return True

    def reload_if_changed(self) -> bool:
        """Reload when the file changed on disk (another process, a hand edit); returns
        whether it did. Raises :class:`BookmarkFileError` if the new content is unusable."""
        with self._mutex:
            if not self.changed_on_disk():
                return False
            self._read_current()
            self._upgrade()
            return True

    def get(self, bookmark_id: str) -> Bookmark:
        for bm in self._bookmarks:
            if bm.id == bookmark_id:
                return bm
        raise UnknownBookmark(f"no bookmark with id {bookmark_id!r} in {self.path}")

    def filtered(
        self,
        *,
        tag: str | None = None,
        source: str | None = None,
        text: str | None = None,
        every_corpus: bool = False,
    ) -> list[Bookmark]:
        """Newest first, filtered (see :func:`reader.bookmarks.model.filter_bookmarks`):
        those of the open corpus, or with ``every_corpus`` all of them."""
        items = self._bookmarks if every_corpus else self.here
        return filter_bookmarks(items, tag=tag, source=source, text=text)

    def for_article(self, article_id: str) -> list[Bookmark]:
        """This article's bookmarks of the open corpus in file order (for marks)."""
        return [bm for bm in self.here if bm.article_id == article_id]

    # --- changing -----------------------------------------------------------------------

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Append ``bookmark``; it gets a fresh id if its id is empty or taken, and the open
        corpus if it names none."""

        def change(items: list[Bookmark]) -> Bookmark:
            taken = {bm.id for bm in items}
            bm = bookmark
            if bm.corpus is None and self.corpus is not None:
                bm = bm.with_changes(corpus=self.corpus)
            while not bm.id or bm.id in taken:
                bm = bm.with_changes(id=new_id())
            items.append(bm)
            return bm

        return self._mutate(change)

    def add_passage(
        self,
        lookup: ArticleLookup,
        passage_id: str,
        *,
        words: tuple[int, int] | None = None,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Bookmark:
        """Bookmark a passage (or a word range of it) by id. Raises
        :class:`reader.bookmarks.anchor.UnknownPassage` or ``ValueError`` (bad range)."""
        article, passage = find_passage(lookup, passage_id)
        return self.add(make_bookmark(article, passage, words=words, note=note, tags=tags))

    def edit(
        self, bookmark_id: str, *, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Bookmark:
        """Change the note and/or tags (``None`` leaves one as it is in the file now)."""
        changes: dict[str, Any] = {}
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = normalize_tags(tags)

        def change(items: list[Bookmark]) -> Bookmark:
            i = self._index(items, bookmark_id)
            if all(getattr(items[i], k) == v for k, v in changes.items()):
                return items[i]
            items[i] = items[i].with_changes(**changes, updated=now_iso())
            return items[i]

        return self._mutate(change)

    def update(self, bookmark: Bookmark) -> Bookmark:
        """Replace the bookmark with the same id (e.g. with :func:`anchor.reanchored`)."""

        def change(items: list[Bookmark]) -> Bookmark:
            items[self._index(items, bookmark.id)] = bookmark
            return bookmark

        return self._mutate(change)

    def claim_found(self, anchors: Mapping[str, Anchor]) -> list[Bookmark]:
        """Give the open corpus to the bookmarks of no corpus (made before bookmarks recorded
        one) that ``anchors`` (by id, resolved in the open corpus) found there: in place,
        moved or changed, not orphaned. Returns them."""
        return self.claim(
            bm.id
            for bm in self.here
            if bm.corpus is None and bm.id in anchors and anchors[bm.id].status != "orphaned"
        )

    def claim(self, bookmark_ids: Iterable[str]) -> list[Bookmark]:
        """Give the open corpus to those of these bookmarks that have none; returns them."""
        wanted = set(bookmark_ids)
        corpus = self.corpus
        if corpus is None or not any(
            bm.corpus is None and bm.id in wanted for bm in self._bookmarks
        ):
            return []

        def change(items: list[Bookmark]) -> list[Bookmark]:
            claimed = []
            for i, bm in enumerate(items):
                if bm.corpus is None and bm.id in wanted:
                    items[i] = bm.with_changes(corpus=corpus)
                    claimed.append(items[i])
            return claimed

        return self._mutate(change)

    def remove(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark and return it, so it can be given back to :meth:`restore`."""
        return self._mutate(lambda items: items.pop(self._index(items, bookmark_id)))

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Undo a removal: put the bookmark back with its id, in creation order. If a
        bookmark with that id is there again, it is kept and returned instead."""

        def change(items: list[Bookmark]) -> Bookmark:
            for bm in items:
                if bm.id == bookmark.id:
                    return bm
            at, when = len(items), created_key(bookmark)
            while at > 0 and created_key(items[at - 1]) > when:
                at -= 1
            items.insert(at, bookmark)
            return bookmark

        return self._mutate(change)

    # --- internals ----------------------------------------------------------------------

    def _index(self, items: list[Bookmark], bookmark_id: str) -> int:
        for i, bm in enumerate(items):
            if bm.id == bookmark_id:
                return i
        raise UnknownBookmark(f"no bookmark with id {bookmark_id!r} in {self.path}")

    def _upgrade(self) -> None:
        """An older version just read: rewrite it as the current one, keeping a copy. When
        that cannot be done the bookmarks are used as read and a warning says why."""
        if self._version >= VERSION or self.error is not None:
            return
        try:
            self._mutate(lambda items: None)
        except (BookmarkWriteError, BookmarkLockTimeout) as exc:
            self.warnings.append(
                f"{self.path} is a version {self._version} bookmarks file and could not be "
                f"updated to version {VERSION} ({exc}); it is read as it is"
            )

    def _mutate(self, change: Callable[[list[Bookmark]], T]) -> T:
        with self._mutex, self._locked():
            self._remove_stale_temp_files()
            items = self._read_current()
            result = change(items)
            old_version = self._version if self._version < VERSION else None
            if (
                old_version is not None
                or items != self._bookmarks
                or [b.extra for b in items] != [b.extra for b in self._bookmarks]
            ):
                text = dump_text(items, self._extra, cache=self._entry_cache)
                raw = text.encode("utf-8")
                if old_version is not None:
                    self._check_writable()  # (before a copy is kept of a file left as it is)
                    kept = self._keep_old_version(old_version)
                self._write(raw)
                if old_version is not None:
                    self._version, self._old_raw = VERSION, None
                    self.notices.append(
                        f"{self.path} was updated to bookmarks file version {VERSION}: each "
                        "bookmark now records the corpus it was made on, and word ranges "
                        f"count from 1 with both ends included. The old file is kept as {kept}"
                    )
                self._bookmarks = list(items)
                self._hash = _digest(raw)
                if self._extra or any(bm.extra for bm in items):
                    self._parse_cache.remember(text, BookmarkFile(items, self._extra))
                    known.forget(self.path)
                else:
                    texts = {self._entry_cache.text(bm): bm for bm in items}
                    self._parse_cache.remember_written(text, texts)
                    known.save(self.path, self._hash, items)
                self._stamp = self._stat()
            return result

    def _read_bytes(self) -> bytes | None:
        """The file's bytes, ``None`` if there is none; a :class:`BookmarkFileError` for a
        path that is there but cannot be read."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise BookmarkFileError(
                self.path, "is a folder, not a file (config key 'bookmarks' names the file)"
            ) from None
        except OSError as exc:
            raise BookmarkFileError(self.path, f"cannot be read: {exc.strerror or exc}") from None

    def _stat(self) -> _Stamp | None:
        try:
            st = os.stat(self.path)
        except OSError:  # missing, or not reachable (the read then says why)
            return None
        return _Stamp(st.st_ino, st.st_mtime_ns, st.st_size)

    def _read_current(self) -> list[Bookmark]:
        """Read the file into the cache (unless it is what the cache holds); returns a
        working copy. On an unusable file: back it up, record and raise the error."""
        stamp = self._stat()
        self._seen = True
        try:
            raw = self._read_bytes()
        except BookmarkFileError as exc:
            self.error = exc
            self._hash, self._stamp = None, stamp
            raise
        digest = None if raw is None else _digest(raw)
        if not (self._loaded and digest == self._hash and self.error is None):
            try:
                text = _decode(raw, self.path) if raw else ""
                parsed = ours = self._known(text, digest) if text else None
                if parsed is None and text:
                    parsed = parse_text(text, self.path, self._parse_cache)
            except BookmarkFileError as exc:
                assert raw is not None
                exc.backup = self._backup(raw)
                self.error = exc
                self._hash, self._stamp = digest, stamp
                raise
            self._bookmarks = parsed.bookmarks if parsed else []
            self._extra = parsed.extra if parsed else {}
            self.warnings = parsed.warnings if parsed else []
            self._version = parsed.version if parsed else VERSION
            self._old_raw = raw if self._version < VERSION else None
            self._hash, self._stamp = digest, stamp
            self.error = None
            self._loaded = True
            if parsed is not None:
                self._entry_cache.take_as_read(self._parse_cache, text, ours=ours is not None)
        return list(self._bookmarks)

    def _known(self, text: str, digest: str | None) -> BookmarkFile | None:
        """The file as the last writer saved it (:mod:`.known`), if it is just that."""
        if self._parse_cache.prefix is not None:  # (this store has read it: its cache is on)
            return None
        bookmarks = known.load(self.path, digest) if digest else None
        return self._parse_cache.adopt(text, bookmarks) if bookmarks is not None else None

    def _backup(self, raw: bytes) -> Path | None:
        """Copy an unusable file to ``<name>.broken-<time>``, once per distinct content
        (``None`` if the copy cannot be written: the error is still reported)."""
        for old in sorted(self.path.parent.glob(self.path.name + ".broken-*")):
            with contextlib.suppress(OSError):
                if old.read_bytes() == raw:
                    return old
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.broken-{stamp}-{n}")
            n += 1
        try:
            atomic_write(target, raw)
        except OSError:
            return None
        return target

    def _keep_old_version(self, version: int) -> Path:
        """Copy the file as last read (version ``version``) to ``<name>.v<version>-backup``
        (another name if that holds something else) before it is rewritten; a
        :class:`BookmarkWriteError` (nothing changed) if the copy cannot be made."""
        raw = self._old_raw
        assert raw is not None
        base = self.path.with_name(f"{self.path.name}.v{version}-backup")
        target, n = base, 1
        while True:
            try:
                if target.read_bytes() == raw:
                    return target
            except FileNotFoundError:
                break
            except OSError:
                pass
            target = base.with_name(f"{base.name}-{n}")
            n += 1
        try:
            atomic_write(target, raw)
        except OSError as exc:
            raise self._not_saved(
                f"could not keep a copy of the version {version} file as {target} "
                f"({exc.strerror or exc}) before updating it"
            ) from None
        return target

    def _remove_stale_temp_files(self) -> None:
        """Temp files left by a writer that died; safe to remove while we hold the lock."""
        for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _check_writable(self) -> int | None:
        """The file's mode (``None``: no file yet); a :class:`BookmarkWriteError` for a file
        with no write permission: the rename would replace it all the same."""
        try:
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
        except FileNotFoundError:
            return None
        if not mode & 0o222:
            raise self._not_saved(f"the file is read-only (mode {mode:04o})")
        if not os.access(self.path, os.W_OK):
            raise self._not_saved(f"no permission to write the file (mode {mode:04o})")
        return mode

    def _write(self, raw: bytes) -> None:
        """Replace the file with ``raw``, keeping its mode (see :meth:`_check_writable`)."""
        mode = self._check_writable()
        try:
            atomic_write(self.path, raw, mode=mode)
        except OSError as exc:
            raise self._not_saved(exc.strerror or str(exc)) from None

    def _not_saved(self, reason: str) -> BookmarkWriteError:
        return BookmarkWriteError(
            f"could not save bookmarks to {self.path}: {reason}; the file was not changed"
        )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            fd = _acquire_lock(self.lock_path, self.lock_timeout)
        except BookmarkLockTimeout:
            raise
        except OSError as exc:
            raise self._not_saved(f"cannot lock {self.lock_path}: {exc.strerror or exc}") from None
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise BookmarkFileError(
            path, "not UTF-8 text (save it as UTF-8)", line=line, column=column
        ) from None


def atomic_write(path: Path, raw: bytes, *, mode: int | None = None) -> None:
    """Write ``raw`` to ``path`` so that ``path`` is always either the old or the new file:
    temp file in the same folder, flush, fsync, ``os.replace``, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            for at in range(0, len(raw), WRITE_CHUNK):
                out.write(raw[at : at + WRITE_CHUNK])
                if WRITE_HOOK is not None:
                    out.flush()
                    WRITE_HOOK(min(at + WRITE_CHUNK, len(raw)), len(raw))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644 if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _acquire_lock(lock_path: Path, timeout: float | None) -> int:
    """An fd holding an exclusive flock on ``lock_path``. Waits in the kernel (fair between
    waiting processes); with a ``timeout`` the wait runs in a helper thread that gives the
    lock back at once if it arrives after we stopped waiting."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return fd
    except BlockingIOError:
        pass
    except BaseException:
        os.close(fd)
        raise
    if timeout is None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        return fd
    done = threading.Event()
    guard = threading.Lock()
    state: dict[str, Any] = {"abandoned": False, "error": None}

    def wait() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            state["error"] = exc
        with guard:
            if state["abandoned"] or state["error"] is not None:
                os.close(fd)
            done.set()

    threading.Thread(target=wait, name="bookmarks-lock", daemon=True).start()
    done.wait(timeout)
    with guard:
        if not done.is_set():
            state["abandoned"] = True
            raise BookmarkLockTimeout(
                f"{lock_path}: another reader process has held the bookmarks lock for over "
                f"{timeout:g} s (is one stopped?); nothing was changed, try again"
            )
    if state["error"] is not None:
        raise state["error"]
    return fd
