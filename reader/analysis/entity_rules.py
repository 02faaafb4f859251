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
    "präsident",
    "kanzler",
    "minister",
    "sprecher",
    "chef",
    "senator",
    "botschafter",
    "bürgermeister",
    "vorsitzende",
    "abgeordnete",
    "politiker",
    "general",
    "kommandeur",
    "journalist",
    "reporter",
    "korrespondent",
    "trainer",
    "anwalt",
    "anwält",
    "richter",
    "schauspieler",
    "sänger",
    "musiker",
    "autor",
    "direktor",
    "leiter",
    "gouverneur",
    "könig",
    "papst",
    "prinz",
    "prinzess",
    "kaiser",
    "premier",
    "oppositionsführer",
    "aktivist",
    "kandidat",
    "gründer",
    "manager",
    "unternehmer",
    "milliardär",
    "experte",
    "professor",
    "historiker",
    "ökonom",
    "beauftragte",
    "diplomat",
    "kollege",
    "nachfolger",
    "vorgänger",
    "sekretär",
    "admiral",
    "oberst",
    "kommissar",
    "ermittler",
    "spieler",
    "stürmer",
    "torwart",
    "coach",
    "bischof",
    "kardinal",
    "patriarch",
    "rabbiner",
    "imam",
    "ajatollah",
    "scheich",
    "emir",
    "staatsoberhaupt",
    "chefin",
    "frau",
    "ehemann",
    "bruder",
    "schwester",
    "sohn",
    "tochter",
    "vater",
    "mutter",
    "witwe",
    "moderator",
    "regisseur",
    "künstler",
    "sportler",
    "athlet",
    "verteidiger",
    "ceo",
    "vize",
    "mitgründer",
    "investor",
    "besitzer",
    "inhaber",
    "angeklagte",
    "rätin",
    "kriminalrat",
    "stadtrat",
    "polizist",
    "beamte",
)
ROLE_RE = re.compile(r"(?:" + "|".join(ROLE_STEMS) + r")(?:in|innen|en|n|s|es|e|er|ern)?$")
TITLES = frozenset({"Herr", "Herrn", "Frau", "Dr", "Prof", "Dr.", "Prof.", "Sir", "Lady"})

# Words before a name that mark an organisation ("Agentur Reuters", "TV-Sender Kanal 5").
ORG_CUE_STEMS = (
    "agentur",
    "sender",
    "zeitung",
    "magazin",
    "partei",
    "firma",
    "unternehmen",
    "konzern",
    "verein",
    "club",
    "klub",
    "organisation",
    "bank",
    "hersteller",
    "verlag",
    "institut",
    "universität",
    "stiftung",
    "gewerkschaft",
    "behörde",
    "miliz",
    "plattform",
    "portal",
    "netzwerk",
    "verband",
    "fraktion",
    "gruppe",
    "band",
    "label",
    "airline",
    "fluggesellschaft",
    "kette",
    "discounter",
    "startup",
    "start-up",
    "sekte",
    "bewegung",
    "gewerkschaft",
    "blatt",
    "fernsehen",
    "rundfunk",
    "podcast",
)
ORG_CUE_RE = re.compile(r"(?:" + "|".join(ORG_CUE_STEMS) + r")(?:en|n|s|es|e)?$")
# Words after a name that end an organisation's name ("Siemens AG", "Muster GmbH").
ORG_TAILS = frozenset(
    {
        "GmbH",
        "AG",
        "SE",
        "KG",
        "KGaA",
        "OHG",
        "Inc",
        "Ltd",
        "LLC",
        "Corp",
        "e.V",
        "eV",
        "Co",
        "Holding",
        "Group",
    }
)
# Words that are organisations by their ending ("Außenministeriums", "Landgericht").
ORG_WORD_RE = re.compile(r"(?:ministerium|ministeriums|ministerien)$")

