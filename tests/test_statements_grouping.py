"""The same statement across sources (issue 12 grouping): one government's voices are one
speaker, a person's side learned in one article counts in another, and words that only say
whose (a country's adjective) or differ by a case ending ("Putins") do not decide."""

from __future__ import annotations

import pytest

from reader.analysis.pipeline import make_recognizer
from reader.analysis.statement_groups import Said, group_statements
from reader.analysis.statement_words import stems
from reader.analysis.statements import find_statements
from reader.corpus.model import Article
from reader.corpus.paragraphs import split_passages

CLAIM = "Russland werde alle notwendigen Schritte unternehmen, um seine Sicherheit zu gewährleisten"
SAME_CLAIM = "alle nötigen Schritte zu unternehmen, um die Sicherheit des Landes zu gewährleisten"


@pytest.fixture(scope="module")
def recognizer():
    return make_recognizer()


def found(recognizer, article_id: str, body: str):
    text = f"Gespräche in Genf\n\n{body}"
    article = Article(id=article_id, title="Gespräche in Genf", text=text, source=article_id)
    article.passages = split_passages(article_id, text)
    return find_statements(article, recognizer.find(text))


def said(article: str, s) -> Said:
    return Said(article, s.who, s.relays, s.text, s.side, s.words)


def test_a_minister_and_the_capital_of_his_government_are_one_speaker(recognizer):
    a = found(
        recognizer,
        "a",
        "Der russische Außenminister Sergei Lawrow erklärte, " + CLAIM + ".",
    )
    b = found(recognizer, "b", "Moskau kündigte an, " + SAME_CLAIM + ".")
    assert a[0].side == "Russland"
    groups = group_statements([said("a", a[0]), said("b", b[0])])
    assert groups[0] == groups[1]


def test_a_side_learned_in_one_article_counts_in_another():
    groups = group_statements(
        [
            Said("a", "Sergei Lawrow", (), CLAIM, side="Russland"),
            Said("b", "Sergei Lawrow", (), "Die Verhandlungen in Genf gehen weiter"),
            Said("c", "Kreml", (), SAME_CLAIM),
            Said("d", "Sergei Lawrow", (), SAME_CLAIM),
        ]
    )
    assert groups[0] == groups[2] == groups[3] != groups[1]


def test_two_governments_saying_alike_stay_apart():
    groups = group_statements(
        [Said("a", "Kreml", (), CLAIM), Said("b", "Washington", (), SAME_CLAIM)]
    )
    assert groups[0] != groups[1]


def test_a_country_adjective_is_no_shared_word():
    assert "russis" not in stems("die russischen Grenzen")
    assert stems("Putins Residenz") == stems("Putin Residenz")


def test_a_separable_verb_is_one_word_with_its_particle():
    assert "angrei" in stems("Ukraine greift Putins Residenz mit Drohnen an")
    assert "angrei" in stems("einen Wohnsitz Putins angegriffen zu haben")


def test_a_three_word_statement_needs_two_shared_words_and_a_quarter_of_the_other():
    short = "einen Wohnsitz Putins angegriffen zu haben"
    groups = group_statements(
        [
            Said("a", "Russland", (), short),
            Said("b", "Russland", (), "Ukraine greift Putins Familien-Residenz mit Drohnen an"),
            Said(
                "c",
                "Russland",
                (),
                "Putin habe in Nowgorod Gäste empfangen, das Haus sei alt, das Wetter "
                "kalt, der Winter lang und die Straßen seien angegriffen von Frost und Salz",
            ),
        ]
    )
    assert groups[0] == groups[1] != groups[2]
