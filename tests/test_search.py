"""The index: German search behaviour, the query language, incremental updates, recovery."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.config import Config
from reader.library import Library
from reader.search.query import QueryError
from tests.conftest import SEEDS


def _library(corpus: Path, tmp_path: Path, **kw) -> Library:
    config = Config(corpus=[corpus], index_dir=tmp_path / "index", **kw)
    library = Library(config)
    library.update()
    return library


@pytest.fixture(scope="module")
def seeds_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The seeds indexed once for the module's read-only tests (they only search)."""
    tmp = tmp_path_factory.mktemp("search-seeds")
    library = _library(SEEDS, tmp, overrides={"000_c7c4b8e3e078befc": {"source": "RT DE"}})
    yield library
    library.close()


def _pids(result) -> set[str]:
    return {h.passage.id for h in result.hits}


def test_inflected_form_matches(seeds_library: Library) -> None:
    hits = seeds_library.search("Präsident", limit=100).hits
    words = {h.passage.text[s:e] for h in hits for s, e in h.matches}
    assert {"Präsident", "Präsidenten"} <= words


def test_search_without_umlaut_finds_umlaut(seeds_library: Library) -> None:
    hits = seeds_library.search("Prasident", limit=100).hits
    assert any("Präsident" in h.passage.text for h in hits)
    assert seeds_library.search("Gesprach", limit=5).total > 0


def test_phrase_search(seeds_library: Library) -> None:
    result = seeds_library.search('"rote Linie"', limit=50)
    assert result.total >= 2
    for hit in result.hits:
        marked = [hit.passage.text[s:e].lower() for s, e in hit.matches]
        assert any(w.startswith("rot") for w in marked)
    # the words apart, not as a phrase, do not count
    assert seeds_library.search('"Linie rote"', limit=50).total == 0


@pytest.mark.parametrize(
    "query",
    [
        '"rote Linie" AND Raketen',
        'Raketen AND "rote Linie"',
        '("rote Linie" OR Zusicherungen) AND NOT Genf',
    ],
)
def test_phrase_beside_operators_is_a_query(seeds_library: Library, query: str) -> None:
    # The quoted phrase is an operand: the operator beside it is not "at the start".
    hits = seeds_library.search(query).hits
    assert "001_71db2df63f5cd903#p4" in {hit.passage.id for hit in hits}


@pytest.mark.parametrize(
    "query",
    ["Kreml NOT Ukraine", "Kreml ANDNOT Ukraine", "(Kreml OR Moskau) AND NOT (Ukraine OR NATO)"],
)
def test_excluded_words_are_not_marked(seeds_library: Library, query: str) -> None:
    # The reading pane marks result.terms all over the article: "die Ukraine" in RT DE's
    # first paragraph must not look like a hit of a search that excludes it.
    result = seeds_library.search(query)
    assert "kreml" in result.terms
    assert not {"ukrain", "nato"} & result.terms


def test_field_filters(seeds_library: Library) -> None:
    reuters = seeds_library.search("Putin AND source:reuters", limit=100)
    assert reuters.total > 0
    assert {h.article.source for h in reuters.hits} == {"Reuters"}
    rt = seeds_library.search('source:"RT DE" AND Peskow', limit=100)
    assert {h.article.id for h in rt.hits} == {"000_c7c4b8e3e078befc"}
    titled = seeds_library.search("title:Gipfeltreffen AND Biden", limit=100)
    assert {h.article.id for h in titled.hits} == {"003_ea1d46bb5c9ce6df"}


def test_date_range_filter(seeds_library: Library) -> None:
    december = seeds_library.search("Biden AND date:[2021-12-01 TO 2021-12-31]", limit=100)
    assert {h.article.id for h in december.hits} == {"004_0c5df4d7e626345f"}
    april = seeds_library.search("Biden AND date:2021-04", limit=100)
    assert {h.article.id for h in april.hits} == {"003_ea1d46bb5c9ce6df"}
    since = seeds_library.search("Biden AND date:[2021-06-01 TO]", limit=100)
    assert {h.article.id for h in since.hits} == {"004_0c5df4d7e626345f"}
    until = seeds_library.search("Biden AND date:[TO 2021-05-31]", limit=100)
    assert {h.article.id for h in until.hits} == {"003_ea1d46bb5c9ce6df"}


