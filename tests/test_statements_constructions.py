"""Statements: the constructions the first detector missed (issue 12 quality), each on
sentences written for these tests, with the German pitfalls beside them."""

from __future__ import annotations

import pytest

from reader.analysis.pipeline import make_recognizer
from reader.analysis.statement_cues import SAY_VERBS, say_lemma
from reader.analysis.statements import Statement, find_statements
from reader.corpus.model import Article
from reader.corpus.paragraphs import split_passages

HEADLINE = "Gespräche in Genf gehen weiter"


@pytest.fixture(scope="module")
def recognizer():
    return make_recognizer()


def statements(recognizer, body: str, headline: str = HEADLINE) -> list[Statement]:
    text = f"{headline}\n\n{body}"
    article = Article(id="t", title=headline, text=text, source="Test")
    article.passages = split_passages("t", text)
    return find_statements(article, recognizer.find(text))


def by_text(found: list[Statement]) -> dict[str, Statement]:
    return {s.text: s for s in found}


def test_a_noun_of_saying_with_an_infinitive(recognizer):
    found = statements(
        recognizer,
        "Joe Biden telefonierte mit Wladimir Putin. Der Kreml reagierte auf Bidens Drohung, "
        "im Falle einer Eskalation Sanktionen gegen Moskau zu verhängen, hieß es weiter.",
    )
    s = by_text(found)["im Falle einer Eskalation Sanktionen gegen Moskau zu verhängen"]
    assert (s.mode, s.cue_lemma, s.canonical) == ("indirect", "Drohung", "Joe Biden")


def test_a_noun_of_saying_with_a_relative_clause_is_not_reported(recognizer):
    found = statements(
        recognizer, "Bidens Warnung, die am Montag kam, blieb in Moskau ohne Antwort."
    )
    assert found == []


def test_hiess_es_after_the_words_goes_on_with_the_speaker_before(recognizer):
    found = statements(
        recognizer,
        "Putin wolle Garantien, so der Kreml. Man erwarte eine Antwort bis Freitag, "
        "hieß es weiter.",
    )
    s = by_text(found)["Man erwarte eine Antwort bis Freitag"]
    assert (s.mode, s.cue_lemma, s.canonical) == ("indirect", "heißen", "Kreml")


def test_es_heisst_colon_inside_a_quoted_report(recognizer):
    # an outlet quotes a long report, which itself quotes a statement (nested quote)
    found = statements(
        recognizer,
        'Weiter berichtet RT DE: "Die Gespräche sind beendet.\n\n'
        'In einer Erklärung des Weißen Hauses heißt es:\n\n"Der Präsident wird am Nachmittag '
        'mit den europäischen Partnern telefonieren."\n\nDie Präsidenten trafen sich in Genf."',
    )
    inner = next(s for s in found if s.text.startswith("Der Präsident wird"))
    assert (inner.mode, inner.cue_lemma) == ("direct", "heißen")
    assert "RT DE" in inner.relays


def test_spricht_von_with_a_quoted_fragment_is_direct(recognizer):
    found = statements(recognizer, "Moskau spricht von „terroristischer Aktion“.")
    s = by_text(found)["terroristischer Aktion"]
    assert (s.mode, s.cue_lemma, s.canonical) == ("direct", "sprechen", "Moskau")


def test_spricht_von_without_quotes_is_narration(recognizer):
    assert statements(recognizer, "Wolodymyr Selenskyj spricht von einer Lüge.") == []


def test_a_headline_quote_takes_the_teller_of_the_teaser(recognizer):
    found = statements(
        recognizer,
        "Die Schülerin Anna Weber wäre fast ums Leben gekommen. "
        "Im Video erzählt die 17-Jährige von "
        "den entsetzlichen Momenten.",
        headline="Brand in der Bar: »Danach kam die kleine Tür, an der alle drängelten«",
    )
    s = by_text(found)["Danach kam die kleine Tür, an der alle drängelten"]
    assert (s.mode, s.cue_lemma, s.canonical) == ("direct", "erzählen", "Anna Weber")


def test_a_headline_quote_without_any_teller_is_not_a_statement(recognizer):
    found = statements(
        recognizer,
        "In der Silvesternacht brannte eine Bar, viele Gäste wurden verletzt.",
        headline="Brand in der Bar: »Danach kam die kleine Tür, an der alle drängelten«",
    )
    assert found == []


def test_the_perfect_tense_with_the_participle_after_the_words(recognizer):
    found = statements(
        recognizer,
        "Der Kreml hat jegliche Absicht, die Ukraine anzugreifen, bestritten.",
    )
    s = by_text(found)["die Ukraine anzugreifen"]
    assert (s.mode, s.cue_lemma, s.canonical) == ("indirect", "bestreiten", "Kreml")


def test_a_preterite_that_looks_like_a_participle_adjective(recognizer):
    # HanTa takes "bekundeten" alone for the adjective of "bekundet"
    assert say_lemma("bekundeten", None) == "bekunden"
    found = statements(
        recognizer,
        "Putin und Biden bekundeten ihre Bereitschaft, den Dialog über Sicherheit fortzusetzen.",
    )
    s = by_text(found)["den Dialog über Sicherheit fortzusetzen"]
    assert (s.mode, s.cue_lemma) == ("indirect", "bekunden")


def test_machte_deutlich_is_a_cue(recognizer):
    found = statements(
        recognizer,
        "Joe Biden machte deutlich, dass der Westen mit harten Maßnahmen reagieren würde.",
    )
    s = by_text(found)["der Westen mit harten Maßnahmen reagieren würde"]
    assert (s.cue_lemma, s.canonical) == ("deutlich machen", "Joe Biden")


