"""Names inside compounds are parts (issue 17, Parts): `LOCpart`/`ORGpart` in `reader analyze`,
found by `entity:` searches, counted apart from mentions in the entity table, drawn lighter;
and a hyphenated name of a place or body is one span (issue 17, Compound names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis.entity_table import tabulate
from reader.analysis.pipeline import ArticleAnalysis
from reader.analysis.spans import Span
from reader.cli import main
from reader.corpus.model import Article, Passage
from reader.ui.logic.entity_layers import analysis_layers, entity_styles

SENTENCE = "Der US-Präsident traf den NATO-Generalsekretär in Baden-Württemberg."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_analyze_labels_names_inside_compounds_as_parts(capsys, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(SENTENCE + "\n", encoding="utf-8")
    code, out = run(capsys, "analyze", str(path), "--json")
    assert code == 0
    found = [(s["text"], s["label"]) for s in json.loads(out)["entities"]]
    # tests/data/ANNOTATION.md, Spans 5: "US" and "NATO" are parts of compounds;
    # Baden-Württemberg is a hyphenated name of its own
    assert found == [("US", "LOCpart"), ("NATO", "ORGpart"), ("Baden-Württemberg", "LOC")]
    code, out = run(capsys, "analyze", str(path))
    assert code == 0 and "1 entities, 2 inside compounds" in out
    assert "LOCpart US" in " ".join(out.split())


def test_a_council_of_two_names_is_one_organisation(capsys, tmp_path: Path) -> None:
    path = tmp_path / "rat.txt"
    path.write_text("Die Sitzung des NATO-Russland-Rates wurde abgesagt.\n", encoding="utf-8")
    code, out = run(capsys, "analyze", str(path), "--json")
    assert code == 0
    entities = json.loads(out)["entities"]
    assert [(s["text"], s["label"], s["canonical"]) for s in entities] == [
        ("NATO-Russland-Rates", "ORG", "NATO-Russland-Rat")
    ]


def test_entity_search_finds_a_part_the_table_does_not_count_it(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Osterweiterung\n\nDie NATO-Osterweiterung beunruhigt Moskau.", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Bündnis\n\nDie NATO tagte in Brüssel. Die NATO schwieg.", encoding="utf-8"
    )
    (corpus / "c.txt").write_text("Wetter\n\nEs regnete in Moskau.", encoding="utf-8")
    code, out = run(capsys, "--corpus", str(corpus), "search", "entity:NATO", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert {h["article_id"] for h in hits} == {"a", "b"}
    assert any("NATO-Osterweiterung" in h["text"] for h in hits)
    code, out = run(capsys, "--corpus", str(corpus), "entities", "--json")
    assert code == 0
    rows = {r["name"]: r for r in json.loads(out)["entities"]}
    nato = rows["NATO"]
    assert (nato["label"], nato["mentions"], nato["parts"], nato["articles"]) == ("ORG", 2, 1, 2)
    assert sum(nato["by_source"].values()) == 2  # the mentions only
    code, out = run(capsys, "--corpus", str(corpus), "entities")
    assert code == 0 and "+1 inside compounds" in out


def test_table_counts_parts_apart_from_mentions() -> None:
    analysis = ArticleAnalysis(
        entities=[
            Span(4, 8, "NATO", "ORGpart", "NATO"),
            Span(30, 34, "NATO", "ORG", "NATO"),
            Span(40, 42, "US", "LOCpart", "USA"),
        ]
    )
    rows = {r.name: r for r in tabulate([("Reuters", analysis)])}
    assert (rows["NATO"].label, rows["NATO"].mentions, rows["NATO"].parts) == ("ORG", 1, 1)
    assert rows["NATO"].by_source == {"Reuters": 1}
    # a name met only inside compounds has no mention, only parts
    assert (rows["USA"].label, rows["USA"].mentions, rows["USA"].parts) == ("LOC", 0, 1)
    assert not rows["USA"].forms


def test_parts_are_drawn_in_the_lighter_style_of_their_type() -> None:
    text = "NATO-Gipfel und NATO"
    article = Article("a", "t", text, passages=[Passage("a#p0", "a", 0, 0, len(text), text)])
    analysis = ArticleAnalysis(
        entities=[Span(0, 4, "NATO", "ORGpart", "NATO"), Span(16, 20, "NATO", "ORG", "NATO")]
    )
    styles = entity_styles({"PER": "yellow", "LOC": "green", "ORG": "cyan"})
    layer = analysis_layers(article, analysis, styles)["entities"]
    (part, name) = layer[0]
    assert name == (16, 20, "bold $entity-org")
    assert part == (0, 4, "$entity-org")  # the same colour, not bold
    assert styles["LOCpart"] == "$entity-loc" and styles["PERpart"] == "$entity-per"
