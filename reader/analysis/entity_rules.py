"""Word lists and small predicates that type names the gazetteer does not know.

Everything here works on single words and is cached, so the recogniser can call it per token.
HanTa (the Hanover tagger, whose German model ships in its PyPI package) is loaded on first
use only and tells proper nouns (``NE``) from the capitalised common nouns of German.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

# Role nouns before a name mark a person: "Präsident Putin", "Sprecherin … Maria Sacharowa".
ROLE_STEMS = (
    "präsident", "kanzler", "minister", "sprecher", "chef", "senator", "botschafter",
    "bürgermeister", "vorsitzende", "abgeordnete", "politiker", "general", "kommandeur",
    "journalist", "reporter", "korrespondent", "trainer", "anwalt", "anwält", "richter",
    "schauspieler", "sänger", "musiker", "autor", "direktor", "leiter", "gouverneur", "könig",
    "papst", "prinz", "prinzess", "kaiser", "premier", "oppositionsführer", "aktivist",
    "kandidat", "gründer", "manager", "unternehmer", "milliardär", "experte", "professor",
    "historiker", "ökonom", "beauftragte", "diplomat", "kollege", "nachfolger", "vorgänger",
    "sekretär", "admiral", "oberst", "kommissar", "ermittler", "spieler", "stürmer", "torwart",
    "coach", "bischof", "kardinal", "patriarch", "rabbiner", "imam", "ajatollah", "scheich",
    "emir", "staatsoberhaupt", "chefin", "frau", "ehemann", "bruder", "schwester", "sohn",
    "tochter", "vater", "mutter", "witwe", "moderator", "regisseur", "künstler", "sportler",
    "athlet", "verteidiger", "ceo", "vize", "mitgründer", "investor", "besitzer", "inhaber",
    "angeklagte", "zeuge",
)
ROLE_RE = re.compile(
    r"(?:" + "|".join(ROLE_STEMS) + r")(?:in|innen|en|n|s|es|e|er|ern)?$"
)
TITLES = frozenset({"Herr", "Herrn", "Frau", "Dr", "Prof", "Dr.", "Prof.", "Sir", "Lady"})

# Words before a name that mark an organisation ("Agentur Reuters", "TV-Sender Kanal 5").
ORG_CUE_STEMS = (
    "agentur", "sender", "zeitung", "magazin", "partei", "firma", "unternehmen", "konzern",
    "verein", "club", "klub", "organisation", "bank", "hersteller", "verlag", "institut",
    "universität", "stiftung", "gewerkschaft", "behörde", "miliz", "plattform", "portal",
    "netzwerk", "verband", "fraktion", "gruppe", "band", "label", "airline", "fluggesellschaft",
    "kette", "discounter", "startup", "start-up", "sekte", "bewegung", "gewerkschaft",
    "blatt", "fernsehen", "rundfunk", "podcast",
)
ORG_CUE_RE = re.compile(r"(?:" + "|".join(ORG_CUE_STEMS) + r")(?:en|n|s|es|e)?$")
# Words after a name that end an organisation's name ("Siemens AG", "Muster GmbH").
ORG_TAILS = frozenset({"GmbH", "AG", "SE", "KG", "KGaA", "OHG", "Inc", "Ltd", "LLC", "Corp",
                       "e.V", "eV", "Co", "Holding", "Group"})
# Words that are organisations by their ending ("Außenministeriums", "Landgericht").
ORG_WORD_RE = re.compile(r"(?:ministerium|ministeriums|ministerien)$")

# Prepositions and nouns before a name that mark a place.
PLACE_PREPS = frozenset({
    "in", "nach", "aus", "bei", "im", "nahe", "Richtung", "gen", "via", "ins",
    "nördlich", "südlich", "östlich", "westlich", "Bezirk", "Ortsteil", "Stadtteil", "Stadt",
    "Ort", "Dorf", "Gemeinde", "Region", "Provinz", "Landkreis", "Kreis", "Hauptstadt",
    "Metropole", "Bundesland", "Kanton", "Insel", "Kiez", "Großstadt", "Kleinstadt",
})
# Street names: a capitalised word with one of these endings.
STREET_RE = re.compile(
    r"(?:straße|strasse|str|platz|allee|damm|weg|ufer|chaussee|gasse|steig|zeile|ring|"
    r"promenade|pfad|brücke|markt|kanal|park|graben|anger|brücken|plätze)$"
)
# Heads of two-word place names after an adjective in -er: "Frankfurter Allee".
STREET_HEADS = frozenset({
    "Allee", "Straße", "Str", "Damm", "Tor", "Platz", "Ufer", "Chaussee", "Weg", "Ring",
    "Brücke", "Park", "Feld", "Forst", "Heide", "See", "Landstraße", "Berg", "Markt",
    "Bahnhof", "Hafen", "Flughafen", "Kiez", "Viertel", "Kreuz", "Stern",
})
# Endings of unknown names that point to a type.
PER_NAME_RE = re.compile(r"(?:ow|ew|ski|sky|skyj|enko|owa|ewa|ina|ić|vić|witsch|ova|eva)s?$")
LOC_NAME_RE = re.compile(
    r"(?:land|stan|ien|burg|berg|dorf|hausen|heim|stadt|felde|feld|hagen|walde|brück|"
    r"münde|hafen|ingen|leben|rode|werder|bach)$"
)
# Endings of common nouns that are never names ("Zuspitzung", "Sicherheit").
NOUN_SUFFIX_RE = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus|ität|itäten|"
    r"nis|nisse|tum|chen|lein|ierung|ment|ments|ei|eien|anz|enz|ur|uren|ik|iken|ologe|logie)$"
)
# All-caps words that are not organisations.
NOT_ACRONYMS = frozenset({
    "TV", "MEZ", "MESZ", "UTC", "PKW", "LKW", "KFZ", "BAB", "ÖPNV", "DNA", "SMS", "GPS",
    "USB", "CEO", "PS", "KW", "KM", "ID", "IT", "OK", "PIN", "PC", "WLAN", "LED", "SUV",
    "ICE", "ABC", "EUR", "USD", "CO", "CO2", "NO", "SOS", "DJ", "VIP", "WC", "PDF", "HIV",
    "AIDS", "ADHS", "NS", "DDR", "BRD", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    "XII", "XIV", "XV", "XX", "AM", "PM", "MP", "KI", "AI", "FAQ", "URL", "HD", "UKW", "ZB",
    "ZUM", "MIT", "FÜR", "UND", "DER", "DIE", "DAS", "VON", "IM", "AUF", "BEI", "TOT",
    "LIVE", "NEU", "NEWS", "UPDATE", "VIDEO", "FOTO", "FOTOS", "PLUS", "BMI", "GmbH",
    "RSS", "APP", "WM", "EM", "DVD", "CD", "MRT", "EKG", "OP", "USA",
})
# Capitalised words that start sentences and that a tagger may take for names.
STOP_WORDS = frozenset({
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Einem", "Einen",
    "Er", "Sie", "Es", "Wir", "Ihr", "Ich", "Man", "Auch", "Aber", "Oder", "Und", "Doch",
    "Denn", "So", "Wie", "Was", "Wer", "Wo", "Wann", "Warum", "Nach", "Vor", "Bei", "Mit",
    "Am", "Im", "In", "An", "Auf", "Aus", "Von", "Zu", "Zum", "Zur", "Um", "Für", "Gegen",
    "Laut", "Seit", "Nun", "Noch", "Nur", "Dann", "Da", "Dort", "Hier", "Heute", "Gestern",
    "Morgen", "Ob", "Als", "Wenn", "Weil", "Dass", "Daß", "Diese", "Dieser", "Dieses",
    "Jener", "Alle", "Mehr", "Kein", "Keine", "Nicht", "Ja", "Nein", "Herr", "Frau",
    "Nr", "Dr", "Prof", "St", "Mio", "Mrd", "Tel", "Hr", "Fr", "Abs",
})
MONTHS_DAYS = frozenset({
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Okt", "Nov", "Dez", "Montag", "Dienstag", "Mittwoch", "Donnerstag",
    "Freitag", "Samstag", "Sonntag", "Sonnabend", "Ostern", "Pfingsten", "Weihnachten",
    "Silvester", "Neujahr",
})

_tagger: Any = None
_lock = threading.Lock()


def tagger() -> Any:
    """The HanTa tagger, loaded on first use (about 0.2 s)."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from HanTa import HanoverTagger as ht

                _tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    return _tagger


