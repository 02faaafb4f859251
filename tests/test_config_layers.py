"""A user's config is layered over the defaults, key by key, and ``reader config show`` says
where each value came from (issue 15, D2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.locations import bundled_seeds

SEED_RT = "000_c7c4b8e3e078befc"  # the seed whose source only the bundled overrides name


def user_config(home: Path, text: str) -> Path:
    """``text`` as the user's config file ($XDG_CONFIG_HOME/reader/config.yaml)."""
    path = home / "config" / "reader" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def shown(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    """The keys of ``reader [args] config show --json``."""
    code, out, err = run(capsys, *args, "config", "show", "--json")
    assert code == 0, err
    return json.loads(out)["keys"]


@pytest.mark.parametrize(
    "text", ['keys:\n  next_hit: "n,f5"\n', ""], ids=["one-key-remapped", "empty-file"]
)
def test_a_user_config_keeps_the_seeds_sources(capsys, isolated_home, text: str) -> None:
    # the review's steps: a user who only remapped a key still sees RT DE, not "unknown"
    user_config(isolated_home, text)
    code, out, err = run(capsys, "search", "Sacharowa", "--json")
    assert code == 0, err
    assert [hit["source"] for hit in json.loads(out)["hits"]] == ["RT DE"]


def test_keys_the_user_does_not_set_keep_their_defaults(capsys, isolated_home) -> None:
    path = user_config(
        isolated_home,
        "search:\n  limit: 3\nentities:\n  colors:\n    PER: red\n"
        f"overrides:\n  {SEED_RT}:\n    title: Kreml-Gespräch\n",
    )
    keys = shown(capsys)
    assert keys["search.limit"] == {"value": 3, "from": str(path), "line": 2}
    assert keys["entities.colors.PER"] == {"value": "red", "from": str(path), "line": 5}
    # the other colours and the seed's source stay as the defaults have them
    assert keys["entities.colors.LOC"] == {"value": "#26a269", "from": "default"}
    assert keys[f"overrides.{SEED_RT}.source"] == {"value": "RT DE", "from": "default"}
    assert keys[f"overrides.{SEED_RT}.title"]["from"] == str(path)
    assert keys["corpus"] == {"value": [str(bundled_seeds())], "from": "default"}
    assert keys["theme"] == {"value": "textual-dark", "from": "default"}


def test_the_seeds_overrides_apply_to_a_copy_of_the_seeds_too(
    capsys, isolated_home, seeds_copy: Path
) -> None:
    # the overrides name the seeds' own files: whatever folder holds them, they are the seeds
    user_config(isolated_home, "search:\n  limit: 5\n")
    code, out, err = run(capsys, "--corpus", str(seeds_copy), "show", SEED_RT, "--json")
    assert code == 0, err
    assert json.loads(out)["source"] == "RT DE"


def test_a_list_replaces_the_default_and_corpus_replaces_both(
    capsys, isolated_home, tmp_path: Path
) -> None:
    path = user_config(isolated_home, "corpus:\n  - mine\n")
    mine = str(path.parent / "mine")
    assert shown(capsys)["corpus"] == {"value": [mine], "from": str(path), "line": 1}
    elsewhere = tmp_path / "elsewhere"
    assert shown(capsys, "--corpus", str(elsewhere))["corpus"] == {
        "value": [str(elsewhere)],
        "from": "--corpus",
    }


def test_config_show_prints_each_value_and_where_it_came_from(capsys, isolated_home) -> None:
    path = user_config(isolated_home, 'theme: nord\nkeys:\n  bookmark: "m"\n')
    code, out, err = run(capsys, "config", "show")
    assert code == 0 and err == ""
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert out.splitlines()[0] == f"config file: {path}"
    assert rows["theme"].split() == ["theme", "nord", f"({path},", "line", "1)"]
    assert rows["keys.bookmark"].endswith(f"m  ({path}, line 3)")
    assert rows["search.limit"].split() == ["search.limit", "20", "(default)"]
    assert rows[f"overrides.{SEED_RT}.source"].endswith("RT DE  (default)")


def test_with_no_user_config_everything_is_a_default(capsys, isolated_home) -> None:
    code, out, _ = run(capsys, "config")  # `config` alone shows
    assert code == 0 and out.startswith("config file: none (the built-in defaults)\n")
    keys = shown(capsys)
    assert {key["from"] for key in keys.values()} == {"default"}
    assert keys["keys"] == {"value": {}, "from": "default"}
    # the inbox of `reader add` joins the corpus: said, as no layer names it
    inbox = isolated_home / "data" / "reader" / "articles"
    inbox.mkdir(parents=True)
    corpus = shown(capsys)["corpus"]
    assert corpus["value"] == [str(bundled_seeds()), str(inbox)] and corpus["inbox"] == str(inbox)
    code, out, _ = run(capsys, "config", "show")
    assert f"(default; and the inbox of 'reader add' ({inbox}))" in out


def test_warnings_and_errors_still_name_the_user_file_line_and_key(capsys, isolated_home) -> None:
    path = user_config(isolated_home, "search:\n  limit: 3\n  limit: 7\nflavour: 1\n")
    code, out, err = run(capsys, "config", "show", "--json")
    assert code == 0
    assert f"{path}, line 3: key 'search.limit' given twice (first at line 2)" in err
    assert f"{path}, line 4: unknown key 'flavour' ignored" in err
    keys = json.loads(out)["keys"]
    assert keys["search.limit"] == {"value": 7, "from": str(path), "line": 3}
    assert "flavour" not in keys
    user_config(isolated_home, "entities:\n  colors:\n    PER: 5\n")
    code, out, err = run(capsys, "config", "show")
    assert code == 2 and out == ""
    assert f"{path}, line 3: key 'entities.colors.PER' expects a colour name" in err
