"""The shipped German NER model: packaging, lazy loading, what it finds, and its dev score."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.analysis.crf_features import FEATURE_VERSION
from reader.analysis.crf_model import (
    FEATURES_RESOURCE,
    MODEL_RESOURCE,
    ModelRecognizer,
    get_recognizer,
    name_element,
    read_model_bytes,
    spans_from_labels,
    split_sentences,
)
from reader.analysis.tokens import tokenize
from reader_dev.ner.germeval import align, evaluate, read_germeval, to_bioes
from tests.conftest import run_python

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "ner" / "germeval2014" / "NER-de-dev.tsv"
# Measured with the shipped model on the first 300 dev sentences (see tools/train_ner.py):
# overall outer PER/LOC/ORG F1 0.752 (P 0.795, R 0.713); the floor is just below it.
DEV300_FLOOR = 0.745


def found(text: str) -> set[tuple[str, str]]:
    return {(s.text, s.label) for s in get_recognizer().find(text)}


# --- packaging and loading ---------------------------------------------------------------


def test_model_ships_in_the_package_and_is_small() -> None:
    data = read_model_bytes()
    assert data[:4] == b"lCRF", "not a CRFsuite model"
    assert len(data) <= 20 * 1024 * 1024


def test_importing_the_module_loads_nothing() -> None:
    code = (
        "import sys; import reader.analysis.crf_model as m; "
        "r = m.get_recognizer(); "
        "assert not r.loaded; "
        "bad = [x for x in ('pycrfsuite', 'HanTa') if x in sys.modules]; "
        "assert not bad, bad"
    )
    run_python(code, cwd=REPO)


def test_recognizer_is_shared_and_loads_on_first_find() -> None:
    recognizer = get_recognizer()
    assert get_recognizer() is recognizer
    recognizer.find("Ein Satz.")
    assert recognizer.loaded


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.crfsuite"
    with pytest.raises(FileNotFoundError, match=r"nope\.crfsuite"):
        ModelRecognizer(missing).find("Angela Merkel")


def _tiny_model(path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append([["w=anna"], ["w=lacht"]], ["S-PER", "O"])
    trainer.set_params({"max_iterations": 5})
    trainer.train(str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"feature_version": 0, "memory": {}}', "features version 0"),
        ("not json", "not a NER feature file"),
        (json.dumps({"feature_version": FEATURE_VERSION}), "not a NER feature file"),
    ],
)
def test_feature_file_of_another_version_is_refused(
    tmp_path: Path, content: str, message: str
) -> None:
    model = tmp_path / "m.crfsuite"
    _tiny_model(model)
    (tmp_path / "m.features.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        ModelRecognizer(model).find("Anna lacht")
    assert "m.features.json" in str(info.value)


def test_packaged_feature_file_matches_the_code() -> None:
    data = json.loads(read_model_bytes(FEATURES_RESOURCE))
    assert data["feature_version"] == FEATURE_VERSION
    assert data["memory"]


@pytest.mark.slow
def test_model_loads_from_an_installed_wheel(tmp_path: Path) -> None:
    """Build the wheel, install it into a folder, and find names from there."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert f"reader/data/{MODEL_RESOURCE}" in names
    assert f"reader/data/{FEATURES_RESOURCE}" in names
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import reader.analysis.crf_model as m, pathlib; "
        f"assert pathlib.Path(m.__file__).is_relative_to({str(site)!r}), m.__file__; "
        "print(sorted((s.text, s.label) for s in m.get_recognizer().find("
        "'Angela Merkel besuchte Paris.')))"
    )
    out = run_python(code, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)})
    assert "('Angela Merkel', 'PER')" in out
    assert "('Paris', 'LOC')" in out


# --- what it finds -----------------------------------------------------------------------


def test_finds_people_places_and_organisations_in_new_text() -> None:
    text = (
        "Bundeskanzlerin Angela Merkel hat am Dienstag in Berlin den Vorstandschef von "
        "Siemens empfangen."
    )
    spans = get_recognizer().find(text)
    assert {(s.text, s.label) for s in spans} >= {
        ("Angela Merkel", "PER"),
        ("Berlin", "LOC"),
        ("Siemens", "ORG"),
    }
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.origin == "model" and s.canonical is None


def test_finds_multiword_organisations_and_genitives() -> None:
    assert ("Deutsche Bank", "ORG") in found(
        "Die Aktien der Deutsche Bank verloren am Freitag deutlich an Wert."
    )
    assert ("Putins", "PER") in found(
        "Kritiker Putins wurden in Moskau festgenommen, meldete die Agentur Reuters."
    )


def test_plain_sentence_has_no_entities() -> None:
    assert found("Am Abend regnete es, und die Straßen waren nass.") == set()


