"""Bookmark model, anchoring in changed articles, the file schema and export formats."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from reader.bookmarks import (
    Bookmark,
    BookmarkFileError,
    UnknownPassage,
    export,
    filter_bookmarks,
    find_passage,
    make_bookmark,
    parse_text,
    reanchored,
    resolve,
)
from reader.bookmarks.model import text_hash
from reader.bookmarks.schema import dump_text
from tests.conftest import run_python
from tests.test_bookmarks_helpers import ARTICLE_ID, PARTS, FakeLibrary, make_article

# --- making bookmarks -------------------------------------------------------------------


def test_bookmark_of_a_whole_passage_quotes_it_with_context_and_offsets():
    article = make_article()
    passage = article.passages[2]
    bm = make_bookmark(article, passage, note="Kein Ergebnis", tags=["gas", " Wien ", "GAS"])
    assert bm.quote == PARTS[2]
    assert article.text[bm.start : bm.end] == PARTS[2]
    assert bm.passage_id == f"{ARTICLE_ID}#p2" and bm.article_id == ARTICLE_ID
    assert bm.before and article.text[: bm.start].endswith(bm.before)
    assert bm.after and article.text[bm.end :].startswith(bm.after)
    assert "Gasleitungen zu beraten." in bm.before  # the end of the passage before
    assert bm.passage_hash == text_hash(PARTS[2])
    assert (bm.source, bm.date, bm.headline) == ("Wiener Abendblatt", "2021-03-03", PARTS[0])
    assert bm.tags == ("gas", "Wien")  # trimmed, duplicates (any case) dropped
    assert bm.created and bm.created == bm.updated and len(bm.id) == 6


def test_word_range_quotes_just_those_words():
    article = make_article()
    # p3 words: Die(0) Ministerin sagte man werde sich im April erneut treffen(9) Eine(10)
    # gemeinsame Erklärung gab es nicht(15)
    bm = make_bookmark(article, article.passages[3], words=(10, 16))
    assert bm.quote == "Eine gemeinsame Erklärung gab es nicht"
    assert article.text[bm.start : bm.end] == bm.quote
    assert bm.before.endswith("erneut treffen. ")
    assert bm.words == (10, 16)
    assert bm.passage_hash == text_hash(PARTS[3])  # the hash is of the whole passage


def test_word_range_outside_the_passage_is_refused_with_its_size():
    article = make_article()
    with pytest.raises(ValueError, match="has 16 words"):
        make_bookmark(article, article.passages[3], words=(10, 17))


def test_find_passage_explains_unknown_ids():
    lib = FakeLibrary(make_article())
    assert find_passage(lib, f"{ARTICLE_ID}#p4")[1].text == PARTS[4]
    with pytest.raises(UnknownPassage, match="p0 to p4"):
        find_passage(lib, f"{ARTICLE_ID}#p9")
    with pytest.raises(UnknownPassage, match="no article 'nope'"):
        find_passage(lib, "nope#p1")
    with pytest.raises(UnknownPassage, match="expected ARTICLE_ID#pN"):
        find_passage(lib, "garbage")


# --- anchoring ----------------------------------------------------------------------------


def bookmark_of(index: int, words: tuple[int, int] | None = None) -> Bookmark:
    article = make_article()
    return make_bookmark(article, article.passages[index], words=words)


def test_unchanged_article_resolves_ok():
    bm = bookmark_of(2)
    anchor = resolve(bm, FakeLibrary(make_article()))
    assert anchor.status == "ok"
    assert (anchor.start, anchor.end, anchor.passage_id) == (bm.start, bm.end, bm.passage_id)
    assert not anchor.passage_changed


def test_paragraph_inserted_before_moves_the_bookmark_to_its_new_place():
    bm = bookmark_of(2)
    edited = make_article([*PARTS[:2], "Ein neu eingefügter Absatz.", *PARTS[2:]])
    anchor = resolve(bm, FakeLibrary(edited))
    assert anchor.status == "moved"
    assert anchor.passage_id == f"{ARTICLE_ID}#p3"
    assert edited.text[anchor.start : anchor.end] == PARTS[2]
    assert not anchor.passage_changed


def test_edited_passage_is_kept_as_changed_with_old_and_new_text():
    bm = bookmark_of(2)
    new_p2 = PARTS[2].replace("späten Abend", "frühen Morgen")
    anchor = resolve(bm, FakeLibrary(make_article([*PARTS[:2], new_p2, *PARTS[3:]])))
    assert anchor.status == "changed"
    assert anchor.old_text == PARTS[2] and "späten Abend" in anchor.old_text
    assert anchor.new_text == new_p2
    assert anchor.passage_id == bm.passage_id
    assert anchor.start is None and anchor.passage_changed
    assert bm.quote == PARTS[2]  # checking never alters the bookmark


def test_shortened_article_without_the_lede_moves_later_bookmarks():
    bm = bookmark_of(4)
    shortened = make_article([PARTS[0], *PARTS[2:]])
    anchor = resolve(bm, FakeLibrary(shortened))
    assert anchor.status == "moved"
    assert anchor.passage_id == f"{ARTICLE_ID}#p3"
    assert shortened.text[anchor.start : anchor.end] == PARTS[4]


def test_shortened_article_that_lost_the_passage_keeps_the_bookmark_as_changed():
    bm = bookmark_of(4)
    anchor = resolve(bm, FakeLibrary(make_article(PARTS[:3])))
    assert anchor.status == "changed"
    assert anchor.passage is None and anchor.new_text is None
    assert anchor.old_text == PARTS[4]
    assert "no longer in the article" in anchor.describe()


def test_deleted_paragraph_is_not_paired_with_its_neighbour():
    """The bookmarked paragraph was deleted and the next one took its number: that
    paragraph is not the bookmark's new version (issue 19, smaller finding)."""
    for index in (2, 3):
        bm = bookmark_of(index)
        anchor = resolve(bm, FakeLibrary(make_article([*PARTS[:index], *PARTS[index + 1 :]])))
        assert anchor.status == "changed"
        assert anchor.passage is None, anchor.new_text
        assert "no longer in the article" in anchor.describe()


