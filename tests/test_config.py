"""Configuration lookup and validation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from reader.config import BUNDLED, ConfigError, load_config, parse_config
from reader.locations import bundled_config, bundled_seeds


def test_defaults_open_the_bundled_seeds() -> None:
    config = load_config()
    assert config.corpus == [bundled_seeds()]
    assert len(list(bundled_seeds().glob("*.txt"))) == 5
    assert config.overrides["000_c7c4b8e3e078befc"]["source"] == "RT DE"


def test_defaults_are_what_the_bundled_config_file_says() -> None:
    # a start with no user config reads the defaults without a YAML parser: they must not
    # drift from the file users read and copy
    path = bundled_config()
    from_file = parse_config(path.read_text(encoding="utf-8"), path)
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == BUNDLED
    assert load_config() == dataclasses.replace(from_file, path=None)  # (no user file)


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home) -> None:
    user = isolated_home / "config" / "reader"
    user.mkdir(parents=True)
    (user / "config.yaml").write_text("corpus: from-user\n", encoding="utf-8")
    assert load_config().corpus == [user / "from-user"]
    (Path.cwd() / "config.yaml").write_text("corpus: from-cwd\n", encoding="utf-8")
    assert load_config().corpus == [Path.cwd() / "from-cwd"]
    env = tmp_path / "env.yaml"
    env.write_text("corpus: from-env\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG", str(env))
    assert load_config().corpus == [tmp_path / "from-env"]
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("corpus: [x, y]\n", encoding="utf-8")
    assert load_config(explicit).corpus == [tmp_path / "x", tmp_path / "y"]
    assert load_config(explicit, ["/elsewhere"]).corpus == [Path("/elsewhere")]


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "config.yaml"
    path.parent.mkdir()
    path.write_text("corpus: articles\nbookmarks: marks.yaml\nindex_dir: ix\n", encoding="utf-8")
    config = load_config(path)
    assert config.corpus == [tmp_path / "cfg" / "articles"]
    assert config.resolved_bookmarks() == tmp_path / "cfg" / "marks.yaml"
    assert config.resolved_index_dir() == tmp_path / "cfg" / "ix"


def test_unknown_key_is_a_warning_naming_it_and_the_key_meant() -> None:
    config = parse_config(
        "corpus: a\ncolours: blue\nsearch:\n  limitt: 3\nentities:\n  gazeteer: []\nflavour: x\n",
        Path("c.yaml"),
    )
    assert len(config.warnings) == 4

    def warning(key: str) -> str:
        return next(w for w in config.warnings if f"key '{key}'" in w)

    colours, limit = warning("colours"), warning("search.limitt")
    gazetteer, flavour = warning("entities.gazeteer"), warning("flavour")
    # a key put at the wrong level is found where it belongs
    assert "line 2: unknown key 'colours' ignored (did you mean 'entities.colors'?)" in colours
    assert "line 4: unknown key 'search.limitt' ignored (did you mean 'search.limit'?)" in limit
    assert (
        "line 6: unknown key 'entities.gazeteer' ignored (did you mean "
        "'entities.gazetteer'?)" in gazetteer
    )
    assert flavour.endswith("line 7: unknown key 'flavour' ignored")  # nothing like it


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("search:\n  limit: many\n", "search.limit", "a whole number"),
        ("corpus: 5\n", "corpus", "a path or a list of paths"),
        # not the config file's own folder, nor the seeds: an empty corpus is a mistake
        ("corpus: ''\n", "corpus", "a path or a list of paths, none of them empty"),
        ("corpus: []\n", "corpus", "a path or a list of paths, none of them empty"),
        ("corpus: [news, ' ']\n", "corpus", "a path or a list of paths, none of them empty"),
        ("overrides:\n  a1:\n    date: yesterday\n", "overrides.a1.date", "a date"),
        (
            "entities:\n  gazetteer:\n    - {name: X, type: THING}\n",
            "entities.gazetteer.0",
            "PER, LOC or ORG",
        ),
        ("keys:\n  search: 5\n", "keys.search", "a key name"),
    ],
)
def test_wrong_type_names_key_line_and_expectation(text: str, key: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("my.yaml"))
    message = str(info.value)
    assert f"key '{key}'" in message and expected in message and message.startswith("my.yaml")
    assert ", line " in message


def test_invalid_yaml_reports_line_and_column() -> None:
    with pytest.raises(ConfigError, match=r"my.yaml, line 2, column \d+: not valid YAML"):
        parse_config("corpus: [a\nsearch: {\n", Path("my.yaml"))


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")