# Prepositions and nouns before a name that mark a place.
PLACE_PREPS = frozenset(
    {
        "in",
        "nach",
        "aus",
        "bei",
        "nahe",
        "Richtung",
        "gen",
        "via",
        "nördlich",
        "südlich",
        "östlich",
        "westlich",
        "Bezirk",
        "Ortsteil",
        "Stadtteil",
        "Stadt",
        "Ort",
        "Dorf",
        "Gemeinde",
        "Region",
        "Provinz",
        "Landkreis",
        "Kreis",
        "Hauptstadt",
        "Metropole",
        "Bundesland",
        "Kanton",
        "Insel",
        "Kiez",
        "Großstadt",
        "Kleinstadt",
    }
)
# Street names: a capitalised word with one of these endings that HanTa does not know.
# Compounds with the endings of STREET_RE are streets ("Hermannstraße"); those with the
# endings of SQUARE_RE only when their first part is not a common noun ("Weichselplatz",
# but not "Parkplatz", "Gehweg", "Bahnsteig").
STREET_RE = re.compile(r"(?:straße|strasse|str|allee|damm|chaussee|ufer|gasse|zeile|promenade)$")
SQUARE_RE = re.compile(
    r"(?:platz|weg|steig|ring|pfad|brücke|markt|kanal|park|graben|anger|brücken|plätze)$"
)
# Heads of two-word place names after an adjective in -er: "Frankfurter Allee".
STREET_HEADS = frozenset(
    {
        "Allee",
        "Straße",
        "Str",
        "Damm",
        "Tor",
        "Platz",
        "Ufer",
        "Chaussee",
        "Weg",
        "Ring",
        "Brücke",
        "Park",
        "Feld",
        "Forst",
        "Heide",
        "See",
        "Landstraße",
        "Berg",
        "Markt",
        "Bahnhof",
        "Hafen",
        "Flughafen",
        "Kiez",
        "Viertel",
        "Kreuz",
        "Stern",
    }
)
# Endings of unknown names that point to a type.
PER_NAME_RE = re.compile(r"(?:ow|ew|ski|sky|skyj|enko|owa|ewa|ina|ić|vić|witsch|ova|eva)s?$")
LOC_NAME_RE = re.compile(
    r"(?:land|stan|burg|berg|dorf|hausen|heim|stadt|felde|feld|hagen|walde|brück|"
    r"münde|hafen|ingen|leben|rode|werder|bach)$"
)
# Endings of common nouns that are never names ("Zuspitzung", "Sicherheit").
NOUN_SUFFIX_RE = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus|ität|itäten|"
    r"nis|nisse|tum|chen|lein|ierung|ment|ments|ei|eien|anz|enz|ur|uren|ik|iken|ologe|logie)$"
)
# All-caps words that are not organisations.
NOT_ACRONYMS = frozenset(
    {
        "TV",
        "MEZ",
        "MESZ",
        "UTC",
        "PKW",
        "LKW",
        "KFZ",
        "BAB",
        "ÖPNV",
        "DNA",
        "SMS",
        "GPS",
        "USB",
        "CEO",
        "PS",
        "KW",
        "KM",
        "ID",
        "IT",
        "OK",
        "PIN",
        "PC",
        "WLAN",
        "LED",
        "SUV",
        "ICE",
        "ABC",
        "EUR",
        "USD",
        "CO",
        "CO2",
        "NO",
        "SOS",
        "DJ",
        "VIP",
        "WC",
        "PDF",
        "HIV",
        "AIDS",
        "ADHS",
        "NS",
        "DDR",
        "BRD",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "XIV",
        "XV",
        "XX",
        "AM",
        "PM",
        "MP",
        "KI",
        "AI",
        "FAQ",
        "URL",
        "HD",
        "UKW",
        "ZB",
        "ZUM",
        "MIT",
        "FÜR",
        "UND",
        "DER",
        "DIE",
        "DAS",
        "VON",
        "IM",
        "AUF",
        "BEI",
        "TOT",
        "LIVE",
        "NEU",
        "NEWS",
        "UPDATE",
        "VIDEO",
        "FOTO",
        "FOTOS",
        "PLUS",
        "BMI",
        "GmbH",
        "RSS",
        "APP",
        "WM",
        "EM",
        "DVD",
        "CD",
        "MRT",
        "EKG",
        "OP",
        "USA",
        "ISBN",
        "ISSN",
        "PMID",
        "DOI",
        "PLZ",
        "KB",
        "MB",
        "GB",
        "TB",
        "CHF",
        "GBP",
        "JPY",
        "FCKW",
        "ATP",
        "RBI",
        "MBA",
        "OT",
        "GP",
        "NADPH",
        "DAX",
        "MDAX",
        "SDAX",
        "BIP",
        "AG",
        "GMBH",
        "KG",
        "SE",
        "UV",
        "PV",
        "LTE",
        "GSM",
        "HTML",
        "CSS",
        "API",
        "CPU",
        "GPU",
        "RAM",
        "SSD",
        "HDMI",
        "NFC",
        "QR",
        "SUVS",
        "KMH",
        "PKWS",
        "LKWS",
        "CET",
        "GMT",
        "EST",
        "PST",
        "BAföG",
        "COVID",
        "SARS",
        "RNA",
        "PCR",
        "FFP",
        "AKW",
        "KKW",
    }
)
# Capitalised words that start sentences and that a tagger may take for names.
STOP_WORDS = frozenset(
    {
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einer",
        "Einem",
        "Einen",
        "Er",
        "Sie",
        "Es",
        "Wir",
        "Ihr",
        "Ich",
        "Man",
        "Auch",
        "Aber",
        "Oder",
        "Und",
        "Doch",
        "Denn",
        "So",
        "Wie",
        "Was",
        "Wer",
        "Wo",
        "Wann",
        "Warum",
        "Nach",
        "Vor",
        "Bei",
        "Mit",
        "Am",
        "Im",
        "In",
        "An",
        "Auf",
        "Aus",
        "Von",
        "Zu",
        "Zum",
        "Zur",
        "Um",
        "Für",
        "Gegen",
        "Laut",
        "Seit",
        "Nun",
        "Noch",
        "Nur",
        "Dann",
        "Da",
        "Dort",
        "Hier",
        "Heute",
        "Gestern",
        "Morgen",
        "Ob",
        "Als",
        "Wenn",
        "Weil",
        "Dass",
        "Daß",
        "Diese",
        "Dieser",
        "Dieses",
        "Jener",
        "Alle",
        "Mehr",
        "Kein",
        "Keine",
        "Nicht",
        "Ja",
        "Nein",
        "Herr",
        "Frau",
        "Nr",
        "Dr",
        "Prof",
        "St",
        "Mio",
        "Mrd",
        "Tel",
        "Hr",
        "Fr",
        "Abs",
    }
)
MONTHS_DAYS = frozenset(
    {
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Jan",
        "Feb",
        "Mär",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Okt",
        "Nov",
        "Dez",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Sonnabend",
        "Ostern",
        "Pfingsten",
        "Weihnachten",
        "Silvester",
        "Neujahr",
    }
)

