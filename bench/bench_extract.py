"""Saved news pages read per second: reader's page extraction against bare trafilatura.

    python bench/bench_extract.py [--corpus PATH] [--pages 200] [--repeat 5]

The pages are built here, in memory: the first ``--pages`` articles of a JSONL corpus (the
Berlin police reports by default), each wrapped in the boilerplate of a German news page
(navigation, cookie banner, share buttons, comments, related teasers; the tests' page). The
floor is ``trafilatura.bare_extraction`` with the options reader uses; reader's
``extract_page`` adds the publication date (htmldate), the outlet table and the paragraphs.
Both run once untimed (imports, caches), then alternate ``--repeat`` times over all pages.
Prints pages per second (medians), the ratio and the load average.
"""

from __future__ import annotations

import argparse
import html
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus_sample import BERLIN, first_articles

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.corpus.html_page import extract_page
from tests.web_server import news_page


def pages(corpus: Path, count: int) -> list[str]:
    """``count`` news pages around the corpus's articles, one per article."""
    records = first_articles(corpus, count, with_text=True)
    return [
        news_page(
            title=html.escape(record.get("title") or "Polizeimeldung"),
            paragraphs=[html.escape(p) for p in record["text"].split("\n") if p.strip()],
            canonical=f"https://www.berlin.de/polizei/meldung-{n}.html",
        )
        for n, record in enumerate(records)
    ]


def bare(page: str) -> object:
    import trafilatura

    return trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )


def reader_extract(page: str) -> object:
    return extract_page(page, "page.html")


def seconds(extract: Callable[[str], object], batch: list[str]) -> float:
    started = time.perf_counter()
    for page in batch:
        extract(page)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BERLIN)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench_extract: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    batch = pages(args.corpus, args.pages)
    for extract in (bare, reader_extract):  # warm: imports, compiled patterns
        extract(batch[0])
    times: dict[str, list[float]] = {"trafilatura": [], "reader": []}
    for _ in range(args.repeat):
        times["trafilatura"].append(seconds(bare, batch))
        times["reader"].append(seconds(reader_extract, batch))
    rate = {name: len(batch) / statistics.median(t) for name, t in times.items()}
    print(f"{len(batch)} pages of {args.corpus.name}, {args.repeat} alternating rounds")
    print(f"  trafilatura.bare_extraction  {rate['trafilatura']:7.1f} pages/s")
    print(f"  reader extract_page          {rate['reader']:7.1f} pages/s")
    print(f"  ratio (time, reader / floor) {rate['trafilatura'] / rate['reader']:7.2f}x")
    print(f"  load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
