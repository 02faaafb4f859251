"""Article ids depend only on the files present (reliability review, finding 9): of
``a/x.txt`` and ``b/x.txt``, ``a`` keeps ``x`` because its path sorts first, whatever the
index went through; an update after deleting, adding or renaming files reaches the ids a
rebuild from nothing gives, and search finds each file's text under its id."""

from __future__ import annotations

import json
import random
from pathlib import Path

from reader.config import Config
from reader.library import Library

WORDS = ["Dachstuhl", "Radfahrer", "Hochwasser", "Stromausfall", "Wasserrohrbruch", "Großbrand"]


def article(word: str) -> str:
    return f"Meldung {word}\n\nIn der Nacht meldete die Polizei: {word} in der Torstraße.\n"


def ids_by_file(library: Library) -> dict[str, str]:
    """``file (relative to the corpus) -> article id``, as the store has it."""
    found: dict[str, str] = {}
    for summary in library.summaries():
        stored = library.article(summary.id)
        assert stored is not None
        found[stored.path] = summary.id
    return found


def rebuilt_ids(corpus: Path, tmp_path: Path, name: str) -> dict[str, str]:
    fresh = Library(Config(corpus=[corpus], index_dir=tmp_path / name))
    try:
        fresh.update()
        return ids_by_file(fresh)
    finally:
        fresh.close()


def assert_search_agrees(library: Library, corpus: Path) -> None:
    """Each file's own word finds that file's text, under the id the store gives the file,
    and nothing else (no document left behind under an old id)."""
    by_file = ids_by_file(library)
    for path in sorted(corpus.rglob("*.txt")):
        word = path.read_text(encoding="utf-8").split()[1]
        hits = library.search(word).hits
        assert {(h.article.id, h.article.path) for h in hits} == {(by_file[str(path)], str(path))}
        assert all(word in h.passage.text for h in hits)


