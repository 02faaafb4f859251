"""Token features for the German NER model (a linear-chain CRF, see ``crf_model``).

Every feature is a string; pycrfsuite treats each as a binary attribute. A token gets:
its lower-cased form, shape ("Xx", "X-Xx"), length class, prefixes and suffixes, case flags
(title, all-caps, digits), the first and last element of a hyphenated compound; HanTa's part
of speech for capitalised words and whether HanTa's lexicon knows the word (German
capitalises every noun, so "proper noun or common noun" is the question a capital letter
raises); whether it starts mid-sentence or after an opening mark; the shipped gazetteer's
verdict on it and its neighbours, and on the elements of a compound; membership in the
gazetteer's given names; the entity class the word had in the training text (``memory``);
its neighbours' (±2) form, shape, suffix, part of speech; word bigrams.

Word features depend only on the word, so they are computed once per distinct word and
cached; a sentence is then a concatenation of cached tuples, which keeps extraction fast.
Training (``tools/train_ner.py``, with the GermEval helpers in ``reader_dev.ner.germeval``)
and prediction use the same :func:`standard_extractor`;
``FEATURE_VERSION`` changes whenever the features do, and a model records the version it
was trained with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from reader.analysis.tokens import HYPHENS

FEATURE_VERSION = 1
ENTITY_TYPES = ("PER", "LOC", "ORG")  # the model's classes (and their ``…part`` forms)
OPENERS = frozenset("\"„“»«'‚(:[–-")
CACHE_LIMIT = 200_000


def shape(word: str) -> str:
    """Character classes with repeats squeezed: "Merkel" → "Xx", "NATO-Gipfel" → "X-Xx",
    "G20" → "Xd", "1.000" → "d.d"."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def length_class(word: str) -> str:
    n = len(word)
    return "1" if n == 1 else "2" if n == 2 else "3" if n <= 4 else "4" if n <= 8 else "5"


class GazetteerLike(Protocol):
    def match(self, words: Sequence[str], i: int, limit: int | None = None) -> tuple[int, Any]: ...


