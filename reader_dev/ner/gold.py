"""Hand-annotated gold data for entity recognition, and its evaluation.

Two sets live in ``tests/data/`` (guidelines: ``tests/data/ANNOTATION.md``):

- ``ner_seeds.jsonl``: one line per seed file, offsets into the file's UTF-8 text.
- ``ner_unseen.jsonl``: paragraphs of the third-party corpora in ``../shared/corpora/``.
  The corpus text is never stored in the project: a line holds a reference
  (corpus file, article id, paragraph index, whether the title is prefixed) plus the sha1
  of the paragraph text, and the entities with offsets into that text.

A paragraph is defined once, here, by :func:`split_paragraphs` and :func:`unit_text`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analysis.spans import ENTITY_LABELS, Span, as_part
from reader.analysis.tokens import tokenize
from reader_dev.ner.metrics import Mention, Score, score

SEEDS_GOLD = Path("tests/data/ner_seeds.jsonl")
UNSEEN_GOLD = Path("tests/data/ner_unseen.jsonl")
CORPORA_ENV = "READER_CORPORA"


class GoldDataError(ValueError):
    """Gold data that cannot be used; the message names the file, line and record."""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated text: ``entities`` are spans into ``text`` with label and canonical."""

    key: str
    text: str
    entities: list[Span]


def sha1(text: str) -> str:
    """The sha1 (hex) of ``text`` encoded as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of a corpus record's ``text``: ``text.split("\\n")``, nothing stripped
    and empty lines kept, so that index ``i`` always names the same line."""
    return text.split("\n")


def unit_text(record: dict[str, Any], paragraph: int, with_title: bool) -> str:
    """The annotated text of a corpus record: paragraph ``paragraph`` of its ``text``,
    preceded by its ``title`` and one ``"\\n"`` when ``with_title`` (frontpage items: a
    headline plus a one-paragraph teaser)."""
    body = split_paragraphs(record["text"])[paragraph]
    return f"{record['title']}\n{body}" if with_title else body


def unit_key(corpus: str, article_id: str, paragraph: int, with_title: bool) -> str:
    """A readable key for an unseen gold paragraph, e.g. ``frontpages-2026.jsonl/x#p0+title``."""
    return f"{corpus}/{article_id}#p{paragraph}" + ("+title" if with_title else "")


def default_corpora_dir(repo_root: Path) -> Path:
    """``$READER_CORPORA`` if set, else ``<repo_root>/../shared/corpora``."""
    env = os.environ.get(CORPORA_ENV)
    return Path(env) if env else repo_root.resolve().parent / "shared" / "corpora"


