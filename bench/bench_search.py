"""`reader search` as a whole process against a plain Whoosh process doing the same search.

    python bench/bench_search.py [--corpus PATH] [--config FILE] [--query Raub] [--repeat 9]

What a user waits for when a script calls ``reader search QUERY --limit 10 --json``: the
interpreter, the imports, the up-to-date check, opening the searcher, the search with its
highlights and the JSON. The floor is a fresh
Python process that imports Whoosh, opens a plain index of the same passages (same German
analyzer; built once in a temporary folder), searches with the same limit, takes Whoosh's
highlights and prints JSON.

Both use compiled bytecode, as an installed reader does (a throw-away
``PYTHONPYCACHEPREFIX``). The reader index of the corpus is brought up to date first
(``reader --corpus PATH index``, the user's normal cache folder); both commands run once
untimed, then alternate, so both see the same load. Prints the medians of wall and CPU time
(the child's user+sys), their ratios and the load average. With ``--config FILE`` reader
runs with that config (an index that exists already, e.g. a copy of the Berlin one: it is
brought up to date, never rebuilt unless stale) instead of the corpus's default index.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_index import baseline_build
from corpus_sample import BERLIN

PLAIN = """
import json, sys
from whoosh import index
from whoosh.qparser import QueryParser
ix = index.open_dir(sys.argv[1])
with ix.searcher() as searcher:
    query = QueryParser("text", ix.schema).parse(sys.argv[2])
    results = searcher.search(query, limit=10)
    hits = [{"pid": h["pid"], "highlights": h.highlights("text")} for h in results]
    print(json.dumps({"total": len(results), "hits": hits}, ensure_ascii=False))
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + sys of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BERLIN)
    parser.add_argument("--query", default="Raub")
    parser.add_argument("--repeat", type=int, default=9, help="runs per variant (median)")
    parser.add_argument("--config", type=Path, help="reader's config (its corpus and index)")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not corpus.exists():
        print(f"{corpus}: missing (give --corpus)")
        return 1
    env = dict(os.environ)
    env.pop("READER_CONFIG", None)
    # as installed: reader's modules compiled once (pip writes .pyc), not on every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    where = ["--config", str(args.config)] if args.config else ["--corpus", str(corpus)]
    reader = [python, "-m", "reader", *where]
    subprocess.run([*reader, "index"], env=env, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        print(f"building the plain Whoosh index of {corpus.name} ...", flush=True)
        baseline_build(corpus, Path(tmp))
        variants = {
            "plain whoosh": [python, "-c", PLAIN, tmp, args.query],
            "reader search": [*reader, "search", args.query, "--limit", "10", "--json"],
        }
        for command in variants.values():  # warm the page cache and bytecode
            timed(command, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for _ in range(args.repeat):
            for name, command in variants.items():
                runs[name].append(timed(command, env))
    load = os.getloadavg()[0]
    print(
        f"{corpus.name}, query {args.query!r}, {args.repeat} alternating runs each, "
        f"medians, load average {load:.1f}"
    )
    medians = {
        name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
        for name, r in runs.items()
    }
    base_wall, base_cpu = medians["plain whoosh"]
    for name, (wall, cpu) in medians.items():
        print(
            f"{name:<14} wall {wall * 1000:6.0f} ms ({wall / base_wall:4.2f}x)   "
            f"cpu {cpu * 1000:6.0f} ms ({cpu / base_cpu:4.2f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
