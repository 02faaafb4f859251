"""Groups of German news words that report the same thing in other words.

Outlets paraphrase: one writes "Telefonat", the next "Videogespräch", a third "Online-
Gespräche"; "Garantien" become "Zusicherungen", "Sanktionen" "Strafmaßnahmen". The stemmer
cannot see that; these groups let related-passage scoring count such pairs as shared words
(with less weight than the same word). Compounds join the group of their head
("Sicherheitsgarantien" → Garantie). Keep groups narrow: a group says "these words name the
same happening", not "these words are about the same topic".
"""

from __future__ import annotations

from functools import lru_cache

from reader.analysis.passage_terms import terms

GROUPS: dict[str, tuple[str, ...]] = {
    "gespräch": (
        "Gespräch",
        "Gespräche",
        "Telefonat",
        "Telefonate",
        "Telefongespräch",
        "Videogespräch",
        "Videokonferenz",
        "Videoschalte",
        "Schalte",
        "Unterredung",
        "Videotelefonat",
        "telefonieren",
        "telefonierten",
        "telefoniert",
        "Videoverbindung",
        "Onlinekonferenz",
    ),
    "treffen": (
        "Treffen",
        "Gipfel",
        "Gipfeltreffen",
        "Zusammenkunft",
        "treffen",
        "trafen",
        "getroffen",
        "Spitzentreffen",
    ),
    "garantie": (
        "Garantie",
        "Garantien",
        "Zusicherung",
        "Zusicherungen",
        "zusichern",
        "zuzusichern",
        "garantieren",
        "garantiert",
    ),
    "verbindlich": (
        "verbindlich",
        "verbindlichen",
        "rechtsverbindlich",
        "rechtsverbindliche",
        "fixiert",
        "fixierte",
        "verbrieft",
        "verbriefte",
        "festgeschrieben",
        "bindend",
        "bindende",
    ),
    "sanktion": (
        "Sanktion",
        "Sanktionen",
        "Strafmaßnahme",
        "Strafmaßnahmen",
        "Maßnahmen",
        "Embargo",
        "Strafzölle",
        "sanktionieren",
    ),
    "drohung": (
        "Drohung",
        "drohen",
        "drohte",
        "droht",
        "androhen",
        "warnen",
        "warnte",
        "gewarnt",
        "Warnung",
        "warnt",
    ),
    "erweiterung": (
        "Erweiterung",
        "Osterweiterung",
        "Ausdehnung",
        "Expansion",
        "Ausweitung",
        "Erweiterungen",
    ),
    "eskalation": ("Eskalation", "eskalieren", "Zuspitzung", "zuspitzen", "eskaliert"),
    "einmarsch": ("Einmarsch", "Invasion", "einmarschieren", "einzumarschieren"),
    "truppen": ("Truppen", "Soldaten", "Streitkräfte", "Truppenbewegungen", "Militär"),
    "festnahme": (
        "Festnahme",
        "festnehmen",
        "festgenommen",
        "verhaftet",
        "verhaften",
        "Verhaftung",
        "inhaftiert",
        "Gewahrsam",
        "Haftbefehl",
    ),
    "tod": (
        "tot",
        "Tote",
        "Toten",
        "getötet",
        "töten",
        "tötete",
        "starb",
        "starben",
        "gestorben",
        "sterben",
        "Todesopfer",
        "Leiche",
        "Leichnam",
    ),
    "verletzt": (
        "verletzt",
        "Verletzte",
        "Verletzten",
        "verletzte",
        "Verletzungen",
        "verwundet",
        "Verwundete",
    ),
    "brand": (
        "Brand",
        "Feuer",
        "brannte",
        "brennt",
        "brennen",
        "Flammen",
        "Großbrand",
        "Brände",
        "Feuers",
        "Brandes",
    ),
    "explosion": (
        "Explosion",
        "explodiert",
        "explodierte",
        "Detonation",
        "Sprengsatz",
        "detoniert",
        "Bombe",
    ),
    "unfall": (
        "Unfall",
        "Unglück",
        "Zusammenstoß",
        "Kollision",
        "kollidiert",
        "kollidierten",
        "zusammengestoßen",
        "Crash",
        "verunglückt",
    ),
    "rücktritt": ("Rücktritt", "zurückgetreten", "zurücktreten", "Amtsverzicht"),
    "silvester": ("Silvester", "Neujahr", "Jahreswechsel", "Silvesternacht", "Neujahrsnacht"),
    "böller": ("Böller", "Feuerwerk", "Pyrotechnik", "Feuerwerkskörper"),
    "einbruch": (
        "Einbruch",
        "eingebrochen",
        "einbrechen",
        "Einbrecher",
        "Diebstahl",
        "gestohlen",
        "stehlen",
        "Dieb",
        "Diebe",
        "entwendet",
    ),
    "raub": ("Raub", "Überfall", "überfallen", "geraubt", "Räuber", "ausgeraubt"),
    "messer": (
        "Messer",
        "Messerangriff",
        "Messerattacke",
        "Stichwaffe",
        "erstochen",
        "niedergestochen",
        "ersticht",
    ),
    "schüsse": ("Schüsse", "Schuss", "geschossen", "erschossen", "Schusswaffe", "Pistole"),
    "wahl": ("Wahl", "Wahlen", "gewählt", "Abstimmung", "Urnengang"),
    "streik": ("Streik", "streiken", "Arbeitsniederlegung", "Warnstreik", "bestreikt"),
    "verhandlung": ("Verhandlungen", "verhandeln", "verhandelt", "Beratungen"),
}

MIN_GROUP_HEAD = 5  # a compound joins a group through a head at least this long
MIN_MODIFIER = 3  # and a first part at least this long


def _stem_of(word: str) -> list[str]:
    return list(terms(word))


def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, words in GROUPS.items():
        for word in words:
            for stem in _stem_of(word):
                index.setdefault(stem, name)
    return index


_INDEX = _index()


@lru_cache(maxsize=100_000)
def group_of(stem: str) -> str | None:
    """The group of a stem: its own, or that of its compound head ("sicherheitsgaranti")."""
    found = _INDEX.get(stem)
    if found is not None:
        return found
    for cut in range(MIN_MODIFIER, len(stem) - MIN_GROUP_HEAD + 1):
        found = _INDEX.get(stem[cut:])
        if found is not None:
            return found
    return None
