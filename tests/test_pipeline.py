"""Index-time analysis: stored once, searchable through the entity field, redone only when
the recognisers or the user's names change; and the analyze/entities commands."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import Config
from reader.corpus.model import When
from reader.library import Library
from reader.refresh import apply_inferred_dates, article_analysis, enrich
from tests.conftest import SEEDS, run_python


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("analysed")
    library = Library(Config(corpus=[SEEDS], index_dir=root / "index"))
    library.update()
    enrich(library)
    return library


def test_entity_query_finds_inflected_mentions_and_marks_them(analysed: Library) -> None:
    result = analysed.search('entity:"Wladimir Putin"', limit=100)
    marked = {h.passage.text[s:e] for h in result.hits for s, e in h.matches}
    assert {"Putin", "Putins", "Wladimir Putin"} <= marked
    # the genitive in seed 000 ("Putins Vorschlag") is found through the entity
    assert any("Putins Vorschlag" in h.passage.text for h in result.hits)


def test_entity_inside_compound_is_searchable(analysed: Library) -> None:
    result = analysed.search("entity:NATO", limit=100)
    assert any("NATO-Osterweiterung" in h.passage.text for h in result.hits)


def test_inferred_article_date_reaches_the_index(analysed: Library) -> None:
    reuters = analysed.article("001_71db2df63f5cd903")
    analysis = article_analysis(analysed, "001_71db2df63f5cd903")
    assert analysis is not None and analysis.date == When(2021, 12, 7, inferred=True)
    assert reuters is not None
    hits = analysed.search("Garantien AND date:[2021-12-01 TO 2021-12-31]", limit=50).hits
    assert "001_71db2df63f5cd903" in {h.article.id for h in hits}
    summary = next(s for s in analysed.summaries() if s.id == "001_71db2df63f5cd903")
    assert summary.date == When(2021, 12, 7, inferred=True)


def test_second_enrich_does_nothing(analysed: Library) -> None:
    report = enrich(analysed)
    assert (report.analysed, report.reindexed) == (0, 0)


def test_an_article_added_after_a_complete_analysis_is_analysed(tmp_path: Path) -> None:
    # A complete analysis is remembered (one read instead of two scans per command); the
    # next article the index takes in must still be analysed, even when the process that
    # indexed it stopped before analysing (here: update without enrich).
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Angela Merkel reist nach Paris.", encoding="utf-8")
    index = tmp_path / "index"
    library = Library(Config(corpus=[corpus], index_dir=index))
    library.update()
    assert enrich(library).analysed == 1
    assert enrich(library).analysed == 0
    (corpus / "b.txt").write_text("Emmanuel Macron empfängt Olaf Scholz.", encoding="utf-8")
    library.update()
    library.close()
    again = Library(Config(corpus=[corpus], index_dir=index))
    assert again.update().up_to_date
    assert enrich(again).analysed == 1
    assert again.search('entity:"Emmanuel Macron"').total == 1


def test_user_names_trigger_reanalysis_and_win(tmp_path: Path) -> None:
    index = tmp_path / "index"
    enrich(Library(Config(corpus=[SEEDS], index_dir=index)))
    entries = [
        {"name": "Kanal 5", "type": "ORG", "aliases": []},
        {"name": "Sergej Lawrow", "type": "PER", "aliases": ["Sergei Lawrow", "Lawrow"]},
    ]
    library = Library(Config(corpus=[SEEDS], index_dir=index, gazetteer=entries))
    library.update()
    report = enrich(library)
    assert report.analysed == 5
    analysis = article_analysis(library, "000_c7c4b8e3e078befc")
    assert analysis is not None
    names = {(s.text, s.canonical, s.label, s.origin) for s in analysis.entities}
    assert ("Sergei Lawrow", "Sergej Lawrow", "PER", "user") in names
    assert any(t == "Kanal 5" and o == "user" for t, _, _, o in names)


def test_article_analysed_on_the_spot_before_enrichment(tmp_path: Path) -> None:
    library = Library(Config(corpus=[SEEDS], index_dir=tmp_path / "ix"))
    library.update()
    analysis = article_analysis(library, "003_ea1d46bb5c9ce6df")
    assert analysis is not None
    assert any(s.canonical == "Joe Biden" for s in analysis.entities)
    assert any(s.value == When(2021, 4, 22) for s in analysis.dates)


def test_analyze_command_offsets_into_the_file(capsys, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = "Am Dienstag traf Olaf Scholz in Berlin den Chef der NATO.\n"
    path.write_text(text, encoding="utf-8")
    assert main(["analyze", str(path), "--date", "2021-12-08", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"]["value"] == "2021-12-08"
    for span in data["entities"] + data["dates"]:
        assert text[span["start"] : span["end"]] == span["text"]
    labels = {(s["text"], s["label"]) for s in data["entities"]}
    assert {("Olaf Scholz", "PER"), ("Berlin", "LOC"), ("NATO", "ORG")} <= labels
    (tuesday,) = data["dates"]
    assert tuesday["text"] == "Dienstag" and tuesday["value"]["value"] == "2021-12-07"


def test_analyze_command_bad_inputs(capsys, tmp_path: Path) -> None:
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt: cannot read" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["analyze", str(empty)]) == 2
    assert "empty file" in capsys.readouterr().err
    ok = tmp_path / "ok.txt"
    ok.write_text("Text", encoding="utf-8")
    assert main(["analyze", str(ok), "--date", "gestern"]) == 2
    assert "--date: not a date" in capsys.readouterr().err


@pytest.mark.usefixtures("bundled_indexed")
def test_entities_command_counts_mentions_per_source(capsys) -> None:
    assert main(["entities", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)["entities"]}
    putin = rows["Wladimir Putin"]
    assert putin["label"] == "PER" and putin["articles"] == 5
    assert putin["by_source"]["Reuters"] >= 3 and putin["by_source"]["RT DE"] >= 3
    assert sum(putin["by_source"].values()) == putin["mentions"]
    assert "Putins" in putin["forms"]


def test_timeline_inferred_dates_reach_list_search_and_filters(tmp_path: Path) -> None:
    library = Library(Config(corpus=[SEEDS], index_dir=tmp_path / "ix"))
    library.update()
    enrich(library)
    assert set(apply_inferred_dates(library)) == {"000_c7c4b8e3e078befc", "002_895ec12886e94bdb"}
    dates = {s.id: s.date for s in library.summaries()}
    # 000: Peskow spoke "am Mittwoch" after Tuesday's call; 002 reports the call itself
    assert dates["000_c7c4b8e3e078befc"] == When(2021, 12, 8, inferred=True)
    assert dates["002_895ec12886e94bdb"] == When(2021, 12, 7, inferred=True)
    hits = library.search("Sacharowa AND date:2021-12-08").hits
    assert [h.article.id for h in hits] == ["000_c7c4b8e3e078befc"]
    assert apply_inferred_dates(library) == []  # stable: nothing changes the second time


def test_a_failing_recogniser_costs_one_article_not_the_corpus() -> None:
    from reader.analysis.pipeline import analyze_article
    from reader.corpus.loader import load_corpus

    class Broken:
        def find(self, text: str):
            raise RuntimeError("model file is damaged")

    articles, _ = load_corpus([SEEDS])
    analysis = analyze_article(articles[1], Broken())
    assert analysis.entities == [] and "model file is damaged" in analysis.error
    assert analysis.dates  # the dates of the article are still found


POOL_UNDER_CAPTURE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from reader.analysis import pipeline
    from reader.corpus.loader import load_corpus

    class Capture:
        # what a terminal app puts in place of stderr while it runs (Textual's says -1)
        def write(self, text): return len(text)
        def flush(self): pass
        def fileno(self): return -1

    articles, _ = load_corpus([Path({seeds!r})])
    pipeline.POOL_THRESHOLD = 1  # the seeds are few: take the road of large corpora
    sys.stderr = Capture()
    try:
        results = dict(pipeline.analyze_many(articles, [], len(articles)))
    finally:
        sys.stderr = sys.__stderr__
    print(json.dumps({{aid: a.to_json() for aid, a in results.items()}}))
""")


