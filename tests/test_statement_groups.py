"""The same statement across sources: which statements are one group, and its occasions."""

from __future__ import annotations

import datetime as dt

from reader.analysis.statement_groups import Said, group_statements, label, occasions

QUOTE = (
    "Russland ist ernsthaft daran interessiert, verlässliche Garantien gegen eine "
    "Osterweiterung der NATO zu erhalten"
)
PARAPHRASE = (
    "Russland sei daran interessiert, rechtlich verbriefte Garantien gegen die "
    "Osterweiterung der NATO zu erhalten"
)
OTHER = "Die Gespräche sollen im Januar in Genf auf der Ebene der Diplomaten weitergehen"


def test_a_quote_and_its_paraphrase_in_another_outlet_are_one_group():
    groups = group_statements(
        [
            Said("a", "Kreml", (), QUOTE),
            Said("b", "Kreml", (), PARAPHRASE),
            Said("b", "Kreml", (), OTHER),
        ]
    )
    assert groups[0] == groups[1] != groups[2]


def test_the_same_words_by_another_speaker_are_another_group():
    groups = group_statements(
        [Said("a", "Kreml", (), QUOTE), Said("b", "Weißes Haus", (), PARAPHRASE)]
    )
    assert groups[0] != groups[1]


def test_a_spokesman_speaks_for_his_side_and_a_relay_for_its_speaker():
    spokesman = group_statements(
        [Said("a", "Kreml", (), QUOTE), Said("b", "Dmitri Peskow", (), PARAPHRASE, side="Kreml")]
    )
    relayed = group_statements(
        [Said("a", "Kreml", (), QUOTE), Said("b", "Wladimir Putin", ("Kreml",), PARAPHRASE)]
    )
    assert spokesman[0] == spokesman[1] and relayed[0] == relayed[1]


def test_statements_of_one_article_are_not_grouped_with_each_other():
    groups = group_statements([Said("a", "Kreml", (), QUOTE), Said("a", "Kreml", (), PARAPHRASE)])
    assert groups[0] != groups[1]


def test_a_short_headline_statement_needs_all_its_words():
    groups = group_statements(
        [
            Said("a", "Wolodymyr Selenskyj", (), "Lüge"),
            Said("b", "Wolodymyr Selenskyj", (), "Lüge"),
            Said(
                "c",
                "Wolodymyr Selenskyj",
                (),
                "Russland verbreitet eine Lüge über Drohnen, Residenzen und Verhandlungen",
            ),
        ]
    )
    assert groups[0] == groups[1] != groups[2]


def test_statements_of_no_known_speaker_stay_alone():
    groups = group_statements([Said("a", "", (), QUOTE), Said("b", "", (), QUOTE)])
    assert groups[0] != groups[1]


def test_the_same_demand_months_apart_is_two_occasions_of_one_group():
    days = [dt.date(2021, 4, 13), dt.date(2021, 4, 14), dt.date(2021, 12, 7), dt.date(2021, 12, 8)]
    assert occasions(days) == [dt.date(2021, 4, 13), dt.date(2021, 12, 7)]


def test_a_label_is_the_member_the_others_share_most_cut_at_a_word():
    text = label([QUOTE, PARAPHRASE, "Garantien"], width=40)
    assert len(text) <= 40 and text.endswith("…") and text.startswith("Russland")
    assert label(["Lüge"]) == "Lüge"
