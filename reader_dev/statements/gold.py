"""The statement gold set (``tests/data/statements_gold.jsonl``) and the scorer of the
shared contract (issue 12).

A gold line names an article (``corpus``: ``"seeds"`` or a corpus file under
``../shared/corpora``; ``id``), the sha1 of its ``article.text`` as ``reader`` loads it, its
``split`` and its statements as offsets into that text. No article text is stored: it is read
here, from ``<repo>/seeds`` and from the corpora folder, and checked against the sha1.

:func:`score` matches predictions to the gold (same article, content spans overlapping by at
least half of the shorter one, one-to-one, greedy by overlap) and reports, per split, detection
precision/recall/F1, mode and speaker accuracy over the matched pairs, and pairwise
precision/recall/F1 of the grouping over matched statements of different articles.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reader.corpus.loader import load_file
from reader.corpus.model import Article
from reader_dev.ner.gold import (
    CORPORA_ENV,
    GoldDataError,
    default_corpora_dir,
    read_json_lines,
)

GOLD = Path("tests/data/statements_gold.jsonl")
SEEDS_CORPUS = "seeds"
MODES = ("direct", "indirect", "according_to")
SPLITS = ("dev", "heldout")
REPO_ROOT = Path(__file__).resolve().parents[2]

__all__ = [
    "GOLD",
    "MODES",
    "SPLITS",
    "GoldDataError",
    "GoldStatement",
    "GoldUnit",
    "Group",
    "Predict",
    "Predicted",
    "load_gold",
    "match",
    "read_gold",
    "score",
    "sha1",
    "speaker_correct",
]


class Predicted(Protocol):
    """What the scorer reads of a predicted statement (``reader.analysis.statements.Statement``
    has these fields)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def mode(self) -> str: ...
    @property
    def speaker(self) -> str: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def resolved(self) -> bool: ...


Predict = Callable[[Article], Sequence[Predicted]]
# Group ids for every predicted statement, given (article, statement) in prediction order.
Group = Callable[[list[tuple[Article, Predicted]]], Sequence[int]]


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One annotated statement: content and cue offsets into ``article.text``."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    mode: str
    speaker: str | None
    aliases: tuple[str, ...]
    relays: tuple[str, ...]
    teaser: bool
    group: str


@dataclass(frozen=True, slots=True)
class GoldUnit:
    """One annotated article; ``article`` is ``None`` until its text is loaded."""

    corpus: str
    id: str
    sha1: str
    split: str
    statements: tuple[GoldStatement, ...]
    article: Article | None = None

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.id}"


