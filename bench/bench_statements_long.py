"""Statements of one long paragraph without commas (a pasted page, a scraped list): the time
at ``--words`` words and at four times as many, in the same run, so the printed growth says
whether finding statements stays linear (about 4×) or turns quadratic (about 16×).

    python bench/bench_statements_long.py [--words 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis.pipeline import make_recognizer
from reader.analysis.statements import find_statements
from reader.corpus.model import Article
from reader.corpus.paragraphs import split_passages

# reported speech in Konjunktiv, roles and separable verbs, but no comma or full stop to
# end a clause
UNIT = (
    "Peskow sagte Russland habe kein Interesse er erklärte die Lage sei ernst "
    "der Sprecher des Kremls teilte mit "
)


def article(words: int) -> Article:
    unit = UNIT.split()
    text = "Meldung\n\n" + " ".join(unit[i % len(unit)] for i in range(words))
    return Article(id="long", title="Meldung", text=text, passages=split_passages("long", text))


def seconds(recognizer: object, words: int, repeat: int) -> tuple[float, int]:
    doc = article(words)
    entities = recognizer.find(doc.text)  # type: ignore[attr-defined]
    times, found = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = len(find_statements(doc, entities))
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    recognizer = make_recognizer([])
    small, n_small = seconds(recognizer, args.words, args.repeat)
    large, n_large = seconds(recognizer, 4 * args.words, args.repeat)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{args.words:>7} words  {small:7.3f} s  {n_small} statements")
    print(f"{4 * args.words:>7} words  {large:7.3f} s  {n_large} statements")
    print(f"growth for 4× the words: {large / small:.1f}× (linear 4×, quadratic 16×)")


if __name__ == "__main__":
    main()
