"""Speed of the trained NER model: tokens per second of ``ModelRecognizer.find``.

Runs over the first N articles (headline + text, one ``find`` per article) of a JSONL corpus
and prints the model's size, its load time, and tokens/s starting cold (empty per-word
caches, HanTa asked about every new capitalised word, as in a fresh indexing run) and warm
(second pass over the same articles):

    /work/.venv/bin/python bench/bench_ner_speed.py
    /work/.venv/bin/python bench/bench_ner_speed.py --corpus FILE --limit 2000 --model PATH
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_sample import BERLIN, first_articles, headline_and_body  # noqa: E402

from reader.analysis.crf_model import (  # noqa: E402
    FEATURES_RESOURCE,
    MODEL_RESOURCE,
    ModelRecognizer,
    features_path,
    read_model_bytes,
)
from reader.analysis.tokens import tokenize  # noqa: E402

CORPUS = BERLIN


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--model", type=Path, default=None, help="default: packaged model")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"corpus not found: {args.corpus}")

    texts = [headline_and_body(r) for r in first_articles(args.corpus, args.limit)]
    n_tokens = sum(len(tokenize(t)) for t in texts)
    if args.model:
        size = args.model.stat().st_size + features_path(args.model).stat().st_size
    else:
        size = len(read_model_bytes()) + len(read_model_bytes(FEATURES_RESOURCE))
    print(f"model {args.model or MODEL_RESOURCE} with its feature file: {size / 1e6:.1f} MB")

    t0 = time.perf_counter()
    recognizer = ModelRecognizer(args.model)
    recognizer.load()
    t1 = time.perf_counter()
    recognizer.find("Angela Merkel")
    t2 = time.perf_counter()
    print(
        f"load time: {t1 - t0:.3f} s (pycrfsuite, model, feature file, gazetteer) "
        f"+ {t2 - t1:.3f} s on the first find (HanTa) = {t2 - t0:.3f} s"
    )

    for label in ("cold", "warm"):
        t0 = time.perf_counter()
        spans = sum(len(recognizer.find(t)) for t in texts)
        elapsed = time.perf_counter() - t0
        print(
            f"{label}: {len(texts)} articles, {n_tokens} tokens, {spans} spans in "
            f"{elapsed:.2f} s = {n_tokens / elapsed:,.0f} tokens/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