def test_truncated_passage_offers_its_shorter_version():
    bm = bookmark_of(2)
    first_sentence = PARTS[2].split(". ")[0] + "."
    anchor = resolve(bm, FakeLibrary(make_article([*PARTS[:2], first_sentence, *PARTS[3:]])))
    assert anchor.status == "changed"
    assert anchor.new_text == first_sentence


def test_changed_passage_that_moved_is_found_by_similarity():
    bm = bookmark_of(2)
    new_p2 = PARTS[2].replace("Gastgebers", "Veranstalters")
    edited = make_article([PARTS[0], "Vorspann.", "Noch ein Absatz.", *PARTS[1:2], new_p2])
    anchor = resolve(bm, FakeLibrary(edited))
    assert anchor.status == "changed"
    assert anchor.new_text == new_p2 and anchor.passage_id == f"{ARTICLE_ID}#p4"


def test_deleted_article_leaves_the_bookmark_orphaned():
    bm = bookmark_of(2)
    anchor = resolve(bm, FakeLibrary(make_article(article_id="other")))
    assert anchor.status == "orphaned"
    assert anchor.passage is None and anchor.start is None
    assert anchor.old_text == PARTS[2]


def test_repeated_sentence_is_told_apart_by_its_context():
    # "Eine gemeinsame Erklärung gab es nicht" ends both p2 and p3; bookmark the one in p3.
    bm = bookmark_of(3, words=(10, 16))
    long_insert = "Ein langer neuer Absatz, der alles verschiebt. " * 4
    edited = make_article([*PARTS[:2], long_insert.strip(), *PARTS[2:]])
    anchor = resolve(bm, FakeLibrary(edited))
    assert anchor.status == "moved"
    assert anchor.passage_id == f"{ARTICLE_ID}#p4"  # p3 moved to p4, not p2's copy (now p3)
    assert edited.text[anchor.start : anchor.end] == bm.quote


def test_whitespace_changes_do_not_lose_the_quote():
    bm = bookmark_of(1)
    rewrapped = PARTS[1].replace("Wien zusammengekommen", "Wien\nzusammengekommen")
    anchor = resolve(bm, FakeLibrary(make_article([PARTS[0], rewrapped, *PARTS[2:]])))
    assert anchor.status == "moved"
    assert anchor.passage_id == bm.passage_id


def test_word_range_survives_edits_elsewhere_in_its_passage():
    bm = bookmark_of(3, words=(10, 16))
    new_p3 = PARTS[3].replace("im April", "im Mai")
    anchor = resolve(bm, FakeLibrary(make_article([*PARTS[:3], new_p3, PARTS[4]])))
    assert anchor.status == "moved"  # the quote's offset shifted by one character
    assert anchor.passage_id == bm.passage_id
    assert anchor.passage_changed  # but the passage around it is not what it was


