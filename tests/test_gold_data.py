"""The hand-annotated entity gold data: it loads, its offsets are exact, it follows the
guidelines in tests/data/ANNOTATION.md, and the unseen sample keeps corpus text out of the
project."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.analysis.spans import ENTITY_LABELS, Span
from reader_dev.ner.gold import (
    SEEDS_GOLD,
    UNSEEN_GOLD,
    GoldDataError,
    GoldDoc,
    default_corpora_dir,
    evaluate,
    load_seed_gold,
    load_unseen_gold,
    sha1,
    split_paragraphs,
    unit_text,
)

REPO = Path(__file__).resolve().parent.parent
CORPORA = default_corpora_dir(REPO)
CORPUS_FILES = ("berlin-police-reports.jsonl", "frontpages-2026.jsonl")
needs_corpora = pytest.mark.skipif(
    not all((CORPORA / name).is_file() for name in CORPUS_FILES),
    reason=f"corpora not found in {CORPORA} (set $READER_CORPORA): unseen text not checked",
)


def check_doc(doc: GoldDoc) -> None:
    for span in doc.entities:
        assert doc.text[span.start : span.end] == span.text, (doc.key, span)
        assert span.label in ENTITY_LABELS, (doc.key, span)
        assert span.canonical, (doc.key, span)
        assert span.text == span.text.strip(), (doc.key, span)


# --- seeds ------------------------------------------------------------------------------


def test_every_seed_file_is_annotated_with_exact_offsets():
    docs = load_seed_gold(REPO)
    assert sorted(d.key for d in docs) == sorted(
        f"seeds/{p.name}" for p in (REPO / "seeds").glob("*.txt")
    )
    for doc in docs:
        check_doc(doc)
        raw = (REPO / doc.key).read_bytes().decode("utf-8")
        assert doc.text == raw
    assert sum(len(d.entities) for d in docs) > 200


def test_seed_lines_record_the_sha1_of_the_text():
    for line in (REPO / SEEDS_GOLD).read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        assert data["sha1"] == sha1((REPO / data["file"]).read_bytes().decode("utf-8"))


def test_seed_gold_follows_the_guidelines():
    docs = {d.key: d for d in load_seed_gold(REPO)}
    spans = [(d, s) for d in docs.values() for s in d.entities]
    texts = {s.text for _, s in spans}
    # derived adjectives and fused compounds are never entities
    assert not {t for t in texts if t[0].islower() or re.search(r"ische[nmrs]?$", t)}
    assert "Kremlsprecher" not in texts and "Kreml" in texts
    # names inside hyphenated compounds are annotated as the element only
    for doc, span in spans:
        after = doc.text[span.end : span.end + 1]
        if span.text in ("NATO", "US", "G20") and after == "-":
            assert span.label == ("LOC" if span.text == "US" else "ORG")
    assert any(s.text == "NATO" and d.text.startswith("-Osterweiterung", s.end) for d, s in spans)
    # the date marker of 003/004 is not annotated; the genitive -s stays inside
    for doc in docs.values():
        if doc.text.startswith(" date "):
            assert all(s.start >= 14 for s in doc.entities)
    labels = {(s.text, s.label, s.canonical) for _, s in spans}
    assert ("Putins", "PER", "Wladimir Putin") in labels
    assert ("Weißen Hauses", "LOC", "Weißes Haus") in labels
    assert ("MOSKAU", "LOC", "Moskau") in labels
    assert {s.label for _, s in spans if s.text.startswith("Kreml")} == {"LOC"}
    # no span starts with an article
    assert not [t for t in texts if t.split()[0] in {"der", "die", "das", "Der", "Die", "Das"}]


# --- unseen sample ----------------------------------------------------------------------


def unseen_lines() -> list[dict]:
    return [json.loads(x) for x in (REPO / UNSEEN_GOLD).read_text(encoding="utf-8").splitlines()]


def test_unseen_file_holds_references_not_corpus_text():
    lines = unseen_lines()
    assert len(lines) >= 40
    assert {line["corpus"] for line in lines} == set(CORPUS_FILES)

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    for line in lines:
        assert set(line) <= {"corpus", "id", "paragraph", "with_title", "sha1", "entities"}
        assert max(len(s) for s in strings(line)) <= 80, line["id"]
        for entity in line["entities"]:
            assert entity["label"] in ENTITY_LABELS
            assert entity["text"] == entity["text"].strip()


@needs_corpora
def test_unseen_paragraphs_load_from_the_corpora_and_match():
    docs = load_unseen_gold(REPO, CORPORA)
    assert len(docs) >= 40
    assert len({d.key for d in docs}) == len(docs)
    for doc in docs:
        check_doc(doc)
    assert sum(len(d.entities) for d in docs) > 100
    # no run of corpus text leaked into the project file
    stored = (REPO / UNSEEN_GOLD).read_text(encoding="utf-8")
    for doc in docs:
        for i in range(0, max(1, len(doc.text) - 60), 20):
            assert doc.text[i : i + 60] not in stored, doc.key


# --- the loader's checks, on a small made-up corpus ---------------------------------------


def make_repo(tmp_path: Path, paragraph_text: str, entity: dict) -> tuple[Path, Path]:
    repo, corpora = tmp_path / "repo", tmp_path / "corpora"
    (repo / "tests" / "data").mkdir(parents=True)
    corpora.mkdir()
    record = {"id": "a1", "title": "Titel", "text": f"Erster Absatz.\n{paragraph_text}"}
    (corpora / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = unit_text(record, 1, False)
    ref = {
        "corpus": "news.jsonl",
        "id": "a1",
        "paragraph": 1,
        "sha1": sha1(text),
        "entities": [entity],
    }
    (repo / UNSEEN_GOLD).write_text(json.dumps(ref) + "\n", encoding="utf-8")
    return repo, corpora


def test_loader_reads_paragraphs_by_index(tmp_path):
    entity = {"start": 4, "end": 10, "text": "Merkel", "label": "PER", "canonical": "Angela Merkel"}
    repo, corpora = make_repo(tmp_path, "Als Merkel kam.", entity)
    [doc] = load_unseen_gold(repo, corpora)
    assert doc.text == "Als Merkel kam."
    assert doc.entities == [Span(4, 10, "Merkel", "PER", "Angela Merkel")]
    assert doc.key == "news.jsonl/a1#p1"


def test_a_changed_paragraph_is_reported_with_its_record(tmp_path):
    entity = {"start": 4, "end": 10, "text": "Merkel", "label": "PER", "canonical": "Angela Merkel"}
    repo, corpora = make_repo(tmp_path, "Als Merkel kam.", entity)
    record = {"id": "a1", "title": "Titel", "text": "Erster Absatz.\nAls Merkel ging."}
    (corpora / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"line 1 \(news.jsonl/a1#p1\).*changed"):
        load_unseen_gold(repo, corpora)


def test_a_wrong_offset_or_label_is_reported(tmp_path):
    entity = {"start": 3, "end": 10, "text": "Merkel", "label": "PER", "canonical": "Merkel"}
    repo, corpora = make_repo(tmp_path, "Als Merkel kam.", entity)
    with pytest.raises(GoldDataError, match="'Merkel' at 3-10 does not match"):
        load_unseen_gold(repo, corpora)
    entity = {"start": 4, "end": 10, "text": "Merkel", "label": "OTH", "canonical": "Merkel"}
    repo, corpora = make_repo(tmp_path / "b", "Als Merkel kam.", entity)
    with pytest.raises(GoldDataError, match="label 'OTH'"):
        load_unseen_gold(repo, corpora)


def test_missing_corpus_names_the_folder_and_the_variable(tmp_path, monkeypatch):
    entity = {"start": 4, "end": 10, "text": "Merkel", "label": "PER", "canonical": "Merkel"}
    repo, _ = make_repo(tmp_path, "Als Merkel kam.", entity)
    monkeypatch.setenv("READER_CORPORA", str(tmp_path / "nowhere"))
    assert default_corpora_dir(repo) == tmp_path / "nowhere"
    with pytest.raises(GoldDataError, match=r"nowhere/news.jsonl not found.*READER_CORPORA"):
        load_unseen_gold(repo)


def test_split_paragraphs_keeps_empty_lines_so_indices_stay_stable():
    assert split_paragraphs("a\n\n  b\n") == ["a", "", "  b", ""]


# --- evaluation ---------------------------------------------------------------------------


def test_evaluate_scores_exact_span_and_label():
    doc = GoldDoc(
        "d",
        "Putin traf Biden in Genf.",
        [
            Span(0, 5, "Putin", "PER"),
            Span(11, 16, "Biden", "PER"),
            Span(20, 24, "Genf", "LOC"),
        ],
    )

    def perfect(text: str) -> list[Span]:
        return [*doc.entities, Span(20, 24, "Genf", "DATE")]

    scores = evaluate([doc], perfect)
    assert set(scores) == {"PER", "LOC", "ORG", "ALL"}
    assert scores["ALL"].f1 == 1.0 and scores["ORG"].tp == 0

    def sloppy(text: str) -> list[Span]:
        # wrong label for Genf, one character short for Biden
        return [
            Span(0, 5, "Putin", "PER"),
            Span(11, 15, "Bide", "PER"),
            Span(20, 24, "Genf", "ORG"),
        ]

    scores = evaluate([doc], sloppy)
    assert (scores["PER"].tp, scores["PER"].fp, scores["PER"].fn) == (1, 1, 1)
    assert (scores["LOC"].tp, scores["LOC"].fn) == (0, 1)
    assert scores["ORG"].fp == 1
    assert scores["ALL"].precision == pytest.approx(1 / 3)


@needs_corpora
@pytest.mark.slow
def test_the_unseen_sample_is_what_the_picking_tool_picks():
    import importlib.util
    import random

    spec = importlib.util.spec_from_file_location("pick", REPO / "tools" / "pick_unseen_sample.py")
    assert spec and spec.loader
    pick_unseen_sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pick_unseen_sample)
    picked = pick_unseen_sample.pick(CORPORA, random.Random(pick_unseen_sample.SEED))
    expected = [(p["corpus"], p["id"], p["paragraph"], p["sha1"]) for p in picked]
    stored = [(x["corpus"], x["id"], x["paragraph"], x["sha1"]) for x in unseen_lines()]
    assert stored == expected
