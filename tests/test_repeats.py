"""Items an outlet shows again under a new id appear once, with how often and when they were
shown (issue 13, duplicates): in search results (``--json`` says which hits were folded into
which) and in the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.model import When
from reader.search.repeats import find_repeats
from reader.search.store import ArticleSummary
from reader.ui.features.library.pane import _render_row
from reader.ui.logic.library_rows import LibraryIndex

HEADLINE = "Brand in Bar: Ermittlungen gegen Betreiber"
TEASER = "Nach dem Brand in der Bar in Crans-Montana ermittelt die Staatsanwaltschaft."


def when(day: int) -> When:
    return When(2026, 1, day)


def test_showings_within_three_days_are_one_item() -> None:
    repeats = find_repeats(
        [
            ("a1", "zeit.de", HEADLINE, when(1)),
            ("a2", "zeit.de", f" {HEADLINE} ", when(3)),
            ("a3", "zeit.de", HEADLINE, when(5)),  # within 3 days of a2: the run goes on
            ("a4", "zeit.de", HEADLINE, when(20)),  # a new item with the same headline
            ("a5", "zeit.de", HEADLINE, when(21)),
            ("b1", "fr.de", HEADLINE, when(1)),  # another outlet: its own item
            ("c1", "zeit.de", "Anderes Thema", when(1)),
            ("u1", "zeit.de", HEADLINE, None),  # undated: with the first run
        ]
    )
    first = repeats["a1"]
    assert first.ids == ("a1", "a2", "a3", "u1") and first.kept == "a1"
    assert (first.first, first.last) == (when(1), when(5))
    assert first.describe() == "shown 4 times, 2026-01-01 – 2026-01-05"
    assert repeats["a4"].ids == ("a4", "a5")
    assert "b1" not in repeats and "c1" not in repeats


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    items = [
        {
            "id": f"zeit-{n}",
            "source": "zeit.de",
            "date": f"2026-01-0{n}T10:00",
            "title": HEADLINE,
            "text": TEASER,
        }
        for n in (1, 2, 3)
    ] + [
        {
            "id": "fr-1",
            "source": "fr.de",
            "date": "2026-01-02T09:00",
            "title": HEADLINE,
            "text": TEASER,
        },
        {
            "id": "zeit-9",
            "source": "zeit.de",
            "date": "2026-01-02T11:00",
            "title": "Staatsanwaltschaft prüft Brandschutz",
            "text": "Die Ermittlungen laufen.",
        },
    ]
    path = tmp_path / "frontpage.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items))
    return path


def test_search_shows_a_repeated_item_once_and_says_what_it_folded(corpus: Path, capsys) -> None:
    assert main(["--corpus", str(corpus), "search", "Staatsanwaltschaft", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    by_article = {hit["article_id"]: hit for hit in found["hits"]}
    zeit = [a for a in by_article if a.startswith("zeit-") and a != "zeit-9"]
    assert len(zeit) == 1, by_article.keys()  # three showings, one hit
    hit = by_article[zeit[0]]
    others = {f"zeit-{n}" for n in (1, 2, 3)} - set(zeit)
    assert {pid.split("#")[0] for pid in hit["folded"]} == others
    assert hit["repeats"]["count"] == 3 and hit["repeats"]["articles"] == [
        "zeit-1",
        "zeit-2",
        "zeit-3",
    ]
    assert hit["repeats"]["first"]["value"].startswith("2026-01-01")
    assert hit["repeats"]["last"]["value"].startswith("2026-01-03")
    assert "fr-1" in by_article and "repeats" not in by_article["fr-1"]  # another outlet's
    assert "zeit-9" in by_article and "folded" not in by_article["zeit-9"]
    assert main(["--corpus", str(corpus), "search", "Staatsanwaltschaft"]) == 0
    text = capsys.readouterr().out
    assert "(shown 3 times, 2026-01-01 – 2026-01-03; 2 hits on other showings folded here)" in text
    assert "(2 hits on repeated showings folded)" in text.splitlines()[0]


def test_the_library_lists_a_repeated_item_once_with_its_count_and_last_showing() -> None:
    summaries = [
        ArticleSummary(f"zeit-{n}", HEADLINE, "zeit.de", when(n), 2) for n in (1, 2, 3)
    ] + [ArticleSummary("fr-1", HEADLINE, "fr.de", when(2), 2)]
    index = LibraryIndex(summaries)
    assert len(index) == 2 and index.folded == 2
    articles = [row for row in index.rows() if not row.is_heading]
    assert [row.key for row in articles] == ["fr-1", "zeit-1"]
    drawn = str(_render_row(articles[1]))
    assert drawn.startswith("2026-01-01  ×3 " + HEADLINE) and drawn.endswith("· last 2026-01-03")
    assert "×" not in str(_render_row(articles[0]))
