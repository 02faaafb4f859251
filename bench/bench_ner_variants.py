"""Variants of the combined recogniser on GermEval 2014 dev (precision, recall, F1, outer
PER/LOC/ORG, exact span and type), for choosing what ships (issue 17: recall on names no list
knows). Only train and dev are used to choose; the seeds and the held-out sample are printed
for the chosen variants, never used to choose.

    python bench/bench_ner_variants.py [--thresholds PER=0.3,LOC=0.3,ORG=0.3 ...] [--held-out]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reader.analysis.crf_model import ModelRecognizer
from reader.analysis.entities import EntityRecognizer
from reader_dev.ner.germeval import evaluate_find, read_germeval
from reader_dev.ner.gold import evaluate, load_seed_gold, load_unseen_gold

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "ner" / "germeval2014" / "NER-de-dev.tsv"


def parse(spec: str) -> dict[str, float]:
    if spec in ("", "none"):
        return {}
    return {k: float(v) for k, v in (item.split("=") for item in spec.split(","))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", nargs="*", default=["none"])
    parser.add_argument("--held-out", action="store_true", help="also the seeds and held-out")
    parser.add_argument(
        "--consistent", nargs="*", default=["on"], help="on/off: document-level consistency"
    )
    args = parser.parse_args()
    sentences = read_germeval(DEV)
    sets = [("dev", lambda f: evaluate_find(f, sentences))]
    if args.held_out:
        seeds, unseen = load_seed_gold(REPO), load_unseen_gold(REPO)
        sets += [("seeds", lambda f: evaluate(seeds, f)), ("unseen", lambda f: evaluate(unseen, f))]
    print(f"{'variant':<34} {'set':<7} {'P':>6} {'R':>6} {'F1':>6}  seconds")
    for spec in args.thresholds:
        for consistent in args.consistent:
            model = ModelRecognizer(thresholds=parse(spec))
            recognizer = EntityRecognizer(model=model)
            recognizer.consistent = consistent == "on"
            label = f"{spec} consistent={consistent}"
            for name, run in sets:
                t0 = time.perf_counter()
                a = run(recognizer.find)["ALL"]
                took = time.perf_counter() - t0
                print(
                    f"{label:<34} {name:<7} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}  "
                    f"{took:.1f}"
                )


if __name__ == "__main__":
    main()