@lru_cache(maxsize=200_000)
def tags(word: str) -> tuple[tuple[str, float], ...]:
    """HanTa's best tags for a word on its own, with log-probabilities (cached)."""
    return tuple((tag, float(score)) for tag, score in tagger().tag_word(word)[:3])


KNOWN = -19.0  # HanTa scores above this come from its lexicon; below, it guesses
UNKNOWN = -26.0


@lru_cache(maxsize=200_000)
def is_common_lower(word: str) -> bool:
    """``word`` in lower case is a known German word ("oder", "essen")."""
    tag, score = tags(word.lower())[0]
    return score > KNOWN and tag not in ("NE", "FM", "XY")


@lru_cache(maxsize=200_000)
def name_like(word: str) -> bool:
    """A capitalised word that is probably a proper noun (HanTa ``NE``, or unknown to HanTa
    and not shaped like a common noun)."""
    best_tag, best = tags(word)[0]
    if best_tag == "NE":
        return True
    if best > UNKNOWN:
        return False
    return NOUN_SUFFIX_RE.search(word.lower()) is None


@lru_cache(maxsize=100_000)
def is_role(word: str) -> bool:
    return word in TITLES or ROLE_RE.search(word.lower()) is not None


@lru_cache(maxsize=100_000)
def is_org_cue(word: str) -> bool:
    return ORG_CUE_RE.search(word.lower()) is not None


@lru_cache(maxsize=100_000)
def is_street(word: str) -> bool:
    """A street-like word not in HanTa's lexicon ("Weichselplatz", but not "Parkplatz")."""
    if STREET_RE.search(word.lower()) is None:
        return False
    return tags(word)[0][1] <= KNOWN - 1


@lru_cache(maxsize=100_000)
def is_acronym(word: str) -> bool:
    """An all-caps word of 2–5 letters that may name an organisation ("OSZE", "BVG")."""
    if not (2 <= len(word) <= 5 and word.isupper() and word.isalpha()):
        return False
    if word in NOT_ACRONYMS or set(word) <= set("IVXLC"):
        return False
    return not is_common_lower(word)
