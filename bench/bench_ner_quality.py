"""Entity recognition quality and speed: rules only, model only, and the combined recogniser
that reader ships, on GermEval 2014 dev, on the annotated seeds and on the held-out sample.

    python bench/bench_ner_quality.py [--dev PATH] [--sentences N] [--speed-articles N]

All three sets are scored as GermEval's outer scheme: exact span and type, outer
PER/LOC/ORG; names inside compounds (``…part`` labels; in the seeds and the held-out
sample, gold names covering part of a token) and derived adjectives count on neither side.
For the shipped recogniser it also says how many of its wrong names are names inside a
compound reported as names (spans covering part of a token with an outer label).
Speed: tokens per second of ``find`` over the first articles of the Berlin corpus.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from corpus_sample import BERLIN, first_articles

from reader.analysis.spans import Span
from reader.analysis.tokens import tokenize
from reader_dev.ner import germeval, gold
from reader_dev.ner.germeval import evaluate_find, read_germeval
from reader_dev.ner.gold import evaluate, load_seed_gold, load_unseen_gold

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "ner" / "germeval2014" / "NER-de-dev.tsv"
Find = Callable[[str], list[Span]]


def speed(find: Find, articles: int) -> tuple[float, float]:
    """Tokens per second of ``find`` over the first Berlin articles: by the wall clock and
    by the process's CPU time (the second does not move with other work on the machine)."""
    texts = [r["text"] for r in first_articles(BERLIN, articles, with_text=True)]
    tokens = sum(len(tokenize(t)) for t in texts)
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        find(text)
    return tokens / (time.perf_counter() - wall), tokens / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--sentences", type=int, default=0, help="first N dev sentences (0: all)")
    parser.add_argument("--speed-articles", type=int, default=2000)
    args = parser.parse_args()

    from reader.analysis.crf_model import ModelRecognizer, read_model_bytes
    from reader.analysis.entities import EntityRecognizer
    from reader.analysis.pipeline import make_recognizer

    started = time.perf_counter()
    model = ModelRecognizer()
    model.load()
    load_seconds = time.perf_counter() - started
    size = len(read_model_bytes())
    # The shipped recogniser first, so its speed is measured with HanTa's cache cold.
    recognizers: dict[str, Find] = {
        "combined": make_recognizer().find,
        "model": model.find,
        "rules": EntityRecognizer().find,
    }
    sentences = read_germeval(args.dev)
    if args.sentences:
        sentences = sentences[: args.sentences]
    seeds, unseen = load_seed_gold(REPO), load_unseen_gold(REPO)
    print(f"model: {size / 2**20:.1f} MiB, loads in {load_seconds:.2f} s")
    # Speed first, on cold per-word caches, as a fresh indexing process would see it.
    for name, find in recognizers.items():
        wall, cpu = speed(find, args.speed_articles)
        print(
            f"{name:<9} {wall:,.0f} tokens/s wall clock, {cpu:,.0f} by CPU time "
            f"(first {args.speed_articles} Berlin articles)"
        )
    print(
        f"{'':<9} {'set':<8} {'PER':>6} {'LOC':>6} {'ORG':>6} {'ALL P':>6} {'ALL R':>6} "
        f"{'ALL F1':>6}"
    )
    for name, find in recognizers.items():
        for label, scores in (
            ("dev", evaluate_find(find, sentences)),
            ("seeds", evaluate(seeds, find)),
            ("unseen", evaluate(unseen, find)),
        ):
            a = scores["ALL"]
            per = " ".join(
                f"{scores[t].f1:6.3f}" if t in scores else "     -" for t in ("PER", "LOC", "ORG")
            )
            print(f"{name:<9} {label:<8} {per} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}")
    shipped = recognizers["combined"]
    for label, (wrong, parts) in (
        ("dev", germeval.wrong_compound_parts(shipped, sentences)),
        ("seeds", gold.wrong_compound_parts(seeds, shipped)),
        ("unseen", gold.wrong_compound_parts(unseen, shipped)),
    ):
        print(f"combined  {label:<8} of {wrong} wrong names, {parts} are compound parts")


if __name__ == "__main__":
    main()
