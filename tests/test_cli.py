"""The command line, run as a user runs it: exit codes, messages, JSON shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SEEDS, run_python


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_up_to_date(capsys) -> None:
    code, out, _ = run(capsys, "index")
    assert code == 0 and "indexed 5 articles from 5 files (5 added" in out
    code, out, _ = run(capsys, "index")
    assert code == 0 and "index is up to date: 5 articles" in out


@pytest.mark.usefixtures("bundled_indexed")
def test_search_json_shape(capsys) -> None:
    code, out, _ = run(capsys, "search", "Sacharowa", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "Sacharowa" and data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) == {
        "passage_id",
        "article_id",
        "passage",
        "title",
        "source",
        "date",
        "score",
        "start",
        "end",
        "text",
        "matches",
        "fragments",
    }
    assert hit["source"] == "RT DE"
    s, e = hit["matches"][0]
    assert hit["text"][s:e] == "Sacharowa"
    assert hit["passage_id"] == f"{hit['article_id']}#p{hit['passage']}"


@pytest.mark.usefixtures("bundled_indexed")
def test_search_text_output_marks_matches(capsys) -> None:
    code, out, _ = run(capsys, "search", "Sacharowa")
    assert code == 0 and "»Sacharowa«" in out and "1 passage matches" in out


@pytest.mark.usefixtures("bundled_indexed")
def test_bad_query_exit_2_with_message(capsys) -> None:
    code, out, err = run(capsys, "search", '"rote Linie')
    assert code == 2 and out == ""
    assert "unclosed quote" in err


@pytest.mark.usefixtures("bundled_indexed")
def test_show_json_and_unknown_id(capsys) -> None:
    code, out, _ = run(capsys, "show", "001_71db2df63f5cd903", "--json")
    data = json.loads(out)
    assert data["source"] == "Reuters" and data["place"] == "Moskau"
    for p in data["passages"]:
        assert data["text"][p["start"] : p["end"]] == p["text"]
    code, _, err = run(capsys, "show", "nope")
    assert code == 2 and "no article with id 'nope'" in err


def test_corpus_flag_and_bad_config(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Titel\n\nEin Albatros.", encoding="utf-8")
    code, out, _ = run(capsys, "--corpus", str(corpus), "search", "Albatros", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["article_id"] == "x"
    bad = tmp_path / "bad.yaml"
    bad.write_text("search:\n  limit: lots\n", encoding="utf-8")
    code, _, err = run(capsys, "--config", str(bad), "index")
    assert code == 2 and "key 'search.limit' expects a whole number" in err and "line 2" in err


def test_empty_corpus_says_what_to_do(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    code, out, err = run(capsys, "--corpus", str(empty), "search", "Putin")
    assert "corpus is empty" in err and "add .txt, .md or .jsonl files" in err
    assert code == 0 and out.startswith("0 passages match")


@pytest.mark.usefixtures("bundled_indexed")
def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "search", "Genf", "--limit", "2", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["hits"]) == 2


def test_index_stores_the_dates_inferred_for_undated_articles(capsys) -> None:
    # 000 and 002 name no date of their own: the events they report with the dated articles
    # date them, and what the index stores is what show, search and the date filter use
    code, out, _ = run(capsys, "index", "--json")
    assert code == 0
    assert set(json.loads(out)["inferred_dates"]) == {
        "000_c7c4b8e3e078befc",
        "002_895ec12886e94bdb",
    }
    code, out, _ = run(capsys, "show", "000_c7c4b8e3e078befc", "--json")
    assert json.loads(out)["date"] == {"value": "2021-12-08", "precision": "day", "inferred": True}
    code, out, _ = run(capsys, "search", "Sacharowa AND date:2021-12-08", "--json")
    assert [h["article_id"] for h in json.loads(out)["hits"]] == ["000_c7c4b8e3e078befc"]


def test_a_search_loads_only_what_searching_needs(tmp_path: Path) -> None:
    # Every command pays for what it imports; a search needs neither the bookmarks, the link
    # commands nor a YAML parser (the corpus here has no Markdown front matter).
    code = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--corpus', {str(SEEDS)!r}, 'search', 'Genf', '--json'])\n"
        "print(sorted(m for m in ('yaml', 'reader.bookmarks', 'reader.cli.link_commands',\n"
        "                         'reader.cli.bookmark_commands') if m in sys.modules))\n"
    )
    assert run_python(code, cwd=tmp_path).strip() == "[]"


def test_help_still_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in (
        "index",
        "search",
        "show",
        "analyze",
        "entities",
        "bookmarks",
        "timeline",
        "related",
        "compare",
    ):
        assert command in out
    with pytest.raises(SystemExit) as exit_:
        main(["--corpus", str(SEEDS), "serch", "Genf"])
    assert exit_.value.code == 2 and "invalid choice: 'serch'" in capsys.readouterr().err


@pytest.mark.usefixtures("bundled_indexed")
def test_an_unknown_entity_name_gets_a_did_you_mean(capsys) -> None:
    code, out, err = run(capsys, "search", "entity:Sacharova")
    assert code == 0 and out.startswith("0 passages match")
    assert 'did you mean entity:"maria sacharowa"?' in err
    code, out, _ = run(capsys, "search", "entity:Sacharowa", "--json")
    assert json.loads(out)["total"] > 0


@pytest.mark.usefixtures("bundled_indexed")
def test_global_options_work_after_the_command_too(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _ = run(capsys, "search", "Sacharowa", "--corpus", str(SEEDS), "--json")
    assert code == 0 and json.loads(out)["total"] >= 1
    # given again after the command, it wins over the value before it
    code, out, _ = run(
        capsys, "--corpus", str(empty), "search", "Sacharowa", "--corpus", str(SEEDS), "--json"
    )
    assert code == 0 and json.loads(out)["total"] >= 1
    code, out, _ = run(
        capsys,
        "--corpus",
        str(empty),
        "bookmarks",
        "list",
        "--json",
        "--config",
        str(tmp_path / "none.yaml"),
    )
    assert code == 2  # the sub-command's --config was read: it names a missing file


@pytest.mark.usefixtures("bundled_indexed")
def test_counts_agree_with_their_nouns(capsys) -> None:
    code, out, _ = run(capsys, "search", "Sacharowa")
    assert code == 0 and out.startswith("1 passage matches 'Sacharowa'")
    code, out, _ = run(capsys, "search", "Putin")
    assert out.startswith("31 passages match 'Putin'")


def test_a_corpus_that_does_not_exist_is_an_error_not_an_empty_answer(capsys, tmp_path) -> None:
    """Issue 15 R15: `--corpus /nonexistent` answered '0 passages match' with status 0."""
    missing = tmp_path / "no-such-folder"
    code, out, err = run(capsys, "--corpus", str(missing), "search", "Putin")
    assert code == 2 and out == ""
    assert err.startswith("reader: the corpus does not exist: ") and str(missing) in err
