"""GermEval 2014 (Benikova, Biemann, Reznicek, LREC 2014; CC BY 4.0) as training and test
data for the NER model: reading the files, their tags as model labels, sentences aligned with
the run-time tokenizer, the word memory the model is trained with, and exact-span scores.

Training and evaluation only (``tools/train_ner.py``, tests, benchmarks): none of it runs in
the reader, and none of it is an input of the stored analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.analysis.crf_features import ENTITY_TYPES
from reader.analysis.crf_model import ModelRecognizer
from reader.analysis.spans import Span
from reader.analysis.tokens import Token, tokenize
from reader_dev.ner.metrics import Mention, Score, score


def label_memory(
    labelled: Iterable[tuple[Sequence[str], Sequence[str]]], min_share: float = 0.2
) -> dict[str, str]:
    """word → the entity class it mostly had in ``(words, labels)`` sentences, with how
    often: "PER+" (80 % of its occurrences or more), "PER~" (50 %+), "PER-" (20 %+).
    Words that were an entity less often than ``min_share`` are left out."""
    counts: dict[str, Counter[str]] = {}
    for words, labels in labelled:
        for word, label in zip(words, labels, strict=True):
            counts.setdefault(word, Counter())[label[2:] if label != "O" else "O"] += 1
    memory: dict[str, str] = {}
    for word, c in counts.items():
        total = sum(c.values())
        named = total - c["O"]
        if not named or named / total < min_share:
            continue
        kind, k = max(((t, v) for t, v in c.items() if t != "O"), key=lambda tv: (tv[1], tv[0]))
        share = k / total
        memory[word] = kind + ("+" if share >= 0.8 else "~" if share >= 0.5 else "-")
    return memory


def model_label(tag: str) -> str:
    """GermEval outer tag → model label: PER/LOC/ORG and their ``…part`` classes stay,
    ``…deriv`` and everything OTH become ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    base = kind[:-4] if kind.endswith("part") else kind
    if base not in ENTITY_TYPES or kind.endswith("deriv"):
        return "O"
    return f"{prefix}-{kind}"


def to_bioes(labels: Sequence[str]) -> list[str]:
    """BIO labels → BIOES: a one-token name is ``S-``, the last token of a longer one ``E-``."""
    out = list(labels)
    n = len(out)
    for i, label in enumerate(out):
        if label == "O":
            continue
        last = i + 1 == n or labels[i + 1] != "I-" + label[2:]
        if label[0] == "B" and last:
            out[i] = "S-" + label[2:]
        elif label[0] == "I" and last:
            out[i] = "E-" + label[2:]
    return out


def read_germeval(path: str | Path) -> list[list[tuple[str, str]]]:
    """Sentences of a GermEval 2014 file as ``[(token, outer tag), ...]``.

    Comment lines (``#`` + tab + source) are skipped; a malformed line raises ``ValueError``
    naming the file and line.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            cols = line.split("\t")
            if cols[0] == "#":
                continue
            if len(cols) < 3 or not cols[0].isdigit():
                raise ValueError(
                    f"{path}:{lineno}: expected 'index<TAB>token<TAB>tag[<TAB>inner]', "
                    f"got {line[:60]!r}"
                )
            current.append((cols[1], cols[2]))
    if current:
        sentences.append(current)
    return sentences


def align(
    sentence: Sequence[tuple[str, str]],
) -> tuple[str, list[Token], list[str], list[tuple[int, int, str]]]:
    """A GermEval sentence in run-time terms.

    Returns the sentence text (tokens joined by spaces), its tokens as ``tokenize`` cuts them
    (GermEval keeps "z.B." or "1." whole, ``tokenize`` does not), one model label per token
    (a GermEval token cut in pieces gives its tag to the first piece and ``I-`` to the rest),
    and the gold outer PER/LOC/ORG spans as character offsets into the text.
    """
    text_parts: list[str] = []
    tokens: list[Token] = []
    labels: list[str] = []
    gold: list[tuple[int, int, str]] = []
    pos = 0
    open_span: list | None = None
    for word, tag in sentence:
        start = pos
        end = start + len(word)
        text_parts.append(word)
        pos = end + 1
        label = model_label(tag)
        for k, tok in enumerate(tokenize(word)):
            tokens.append(Token(tok.text, start + tok.start, start + tok.end))
            labels.append(label if k == 0 or label == "O" else "I-" + label[2:])
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if kind in ENTITY_TYPES:
            if tag[0] == "I" and open_span is not None and open_span[2] == kind:
                open_span[1] = end
                continue
            if open_span is not None:
                gold.append(tuple(open_span))
            open_span = [start, end, kind]
        elif open_span is not None:
            gold.append(tuple(open_span))
            open_span = None
    if open_span is not None:
        gold.append(tuple(open_span))
    return " ".join(text_parts), tokens, labels, gold


def evaluate(
    recognizer: ModelRecognizer, gold_sentences: Sequence[Sequence[tuple[str, str]]]
) -> dict[str, Score]:
    """Exact-span scores of the model's outer PER/LOC/ORG on GermEval sentences
    (``read_germeval``); see :func:`evaluate_find`."""
    return evaluate_find(lambda text: recognizer.find(text, parts=False), gold_sentences)


def evaluate_find(
    find: Callable[[str], list[Span]], gold_sentences: Sequence[Sequence[tuple[str, str]]]
) -> dict[str, Score]:
    """Exact-span scores of outer PER/LOC/ORG of any recogniser's ``find`` on GermEval
    sentences (``read_germeval``).

    Each sentence is rebuilt as text (tokens joined by spaces) and run through ``find``;
    names inside compounds (``…part`` labels) and derived adjectives count on neither side,
    as in GermEval's outer scheme.
    """
    gold, predicted = outer_mentions(find, gold_sentences)
    return score(gold, predicted)


def outer_mentions(
    find: Callable[[str], list[Span]], gold_sentences: Sequence[Sequence[tuple[str, str]]]
) -> tuple[list[Mention], list[Mention]]:
    """Gold and predicted outer PER/LOC/ORG mentions ``(sentence, start, end, type)``."""
    gold: list[Mention] = []
    predicted: list[Mention] = []
    for key, sentence in enumerate(gold_sentences):
        text, _tokens, _labels, spans = align(sentence)
        gold.extend((key, s, e, kind) for s, e, kind in spans)
        predicted.extend(
            (key, sp.start, sp.end, sp.label) for sp in find(text) if sp.label in ENTITY_TYPES
        )
    return gold, predicted


def wrong_compound_parts(
    find: Callable[[str], list[Span]], gold_sentences: Sequence[Sequence[tuple[str, str]]]
) -> tuple[int, int]:
    """``(wrong, parts)``: how many outer names ``find`` gives that the gold does not have,
    and how many of those cover only part of a token (a name inside a compound reported as
    a name, which GermEval labels ``…part``)."""
    gold, predicted = outer_mentions(find, gold_sentences)
    edges: dict[int, tuple[set[int], set[int]]] = {}
    for key, sentence in enumerate(gold_sentences):
        _text, tokens, _labels, _spans = align(sentence)
        edges[key] = ({t.start for t in tokens}, {t.end for t in tokens})
    wanted = set(gold)
    wrong = [m for m in predicted if m not in wanted]
    parts = sum(1 for k, s, e, _ in wrong if s not in edges[k][0] or e not in edges[k][1])
    return len(wrong), parts
