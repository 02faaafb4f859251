"""`reader index` from nothing, stage by stage, against a plain Whoosh build, in one run.

    python bench/bench_index_stages.py [CORPUS.jsonl] [--rounds R]

Each build is a fresh process (imports included on both sides), the two sides take turns
for R rounds and the fastest of each counts. The baseline reads the corpus with reader's
loader and writes the passages with the same German analyzer on 2 writer processes. For
reader it prints the time until the index is searchable (written, before the analysis), the
whole build with the analysis, the peak memory of the parent process, a re-analysis after
an analysis upgrade (every stored analysis marked as made by another version; the word
table of the build kept) and a no-change `reader index`, each with its ratio to the
baseline build. Note the load average next to the numbers: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_sample import BERLIN
from noop_index import noop_index_seconds

STARTED = time.perf_counter()  # (a child's searchable time counts its imports, as wall does)


def child_baseline(corpus: Path, target: Path) -> dict[str, float]:
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from reader.corpus.loader import load_corpus
    from reader.search.schema import GERMAN

    articles, _ = load_corpus([corpus])
    schema = Schema(pid=ID(stored=True, unique=True), text=TEXT(analyzer=GERMAN, stored=True))
    ix = whoosh_index.create_in(target, schema)
    writer = ix.writer(procs=2, multisegment=True, limitmb=256)
    for article in articles:
        for p in article.passages:
            writer.add_document(pid=p.id, text=p.text)
    writer.commit()
    return {}


def child_reader(corpus: Path, target: Path) -> dict[str, float]:
    from reader.config import Config
    from reader.library import Library
    from reader.refresh import enrich_and_date

    library = Library(Config(corpus=[corpus], index_dir=target))
    index = library.update()  # (what refresh() does, with a time in between)
    searchable = time.perf_counter() - STARTED
    enrich_and_date(library, not index.up_to_date, index=index)
    return {"searchable": searchable}


def run_child(kind: str, corpus: Path, target: Path) -> dict[str, float]:
    """One build in a fresh process: its wall time, stages and peak RSS (MB)."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(corpus), str(target)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - started
    return data


def mark_upgraded(index: Path) -> None:
    """Make every stored analysis look as if an older analysis version had made it."""
    db = sqlite3.connect(index / "store.sqlite")
    with db:
        db.execute("UPDATE analysis SET hash = 'older' WHERE kind IN ('analysis', 'indexed')")
        db.execute("DELETE FROM meta WHERE key = 'analysis_complete'")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=BERLIN)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    print(f"corpus {corpus.name}; load average at start {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as scratch:
        tmp = str(args.keep or scratch)
        base, ours = [], []
        for n in range(args.rounds):
            base.append(run_child("baseline", corpus, Path(tmp) / f"base{n}"))
            ours.append(run_child("reader", corpus, Path(tmp) / f"reader{n}"))
        index = Path(tmp) / f"reader{args.rounds - 1}"
        mark_upgraded(index)
        again = run_child("reader", corpus, index)
        noop = noop_index_seconds(corpus, index, Path(tmp))
    floor = min(b["wall"] for b in base)
    best = min(ours, key=lambda r: r["wall"])

    def row(name: str, seconds: float) -> None:
        print(f"{name:<34} {seconds:8.2f} s   ratio {seconds / floor:5.2f}")

    row("plain Whoosh build (baseline)", floor)
    row("reader: searchable", min(r["searchable"] for r in ours))
    row("reader: whole build with analysis", best["wall"])
    row("reader: re-analysis after upgrade", again["wall"])
    print(f"{'no-change reader index':<34} {statistics.median(noop):8.3f} s (median of 3)")
    print(
        f"{'peak RSS parent (MB)':<34} reader {max(r['rss'] for r in ours):.0f}, "
        f"re-analysis {again['rss']:.0f}, baseline {max(b['rss'] for b in base):.0f}"
    )
    print(f"load average at end {os.getloadavg()}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, corpus_arg, target_arg = sys.argv[2:5]
        target = Path(target_arg)
        target.mkdir(parents=True, exist_ok=True)
        work = child_baseline if kind == "baseline" else child_reader
        result = work(Path(corpus_arg), target)
        result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
    else:
        main()
