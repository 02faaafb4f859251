"""What `reader search` does on a current index (issue 18): it imports only what a search
needs, and its up-to-date check is a ``stat`` per corpus file and per analysis input, while
a changed corpus file, analysis input or gazetteer is still noticed."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from reader.cli.context import Context
from reader.refresh import current_version, enrich
from tests.conftest import REPO, run_python, seeds_config

NOT_FOR_A_SEARCH = (
    "yaml",  # the config file's parser (there is none here) and Markdown front matter
    "textual",
    "multiprocessing",
    "reader.ui",
    "reader.bookmarks",
    "reader.analysis",  # the version check needs none of the analysis code
    "reader.cli.bookmark_commands",
    "reader.cli.link_commands",
    "reader.cli.analysis_commands",
    "reader.corpus.loader",  # the formats, decoding and passages: for changed files only
    "reader.corpus.formats",
    "reader.search.article_ids",
)


def test_a_search_imports_only_what_it_needs(indexed_seeds: Path) -> None:
    from tests.conftest import run_reader

    # the index as this installation of reader last left it (in CI the tests' reader is the
    # checkout and a fresh process's the installed copy, whose files have other times)
    assert run_reader("--corpus", str(indexed_seeds), "search", "Putin").returncode == 0
    code = (
        "import contextlib, io, json, sys\n"
        "from reader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    status = main(['--corpus', {str(indexed_seeds)!r}, 'search', 'Putin', '--json'])\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {{'yaml', 'textual',"
        f" 'multiprocessing'}} or m.startswith({NOT_FOR_A_SEARCH!r}))\n"
        "print(json.dumps({'status': status, 'total': json.loads(out.getvalue())['total'],"
        " 'loaded': loaded}))\n"
    )
    found = json.loads(run_python(code).strip().splitlines()[-1])
    assert found["status"] == 0 and found["total"] > 0  # a real search, with hits
    assert found["loaded"] == []


def _library(config: Path, **changes: object):
    ctx = Context(config_path=str(config))
    if changes:
        ctx.__dict__["config"] = dataclasses.replace(ctx.config, **changes)
    return ctx.library


@pytest.fixture(scope="module")
def _analysed_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The seeds indexed and analysed once for the module: the folder that holds them, a
    pristine copy of it, and its config."""
    base = tmp_path_factory.mktemp("analysed")
    root = base / "root"
    root.mkdir()
    config = seeds_config(root, {"000_c7c4b8e3e078befc": "RT DE"})
    pristine = base / "pristine"
    shutil.copytree(root, pristine)  # (copy2 keeps the times the index and its stamp record)
    return root, pristine, config


