"""Bookmarks belong to a corpus (issue 15 D4), and word ranges read the same everywhere
(issue 15 R5): the open corpus's bookmarks by default, ``--all`` for every corpus's, another
corpus's bookmarks never shown as orphaned nor lost when the file is saved, a version 1
file migrated once with a backup, and ``17-27`` meaning words 17 to 27 in the CLI, the
file, the JSON and the pane."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reader.bookmarks import BookmarkStore, make_bookmark, parse_text
from reader.bookmarks.schema import VERSION
from reader.cli import main
from reader.config import load_config
from reader.locations import corpus_identity
from tests import ui_support as ui
from tests.test_bookmarks_helpers import make_article
from tests.ui_support import make_app, screen_text, until

REUTERS = "001_71db2df63f5cd903"
P3 = f"{REUTERS}#p3"

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, *args: str) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def bookmarks_file(home: Path) -> Path:
    return home / "data" / "reader" / "bookmarks.yaml"


@pytest.fixture
def two_corpora(tmp_path: Path, indexed_seeds: Path) -> tuple[Path, Path]:
    """Corpus A (the seeds, indexed already) and corpus B (one article of its own)."""
    a = indexed_seeds
    b = tmp_path / "b"
    b.mkdir()
    (b / "gipfel.md").write_text(
        "---\ntitle: Gipfel in Genf\nsource: dpa\ndate: 2021-06-16\n---\n\n"
        "Biden und Putin treffen sich in Genf zu einem langen Gespräch.\n",
        encoding="utf-8",
    )
    return a, b


def test_list_shows_the_open_corpus_and_all_shows_every_corpus(capsys, two_corpora):
    a, b = two_corpora
    assert run(capsys, "--corpus", str(a), "bookmarks", "add", P3, "--note", "A")[0] == 0
    assert run(capsys, "--corpus", str(b), "bookmarks", "add", "gipfel#p1", "--note", "B")[0] == 0

    # in A: only A's bookmark, and nothing orphaned (the review saw B's as orphaned)
    data = listed(capsys, "--corpus", str(a), "bookmarks", "list")
    assert [bm["note"] for bm in data["bookmarks"]] == ["A"]
    assert data["bookmarks"][0]["corpus"] == [str(a.resolve())] == data["corpus"]
    code, out, _ = run(capsys, "--corpus", str(a), "bookmarks", "list")
    assert code == 0 and "orphaned" not in out and "gipfel" not in out
    assert "1 more in other corpora: reader bookmarks list --all" in out
    # in B: only B's, found in place
    data = listed(capsys, "--corpus", str(b), "bookmarks", "list")
    assert [(bm["note"], bm["anchor"]["status"]) for bm in data["bookmarks"]] == [("B", "ok")]

    # --all: both, each with its corpus; B's is not checked against A (not orphaned)
    data = listed(capsys, "--corpus", str(a), "bookmarks", "list", "--all")
    assert {bm["note"]: bm["corpus"] for bm in data["bookmarks"]} == {
        "A": [str(a.resolve())],
        "B": [str(b.resolve())],
    }
    assert all(bm.get("anchor", {}).get("status") != "orphaned" for bm in data["bookmarks"])
    code, out, _ = run(capsys, "--corpus", str(a), "bookmarks", "list", "--all")
    assert f"corpus: {b.resolve()}" in out and f"corpus: {a.resolve()}" in out
    assert "orphaned" not in out

    # export: the open corpus's by default, every corpus's with --all
    code, out, _ = run(capsys, "--corpus", str(a), "bookmarks", "export", "--format", "json")
    assert [bm["note"] for bm in json.loads(out)["bookmarks"]] == ["A"]
    code, out, _ = run(
        capsys, "--corpus", str(a), "bookmarks", "export", "--format", "json", "--all"
    )
    assert sorted(bm["note"] for bm in json.loads(out)["bookmarks"]) == ["A", "B"]


def test_saving_from_one_corpus_keeps_the_other_corpus_bookmarks_as_they_are(
    capsys, two_corpora, isolated_home: Path
):
    a, b = two_corpora
    run(capsys, "--corpus", str(b), "bookmarks", "add", "gipfel#p1", "--note", "B", "--tag", "x")
    run(capsys, "--corpus", str(b), "bookmarks", "add", "gipfel#p0", "--note", "B0")
    path = bookmarks_file(isolated_home)
    # a hand edit in one of B's entries: a key of the user's own
    path.write_text(
        path.read_text(encoding="utf-8").replace("  note: B0\n", "  note: B0\n  mine: 7\n"),
        encoding="utf-8",
    )
    before = path.read_text(encoding="utf-8")
    plain = before[before.index("- id: ") : before.index("- id: ", before.index("- id: ") + 1)]
    b_bookmarks = parse_text(before).bookmarks

    # corpus A adds, edits and removes its own bookmarks
    _, out, _ = run(capsys, "--corpus", str(a), "bookmarks", "add", P3, "--note", "A")
    a_id = out.split()[1].rstrip(":")
    assert run(capsys, "--corpus", str(a), "bookmarks", "edit", a_id, "--note", "A2")[0] == 0
    assert run(capsys, "--corpus", str(a), "bookmarks", "add", f"{REUTERS}#p4")[0] == 0
    assert run(capsys, "--corpus", str(a), "bookmarks", "remove", a_id)[0] == 0
    assert run(capsys, "--corpus", str(a), "bookmarks", "list")[0] == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before[: before.index("- id: ")]) or "version: 2" in after
    assert plain in after  # B's plain entry, to the byte
    kept = [bm for bm in parse_text(after).bookmarks if bm.corpus == (str(b.resolve()),)]
    assert kept == b_bookmarks  # both of B's, in meaning (corpus included)
    assert [bm.extra for bm in kept] == [{}, {"mine": 7}]
    notes = [
        bm["note"] for bm in listed(capsys, "--corpus", str(b), "bookmarks", "list")["bookmarks"]
    ]
    assert notes == ["B0", "B"]


def test_a_store_opened_for_one_corpus_writes_back_every_corpus(tmp_path: Path):
    path = tmp_path / "bookmarks.yaml"
    article = make_article()
    theirs = BookmarkStore(path, corpus=("/news/b",))
    b = theirs.add(make_bookmark(article, article.passages[0], note="B"))
    ours = BookmarkStore(path, corpus=("/news/a",))
    ours.load()
    assert ours.here == [] and ours.elsewhere() == 1 and ours.filtered() == []
    a = ours.add(make_bookmark(article, article.passages[0], note="A"))
    assert a.corpus == ("/news/a",) and ours.here == [a]
    ours.remove(a.id)
    assert BookmarkStore(path).load() == [b]


# --- the version 1 file -----------------------------------------------------------------

OLD_FILE = """\
# my bookmarks, kept by hand too
version: 1
owner: ich
bookmarks:
- id: seeds1
  created: '2024-05-01T12:00:00+02:00'
  updated: '2024-05-01T12:00:00+02:00'
  article: {article}
  source: Reuters
  headline: Kreml
  date: '2021-12-07'
  passage: {article}#p3
  words: [2, 5]
  quote: {quote}
  note: im Seeds-Korpus
  tags: [nato]
