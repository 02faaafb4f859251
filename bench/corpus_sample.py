"""The first articles of a JSONL corpus, as the benchmarks read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BERLIN = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "corpora"
    / ("berlin-police-reports.jsonl")
)


def first_articles(
    path: str | Path, limit: int, *, with_text: bool = False
) -> list[dict[str, Any]]:
    """The first ``limit`` records of ``path`` (only those with a body if ``with_text``);
    a line that is not JSON stops the benchmark with its file and line."""
    records: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not JSON ({exc})") from None
            if not with_text or record.get("text"):
                records.append(record)
    return records


def headline_and_body(record: dict[str, Any]) -> str:
    """One article as one text, as at index time: headline, newline, body."""
    return f"{record.get('title', '')}\n{record.get('text', '')}"
