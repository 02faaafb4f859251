"""``entity:`` conditions by any form of a name: a surname or a part finds the whole name.

The index keeps each entity under its canonical name (``entity:"Wladimir Putin"``); readers
type what they see in the text (``entity:Putin``, ``entity:Putins``). A condition whose value
is not a canonical name is resolved against the names in the index, word by word: the names
that contain every word of the value (a trailing genitive ``s`` allowed). One such name
replaces the value; several are all searched, and a note says so; none leaves the condition
as it is, with a did-you-mean note.
"""

from __future__ import annotations

from whoosh.query import Or, Query, Term
from whoosh.searching import Searcher


def _words(name: str) -> list[str]:
    return name.replace("-", " ").split()


def _word_matches(typed: str, word: str) -> bool:
    return typed == word or (typed.endswith("s") and typed[:-1] == word)


def _names_with(value: str, names: list[str]) -> list[str]:
    typed = _words(value)
    return [
        name for name in names if all(any(_word_matches(t, w) for w in _words(name)) for t in typed)
    ]


def resolve_entity_names(query: Query, searcher: Searcher) -> tuple[Query, list[str]]:
    """``query`` with each ``entity:`` value that is not a canonical name replaced by the
    names it stands for, and notes for the reader (ambiguous, unknown)."""
    lexicon: list[str] | None = None
    notes: list[str] = []

    def rewrite(sub: Query) -> Query:
        nonlocal lexicon
        if not (isinstance(sub, Term) and sub.fieldname == "entity"):
            return sub if sub.is_leaf() else sub.apply(rewrite)
        value = str(sub.text)
        if searcher.doc_frequency("entity", value):
            return sub
        if lexicon is None:
            lexicon = [t.decode("utf-8") for t in searcher.lexicon("entity")]
        found = _names_with(value, lexicon)
        if len(found) == 1:
            return Term("entity", found[0], boost=sub.boost)
        if found:
            shown = ", ".join(f'"{name}"' for name in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            notes.append(
                f"entity:{value} is a form of {len(found)} entities, all searched: {shown}{more}"
            )
            return Or([Term("entity", name) for name in found], boost=sub.boost)
        owner = {word: name for name in lexicon for word in _words(name)}
        import difflib  # (only for a name the index does not hold)

        close = difflib.get_close_matches(value, [*lexicon, *owner], n=6, cutoff=0.75)
        suggested = list(dict.fromkeys(owner.get(c, c) if c not in lexicon else c for c in close))[
            :3
        ]
        hint = " or ".join(f'entity:"{name}"' for name in suggested)
        notes.append(f"no entity is called {value!r}" + (f"; did you mean {hint}?" if hint else ""))
        return sub  # matches nothing, and leaves the rest of the query as it was

    return rewrite(query), notes