- id: gone22
  created: '2024-05-02T12:00:00+02:00'
  article: nirgends
  passage: nirgends#p1
  quote: Ein Satz, den es nirgends gibt.
  note: nirgends
"""


def old_file(capsys, corpus: Path) -> str:
    code, out, _ = run(capsys, "--corpus", str(corpus), "show", REUTERS, "--json")
    assert code == 0
    text = json.loads(out)["passages"][3]["text"]
    words = text.split()
    return OLD_FILE.format(article=REUTERS, quote=" ".join(words[2:5]))


def test_a_version_1_file_is_migrated_once_with_a_backup(capsys, two_corpora, isolated_home):
    a, _ = two_corpora
    path = bookmarks_file(isolated_home)
    path.parent.mkdir(parents=True)
    old = old_file(capsys, a)
    path.write_text(old, encoding="utf-8")

    code, out, err = run(capsys, "--corpus", str(a), "bookmarks", "list", "--no-check")
    backup = path.with_name("bookmarks.yaml.v1-backup")
    assert code == 0 and f"The old file is kept as {backup}" in err
    assert backup.read_text(encoding="utf-8") == old  # the old file, to the byte
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"] == VERSION == 2 and data["owner"] == "ich"
    first, second = data["bookmarks"]
    # content preserved; the word range now as users count it (words 3-5, was [2, 5))
    assert (first["id"], first["note"], first["tags"], first["words"]) == (
        "seeds1",
        "im Seeds-Korpus",
        ["nato"],
        [3, 5],
    )
    assert (second["id"], second["quote"]) == ("gone22", "Ein Satz, den es nirgends gibt.")
    assert "corpus" not in first and "corpus" not in second  # --no-check: not attributed
    assert "words 3-5" in out

    migrated = path.read_bytes()
    code, out, err = run(capsys, "--corpus", str(a), "bookmarks", "list", "--no-check")
    assert code == 0 and "was updated" not in err and "The old file is kept" not in err
    assert path.read_bytes() == migrated  # not migrated again
    assert sorted(p.name for p in path.parent.glob("bookmarks.yaml.v*")) == [
        "bookmarks.yaml.v1-backup"
    ]


def test_legacy_bookmarks_go_to_the_corpus_they_are_found_in(capsys, two_corpora, isolated_home):
    a, b = two_corpora
    path = bookmarks_file(isolated_home)
    path.parent.mkdir(parents=True)
    path.write_text(old_file(capsys, a), encoding="utf-8")

    # in B first: nothing is found there, so both stay of no corpus and are shown
    data = listed(capsys, "--corpus", str(b), "bookmarks", "list")
    assert sorted(bm["id"] for bm in data["bookmarks"]) == ["gone22", "seeds1"]
    assert all(bm["corpus"] is None for bm in data["bookmarks"])
    # in A the seeds bookmark is found: it becomes A's; the other stays of no corpus
    code, out, err = run(capsys, "--corpus", str(a), "bookmarks", "list", "--json")
    assert code == 0 and "1 bookmark of no corpus yet" in err
    corpus = {bm["id"]: bm["corpus"] for bm in json.loads(out)["bookmarks"]}
    assert corpus == {"seeds1": [str(a.resolve())], "gone22": None}
    on_disk = {bm["id"]: bm.get("corpus") for bm in yaml.safe_load(path.read_text())["bookmarks"]}
    assert on_disk == corpus
    # back in B: A's bookmark is no longer shown there; the unfound one still is
    data = listed(capsys, "--corpus", str(b), "bookmarks", "list")
    assert [bm["id"] for bm in data["bookmarks"]] == ["gone22"]


def test_a_newer_file_is_refused_naming_it_and_left_as_it_is(
    capsys, isolated_home: Path, bundled_indexed: Path
):
    path = bookmarks_file(isolated_home)
    path.parent.mkdir(parents=True)
    text = "version: 3\nbookmarks: []\n"
    path.write_text(text, encoding="utf-8")
    for args in (("list", "--no-check"), ("add", P3)):
        code, _, err = run(capsys, "bookmarks", *args)
        assert code == 2 and str(path) in err and "newer than this reader understands" in err
    assert path.read_text(encoding="utf-8") == text
    assert not list(path.parent.glob("bookmarks.yaml.v*-backup"))


# --- word ranges (R5) -------------------------------------------------------------------


def test_words_are_typed_stored_and_shown_as_users_count_them(
    capsys, isolated_home: Path, bundled_indexed: Path
):
    code, out, err = run(capsys, "bookmarks", "add", P3, "--words", "3-5", "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["words"] == [3, 5] and len(added["quote"].split()) == 3
    assert yaml.safe_load(bookmarks_file(isolated_home).read_text())["bookmarks"][0]["words"] == [
        3,
        5,
    ]
    code, out, _ = run(capsys, "bookmarks", "list")
    assert f"{P3} words 3-5" in out
    # the quote of the same range has the same words
    code, out, _ = run(capsys, "quote", P3, "--words", "3-5", "--json")
    assert json.loads(out)["words"] == [3, 5] and added["quote"] in json.loads(out)["quote"]


@pytest.mark.parametrize("command", ["bookmarks add", "quote"])
@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("13:24", "the old FIRST:LAST form is no longer read; write 14-24"),
        ("9-3", f"words 9-3 run backwards: give the lower number first (passage {P3} has"),
        ("5-500", f"words 5-500 are past the end: passage {P3} has"),
        ("0-3", "word numbers start at 1"),
    ],
)
def test_a_bad_word_range_names_the_range_and_the_word_count(
    capsys, bundled_indexed, command, words, message
):
    code, out, err = run(capsys, *command.split(), P3, "--words", words)
    assert (code, out) == (2, "") and message in err


# --- the app ----------------------------------------------------------------------------


async def test_the_pane_shows_only_the_open_corpus_bookmarks(indexed_seeds: Path):
    app = make_app(indexed_seeds)
    path = app.config.resolved_bookmarks()
    here = load_config(corpus_override=[str(indexed_seeds)]).bookmarks_corpus()
    assert here == corpus_identity([indexed_seeds])
    store = BookmarkStore(path)
    article = make_article()  # (not in the seeds: it would show as orphaned here)
    elsewhere = make_bookmark(article, article.passages[1], note="anderswo")
    store.add(elsewhere.with_changes(corpus=("/somewhere/else",)))
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)
        assert await screen.go_to(REUTERS, 3)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"hier", "enter")
        await until(pilot, lambda: len(screen.bookmark_keeper.bookmarks) == 1, "the bookmark")
        await pilot.press("m")
        await until(pilot, lambda: screen.sidebar.pane("bookmarks") is not None, "the pane")
        pane = screen.sidebar.pane("bookmarks")
        await until(pilot, lambda: len(pane.shown) == 1, "the list")
        await pilot.pause()
        assert [bm.note for bm in pane.shown] == ["hier"]
        text = screen_text(app)
        assert "ORPHANED" not in text and "anderswo" not in text
        count = str(pane.query_one("#bookmarks-count").content)
        assert count.startswith("1 bookmark, newest first · 1 more in other corpora")
        assert "1 bookmark, newest first · 1 more in other" in text
    # and the other corpus's bookmark is still in the file
    assert sorted(bm.note for bm in BookmarkStore(path).load()) == ["anderswo", "hier"]


async def test_the_app_migrates_a_version_1_file_and_says_where_the_copy_is(
    capsys, indexed_seeds: Path
):
    app = make_app(indexed_seeds)
    path = app.config.resolved_bookmarks()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = old_file(capsys, indexed_seeds)
    path.write_text(old, encoding="utf-8")
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY_READY, ui.BOOKMARKS)
        notice = await ui.noticed(pilot, lambda n: "v1-backup" in n.message, "the notice")
        backup = path.with_name("bookmarks.yaml.v1-backup")
        assert f"The old file is kept as {backup}" in notice.message
        assert backup.read_text(encoding="utf-8") == old
        # the seeds bookmark is found here and becomes this corpus's; both are shown
        keeper = screen.bookmark_keeper
        await until(pilot, lambda: keeper.bookmarks[0].corpus is not None, "the claim")
        assert sorted(bm.id for bm in keeper.bookmarks) == ["gone22", "seeds1"]
        assert {bm.id: bm.corpus for bm in keeper.bookmarks} == {
            "seeds1": corpus_identity([indexed_seeds]),
            "gone22": None,
        }
        assert keeper.bookmarks[0].words == (2, 5)  # words 3-5, as the old [2, 5) meant


def test_a_read_only_version_1_file_is_read_as_it_is_and_left_alone(tmp_path: Path):
    path = tmp_path / "bookmarks.yaml"
    old = OLD_FILE.format(article=REUTERS, quote="ernsthaft daran interessiert")
    path.write_text(old, encoding="utf-8")
    path.chmod(0o444)
    store = BookmarkStore(path, corpus=("/news/a",))
    first, second = store.load()
    assert (first.id, first.words, second.id) == ("seeds1", (2, 5), "gone22")
    assert any(
        "could not be updated to version 2" in w and "read-only" in w for w in store.warnings
    )
    assert not store.notices and path.read_text(encoding="utf-8") == old
    assert not list(tmp_path.glob("bookmarks.yaml.v1-backup*"))  # no copy of an unchanged file


def test_bookmarks_stay_with_their_corpus_once_the_inbox_of_reader_add_exists(
    capsys, isolated_home: Path, bundled_indexed: Path
):
    assert run(capsys, "bookmarks", "add", P3, "--note", "vorher")[0] == 0
    inbox = isolated_home / "data" / "reader" / "articles"  # (reader add's; then in the corpus)
    inbox.mkdir()
    (inbox / "neu.md").write_text("---\ntitle: Neu\n---\n\nEin neuer Artikel.\n", "utf-8")
    assert inbox in load_config().corpus
    data = listed(capsys, "bookmarks", "list")
    assert [(bm["note"], bm["anchor"]["status"]) for bm in data["bookmarks"]] == [("vorher", "ok")]
    assert run(capsys, "bookmarks", "add", "neu#p1", "--note", "danach")[0] == 0
    notes = [bm["note"] for bm in listed(capsys, "bookmarks", "list")["bookmarks"]]
    assert notes == ["danach", "vorher"]