# --- names inside compounds --------------------------------------------------------------


def test_name_inside_a_compound_is_a_span_over_the_name_only() -> None:
    text = "Die NATO-Osterweiterung beunruhigt die Regierung in Moskau."
    spans = get_recognizer().find(text)
    nato = [s for s in spans if s.text == "NATO"]
    assert nato and nato[0].label == "ORGpart"
    assert (nato[0].start, nato[0].end) == (4, 8)
    assert not any(s.text == "NATO-Osterweiterung" for s in spans)


def test_compound_spans_left_out_for_outer_scoring() -> None:
    text = "Die NATO-Osterweiterung beunruhigt Moskau."
    assert not any(s.text == "NATO" for s in get_recognizer().find(text, parts=False))


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("NATO-Osterweiterung", "NATO"),
        ("US-Präsident", "US"),
        ("Ex-Siemens-Chef", "Siemens"),
        ("Baden-Württemberg-Reise", "Baden-Württemberg"),
        ("Anti-Trump-Demo", "Trump"),
        ("Europapolitik", None),
        ("pro-russisch", None),
    ],
)
def test_name_element(word: str, name: str | None) -> None:
    where = name_element(word)
    assert (word[where[0] : where[1]] if where else None) == name


def test_bioes_labels() -> None:
    assert to_bioes(["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"]) == [
        "B-PER",
        "E-PER",
        "O",
        "S-LOC",
        "B-ORG",
        "I-ORG",
        "E-ORG",
    ]


def test_bioes_labels_to_spans() -> None:
    text = "Joe Biden traf Olaf Scholz in Berlin"
    labels = ["B-PER", "E-PER", "O", "S-PER", "S-PER", "O", "S-LOC"]
    spans = spans_from_labels(text, tokenize(text), labels)
    assert [(s.text, s.label) for s in spans] == [
        ("Joe Biden", "PER"),
        ("Olaf", "PER"),
        ("Scholz", "PER"),
        ("Berlin", "LOC"),
    ]


def test_labels_to_spans() -> None:
    text = "US-Präsident Joe Biden lobt die Europapolitik"
    toks = tokenize(text)
    labels = ["B-LOCpart", "B-PER", "I-PER", "O", "O", "B-ORGpart"]
    spans = spans_from_labels(text, toks, labels)
    assert [(s.text, s.label) for s in spans] == [("US", "LOCpart"), ("Joe Biden", "PER")]
    assert [s.text for s in spans_from_labels(text, toks, labels, parts=False)] == ["Joe Biden"]


def test_sentences_are_not_cut_after_abbreviations_or_initials() -> None:
    text = "Er fuhr nach St. Moritz. Dort traf er Joseph W. Greenberg.\nNeue Zeile"
    cut = [[t.text for t in s] for s in split_sentences(tokenize(text), text)]
    assert cut == [
        ["Er", "fuhr", "nach", "St", ".", "Moritz", "."],
        ["Dort", "traf", "er", "Joseph", "W", ".", "Greenberg", "."],
        ["Neue", "Zeile"],
    ]


# --- GermEval data and the dev score -----------------------------------------------------


def test_align_maps_germeval_tags_to_model_labels_and_gold_spans() -> None:
    sentence = [
        ("Die", "O"),
        ("NATO-Osterweiterung", "B-ORGpart"),
        ("und", "O"),
        ("russische", "B-LOCderiv"),
        ("Truppen", "O"),
        ("in", "O"),
        ("St.", "B-LOC"),
        ("Petersburg", "I-LOC"),
        ("(", "O"),
        ("Ecce", "B-OTH"),
        ("homo", "I-OTH"),
        (")", "O"),
    ]
    text, tokens, labels, gold = align(sentence)
    assert [t.text for t in tokens][6:9] == ["St", ".", "Petersburg"]
    assert labels == [
        "O",
        "B-ORGpart",
        "O",
        "O",
        "O",
        "O",
        "B-LOC",
        "I-LOC",
        "I-LOC",
        "O",
        "O",
        "O",
        "O",
    ]
    assert [(text[s:e], k) for s, e, k in gold] == [("St. Petersburg", "LOC")]


def test_bad_germeval_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\tDie\tO\tO\n2 Haus O O\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2"):
        read_germeval(bad)


@pytest.mark.skipif(not DEV.is_file(), reason="GermEval 2014 dev file not available")
def test_dev_subset_score_does_not_drop() -> None:
    sentences = read_germeval(DEV)[:300]
    scores = evaluate(get_recognizer(), sentences)
    assert scores["ALL"].f1 >= DEV300_FLOOR, scores["ALL"].row()