def sha1(text: str) -> str:
    """The sha1 (hex) of ``text`` encoded as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _int(item: dict[str, Any], name: str, where: str) -> int:
    value = item.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise GoldDataError(f"{where}: {name!r} must be an integer >= 0, got {value!r}")
    return value


def _names(item: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = item.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GoldDataError(f"{where}: {name!r} must be a list of non-empty strings")
    return tuple(value)


def _statement(item: Any, where: str) -> GoldStatement:
    if not isinstance(item, dict):
        raise GoldDataError(f"{where}: expected a JSON object")
    start, end = _int(item, "start", where), _int(item, "end", where)
    cue_start, cue_end = _int(item, "cue_start", where), _int(item, "cue_end", where)
    if not start < end or not cue_start < cue_end:
        raise GoldDataError(f"{where}: empty content or cue span")
    mode = item.get("mode")
    if mode not in MODES:
        raise GoldDataError(f"{where}: mode {mode!r} is not one of {', '.join(MODES)}")
    speaker = item.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        raise GoldDataError(f"{where}: 'speaker' must be a name or null")
    group = item.get("group")
    if not isinstance(group, str) or not group:
        raise GoldDataError(f"{where}: 'group' must be a non-empty key")
    teaser = item.get("teaser", False)
    if not isinstance(teaser, bool):
        raise GoldDataError(f"{where}: 'teaser' must be true or false")
    return GoldStatement(
        start, end, cue_start, cue_end, mode, speaker,
        _names(item, "aliases", where), _names(item, "relays", where), teaser, group,
    )  # fmt: skip


def read_gold(path: Path | None = None) -> list[GoldUnit]:
    """The gold lines, checked for form but without their text (``article`` is ``None``)."""
    path = path if path is not None else REPO_ROOT / GOLD
    units: list[GoldUnit] = []
    seen: set[str] = set()
    for number, data in read_json_lines(path):
        corpus, article_id = data.get("corpus"), data.get("id")
        if not isinstance(corpus, str) or not isinstance(article_id, str):
            raise GoldDataError(f"{path}, line {number}: 'corpus' and 'id' must be strings")
        where = f"{path}, line {number} ({corpus}/{article_id})"
        if f"{corpus}/{article_id}" in seen:
            raise GoldDataError(f"{where}: article annotated twice")
        seen.add(f"{corpus}/{article_id}")
        if data.get("split") not in SPLITS:
            raise GoldDataError(f"{where}: 'split' must be one of {', '.join(SPLITS)}")
        digest = data.get("sha1")
        if not isinstance(digest, str) or len(digest) != 40:
            raise GoldDataError(f"{where}: 'sha1' must be 40 hex digits")
        raw = data.get("statements")
        if not isinstance(raw, list):
            raise GoldDataError(f"{where}: 'statements' must be a list")
        statements = tuple(_statement(s, f"{where}, statement {i}") for i, s in enumerate(raw))
        units.append(GoldUnit(corpus, article_id, digest, data["split"], statements))
    return units


def _articles(path: Path, wanted: set[str]) -> dict[str, Article]:
    return {a.id: a for a in load_file(path).articles if a.id in wanted}


def load_gold(
    repo_root: Path | None = None,
    corpora_dir: Path | None = None,
    corpora: Iterable[str] | None = None,
) -> list[GoldUnit]:
    """The gold units with their articles loaded by ``reader``'s loader and sha1-checked.

    Seeds come from ``<repo_root>/seeds``, the other corpora from ``corpora_dir`` (default
    ``$READER_CORPORA`` or ``<repo_root>/../shared/corpora``). ``corpora`` keeps only the named
    corpora (e.g. ``["seeds"]``). Raises :class:`GoldDataError` naming the article when a file is
    missing, an article is gone, its text changed, or an offset lies outside it.
    """
    root = repo_root if repo_root is not None else REPO_ROOT
    units = read_gold(root / GOLD)
    if corpora is not None:
        keep = set(corpora)
        units = [u for u in units if u.corpus in keep]
    folder = corpora_dir if corpora_dir is not None else default_corpora_dir(root)
    loaded: dict[str, dict[str, Article]] = {}
    for corpus in sorted({u.corpus for u in units}):
        ids = {u.id for u in units if u.corpus == corpus}
        if corpus == SEEDS_CORPUS:
            found: dict[str, Article] = {}
            for article_id in ids:
                seed = root / "seeds" / f"{article_id}.txt"
                if seed.is_file():
                    found.update(_articles(seed, {article_id}))
            loaded[corpus] = found
            continue
        path = folder / corpus
        if not path.is_file():
            raise GoldDataError(
                f"corpus file {path} not found (set ${CORPORA_ENV} to the folder holding {corpus})"
            )
        loaded[corpus] = _articles(path, ids)
    result: list[GoldUnit] = []
    for unit in units:
        article = loaded[unit.corpus].get(unit.id)
        if article is None:
            raise GoldDataError(f"{unit.key}: article not found in {unit.corpus}")
        if sha1(article.text) != unit.sha1:
            raise GoldDataError(
                f"{unit.key}: the article text changed since it was annotated "
                f"(sha1 {sha1(article.text)} != {unit.sha1}); re-annotate it"
            )
        for i, s in enumerate(unit.statements):
            if max(s.end, s.cue_end) > len(article.text):
                raise GoldDataError(f"{unit.key}, statement {i}: offset beyond the text")
        result.append(
            GoldUnit(unit.corpus, unit.id, unit.sha1, unit.split, unit.statements, article)
        )
    return result


def match(gold: Sequence[GoldStatement], predicted: Sequence[Predicted]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` of one article: content spans that
    overlap by at least half of the shorter span, taken greedily by overlap (ties: earlier gold,
    then earlier prediction)."""
    candidates: list[tuple[int, int, int]] = []
    for (gi, g), (pi, p) in itertools.product(enumerate(gold), enumerate(predicted)):
        overlap = min(g.end, p.end) - max(g.start, p.start)
        shorter = min(g.end - g.start, p.end - p.start)
        if overlap > 0 and 2 * overlap >= shorter:
            candidates.append((-overlap, gi, pi))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def speaker_correct(gold: GoldStatement, predicted: Predicted) -> bool:
    """The contract's speaker rule: the casefolded ``canonical`` (else ``speaker``) of the
    prediction is the gold speaker or one of its aliases; for a gold speaker of ``None`` the
    prediction must be marked unresolved."""
    if gold.speaker is None:
        return not predicted.resolved
    name = (predicted.canonical or predicted.speaker or "").strip().casefold()
    return bool(name) and name in {n.strip().casefold() for n in (gold.speaker, *gold.aliases)}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class _Matched:
    unit: int
    gold: GoldStatement
    pred_index: int  # index into the flat list of all predictions


