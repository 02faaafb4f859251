"""The trained German NER model (a CRF over ``crf_features``) as a span recogniser.

The model ships inside the package as two files written by ``tools/train_ner.py`` from
GermEval 2014 (Benikova, Biemann, Reznicek, LREC 2014; CC BY 4.0): ``reader/data/
ner-de.crfsuite`` (the CRF) and ``reader/data/ner-de.features.json`` (the feature version it
was trained with and its word memory). Nothing is loaded, and neither ``pycrfsuite`` nor
HanTa is imported, until the first ``find``.

Compound convention: the model labels names inside hyphenated compounds with GermEval's
``…part`` classes. A ``part`` token becomes a span over the name element only ("NATO" in
"NATO-Osterweiterung" → ORGpart, "US" in "US-Präsident" → LOCpart); a part token without a hyphen
("Europapolitik") yields no span. Derived adjectives ("russische") are not entities.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.analysis.crf_features import (
    ENTITY_TYPES,
    FEATURE_VERSION,
    FeatureExtractor,
    standard_extractor,
)
from reader.analysis.spans import PART_SUFFIX, Span
from reader.analysis.tokens import HYPHENS, Token, sentences, tokenize

MODEL_PACKAGE = "reader.data"
MODEL_RESOURCE = "ner-de.crfsuite"
FEATURES_RESOURCE = "ner-de.features.json"
ORIGIN = "model"
# Elements of a compound that are never the name in it ("Ex-Siemens-Chef" → "Siemens").
COMPOUND_PREFIXES = frozenset(
    (
        "ex",
        "anti",
        "pro",
        "vize",
        "nicht",
        "neo",
        "post",
        "prä",
        "pre",
        "ost",
        "west",
        "nord",
        "süd",
        "mittel",
        "alt",
        "neu",
        "groß",
        "klein",
        "ur",
        "erz",
        "mega",
        "super",
        "ultra",
        "top",
    )
)


def read_model_bytes(name: str = MODEL_RESOURCE) -> bytes:
    """A file of the packaged model, read through ``importlib.resources`` (works from a
    wheel)."""
    from importlib.resources import files

    try:
        return files(MODEL_PACKAGE).joinpath(name).read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"NER model file {MODEL_PACKAGE}/{name} is missing from the installed package; "
            "train it with tools/train_ner.py"
        ) from None


def features_path(model_path: Path) -> Path:
    """The feature file that belongs to a model file: ``x.crfsuite`` → ``x.features.json``."""
    return model_path.with_name(model_path.stem + ".features.json")


def parse_features_file(raw: bytes, where: str) -> dict[str, str]:
    """The word memory from a model's feature file; the file must match this code's
    ``FEATURE_VERSION``."""
    try:
        data = json.loads(raw)
        version = data["feature_version"]
        memory = data["memory"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{where}: not a NER feature file ({exc})") from None
    if version != FEATURE_VERSION:
        raise ValueError(
            f"{where}: model trained with features version {version}, this code computes "
            f"version {FEATURE_VERSION}; retrain with tools/train_ner.py"
        )
    if not isinstance(memory, dict):
        raise ValueError(f"{where}: 'memory' must be an object of word → class")
    return memory


class ModelRecognizer:
    """Finds PER/LOC/ORG spans with the CRF model; loads the model on first use.

    ``model_path`` overrides the packaged model (training and experiments use it).
    ``thresholds`` (type → probability) lowers the model's bar for a type: a capitalised
    token the best label sequence leaves ``O`` becomes a name of type X when the model's
    marginal probability that it is inside an X name reaches ``thresholds[X]``
    (:data:`THRESHOLDS` by default; ``{}`` keeps the plain best sequence).
    """

    def __init__(
        self, model_path: str | Path | None = None, thresholds: dict[str, float] | None = None
    ) -> None:
        self.model_path = Path(model_path) if model_path is not None else None
        self.thresholds = dict(THRESHOLDS if thresholds is None else thresholds)
        self._tagger: Any = None
        self._model_bytes = b""
        self._features: FeatureExtractor | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._tagger is not None

    def load(self) -> None:
        """Open the model now (``find`` does this by itself when needed)."""
        with self._lock:
            if self._tagger is not None:
                return
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            if self.model_path is not None:
                feats = features_path(self.model_path)
                for path in (self.model_path, feats):
                    if not path.is_file():
                        raise FileNotFoundError(f"NER model file not found: {path}")
                memory = parse_features_file(feats.read_bytes(), str(feats))
                tagger.open(str(self.model_path))
            else:
                memory = parse_features_file(
                    read_model_bytes(FEATURES_RESOURCE), f"{MODEL_PACKAGE}/{FEATURES_RESOURCE}"
                )
                # crfsuite reads the model from this buffer without copying it: keep it alive
                self._model_bytes = read_model_bytes()
                tagger.open_inmemory(self._model_bytes)
            self._features = standard_extractor(memory)
            self._tagger = tagger

    def tag(self, words: Sequence[str]) -> list[str]:
        """Model labels (BIOES: ``B-PER``, ``E-PER``, ``S-ORGpart``, ``O`` …) for one sentence."""
        if not words:
            return []
        if self._tagger is None:
            self.load()
        xseq = self._features.sentence_features(words)  # type: ignore[union-attr]
        with self._lock:
            labels = self._tagger.tag(xseq)
            if self.thresholds:
                labels = self._raise(words, labels)
            return labels

    def _raise(self, words: Sequence[str], labels: list[str]) -> list[str]:
        """``labels`` with the capitalised ``O`` tokens whose marginal probability of being
        inside a name of type X reaches ``thresholds[X]`` relabelled X (a run of such
        tokens of one type is one name). Call with the tagger set to this sentence."""
        marginal = self._tagger.marginal
        most = 1 - min(self.thresholds.values())
        raised: dict[int, str] = {}
        for t, (word, label) in enumerate(zip(words, labels, strict=True)):
            if label != "O" or not word[:1].isupper() or marginal("O", t) > most:
                continue
            best, kind = 0.0, ""
            for x, bar in self.thresholds.items():
                p = sum(marginal(y, t) for y in _TYPE_LABELS[x])
                if p >= bar and p > best:
                    best, kind = p, x
            if kind:
                raised[t] = kind
        if not raised:
            return labels
        out = list(labels)
        for t, kind in raised.items():
            first = raised.get(t - 1) != kind
            last = raised.get(t + 1) != kind
            out[t] = ("S-" if first and last else "B-" if first else "E-" if last else "I-") + kind
        return out

    def find(self, text: str, *, parts: bool = True) -> list[Span]:
        """Entity spans in ``text`` with offsets into it, in text order.

        ``parts=False`` leaves out the spans of names inside compounds (scoring uses it:
        GermEval's outer PER/LOC/ORG exclude them).
        """
        found: list[Span] = []
        for sentence in split_sentences(tokenize(text), text):
            labels = self.tag([t.text for t in sentence])
            found.extend(spans_from_labels(text, sentence, labels, parts=parts))
        return found


THRESHOLDS: dict[str, float] = {}
"""The shipped per-type decision thresholds (chosen on GermEval dev, docs/entities.md)."""
_TYPE_LABELS = {x: tuple(p + x for p in ("B-", "I-", "E-", "S-")) for x in ENTITY_TYPES}

# Words that end with a full stop inside a sentence ("St. Moritz", "Dr. Müller", "3,5
# Mrd. Euro"); single letters (initials, "z. B.") count too.
ABBREVIATIONS = frozenset(
    (
        "st",
        "dr",
        "prof",
        "mrd",
        "mio",
        "mill",
        "bzw",
        "sog",
        "sogen",
        "usw",
        "vgl",
        "ca",
        "nr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "hl",
        "abs",
        "bd",
        "inc",
        "co",
        "ltd",
        "gebr",
        "str",
        "tel",
        "evtl",
        "ggf",
        "inkl",
        "jh",
        "jan",
        "feb",
        "febr",
        "apr",
        "aug",
        "sept",
        "sep",
        "okt",
        "nov",
        "dez",
        "geb",
        "gest",
        "hrsg",
        "ehem",
        "gen",
        "ev",
        "kath",
        "dipl",
        "ing",
    )
)


def split_sentences(tokens: list[Token], text: str) -> Iterator[list[Token]]:
    """Sentences as ``tokens.sentences`` cuts them, but never after an abbreviation or an
    initial ("St. Moritz", "Joseph W. Greenberg"), and also cut at line breaks (headlines and
    paragraphs without a final full stop are sentences of their own)."""
    line: list[Token] = []
    prev_end = 0
    for tok in tokens:
        if line and "\n" in text[prev_end : tok.start]:
            yield from _join_abbreviations(sentences(line))
            line = []
        line.append(tok)
        prev_end = tok.end
    if line:
        yield from _join_abbreviations(sentences(line))


def _join_abbreviations(parts: Iterable[list[Token]]) -> Iterator[list[Token]]:
    pending: list[Token] = []
    for part in parts:
        pending.extend(part)
        if len(pending) >= 2 and pending[-1].text == ".":
            word = pending[-2].text
            if (len(word) == 1 and word.isalpha()) or word.lower() in ABBREVIATIONS:
                continue
        yield pending
        pending = []
    if pending:
        yield pending


def spans_from_labels(
    text: str, tokens: Sequence[Token], labels: Sequence[str], *, parts: bool = True
) -> list[Span]:
    """BIO or BIOES labels → spans. A name runs from ``B-X``/``S-X`` (or a stray ``I-X``/
    ``E-X``) over the following ``I-X``/``E-X`` and ends after ``E-X`` or ``S-X``."""
    found: list[Span] = []
    i, n = 0, len(tokens)
    while i < n:
        label = labels[i]
        if label == "O":
            i += 1
            continue
        kind = label[2:]
        j = i + 1
        if label[0] not in "ES":
            while j < n and labels[j][0] in "IE" and labels[j][2:] == kind:
                j += 1
                if labels[j - 1][0] == "E":
                    break
        if kind in ENTITY_TYPES:
            start, end = tokens[i].start, tokens[j - 1].end
            found.append(Span(start, end, text[start:end], kind, origin=ORIGIN))
        elif parts and kind.endswith("part") and kind[:-4] in ENTITY_TYPES:
            span = _part_span(text, tokens[i:j], kind[:-4])
            if span is not None:
                found.append(span)
        i = j
    return found


def name_element(word: str) -> tuple[int, int] | None:
    """Offsets of the name inside a hyphenated compound, or None.

    The name is the longest run of capitalised elements before the last element, skipping
    prefixes like "Ex-" or "Anti-": "NATO-Osterweiterung" → "NATO", "Ex-Siemens-Chef" →
    "Siemens", "Baden-Württemberg-Reise" → "Baden-Württemberg". If only the last element is
    capitalised ("Anti-Amerika"), it is the name. No hyphen → None.
    """
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in HYPHENS.finditer(word):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(word)))
    if len(pieces) < 2 or any(s == e for s, e in pieces):
        return None

    def is_name(piece: tuple[int, int]) -> bool:
        element = word[piece[0] : piece[1]]
        return element[0].isupper() and element.lower() not in COMPOUND_PREFIXES

    run: list[tuple[int, int]] = []
    for piece in pieces[:-1]:
        if is_name(piece):
            run.append(piece)
        elif run:
            break
    if run:
        return run[0][0], run[-1][1]
    if is_name(pieces[-1]):
        return pieces[-1]
    return None


def _part_span(text: str, tokens: Sequence[Token], kind: str) -> Span | None:
    """The span of a name inside a compound (tokens labelled ``…part``), or None."""
    last = tokens[-1]
    inner = name_element(last.text)
    if inner is None:
        return None
    if len(tokens) == 1:
        start, end = last.start + inner[0], last.start + inner[1]
    else:
        start, end = tokens[0].start, last.start + inner[1]
    return Span(start, end, text[start:end], kind + PART_SUFFIX, origin=ORIGIN)


_recognizer: ModelRecognizer | None = None


def get_recognizer() -> ModelRecognizer:
    """The shared recogniser of the packaged model (created on first call, loaded on first
    ``find``)."""
    global _recognizer
    if _recognizer is None:
        _recognizer = ModelRecognizer()
    return _recognizer