def test_both_cores_analyse_a_large_corpus_inside_a_terminal_app() -> None:
    # A fresh interpreter: the pool's helper process starts once per process, and only the
    # first start reads stderr (in the app it failed: "bad value(s) in fds_to_keep").
    from reader.analysis.pipeline import analyze_many
    from reader.corpus.loader import load_corpus

    script = POOL_UNDER_CAPTURE.format(seeds=str(SEEDS))
    pooled = json.loads(run_python(script))
    articles, _ = load_corpus([SEEDS])
    alone = {aid: a.to_json() for aid, a in analyze_many(articles, [], len(articles))}
    assert pooled == alone and len(pooled) == len(articles)
    assert all(a["entities"] for a in pooled.values())


def test_entity_search_by_any_form_of_the_name(analysed: Library) -> None:
    whole = analysed.search('entity:"Wladimir Putin"', limit=100)
    for form in ("entity:Putin", "entity:Putins", "entity:putin"):
        result = analysed.search(form, limit=100)
        assert result.total == whole.total > 0 and not result.notes
        assert "wladimir putin" in result.names  # the whole name is what gets marked
    unknown = analysed.search("entity:Putn")
    assert unknown.total == 0
    assert unknown.notes == ["no entity is called 'putn'; did you mean entity:\"wladimir putin\"?"]


def test_a_form_shared_by_two_entities_finds_both_and_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Joe Biden traf am Montag Vertreter der Regierung.", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Hunter Biden sagte am Dienstag vor Gericht aus.", encoding="utf-8"
    )
    names = [
        {"name": "Joe Biden", "type": "PER", "aliases": []},
        {"name": "Hunter Biden", "type": "PER", "aliases": []},
    ]
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "ix", gazetteer=names))
    library.update()
    enrich(library)
    result = library.search("entity:Biden")
    assert {h.article.id for h in result.hits} == {"a", "b"}
    assert result.notes == [
        'entity:biden is a form of 2 entities, all searched: "hunter biden", "joe biden"'
    ]


def test_an_analysis_written_by_another_program_takes_the_complete_mark(tmp_path: Path) -> None:
    # An older reader sharing the index re-analyses without knowing the mark: the store's
    # own triggers must drop it, or this version would trust results it did not make.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Angela Merkel reist nach Paris.", encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    enrich(library)
    assert library.store.analysis_complete()
    library.store.db.execute("UPDATE analysis SET hash='older' WHERE kind='analysis'")
    library.store.db.execute(
        "INSERT OR REPLACE INTO analysis SELECT article_id, kind, hash, data FROM analysis "
        "WHERE kind='analysis'"
    )
    library.store.commit()
    assert library.store.analysis_complete() is None
    assert enrich(library).analysed == 1
