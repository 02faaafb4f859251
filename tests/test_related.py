"""Related passages on the seeds: the same statement in other words links across articles,
boilerplate links to nothing, and results follow the index when it changes."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest

from reader.analysis.related import Related, UnknownPassage, finder, related
from reader.config import load_config
from reader.library import Library
from reader.refresh import enrich

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# The same statements in the seeds, as each article words them (read by hand).
GUARANTEES = [
    "verlässliche und feste rechtliche Garantien",  # 000
    "rechtlich verbindlichen Sicherheitsgarantien vorgelegt",  # 001 lead
    "verlässliche und rechtlich fixierte Garantien",  # 001 quote
    "rechtlich verbriefte Garantien zu erhalten",  # 002
    "rechtsverbindliche Garantien für das Ende der NATO-Osterweiterungen",  # 004
]
TWO_HOURS = [
    "zweistündigen Telefonat",  # 000
    "zweistündigen Videogespräch",  # 001
    "Sie dauerten zwei Stunden und fünf Minuten",  # 002
]
SANCTIONS = [
    "Bidens Drohung",  # 001
    "mit starken wirtschaftlichen und anderen Maßnahmen",  # 002
    "härteren Sanktionen",  # 004
]


def open_seeds(root: Path, corpus: Path = SEEDS) -> Library:
    config = load_config(corpus_override=None)  # the bundled config: seeds and their sources
    config.corpus = [corpus]
    config.index_dir = root / "index"
    library = Library(config)
    library.update()
    enrich(library)
    return library


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_seeds(tmp_path_factory.mktemp("related"))


def pid_of(library: Library, snippet: str) -> str:
    found = [
        p.id
        for s in library.summaries()
        for p in library.article(s.id).passages
        if snippet in p.text
    ]
    assert len(found) == 1, f"{snippet!r} in {found}"
    return found[0]


@pytest.mark.parametrize(
    "statement",
    [GUARANTEES, TWO_HOURS, SANCTIONS],
    ids=["guarantees", "two-hour-call", "sanctions-warning"],
)
def test_each_wording_links_to_the_others(seeds: Library, statement: list[str]) -> None:
    ids = [pid_of(seeds, s) for s in statement]
    for a, b in itertools.permutations(ids, 2):
        if a.split("#")[0] == b.split("#")[0]:
            continue  # the same article: related passages come from other articles
        found = {r.passage_id: r for r in related(seeds, a, limit=30)}
        assert b in found, f"{a} does not link to {b}"
        assert 0 < found[b].score <= 1


def test_boilerplate_links_to_nothing(seeds: Library) -> None:
    assert related(seeds, pid_of(seeds, "Mehr zum Thema"), limit=30) == []


def test_no_passage_links_to_the_boilerplate(seeds: Library) -> None:
    teaser = pid_of(seeds, "Mehr zum Thema")
    for summary in seeds.summaries():
        for p in seeds.article(summary.id).passages:
            assert teaser not in {r.passage_id for r in related(seeds, p.id, limit=30)}


def test_best_match_first_and_explained(seeds: Library) -> None:
    quote_000 = pid_of(seeds, GUARANTEES[0])
    results = related(seeds, quote_000)
    # The Reuters quote is nearly word for word the same: it comes first.
    assert results[0].passage_id == pid_of(seeds, GUARANTEES[2])
    assert results[0].score > 0.5
    # Why: the shared words, as the related passage writes them, each once.
    terms = results[0].terms
    assert len(terms) >= 5 and len(set(terms)) == len(terms)
    assert all(t in results[0].text for t in terms)


def test_other_sources_first_then_by_score(seeds: Library) -> None:
    for summary in seeds.summaries():
        for p in seeds.article(summary.id).passages:
            results = related(seeds, p.id, limit=30)
            keys = [(r.same_source, -r.score) for r in results]
            assert keys == sorted(keys)
            assert all(r.article_id != summary.id for r in results)


def test_limit_and_unknown_passages(seeds: Library) -> None:
    pid = pid_of(seeds, GUARANTEES[0])
    assert len(related(seeds, pid, limit=1)) == 1
    for bad in ("nope", "000_c7c4b8e3e078befc#p99", "missing#p0"):
        with pytest.raises(UnknownPassage):
            related(seeds, bad)


def test_results_are_cached_in_the_store(seeds: Library) -> None:
    pid = pid_of(seeds, TWO_HOURS[1])
    first = related(seeds, pid)
    article_id, index = pid.split("#p")
    stored = seeds.store.get_analysis(article_id, f"related:p{index}")
    assert stored is not None
    assert [Related.from_json(r) for r in stored[1]][: len(first)] == first
    # A new finder (a new session) answers from the store without computing.
    f = finder(seeds)
    f._results.clear()
    f._compute = None  # type: ignore[assignment]  # would fail if called
    assert related(seeds, pid) == first


def test_a_new_article_is_linked_after_the_index_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    library = open_seeds(tmp_path, corpus)
    pid = pid_of(library, GUARANTEES[3])
    before = {r.article_id for r in related(library, pid, limit=30)}
    (corpus / "005_new.txt").write_text(
        "Kreml verlangt Garantien\n\n"
        "Moskau will rechtlich verbindliche Garantien, die eine Osterweiterung der NATO und "
        "die Stationierung von Angriffssystemen in den Nachbarländern Russlands ausschließen.\n\n"
        "Beim Derby in Dortmund schoss der Stürmer in der Nachspielzeit das Siegtor.\n",
        encoding="utf-8",
    )
    library.update()
    enrich(library)
    after = {r.passage_id: r for r in related(library, pid, limit=30)}
    assert "005_new" not in before
    assert "005_new#p1" in after
    # The football line shares no statement with anything in the seeds.
    assert related(library, "005_new#p2", limit=30) == []


def test_related_and_compare_commands(capsys) -> None:
    from reader.cli import main

    quote = "001_71db2df63f5cd903#p3"
    assert main(["related", quote, "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"passage_id", "text", "related"}
    assert data["passage_id"] == quote and len(data["related"]) == 2
    first = data["related"][0]
    assert set(first) == {
        "passage_id",
        "article_id",
        "passage",
        "source",
        "title",
        "start",
        "end",
        "text",
        "score",
        "same_source",
        "why",
        "link",
    }
    assert first["link"] in ("event", "statement", "occasion")
    assert set(first["why"]) == {
        "text",
        "entities",
        "dates",
        "shared_terms",
        "shared_entities",
        "shared_dates",
    }
    assert first["passage_id"] == "000_c7c4b8e3e078befc#p6" and first["source"] == "RT DE"
    assert 0 < first["score"] <= 1
    assert main(["related", quote]) == 0
    assert "000_c7c4b8e3e078befc#p6  RT DE" in capsys.readouterr().out
    for bad in (
        ["related", "000_c7c4b8e3e078befc#p99"],
        ["related", "nonsense"],
        ["related", quote, "--limit", "0"],
        ["compare", quote, "missing#p1"],
    ):
        assert main(bad) == 2
        err = capsys.readouterr().err
        assert err.startswith("reader: ") and ("no passage" in err or "--limit" in err)
    assert main(["compare", quote, "000_c7c4b8e3e078befc#p6", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"a", "b", "similarity", "shared", "segments"}
    assert any(s["op"] == "equal" and "Garantien" in s["a_text"] for s in data["segments"])


def test_an_item_shown_again_is_one_related_passage(tmp_path, capsys) -> None:
    """Issue 15 R11: a front page showing an item twice listed it twice in the strip."""
    from reader.cli import main

    lines = [
        {
            "id": "a-1",
            "title": "Kreml fordert Garantien gegen NATO-Osterweiterung",
            "source": "welt.de",
            "date": "2021-12-07T10:00",
            "text": "Der Kreml verlangt rechtlich bindende Garantien gegen eine Osterweiterung.",
        },
        {
            "id": "a-2",
            "title": "Kreml fordert Garantien gegen NATO-Osterweiterung",
            "source": "welt.de",
            "date": "2021-12-07T14:00",
            "text": "Der Kreml verlangt rechtlich bindende Garantien gegen eine Osterweiterung.",
        },
        {
            "id": "b-1",
            "title": "Moskau will Garantien gegen die NATO-Osterweiterung",
            "source": "faz.net",
            "date": "2021-12-07T11:00",
            "text": "Moskau verlangt rechtlich bindende Garantien gegen eine Osterweiterung.",
        },
    ]
    corpus = tmp_path / "front.jsonl"
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    assert main(["--corpus", str(corpus), "related", "b-1#p1", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["related"]
    welt = [r for r in found if r["source"] == "welt.de" and r["passage"] == 1]
    assert len(welt) == 1, found