# Verbs of saying next to a lone name mark a person: "sagte Eymer", "Kolb erklärte".
SPEECH_VERBS = frozenset(
    {
        "sagte",
        "sagt",
        "sagten",
        "erklärte",
        "erklärt",
        "betonte",
        "betont",
        "meinte",
        "meint",
        "sprach",
        "spricht",
        "schrieb",
        "schreibt",
        "kritisierte",
        "kritisiert",
        "forderte",
        "fordert",
        "warnte",
        "warnt",
        "räumte",
        "räumt",
        "kündigte",
        "kündigt",
        "bestätigte",
        "bestätigt",
        "antwortete",
        "antwortet",
        "fügte",
        "fügt",
        "versprach",
        "verspricht",
        "lobte",
        "lobt",
        "zitierte",
        "twitterte",
        "teilte",
        "teilt",
        "berichtete",
        "berichtet",
        "so",
        "zufolge",
        "äußerte",
        "äußert",
        "wies",
        "weist",
        "sieht",
        "sah",
        "glaubt",
        "glaubte",
        "hofft",
        "hoffte",
        "bedauerte",
        "bedauert",
        "dementierte",
        "dementiert",
    }
)
# Words before a name that start a sports club ("1. FC Nürnberg", "SV Werder Bremen").
CLUB_PREFIXES = frozenset(
    {
        "FC",
        "SC",
        "SV",
        "VfL",
        "VfB",
        "TSV",
        "ESV",
        "TSG",
        "SpVgg",
        "SG",
        "BSC",
        "FSV",
        "SSV",
        "TuS",
        "MSV",
        "KSC",
        "SSC",
        "AC",
        "AS",
        "BV",
        "SpVg",
        "TuRa",
        "DSC",
        "ETSV",
        "HC",
        "EHC",
        "ERC",
        "THW",
        "Inter",
        "Lok",
        "Dynamo",
        "Fortuna",
        "Alemannia",
        "Arminia",
        "Eintracht",
        "Borussia",
        "Hertha",
        "Union",
        "Rot-Weiss",
        "Rot-Weiß",
        "Preußen",
        "Energie",
        "Kickers",
        "Olympique",
        "Sporting",
        "Racing",
        "Atlético",
    }
)
# Vehicle makes: "Renault Clio" and "Opel Meriva" are products, not people.
VEHICLE_MAKES = frozenset(
    {
        "Alfa",
        "Audi",
        "BMW",
        "Chevrolet",
        "Citroën",
        "Citroen",
        "Dacia",
        "Ducati",
        "Fiat",
        "Ford",
        "Harley",
        "Honda",
        "Hyundai",
        "Jaguar",
        "Jeep",
        "Kawasaki",
        "Kia",
        "Land",
        "Mazda",
        "Mercedes",
        "Mini",
        "Mitsubishi",
        "Nissan",
        "Opel",
        "Peugeot",
        "Porsche",
        "Range",
        "Renault",
        "Seat",
        "Skoda",
        "Škoda",
        "Smart",
        "Subaru",
        "Suzuki",
        "Tesla",
        "Toyota",
        "Vespa",
        "Volvo",
        "VW",
        "Yamaha",
        "Lamborghini",
        "Ferrari",
        "Maserati",
        "Bentley",
    }
)
# English words that make a capitalised run a title, not a name ("Driving Home For …").
ENGLISH_FUNCTION = frozenset(
    {
        "The",
        "Of",
        "For",
        "And",
        "To",
        "In",
        "On",
        "At",
        "With",
        "A",
        "Is",
        "My",
        "Your",
        "Be",
        "It",
        "We",
        "You",
        "Me",
    }
)

