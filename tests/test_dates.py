"""German date and time expressions: what is found, where, and what it resolves to.

Calendar facts the expectations rely on: 7 Dec 2021 was a Tuesday, 30 Dec 2021 a Thursday,
5 Dec 2021 a Sunday, 2 Dec 2021 a Thursday.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from reader.analysis.dates import find_dates, infer_article_date
from reader.corpus.model import When
from tests.conftest import SEEDS

TUE = When(2021, 12, 7)  # a Tuesday
THU = When(2021, 12, 30)  # a Thursday


def found(text: str, reference: When | None = None) -> list[tuple[str, str | None]]:
    """(span text, resolved value in ISO form) for every date span, in order."""
    spans = find_dates(text, reference)
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.label == "DATE" and s.origin == "date"
    return [(s.text, s.value.iso() if s.value else None) for s in spans]


def only(text: str, reference: When | None = None) -> When | None:
    spans = find_dates(text, reference)
    assert len(spans) == 1, [s.text for s in spans]
    return spans[0].value


def seed(prefix: str) -> tuple[str, When | None]:
    """A seed's text and the month its ``date`` marker gives, if any."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    marker = text.split(maxsplit=2)
    ref = When.parse_iso(marker[1]) if marker[0] == "date" else None
    return text, ref


# --- full, abbreviated and numeric dates --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["am 7. Dezember 2021", "am 07.12.2021", "am 2021-12-07", "am 7.12.21", "am 7. Dez. 2021"],
)
def test_full_dates_in_every_spelling_resolve_to_the_day(text: str) -> None:
    value = only(text)
    assert value == When(2021, 12, 7)
    assert value.precision == "day" and not value.inferred


def test_iso_date_with_time_has_minute_precision() -> None:
    assert only("Stand: 2021-12-07T21:30") == When(2021, 12, 7, 21, 30)


def test_abbreviated_month_in_a_dateline_includes_its_dot() -> None:
    assert found("MOSKAU, 7. Dez. (Reuters) – Der Kreml", THU) == [("7. Dez.", "2021-12-07")]


def test_impossible_dates_are_not_dates() -> None:
    assert found("am 31. Februar und am 30.02.2021", TUE) == []


# --- day and month without a year: roll-over -----------------------------------------------


def test_january_in_a_december_article_is_next_year() -> None:
    assert found("soll am 10. Januar in Genf stattfinden", THU) == [("10. Januar", "2022-01-10")]
    assert only("am 10. Januar", When(2021, 12)) == When(2022, 1, 10)


def test_an_earlier_day_of_the_same_month_stays_in_the_year() -> None:
    assert only("während der Videokonferenz am 7. Dezember", THU) == When(2021, 12, 7)


def test_january_in_a_june_article_is_the_same_year() -> None:
    assert only("am 10. Januar", When(2021, 6, 15)) == When(2021, 1, 10)


def test_new_years_eve_from_a_january_article_is_the_year_before() -> None:
    assert found("an Silvester", When(2022, 1, 2)) == [("Silvester", "2021-12-31")]


def test_day_and_month_without_year_or_reference_is_found_but_unresolved() -> None:
    assert found("am 10. Januar") == [("10. Januar", None)]


def test_numeric_day_and_month_needs_a_preposition() -> None:
    assert found("am 7.12. um 14 Uhr", THU) == [("7.12. um 14 Uhr", "2021-12-07T14:00")]
    assert found("Version 7.12. ist da", THU) == []


# --- ranges and lists ---------------------------------------------------------------------


def test_two_days_of_one_month_give_a_span_each() -> None:
    text = "zu einem Klimagipfel am 22. und 23. April für Putin"
    assert found(text, When(2021, 4)) == [("22.", "2021-04-22"), ("23. April", "2021-04-23")]


def test_a_range_gives_its_first_and_last_day() -> None:
    assert found("vom 3. bis 5. Mai", When(2021, 4, 20)) == [
        ("3.", "2021-05-03"),
        ("5. Mai", "2021-05-05"),
    ]
    assert [v for _, v in found("am 22., 23. und 24. April 2021")] == [
        "2021-04-22",
        "2021-04-23",
        "2021-04-24",
    ]


# --- months and years ---------------------------------------------------------------------


