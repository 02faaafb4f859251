"""Turning file bytes into text: UTF-8 (BOM or not), cp1252 as a warned fallback."""

from __future__ import annotations

from dataclasses import dataclass


class SkipFile(Exception):
    """A file that cannot be read as articles; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` or raise :class:`SkipFile` for empty and binary content."""
    if not data.strip():
        raise SkipFile("empty file")
    if b"\x00" in data[:8192]:
        raise SkipFile("binary file (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SkipFile(f"neither UTF-8 nor cp1252 (invalid byte at offset {bad})") from None
    return Decoded(text, "cp1252", f"not valid UTF-8 at byte {bad}; read as cp1252")
