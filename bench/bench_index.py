"""Index build and search speed of reader against a plain Whoosh baseline, in one run.

    python bench/bench_index.py [CORPUS.jsonl] [--repeat N] [--rounds R]

Default corpus: ../shared/corpora/berlin-police-reports.jsonl (13.4k articles). Both sides
index the same passages with the same German analyzer on 2 writer processes; the baseline
has a minimal schema (passage id + stored text) and shows hits with Whoosh's own
highlighter. Builds alternate (baseline, reader) for R rounds and the fastest of each counts,
so a burst of other load on the machine does not land on one side only.

Prints ingest+index time, index size, query latency p50/p95, each with the ratio
reader/baseline; then the time the index-time analysis adds (dates and entities on both
cores, entity field rewrite) and the time of a no-change `reader index` (a fresh process,
after the analysis is complete).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from corpus_sample import BERLIN
from noop_index import noop_index_seconds
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import FuzzyTermPlugin, QueryParser

from reader.config import Config
from reader.corpus.loader import load_corpus
from reader.library import Library
from reader.refresh import enrich
from reader.search.schema import GERMAN

QUERIES = [
    "Polizei",
    "Festnahme",
    "Zeugen",
    "Raub AND Neukölln",
    '"in der Nacht"',
    "Brand*",
    "Einbruch OR Diebstahl",
    "Messer NOT Tod",
    "Verkehrsunfall",
    "Radfahrer~",
    "Präsident",
    '"Zeugen gesucht"',
    "Spandau",
    "Drogen AND Festnahme",
    "Fahrzeug",
    "Körperverletzung",
    "Wohnung*",
    "Polizeibeamte",
    "Feuerwehr AND Brand",
    "Mordkommission",
]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def baseline_build(corpus: Path, target: Path) -> float:
    started = time.perf_counter()
    articles, _ = load_corpus([corpus])
    schema = Schema(pid=ID(stored=True, unique=True), text=TEXT(analyzer=GERMAN, stored=True))
    ix = whoosh_index.create_in(target, schema)
    writer = ix.writer(procs=2, multisegment=True, limitmb=256)
    for article in articles:
        for p in article.passages:
            writer.add_document(pid=p.id, text=p.text)
    writer.commit()
    return time.perf_counter() - started


def baseline_queries(target: Path, repeat: int) -> list[float]:
    ix = whoosh_index.open_dir(target)
    parser = QueryParser("text", ix.schema)
    parser.add_plugin(FuzzyTermPlugin())
    times = []
    with ix.searcher() as searcher:
        for _ in range(repeat):
            for q in QUERIES:
                started = time.perf_counter()
                results = searcher.search(parser.parse(q), limit=20)
                _ = len(results)
                for hit in results:
                    hit.highlights("text")
                times.append(time.perf_counter() - started)
    return times


def reader_build(corpus: Path, target: Path) -> tuple[float, Library]:
    library = Library(Config(corpus=[corpus], index_dir=target))
    started = time.perf_counter()
    library.update()
    return time.perf_counter() - started, library


def reader_queries(library: Library, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            started = time.perf_counter()
            library.search(q, limit=20)
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=BERLIN)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base_builds, our_builds = [], []
        for n in range(args.rounds):
            base_dir, ours_dir = Path(tmp) / f"baseline{n}", Path(tmp) / f"reader{n}"
            base_dir.mkdir()
            base_builds.append(baseline_build(args.corpus, base_dir))
            seconds, library = reader_build(args.corpus, ours_dir)
            our_builds.append(seconds)
            if n + 1 < args.rounds:
                library.close()
        base_build, our_build = min(base_builds), min(our_builds)
        passages = sum(s.passages for s in library.summaries())
        base_q = baseline_queries(base_dir, args.repeat)
        our_q = reader_queries(library, args.repeat)
        base_size, our_size = dir_size(base_dir), dir_size(ours_dir)
        enriched = enrich(library)
        library.close()
        analysed_size = dir_size(ours_dir)
        noop = noop_index_seconds(args.corpus, ours_dir, Path(tmp))

    def row(name: str, ours: float, base: float, unit: str) -> None:
        print(
            f"{name:<28} reader {ours:10.3f} {unit:<3} baseline {base:10.3f} {unit:<3}"
            f" ratio {ours / base:5.2f}"
        )

    print(
        f"corpus: {args.corpus.name}, {passages} passages, {len(QUERIES)} queries x "
        f"{args.repeat}, builds: best of {args.rounds}"
    )
    row("ingest + index", our_build, base_build, "s")
    row("index size (+ article store)", our_size / 2**20, base_size / 2**20, "MiB")
    row("query p50", percentile(our_q, 0.5) * 1000, percentile(base_q, 0.5) * 1000, "ms")
    row("query p95", percentile(our_q, 0.95) * 1000, percentile(base_q, 0.95) * 1000, "ms")
    print(
        f"{'analysis (dates, entities)':<28} {enriched.seconds:.1f} s for {enriched.analysed}"
        f" articles ({enriched.analysed / max(enriched.seconds, 1e-9):.0f} articles/s); "
        f"index + store with analysis {analysed_size / 2**20:.1f} MiB"
    )
    print(
        f"{'no-change reader index':<28} {statistics.median(noop):.3f} s (median of 3, "
        "whole process)"
    )


if __name__ == "__main__":
    main()
