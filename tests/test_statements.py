"""Statements: every construction of the statements issue, and the German pitfalls, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.pipeline import make_recognizer
from reader.analysis.quotes import find_quotes
from reader.analysis.statements import Statement, find_statements
from reader.corpus.model import Article
from reader.corpus.paragraphs import split_passages

HEADLINE = "Gespräche in Genf gehen weiter"


@pytest.fixture(scope="module")
def recognizer():
    return make_recognizer()


def statements(recognizer, body: str, headline: str = HEADLINE) -> tuple[str, list[Statement]]:
    text = f"{headline}\n\n{body}"
    article = Article(id="t", title=headline, text=text, source="Test")
    article.passages = split_passages("t", text)
    return text, find_statements(article, recognizer.find(text))


def only(found: list[Statement]) -> Statement:
    assert len(found) == 1, [(s.mode, s.text) for s in found]
    return found[0]


def test_a_quote_with_its_cue_after_it(recognizer):
    text, found = statements(
        recognizer, "„Wir werden die Gespräche fortsetzen“, sagte Dmitri Peskow am Mittwoch."
    )
    s = only(found)
    assert (s.mode, s.canonical, s.cue_lemma) == ("direct", "Dmitri Peskow", "sagen")
    assert s.text == "Wir werden die Gespräche fortsetzen"
    assert text[s.cue_start : s.cue_end] == "sagte"
    assert text[s.speaker_start : s.speaker_end] == "Dmitri Peskow"


def test_a_quote_introduced_by_a_colon(recognizer):
    _, found = statements(
        recognizer,
        "Am Abend erklärte Außenminister Sergei Lawrow: »Russland wird alle nötigen Schritte "
        "für seine Sicherheit unternehmen.«",
    )
    s = only(found)
    assert (s.mode, s.canonical) == ("direct", "Sergei Lawrow")
    assert s.text.startswith("Russland wird") and s.text.endswith("unternehmen.")


def test_a_quote_interrupted_by_its_cue_is_one_statement(recognizer):
    text, found = statements(
        recognizer,
        "Joe Biden sprach lange mit den Beratern. "
        '"Das ist", sagte er, "eine rote Linie für unser Land."',
    )
    s = only(found)
    assert s.mode == "direct" and s.canonical == "Joe Biden" and s.speaker == "er"
    assert text[s.start : s.end] == 'Das ist", sagte er, "eine rote Linie für unser Land.'


def test_a_quote_over_two_paragraphs_is_one_statement(recognizer):
    _, found = statements(
        recognizer,
        "Olaf Scholz sagte vor der Presse:\n\n„Wir haben lange verhandelt. Die Lage ist ernst."
        "\n\nAber wir geben nicht auf, und wir werden weiter reden.“",
    )
    s = only(found)
    assert s.canonical == "Olaf Scholz"
    assert s.text.startswith("Wir haben lange") and s.text.endswith("weiter reden.")


def test_nested_quotes_stay_inside_the_outer_quote():
    text = "Er sagte: „Sie nannten es ‚eine Provokation‘, das ist falsch.“ Dann ging er."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert (
        text[quotes[0].start : quotes[0].end]
        == "Sie nannten es ‚eine Provokation‘, das ist falsch."
    )


def test_indirect_speech_in_konjunktiv_after_a_verb_of_saying(recognizer):
    _, found = statements(
        recognizer, "Sergei Lawrow erklärte, Russland werde alle notwendigen Schritte unternehmen."
    )
    s = only(found)
    assert (s.mode, s.canonical, s.cue_lemma) == ("indirect", "Sergei Lawrow", "erklären")
    assert s.text == "Russland werde alle notwendigen Schritte unternehmen"


def test_a_dass_clause_after_a_verb_of_saying(recognizer):
    _, found = statements(
        recognizer,
        "Letzte Woche betonte die Sprecherin des Außenministeriums Maria Sacharowa, dass die "
        "Erweiterung eine rote Linie darstelle.",
    )
    s = only(found)
    assert (s.mode, s.canonical) == ("indirect", "Maria Sacharowa")
    assert s.text == "die Erweiterung eine rote Linie darstelle"


def test_a_separable_verb_takes_its_particle_for_the_lemma(recognizer):
    _, found = statements(
        recognizer,
        "Die Gespräche würden im Januar fortgesetzt, teilte der Kreml am Dienstag mit.",
    )
    s = only(found)
    assert (s.mode, s.canonical, s.cue_lemma) == ("indirect", "Kreml", "mitteilen")
    assert s.text == "Die Gespräche würden im Januar fortgesetzt"


def test_an_infinitive_after_a_verb_of_demanding(recognizer):
    _, found = statements(
        recognizer, "Joe Biden forderte Russland auf, die Truppen von der Grenze abzuziehen."
    )
    s = only(found)
    assert (s.mode, s.canonical, s.cue_lemma) == ("indirect", "Joe Biden", "auffordern")
    assert s.text == "die Truppen von der Grenze abzuziehen"


def test_konjunktiv_that_looks_like_the_indicative_is_reported_after_a_cue(recognizer):
    # "haben" is Konjunktiv I and indicative alike: the cue decides
    _, found = statements(
        recognizer, "Dmitri Peskow sagte, die Präsidenten haben viele Themen auf der Agenda."
    )
    s = only(found)
    assert s.mode == "indirect" and s.text == "die Präsidenten haben viele Themen auf der Agenda"


def test_a_konjunktiv_sentence_goes_on_with_the_statement_before_it(recognizer):
    _, found = statements(
        recognizer,
        "Dmitri Peskow sagte, ein Treffen sei möglich. Es werde aber wohl ein Ferngespräch sein.",
    )
    assert [(s.mode, s.canonical) for s in found] == [
        ("indirect", "Dmitri Peskow"),
        ("indirect", "Dmitri Peskow"),
    ]
    assert found[1].text == "Es werde aber wohl ein Ferngespräch sein"


def test_narration_is_not_a_statement(recognizer):
    _, found = statements(
        recognizer,
        "Das Treffen fand in Genf statt. Die Delegationen reisten am Abend ab, nachdem sie "
        "zwei Stunden verhandelt hatten.",
    )
    assert found == []


def test_a_scare_quote_is_not_a_statement(recognizer):
    _, found = statements(
        recognizer,
        'Das Telefonat dauerte zwei Stunden und wurde als "offenes und sachliches" Gespräch '
        "bezeichnet.",
    )
    assert found == []


@pytest.mark.parametrize(
    ("body", "cue_lemma", "canonical"),
    [
        ("Laut dem Kreml wollen beide Seiten die Gespräche fortsetzen.", "laut", "Kreml"),
        (
            "Dem Weißen Haus zufolge wollen beide Seiten weiter verhandeln.",
            "zufolge",
            "Weißes Haus",
        ),
        (
            "Nach Angaben des Kremls wollen beide Seiten weiter verhandeln.",
            "nach Angaben",
            "Kreml",
        ),
        ("Beide Seiten wollen die Gespräche im Januar fortsetzen, so der Kreml.", "so", "Kreml"),
    ],
)
def test_attribution_by_a_preposition(recognizer, body, cue_lemma, canonical):
    _, found = statements(recognizer, body)
    s = only(found)
    assert (s.mode, s.cue_lemma, s.canonical) == ("according_to", cue_lemma, canonical)
    assert "Seiten" in s.text and canonical.split()[-1] not in s.text


def test_as_reported_by(recognizer):
    _, found = statements(
        recognizer,
        "Wie der Kreml weiter mitteilte, wollen die Präsidenten im Januar wieder sprechen.",
    )
    s = only(found)
    assert (s.mode, s.canonical) == ("according_to", "Kreml")
    assert s.text == "wollen die Präsidenten im Januar wieder sprechen"


def test_a_colon_headline_with_a_speaker(recognizer):
    _, found = statements(
        recognizer,
        "Das Gespräch dauerte zwei Stunden.",
        headline="Kreml: Putin und Biden werden Gespräch fortsetzen",
    )
    s = only(found)
    assert (s.mode, s.cue, s.canonical) == ("according_to", ":", "Kreml")
    assert s.text == "Putin und Biden werden Gespräch fortsetzen" and s.passage == 0


def test_a_colon_headline_with_a_topic_is_not_a_statement(recognizer):
    _, found = statements(
        recognizer,
        "Zwei Hubschrauber sind zusammengestoßen.",
        headline="Flugunglück über New Jersey: Zwei Hubschrauber stoßen zusammen",
    )
    assert found == []


def test_a_role_resolves_to_the_person_named_with_it_earlier(recognizer):
    _, found = statements(
        recognizer,
        "Der Kremlsprecher Dmitri Peskow war am Morgen in Moskau. "
        "Später betonte der Kremlsprecher, eine Einigung sei möglich.",
    )
    s = only(found)
    assert s.speaker.endswith("Kremlsprecher") and s.canonical == "Dmitri Peskow" and s.resolved


def test_an_unknown_role_is_marked_unresolved(recognizer):
    _, found = statements(recognizer, "Ein Sprecher erklärte, die Lage sei ruhig.")
    s = only(found)
    assert s.speaker.endswith("Sprecher") and not s.resolved and s.canonical is None


def test_a_pronoun_resolves_to_the_nearest_speaker_before_it(recognizer):
    _, found = statements(
        recognizer,
        "Sergei Lawrow sprach von einer Provokation. Er erklärte, Russland werde reagieren.",
    )
    s = only(found)
    assert s.speaker == "Er" and s.canonical == "Sergei Lawrow" and s.resolved


def test_a_relay_is_kept_apart_from_the_speaker(recognizer):
    _, found = statements(
        recognizer,
        "RT DE berichtet, der Kreml habe erklärt, Wladimir Putin fordere neue Garantien.",
    )
    s = only(found)
    assert s.canonical == "Wladimir Putin"
    assert s.relays == ("Kreml", "RT DE")
    assert s.text == "neue Garantien"


def test_a_statement_in_a_more_on_this_teaser_is_marked(recognizer):
    _, found = statements(
        recognizer,
        "Die Gespräche dauerten zwei Stunden.\n\n"
        'Mehr zum Thema - US-Senator: "Wir dürfen keine Option ausschließen"',
    )
    s = only(found)
    assert s.teaser and s.mode == "direct" and s.text == "Wir dürfen keine Option ausschließen"


def test_a_statement_survives_its_json(recognizer):
    _, found = statements(
        recognizer, "„Wir werden die Gespräche fortsetzen“, sagte Dmitri Peskow am Mittwoch."
    )
    assert [Statement.from_json(s.to_json()) for s in found] == found
