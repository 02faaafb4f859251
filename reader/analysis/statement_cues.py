"""The words that attribute a statement: verbs and nouns of saying (by HanTa's lemma),
prepositions of attribution, roles that stand for a person, and pronouns.

A verb is a cue when its lemma, joined with a separable particle found later in its clause
("teilte … mit" → "mitteilen"), is one of :data:`SAY_VERBS`. HanTa is asked only about
words that contain one of the verbs' stems (:data:`_STEM_RE`), so a text with no verb of
saying costs one regular-expression scan per word, not a tagger call.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAY_VERBS = frozenset(
    [
        "sagen",
        "erklären",
        "betonen",
        "fordern",
        "warnen",
        "mitteilen",
        "bekräftigen",
        "hinzufügen",
        "drohen",
        "bestreiten",
        "zurückweisen",
        "behaupten",
        "unterstreichen",
        "äußern",
        "versprechen",
        "ankündigen",
        "berichten",
        "meinen",
        "kritisieren",
        "verlauten",
        "bestätigen",
        "antworten",
        "erläutern",
        "schreiben",
        "mahnen",
        "appellieren",
        "hinweisen",
        "verweisen",
        "versichern",
        "einräumen",
        "zugeben",
        "dementieren",
        "beklagen",
        "vorwerfen",
        "beschuldigen",
        "bezeichnen",
        "anmerken",
        "ergänzen",
        "sprechen",
        "verkünden",
        "bekanntgeben",
        "informieren",
        "melden",
        "zitieren",
        "aufrufen",
        "auffordern",
        "vorschlagen",
        "entgegnen",
        "erwidern",
        "widersprechen",
        "insistieren",
        "klarstellen",
        "festhalten",
        "ankündigen",
        "unterstellen",
        "argumentieren",
        "zustimmen",
        "nennen",
        "verlangen",
        "bezichtigen",
        "erzählen",
        "bedauern",
        "bekunden",
        "schildern",
    ]
)
SAY_NOUNS = frozenset(
    [
        "Forderung",
        "Warnung",
        "Erklärung",
        "Mitteilung",
        "Aussage",
        "Äußerung",
        "Ankündigung",
        "Drohung",
        "Appell",
        "Vorwurf",
        "Behauptung",
        "Angabe",
        "Angaben",
        "Stellungnahme",
        "Bericht",
        "Darstellung",
        "Einschätzung",
        "Worte",
        "Zusicherung",
        "Versprechen",
        "Dementi",
        "Bekräftigung",
        "Aufruf",
        "Anmerkung",
        "Hinweis",
        "Hoffnung",
    ]
)
PARTICLES = frozenset(
    [
        "mit",
        "hinzu",
        "zurück",
        "hin",
        "an",
        "aus",
        "vor",
        "auf",
        "zu",
        "ab",
        "ein",
        "bekannt",
        "fest",
        "klar",
        "ver",
    ]
)
# stems that every form of a verb of saying contains (strong verbs with their ablaut)
_STEMS = [
    "sag",
    "erklär",
    "beton",
    "forder",
    "ford",
    "warn",
    "teil",
    "füg",
    "kräftig",
    "droh",
    "bestr",
    "bestritt",
    "weis",
    "wies",
    "behaupt",
    "unterstr",
    "äußer",
    "versprech",
    "versproch",
    "versprach",
    "kündig",
    "bericht",
    "mein",
    "kritis",
    "verlaut",
    "bestät",
    "antwort",
    "erläut",
    "schreib",
    "schrieb",
    "mahn",
    "appell",
    "sicher",
    "räum",
    "geb",
    "gab",
    "gib",
    "dement",
    "klag",
    "wirf",
    "warf",
    "worf",
    "schuld",
    "zeichn",
    "merk",
    "gänz",
    "sprech",
    "sproch",
    "sprach",
    "künd",
    "informier",
    "meld",
    "zitier",
    "ruf",
    "rief",
    "schlag",
    "schlug",
    "gegn",
    "wider",
    "insist",
    "stell",
    "halt",
    "hielt",
    "hält",
    "stellt",
    "argument",
    "heiß",
    "hieß",
    "stimm",
    "sprich",
    "erzähl",
    "nenn",
    "nann",
    "lang",
    "zichtig",
    "werf",
    "bedau",
    "bekund",
    "schilder",
]
_STEM_RE = re.compile("|".join(sorted(_STEMS, key=len, reverse=True)))

PRONOUNS = frozenset({"er", "sie", "ihr", "ihm", "ihnen", "ihrer", "ihres", "seiner"})
# nouns that name a speaker by office; matched at the end of a word ("Kremlsprecher")
ROLE_RE = re.compile(
    r"(sprecher|präsident|minister|kanzler|staatschef|chef|regierung|polizei|behörde"
    r"|ministerium|sekretär|botschafter|senator|beamte|vorsitzende|bürgermeister|ermittler"
    r"|staatsanwaltschaft|gericht|armee|militär|pressedienst|kommission|verband"
    r"|gewerkschaft|premierminister|premier|abgeordnete|experte|analyst|oberhaupt"
    r"|diplomat|feuerwehr|staatsanwalt|richter|berater|medien|bericht|augenzeuge|zeuge"
    r"|anwalt|anwältin|staatsmedien|agentur|weißes haus|dienst)(in|innen|en|n|s|es|r|e)?$",
    re.IGNORECASE,
)
ROLE_ADJECTIVE_RE = re.compile(r"^[a-zäöüß-]+(isch|sch|ig|lich)(e|en|er|es|em)?$|^us-[a-z]*$")


# the country a role's adjective or prefix names ("der russische Präsident", "US-Präsident"),
# by the adjective's stem (:func:`country_of`); a person in such a role speaks for it
COUNTRIES = {
    "russisch": "Russland",
    "ukrainisch": "Ukraine",
    "amerikanisch": "Vereinigte Staaten",
    "us-amerikanisch": "Vereinigte Staaten",
    "us": "Vereinigte Staaten",
    "venezolanisch": "Venezuela",
    "chinesisch": "China",
    "deutsch": "Deutschland",
    "französisch": "Frankreich",
    "britisch": "Vereinigtes Königreich",
    "israelisch": "Israel",
    "iranisch": "Iran",
    "belarussisch": "Belarus",
    "polnisch": "Polen",
    "türkisch": "Türkei",
    "kubanisch": "Kuba",
}


def country_of(word: str) -> str | None:
    """The country an adjective ("russischen", "US-amerikanische") or a role's prefix
    ("US-Präsident" → "us") names, else None."""
    low = word.lower().rstrip("-")
    for ending in ("en", "er", "es", "em", "e"):
        if low.endswith(ending) and low[: -len(ending)] in COUNTRIES:
            return COUNTRIES[low[: -len(ending)]]
    return COUNTRIES.get(low)


def is_role(word: str) -> bool:
    """``word`` names a speaker by office or institution ("Kremlsprecher", "Polizei")."""
    return word[:1].isupper() and ROLE_RE.search(word) is not None


def role_keys(word: str) -> tuple[str, ...]:
    """Keys a role is known by, most specific first: the whole word and its head
    ("Kremlsprecher" → "kremlsprecher", "sprecher"), without a feminine or plural ending."""
    low = word.lower()
    match = ROLE_RE.search(low)
    head = match.group(1) + (match.group(2) or "") if match else low
    keys = [low]
    if head != low:
        keys.append(head)
    return tuple(dict.fromkeys(_base_role(k) for k in keys))


def _base_role(key: str) -> str:
    match = ROLE_RE.search(key)
    if match is not None and match.group(2):
        return key[: -len(match.group(2))]
    return key


@lru_cache(maxsize=100_000)
def lemma(word: str) -> tuple[str, str]:
    """HanTa's lemma and tag of ``word`` on its own."""
    from reader.analysis.entity_rules import tagger

    found = tagger().analyze(word, taglevel=1)
    return str(found[0]), str(found[1])


