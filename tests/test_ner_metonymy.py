"""Metonymy: a place keeps its type where it stands for those who govern from it
(tests/data/ANNOTATION.md, "Metonymy"): GermEval 2014 labels "Kreml", "Weißes Haus" and
capitals LOC also as the subject of a verb of saying. Checked with the recogniser as shipped
(gazetteer, model and rules) and with the rules alone."""

from __future__ import annotations

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.pipeline import make_recognizer


@pytest.fixture(scope="module", params=["shipped", "rules"])
def find(request):
    return make_recognizer().find if request.param == "shipped" else EntityRecognizer().find


def typed(find, text: str) -> list[tuple[str, str, str | None]]:
    return [(s.text, s.label, s.canonical) for s in find(text) if s.label != "DATE"]


def test_the_white_house_as_the_administration_is_a_place(find):
    found = typed(find, "Das Weiße Haus erklärte am Montag, man prüfe die Vorschläge.")
    assert ("Weiße Haus", "LOC", "Weißes Haus") in found


def test_the_white_house_as_the_building_is_a_place(find):
    found = typed(find, "Biden empfing ihn im Weißen Haus in Washington.")
    assert ("Weißen Haus", "LOC", "Weißes Haus") in found
    assert ("Washington", "LOC", "Washington") in found


def test_the_kremlin_as_a_speaker_is_a_place(find):
    found = typed(find, "Der Kreml teilte am Dienstag mit, die Gespräche gingen weiter.")
    assert ("Kreml", "LOC", "Kreml") in found
    found = typed(find, "Nach Angaben des Kremls wollen beide Seiten weiter verhandeln.")
    assert ("Kremls", "LOC", "Kreml") in found


def test_a_capital_for_its_government_is_a_place(find):
    found = typed(find, "Moskau warnte den Westen vor weiteren Sanktionen.")
    assert ("Moskau", "LOC", "Moskau") in found


def test_one_name_one_type_within_an_article(find):
    text = (
        "Das Weiße Haus dementierte den Bericht. Der Präsident blieb im Weißen Haus, "
        "ein Sprecher des Weißen Hauses bestätigte das."
    )
    labels = {s.label for s in find(text) if s.canonical == "Weißes Haus"}
    assert labels == {"LOC"}
