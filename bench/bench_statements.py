"""What finding statements costs, and how fast `reader coverage` answers.

    .venv/bin/python bench/bench_statements.py analysis [--limit 2000] [--corpus FILE]
    .venv/bin/python bench/bench_statements.py coverage --config FILE [--repeat 3]

``analysis``: the first ``--limit`` articles of a JSONL corpus (the Berlin police reports by
default) go through the analysis as `reader index` runs it, in one process: dates and
entities alone (the baseline), then statements on top of the same entities. Prints seconds
and the share statements add (the issue's budget: 25%), a ratio of two timings of one
process on the same articles, so the machine's load weighs on both alike (the load average
is printed beside it). HanTa's lemma cache starts cold, as in a new worker.

``coverage``: the config's index must be built and analysed (`reader --config FILE index`).
Times whole `reader coverage --json` processes, the first of which may build the table and
the rest read it cached, against `reader --version`, the fixed cost of starting a command,
in the same run. Prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus_sample import BERLIN


def bench_analysis(corpus: Path, limit: int) -> None:
    from reader.analysis.dates import find_dates, infer_article_date
    from reader.analysis.pipeline import make_recognizer
    from reader.analysis.statements import find_statements
    from reader.corpus.loader import load_file

    articles = load_file(corpus).articles[:limit]
    recognizer = make_recognizer()
    started = time.perf_counter()
    found = []
    for article in articles:
        date = article.date or infer_article_date(article.text)
        find_dates(article.text, date)
        found.append(recognizer.find(article.text))
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    statements = sum(len(find_statements(a, e)) for a, e in zip(articles, found, strict=True))
    added = time.perf_counter() - started
    print(f"{len(articles):,} articles of {corpus.name}: {statements:,} statements")
    print(f"  dates + entities   {baseline:8.2f} s")
    print(f"  statements         {added:8.2f} s   (+{added / baseline:.0%} of the analysis)")
    print(f"  load average       {_load()}")


def _load() -> str:
    """The machine's load (1, 5, 15 min), to read a timing on a shared machine by."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_coverage(config: str, repeat: int) -> None:
    reader = [sys.executable, "-m", "reader", "--config", config]
    first = _run([*reader, "coverage", "--json"])
    cached, fixed = [], []
    for _ in range(repeat):  # alternating, so both see the same machine
        cached.append(_run([*reader, "coverage", "--json"]))
        fixed.append(_run([*reader, "--version"]))
    c, f = statistics.median(cached), statistics.median(fixed)
    print(f"reader coverage --json ({config})")
    print(f"  first run          {first:8.2f} s")
    print(f"  cached (median)    {c:8.2f} s   ({c / f:.1f}× `reader --version`, {f:.2f} s)")
    print(f"  load average       {_load()}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("analysis")
    p.add_argument("--corpus", type=Path, default=BERLIN)
    p.add_argument("--limit", type=int, default=2000)
    p = sub.add_parser("coverage")
    p.add_argument("--config", required=True)
    p.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.what == "analysis":
        bench_analysis(args.corpus, args.limit)
    else:
        bench_coverage(args.config, args.repeat)


if __name__ == "__main__":
    main()
