"""The Whoosh schema. It is pickled into the index, so analyzers are module-level objects and
any change here bumps :data:`reader.search.scan.SCHEMA_VERSION`, which makes the next run
rebuild the index."""

from __future__ import annotations

from whoosh.analysis import LanguageAnalyzer, LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

# Lowercase, German stop words, Snowball stemming (which also folds ä/ö/ü/ß):
# "Präsidenten" and "Prasident" both become "prasident".
GERMAN = LanguageAnalyzer("de")
# Source names are matched word by word, case-insensitively: source:reuters, source:"rt de".
NAMES = RegexTokenizer(r"\w+") | LowercaseFilter()

# Fields the query language accepts, with what they mean (for messages and the README).
QUERY_FIELDS = {
    "text": "passage text (the default field)",
    "title": "headline of the article (matches every passage of that article)",
    "source": "outlet or agency",
    "date": "article date, e.g. date:2021-12 or date:[2021-12-01 TO 2021-12-31]",
    "entity": 'a recognised entity by canonical name, e.g. entity:"Wladimir Putin"',
    "article": "article id",
}


DATE_FORMAT = "%Y%m%d%H%M"


def query_schema() -> Schema:
    """The schema the query parser sees: as the index's, but ``date`` is a DATETIME so
    ``date:2021-12`` and ``date:[2021-12-01 TO 2021-12-31]`` parse as ranges."""
    schema = build_schema()
    schema.remove("date")
    schema.add("date", DATETIME())
    return schema


def build_schema() -> Schema:
    """One document per passage. ``title`` is indexed on the headline passage only (a
    ``title:`` query is joined to the other passages by article id at search time), and the
    passage number is stored, not indexed: repeating either on every passage doubled the
    build time."""
    return Schema(
        pid=ID(stored=True, unique=True),
        article=ID(stored=True),
        passage=STORED(),
        source=TEXT(analyzer=NAMES),
        title=TEXT(analyzer=GERMAN),
        text=TEXT(analyzer=GERMAN, phrase=True),
        # One term per passage, "YYYYMMDDHHMM": sorts as time, and costs a third of what a
        # DATETIME field's numeric terms cost to index. Queries are parsed with
        # query_schema()'s DATETIME and their ranges turned into term ranges.
        date=ID(),
        entity=KEYWORD(lowercase=True, commas=True, scorable=True),
    )
