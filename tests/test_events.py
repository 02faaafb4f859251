"""Events of front-page items (issue 14): headline-and-teaser items that name no date are
placed by their own date, an outlet that reports a day later joins the happening, years an
item mentions are history, resemblance does not chain one week into one event, and events
that develop one happening over days are one story."""

from __future__ import annotations

import json
from pathlib import Path

from reader.analysis.timeline import Event, Timeline, timeline
from reader.config import Config
from reader.library import Library
from reader.refresh import enrich


def item(iid: str, source: str, date: str, title: str, text: str) -> dict[str, str]:
    return {"id": iid, "source": source, "date": date, "title": title, "text": text}


FIRE = [
    item(
        "a1",
        "Kurier",
        "2026-01-01T08:00",
        "Crans-Montana: Brand in Bar Le Constellation, Dutzende Tote",
        "Im Walliser Skiort Crans-Montana ist eine Bar ausgebrannt, es gibt Dutzende Tote.",
    ),
    item(
        "a2",
        "Tagblatt",
        "2026-01-01T09:30",
        "Dutzende Tote nach Brand in Bar in Crans-Montana",
        "In der Bar Le Constellation in Crans-Montana brach ein Feuer aus, Dutzende starben.",
    ),
    item(
        "a3",  # a day later, naming no date: the same fire
        "Rundschau",
        "2026-01-02T07:00",
        "Brand in Crans-Montana: Dutzende Tote in Bar Le Constellation",
        "Nach dem Feuer in der Bar Le Constellation im Wallis zählen die Behörden Dutzende Tote.",
    ),
]
VICTIMS = [  # three days later: what followed, another event of the story
    item(
        "v1",
        "Kurier",
        "2026-01-04T10:00",
        "Crans-Montana: Polizei identifiziert Opfer des Brandes in Bar Le Constellation",
        "Die Walliser Polizei hat die ersten Opfer identifiziert, darunter Jugendliche.",
    ),
    item(
        "v2",
        "Tagblatt",
        "2026-01-04T12:00",
        "Opfer von Crans-Montana identifiziert: Polizei nennt erste Namen",
        "Die Polizei im Wallis hat nach dem Brand in der Bar Le Constellation erste Opfer "
        "identifiziert.",
    ),
]
HISTORY = [
    item(
        "h1",
        "Kurier",
        "2025-12-30T10:00",
        "Dax legt bestes Börsenjahr seit 2019 hin",
        "Der Deutsche Aktienindex schließt mit einem Plus von 23 Prozent.",
    ),
    item(
        "h2",
        "Tagblatt",
        "2025-12-30T11:00",
        "Bestes Börsenjahr seit 2019: Dax mit Plus von 23 Prozent",
        "Der Deutsche Aktienindex beendet das Jahr mit einem Plus von 23 Prozent.",
    ),
]
# New Year's Eve items that share words pairwise along a chain, each pair on a different
# topic: fireworks in Hamburg, a party in Munich, a concert in Vienna
CHAIN = [
    item(
        "c1",
        "Kurier",
        "2025-12-31T10:00",
        "Silvester in Hamburg: Feuerwerk verletzt Passanten auf der Reeperbahn",
        "Raketen trafen Passanten auf der Reeperbahn in Hamburg.",
    ),
    item(
        "c2",
        "Tagblatt",
        "2025-12-31T11:00",
        "Hamburg: Raketen verletzen Passanten auf der Reeperbahn an Silvester",
        "Feuerwerk traf auf der Reeperbahn mehrere Passanten.",
    ),
    item(
        "c3",
        "Rundschau",
        "2025-12-31T12:00",
        "Feuerwerk und Party: München feiert Silvester auf dem Marienplatz",
        "Tausende feierten mit Raketen und Musik auf dem Münchner Marienplatz.",
    ),
    item(
        "c4",
        "Kurier",
        "2025-12-31T13:00",
        "Party auf dem Marienplatz: Tausende feiern in München",
        "Auf dem Münchner Marienplatz feierten Tausende mit Musik.",
    ),
    item(
        "c5",
        "Tagblatt",
        "2025-12-31T14:00",
        "Musik in Wien: Neujahrskonzert der Philharmoniker ausverkauft",
        "Das Neujahrskonzert der Wiener Philharmoniker mit Musik von Strauss ist ausverkauft.",
    ),
    item(
        "c6",
        "Rundschau",
        "2025-12-31T15:00",
        "Wiener Philharmoniker: Neujahrskonzert mit Strauss ausverkauft",
        "Die Philharmoniker spielen beim Neujahrskonzert in Wien Strauss.",
    ),
]


def build(tmp_path: Path, items: list[dict[str, str]]) -> Timeline:
    corpus = tmp_path / "items.jsonl"
    corpus.write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
    )
    library = Library(Config(corpus=[corpus], index_dir=tmp_path / "index"))
    library.update()
    enrich(library)
    return timeline(library)


def event_of(tl: Timeline, article_id: str) -> list[Event]:
    return [e for e in tl.events if article_id in e.articles]


def test_an_outlet_reporting_a_day_later_joins_the_happening(tmp_path: Path) -> None:
    tl = build(tmp_path, FIRE + VICTIMS)
    (fire,) = event_of(tl, "a1")
    assert set(fire.articles) == {"a1", "a2", "a3"}
    assert fire.date.iso() == "2026-01-01"  # first seen, not the day the last outlet wrote
    assert "Crans-Montana" in fire.label and "(no label)" not in fire.label


def test_what_followed_is_another_event_of_the_same_story(tmp_path: Path) -> None:
    tl = build(tmp_path, FIRE + VICTIMS)
    (fire,) = event_of(tl, "a1")
    (victims,) = event_of(tl, "v1")
    assert victims is not fire
    assert set(victims.articles) == {"v1", "v2"}
    assert victims.date.iso() == "2026-01-04"
    assert victims.story == fire.story == fire.id
    assert [e.id for e in tl.story(fire.story)] == [fire.id, victims.id]


def test_a_year_an_item_mentions_is_not_its_event(tmp_path: Path) -> None:
    tl = build(tmp_path, HISTORY)
    assert not any(e.date.year == 2019 for e in tl.events)
    (dax,) = event_of(tl, "h1")
    assert set(dax.articles) == {"h1", "h2"} and dax.date.iso() == "2025-12-30"


def test_resemblance_does_not_chain_a_day_into_one_event(tmp_path: Path) -> None:
    tl = build(tmp_path, CHAIN)
    groups = {frozenset(e.articles) for e in tl.events if e.date.iso() == "2025-12-31"}
    assert frozenset({"c1", "c2"}) in groups
    assert frozenset({"c5", "c6"}) in groups
    assert max(len(g) for g in groups) <= 3
    stories = {e.story for e in tl.events if {"c1", "c5"} & set(e.articles)}
    assert len(stories) == 2  # fireworks in Hamburg and a concert in Vienna: two stories


def test_a_label_leaves_out_live_blog_and_paywall_marks(tmp_path: Path) -> None:
    marked = [{**i, "title": f"{mark}{i['title']}"} for i, mark in zip(FIRE, MARKS, strict=True)]
    tl = build(tmp_path, marked)
    (fire,) = event_of(tl, "a1")
    assert "Crans-Montana" in fire.label
    assert not fire.label.startswith(("Live", "SZ", "FAZ"))


MARKS = ["Liveblog: ", "SZ Plus", "LiveFAZ+"]
