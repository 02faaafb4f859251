"""Speed of entity recognition: tokens per second of ``EntityRecognizer().find``.

Run from the repository root::

    /work/.venv/bin/python bench/bench_entities.py
    /work/.venv/bin/python bench/bench_entities.py \
        --corpus /work/shared/corpora/frontpages-2026.jsonl --limit 5000

With ``--germeval FILE`` it instead scores the recogniser (without a model) on a GermEval 2014
file: outer PER/LOC/ORG spans, exact offsets and type, sentences rebuilt by joining tokens
with spaces::

    /work/.venv/bin/python bench/bench_entities.py \
        --germeval /work/shared/ner/germeval2014/NER-de-dev.tsv

Note that GermEval marks names inside compounds ("NATO" in "NATO-Osterweiterung") as
``…part`` labels, not entities, while reader marks the element (see docs/entities.md), so
every such element counts as a false positive here.

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


def germeval_sentences(path: str) -> list[list[tuple[str, str]]]:
    """(token, outer tag) lists of a GermEval 2014 TSV file."""
    out: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if sent:
                    out.append(sent)
                sent = []
                continue
            sent.append((cols[1], cols[2]))
    if sent:
        out.append(sent)
    return out


def score_germeval(path: str) -> None:
    recognizer = EntityRecognizer()
    counts = {label: Counter() for label in ("PER", "LOC", "ORG")}
    sentences = germeval_sentences(path)
    t0 = time.perf_counter()
    for sent in sentences:
        text, offsets = "", []
        for word, _ in sent:
            text += " " if text else ""
            offsets.append((len(text), len(text) + len(word)))
            text += word
        gold: set[tuple[int, int, str]] = set()
        current: list | None = None
        for (_, tag), (start, end) in zip(sent, offsets, strict=True):
            if tag[2:] in counts and tag.startswith("B-"):
                if current:
                    gold.add(tuple(current))
                current = [start, end, tag[2:]]
            elif current and tag == "I-" + current[2]:
                current[1] = end
            elif current:
                gold.add(tuple(current))
                current = None
        if current:
            gold.add(tuple(current))
        pred = {(s.start, s.end, s.label) for s in recognizer.find(text)}
        for item in pred & gold:
            counts[item[2]]["tp"] += 1
        for item in pred - gold:
            counts[item[2]]["fp"] += 1
        for item in gold - pred:
            counts[item[2]]["fn"] += 1
    run = time.perf_counter() - t0

    def prf(c: Counter) -> str:
        p = c["tp"] / ((c["tp"] + c["fp"]) or 1)
        r = c["tp"] / ((c["tp"] + c["fn"]) or 1)
        f = 2 * p * r / ((p + r) or 1)
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"

    print(f"{path}: {len(sentences)} sentences, {run:.1f} s, rules and gazetteer, no model")
    for label, c in counts.items():
        print(f"  {label}: {prf(c)}")
    print(f"  all: {prf(sum(counts.values(), Counter()))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2000, help="number of articles")
    parser.add_argument("--germeval", metavar="FILE", help="score on a GermEval 2014 file")
    args = parser.parse_args(argv)
    if args.germeval:
        score_germeval(args.germeval)
        return 0
    texts = load(args.corpus, args.limit)
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
    print(f"recognition: {run:.2f} s = {tokens / run:,.0f} tokens/s "
          f"({tokens / total:,.0f} tokens/s including the load)")
    print(f"spans: {dict(labels)}; by origin: {dict(origins)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