def test_month_only_expressions_keep_month_precision() -> None:
    assert found("beim G20-Gipfel in Rom im Oktober", TUE) == [("Oktober", "2021-10")]
    assert found("im Januar", When(2021, 12)) == [("Januar", "2022-01")]
    assert found("sich Mitte Juni 2021 in Genf getroffen") == [("Mitte Juni 2021", "2021-06")]
    assert found("im vergangenen Dezember", TUE) == [("vergangenen Dezember", "2020-12")]


def test_month_lists_share_one_year() -> None:
    assert found("Von Januar bis Oktober 2021 ereigneten sich", TUE) == [
        ("Januar", "2021-01"),
        ("Oktober 2021", "2021-10"),
    ]
    assert found("im November und Dezember vergangenen Jahres", When(2021, 3)) == [
        ("November", "2020-11"),
        ("Dezember vergangenen Jahres", "2020-12"),
    ]
    # A list runs forward: from December 2021, "April bis Juni" is April-June 2021.
    assert found("Die Bilder des Jahres: April bis Juni", TUE) == [
        ("April", "2021-04"),
        ("Juni", "2021-06"),
    ]


def test_years_only_in_clear_context() -> None:
    assert found("das im Jahr 2022 in Bali stattfindet") == [("2022", "2022")]
    assert found("der erste seit dem Jahr 2018") == [("2018", "2018")]
    assert found("seit 2018 im Amt, bis Ende 2025") == [("2018", "2018"), ("Ende 2025", "2025")]
    assert only("im Jahr 2022").precision == "year"
    assert found("zum Jahresbeginn 2020") == [("Jahresbeginn 2020", "2020")]


@pytest.mark.parametrize(
    "text",
    [
        "Er zahlte 2021 Euro für 300 Karten.",
        "seit 2000 Jahren",
        "bis 2000 Zuschauer",
        "Nr. 2639 vom Weichselplatz 12",
    ],
)
def test_bare_numbers_are_not_years(text: str) -> None:
    assert found(text, TUE) == []


# --- weekdays -----------------------------------------------------------------------------


def test_weekday_of_the_reference_day_is_that_day() -> None:
    assert found("teilte der Kreml am Dienstag mit", TUE) == [("Dienstag", "2021-12-07")]


def test_weekday_in_a_past_sentence_is_the_most_recent_one() -> None:
    assert only("Das Treffen fand am Donnerstag statt.", TUE) == When(2021, 12, 2)
    assert only("Peskow sagte am Mittwoch", When(2021, 12, 9)) == When(2021, 12, 8)


def test_weekday_in_a_future_sentence_is_the_next_one() -> None:
    assert only("Das Treffen soll am Donnerstag stattfinden.", TUE) == When(2021, 12, 9)
    assert only("Biden wird am Montag mit Macron telefonieren.", TUE) == When(2021, 12, 13)


def test_reported_past_with_soll_stays_in_the_past() -> None:
    assert only("Der Mann soll am Donnerstag zugeschlagen haben.", TUE) == When(2021, 12, 2)


def test_weekday_qualifiers_decide_the_direction() -> None:
    assert found("am kommenden Dienstag und am vergangenen Dienstag", TUE) == [
        ("kommenden Dienstag", "2021-12-14"),
        ("vergangenen Dienstag", "2021-11-30"),
    ]


def test_weekday_with_part_of_day_is_one_word_and_one_day() -> None:
    assert found("Am Donnerstagmorgen kommentierte Peskow", THU) == [
        ("Donnerstagmorgen", "2021-12-30"),
    ]
    assert only("Montag früh", TUE) == When(2021, 12, 6)


def test_weekday_in_a_month_only_article_says_which_month_but_no_day() -> None:
    value = only("Am Dienstag fand ein Telefonat statt.", When(2021, 4))
    assert value == When(2021, 4, weekday=1)
    assert value.precision == "month"
    assert value.describe() == "a Tuesday in April 2021"