class FeatureExtractor:
    """Turns a sentence (a list of word strings) into per-token feature lists.

    Optional knowledge, which must be the same at training and prediction time (use
    :func:`standard_extractor`): ``pos`` maps a capitalised word to HanTa's part of speech
    and whether its lexicon knows the word ("NE:k"); ``gazetteer`` (``match(words, i) ->
    (n, hit)`` with ``hit.label``) marks known names; ``given_names`` are first names;
    ``memory`` maps a word to the entity class it had in the training text ("PER+").
    """

    def __init__(
        self,
        *,
        pos: Callable[[str], str | None] | None = None,
        gazetteer: GazetteerLike | None = None,
        given_names: frozenset[str] = frozenset(),
        memory: dict[str, str] | None = None,
    ) -> None:
        self.pos = pos
        self.gazetteer = gazetteer
        self.given_names = given_names
        self.memory = memory or {}
        self._cache: dict[str, tuple[tuple[str, ...], ...]] = {}

    # -- per word -------------------------------------------------------------------------
    def word_features(self, word: str) -> tuple[str, ...]:
        """Features of the word itself, independent of its context."""
        low = word.lower()
        feats = [
            "w=" + low,
            "s=" + shape(word),
            "l=" + length_class(word),
        ]
        n = len(low)
        for k in (1, 2, 3, 4):
            if n > k:
                feats.append(f"p{k}=" + low[:k])
        for k in (2, 3, 4, 5):
            if n > k:
                feats.append(f"x{k}=" + low[-k:])
        first = word[0]
        if first.isupper() and n > 3 and low[-1] == "s":
            feats.append("gen=" + low[:-1])
        if first.isupper():
            feats.append("T")
            if n > 1 and word.isupper():
                feats.append("U")
        elif first.islower():
            feats.append("lower")
        elif not first.isalnum():
            feats.append("punct")
        if any(ch.isdigit() for ch in word):
            feats.append("D")
        parts = HYPHENS.split(word)
        if len(parts) > 1 and all(parts):
            feats.append("H")
            feats.append("h0=" + parts[0].lower())
            feats.append("h0s=" + shape(parts[0]))
            feats.append("hN=" + parts[-1].lower())
            if self.gazetteer is not None:
                for k, part in ((0, parts[0]), (1, parts[-1])):
                    hit = self._lookup(part)
                    if hit is not None:
                        feats.append(f"gh{k}=" + hit)
        if first.isupper() and self.pos is not None:
            tag = self.pos(word)
            if tag:
                feats.append("pos=" + tag.split(":")[0])
                feats.append("posk=" + tag)
        if word in self.given_names:
            feats.append("given")
        mem = self.memory.get(word)
        if mem is not None:
            feats.append("m=" + mem)
        return tuple(feats)

    def _lookup(self, word: str) -> str | None:
        n, hit = self.gazetteer.match([word], 0)  # type: ignore[union-attr]
        return hit.label if n else None

    def context_features(self, word: str) -> tuple[str, ...]:
        """The subset of a word's features its neighbours see."""
        low = word.lower()
        feats = ["w=" + low, "s=" + shape(word)]
        if len(low) > 3:
            feats.append("x3=" + low[-3:])
        if word in self.given_names:
            feats.append("given")
        if word[0].isupper() and self.pos is not None:
            tag = self.pos(word)
            if tag:
                feats.append("pos=" + tag.split(":")[0])
        mem = self.memory.get(word)
        if mem is not None:
            feats.append("m=" + mem)
        return tuple(feats)

    def _cached(self, word: str) -> tuple[tuple[str, ...], ...]:
        entry = self._cache.get(word)
        if entry is None:
            ctx = self.context_features(word)
            entry = (
                self.word_features(word),
                tuple("-1" + f for f in ctx),
                tuple("+1" + f for f in ctx),
                tuple("-2" + f for f in ctx),
                tuple("+2" + f for f in ctx),
            )
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = entry
        return entry

    def gazetteer_labels(self, words: Sequence[str]) -> list[str | None]:
        """``B-LOC``/``I-LOC``… for words inside a gazetteer match (longest, left to right)."""
        out: list[str | None] = [None] * len(words)
        if self.gazetteer is None:
            return out
        i, n = 0, len(words)
        while i < n:
            if not words[i][:1].isupper():
                i += 1
                continue
            k, hit = self.gazetteer.match(words, i)
            if not k:
                i += 1
                continue
            out[i] = "B-" + hit.label
            for j in range(i + 1, i + k):
                out[j] = "I-" + hit.label
            i += k
        return out

    # -- per sentence ---------------------------------------------------------------------
    def sentence_features(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word of ``words`` (one sentence)."""
        entries = [self._cached(w) for w in words]
        gaz = self.gazetteer_labels(words)
        n = len(words)
        out: list[list[str]] = []
        for i, entry in enumerate(entries):
            feats = list(entry[0])
            if i == 0:
                feats.append("BOS")
            else:
                feats.extend(entries[i - 1][1])
                if i >= 2:
                    feats.extend(entries[i - 2][3])
                else:
                    feats.append("-2BOS")
            if i == n - 1:
                feats.append("EOS")
            else:
                feats.extend(entries[i + 1][2])
                if i + 2 < n:
                    feats.extend(entries[i + 2][4])
            word = words[i]
            low = word.lower()
            feats.append("b-=" + (words[i - 1].lower() if i else "<s>") + "|" + low)
            feats.append("b+=" + low + "|" + (words[i + 1].lower() if i + 1 < n else "</s>"))
            if word[0].isupper():
                cap = "cap_start" if i == 0 or words[i - 1][0] in OPENERS else "cap_mid"
                feats.append(cap)
            here, before = gaz[i], gaz[i - 1] if i > 0 else None
            after = gaz[i + 1] if i + 1 < n else None
            if here is not None:
                feats.append("g=" + here)
                feats.append("g=" + here[2:])
            if before is not None:
                feats.append("-1g=" + before)
            if after is not None:
                feats.append("+1g=" + after)
            out.append(feats)
        return out


# HanTa's log-probabilities above KNOWN come from its lexicon, below UNKNOWN it guesses.
KNOWN = -19.0
UNKNOWN = -27.0


def hanta_pos(word: str) -> str | None:
    """HanTa's best tag for ``word`` on its own, with how sure it is: "NE:k" (lexicon),
    "NN:g" (guessed from its morphology), "NE:u" (unknown). Uses the per-word cache that
    the rule-based recogniser shares, so the combined recogniser asks HanTa once per word."""
    from reader.analysis.entity_rules import tags

    best = tags(word)
    if not best:
        return None
    tag, score = best[0]
    return tag + (":k" if score > KNOWN else ":g" if score > UNKNOWN else ":u")


def standard_extractor(memory: dict[str, str] | None = None) -> FeatureExtractor:
    """The extractor the shipped model is trained and run with: HanTa, the shipped gazetteer
    (never the user's entries: those win later, in the combiner) and its given names."""
    from reader.analysis.gazetteer import Gazetteer, shipped

    data = shipped()
    return FeatureExtractor(
        pos=hanta_pos,
        gazetteer=Gazetteer((), data.entries),
        given_names=data.given_names,
        memory=memory,
    )
