"""How fast related passages and the timeline are.

    /work/.venv/bin/python bench/bench_links.py                       # the seeds
    /work/.venv/bin/python bench/bench_links.py --config /tmp/links/berlin.yaml \
        --config /tmp/links/front.yaml --sample 60

Each ``--config`` names a config whose index is already built and analysed (``reader
--config FILE index``; the first build of a large corpus takes minutes). For each corpus it
prints:

* ``related`` latency over a fixed sample of passages (seeded, so runs compare): *cold* (a
  new finder, nothing cached in memory or in the store: candidates, features and scores are
  computed), *memory* (the same passages again) and *store* (a new finder reading the
  results the cold run stored, as a new session would);
* the timeline: a full build, and loading the cached timeline from the store (a new
  session with an unchanged index).

It prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from reader.analysis.related import RelatedFinder
from reader.analysis.timeline import build_timeline, timeline
from reader.config import load_config
from reader.library import Library


class ColdFinder(RelatedFinder):
    """A finder that neither reads nor writes the store cache."""

    def _load_stored(self, pid: str):  # type: ignore[override]
        return None

    def _save_stored(self, pid: str, results) -> None:  # type: ignore[override]
        return None


def sample_passages(library: Library, n: int, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    summaries = library.summaries()
    picks = rng.sample(summaries, min(n, len(summaries)))
    return [f"{s.id}#p{rng.randrange(s.passages)}" for s in picks if s.passages]


def timed(fn: Callable[[str], object], items: list[str]) -> list[float]:
    out = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - started) * 1000)
    return out


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (
        f"p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms  "
        f"max {ms[-1]:7.1f} ms  (n={len(ms)})"
    )


def bench(config_path: str | None, n: int) -> None:
    config = load_config(config_path)
    library = Library(config)
    library.update()
    name = ", ".join(p.name for p in config.corpus)
    passages = sum(s.passages for s in library.summaries())
    print(f"\n== {name}: {library.store.count()} articles, {passages} passages")
    pids = sample_passages(library, n)

    cold = ColdFinder(library)
    first = timed(lambda pid: cold.find(pid, 10), pids[:1])
    cold_ms = first + timed(lambda pid: cold.find(pid, 10), pids[1:])
    found = [len(cold.find(pid, 10)) for pid in pids]
    print(
        f"related cold    {summary(cold_ms)}  (first call {first[0]:.0f} ms: loads the vocabulary)"
    )
    print(f"related memory  {summary(timed(lambda pid: cold.find(pid, 10), pids))}")
    warm = RelatedFinder(library)
    for pid in pids:  # store the results, as a session does
        warm.find(pid, 10)
    fresh = RelatedFinder(library)
    print(f"related store   {summary(timed(lambda pid: fresh.find(pid, 10), pids))}")
    with_links = sum(1 for k in found if k)
    print(
        f"passages with related passages: {with_links}/{len(pids)}, "
        f"mean {statistics.mean(found):.1f} each"
    )

    started = time.perf_counter()
    tl = build_timeline(library)
    build_s = time.perf_counter() - started
    multi = sum(1 for e in tl.events if len(e.sources) > 1)
    print(
        f"timeline build  {build_s:7.2f} s  ({len(tl.events)} events, {multi} from 2+ "
        f"sources, {len(tl.inferred_dates)} undated articles dated)"
    )
    timeline(library)  # stores it
    again = Library(config)
    started = time.perf_counter()
    timeline(again)
    print(
        f"timeline cached {time.perf_counter() - started:7.2f} s  (a new session: version "
        "check and load from the store)"
    )
    again.close()
    library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", action="append", help="config file (repeatable)")
    parser.add_argument("--sample", type=int, default=40, help="passages per corpus")
    args = parser.parse_args()
    for path in args.config or [None]:
        bench(path, args.sample)


if __name__ == "__main__":
    main()