def test_a_passive_report_has_no_speaker_and_is_marked_unresolved(recognizer):
    found = statements(
        recognizer,
        "Es sei darauf hingewiesen worden, dass die Gespräche in kleiner Runde stattfanden.",
    )
    s = by_text(found)["die Gespräche in kleiner Runde stattfanden"]
    assert s.mode == "indirect" and not s.resolved and s.speaker == ""


def test_an_indirect_question_is_not_a_statement(recognizer):
    found = statements(recognizer, "Donald Trump sagte auch, was mit dem Geld geschehen soll.")
    assert found == []


def test_a_partly_quoted_clause_before_its_cue_is_indirect(recognizer):
    found = statements(
        recognizer,
        "Der Angriff war eine „Darstellung amerikanischer Macht“, sagt Donald Trump.",
    )
    s = by_text(found)["Der Angriff war eine „Darstellung amerikanischer Macht“"]
    assert (s.mode, s.canonical) == ("indirect", "Donald Trump")


def test_a_headline_quote_shares_the_cue_of_the_other_quote(recognizer):
    found = statements(
        recognizer,
        "Die USA haben Venezuela angegriffen.",
        headline="„Diese Mission ist eine Warnung an alle“ – USA „bereit für eine zweite "
        "Welle“, sagt Trump",
    )
    texts = by_text(found)
    assert texts["Diese Mission ist eine Warnung an alle"].mode == "direct"
    assert texts["Diese Mission ist eine Warnung an alle"].canonical == "Donald Trump"
    assert texts["USA „bereit für eine zweite Welle“"].mode == "indirect"


def test_nach_der_darstellung_is_an_attribution(recognizer):
    found = statements(
        recognizer, "Nach der Darstellung Russlands hat die Ukraine eine Residenz angegriffen."
    )
    s = by_text(found)["hat die Ukraine eine Residenz angegriffen"]
    assert (s.mode, s.canonical) == ("according_to", "Russland")


def test_demnach_goes_on_according_to_the_statement_before(recognizer):
    found = statements(
        recognizer,
        "Das Weiße Haus teilte mit, man plane ein Treffen. Dieses soll demnach in einem "
        "Drittland stattfinden.",
    )
    s = by_text(found)["Dieses soll demnach in einem Drittland stattfinden"]
    assert (s.mode, s.canonical) == ("according_to", "Weißes Haus")


def test_front_page_parts_are_not_one_clause(recognizer):
    # "Moskau spricht von „…“ +++ Kreml: …": the verb does not report the next part
    found = statements(
        recognizer,
        "Moskau spricht von „terroristischer Aktion“ +++ Kreml: Raketen in Belarus "
        "stationiert +++ alle Neuigkeiten im Liveblog",
    )
    assert {s.text: s.mode for s in found} == {
        "terroristischer Aktion": "direct",
        "Raketen in Belarus stationiert": "according_to",
    }


def test_konjunktiv_that_looks_like_the_indicative_after_a_cue_with_wir(recognizer):
    found = statements(recognizer, "Die Ministerin erklärte, wir werden die Frist einhalten.")
    assert [(s.mode, s.text) for s in found] == [("indirect", "wir werden die Frist einhalten")]


def test_a_scare_quote_inside_a_quoted_report_is_not_a_statement(recognizer):
    found = statements(
        recognizer,
        "Olaf Scholz sagte: „Das war ein ‚offenes‘ Gespräch mit vielen Teilnehmern.“",
    )
    assert [s.text for s in found] == ["Das war ein ‚offenes‘ Gespräch mit vielen Teilnehmern."]


@pytest.mark.parametrize(
    ("form", "verb"),
    [
        ("spricht", "sprechen"),
        ("erzählt", "erzählen"),
        ("nennt", "nennen"),
        ("bedauerte", "bedauern"),
        ("bezichtigt", "bezichtigen"),
        ("verlangt", "verlangen"),
        ("schilderte", "schildern"),
    ],
)
def test_every_verb_of_saying_is_found_by_its_lemma(form, verb):
    assert verb in SAY_VERBS
    assert say_lemma(form, None) == verb


def test_a_colon_headline_whose_speaker_begins_with_an_adjective(recognizer):
    found = statements(
        recognizer,
        "Venezuelas Präsident sitzt in New York im Gefängnis.",
        headline="Übereinstimmende Medienberichte: Oberstes Gericht ernennt eine "
        "Übergangspräsidentin",
    )
    s = by_text(found)["Oberstes Gericht ernennt eine Übergangspräsidentin"]
    assert (s.mode, s.cue_lemma, s.speaker) == ("according_to", ":", "Medienberichte")


def test_a_colon_headline_with_a_topic_and_an_adjective_is_not_a_statement(recognizer):
    found = statements(
        recognizer,
        "Die Pegel steigen weiter.",
        headline="Schweres Hochwasser: Pegel steigen weiter",
    )
    assert found == []


def test_a_reported_clause_all_in_quotation_marks_is_direct(recognizer):
    found = statements(
        recognizer, "Joe Biden forderte Russland auf, „die Spannungen zu deeskalieren“."
    )
    s = by_text(found)["die Spannungen zu deeskalieren"]
    assert (s.mode, s.canonical) == ("direct", "Joe Biden")


def test_a_reported_clause_partly_in_quotation_marks_stays_indirect(recognizer):
    found = statements(
        recognizer, "Joe Biden sagte, die Lage sei „dramatisch“ und ändere sich schnell."
    )
    s = by_text(found)["die Lage sei „dramatisch“ und ändere sich schnell"]
    assert s.mode == "indirect"