@pytest.fixture
def analysed(_analysed_once: tuple[Path, Path, Path]) -> Path:
    """The seeds indexed and analysed; its config. Restored in place for every test (the
    index records the corpus's paths), so nothing a test changes carries over."""
    root, pristine, config = _analysed_once
    shutil.rmtree(root)
    shutil.copytree(pristine, root)
    return config


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the reader package whose analysis inputs the version check looks at."""
    copy = tmp_path / "package"
    shutil.copytree(REPO / "reader", copy, ignore=shutil.ignore_patterns("__pycache__", "ui"))
    monkeypatch.setattr("reader.refresh.PACKAGE", copy)
    return copy


def _hashes(monkeypatch: pytest.MonkeyPatch, gives: str | None = None) -> list[str]:
    """Count the calls of the full hash of the analysis inputs (answering ``gives``, else
    what the real one answers)."""
    from reader.analysis import pipeline

    real = pipeline.analysis_version
    calls: list[str] = []

    def counted(entries):
        calls.append("hash")
        return gives if gives is not None else real(entries)

    monkeypatch.setattr(pipeline, "analysis_version", counted)
    return calls


def test_unchanged_inputs_are_not_hashed_again(analysed, package, monkeypatch) -> None:
    library = _library(analysed)
    version = current_version(library)  # (records the copy's stamps)
    hashes = _hashes(monkeypatch)
    assert current_version(library) == version
    assert hashes == []
    library.close()


def test_a_touched_analysis_input_is_hashed_again_and_keeps_the_version(
    analysed, package, monkeypatch
) -> None:
    library = _library(analysed)
    version = current_version(library)
    hashes = _hashes(monkeypatch)
    dates = package / "analysis" / "dates.py"
    info = dates.stat()
    os.utime(dates, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert current_version(library) == version
    assert hashes == ["hash"]
    assert current_version(library) == version and hashes == ["hash"]  # (stamp recorded)
    assert enrich(library).analysed == 0  # nothing analysed again
    library.close()


def test_a_changed_analysis_input_reanalyses_the_corpus(analysed, package, monkeypatch) -> None:
    library = _library(analysed)
    current_version(library)
    hashes = _hashes(monkeypatch, gives="0123456789abcdef")
    model = package / "data" / "ner-de.features.json"
    model.write_bytes(model.read_bytes() + b" ")
    assert current_version(library) == "0123456789abcdef" and hashes == ["hash"]
    articles = library.store.count()
    assert enrich(library).analysed == articles  # every article, by the new version
    library.close()


def test_another_gazetteer_is_a_new_analysis_version(analysed, monkeypatch) -> None:
    library = _library(analysed)
    version = current_version(library)
    library.close()
    names = [{"name": "Kremlsprecher Nord", "type": "PER", "aliases": []}]
    other = _library(analysed, gazetteer=names)
    hashes = _hashes(monkeypatch)
    assert current_version(other) != version and hashes == ["hash"]
    other.close()


def test_a_touched_but_unchanged_corpus_file_is_not_analysed_again(analysed) -> None:
    library = _library(analysed)
    first = sorted(library.config.corpus[0].glob("*.txt"))[0]
    info = first.stat()
    os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert not library.is_current()
    from reader.refresh import refresh

    report = refresh(library)
    assert report.index is not None and report.index.files_read == 1
    assert report.index.added == report.index.updated == 0
    assert report.analysis.analysed == 0
    assert library.is_current()
    library.close()


def test_a_changed_corpus_file_is_found_by_the_next_search(analysed) -> None:
    library = _library(analysed)
    first = sorted(library.config.corpus[0].glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nZebrastreifenwort.\n")
    library.close()
    from tests.conftest import run_reader

    run = run_reader("--config", str(analysed), "search", "Zebrastreifenwort", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["total"] == 1


def test_an_unchanged_store_is_not_checked_for_damage_again(analysed) -> None:
    """Opening the store makes an empty write-ahead log; that is no change to the file."""
    from reader.search.store import ArticleStore

    path = analysed.parent / "index" / "store.sqlite"
    ArticleStore(path).close()  # (known whole now)
    store = ArticleStore(path)
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    assert store.damage() == ""
    assert not [s for s in statements if "quick_check" in s]
    store.close()


def test_a_config_file_read_before_needs_no_yaml_parser(indexed_seeds: Path, tmp_path) -> None:
    from tests.conftest import run_reader

    config = tmp_path / "config.yaml"
    config.write_text(f"corpus: {indexed_seeds}\nsearch:\n  limit: 1\n", encoding="utf-8")
    run = run_reader("--config", str(config), "search", "Putin", "--json")
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["hits"]) == 1
    code = (
        "import contextlib, io, json, sys\n"
        "from reader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main(['--config', {str(config)!r}, 'search', 'Putin', '--json'])\n"
        "print(json.dumps([len(json.loads(out.getvalue())['hits']), 'yaml' in sys.modules]))\n"
    )
    assert json.loads(run_python(code).strip().splitlines()[-1]) == [1, False]
    config.write_text(f"corpus: {indexed_seeds}\nsearch:\n  limit: 2\n", encoding="utf-8")
    run = run_reader("--config", str(config), "search", "Putin", "--json")
    assert len(json.loads(run.stdout)["hits"]) == 2  # an edited file is read again


def test_yaml_that_json_cannot_hold_is_parsed_every_time() -> None:
    import datetime

    from reader.config_text import load_yaml

    for _ in range(2):
        data, repeats = load_yaml("when: 2024-01-02\n1: one\nflag: yes\n", "test.yaml")
        assert data == {"when": datetime.date(2024, 1, 2), 1: "one", "flag": True}
        assert type(data["when"]) is datetime.date and not repeats
    for _ in range(2):
        data, repeats = load_yaml("a: 1\na: 2\nb: [1.5, true, null]\n", "test.yaml")
        assert data == {"a": 2, "b": [1.5, True, None]} and repeats
        assert type(data["b"][1]) is bool and type(data["a"]) is int