def test_weekday_next_to_its_date_is_one_span_with_the_dates_value() -> None:
    assert found("Am Dienstag, 7. Dezember 2021, um 14 Uhr") == [
        ("Dienstag, 7. Dezember 2021, um 14 Uhr", "2021-12-07T14:00"),
    ]
    assert found("am kommenden Freitag, dem 7. November, um 12 Uhr", When(2014, 11, 5)) == [
        ("kommenden Freitag, dem 7. November, um 12 Uhr", "2014-11-07T12:00"),
    ]


# --- deictic words, weeks, parts of the day, nights -----------------------------------------


def test_deictic_days_count_from_the_reference_day() -> None:
    assert found("heute, gestern Abend, vorgestern und morgen früh", TUE) == [
        ("heute", "2021-12-07"),
        ("gestern Abend", "2021-12-06"),
        ("vorgestern", "2021-12-05"),
        ("morgen früh", "2021-12-08"),
    ]


def test_deictic_adjectives_with_a_day_word() -> None:
    assert found("am gestrigen Abend und am heutigen Dienstag", TUE) == [
        ("gestrigen Abend", "2021-12-06"),
        ("heutigen Dienstag", "2021-12-07"),
    ]
    assert found("die heutige Realität", TUE) == []


def test_heute_in_a_month_only_article_is_that_month() -> None:
    value = only("Telefonat zwischen Putin und Biden heute am späten Abend", When(2021, 12))
    assert value == When(2021, 12)
    assert value.precision == "month"


def test_morning_the_noun_is_not_tomorrow() -> None:
    assert found("Guten Morgen, sagte er.", TUE) == []
    assert found("Am Morgen kam er. Morgen geht er.", TUE) == [
        ("Morgen", "2021-12-07"),
        ("Morgen", "2021-12-08"),
    ]


def test_last_week_has_the_month_of_that_week() -> None:
    # From Thursday 2 Dec 2021, last week ran 22–28 Nov.
    assert found("Letzte Woche erklärte Sacharowa", When(2021, 12, 2)) == [
        ("Letzte Woche", "2021-11"),
    ]
    assert found("in den letzten Wochen", TUE) == []


def test_relative_periods() -> None:
    assert found("vor zwei Tagen, vor einem Jahr, nächstes Jahr, letzten Monat", TUE) == [
        ("vor zwei Tagen", "2021-12-05"),
        ("vor einem Jahr", "2020"),
        ("nächstes Jahr", "2022"),
        ("letzten Monat", "2021-11"),
    ]


def test_parts_of_the_day_belong_to_the_day_in_context() -> None:
    assert found("wird der US-Präsident am Nachmittag telefonieren", TUE) == [
        ("Nachmittag", "2021-12-07"),
    ]
    assert found("Gestern kam er, spätabends ging er.", TUE) == [
        ("Gestern", "2021-12-06"),
        ("spätabends", "2021-12-06"),
    ]


def test_night_to_a_weekday_is_that_weekday_and_evening_times_are_the_day_before() -> None:
    assert found("in der Nacht zu Sonntag", TUE) == [("in der Nacht zu Sonntag", "2021-12-05")]
    assert found(
        "In der Nacht zu Sonntag gegen 23 Uhr brannte es. Um 2.30 Uhr war es aus.", TUE
    ) == [
        ("In der Nacht zu Sonntag gegen 23 Uhr", "2021-12-04T23:00"),
        ("2.30 Uhr", "2021-12-05T02:30"),
    ]


def test_night_from_one_weekday_to_the_next_is_the_second_day() -> None:
    text = "In der Nacht vom vergangenen Montag zum Dienstag zündeten Unbekannte ein Auto an."
    assert found(text, When(2021, 12, 9)) == [
        ("In der Nacht vom vergangenen Montag zum Dienstag", "2021-12-07"),
    ]


# --- clock times --------------------------------------------------------------------------


def test_clock_times_with_zones() -> None:
    spans = find_dates("um 12 Uhr, um 21:30 Uhr MEZ und 23:30 Uhr Moskauer Zeit", TUE)
    assert [
        (s.text, s.value.iso() if s.value else None, s.value.tz if s.value else None) for s in spans
    ] == [
        ("12 Uhr", "2021-12-07T12:00", None),
        ("21:30 Uhr MEZ", "2021-12-07T21:30", "MEZ"),
        ("23:30 Uhr Moskauer Zeit", "2021-12-07T23:30", "Moskauer Zeit"),
    ]


