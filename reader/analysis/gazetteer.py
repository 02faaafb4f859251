"""Gazetteer: known names with type, canonical form and aliases, and their German forms.

The shipped list (``reader/data/gazetteer.json``, built by ``tools/build_gazetteer.py``) is
read on first use, never at import. Users' entries (``Config.gazetteer``: a list of
``{name, type, aliases}``) win over it: a user's name or alias takes that form from any
shipped entry. Each alias is indexed with its inflected forms: the genitive ``-s``/``-es``
("Putins", "des Kremls") and adjective endings in multi-word names ("des Weißen Hauses",
"den Vereinigten Staaten"). ALL-CAPS text ("MOSKAU") is matched by :meth:`Gazetteer.match`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Any

from reader.analysis.tokens import tokenize

ENTITY_TYPES = ("PER", "LOC", "ORG")
ADJ_ENDINGS = ("es", "er", "en", "em", "e")
GENITIVE_FREE = ("s", "ß", "x", "z")


class GazetteerError(ValueError):
    """A gazetteer entry that cannot be used; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One named thing: ``name`` is its canonical form."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    origin: str = "gazetteer"
    weak: frozenset[str] = frozenset()
    weak_initial: frozenset[str] = frozenset()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a surface form refers to. ``weak`` forms are also common German nouns and count
    only in a place context; ``weak_initial`` ones only need it at a sentence start."""

    canonical: str
    label: str
    origin: str
    weak: bool = False
    weak_initial: bool = False


@dataclass(frozen=True, slots=True)
class ShippedData:
    entries: tuple[Entry, ...]
    given_names: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=1)
def shipped() -> ShippedData:
    """The gazetteer that ships with the package (read once, on first call)."""
    ref = resources.files("reader") / "data" / "gazetteer.json"
    data = json.loads(ref.read_text(encoding="utf-8"))
    entries = tuple(
        Entry(
            e["name"],
            e["type"],
            tuple(e.get("aliases", ())),
            "gazetteer",
            frozenset(e.get("weak", ())),
            frozenset(e.get("weak_initial", ())),
        )
        for e in data["entries"]
    )
    return ShippedData(entries, frozenset(data.get("given_names", ())))


def user_entries(raw: Iterable[Any]) -> list[Entry]:
    """Validate user entries (``{name, type, aliases}``) into :class:`Entry` objects.

    Raises :class:`GazetteerError` naming the entry's position and what is wrong.
    """
    out: list[Entry] = []
    for i, item in enumerate(raw):
        where = f"gazetteer entry {i + 1}"
        if isinstance(item, Entry):
            out.append(item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise GazetteerError(f"{where}: expected a mapping with a 'name' string")
        name = item["name"].strip()
        if not name:
            raise GazetteerError(f"{where}: 'name' is empty")
        label = item.get("type")
        if label not in ENTITY_TYPES:
            raise GazetteerError(f"{where} ({name}): 'type' must be PER, LOC or ORG")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where} ({name}): 'aliases' must be a list of strings")
        clean = tuple(dict.fromkeys(a.strip() for a in aliases if a.strip() and a != name))
        out.append(Entry(name, label, clean, "user"))
    return out


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(text))


def inflected_forms(alias: str, label: str) -> set[tuple[str, ...]]:
    """Token tuples of ``alias`` and its inflected forms (the base form included).

    The last word takes the genitive ``-s`` (``-es`` after s/ß/x/z in multi-word names of
    things: "des Weißen Hauses"); capitalised words before it that end like adjectives ("Weißes",
    "Vereinigte", "Europäische") take every adjective ending, except in person names.
    """
    words = _words(alias)
    if not words:
        return set()
    last = words[-1]
    lasts = {last}
    if last.isalpha():
        if not last.endswith(GENITIVE_FREE):
            lasts.add(last + "s")
        elif label != "PER" and len(words) > 1 and last[-1].islower():
            lasts.add(last + "es")  # the head noun of "Weißes Haus": "des Weißen Hauses"
    options: list[set[str]] = []
    for word in words[:-1]:
        choices = {word}
        if label != "PER" and word[:1].isupper() and word.isalpha() and len(word) > 3:
            for ending in ADJ_ENDINGS:
                if word.endswith(ending):
                    stem = word[: -len(ending)]
                    choices.update(stem + e for e in ADJ_ENDINGS)
                    break
        options.append(choices)
    options.append(lasts)
    return {tuple(combo) for combo in product(*options)}


def _upper_key(word: str) -> str:
    """ "MOSKAU" → "Moskau", "BADEN-WÜRTTEMBERG" → "Baden-Württemberg"."""
    return "-".join(part.capitalize() for part in word.split("-"))


class Gazetteer:
    """An index of token sequences to :class:`Hit`; user entries win over shipped ones."""

    def __init__(self, user: Sequence[Entry] = (), shipped_entries: Sequence[Entry] = ()):
        self._forms: dict[tuple[str, ...], Hit] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        self.entries: dict[str, Entry] = {}
        user_names = {e.name for e in user}
        ordered = [*user, *(e for e in shipped_entries if e.name not in user_names)]
        for e in ordered:
            self.entries.setdefault(e.name, e)
        # base forms first, then inflected forms, each time users before the shipped list,
        # so that no generated form takes a form another entry owns
        for inflected in (False, True):
            for e in ordered:
                for form in e.forms:
                    hit = Hit(e.name, e.type, e.origin, form in e.weak, form in e.weak_initial)
                    keys = inflected_forms(form, e.type) if inflected else {_words(form)}
                    for key in keys:
                        if key and key not in self._forms:
                            self._forms[key] = hit
        lengths: dict[str, set[int]] = {}
        for key in self._forms:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def __len__(self) -> int:
        return len(self._forms)

    def match(self, words: Sequence[str], i: int, limit: int | None = None) -> tuple[int, Hit]:
        """Longest entry starting at ``words[i]``: ``(number of words, hit)`` or ``(0, None)``.

        ALL-CAPS words (four letters or more) are also tried capitalised ("MOSKAU").
        """
        end = len(words) if limit is None else min(limit, len(words))
        first = words[i]
        for key_first, upper in ((first, False), (_upper_key(first), True)):
            if upper and not (len(first) >= 4 and first.isupper()):
                break
            for n in self._lengths.get(key_first, ()):
                if i + n > end:
                    continue
                seq = tuple(words[i : i + n])
                if upper:
                    seq = tuple(_upper_key(w) if w.isupper() else w for w in seq)
                hit = self._forms.get(seq)
                if hit is not None:
                    return n, hit
        return 0, None  # type: ignore[return-value]

    def lookup(self, text: str) -> Hit | None:
        """The entry whose (inflected) form is exactly ``text``, if any."""
        words = _words(text)
        if not words:
            return None
        n, hit = self.match(words, 0)
        return hit if n == len(words) else None


def build(user: Iterable[Any] = ()) -> Gazetteer:
    """The shipped gazetteer with the user's entries on top."""
    return Gazetteer(user_entries(user), shipped().entries)