def read_json_lines(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    """The JSON objects of a gold file with their line numbers; a line that is not one is
    a :class:`GoldDataError` naming the file and line."""
    if not path.is_file():
        raise GoldDataError(f"{path}: gold file not found")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldDataError(f"{path}, line {number}: not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise GoldDataError(f"{path}, line {number}: expected a JSON object")
        yield number, data


def _entities(data: dict[str, Any], text: str, where: str) -> list[Span]:
    """The entity spans of one gold line, checked against ``text``."""
    raw = data.get("entities")
    if not isinstance(raw, list):
        raise GoldDataError(f"{where}: 'entities' must be a list")
    spans: list[Span] = []
    for i, item in enumerate(raw):
        try:
            span = Span.from_json(item)
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldDataError(f"{where}: entity {i} is malformed ({exc})") from None
        if span.label not in ENTITY_LABELS:
            raise GoldDataError(
                f"{where}: entity {i} {span.text!r} has label {span.label!r}, "
                f"expected one of {', '.join(ENTITY_LABELS)}"
            )
        if not 0 <= span.start < span.end <= len(text) or text[span.start : span.end] != span.text:
            found = text[span.start : span.end] if 0 <= span.start <= span.end else ""
            raise GoldDataError(
                f"{where}: entity {i} {span.text!r} at {span.start}-{span.end} "
                f"does not match the text there ({found!r})"
            )
        spans.append(span)
    spans.sort(key=lambda s: (s.start, s.end))
    for a, b in itertools.pairwise(spans):
        if b.start < a.end:
            raise GoldDataError(f"{where}: entities {a.text!r} and {b.text!r} overlap")
    return spans


def load_seed_gold(repo_root: Path) -> list[GoldDoc]:
    """The annotated seed articles; raises :class:`GoldDataError` if a seed file changed."""
    path = repo_root / SEEDS_GOLD
    docs: list[GoldDoc] = []
    for number, data in read_json_lines(path):
        where = f"{path}, line {number} ({data.get('file')})"
        name = data.get("file")
        if not isinstance(name, str):
            raise GoldDataError(f"{path}, line {number}: 'file' must be a path under seeds/")
        seed = repo_root / name
        if not seed.is_file():
            raise GoldDataError(f"{where}: seed file {seed} not found")
        text = seed.read_bytes().decode("utf-8")
        if sha1(text) != data.get("sha1"):
            raise GoldDataError(
                f"{where}: the seed text changed since it was annotated "
                f"(sha1 {sha1(text)} != {data.get('sha1')}); re-annotate it"
            )
        docs.append(GoldDoc(name, text, _entities(data, text, where)))
    return docs


def _corpus_records(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """The records of a JSONL corpus whose id is in ``wanted``."""
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = record
    return found


def load_unseen_gold(repo_root: Path, corpora_dir: Path | None = None) -> list[GoldDoc]:
    """The annotated corpus paragraphs, their text read from ``corpora_dir`` (default:
    :func:`default_corpora_dir`). Raises :class:`GoldDataError` naming the record when a
    corpus file is missing, a record is gone or a paragraph's text changed."""
    path = repo_root / UNSEEN_GOLD
    corpora = corpora_dir if corpora_dir is not None else default_corpora_dir(repo_root)
    lines = list(read_json_lines(path))
    wanted: dict[str, set[str]] = {}
    for number, data in lines:
        corpus, article_id = data.get("corpus"), data.get("id")
        if not isinstance(corpus, str) or not isinstance(article_id, str):
            raise GoldDataError(f"{path}, line {number}: 'corpus' and 'id' must be strings")
        if not isinstance(data.get("paragraph"), int) or data["paragraph"] < 0:
            raise GoldDataError(f"{path}, line {number}: 'paragraph' must be an index >= 0")
        wanted.setdefault(corpus, set()).add(article_id)
    records: dict[str, dict[str, dict[str, Any]]] = {}
    for corpus, ids in wanted.items():
        corpus_path = corpora / corpus
        if not corpus_path.is_file():
            raise GoldDataError(
                f"{path}: corpus file {corpus_path} not found "
                f"(set ${CORPORA_ENV} to the folder holding {corpus})"
            )
        records[corpus] = _corpus_records(corpus_path, ids)
    docs: list[GoldDoc] = []
    for number, data in lines:
        corpus, article_id, paragraph = data["corpus"], data["id"], data["paragraph"]
        with_title = bool(data.get("with_title", False))
        key = unit_key(corpus, article_id, paragraph, with_title)
        where = f"{path}, line {number} ({key})"
        record = records[corpus].get(article_id)
        if record is None:
            raise GoldDataError(f"{where}: article {article_id!r} not found in {corpus}")
        if paragraph >= len(split_paragraphs(record["text"])):
            raise GoldDataError(f"{where}: the article has no paragraph {paragraph}")
        text = unit_text(record, paragraph, with_title)
        if sha1(text) != data.get("sha1"):
            raise GoldDataError(
                f"{where}: the paragraph text changed since it was annotated "
                f"(sha1 {sha1(text)} != {data.get('sha1')})"
            )
        docs.append(GoldDoc(key, text, _entities(data, text, where)))
    return docs


def evaluate(docs: Iterable[GoldDoc], find: Callable[[str], list[Span]]) -> dict[str, Score]:
    """Precision, recall and F1 of ``find`` against the gold, exact span and label, over
    PER, LOC and ORG (other labels ``find`` returns, such as DATE, are ignored).

    The result has a :class:`Score` for each of PER, LOC, ORG and ``"ALL"`` (micro).
    """
    gold, predicted = outer_mentions(docs, find)
    scores = score(gold, predicted)
    return {label: scores.get(label, Score(0, 0, 0)) for label in (*ENTITY_LABELS, "ALL")}


def outer_mentions(
    docs: Iterable[GoldDoc], find: Callable[[str], list[Span]]
) -> tuple[list[Mention], list[Mention]]:
    """Gold and predicted outer PER/LOC/ORG mentions, as GermEval's outer scheme counts them:
    a gold name covering only part of a token ("US" in "US-Präsident") is a part (``LOCpart``,
    tests/data/ANNOTATION.md, Spans 5) and counts on neither side, nor do predicted parts."""
    gold: list[Mention] = []
    predicted: list[Mention] = []
    for doc in docs:
        toks = tokenize(doc.text)
        starts, ends = {t.start for t in toks}, {t.end for t in toks}
        gold.extend(
            (doc.key, s.start, s.end, s.label)
            for s in doc.entities
            if as_part(s, starts, ends).label in ENTITY_LABELS
        )
        predicted.extend(
            (doc.key, s.start, s.end, s.label) for s in find(doc.text) if s.label in ENTITY_LABELS
        )
    return gold, predicted


def wrong_compound_parts(
    docs: Iterable[GoldDoc], find: Callable[[str], list[Span]]
) -> tuple[int, int]:
    """``(wrong, parts)``: outer names ``find`` gives that the gold does not have, and how
    many of those cover only part of a token (a name inside a compound given as a name)."""
    docs = list(docs)
    gold, predicted = outer_mentions(docs, find)
    edges: dict[str, tuple[set[int], set[int]]] = {}
    for doc in docs:
        toks = tokenize(doc.text)
        edges[doc.key] = ({t.start for t in toks}, {t.end for t in toks})
    wanted = set(gold)
    wrong = [m for m in predicted if m not in wanted]
    parts = sum(1 for k, s, e, _ in wrong if s not in edges[k][0] or e not in edges[k][1])
    return len(wrong), parts