def test_evening_clock_words_move_the_hour() -> None:
    assert only("um 9 Uhr abends", TUE) == When(2021, 12, 7, 21, 0)


def test_clock_time_next_to_a_date_resolves_to_that_date_at_minute_precision() -> None:
    text = "Am 30. Dezember spätabends, um 21:30 Uhr MEZ, soll das Videotelefonat stattfinden."
    spans = find_dates(text, When(2021, 12))
    assert [s.text for s in spans] == ["30. Dezember spätabends, um 21:30 Uhr MEZ"]
    assert spans[0].value == When(2021, 12, 30, 21, 30, tz="MEZ")
    assert spans[0].value.precision == "minute"


def test_clock_time_follows_the_day_named_earlier_in_the_paragraph() -> None:
    text = "Gestern Abend brannte ein Auto. Anwohner sahen gegen 20:15 Uhr Flammen."
    assert found(text, TUE) == [("Gestern Abend", "2021-12-06"), ("20:15 Uhr", "2021-12-06T20:15")]


def test_clock_time_without_a_known_day_does_not_invent_one() -> None:
    value = only("dass das Gespräch erst um 23:30 Uhr Moskauer Zeit beginne", When(2021, 12))
    assert value == When(2021, 12)
    assert only("um 12 Uhr") is None


def test_a_bare_score_is_not_a_time() -> None:
    assert found("Das Spiel endete 21:30 nach Verlängerung.", TUE) == []


# --- no reference -------------------------------------------------------------------------


def test_without_reference_only_what_the_text_says_is_resolved() -> None:
    assert found("am Dienstag und heute, im Oktober und am 7. Dezember 2021") == [
        ("Dienstag", None),
        ("heute", None),
        ("Oktober", None),
        ("7. Dezember 2021", "2021-12-07"),
    ]


def test_values_from_an_inferred_reference_are_not_marked_inferred() -> None:
    ref = When(2021, 12, 7, inferred=True)
    assert all(not s.value.inferred for s in find_dates("am Dienstag und heute", ref) if s.value)


# --- false positives ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder kamen mit dem Bus, so wie die anderen 12 auch.",
        "So ist die Lage mit 300 Soldaten und 7 Panzern.",
        "Die Dezemberausgabe und die Maifeiern im Dezemberheft.",
        "Mai Thi Nguyen-Kim und Jan Böhmermann und August Diehl",
        "Das sagte Agnes Sonntag der Welt am Sonntag.",
        "Der Markt ist jeden Montag geöffnet.",
        "beim G20-Gipfel in Rom",
        "Die heute-show und die Sonntagszeitung",
        "Die Demo zog über die Straße des 17. Juni zum Platz des 18. März.",
    ],
)
def test_no_date_in_ordinary_words(text: str) -> None:
    assert found(text, TUE) == []


# --- article dates ------------------------------------------------------------------------


def test_inferred_article_date_for_seed_001() -> None:
    text, ref = seed("001")
    assert ref is None
    value = infer_article_date(text, today=dt.date(2026, 11, 21))
    assert value == When(2021, 12, 7, inferred=True)
    assert value.describe() == "2021-12-07 (inferred)"


def test_inferred_article_date_is_never_after_today() -> None:
    text, _ = seed("001")
    value = infer_article_date(text, today=dt.date(2021, 12, 6))
    assert value is not None and value.inferred
    assert value.as_date() < dt.date(2021, 12, 6)
    assert (value.month, value.day, value.as_date().weekday()) == (12, 7, 1)
    assert value.year == 2010  # the previous year in which 7 Dec was a Tuesday


def test_inferred_article_date_uses_the_weekday_the_text_names() -> None:
    text = "Titel\nMOSKAU, 7. Dez. (Reuters) – Der Kreml teilte am Mittwoch mit."
    assert infer_article_date(text, today=dt.date(2026, 1, 1)) == When(2022, 12, 7, inferred=True)


def test_dateline_with_year_gives_that_date() -> None:
    text = "BERLIN, 3. März 2020 (dpa) – Es regnet."
    assert infer_article_date(text) == When(2020, 3, 3, inferred=True)


