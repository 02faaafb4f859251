"""Whoosh's segment files read in place (issue 18, memory).

Whoosh memory-maps each compound segment file and opens every sub-file in it as a
``BufferFile``, whose ``BytesIO(buffer)`` copies the whole sub-file into memory: +79 MB on the
Berlin corpus just to open a searcher, most of it never read. :class:`MappedBufferFile` reads
through the memory map instead; a read copies only the bytes it returns, and the pages the
searcher never touches are never loaded. :func:`install` puts it where Whoosh's compound
storage makes its sub-files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

_LINE_CHUNK = 256


class MemoryViewFile:
    """A read-only, seekable file over a ``memoryview``, as far as Whoosh's ``StructFile``
    uses one (``read``, ``readinto``, ``readline``, ``seek``, ``tell``, ``close``)."""

    def __init__(self, buf: memoryview) -> None:
        self._buf: memoryview | None = buf
        self._size = len(buf)
        self._pos = 0

    @property
    def closed(self) -> bool:
        return self._buf is None

    def _view(self) -> memoryview:
        if self._buf is None:
            raise ValueError("I/O operation on closed file.")
        return self._buf

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def read(self, size: int | None = -1) -> bytes:
        buf = self._view()
        start = min(self._pos, self._size)
        end = self._size if size is None or size < 0 else min(start + size, self._size)
        self._pos = max(self._pos, end)
        return bytes(buf[start:end])

    def readinto(self, target: Any) -> int:
        buf = self._view()
        out = memoryview(target).cast("B")
        start = min(self._pos, self._size)
        end = min(start + len(out), self._size)
        out[: end - start] = buf[start:end]
        self._pos = max(self._pos, end)
        return end - start

    def readline(self, size: int | None = -1) -> bytes:
        buf = self._view()
        start = min(self._pos, self._size)
        limit = self._size if size is None or size < 0 else min(start + size, self._size)
        end = start
        while end < limit:
            chunk = bytes(buf[end : min(end + _LINE_CHUNK, limit)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        self._pos = max(self._pos, end)
        return bytes(buf[start:end])

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        self._view()
        if whence == 0:
            position = offset
        elif whence == 1:
            position = self._pos + offset
        elif whence == 2:
            position = self._size + offset
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if position < 0:
            raise ValueError(f"negative seek value {position}")
        self._pos = position
        return position

    def tell(self) -> int:
        self._view()
        return self._pos

    def flush(self) -> None:
        """Nothing to flush (read-only)."""

    def close(self) -> None:
        self._buf = None


class MappedBufferFile(BufferFile):
    """Whoosh's ``BufferFile`` reading through its buffer instead of a copy of it."""

    def __init__(self, buf: memoryview, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.file = MemoryViewFile(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def subset(self, position: int, length: int, name: str | None = None) -> MappedBufferFile:
        return MappedBufferFile(self._buf[position : position + length], name=name or self._name)


def install() -> None:
    """Make Whoosh's compound storage open its sub-files with :class:`MappedBufferFile`
    (once per process; every index this process opens then reads its segments in place)."""
    compound.BufferFile = MappedBufferFile