# Last words that make a capitalised run something other than a person.
LOC_HEADS = frozenset(
    {
        "Beach",
        "Palace",
        "Island",
        "Islands",
        "Valley",
        "Bay",
        "City",
        "Street",
        "Square",
        "Avenue",
        "Hills",
        "Springs",
        "Lake",
        "Mountains",
        "Gallery",
        "Bridge",
        "Airport",
        "Station",
        "Harbour",
        "Harbor",
    }
)
NON_PERSON_HEADS = frozenset(
    {
        "University",
        "College",
        "League",
        "Award",
        "Awards",
        "Group",
        "Club",
        "Records",
        "Airlines",
        "Files",
        "Cases",
        "News",
        "Cup",
        "Festival",
        "Show",
        "Games",
        "Prize",
        "Days",
        "Week",
    }
)

_tagger: Any = None
_noun_heads: frozenset[str] = frozenset()
_common_lower: frozenset[str] = frozenset()
_lock = threading.Lock()


def tagger() -> Any:
    """The HanTa tagger, loaded on first use (about 0.2 s)."""
    global _tagger, _noun_heads, _common_lower
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from HanTa import HanoverTagger as ht

                tg = ht.HanoverTagger("morphmodel_ger.pgz")
                nn = tg.tag2int.get("NN")
                names = {tg.tag2int.get(t) for t in ("NE", "FM", "XY")}
                # HanTa's frequent-word table: its common nouns serve as compound heads,
                # its other lower-case words tell "Oder" at a sentence start from a name
                _noun_heads = frozenset(
                    w for w, t in tg.cache.items() if t and t[0][0] == nn and len(w) >= 4
                )
                _common_lower = frozenset(
                    w for w, t in tg.cache.items() if t and t[0][0] not in names and w.islower()
                )
                _tagger = tg
    return _tagger