@pytest.mark.parametrize(
    "text",
    [
        "MOSKAU, 7. Dez. (Reuters) – Der Kreml teilte mit.",  # no weekday
        "Der Kreml teilte am Dienstag mit, dass am 7. Dezember verhandelt wurde.",  # no dateline
        "MOSKAU, 7. Dez. (Reuters) – Der Kreml teilte am vergangenen Dienstag mit.",  # qualified
    ],
)
def test_no_inferred_date_where_the_text_does_not_allow_it(text: str) -> None:
    assert infer_article_date(text, today=dt.date(2026, 1, 1)) is None


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_other_seeds_have_no_dateline(prefix: str) -> None:
    text, _ = seed(prefix)
    assert infer_article_date(text, today=dt.date(2026, 1, 1)) is None


# --- the seeds ----------------------------------------------------------------------------


def test_every_seed_span_has_correct_offsets_in_order() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find_dates(text, When(2021, 12, 7))
        assert spans, path.name
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start, (path.name, a.text, b.text)


def test_seed_001_with_its_inferred_date() -> None:
    text, _ = seed("001")
    ref = infer_article_date(text, today=dt.date(2026, 1, 1))
    assert found(text, ref) == [
        ("7. Dez.", "2021-12-07"),
        ("Dienstag", "2021-12-07"),
        ("Dienstag", "2021-12-07"),
    ]


def test_seed_003_in_april_2021() -> None:
    text, ref = seed("003")
    assert ref == When(2021, 4)
    spans = find_dates(text, ref)
    assert [s.text for s in spans] == ["Dienstag", "22.", "23. April"]
    assert spans[0].value is not None and spans[0].value.describe() == "a Tuesday in April 2021"
    assert [s.value.iso() for s in spans[1:] if s.value] == ["2021-04-22", "2021-04-23"]


def test_seed_004_in_december_2021() -> None:
    text, ref = seed("004")
    assert ref == When(2021, 12)
    assert found(text, ref) == [
        ("heute am späten Abend", "2021-12"),
        ("10. Januar", "2022-01-10"),
        ("12. Januar", "2022-01-12"),
        ("heute", "2021-12"),
        ("30. Dezember spätabends, um 21:30 Uhr MEZ", "2021-12-30T21:30"),
        ("Donnerstagmorgen", "2021-12"),
        ("7. Dezember", "2021-12-07"),
        ("10.", "2022-01-10"),
        ("12. Januar", "2022-01-12"),
        ("23:30 Uhr Moskauer Zeit", "2021-12"),
    ]


def test_seed_002_without_a_date_keeps_only_explicit_years_and_months() -> None:
    text, ref = seed("002")
    assert ref is None
    assert found(text) == [
        ("Oktober", None),
        ("2022", "2022"),
        ("Nachmittag", None),
        ("Mitte Juni 2021", "2021-06"),
        ("2018", "2018"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the present tense speaks of what is coming (issue 14)
        ("Titel\n\nBiden reist am Freitag nach Genf.", "2021-12-10"),
        ("Titel\n\nDie Minister treffen sich am Montag in Brüssel.", "2021-12-13"),
        ("Titel\n\nAm Montag kommt der Ausschuss zusammen.", "2021-12-13"),
        # the past stays past: preterite, perfect, "seit", and a headline's present
        ("Titel\n\nBiden reiste am Freitag nach Genf.", "2021-12-03"),
        ("Titel\n\nDie Minister trafen sich am Montag in Brüssel.", "2021-12-06"),
        ("Titel\n\nUnbekannte sind in der Nacht zu Montag eingebrochen.", "2021-12-06"),
        ("Titel\n\nIn Mitte beschädigten Unbekannte am Montag ein Auto.", "2021-12-06"),
        ("Titel\n\nDie seit Montag vermisste Frau ist wieder da.", "2021-12-06"),
        ("Versammlung am Samstag – Polizei zieht Bilanz\n\nEs blieb ruhig.", "2021-12-04"),
    ],
)
def test_the_tense_of_a_sentence_says_which_weekday_it_means(text: str, day: str) -> None:
    wednesday = When(2021, 12, 8)
    (span,) = [s for s in find_dates(text, wednesday) if s.value is not None]
    assert span.value is not None and span.value.iso()[:10] == day, span
