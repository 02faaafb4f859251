"""Speed of entity recognition: tokens per second of ``EntityRecognizer().find``.

Run from the repository root::

    /work/.venv/bin/python bench/bench_entities.py
    /work/.venv/bin/python bench/bench_entities.py \
        --corpus /work/shared/corpora/frontpages-2026.jsonl --limit 5000

With ``--germeval FILE`` it instead scores the recogniser (without a model) on a GermEval 2014
file as ``bench_ner_quality.py`` does: outer PER/LOC/ORG spans, exact offsets and type,
sentences rebuilt by joining tokens with spaces::

    /work/.venv/bin/python bench/bench_entities.py \
        --germeval /work/shared/ner/germeval2014/NER-de-dev.tsv

GermEval marks names inside compounds ("NATO" in "NATO-Osterweiterung") as ``…part``
labels, not entities, while reader marks the element (see docs/entities.md): spans covering
part of a token count on neither side.

Each article is recognised as one text (headline, newline, body), as at index time. The
first call pays for loading the gazetteer and HanTa; that time is printed separately and
included in the total, and HanTa's per-word cache starts empty, as in a fresh process.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_sample import BERLIN, first_articles, headline_and_body

from reader.analysis.entities import EntityRecognizer
from reader.analysis.tokens import tokenize
from reader_dev.ner.germeval import evaluate_find, read_germeval
from reader_dev.ner.metrics import report

DEFAULT_CORPUS = str(BERLIN)


def score_germeval(path: str) -> None:
    sentences = read_germeval(path)
    t0 = time.perf_counter()
    scores = evaluate_find(EntityRecognizer().find, sentences)
    run = time.perf_counter() - t0
    print(f"{path}: {len(sentences)} sentences, {run:.1f} s, rules and gazetteer, no model")
    print(report(scores))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2000, help="number of articles")
    parser.add_argument("--germeval", metavar="FILE", help="score on a GermEval 2014 file")
    args = parser.parse_args(argv)
    if args.germeval:
        score_germeval(args.germeval)
        return 0
    texts = [headline_and_body(r) for r in first_articles(args.corpus, args.limit)]
    tokens = sum(len(tokenize(t)) for t in texts)

    recognizer = EntityRecognizer()
    t0 = time.perf_counter()
    recognizer.find("Der russische Präsident Wladimir Putin sprach mit Quarzbeck in Moskau.")
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
    print(
        f"recognition: {run:.2f} s = {tokens / run:,.0f} tokens/s "
        f"({tokens / total:,.0f} tokens/s including the load)"
    )
    print(f"spans: {dict(labels)}; by origin: {dict(origins)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