def verb_lemma(word: str) -> str | None:
    """The lemma of ``word`` when it is a verb form that may be a cue, else None."""
    if not word.isalpha() or not word[:1].islower() or _STEM_RE.search(word) is None:
        return None  # (verbs are written in lower case; HanTa only for likely forms)
    base, tag = lemma(word.lower())
    if tag.startswith("V"):
        return base
    return preterite_of(word.lower()) if tag.startswith("ADJ") else None


@lru_cache(maxsize=20_000)
def preterite_of(word: str) -> str | None:
    """The verb a form like "bekundeten" is the preterite of, where HanTa, asked about the
    word alone, takes it for the adjective of a participle without "ge-" ("die bekundeten
    Ziele"): the two forms are spelt alike, and the cue's clause decides which it is."""
    from reader.analysis.entity_rules import tagger

    parts = tagger().analyze(word, taglevel=3)[1]
    if len(parts) != 3:
        return None
    (stem, stem_tag), (pp, pp_tag), (ending, ending_tag) = parts
    if stem_tag != "VVnp" or pp_tag != "SUF_PP" or ending_tag != "SUF_ADJ":
        return None
    if pp not in ("t", "et") or ending not in ("e", "en"):
        return None
    return stem + ("n" if stem.endswith(("el", "er")) else "en")


def say_lemma(word: str, particle: str | None) -> str | None:
    """The lemma of saying that ``word`` (with the separable ``particle`` of its clause,
    if any) is a form of, else None."""
    base = verb_lemma(word)
    if base is None:
        return None
    if particle and particle + base in SAY_VERBS:
        return particle + base
    return base if base in SAY_VERBS else None


def noun_cue(word: str) -> str | None:
    """The noun of saying ``word`` is a form of ("Angaben" → "Angabe"), else None."""
    if not word[:1].isupper():
        return None
    return lemma(word)[0] if word in SAY_NOUNS else None


@lru_cache(maxsize=50_000)
def konjunktiv_one(word: str) -> bool:
    """``word`` is a third-person singular Konjunktiv I ("sei", "habe", "werde",
    "unternehme"): stem + "e" of its lemma, which the indicative never is."""
    low = word.lower()
    if low in {"sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe"}:
        return True
    if not low.endswith("e") or len(low) < 4 or not low.isalpha():
        return False
    base, tag = lemma(low)
    if not tag.startswith("V") or "FIN" not in tag:
        return False
    if base.endswith("en"):
        return low == base[:-2] + "e"
    if base.endswith(("eln", "ern")):
        return low == base[:-1] + "e"
    return False
