"""Turning file bytes into text: UTF-8 (BOM or not), UTF-16 and UTF-32 with their BOM,
cp1252 as a warned fallback.

A text file falls back as a whole, and the warning names the line that forced it; a JSONL
file is decoded line by line, so one cp1252 line costs only that line.
"""

from __future__ import annotations

from dataclasses import dataclass


class SkipFile(Exception):
    """A file that cannot be read as articles; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def _checked(data: bytes) -> bytes:
    """``data`` without a BOM, or :class:`SkipFile` for empty and binary content."""
    if not data.strip():
        raise SkipFile("empty file")
    data = _utf8_from_bom(data)
    if b"\x00" in data[:8192]:
        raise SkipFile("binary file (contains NUL bytes)")
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _utf8_from_bom(data: bytes) -> bytes:
    """A file that starts with a UTF-16 or UTF-32 byte-order mark, as UTF-8 (Windows
    editors save "Unicode" text so); other data as it is."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding).encode("utf-8", "surrogatepass")
            except UnicodeDecodeError as exc:
                name = encoding.upper()[:6]  # "UTF-16", "UTF-32"
                raise SkipFile(
                    f"starts as {name} but is not valid {name} (at byte {exc.start + len(bom)})"
                ) from None
    return data


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` or raise :class:`SkipFile` for empty and binary content."""
    data = _checked(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = data.count(b"\n", 0, bad) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SkipFile(
            f"neither UTF-8 nor cp1252 (invalid byte at line {line}, offset {bad})"
        ) from None
    return Decoded(
        text, "cp1252", f"not valid UTF-8 at line {line} (byte {bad}); the file was read as cp1252"
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One decoded line (``None`` when it cannot be decoded) and why it needed a fallback."""

    number: int
    text: str | None
    warning: str | None = None


def decode_lines(data: bytes) -> list[Line]:
    """Decode ``data`` line by line (for JSONL): UTF-8, else cp1252 for that line only."""
    lines = []
    for number, raw in enumerate(_checked(data).split(b"\n"), start=1):
        try:
            lines.append(Line(number, raw.decode("utf-8")))
            continue
        except UnicodeDecodeError as exc:
            bad = exc.start
        try:
            lines.append(
                Line(
                    number,
                    raw.decode("cp1252"),
                    f"not valid UTF-8 at column {bad + 1}; this line read as cp1252",
                )
            )
        except UnicodeDecodeError:
            lines.append(Line(number, None, f"neither UTF-8 nor cp1252 (column {bad + 1})"))
    return lines
