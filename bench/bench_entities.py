"""Speed of entity recognition: tokens per second of ``EntityRecognizer().find``.

Run from the repository root::

    /work/.venv/bin/python bench/bench_entities.py
    /work/.venv/bin/python bench/bench_entities.py \
        --corpus /work/shared/corpora/frontpages-2026.jsonl --limit 5000

Each article is recognised as one text (headline, newline, body), as at index time. The
first call pays for loading the gazetteer and HanTa; that time is printed separately and
included in the total, and HanTa's per-word cache starts empty, as in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis.entities import EntityRecognizer
from reader.analysis.tokens import tokenize

DEFAULT_CORPUS = "/work/shared/corpora/berlin-police-reports.jsonl"


def load(path: str, limit: int) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= limit:
                break
            item = json.loads(line)
            texts.append(f"{item.get('title', '')}\n{item.get('text', '')}")
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2000, help="number of articles")
    args = parser.parse_args(argv)
    texts = load(args.corpus, args.limit)
    tokens = sum(len(tokenize(t)) for t in texts)

    recognizer = EntityRecognizer()
    t0 = time.perf_counter()
    recognizer.find("Der russische Präsident Wladimir Putin sprach in Moskau.")
    load_time = time.perf_counter() - t0

    labels: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    t1 = time.perf_counter()
    for text in texts:
        for span in recognizer.find(text):
            labels[span.label] += 1
            origins[span.origin] += 1
    run = time.perf_counter() - t1
    total = load_time + run
    print(f"corpus: {args.corpus} ({len(texts)} articles, {tokens} tokens)")
    print(f"load (gazetteer + HanTa): {load_time:.2f} s")
    print(f"recognition: {run:.2f} s = {tokens / run:,.0f} tokens/s "
          f"({tokens / total:,.0f} tokens/s including the load)")
    print(f"spans: {dict(labels)}; by origin: {dict(origins)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
