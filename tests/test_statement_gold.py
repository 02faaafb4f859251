"""The statement gold (tests/data/statements_gold.jsonl, guidelines in
tests/data/STATEMENTS.md) is well-formed and follows its own rules, and the scorer of
reader_dev.statements.gold computes the contract's numbers (each case worked out by hand)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.corpus.model import Article
from reader_dev.ner.gold import default_corpora_dir
from reader_dev.statements.gold import (
    GOLD,
    MODES,
    GoldDataError,
    GoldStatement,
    GoldUnit,
    Predicted,
    load_gold,
    match,
    read_gold,
    score,
    sha1,
    speaker_correct,
)

REPO = Path(__file__).resolve().parent.parent
FRONTPAGES = "frontpages-2026.jsonl"
needs_frontpages = pytest.mark.skipif(
    not (default_corpora_dir(REPO) / FRONTPAGES).is_file(),
    reason=f"{FRONTPAGES} not found in {default_corpora_dir(REPO)} (set $READER_CORPORA)",
)
QUOTES = "\"„“”»«‚‘'›‹"
LINE_KEYS = {"corpus", "id", "sha1", "split", "statements"}
STATEMENT_KEYS = {
    "start", "end", "cue_start", "cue_end", "mode", "speaker", "aliases", "relays", "teaser",
    "group",
}  # fmt: skip


# --- the gold file ------------------------------------------------------------------------


def test_gold_lines_have_exactly_the_documented_fields():
    lines = [json.loads(x) for x in (REPO / GOLD).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        assert set(line) == LINE_KEYS, line["id"]
        for s in line["statements"]:
            assert set(s) == STATEMENT_KEYS, line["id"]
            assert s["mode"] in MODES
            # group keys are the annotator's short labels, never copied text
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s["group"]) and len(s["group"]) <= 40
    assert len(read_gold()) == len(lines)


def test_split_follows_the_hash_rule_of_the_guidelines():
    for unit in read_gold():
        digest = int(hashlib.sha1(f"statements:{unit.id}".encode()).hexdigest(), 16)
        assert unit.split == ("heldout" if digest % 3 == 0 else "dev"), unit.key
    splits = {(u.corpus, u.split) for u in read_gold()}
    assert ("seeds", "heldout") in splits and ("frontpages-2026.jsonl", "heldout") in splits


def test_gold_covers_the_seeds_and_enough_front_page_items():
    units = read_gold()
    seeds = {u.id for u in units if u.corpus == "seeds"}
    assert seeds == {p.stem for p in (REPO / "seeds").glob("*.txt")}
    front = [u for u in units if u.corpus == FRONTPAGES]
    assert len(front) >= 60
    assert sum(1 for u in front if not u.statements) >= 10
    articles_per_group: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for s in unit.statements:
            articles_per_group[s.group].add(unit.key)
    assert sum(len(a) >= 2 for a in articles_per_group.values()) >= 10


def check_unit(unit: GoldUnit) -> None:
    """Offsets fit the text, spans are trimmed, and the cue sits where the mode says."""
    assert unit.article is not None
    text = unit.article.text
    assert sha1(text) == unit.sha1
    for s in unit.statements:
        where = (unit.key, s.start, s.group)
        content, cue = text[s.start : s.end], text[s.cue_start : s.cue_end]
        assert content == content.strip() and cue == cue.strip() and cue, where
        inside = s.start <= s.cue_start and s.cue_end <= s.end
        outside = s.cue_end <= s.start or s.end <= s.cue_start
        assert inside or outside, where
        if s.mode == "direct":
            # the content is what stands inside the marks, marks excluded
            assert outside, where
            assert text[s.start - 1] in QUOTES and text[s.end] in QUOTES, where
        elif s.mode == "indirect":
            assert outside, where
        if s.mode != "direct":
            assert not content.startswith("dass "), where
            assert content[-1] not in ".!?" or content[-2:-1] in QUOTES, where


def test_seed_gold_offsets_fit_the_seed_texts():
    units = load_gold(REPO, corpora=["seeds"])
    assert len(units) == 5
    for unit in units:
        check_unit(unit)
    # the teaser of seed 000 is marked; a quote runs over several paragraphs in 002 and 004
    assert any(s.teaser for u in units for s in u.statements)
    texts = [u.article.text[s.start : s.end] for u in units if u.article for s in u.statements]
    assert any("\n\n" in t for t in texts)


@needs_frontpages
def test_front_page_gold_matches_the_corpus_text():
    units = load_gold(REPO)
    assert len(units) == len(read_gold())
    for unit in units:
        check_unit(unit)


def test_a_changed_text_is_an_error_naming_the_article(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "tests" / "data").mkdir(parents=True)
    (tmp_path / "seeds" / "x1.txt").write_text("Kreml: Alles gut.\n", encoding="utf-8")
    line = {"corpus": "seeds", "id": "x1", "sha1": "0" * 40, "split": "dev", "statements": []}
    (tmp_path / GOLD).write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"seeds/x1.*changed"):
        load_gold(tmp_path, corpora_dir=tmp_path)


def test_a_malformed_statement_is_an_error(tmp_path: Path):
    bad = {"start": 5, "end": 2, "cue_start": 0, "cue_end": 1, "mode": "direct"}
    line = {"corpus": "seeds", "id": "x", "sha1": "0" * 40, "split": "dev", "statements": [bad]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match="statement 0"):
        read_gold(path)


# --- the scorer -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    mode: str = "direct"
    speaker: str = ""
    canonical: str | None = None
    resolved: bool = True


def gold(start: int, end: int, group: str, speaker: str | None = "Kreml", **kw) -> GoldStatement:
    return GoldStatement(
        start, end, max(0, start - 2), max(1, start - 1), kw.get("mode", "direct"), speaker,
        kw.get("aliases", ()), (), False, group,
    )  # fmt: skip


def unit(article_id: str, statements: list[GoldStatement], split: str = "dev") -> GoldUnit:
    article = Article(article_id, article_id, "x" * 100)
    return GoldUnit("test", article_id, sha1(article.text), split, tuple(statements), article)


# Article a: Peskow (direct) and an unresolved speaker (indirect); b: the Kremlin.
A = unit("a", [gold(0, 10, "g", "Dmitri Peskow", aliases=("Peskow",)),
               gold(20, 40, "h", None, mode="indirect")])  # fmt: skip
B = unit("b", [gold(0, 10, "g")])


def perfect(article: Article) -> list[Pred]:
    return {
        "a": [Pred(0, 10, speaker="Peskow", canonical="Dmitri Peskow"),
              Pred(20, 40, "indirect", "er", None, False)],
        "b": [Pred(0, 10, speaker="der Kreml", canonical="Kreml")],
    }[article.id]  # fmt: skip


def test_perfect_predictions_score_one_everywhere():
    dev = score([A, B], perfect)["dev"]
    assert (dev["gold"], dev["predicted"], dev["matched"]) == (3, 3, 3)
    assert dev["precision"] == dev["recall"] == dev["f1"] == 1.0
    assert dev["mode_accuracy"] == dev["speaker_accuracy"] == 1.0


def test_one_miss_lowers_recall_only():
    # b's statement is not found: P = 2/2, R = 2/3, F1 = 2*1*(2/3)/(1+2/3) = 0.8
    dev = score([A, B], lambda a: perfect(a) if a.id == "a" else [])["dev"]
    assert (dev["matched"], dev["precision"]) == (2, 1.0)
    assert dev["recall"] == pytest.approx(2 / 3) and dev["f1"] == pytest.approx(0.8)


def test_one_false_alarm_lowers_precision_only():
    # an extra statement at 50-60 in a: P = 3/4, R = 1, F1 = 1.5/1.75 = 6/7
    dev = score([A, B], lambda a: [*perfect(a), *([Pred(50, 60)] if a.id == "a" else [])])["dev"]
    assert (dev["predicted"], dev["matched"], dev["recall"]) == (4, 3, 1.0)
    assert dev["precision"] == 0.75 and dev["f1"] == pytest.approx(6 / 7)


def test_wrong_speaker_and_wrong_mode_count_over_matched_pairs():
    def predict(article: Article) -> list[Pred]:
        if article.id == "a":  # Putin for Peskow; a resolved "er" where gold has no speaker
            return [Pred(0, 10, "indirect", "Putin", "Wladimir Putin"),
                    Pred(20, 40, "indirect", "er", "Dmitri Peskow", True)]  # fmt: skip
        return [Pred(0, 10, speaker="Kreml")]  # no canonical: the speaker as written counts

    dev = score([A, B], predict)["dev"]
    assert dev["matched"] == 3 and dev["f1"] == 1.0
    assert (dev["speaker_correct"], dev["speaker_accuracy"]) == (1, pytest.approx(1 / 3))
    assert (dev["mode_correct"], dev["mode_accuracy"]) == (2, pytest.approx(2 / 3))


def test_speaker_aliases_and_case_are_accepted():
    g = gold(0, 10, "g", "Dmitri Peskow", aliases=("Peskow",))
    assert speaker_correct(g, Pred(0, 10, speaker="PESKOW"))
    assert speaker_correct(g, Pred(0, 10, speaker="er", canonical="dmitri peskow"))
    assert not speaker_correct(g, Pred(0, 10, speaker="", canonical=None))
    assert speaker_correct(gold(0, 10, "g", None), Pred(0, 10, speaker="sie", resolved=False))


def test_matching_needs_half_the_shorter_span_and_is_one_to_one():
    g = [gold(0, 10, "g")]
    assert match(g, [Pred(5, 14)]) == [(0, 0)]  # overlap 5 of the shorter 9
    assert match(g, [Pred(6, 20)]) == []  # overlap 4 of the shorter 10
    # two candidates for one gold statement: the larger overlap wins, the other is a false alarm
    assert match(g, [Pred(4, 12), Pred(0, 9)]) == [(0, 1)]
    assert match([gold(0, 10, "g"), gold(12, 20, "h")], [Pred(0, 20)]) == [(0, 0)]


def test_grouping_pairs_count_only_matched_statements_of_different_articles():
    # gold groups: a1=g a2=h b1=g c1=h; predicted ids: a1=1 a2=1 b1=1 c1=2 (c held out).
    # Cross-article pairs: a1-b1 (gold yes, pred yes), a1-c1 (no, no), a2-b1 (no, yes),
    # a2-c1 (yes, no), b1-c1 (no, no); a1-a2 is in one article and does not count.
    c = unit("c", [gold(30, 50, "h")], split="heldout")
    ids = {("a", 0): 1, ("a", 20): 1, ("b", 0): 1, ("c", 30): 2}

    def predict(article: Article) -> list[Pred]:
        return [
            Pred(s, e)
            for (aid, s), e in zip(ids, (10, 40, 10, 50), strict=True)
            if aid == article.id
        ]

    def group(items: list[tuple[Article, Predicted]]) -> list[int]:
        return [ids[(article.id, p.start)] for article, p in items]

    result = score([A, B, c], predict, group)
    every = result["all"]
    assert (every["pairs_gold"], every["pairs_predicted"], every["pairs_common"]) == (2, 2, 1)
    assert every["group_precision"] == every["group_recall"] == every["group_f1"] == 0.5
    # dev alone (a, b): a1-b1 (yes, yes), a2-b1 (no, yes): P = 1/2, R = 1/1, F1 = 2/3
    dev = result["dev"]
    assert (dev["pairs_gold"], dev["pairs_predicted"], dev["pairs_common"]) == (1, 2, 1)
    assert dev["group_precision"] == 0.5 and dev["group_recall"] == 1.0
    assert dev["group_f1"] == pytest.approx(2 / 3)
    held = result["heldout"]
    assert (held["gold"], held["matched"], held["pairs_gold"], held["group_f1"]) == (1, 1, 0, 0.0)


def test_group_must_return_one_id_per_statement():
    with pytest.raises(ValueError, match="ids for 3 statements"):
        score([A, B], perfect, lambda items: [1])


def test_gold_lines_hold_references_and_short_names_only():
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for line in (REPO / GOLD).read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        assert max(len(s) for s in strings(data)) <= 40, data["id"]


def test_a_missing_corpus_names_the_folder_and_the_variable(tmp_path: Path):
    (tmp_path / "tests" / "data").mkdir(parents=True)
    line = {"corpus": "news.jsonl", "id": "n1", "sha1": "0" * 40, "split": "dev", "statements": []}
    (tmp_path / GOLD).write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"nowhere/news.jsonl not found.*READER_CORPORA"):
        load_gold(tmp_path, corpora_dir=tmp_path / "nowhere")


def test_the_benchmark_scores_the_shipped_detector_per_split(capsys):
    """bench/bench_statement_quality.py end to end on the seeds, with the shipped detector
    and grouping: one block of numbers per split, each measured against the gold."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_statement_quality", REPO / "bench" / "bench_statement_quality.py"
    )
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--seeds-only"])
    out = capsys.readouterr().out
    assert "[dev] 4 articles, 56 gold, " in out
    assert "[heldout] 1 articles, 14 gold, " in out
    assert out.count("detection  P=") == 3 and out.count("speaker    ") == 3
