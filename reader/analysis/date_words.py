"""The German words the date recogniser knows: months, weekdays, parts of the day, zones.

Each table maps a lower-cased word to what it means; each ``*_RE`` string is a regex
fragment (no groups) that matches exactly the words of its table, as they are written.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
_FULL_MONTHS = (
    "Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|"
    "Oktober|November|Dezember"
)
_ABBR_MONTHS = "Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez"

# After a day number ("7. Dez (Reuters)") an abbreviation needs no dot.
MONTH_AFTER_DAY_RE = rf"(?:(?:{_FULL_MONTHS})(?!\w)|(?:{_ABBR_MONTHS})(?!\w)\.?)"
# On its own ("im Dez.") an abbreviation must carry its dot: "Jan" alone is a first name.
MONTH_ALONE_RE = rf"(?:(?:{_FULL_MONTHS})(?!\w)|(?:{_ABBR_MONTHS})\.)"

WEEKDAYS: dict[str, int] = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
WEEKDAY_RE = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"

# Qualifiers before a weekday or month: -1 = the one before, +1 = the one after,
# 0 = "this" one, None = habitual ("jeden Dienstag": not a date).
QUALIFIERS: dict[str, int | None] = {
    "vergangenen": -1,
    "letzten": -1,
    "vorigen": -1,
    "kommenden": 1,
    "nächsten": 1,
    "diesen": 0,
    "jeden": None,
}
WEEKDAY_QUALIFIER_RE = (
    "[Vv]ergangenen|[Ll]etzten|[Vv]origen|[Kk]ommenden|[Nn]ächsten|[Dd]iesen|[Jj]eden"
)
MONTH_QUALIFIER_RE = "vergangenen|letzten|vorigen|kommenden|nächsten"

# Parts of the day: they never add an hour, they only say the expression names a day.
DAYPART_RE = "[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht"
DAYPART_SUFFIX_RE = "morgen|vormittag|mittag|nachmittag|abend|nacht|früh"  # Donnerstagmorgen
DAYPART_ADVERB_RE = "[Ss]pätabends|[Ff]rühmorgens|[Ss]pätnachts|[Ss]pätnachmittags|[Ff]rühabends"

# Deictic day words and their offset in days from the reference day.
DEICTIC: dict[str, int] = {
    "heute": 0,
    "gestern": -1,
    "vorgestern": -2,
    "morgen": 1,
    "übermorgen": 2,
}
DEICTIC_RE = "[Hh]eute|[Gg]estern|[Vv]orgestern|[Üü]bermorgen|[Mm]orgen"

# "am gestrigen Abend", "am heutigen Tag": offsets in days.
DEICTIC_ADJECTIVES: dict[str, int] = {
    "heutigen": 0,
    "gestrigen": -1,
    "vorgestrigen": -2,
    "morgigen": 1,
}
DEICTIC_ADJECTIVE_RE = "[Hh]eutigen|[Gg]estrigen|[Vv]orgestrigen|[Mm]orgigen"

# Relative periods: "letzte Woche", "vergangenes Jahr", "diesen Monat".
PERIOD_QUALIFIERS: dict[str, int] = {
    "letzt": -1,
    "vergangen": -1,
    "vorig": -1,
    "nächst": 1,
    "kommend": 1,
    "dies": 0,
}
PERIOD_QUALIFIER_RE = "[Ll]etzt|[Vv]ergangen|[Vv]orig|[Nn]ächst|[Kk]ommend|[Dd]ies"
PERIOD_UNITS: dict[str, str] = {
    "woche": "week",
    "monat": "month",
    "monats": "month",
    "jahr": "year",
    "jahres": "year",
    "nacht": "night",
}
PERIOD_UNIT_RE = "Woche|Monats?|Jahr(?:es)?|Nacht"

# "vor zwei Wochen": counts and units.
COUNTS: dict[str, int] = {
    "einem": 1,
    "einer": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
COUNT_RE = (
    "einem|einer|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    r"\d{1,3}"
)
AGO_UNITS: dict[str, str] = {
    "tag": "day",
    "tagen": "day",
    "woche": "week",
    "wochen": "week",
    "monat": "month",
    "monaten": "month",
    "jahr": "year",
    "jahren": "year",
}
AGO_UNIT_RE = "Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?"

# Fixed-date holidays: (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "silvester": (12, 31),
    "silvesternacht": (12, 31),
    "silvesterabend": (12, 31),
    "silvestertag": (12, 31),
    "neujahr": (1, 1),
    "neujahrstag": (1, 1),
    "neujahrsnacht": (1, 1),
    "heiligabend": (12, 24),
}
HOLIDAY_RE = "Silvester(?:nacht|abend|tag)?|Neujahr(?:stag|snacht)?|Heiligabend"

# Time zones written after a clock time ("21:30 Uhr MEZ", "23:30 Uhr Moskauer Zeit").
ZONE_RE = (
    r"MESZ|MEZ|UTC|GMT|CEST|CET|OESZ|OEZ|Ortszeit|Lokalzeit|lokaler? Zeit|"
    r"deutscher Zeit|"
    r"mitteleuropäischer (?:Sommer)?[Zz]eit|[A-ZÄÖÜ][a-zäöüß]+er Zeit"
)
# "9 Uhr abends": words after "Uhr" that move the hour into the afternoon or evening.
CLOCK_PART_RE = "morgens|früh|vormittags|mittags|nachmittags|abends|nachts"
AFTERNOON_PARTS = frozenset({"nachmittags", "abends"})

# Cues that a weekday without qualifier is in the future ("soll am Donnerstag stattfinden"),
# and auxiliaries that keep it in the past ("soll am Dienstag zugeschlagen haben").
FUTURE_CUE_RE = (
    r"\b(?:soll|sollen|sollte|sollten|wird|werden|will|wollen|plant|planen|"
    r"geplant|vorgesehen)\b"
)
PAST_CUE_RE = r"\b(?:haben|hat|hatte|hatten|worden|gewesen|wurde|wurden|war|waren)\b"

# Newspaper titles that contain a weekday but name no day.
TITLES_WITH_WEEKDAY = ("Welt am ", "Bild am ", "FAS am ")

# Capitalised words that may stand before a weekday; after any other capitalised word
# (not at a sentence start) a bare weekday is taken to be a surname ("Agnes Sonntag").
CAPITALISED_BEFORE_WEEKDAY = frozenset(
    {
        "Am",
        "An",
        "Ab",
        "Bis",
        "Seit",
        "Von",
        "Vom",
        "Zum",
        "Für",
        "Nach",
        "Vor",
        "Uhr",
        "Ende",
        "Anfang",
        "Mitte",
        "Heute",
        "Gestern",
        "Morgen",
        "Vorgestern",
        "Übermorgen",
        "MEZ",
        "MESZ",
        "UTC",
        "Zeit",
    }
)

# Places named after a date: "Straße des 17. Juni", "Platz des 18. März" are not dates.
NAMES_BEFORE_DATE_RE = r"(?:Straße|[Ss]tr\.|Platz|Allee|Brücke|Ufer|Ring|Damm|Weg|Park)"