def noun_heads() -> frozenset[str]:
    tagger()
    return _noun_heads


known_tags: dict[str, tuple[tuple[str, float], ...]] = {}
"""Every word :func:`tags` looked up, with those of earlier runs and of the other analysis
worker (:mod:`reader.analysis.word_table` fills and stores it)."""


@lru_cache(maxsize=200_000)
def tags(word: str) -> tuple[tuple[str, float], ...]:
    """HanTa's best tags for a word on its own, with log-probabilities (cached)."""
    found = known_tags.get(word)
    if found is None:
        found = tuple((tag, float(score)) for tag, score in tagger().tag_word(word)[:3])
        known_tags[word] = found
    return found


KNOWN = -19.0  # HanTa scores above this come from its lexicon; below, it guesses
UNKNOWN = -27.0


def is_common_lower(word: str) -> bool:
    """``word`` in lower case is a frequent German word other than a name ("oder",
    "essen"), by HanTa's table of frequent words."""
    tagger()
    return word.lower() in _common_lower


@lru_cache(maxsize=200_000)
def name_like(word: str) -> bool:
    """A capitalised word that is probably a proper noun: HanTa's ``NE``, or a word HanTa
    does not know that is neither shaped like a common noun ("-ung", "-heit"), nor a
    compound of a common noun ("Tramhaltestelle"), nor a new spelling of a known word
    ("Anschluss", which HanTa knows as "Anschluß")."""
    low = word.lower()
    # cheap tests first: HanTa takes about half a millisecond for a word it has not seen
    if low in noun_heads() or NOUN_SUFFIX_RE.search(low) is not None:
        return False
    if len(low) >= 9 and compound_noun(low):
        return False
    best_tag, best = tags(word)[0]
    if best > UNKNOWN:
        return best_tag == "NE"
    if best_tag == "NE" and best > UNKNOWN - 2:
        return True
    if compound_noun(low):
        return False
    if "ss" in word:
        old_tag, old = tags(word.replace("ss", "ß"))[0]
        if old > UNKNOWN:
            return old_tag == "NE"
    return True


def compound_noun(low: str) -> bool:
    """``low`` (lower case) ends in a common noun of four letters or more after a first
    part of three letters or more: "kratzwunden", "alleinunfall"."""
    heads = noun_heads()
    for k in range(3, len(low) - 3):
        tail = low[k:]
        if tail in heads or tail[:-1] in heads or (len(tail) > 5 and tail[:-2] in heads):
            return True
    return False


@lru_cache(maxsize=100_000)
def is_role(word: str) -> bool:
    return word in TITLES or ROLE_RE.search(word.lower()) is not None


@lru_cache(maxsize=100_000)
def is_org_cue(word: str) -> bool:
    return ORG_CUE_RE.search(word.lower()) is not None


@lru_cache(maxsize=100_000)
def is_street(word: str) -> bool:
    """A street-like word not in HanTa's lexicon ("Weichselplatz", but not "Parkplatz")."""
    low = word.lower()
    strong = STREET_RE.search(low)
    weak = None if strong else SQUARE_RE.search(low)
    if strong is None and weak is None:
        return False
    if tags(word)[0][1] > KNOWN - 1:
        return False
    if weak is not None:
        first = low[: weak.start()].rstrip("-")
        if len(first) < 3 or first in noun_heads():
            return False
    return True


@lru_cache(maxsize=100_000)
def is_common_noun(word: str) -> bool:
    """A frequent common noun ("Zugang", "Gruppe"), from HanTa's word table."""
    return word.lower() in noun_heads()


@lru_cache(maxsize=100_000)
def is_acronym(word: str) -> bool:
    """An all-caps word of 2–5 letters that may name an organisation ("OSZE", "BVG")."""
    if not (2 <= len(word) <= 5 and word.isupper() and word.isalpha()):
        return False
    if word in NOT_ACRONYMS or set(word) <= set("IVXLC"):
        return False
    return not is_common_lower(word)
