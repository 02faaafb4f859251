"""Bad config files give messages, never tracebacks (issue 19, review finding 10 and the
smaller config findings): a file that is not UTF-8, an unquoted impossible date, an alias
bomb, a key given twice, a bad gazetteer file entry, key bindings that are not keys. Each
message names the file, the line and the key; an error exits with status 2."""

from __future__ import annotations

import codecs
import string
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import ConfigError, load_config

CONFIG = "search:\n  limit: 3\noverrides:\n  a1:\n    title: München\n"


def run(capsys: pytest.CaptureFixture[str], config: Path) -> tuple[int, str]:
    """A command that reads the config and nothing else (no index): status and stderr."""
    code = main(["--config", str(config), "bookmarks", "list", "--no-check"])
    return code, capsys.readouterr().err


def refused(capsys: pytest.CaptureFixture[str], config: Path) -> str:
    """The message for a config that cannot be used (status 2, no traceback, unchanged)."""
    before = config.read_bytes()
    code, err = run(capsys, config)
    assert code == 2, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert config.read_bytes() == before
    return err


# encodings -----------------------------------------------------------------------------------
def test_a_config_that_is_not_utf8_names_file_line_column_and_byte(capsys, tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_bytes(CONFIG.encode("cp1252"))
    err = refused(capsys, config)
    at = CONFIG.encode("utf-8").index("ü".encode())
    assert f"{config}, line 5, column 13: not UTF-8 text (byte {at}: 0xfc)" in err
    assert "save the config file as UTF-8" in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_config_in_utf16_or_utf32_with_a_byte_order_mark_is_read(capsys, tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    config = tmp_path / "config.yaml"
    config.write_bytes(bom.get(codec, codecs.BOM_UTF32_LE) + CONFIG.encode(codec))
    loaded = load_config(config)
    assert loaded.search_limit == 3 and loaded.overrides["a1"]["title"] == "München"
    assert run(capsys, config)[0] == 0


def test_utf16_without_a_byte_order_mark_says_so(capsys, tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_bytes(CONFIG.encode("utf-16-le"))
    err = refused(capsys, config)
    assert f"{config}, line 1: contains NUL bytes (UTF-16 without a byte-order mark?)" in err


def test_an_unreadable_gazetteer_file_is_named(tmp_path) -> None:
    (tmp_path / "names.yaml").write_bytes("- {name: Müller, type: PER}\n".encode("cp1252"))
    config = tmp_path / "config.yaml"
    config.write_text("entities:\n  gazetteer_file: names.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"names.yaml, line 1, column 11: not UTF-8 text"):
        load_config(config)


# YAML that PyYAML's safe loader does not bound ----------------------------------------------
def test_an_unquoted_impossible_override_date_names_file_line_and_key(capsys, tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("overrides:\n  a1:\n    date: 2021-13-45\n", encoding="utf-8")
    err = refused(capsys, config)
    assert f"{config}, line 3: key 'overrides.a1.date' expects a date YYYY[-MM[-DD]]" in err


ALIASES = "x: &a q\n" + "".join(f"y{i}: *a\n" for i in range(25))


@pytest.mark.parametrize(
    "text",
    [
        # an unknown key makes the line walk run, which followed every alias
        "flavour: 1\n" + ALIASES,
        # the gazetteer is expanded by the recogniser
        "g: &e {name: X, type: PER}\nentities:\n  gazetteer: [" + ", ".join(["*e"] * 25) + "]\n",
    ],
    ids=["unknown-key", "gazetteer"],
)
def test_an_alias_bomb_is_refused_before_it_expands(capsys, tmp_path, text: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    err = refused(capsys, config)
    assert f"{config}, line " in err and "more than 20 YAML aliases" in err and "refused" in err


def test_a_real_alias_bomb_is_refused_at_once(capsys, tmp_path) -> None:
    bomb = "x0: &a0 [q,q,q,q,q,q,q,q,q]\n" + "".join(
        f"x{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
    )
    config = tmp_path / "config.yaml"
    config.write_text("flavour: 1\n" + bomb, encoding="utf-8")
    assert f"{config}, line 5: more than 20 YAML aliases" in refused(capsys, config)


def test_a_few_aliases_still_work(tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "x-source: &src {source: RT DE}\noverrides:\n  a1: *src\n  a2: *src\n", encoding="utf-8"
    )
    loaded = load_config(config)
    assert loaded.overrides["a2"] == {"source": "RT DE"}
    assert any("unknown key 'x-source'" in w for w in loaded.warnings)


# keys given twice ----------------------------------------------------------------------------
def test_a_key_given_twice_is_a_warning_naming_both_lines(capsys, tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "search:\n  limit: 3\n  limit: 7\noverrides:\n  a1: {title: A, title: B}\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.search_limit == 7 and loaded.overrides["a1"]["title"] == "B"
    code, err = run(capsys, config)
    assert code == 0
    assert (
        f"warning: {config}, line 3: key 'search.limit' given twice (first at line 2); "
        "the last one is used" in err
    )
    assert f"{config}, line 5: key 'overrides.a1.title' given twice (first at line 5)" in err


def test_a_merge_key_is_not_a_repeat(tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "x-base: &b {source: RT}\noverrides:\n  a1:\n    <<: *b\n    source: Reuters\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.overrides["a1"] == {"source": "Reuters"}
    assert not any("twice" in w for w in loaded.warnings)


# the gazetteer file --------------------------------------------------------------------------
def test_a_bad_gazetteer_file_entry_names_that_file_and_its_line(capsys, tmp_path) -> None:
    names = tmp_path / "names.yaml"
    names.write_text(
        "- {name: Olaf Scholz, type: PER}\n- name: Genf\n  type: CITY\n", encoding="utf-8"
    )
    config = tmp_path / "config.yaml"
    config.write_text("search: {limit: 3}\nentities:\n  gazetteer_file: names.yaml\n")
    err = refused(capsys, config)
    assert f"{names}, line 2: gazetteer entry 2 expects a 'type' of PER, LOC or ORG" in err
    assert str(config) not in err


# key bindings --------------------------------------------------------------------------------
def test_key_bindings_that_are_not_keys_are_warnings_and_the_defaults_stay(
    capsys, tmp_path
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        'keys:\n  quit: "!!!,,,"\n  help: ""\n  search: "ctrl+f , f3"\n'
        "  bookmark: Ctrl+b\n  toggle_entities: question_mark\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.keys == {"search": "ctrl+f,f3", "toggle_entities": "question_mark"}
    code, err = run(capsys, config)
    assert code == 0
    assert (
        f"{config}, line 2: key 'keys.quit' ignored, the default key is kept: '!!!' is not a "
        "key name" in err
    )
    assert (
        f"{config}, line 3: key 'keys.help' ignored, the default key is kept: the value is" in err
    )
    assert "line 5: key 'keys.bookmark' ignored" in err and "unknown modifier 'Ctrl'" in err


def test_key_names_agree_with_textual() -> None:
    from textual.keys import Keys, _character_to_key

    from reader.key_names import character_key, key_problem

    for key in Keys:  # every key Textual names, with its modifiers
        if not key.value.startswith("<") and key.value != "ctrl-at":
            assert key_problem(key.value) is None, key.value
    for character in [*string.punctuation, *string.ascii_letters, "ä", "§", "€", "£"]:
        assert character_key(character) == _character_to_key(character)
        assert key_problem(_character_to_key(character)) is None, character
        assert key_problem(f"ctrl+{character}") is None or character == "+"
    for wrong in ("!!!", "hyphen_minus", "latin_small_letter_a", "f99", "ctrl+", "Ctrl+f"):
        assert key_problem(wrong) is not None, wrong
