"""The timeline: events in date order, grouped by date and happening, undated articles
placed by the event they report, cached until the index changes; and its command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.analysis.timeline import Event, Timeline, timeline
from reader.cli import main
from reader.config import Config, load_config
from reader.library import Library
from reader.refresh import apply_inferred_dates, enrich

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A000, A001, A002, A003, A004 = (
    "000_c7c4b8e3e078befc",
    "001_71db2df63f5cd903",
    "002_895ec12886e94bdb",
    "003_ea1d46bb5c9ce6df",
    "004_0c5df4d7e626345f",
)


def built(config: Config) -> Library:
    library = Library(config)
    library.update()
    enrich(library)
    return library


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    config = load_config()
    config.corpus, config.index_dir = [SEEDS], tmp_path_factory.mktemp("tl") / "index"
    return timeline(built(config))


def events_on(tl: Timeline, iso: str) -> list[Event]:
    return [e for e in tl.events if e.date.iso() == iso]


def test_events_in_date_order(seeds: Timeline) -> None:
    keys = [e.date.sort_key() for e in seeds.events]
    assert keys == sorted(keys)
    # "seit dem Jahr 2018" (002, of December 2021) is history, not what 002 reports (issue 14)
    assert all(e.date.year >= 2021 for e in seeds.events)
    assert seeds.events[0].date.iso() == "2021-04"
    assert seeds.events[-1].date.iso() == "2022-01-12"  # the NATO-Russia council (004)


def test_undated_seeds_are_placed_by_the_call_they_report(seeds: Timeline) -> None:
    # 000 quotes Peskow "am Mittwoch" after the call "am Dienstag": written on Wed 8 Dec.
    assert seeds.inferred_dates[A000].date.iso() == "2021-12-08"
    # 002 reports the video call of Tuesday 7 Dec 2021 itself.
    assert seeds.inferred_dates[A002].date.iso() == "2021-12-07"
    assert all(d.date.inferred for d in seeds.inferred_dates.values())
    assert set(seeds.inferred_dates) == {A000, A002}  # the others have dates


def test_the_video_call_is_one_event_from_four_articles(seeds: Timeline) -> None:
    (call,) = [e for e in events_on(seeds, "2021-12-07") if len(e.articles) > 1]
    assert set(call.articles) == {A000, A001, A002, A004}
    assert call.sources == ["RT DE", "Reuters", "unknown"]
    assert not call.inferred  # 004 names the date: "am 7. Dezember"
    said = {(p.article_id, p.text) for p in call.passages if p.text}
    assert {(A001, "7. Dez."), (A004, "7. Dezember"), (A000, "Dienstag")} <= said
    # 000's "am Dienstag" only has a date because 000 was dated: marked inferred.
    assert all(p.inferred for p in call.passages if p.article_id in (A000, A002))
    assert not any(p.inferred for p in call.passages if p.article_id == A004)
    assert "Putin" in call.label


def test_labels_are_words_a_reader_would_use_not_word_bags(seeds: Timeline) -> None:
    """Issue 14: labels such as 'Genf, NATO: Beratungen, beginne' or '(no label)' say not
    what happened; a label is a sentence (or headline) the event's reports share, cut at a
    word, without an agency's dateline."""
    for event in seeds.events:
        assert event.label and event.label != "(no label)"
        assert len(event.label.split()) >= 4 and len(event.label) <= 80, event.label
        assert not event.label.startswith("MOSKAU"), event.label
        assert not re.fullmatch(r"[^:]*: [\w-]+(, [\w-]+)*", event.label), event.label
    (call,) = [e for e in events_on(seeds, "2021-12-07") if len(e.articles) > 1]
    seeds_text = " ".join(" ".join(f.read_text("utf-8").split()) for f in SEEDS.glob("*.txt"))
    assert call.label.rstrip("…") in seeds_text  # the words of one of its reports


def test_the_call_stays_one_event_after_the_corpus_is_analysed_again(tmp_path: Path) -> None:
    # the first timeline dates 000 and 002 and stores those dates; analysing again (new
    # analysis code, or a name added to the user's gazetteer) must not take them as given
    config = load_config()
    config.corpus, config.index_dir = [SEEDS], tmp_path / "index"
    library = built(config)
    assert set(apply_inferred_dates(library)) >= {A000, A002}
    config.gazetteer = [{"name": "Quorbel", "type": "ORG"}]
    again = built(config)
    tl = timeline(again, rebuild=True)
    (call,) = [e for e in events_on(tl, "2021-12-07") if len(e.articles) > 1]
    assert set(call.articles) == {A000, A001, A002, A004}
    assert tl.inferred_dates[A000].date.iso() == "2021-12-08"


def test_offsets_point_at_the_date_expression(seeds: Timeline, tmp_path: Path) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for event in seeds.events:
        for p in event.passages:
            if p.text is None:
                assert p.start is None and p.end is None  # linked without a date
                continue
            # Seed files are the article text (003/004 keep their date marker line too).
            assert p.text in texts[p.article_id]
            assert p.passage_id == f"{p.article_id}#p{p.passage}"


def test_peskow_on_wednesday_and_other_dates(seeds: Timeline) -> None:
    (wednesday,) = events_on(seeds, "2021-12-08")
    assert wednesday.inferred and wednesday.articles == [A000]
    assert [p.text for p in wednesday.passages] == ["Mittwoch"]
    (call_30,) = events_on(seeds, "2021-12-30T21:30")
    assert call_30.date.precision == "minute" and call_30.articles == [A004]
    tuesday_april = [e for e in seeds.events if e.date.describe() == "a Tuesday in April 2021"]
    assert [e.articles for e in tuesday_april] == [[A003]]
    assert [e.articles for e in events_on(seeds, "2022-01-10")] == [[A004]]


