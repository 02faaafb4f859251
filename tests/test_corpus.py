"""Ingest: every format, the seeds' quirks, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.corpus.loader import discover, load_corpus, load_file
from reader.corpus.model import Article, Passage, When, passage_id
from tests.conftest import SEEDS


def _seed(stem_prefix: str):
    articles, problems = load_corpus([SEEDS])
    assert problems == []
    return next(a for a in articles if a.id.startswith(stem_prefix))


def test_seeds_all_load_with_offsets_that_match_the_text() -> None:
    articles, problems = load_corpus([SEEDS])
    assert problems == []
    assert len(articles) == 5
    for article in articles:
        assert article.passages[0].text == article.title
        for p in article.passages:
            assert article.text[p.start : p.end] == p.text
            assert p.text == p.text.strip() and p.text
            assert p.id == f"{article.id}#p{p.index}"


def test_seed_001_single_newline_paragraphs_and_reuters_dateline() -> None:
    article = _seed("001")
    assert article.title.startswith("Putin fordert von Biden Zusicherungen")
    assert len(article.passages) == 10  # headline + 9 lines, no blank lines in the file
    assert article.passages[1].text.startswith("MOSKAU, 7. Dez. (Reuters)")
    assert article.source == "Reuters"
    assert article.place == "Moskau"


def test_date_marker_is_metadata_not_text() -> None:
    article = _seed("003")
    assert article.date == When(2021, 4)
    assert article.date.precision == "month"
    assert "date 2021-04" not in article.text
    assert article.title.startswith("Joe Biden lädt Wladimir Putin")
    assert _seed("004").date == When(2021, 12)


def test_blank_line_paragraphs_and_trailing_no_break_spaces() -> None:
    article = _seed("000")
    assert len(article.passages) == 13
    assert all(not p.text.endswith("\u00a0") for p in article.passages)
    assert article.passages[-1].text.startswith("Mehr zum Thema")


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = tmp_path / "story.md"
    md.write_text(
        "---\ntitle: Gipfel in Genf\nsource: dpa\ndate: 2021-06-16\nurl: https://x.test/a\n---\n"
        "# Gipfel in Genf\n\nErster Absatz.\n\nZweiter Absatz.\n",
        encoding="utf-8",
    )
    (article,) = load_file(md).articles
    assert (article.title, article.source, article.url) == (
        "Gipfel in Genf",
        "dpa",
        "https://x.test/a",
    )
    assert article.date == When(2021, 6, 16)
    assert [p.text for p in article.passages] == [
        "Gipfel in Genf",
        "Erster Absatz.",
        "Zweiter Absatz.",
    ]


def test_markdown_is_read_as_text_not_as_markup(tmp_path: Path) -> None:
    """Issue 15 R10: '# Überschrift im MD' was a passage with its '#', and '**fett**' and
    '[Verlinkung](https://x)' were shown as typed."""
    md = tmp_path / "markup.md"
    md.write_text(
        "# Überschrift im **MD**\n\n## Zwischentitel\n\n"
        "Text mit **fett**, *kursiv* und einer [Verlinkung](https://x).\n\n"
        "> Ein Zitat von `jemandem`.\n\nEin snake_case_wort und 2*3*4 bleiben.\n",
        encoding="utf-8",
    )
    (article,) = load_file(md).articles
    assert [p.text for p in article.passages] == [
        "Überschrift im MD",
        "Zwischentitel",
        "Text mit fett, kursiv und einer Verlinkung.",
        "Ein Zitat von jemandem.",
        "Ein snake_case_wort und 2*3*4 bleiben.",
    ]


def test_markdown_without_front_matter_uses_heading(tmp_path: Path) -> None:
    md = tmp_path / "plain.md"
    md.write_text("## Überschrift\n\nText.\n", encoding="utf-8")
    (article,) = load_file(md).articles
    assert article.title == "Überschrift"
    assert article.source == "unknown"


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("title: [unclosed", "front matter:2 is not valid YAML"),
        ("- a list\n- of items", "front matter is not a mapping of keys"),
        (
            "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
            "front matter: ",
        ),
    ],
)
def test_markdown_with_unreadable_front_matter_keeps_its_text(
    tmp_path: Path, front: str, problem: str
) -> None:
    md = tmp_path / "bad.md"
    md.write_text(f"---\n{front}\n---\nDie Mondlandung\n\nDer Text.\n", encoding="utf-8")
    result = load_file(md)
    [article] = result.articles
    assert article.title == "Die Mondlandung" and "Der Text." in article.text
    assert "unclosed" not in article.text  # the broken front matter is not text
    [said] = result.problems
    assert str(said).startswith(f"{md}: {problem}") and not said.skipped
    assert "its fields are ignored, the text is read" in str(said)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.txt"
    text = "Überschrift\n\nDer Präsident sprach in München."
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    result = load_file(path)
    assert result.problems == []
    [article] = result.articles
    assert article.title == "Überschrift" and "München" in article.text


def test_a_byte_order_mark_with_broken_text_after_it_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Text".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    result = load_file(path)
    assert result.articles == []
    assert "skipped: starts as UTF-16 but is not valid UTF-16" in str(result.problems[0])


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Eins",
                "text": "Absatz eins.\nAbsatz zwei.",
                "source": "zeit.de",
                "date": "2026-01-02T10:15",
                "url": "u",
            }
        ),
        "{not json",
        json.dumps({"title": "Nur Schlagzeile"}),
        json.dumps({"id": "a3"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Ohne Titel.\n\nZweiter Absatz.", "date": "gestern"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_file(path)
    ids = [a.id for a in result.articles]
    assert ids == ["a1", "feed-3", "feed-6"]
    a1 = result.articles[0]
    assert a1.date == When(2026, 1, 2, 10, 15) and a1.date.precision == "minute"
    assert [p.text for p in a1.passages] == ["Eins", "Absatz eins.", "Absatz zwei."]
    assert result.articles[1].title == "Nur Schlagzeile"
    assert result.articles[2].title == "Ohne Titel." and result.articles[2].date is None
    messages = [str(p) for p in result.problems]
    assert any(m.startswith(f"{path}:2: skipped: not valid JSON") for m in messages)
    assert any(m.startswith(f"{path}:4: skipped: no 'text'") for m in messages)
    assert any(m.startswith(f"{path}:5: skipped: not a JSON object") for m in messages)
    assert any(f"{path}:6" in m and "date ignored" in m for m in messages)


def test_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffÜberschrift\n\nText mit ß.".encode())
    (article,) = load_file(bom).articles
    assert article.title == "Überschrift"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Größe – „Zitat“\n\nÄrger.".encode("cp1252"))
    result = load_file(latin)
    assert result.articles[0].title == "Größe – „Zitat“"
    assert any("cp1252" in str(p) and "latin.txt" in str(p) for p in result.problems)


def test_binary_and_empty_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "ok.txt").write_text("Titel\n\nText.", encoding="utf-8")
    articles, problems = load_corpus([tmp_path, tmp_path / "missing"])
    assert [a.id for a in articles] == ["ok"]
    text = "\n".join(str(p) for p in problems)
    assert "empty.txt: skipped: empty file" in text
    assert "image.txt: skipped: binary file" in text
    assert "notes.docx: skipped: unsupported file type" in text
    assert "missing: skipped: no such file or folder" in text


def test_config_overrides_win(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Titel\n\nText.", encoding="utf-8")
    (article,), _ = load_corpus(
        [tmp_path], {"x": {"source": "RT DE", "date": "2021-12-08", "title": "Neuer Titel"}}
    )
    assert (article.source, article.title, article.date) == (
        "RT DE",
        "Neuer Titel",
        When(2021, 12, 8),
    )


def test_discover_is_sorted_and_ignores_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.md").write_text("A", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H", encoding="utf-8")
    files, problems = discover([tmp_path])
    assert [f.name for f in files] == ["a.md", "b.txt"]
    assert problems == []


@pytest.mark.parametrize(
    "when",
    [
        When(2021),
        When(2021, 4),
        When(2021, 12, 7),
        When(2021, 12, 30, 21, 30),
        When(2021, 4, weekday=1),
        When(2021, 12, 7, inferred=True),
        When(2021, 12, 7, 9, 0, tz="MEZ"),
    ],
)
def test_a_date_reads_back_as_it_was_stored(when: When) -> None:
    assert When.from_json(when.to_json()) == when


def test_the_library_list_shows_each_date_as_stored(tmp_path: Path) -> None:
    """The list reads dates out of the store's JSON in SQL: every precision, a weekday, an
    inferred date, a time zone and no date come back as they went in, in corpus order."""
    from reader.search.store import ArticleStore

    dates = [
        When(2021),
        When(2021, 4),
        When(2021, 12, 7),
        When(2021, 12, 30, 21, 30),
        When(2021, 4, weekday=1),
        When(2021, 12, 7, inferred=True),
        When(2021, 12, 7, 9, 0, tz="MEZ"),
        None,
    ]
    store = ArticleStore(tmp_path / "store.sqlite")
    items = []
    for seq, when in enumerate(dates):
        article = Article(id=f"a{seq}", title=f"Headline {seq}", text="Text.", date=when)
        article.passages = [Passage(passage_id(article.id, 0), article.id, 0, 0, 5, "Text.")]
        items.append((seq, f"h{seq}", article.id, article))
    store.put_articles("file.jsonl", items)
    store.commit()
    summaries = store.summaries()
    store.close()
    assert [s.id for s in summaries] == [f"a{i}" for i in range(len(dates))]
    assert [s.date for s in summaries] == dates
    assert all(s.passages == 1 for s in summaries)