def test_reanchored_bookmark_resolves_ok_afterwards():
    bm = bookmark_of(3, words=(10, 16))
    edited = make_article([*PARTS[:2], "Neu.", *PARTS[2:]])
    lib = FakeLibrary(edited)
    moved = reanchored(bm, resolve(bm, lib))
    assert moved.id == bm.id and moved.passage_id == f"{ARTICLE_ID}#p4"
    assert moved.words == (10, 16)
    assert resolve(moved, lib).status == "ok"


# --- listing --------------------------------------------------------------------------


def test_filters_by_tag_source_and_text_newest_first():
    article = make_article()
    other = make_article(article_id="t002", source="Kurier")
    a = make_bookmark(article, article.passages[1], tags=["Gas"], now="2024-01-01T10:00:00+00:00")
    b = make_bookmark(other, other.passages[2], note="Montag", now="2024-01-02T10:00:00+00:00")
    c = make_bookmark(article, article.passages[4], tags=["gas"], now="2024-01-03T10:00:00+00:00")
    items = [a, b, c]
    assert filter_bookmarks(items) == [c, b, a]
    assert filter_bookmarks(items, tag="GAS") == [c, a]
    assert filter_bookmarks(items, source="kur") == [b]
    assert filter_bookmarks(items, text="einigung") == [c]  # in the quote
    assert filter_bookmarks(items, text="gastgebers") == [b]  # in the quote
    assert filter_bookmarks(items, text="montag") == [b]  # in the note
    assert filter_bookmarks(items, text="abendblatt") == [c, a]  # in the source


# --- the file schema ------------------------------------------------------------------


def test_file_round_trips_with_hand_added_keys():
    bm = bookmark_of(3, words=(10, 16)).with_changes(
        note="Zeile eins\nZeile zwei", extra={"rating": 5}
    )
    text = dump_text([bm], {"owner": "ich"})
    assert text.splitlines()[3] == "version: 2"
    parsed = parse_text(text)
    assert parsed.bookmarks == [bm] and parsed.bookmarks[0].extra == {"rating": 5}
    assert parsed.extra == {"owner": "ich"}
    assert any("rating" in w for w in parsed.warnings)
    assert "note: |-\n    Zeile eins\n    Zeile zwei\n" in text  # readable multi-line note


def test_yaml_syntax_error_names_line_and_column():
    text = 'version: 1\nbookmarks:\n- id: abc\n  note: "not closed\n  tags: [a\n'
    with pytest.raises(BookmarkFileError) as info:
        parse_text(text, "/x/bookmarks.yaml")
    message = str(info.value)
    assert message.startswith("/x/bookmarks.yaml, line ")
    assert info.value.line is not None and info.value.column is not None
    assert f"line {info.value.line}, column {info.value.column}" in message


def test_schema_error_names_the_key_and_its_line():
    bm = bookmark_of(2)
    text = dump_text([bm, bookmark_of(3)]).replace("tags: []", "tags: {a: 1}")
    with pytest.raises(BookmarkFileError) as info:
        parse_text(text, "b.yaml")
    err = info.value
    assert err.key == "bookmarks[0].tags"
    assert text.splitlines()[err.line - 1].strip().startswith("tags:")
    assert "b.yaml, line" in str(err) and "'bookmarks[0].tags'" in str(err)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bookmarks: []\n", "missing 'version: 2'"),
        ("version: 3\nbookmarks: []\n", "newer than this reader"),
        ("- a\n- b\n", "expected a mapping"),
        ("version: 1\nbookmarks: {}\n", "'bookmarks' expects a list"),
        ("version: 1\nbookmarks:\n- id: x\n  article: a\n  passage: a#p1\n", "'quote'"),
        (
            "version: 1\nbookmarks:\n- {id: x, article: a, passage: b#p1, quote: q}\n",
            "names article 'b'",
        ),
        (
            "version: 1\nbookmarks:\n- {id: x, article: a, passage: a#p1, quote: q}\n"
            "- {id: x, article: a, passage: a#p2, quote: r}\n",
            "repeats the id 'x'",
        ),
        (
            "version: 1\nbookmarks:\n- {id: x, article: a, passage: a#p1, quote: q, start: -1}\n",
            "'bookmarks[0].start' expects a whole number",
        ),
    ],
)
def test_schema_errors_say_what_is_wrong(text, expected):
    with pytest.raises(BookmarkFileError, match=re.escape(expected)):
        parse_text(text, "b.yaml")


