"""Configuration: found in a fixed order, validated key by key, never assumed.

Lookup order: ``--config``, ``$READER_CONFIG``, ``./config.yaml``, the user's config folder
(``$XDG_CONFIG_HOME/reader/config.yaml``). The file found is layered over the built-in
defaults (the bundled seeds and their overrides), key by key: a key it does not set keeps
its default, mappings merge, lists and other values replace; ``--corpus`` goes over both.
:attr:`Config.origins` says where each key's value came from.
Unknown keys are warnings naming the key; a wrong type is a :class:`ConfigError` naming the
key, the line and what was expected. Relative paths resolve against the folder of the file
that names them.
The file's text and YAML are read by :mod:`reader.config_text` (encodings, alias bombs,
impossible dates, keys given twice).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import key_names, locations
from reader.config_text import ConfigError, KeyLines, load_yaml, read_text
from reader.corpus.model import When

ENTITY_TYPES = ("PER", "LOC", "ORG")
# The bundled config.yaml as data: a start without a config of the user's needs no YAML
# parser (importing one costs about as much as a tenth of Textual's start-up). A test checks
# that this is what the bundled file says.
BUNDLED = {
    "corpus": ["seeds"],
    "search": {"limit": 20},
    "overrides": {"000_c7c4b8e3e078befc": {"source": "RT DE"}},
}
DEFAULT_COLORS = {"PER": "#e5a50a", "LOC": "#26a269", "ORG": "#3584e4", "DATE": "#c061cb"}


@dataclass(frozen=True)
class Origin:
    """Where a key's value came from: the defaults, a line of a config file, or an option."""

    file: Path | None = None
    keys: tuple[str, ...] = ()
    option: str = ""
    lines: KeyLines | None = field(default=None, compare=False, repr=False)

    @property
    def line(self) -> int | None:
        """The line of the key in :attr:`file` (found when asked: a second parse)."""
        return self.lines.line(*self.keys) if self.lines and self.keys else None

    def __str__(self) -> str:
        if self.option:
            return self.option
        if self.file is None:
            return "default"
        return f"{self.file}, line {self.line}" if self.line else str(self.file)


DEFAULT = Origin()


@dataclass
class Config:
    path: Path | None = None  # the user's config file; None: the built-in defaults only
    corpus: list[Path] = field(default_factory=list)
    index_dir: Path | None = None
    bookmarks: Path | None = None
    theme: str = "textual-dark"
    search_limit: int = 20
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    entity_colors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLORS))
    gazetteer: list[dict[str, Any]] = field(default_factory=list)
    gazetteer_file: Path | None = None  # (its entries are in ``gazetteer``)
    keys: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # where each key's value came from, by dotted key ("search.limit"); unset keys: DEFAULT
    origins: dict[str, Origin] = field(default_factory=dict, compare=False)
    # reader add's folder, when it was added to the corpus (no layer names it)
    inbox: Path | None = None

    def resolved_index_dir(self) -> Path:
        return self.index_dir or locations.default_index_dir(self.corpus)

    def resolved_bookmarks(self) -> Path:
        return self.bookmarks or locations.data_dir() / "bookmarks.yaml"

    def bookmarks_corpus(self) -> tuple[str, ...]:
        """The corpus new bookmarks belong to (:func:`locations.corpus_identity`, as the
        index folder is keyed): the corpus folders without the inbox of ``reader add``,
        which is added to every configured corpus once it exists (bookmarks made before
        the first ``reader add`` stay with their corpus)."""
        return locations.corpus_identity(p for p in self.corpus if p != self.inbox)


# --- validation -------------------------------------------------------------------------

Checker = Callable[[Any], bool]


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_paths(v: Any) -> bool:
    """A path or a non-empty list of paths, none of them empty (``corpus: ''`` would be the
    config file's own folder, ``corpus: []`` the seeds: neither is what was meant)."""
    paths = [v] if isinstance(v, str) else v
    return (
        isinstance(paths, list)
        and bool(paths)
        and all(isinstance(x, str) and x.strip() for x in paths)
    )


