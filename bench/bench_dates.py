"""Speed of German date recognition and resolution over a JSONL corpus.

Run from the repository root:

    /work/.venv/bin/python bench/bench_dates.py /work/shared/corpora/berlin-police-reports.jsonl \
        --limit 2000 --repeat 3

Each article's own ``date`` is the reference. Prints articles, characters and spans per
second (best of ``--repeat`` runs, so a busy machine disturbs it less), and the share of
spans that got a value at each precision.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_sample import first_articles, headline_and_body

from reader.analysis.dates import find_dates
from reader.corpus.model import When


def load(path: Path, limit: int) -> list[tuple[str, When | None]]:
    """(text, reference) pairs: the title and text of each article, and its date."""
    items: list[tuple[str, When | None]] = []
    for record in first_articles(path, limit):
        try:
            ref = When.parse_iso(record["date"]) if record.get("date") else None
        except ValueError as error:
            raise SystemExit(f"{path}: article {record.get('id')!r}: bad date: {error}") from None
        items.append((headline_and_body(record), ref))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=2000, help="articles to read (2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is shown (3)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: no such file")
    items = load(args.corpus, args.limit)
    chars = sum(len(text) for text, _ in items)

    best = float("inf")
    precisions: Counter[str] = Counter()
    spans = 0
    for _ in range(max(1, args.repeat)):
        precisions.clear()
        spans = 0
        started = time.perf_counter()
        for text, ref in items:
            for span in find_dates(text, ref):
                spans += 1
                precisions[span.value.precision if span.value else "none"] += 1
        best = min(best, time.perf_counter() - started)

    print(f"corpus      {args.corpus} ({len(items)} articles, {chars:,} characters)")
    print(f"time        {best:.3f} s (best of {max(1, args.repeat)})")
    print(f"articles/s  {len(items) / best:,.0f}")
    print(f"chars/s     {chars / best:,.0f}")
    print(f"spans/s     {spans / best:,.0f}  ({spans} spans, {spans / len(items):.2f} per article)")
    shares = ", ".join(
        f"{name} {precisions[name] / spans:.0%}"
        for name in ("minute", "day", "month", "year", "none")
        if spans
    )
    print(f"precision   {shares}")


if __name__ == "__main__":
    main()
