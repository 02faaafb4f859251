"""A bulk rewrite with the analysis merges the new entity and date terms into the documents
written (reader.search.analysis_merge): same index as deleting and adding them again, without
analysing the text a second time, and nothing half-done when it fails (issue 18)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh import fields

from reader.config import Config
from reader.corpus.model import Article, When
from reader.library import INDEXED, Library
from reader.search import indexer

DAY = When.parse_iso("2021-12-03")


def _library(corpus: Path, index: Path) -> Library:
    library = Library(Config(corpus=[corpus], index_dir=index))
    library.update()
    return library


def _entry(article: Article) -> tuple[When | None, dict[int, list[str]]]:
    """Made-up analysis: a name on the first and last passage, a date for undated ones."""
    last = len(article.passages) - 1
    return article.date or DAY, {0: ["Erste Person", article.id], last: ["Letzter Ort"]}


def _postings(library: Library) -> dict[str, Any]:
    """Every term's postings by passage id, field lengths and counts: the index's content."""
    reader = library.index.reader()
    try:
        pids = {docnum: stored["pid"] for docnum, stored in reader.iter_docs()}
        terms = {}
        for name, text in reader.all_terms():
            matcher = reader.postings(name, text)
            docs = []
            while matcher.is_active():
                docs.append((pids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            terms[(name, text)] = sorted(docs)
        lengths = {
            pids[d]: [reader.doc_field_length(d, f) for f in ("entity", "text", "title")]
            for d in pids
        }
        return {
            "terms": terms,
            "lengths": lengths,
            "live": reader.doc_count(),
            "all": reader.doc_count_all(),
        }
    finally:
        reader.close()


@pytest.fixture
def two_copies(seeds_copy: Path, tmp_path: Path) -> tuple[Library, Library]:
    other = tmp_path / "other-seeds"
    shutil.copytree(seeds_copy, other)
    return _library(seeds_copy, tmp_path / "ix-a"), _library(other, tmp_path / "ix-b")


def test_merged_analysis_is_the_index_a_rewrite_gives(
    two_copies: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    added, merged = two_copies
    ids = sorted(s.id for s in added.summaries())
    added.reindex(ids, _entry, "v1")  # (fewer than MERGE_THRESHOLD: deleted and added)
    monkeypatch.setattr(indexer, "MERGE_THRESHOLD", 1)
    merged.reindex(ids, _entry, "v1")
    want, got = _postings(added), _postings(merged)
    assert got["all"] == got["live"] == want["live"]  # no deleted copy left behind
    assert got["terms"] == want["terms"]
    assert got["lengths"] == want["lengths"]
    hits = merged.search('entity:"Letzter Ort"')
    assert hits.total == len(ids)
    assert all(merged.store.get_analysis(aid, INDEXED) for aid in ids)


def test_merging_again_replaces_the_earlier_terms(
    two_copies: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _ = two_copies
    monkeypatch.setattr(indexer, "MERGE_THRESHOLD", 1)
    ids = sorted(s.id for s in library.summaries())
    library.reindex(ids, _entry, "v1")
    library.reindex(ids[:2], lambda a: (a.date, {1: ["Neuer Name"]}), "v2")
    assert library.search('entity:"Erste Person"').total == len(ids) - 2
    assert library.search('entity:"Neuer Name"').total == 2
    assert library.search('entity:"Letzter Ort"').total == len(ids) - 2


def test_the_merge_does_not_analyse_the_text_again(
    two_copies: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _ = two_copies
    monkeypatch.setattr(indexer, "MERGE_THRESHOLD", 1)
    ids = sorted(s.id for s in library.summaries())
    before = library.search("Russland").total

    def no_text(self: Any, value: Any, **kwargs: Any) -> Any:
        raise AssertionError("the text was analysed again")

    monkeypatch.setattr(fields.TEXT, "index", no_text)
    library.reindex(ids, _entry, "v1")
    monkeypatch.undo()
    assert library.search("Russland").total == before > 0
    assert library.search('entity:"Erste Person"').total == len(ids)


def test_a_failed_merge_leaves_the_index_as_it_was(
    two_copies: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, _ = two_copies
    monkeypatch.setattr(indexer, "MERGE_THRESHOLD", 1)
    ids = sorted(s.id for s in library.summaries())
    before = _postings(library)
    from reader.search import analysis_merge

    def broken(self: Any) -> Any:
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr(analysis_merge._WithAnalysis, "iter_postings", broken)
    with pytest.raises(KeyboardInterrupt):
        library.reindex(ids, _entry, "v1")
    monkeypatch.undo()
    library.close()
    reopened = Library(library.config)
    assert reopened.is_current()
    assert _postings(reopened) == before
    assert not any(reopened.store.get_analysis(aid, INDEXED) for aid in ids)