def score(
    units: Sequence[GoldUnit], predict: Predict, group: Group | None = None
) -> dict[str, dict[str, float | int]]:
    """Scores of ``predict`` (and of ``group``, if given) on the loaded gold ``units``.

    ``predict(article)`` returns the statements found in one article. ``group`` receives every
    prediction of every unit as ``(article, statement)`` in order and returns one group id per
    prediction (the lead's ``group_statements``); only the ids of matched predictions count.

    The result maps ``"dev"``, ``"heldout"`` and ``"all"`` to counts and ratios: ``gold``,
    ``predicted``, ``matched``, ``precision``, ``recall``, ``f1``, ``mode_correct``,
    ``mode_accuracy``, ``speaker_correct``, ``speaker_accuracy`` and, with ``group``,
    ``pairs_gold``, ``pairs_predicted``, ``pairs_common``, ``group_precision``,
    ``group_recall``, ``group_f1``.
    """
    flat: list[tuple[Article, Predicted]] = []
    matched: list[_Matched] = []
    counts = {name: {"gold": 0, "predicted": 0, "mode": 0, "speaker": 0} for name in SPLITS}
    for ui, unit in enumerate(units):
        if unit.article is None:
            raise GoldDataError(f"{unit.key}: article text not loaded (use load_gold)")
        predicted = list(predict(unit.article))
        offset = len(flat)
        flat.extend((unit.article, p) for p in predicted)
        c = counts[unit.split]
        c["gold"] += len(unit.statements)
        c["predicted"] += len(predicted)
        for gi, pi in match(unit.statements, predicted):
            g, p = unit.statements[gi], predicted[pi]
            matched.append(_Matched(ui, g, offset + pi))
            c["mode"] += g.mode == p.mode
            c["speaker"] += speaker_correct(g, p)
    ids = list(group(flat)) if group is not None else None
    if ids is not None and len(ids) != len(flat):
        raise ValueError(f"group returned {len(ids)} ids for {len(flat)} statements")
    result: dict[str, dict[str, float | int]] = {}
    for name in (*SPLITS, "all"):
        splits = SPLITS if name == "all" else (name,)
        gold = sum(counts[s]["gold"] for s in splits)
        pred = sum(counts[s]["predicted"] for s in splits)
        mode = sum(counts[s]["mode"] for s in splits)
        speaker = sum(counts[s]["speaker"] for s in splits)
        members = [m for m in matched if units[m.unit].split in splits]
        n = len(members)
        precision, recall = _ratio(n, pred), _ratio(n, gold)
        row: dict[str, float | int] = {
            "gold": gold, "predicted": pred, "matched": n,
            "precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "mode_correct": mode, "mode_accuracy": _ratio(mode, n),
            "speaker_correct": speaker, "speaker_accuracy": _ratio(speaker, n),
        }  # fmt: skip
        if ids is not None:
            row.update(_pairs(units, members, ids))
        result[name] = row
    return result


def _pairs(
    units: Sequence[GoldUnit], members: list[_Matched], ids: list[int]
) -> dict[str, float | int]:
    """Pairwise grouping counts over matched statements of different articles."""
    in_gold = in_pred = common = 0
    for a, b in itertools.combinations(members, 2):
        if units[a.unit].key == units[b.unit].key:
            continue
        same_gold = a.gold.group == b.gold.group
        same_pred = ids[a.pred_index] == ids[b.pred_index]
        in_gold += same_gold
        in_pred += same_pred
        common += same_gold and same_pred
    p, r = _ratio(common, in_pred), _ratio(common, in_gold)
    return {
        "pairs_gold": in_gold, "pairs_predicted": in_pred, "pairs_common": common,
        "group_precision": p, "group_recall": r, "group_f1": _f1(p, r),
    }  # fmt: skip