def test_minimal_hand_written_entry_is_accepted():
    text = "version: 1\nbookmarks:\n- {id: mine, article: a, passage: a#p1, quote: q, tags: x}\n"
    (bm,) = parse_text(text).bookmarks
    assert (bm.id, bm.tags, bm.note, bm.start) == ("mine", ("x",), "", None)


# --- export ---------------------------------------------------------------------------


def test_markdown_export_is_ready_to_paste():
    bm = bookmark_of(2).with_changes(note="Für den Entwurf.", tags=("gas", "wien"))
    md = export([bm], "md")
    assert f"> {PARTS[2]}" in md
    assert "Wiener Abendblatt" in md and "2021-03-03" in md
    assert PARTS[0] in md and "Für den Entwurf." in md and "gas, wien" in md


def test_json_and_yaml_exports_hold_every_field():
    bm = bookmark_of(3, words=(10, 16)).with_changes(note="n", tags=("t",))
    data = json.loads(export([bm], "json"))
    (entry,) = data["bookmarks"]
    assert entry["quote"] == bm.quote and entry["words"] == [11, 16]  # words 11-16
    assert entry["passage"] == bm.passage_id and entry["tags"] == ["t"]
    assert parse_text(export([bm], "yaml")).bookmarks == [bm]
    assert yaml.safe_load(export([bm], "yaml"))["bookmarks"][0]["note"] == "n"


def test_core_does_not_import_textual():
    code = "import sys, reader.bookmarks; print('textual' in sys.modules)"
    assert run_python(code).strip() == "False"


def test_reparse_with_cache_agrees_with_a_full_parse():
    from reader.bookmarks.schema import ParseCache

    article = make_article()
    bms = [
        make_bookmark(article, p, note=f"Notiz {p.index}").with_changes(id=f"id{p.index}")
        for p in article.passages
    ]
    cache = ParseCache()
    first = parse_text(dump_text(bms[:3]), "b.yaml", cache)
    assert first.bookmarks == bms[:3]

    # another process appended two entries and the user changed a note by hand
    text = dump_text(bms).replace("note: Notiz 1", "note: von Hand")
    again = parse_text(text, "b.yaml", cache)
    assert again.bookmarks == parse_text(text).bookmarks
    assert again.bookmarks[1].note == "von Hand" and len(again.bookmarks) == 5
    assert again.bookmarks[0] is first.bookmarks[0]  # unchanged entries were not re-parsed

    variants = [
        text.replace("- id: id2\n", "# ein Kommentar\n- id: id2\n"),
        text.replace("note: Notiz 2", "note: &n geteilt").replace("note: Notiz 3", "note: *n"),
        text.replace("- id: id4\n", "- id: id4\n  stars: 3\n"),
        text + "owner: ich\n",
    ]
    for variant in variants:
        assert parse_text(variant, "b.yaml", cache).bookmarks == parse_text(variant).bookmarks
    assert parse_text(variants[1], "b.yaml", cache).bookmarks[3].note == "geteilt"

    broken = text.replace("tags: []", "tags: {a: 1}")
    with pytest.raises(BookmarkFileError) as info:
        parse_text(broken, "b.yaml", cache)
    assert broken.splitlines()[info.value.line - 1].strip().startswith("tags:")
    duplicate = text.replace("- id: id4", "- id: id3")
    with pytest.raises(BookmarkFileError, match="repeats the id 'id3'"):
        parse_text(duplicate, "b.yaml", cache)


def test_markdown_export_marks_cuts_balances_quotes_and_names_no_unknown_source():
    whole = bookmark_of(2)
    assert "> …" not in export([whole], "md") and "… \n" not in export([whole], "md")
    part = bookmark_of(3, words=(10, 16)).with_changes(source="unknown")
    md = export([part], "md")
    assert "> … " in md and md.split("\n", 1)[0].endswith(" …")
    assert "**unknown**" not in md and "unknown source" in md
    opened = whole.with_changes(
        quote="Potenzial in der Nähe „gefährliche Versuche",
        before="Er sprach von ",
        after=" und mehr.",
    )
    line = export([opened], "md").split("\n", 1)[0]
    assert line == "> … Potenzial in der Nähe „gefährliche Versuche“ …"
    lead = whole.with_changes(headline="Erster Satz der Meldung. " * 10 + "\nZweite Zeile")
    cite = next(ln for ln in export([lead], "md").splitlines() if ln.startswith("— "))
    assert "Zweite Zeile" not in cite and len(cite) < 200