def test_boolean_prefix_and_fuzzy(seeds_library: Library) -> None:
    both = _pids(seeds_library.search("Lawrow AND Kiew", limit=100))
    lawrow = _pids(seeds_library.search("Lawrow", limit=100))
    assert both and both <= lawrow
    without = _pids(seeds_library.search("Lawrow NOT Kiew", limit=100))
    assert without == lawrow - both
    prefix = seeds_library.search("Sicherheitsgar*", limit=100)
    assert any("Sicherheitsgarantien" in h.passage.text for h in prefix.hits)
    fuzzy = seeds_library.search("Peskov~", limit=100)
    assert any("Peskow" in h.passage.text for h in fuzzy.hits)


def test_hits_carry_article_metadata_and_offsets(seeds_library: Library) -> None:
    hit = seeds_library.search("Sacharowa", limit=5).hits[0]
    assert hit.article.source == "RT DE"
    assert hit.passage.text == hit.article.text[hit.passage.start : hit.passage.end]
    ((s, e),) = hit.matches
    assert hit.passage.text[s:e] == "Sacharowa"
    frag = hit.fragments[0]
    assert frag.text == hit.passage.text[frag.start : frag.end]
    assert hit.score > 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"rote Linie', "unclosed quote"),
        ("(Putin OR Biden", "unclosed '('"),
        ("Putin)", "unexpected ')'"),
        ("autor:Putin", "unknown field 'autor:'"),
        ("Putin AND", "at the end"),
        ("OR Putin", "at the start"),
        ("date:[gestern TO morgen]", "'gestern' in 'date:[gestern TO morgen]' at column 1 is"),
        ("Putin date:[2021-12-01 TO garbage]", "'garbage' in 'date:[2021-12-01 TO garb"),
        ("Putin date:gestern", "'gestern' in 'date:gestern' at column 7 is not a date"),
        ("date:99999", "'99999' in 'date:99999' at column 1 is not a date"),
        ("date:[* TO 2021]", "'*' in 'date:[* TO 2021]' at column 1 is not a date"),
        ("NOT NOT NOT Polizei", "'NOT NOT': two operators in a row"),
        ("(" * 3000 + "Putin" + ")" * 3000, "parentheses at column 101 nest more than 100 deep"),
        ("x" * 130_000, "word at column 1 is 130,000 characters long; a query word has at most"),
        ("date:2021-13", "'date:2021-13' at column 1 is not a date"),
        ("   ", "empty query"),
        ("die und der", "nothing left to search"),
    ],
)
def test_malformed_queries_say_what_is_wrong(
    seeds_library: Library, query: str, message: str
) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        seeds_library.search(query)


def test_incremental_edit_add_delete(seeds_copy: Path, tmp_path: Path) -> None:
    library = _library(seeds_copy, tmp_path)
    assert library.update().up_to_date
    target = seeds_copy / "001_71db2df63f5cd903.txt"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nZebrastreifen-Absatz.\n", encoding="utf-8"
    )
    (seeds_copy / "new.txt").write_text("Neu\n\nEin Flamingo im Text.", encoding="utf-8")
    (seeds_copy / "003_ea1d46bb5c9ce6df.txt").unlink()
    report = library.update()
    assert (report.added, report.updated, report.removed, report.files_read) == (1, 1, 1, 2)
    assert library.search("Zebrastreifen").total == 1
    assert library.search("Flamingo").hits[0].article.id == "new"
    assert library.search("Gipfeltreffen").total == 0  # only seed 003 said that
    assert library.article("003_ea1d46bb5c9ce6df") is None
    assert library.update().up_to_date


def test_touched_but_unchanged_file_reindexes_nothing(seeds_copy: Path, tmp_path: Path) -> None:
    library = _library(seeds_copy, tmp_path)
    target = seeds_copy / "000_c7c4b8e3e078befc.txt"
    os.utime(target, ns=(1, 1))
    report = library.update()
    assert report.files_read == 1 and report.up_to_date


