"""Bookmarks as Markdown (to paste into a draft), JSON or YAML."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from reader.bookmarks.anchor import Anchor
from reader.bookmarks.model import Bookmark
from reader.bookmarks.schema import VERSION, dump_text

Format = Literal["md", "json", "yaml"]
FORMATS: tuple[Format, ...] = ("md", "json", "yaml")


def bookmark_json(bm: Bookmark, anchor: Anchor | None = None) -> dict[str, Any]:
    """One bookmark as JSON: the file's keys (``words`` counted from 1, both included;
    ``corpus`` ``null`` when none is recorded), plus ``anchor`` when it was checked."""
    data = bm.to_dict()
    data.setdefault("corpus", None)  # (no corpus recorded: shown with every corpus)
    if anchor is not None:
        data["anchor"] = anchor.to_json()
    return data


def to_json(bookmarks: Sequence[Bookmark], anchors: Mapping[str, Anchor] | None = None) -> str:
    doc = {
        "version": VERSION,
        "bookmarks": [bookmark_json(bm, (anchors or {}).get(bm.id)) for bm in bookmarks],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_yaml(bookmarks: Sequence[Bookmark]) -> str:
    """The same shape as the bookmarks file (so entries can be pasted into one)."""
    return dump_text(list(bookmarks), header=False)


def to_markdown(bookmarks: Sequence[Bookmark], anchors: Mapping[str, Anchor] | None = None) -> str:
    """Each bookmark as a blockquote with its source, date, headline, note and tags."""
    blocks = [_markdown_one(bm, (anchors or {}).get(bm.id)) for bm in bookmarks]
    return "\n---\n\n".join(blocks) if blocks else "*No bookmarks.*\n"


HEADLINE_WIDTH = 120  # characters of a headline in a citation (some are a whole lead)


def _markdown_one(bm: Bookmark, anchor: Anchor | None) -> str:
    lines = [_blockquote(quoted_part(bm)), ""]
    known = bm.source.strip() and bm.source.strip().casefold() != "unknown"
    cite = [f"**{bm.source}**" if known else "unknown source", bm.date or "undated"]
    if bm.headline:
        cite.append(f"„{_headline(bm.headline)}“")
    lines.append("— " + ", ".join(cite) + f" (`{bm.passage_id}`)")
    if anchor is not None and anchor.status in ("changed", "orphaned"):
        lines += ["", f"*Note: {anchor.describe()} since this was bookmarked.*"]
    if bm.note.strip():
        lines += ["", *bm.note.strip().splitlines()]
    if bm.tags:
        lines += ["", "Tags: " + ", ".join(bm.tags)]
    return "\n".join(lines) + "\n"


def quoted_part(bm: Bookmark) -> str:
    """The quote as a reader may cite it: "…" where it starts or ends inside a paragraph,
    and German or straight quotation marks it opens or closes without the other added."""
    text = bm.quote.strip()
    opened = text.count("„") - text.count("“")
    if opened > 0:
        text += "“" * opened
    elif opened < 0:
        text = "„" * -opened + text
    if text.count('"') % 2:
        text = text + '"' if text.startswith('"') or ' "' in text else '"' + text
    if bm.before and not bm.before.endswith("\n"):
        text = "… " + text
    if bm.after and not bm.after.startswith("\n"):
        text += " …"
    return text


def _headline(text: str) -> str:
    """The first line of a headline, cut at a word to :data:`HEADLINE_WIDTH`."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) <= HEADLINE_WIDTH:
        return line
    return line[:HEADLINE_WIDTH].rsplit(" ", 1)[0] + " …"


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip().splitlines()) or ">"


def export(
    bookmarks: Sequence[Bookmark],
    fmt: Format,
    anchors: Mapping[str, Anchor] | None = None,
) -> str:
    """``bookmarks`` (in the order given) in format ``md``, ``json`` or ``yaml``."""
    if fmt == "md":
        return to_markdown(bookmarks, anchors)
    if fmt == "json":
        return to_json(bookmarks, anchors)
    if fmt == "yaml":
        return to_yaml(bookmarks)
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
