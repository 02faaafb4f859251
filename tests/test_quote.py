"""A passage as a quote to paste into a draft (reader.bookmarks.quote) and ``reader quote``:
„text“ — Source, date, URL, the line the app's copy key puts on the clipboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.bookmarks import make_bookmark
from reader.bookmarks.quote import bookmark_quote, passage_quote
from reader.cli import main
from reader.corpus.model import When
from tests.test_bookmarks_helpers import PARTS, make_article

URL = "https://www.abendblatt.test/wien/gas-1234.html"
REUTERS_P3 = "001_71db2df63f5cd903#p3"


def test_a_passage_is_quoted_with_source_date_and_url():
    article = make_article()
    article.url = URL
    assert passage_quote(article, article.passages[4]) == (
        f"„{PARTS[4]}“ — Wiener Abendblatt, 2021-03-03, {URL}"
    )


def test_without_url_source_or_date_the_quote_says_so():
    article = make_article(source="", date=None)
    assert passage_quote(article, article.passages[4]) == (
        f"„{PARTS[4]}“ — unknown source, undated"
    )


def test_the_date_is_written_as_the_app_writes_it():
    article = make_article(date=When(2021, 12, 7, inferred=True))
    assert passage_quote(article, article.passages[4]).endswith(", 2021-12-07 (inferred)")
    article = make_article(date=When(2026, 1, 3, 12, 18))
    assert passage_quote(article, article.passages[4]).endswith(", 2026-01-03 12:18")


def test_words_in_the_middle_of_a_passage_get_ellipses_and_the_ends_do_not():
    article = make_article()
    # p3 words: Die(0) Ministerin sagte man werde sich im April erneut treffen(9) Eine(10)
    # gemeinsame Erklärung gab es nicht(15)
    p3 = article.passages[3]
    assert passage_quote(article, p3, (1, 3)).startswith("„… Ministerin sagte …“ — ")
    assert passage_quote(article, p3, (0, 3)).startswith("„Die Ministerin sagte …“ — ")
    assert passage_quote(article, p3, (13, 16)).startswith("„… gab es nicht“ — ")
    with pytest.raises(ValueError, match="outside passage"):
        passage_quote(article, p3, (10, 17))


def test_quotation_marks_inside_become_single_and_the_text_one_safe_line():
    article = make_article(
        [
            "Schlagzeile",
            "„Wir verhandeln nicht“, sagte er.\nDann\tging er.\x1b]52;c;SGk=\x07",
        ]
    )
    quote = passage_quote(article, article.passages[1])
    assert quote.startswith("„‚Wir verhandeln nicht‘, sagte er. Dann ging er.")
    assert "\n" not in quote and "\x1b" not in quote and "\x07" not in quote
    assert "\\x1b]52;c;SGk=\\x07“" in quote  # the escape shown, not sent


def test_a_bookmark_of_some_words_is_quoted_with_the_article_as_it_is_now():
    article = make_article()
    bm = make_bookmark(article, article.passages[3], words=(1, 3))
    article.url = URL
    assert bookmark_quote(bm, article) == (
        f"„… Ministerin sagte …“ — Wiener Abendblatt, 2021-03-03, {URL}"
    )
    # whole passages and word ranges reaching its ends are not cut off
    whole = make_bookmark(article, article.passages[3])
    assert bookmark_quote(whole, article).startswith(f"„{PARTS[3]}“")
    end = make_bookmark(article, article.passages[3], words=(13, 16))
    assert bookmark_quote(end, article).startswith("„… gab es nicht“")
    # the article gone: the bookmark's own source and date
    assert bookmark_quote(bm) == "„… Ministerin sagte …“ — Wiener Abendblatt, 2021-03-03"


# --- reader quote --------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("bundled_indexed")
def test_reader_quote_prints_the_passage_as_a_quote(capsys):
    code, out, _ = run(capsys, "quote", REUTERS_P3)
    assert code == 0
    assert out.startswith("„‚Deshalb ist Russland ernsthaft daran interessiert")
    assert out.endswith("so der Kreml.“ — Reuters, 2021-12-07 (inferred)\n")


@pytest.mark.usefixtures("bundled_indexed")
def test_reader_quote_words_take_the_convention_of_bookmarks_add(capsys):
    code, out, _ = run(capsys, "quote", REUTERS_P3, "--words", "3-6", "--json")
    assert code == 0
    data = json.loads(out)
    assert (
        data["quote"]
        == "„… Russland ernsthaft daran interessiert …“ — Reuters, 2021-12-07 (inferred)"
    )
    assert (data["passage"], data["words"], data["source"]) == (REUTERS_P3, [3, 6], "Reuters")
    assert data["date"]["value"] == "2021-12-07" and data["url"] == ""
    # the words bookmarks add keeps for the same range are the ones quoted
    code, out, _ = run(capsys, "bookmarks", "add", REUTERS_P3, "--words", "3-6", "--json")
    added = json.loads(out)
    assert code == 0 and added["quote"] == "Russland ernsthaft daran interessiert"
    assert added["words"] == [3, 6]


def test_reader_quote_names_the_url_of_an_article_that_has_one(capsys, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gipfel.md").write_text(
        "---\ntitle: Gipfel in Genf\nsource: dpa\ndate: 2021-06-16\nurl: https://x.test/a\n"
        "---\n\nBiden und Putin treffen sich in Genf.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--corpus", str(corpus), "quote", "gipfel#p1")
    assert (code, out) == (
        0,
        "„Biden und Putin treffen sich in Genf.“ — dpa, 2021-06-16, https://x.test/a\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((f"{REUTERS_P3[:-1]}99",), "has passages p0 to p9"),
        (("nothing#p1",), "no article 'nothing'"),
        ((REUTERS_P3, "--words", "30-90"), "words 30-90 are past the end: passage"),
    ],
)
@pytest.mark.usefixtures("bundled_indexed")
def test_reader_quote_of_what_is_not_there_exits_2_with_a_message(capsys, args, message):
    code, out, err = run(capsys, "quote", *args)
    assert (code, out) == (2, "") and message in err


@pytest.mark.usefixtures("bundled_indexed")
def test_reader_quote_refuses_a_backwards_word_range(capsys):
    code, out, err = run(capsys, "quote", REUTERS_P3, "--words", "6-2")
    assert (code, out) == (2, "") and "words 6-2 run backwards" in err and " words)" in err
