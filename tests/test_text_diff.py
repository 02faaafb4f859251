"""The compare view's word diff: which words two outlets share and which they changed."""

from __future__ import annotations

import difflib
import itertools

import pytest

from reader.analysis.text_diff import compare, shared_phrases, similarity

REUTERS = (
    "„Deshalb ist Russland ernsthaft daran interessiert, verlässliche und rechtlich "
    "fixierte Garantien zu erhalten“, so der Kreml."
)
RT = (
    'Moskau ist "ernsthaft daran interessiert", "verlässliche und feste rechtliche '
    'Garantien" zu erhalten.'
)


def rebuilt(segments, side: str) -> str:
    return "".join(getattr(s, f"{side}_text") for s in segments)


def test_segments_cover_both_texts_exactly() -> None:
    segments = compare(REUTERS, RT)
    assert rebuilt(segments, "a") == REUTERS
    assert rebuilt(segments, "b") == RT
    for seg in segments:
        assert REUTERS[seg.a_start : seg.a_end] == seg.a_text
        assert RT[seg.b_start : seg.b_end] == seg.b_text
    # Consecutive segments touch: nothing skipped, nothing twice.
    for left, right in itertools.pairwise(segments):
        assert left.a_end == right.a_start and left.b_end == right.b_start


def test_shared_wording_is_equal_and_changes_are_marked() -> None:
    segments = compare(REUTERS, RT)
    equal_words = " ".join(s.a_text for s in segments if s.equal)
    for word in ("ernsthaft daran interessiert", "verlässliche und", "Garantien", "erhalten"):
        assert word in equal_words
    changed = [(s.a_text.strip(), s.b_text.strip()) for s in segments if not s.equal]
    # The two wordings of the guarantee: "rechtlich fixierte" vs "feste rechtliche".
    assert any("fixierte" in a and "feste" in b for a, b in changed)
    assert any(
        s.op == "replace" and "Deshalb" in s.a_text and "Moskau" in s.b_text for s in segments
    )


def test_case_umlaut_spelling_and_quotes_do_not_count_as_changes() -> None:
    segments = compare("Die NATO-Osterweiterung „stoppen“", "die Nato-Osterweiterung stoppen")
    assert [s.op for s in segments] == ["equal"]
    assert similarity("Präsident Selenskyj", "Prasident Selenskyj") == 1.0


@pytest.mark.parametrize(
    ("a", "b", "ops"),
    [
        ("", "", []),
        ("zwei Stunden", "", ["delete"]),
        ("", "zwei Stunden", ["insert"]),
        (
            "Sie dauerten zwei Stunden",
            "Sie dauerten zwei Stunden und fünf Minuten",
            ["equal", "insert"],
        ),
        (
            "nach einem zweistündigen Telefonat",
            "nach einem zweistündigen Videogespräch",
            ["equal", "replace"],
        ),
        ("Biden warnte Putin", "Biden drohte Putin", ["equal", "replace", "equal"]),
    ],
)
def test_operations(a: str, b: str, ops: list[str]) -> None:
    segments = compare(a, b)
    assert [s.op for s in segments] == ops
    assert rebuilt(segments, "a") == a and rebuilt(segments, "b") == b


def test_json_shape() -> None:
    seg = compare("a b", "a c")[0]
    assert seg.to_json() == {
        "op": "equal",
        "a": [0, 2],
        "b": [0, 2],
        "a_text": "a ",
        "b_text": "a ",
    }


def test_similarity_is_a_share() -> None:
    assert similarity(REUTERS, RT) == pytest.approx(similarity(RT, REUTERS))
    assert 0.3 < similarity(REUTERS, RT) < 0.8
    assert similarity("ganz anders", "völlig verschieden") == 0.0


def test_shared_wording_is_found_in_any_order() -> None:
    """The review's pair (issue 15 D7): Reuters ¶2 and RT DE ¶7 put the same phrases in
    another order; an alignment in order finds only a few of them."""
    reuters = (
        "In dem zweistündigen Videogespräch mit Biden sagte Putin, die NATO verstärke ihr "
        "militärisches Potenzial in der Nähe der russischen Grenzen und unternehme "
        "„gefährliche Versuche, ukrainisches Gebiet zu erobern“, so der Kreml."
    )
    rt = (
        "Der russische Staatschef betonte jedoch, dass der von den USA angeführte "
        'Militärblock "gefährliche Versuche unternimmt, ukrainisches Territorium zu '
        'erobern", und sein militärisches Potenzial an den russischen Grenzen aufbaue.'
    )
    found = shared_phrases(reuters, rt)
    phrases = {reuters[s:e] for s, e in found.a}
    assert {"gefährliche Versuche", "zu erobern", "militärisches Potenzial"} <= phrases
    assert {"gefährliche Versuche", "zu erobern", "militärisches Potenzial"} <= {
        rt[s:e] for s, e in found.b
    }
    assert "in der" not in phrases  # short words alone are no shared wording
    in_order = difflib.SequenceMatcher(
        None, reuters.lower().split(), rt.lower().split(), autojunk=False
    ).ratio()
    assert similarity(reuters, rt) > 2 * in_order


def test_each_word_is_shared_once() -> None:
    found = shared_phrases("rote Linie rote Linie", "die rote Linie")
    assert found.shared_words == 2 and len(found.a) == 1 and len(found.b) == 1