def _is_opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _is_mapping(v: Any) -> bool:
    return isinstance(v, dict)


def _is_date(v: Any) -> bool:
    import datetime as dt

    if isinstance(v, dt.date):
        return True
    if isinstance(v, int):
        v = str(v)
    if not isinstance(v, str):
        return False
    try:
        When.parse_iso(v)
    except ValueError:
        return False
    return True


TOP_LEVEL: dict[str, tuple[Checker, str]] = {
    "corpus": (_is_paths, "a path or a list of paths, none of them empty"),
    "index_dir": (_is_opt_str, "a folder path"),
    "bookmarks": (_is_opt_str, "a file path"),
    "theme": (_is_str, "a theme name"),
    "search": (_is_mapping, "a mapping with 'limit'"),
    "overrides": (_is_mapping, "a mapping of article id to {title, source, date}"),
    "entities": (_is_mapping, "a mapping with 'colors', 'gazetteer', 'gazetteer_file'"),
    "keys": (_is_mapping, "a mapping of binding id to key"),
}
OVERRIDE_KEYS: dict[str, tuple[Checker, str]] = {
    "title": (_is_str, "a string"),
    "source": (_is_str, "a string"),
    "date": (_is_date, "a date YYYY[-MM[-DD]]"),
    "url": (_is_str, "a string"),
}
SEARCH_KEYS: dict[str, tuple[Checker, str]] = {
    "limit": (_is_int, "a whole number"),
}
ENTITY_KEYS: dict[str, tuple[Checker, str]] = {
    "colors": (_is_mapping, "a mapping of PER/LOC/ORG/DATE to a colour"),
    "gazetteer": (lambda v: isinstance(v, list), "a list of {name, type, aliases}"),
    "gazetteer_file": (_is_str, "a file path"),
}