# --- a small corpus written for the test ----------------------------------------------------

FIRE = (
    "Lagerhalle in Spandau abgebrannt",
    "Am Montag brannte eine Lagerhalle in Spandau "
    "vollständig nieder. Die Feuerwehr kämpfte stundenlang gegen die Flammen, eine "
    "Rauchwolke zog über Siemensstadt.",
)
ARTICLES = [
    {
        "id": "a",
        "source": "Tagblatt",
        "date": "2024-03-05T09:00",
        "title": FIRE[0],
        "text": FIRE[1],
    },
    {
        "id": "b",
        "source": "Kurier",
        "date": "2024-03-05T11:00",
        "title": "Großbrand: Spandauer Lagerhalle in Flammen",
        "text": "Gestern stand eine Lagerhalle in Spandau in Flammen. Die Feuerwehr löschte bis "
        "in die Nacht, über Siemensstadt hing eine Rauchwolke.",
    },
    {
        "id": "c",
        "source": "Rundschau",
        "date": "2024-03-05T12:00",
        "title": "Schachverein wählt neuen Vorsitzenden",
        "text": "Am Montag wählte der Schachverein Köln-Nippes einen neuen Vorsitzenden. "
        "Die Mitglieder stimmten einstimmig für die Kandidatin.",
    },
    {
        "id": "d",
        "source": "Kurier",
        "date": "2024-03-10T08:00",
        "title": "Festival in Leipzig angekündigt",
        "text": "Am 1. April 2024 beginnt in Leipzig ein Festival für Kammermusik.",
    },
    {
        "id": "e",
        "source": "Rundschau",
        "title": "Nach dem Brand in Spandau",
        "text": "Die Lagerhalle in Spandau brannte am Montag vollständig nieder, die Feuerwehr "
        "kämpfte stundenlang gegen die Flammen. Über Siemensstadt zog eine Rauchwolke.",
    },
]


@pytest.fixture
def small(tmp_path: Path) -> tuple[Library, Path]:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8"
    )
    return built(Config(corpus=[corpus], index_dir=tmp_path / "index")), corpus


def test_same_day_different_happenings_are_different_events(small) -> None:
    tl = timeline(small[0])
    monday = events_on(tl, "2024-03-04")
    assert len(monday) == 2
    fire, chess = monday  # more sources first
    assert set(fire.articles) == {"a", "b", "e"}
    assert fire.sources == ["Kurier", "Rundschau", "Tagblatt"]
    assert chess.articles == ["c"]
    assert "Spandau" in fire.label or "Lagerhalle" in fire.label
    assert [e.date.iso() for e in tl.events] == ["2024-03-04", "2024-03-04", "2024-04-01"]


def test_undated_report_is_placed_on_the_day_it_reports(small) -> None:
    tl = timeline(small[0])
    assert tl.inferred_dates["e"].date.iso() == "2024-03-04"
    fire = next(e for e in events_on(tl, "2024-03-04") if "e" in e.articles)
    (montag,) = [p for p in fire.passages if p.article_id == "e" and p.text]
    assert montag.text == "Montag" and montag.inferred


def test_cached_until_the_index_changes(small) -> None:
    library, corpus = small
    first = timeline(library)
    assert timeline(library) is first
    stored = json.loads(library.store.get_meta("timeline"))
    assert stored["timeline"]["version"] == first.version
    # A fresh library over the same index reads it from the store.
    again = timeline(Library(library.config))
    assert again.version == first.version and len(again.events) == len(first.events)
    with corpus.open("a", encoding="utf-8") as f:
        f.write(
            json.dumps(
                {
                    "id": "f",
                    "source": "Tagblatt",
                    "date": "2024-03-12T10:00",
                    "title": "Zoo",
                    "text": "Am 20. März 2024 eröffnet im Zoo ein neues Affenhaus.",
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    library.update()
    enrich(library)
    rebuilt = timeline(library)
    assert rebuilt.version != first.version
    assert events_on(rebuilt, "2024-03-20")


# --- the command ----------------------------------------------------------------------------


@pytest.mark.usefixtures("bundled_indexed")
def test_timeline_command_json_shape(capsys) -> None:
    assert main(["timeline", "--json", "--min-sources", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"version", "events", "inferred_dates"}
    assert set(data["inferred_dates"]) == {A000, A002}
    assert data["inferred_dates"][A000]["date"] == {
        "value": "2021-12-08",
        "precision": "day",
        "inferred": True,
    }
    (event,) = data["events"]
    assert set(event) == {
        "id",
        "date",
        "description",
        "label",
        "sources",
        "articles",
        "passages",
        "story",
    }
    assert event["date"] == {"value": "2021-12-07", "precision": "day", "inferred": False}
    assert len(event["sources"]) == 3
    p = event["passages"][0]
    assert set(p) == {
        "article_id",
        "passage_id",
        "passage",
        "source",
        "title",
        "date_text",
        "start",
        "end",
        "value",
        "inferred",
    }
    assert main(["timeline", "--min-sources", "0"]) == 2
    assert "--min-sources" in capsys.readouterr().err
    assert main(["timeline", "--verbose"]) == 0
    out, err = capsys.readouterr()
    # the call's label is a sentence its reports share, in the words of one of them
    assert re.search(r"^2021-12-07  .*Wladimir Putin", out, re.MULTILINE), out
    assert "dated 2021-12-08 (inferred)" in err  # a note on stderr: stdout is the answer