def test_the_holder_of_an_id_deleted_gives_it_to_the_other_file_as_a_rebuild_does(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    for folder, word in (("a", "Dachstuhl"), ("b", "Radfahrer")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(article(word), encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    before = ids_by_file(library)
    assert before[str(corpus / "a" / "x.txt")] == "x"  # a/ sorts first
    assert before[str(corpus / "b" / "x.txt")].startswith("x~")
    (corpus / "a" / "x.txt").unlink()
    library.update()
    assert ids_by_file(library) == {str(corpus / "b" / "x.txt"): "x"}
    assert ids_by_file(library) == rebuilt_ids(corpus, tmp_path, "rebuilt")
    assert library.search("Dachstuhl").total == 0
    hits = library.search("Radfahrer").hits  # headline and paragraph
    assert {h.passage.id for h in hits} == {"x#p0", "x#p1"}
    assert_search_agrees(library, corpus)


def test_a_file_that_sorts_first_takes_the_id_and_the_other_is_re_keyed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b").mkdir(parents=True)
    (corpus / "b" / "x.txt").write_text(article("Radfahrer"), encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    assert ids_by_file(library) == {str(corpus / "b" / "x.txt"): "x"}
    (corpus / "a").mkdir()
    (corpus / "a" / "x.txt").write_text(article("Dachstuhl"), encoding="utf-8")
    report = library.update()
    ids = ids_by_file(library)
    assert ids == rebuilt_ids(corpus, tmp_path, "rebuilt")
    assert ids[str(corpus / "a" / "x.txt")] == "x"
    assert ids[str(corpus / "b" / "x.txt")].startswith("x~")
    assert any("duplicate article id 'x'" in str(p) for p in report.problems)
    assert_search_agrees(library, corpus)


def test_a_renamed_folder_moves_the_id_as_a_rebuild_does(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for folder, word in (("a", "Dachstuhl"), ("b", "Radfahrer")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(article(word), encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    (corpus / "a").rename(corpus / "c")  # now c/x.txt sorts after b/x.txt
    library.update()
    ids = ids_by_file(library)
    assert ids == rebuilt_ids(corpus, tmp_path, "rebuilt")
    assert ids[str(corpus / "b" / "x.txt")] == "x"
    assert library.search("Dachstuhl").hits[0].article.id == ids[str(corpus / "c" / "x.txt")]
    assert_search_agrees(library, corpus)


def test_any_history_of_changes_ends_with_the_ids_of_a_rebuild(tmp_path: Path) -> None:
    """Random deletions, additions and renames among files of one stem in four folders."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    rng = random.Random(19)
    folders = ["a", "b", "c", "d"]
    words = iter(WORDS * 4)
    for step in range(10):
        present = sorted(p.parent.name for p in corpus.glob("*/x.txt"))
        absent = [f for f in folders if f not in present]
        move = rng.choice(["add", "delete", "rename"] if present and absent else ["add"])
        if move == "delete" and len(present) > 1:
            (corpus / rng.choice(present) / "x.txt").unlink()
        elif move == "rename":
            source, target = rng.choice(present), rng.choice(absent)
            (corpus / target).mkdir(exist_ok=True)
            (corpus / source / "x.txt").rename(corpus / target / "x.txt")
        elif absent:
            target = rng.choice(absent)
            (corpus / target).mkdir(exist_ok=True)
            (corpus / target / "x.txt").write_text(article(next(words)), encoding="utf-8")
        library.update()
        assert ids_by_file(library) == rebuilt_ids(corpus, tmp_path, f"rebuilt{step}"), step
        assert_search_agrees(library, corpus)


def test_jsonl_ids_given_twice_are_settled_by_path_and_line(tmp_path: Path) -> None:
    """Ids from JSONL records clash too: the same record id in two files, one file twice,
    or a record id that is another file's stem."""
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    records = [{"id": "z", "title": f"Meldung {w}", "text": f"{w} gemeldet."} for w in WORDS[:2]]
    (corpus / "b" / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    (corpus / "a" / "z.txt").write_text(article("Hochwasser"), encoding="utf-8")
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    ids = ids_by_file(library)
    feed = str(corpus / "b" / "feed.jsonl")
    assert ids[str(corpus / "a" / "z.txt")] == "z"  # a/z.txt sorts before b/feed.jsonl
    first, second = (library.search(w).hits[0].article.id for w in WORDS[:2])
    assert first.startswith("z~") and second.startswith("z~") and first != second
    assert {library.article(first).path, library.article(second).path} == {f"{feed}:1", f"{feed}:2"}
    (corpus / "a" / "z.txt").unlink()
    library.update()
    assert library.search(WORDS[0]).hits[0].article.id == "z"  # the first line now holds it
    assert library.search(WORDS[1]).hits[0].article.id == second
    assert ids_by_file(library) == rebuilt_ids(corpus, tmp_path, "rebuilt")


def test_changing_the_corpus_roots_settles_the_ids_again(tmp_path: Path) -> None:
    """The relative paths decide, so new roots over the same files can move an id."""
    corpus = tmp_path / "corpus"
    for folder, word in (("b", "Radfahrer"), ("z/a", "Dachstuhl")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(article(word), encoding="utf-8")
    index = tmp_path / "index"
    library = Library(Config(corpus=[corpus], index_dir=index))
    library.update()
    assert ids_by_file(library)[str(corpus / "b" / "x.txt")] == "x"  # b/x.txt < z/a/x.txt
    library.close()
    roots = [corpus / "b", corpus / "z"]  # now x.txt and a/x.txt: a/x.txt sorts first
    library = Library(Config(corpus=roots, index_dir=index))
    assert not library.is_current()
    library.update()
    fresh = Library(Config(corpus=roots, index_dir=tmp_path / "rebuilt"))
    fresh.update()
    assert ids_by_file(library) == ids_by_file(fresh)
    assert ids_by_file(library)[str(corpus / "z" / "a" / "x.txt")] == "x"
    assert_search_agrees(library, corpus)