def find_config_file(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file to use, in lookup order; ``None`` means built-in defaults."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        return path
    env = os.environ.get("READER_CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found (from $READER_CONFIG)")
        return path
    for candidate in (Path.cwd() / "config.yaml", locations.config_dir() / "config.yaml"):
        if candidate.is_file():
            return candidate
    return None


def load_config(
    explicit: str | os.PathLike[str] | None = None,
    corpus_override: list[str] | None = None,
) -> Config:
    """Find, read and validate the configuration: the defaults, the user's file over them,
    then ``corpus_override`` (``--corpus``)."""
    path = find_config_file(explicit)
    config = defaults()
    if path is not None:
        config = parse_config(read_text(path), path, onto=config)
    if corpus_override:
        config.corpus = [Path(p).expanduser().resolve() for p in corpus_override]
        config.origins["corpus"] = Origin(option="--corpus")
    inbox = locations.data_dir() / "articles"  # where ``reader add`` stores (reader.ingest)
    if not corpus_override and inbox.is_dir() and inbox not in config.corpus:
        config.corpus.append(inbox)
        config.inbox = inbox
    return config


def defaults() -> Config:
    """The built-in defaults: the bundled config (the seeds, with their overrides)."""
    bundled = locations.bundled_config()
    config = config_from_data(BUNDLED, bundled) if bundled.is_file() else Config()
    if not config.corpus:
        config.corpus = [locations.bundled_seeds()]
    config.path, config.origins = None, {}  # every key: DEFAULT
    return config


def parse_config(text: str, path: Path | None, *, onto: Config | None = None) -> Config:
    """Validate YAML text into a :class:`Config` (layered over ``onto``, see
    :func:`config_from_data`); raises :class:`ConfigError`."""
    data, repeats = load_yaml(text, str(path) if path else "<config>")
    return config_from_data(data, path, lambda: text, repeats=repeats, onto=onto)


def _did_you_mean(key: str, table: dict[str, Any], prefix: tuple[str, ...]) -> str:
    """ " (did you mean 'entities.colors'?)" for a misspelt key: the closest key of the same
    mapping, or of any mapping (a key can also be put in the wrong place)."""
    import difflib

    here = [".".join((*prefix, k)) for k in table]
    everywhere = [
        *TOP_LEVEL,
        *(f"entities.{k}" for k in ENTITY_KEYS),
        *(f"search.{k}" for k in SEARCH_KEYS),
    ]
    for candidates in (here, everywhere):
        last = {c.rsplit(".", 1)[-1].lower(): c for c in candidates}
        match = difflib.get_close_matches(key.lower(), last, n=1, cutoff=0.75)
        if match:
            return f" (did you mean '{last[match[0]]}'?)"
    return ""


def config_from_data(
    data: Any,
    path: Path | None,
    text: Callable[[], str] | None = None,
    *,
    repeats: bool = False,
    onto: Config | None = None,
) -> Config:
    """Validate parsed config data into a :class:`Config`; ``text`` gives the YAML source
    for line numbers in messages (default: the file at ``path``); ``repeats`` says a mapping
    in it gives a key twice (each is then a warning). With ``onto`` (the defaults), the data
    is a layer over it: only the keys it sets change, mappings key by key, and each is
    recorded in :attr:`Config.origins`. ``onto`` is changed and returned."""
    name = str(path) if path else "<config>"
    config = onto if onto is not None else Config()
    config.path = path
    if data is None:
        return config
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping of keys at the top level")
    if text is None:
        text = (lambda: read_text(path)) if path else (lambda: "")
    lines = KeyLines(text)
    if repeats:
        config.warnings += _repeated_keys(name, lines)

    def mark(*keys: str) -> None:
        config.origins[".".join(keys)] = Origin(path, keys, lines=lines)

    def fail(expected: str, *keys: str) -> ConfigError:
        dotted = ".".join(keys)
        return ConfigError(f"{name}{lines.where(*keys)}: key '{dotted}' expects {expected}")

    def check(table: dict[str, tuple[Checker, str]], mapping: dict[str, Any], *prefix: str):
        for key, value in mapping.items():
            key = str(key)
            if key not in table:
                dotted = ".".join((*prefix, key))
                config.warnings.append(
                    f"{name}{lines.where(*prefix, key)}: unknown key '{dotted}' ignored"
                    + _did_you_mean(key, table, prefix)
                )
                continue
            checker, expected = table[key]
            if not checker(value):
                raise fail(expected, *prefix, key)

    check(TOP_LEVEL, data)
    base = path.parent if path else Path.cwd()

    def resolve(value: str) -> Path:
        p = Path(value).expanduser()
        return p if p.is_absolute() else (base / p).resolve()

    corpus = data.get("corpus")
    if corpus is not None:
        config.corpus = [resolve(p) for p in ([corpus] if isinstance(corpus, str) else corpus)]
        mark("corpus")
    if data.get("index_dir"):
        config.index_dir = resolve(data["index_dir"])
        mark("index_dir")
    if data.get("bookmarks"):
        config.bookmarks = resolve(data["bookmarks"])
        mark("bookmarks")
    if "theme" in data:
        config.theme = data["theme"]
        mark("theme")
    search = data.get("search") or {}
    check(SEARCH_KEYS, search, "search")
    if "limit" in search:
        if search["limit"] < 1:
            raise fail("a whole number of at least 1", "search", "limit")
        config.search_limit = search["limit"]
        mark("search", "limit")
    for article_id, override in (data.get("overrides") or {}).items():
        article_id = str(article_id)
        if not isinstance(override, dict):
            raise fail("a mapping with title, source or date", "overrides", article_id)
        check(OVERRIDE_KEYS, override, "overrides", article_id)
        clean = {k: v for k, v in override.items() if k in OVERRIDE_KEYS}
        if "date" in clean:
            clean["date"] = str(clean["date"])
        config.overrides.setdefault(article_id, {}).update(clean)  # a default's other fields stay
        for key in clean:
            mark("overrides", article_id, key)
    entities = data.get("entities") or {}
    check(ENTITY_KEYS, entities, "entities")
    for label, colour in (entities.get("colors") or {}).items():
        if label not in DEFAULT_COLORS:
            raise fail("one of PER, LOC, ORG, DATE", "entities", "colors", str(label))
        if not isinstance(colour, str):
            raise fail("a colour name or #rrggbb", "entities", "colors", str(label))
        config.entity_colors[label] = colour
        mark("entities", "colors", label)
    if "gazetteer" in entities or entities.get("gazetteer_file"):
        config.gazetteer = _gazetteer(entities, fail, resolve, config.warnings)
        named = entities.get("gazetteer_file")
        config.gazetteer_file = resolve(named) if named else None
        for key in ("gazetteer", "gazetteer_file"):
            if entities.get(key) is not None:
                mark("entities", key)
    for binding, key in (data.get("keys") or {}).items():
        if not isinstance(key, str):
            raise fail("a key name such as 'ctrl+f' or a comma-separated list", "keys", binding)
        problem = key_names.keys_problem(key)
        if problem:
            config.warnings.append(
                f"{name}{lines.where('keys', str(binding))}: key 'keys.{binding}' ignored, "
                f"the default key is kept: {problem}"
            )
            continue
        config.keys[str(binding)] = key_names.normalized(key)
        mark("keys", str(binding))
    return config


def _gazetteer(
    entities: dict[str, Any],
    fail: Callable[..., ConfigError],
    resolve: Callable[[str], Path],
    warnings: list[str],
) -> list[dict[str, Any]]:
    """The checked entries of ``entities.gazetteer`` and of ``entities.gazetteer_file``."""
    entries = list(entities.get("gazetteer") or [])
    for i, entry in enumerate(entries):
        _check_gazetteer_entry(entry, _failing_at(fail, "entities", "gazetteer", str(i)))
    if entities.get("gazetteer_file"):
        from_file, file_warnings = _read_gazetteer_file(resolve(entities["gazetteer_file"]))
        entries += from_file
        warnings += file_warnings
    return entries


def _repeated_keys(name: str, lines: KeyLines) -> list[str]:
    """A warning per key given twice in one mapping (YAML loaders keep the last one)."""
    return [
        f"{name}, line {line}: key '{'.'.join(keys)}' given twice (first at line {first}); "
        "the last one is used"
        for keys, first, line in lines.repeated()
    ]


def _read_gazetteer_file(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The checked entries of a gazetteer file and its warnings; problems name that file
    and the line in it."""
    if not path.is_file():
        raise ConfigError(f"{path}: gazetteer file not found (entities.gazetteer_file)")
    text = read_text(path, "gazetteer file")
    data, repeats = load_yaml(text, str(path), column=False)
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of {{name, type, aliases}} entries")
    lines = KeyLines(lambda: text)
    for i, entry in enumerate(data):

        def fail(expected: str, i: int = i) -> ConfigError:
            return ConfigError(
                f"{path}{lines.where(str(i))}: gazetteer entry {i + 1} expects {expected}"
            )

        _check_gazetteer_entry(entry, fail)
    return data, _repeated_keys(str(path), lines) if repeats else []


def _failing_at(fail: Callable[..., ConfigError], *keys: str) -> Callable[[str], ConfigError]:
    """``fail`` with the key path of one entry filled in."""

    def at(expected: str) -> ConfigError:
        return fail(expected, *keys)

    return at


def _check_gazetteer_entry(entry: Any, fail: Callable[[str], ConfigError]) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise fail("an entry with a 'name' string")
    if entry.get("type") not in ENTITY_TYPES:
        raise fail("a 'type' of PER, LOC or ORG")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail("'aliases' as a list of strings")