def test_schema_version_change_rebuilds(seeds_copy: Path, tmp_path: Path) -> None:
    library = _library(seeds_copy, tmp_path)
    library.store.set_meta("version", "schema=0;store=0")
    library.store.commit()
    library.close()
    again = Library(library.config)
    report = again.update()
    assert report.rebuilt and "format changed" in report.rebuild_reason
    assert again.search("Sacharowa").total == 1


def test_corrupt_index_is_rebuilt_not_a_crash(seeds_copy: Path, tmp_path: Path) -> None:
    library = _library(seeds_copy, tmp_path)
    library.close()
    for toc in (tmp_path / "index" / "whoosh").glob("*.toc"):
        toc.write_bytes(b"garbage")
    again = Library(library.config)
    report = again.update()
    assert report.rebuilt and "unreadable" in report.rebuild_reason
    assert again.search("Sacharowa").total == 1


def test_duplicate_ids_across_files_are_kept_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "same.txt").write_text("Eins\n\nAlpha.", encoding="utf-8")
    (corpus / "b" / "same.txt").write_text("Zwei\n\nBeta.", encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "ix"))
    report = library.update()
    assert report.articles == 2
    assert any("duplicate article id 'same'" in str(p) for p in report.problems)
    # a/ sorts first and keeps the id; b/'s carries a hash of its path in the corpus
    suffix = hashlib.sha1(b"b/same.txt").hexdigest()[:8]
    assert library.search("Alpha").hits[0].article.id == "same"
    assert library.search("Beta").hits[0].article.id == f"same~{suffix}"


def test_marks_join_into_one_per_run_of_words() -> None:
    from reader.search.query import merge_spans

    text = "des Islamischen Staats und die „rote Linie“ sowie Moskau, Kiew"
    islam, staats = text.index("Islamischen"), text.index("Staats")
    rote, linie = text.index("rote"), text.index("Linie")
    moskau, kiew = text.index("Moskau"), text.index("Kiew")
    spans = [
        (islam, islam + 11),
        (islam, staats + 6),
        (rote, rote + 4),
        (linie, linie + 5),
        (moskau, moskau + 6),
        (kiew, kiew + 4),
    ]
    assert merge_spans(text, spans) == [
        (islam, staats + 6),
        (rote, linie + 5),
        (moskau, moskau + 6),
        (kiew, kiew + 4),
    ]


def test_a_snippet_without_marks_ends_at_a_word() -> None:
    from reader.search.query import fragments

    text = " ".join(["Verhandlungen"] * 40)
    (frag,) = fragments(text, [])
    assert frag.start == 0 and frag.text.endswith("Verhandlungen")
    assert text[frag.end] == " "


@pytest.mark.usefixtures("bundled_indexed")
def test_cli_snippets_have_ellipses_only_where_text_was_cut(capsys) -> None:
    from reader.cli import main

    assert main(["--corpus", str(SEEDS), "search", "title:Gipfeltreffen", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "\n  Joe Biden lädt Wladimir Putin zu Gipfeltreffen in einem Drittland ein\n" in out
    assert "… Joe Biden lädt" not in out and "Drittland ein …" not in out


def test_the_list_comes_from_the_store_only_while_the_index_is_current(
    seeds_copy: Path, tmp_path: Path
) -> None:
    from reader.search.scan import current_summaries

    assert current_summaries(tmp_path / "index", [seeds_copy], {}) is None  # no index yet
    library = _library(seeds_copy, tmp_path)
    index_dir = library.paths.root
    listed = current_summaries(index_dir, [seeds_copy], {})
    assert listed is not None
    assert {s.id for s in listed} == {s.id for s in library.summaries()}
    (seeds_copy / "new.txt").write_text("Neu\n\nEin Flamingo.", encoding="utf-8")
    assert current_summaries(index_dir, [seeds_copy], {}) is None  # the app updates first
