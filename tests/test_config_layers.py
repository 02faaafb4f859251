"""A user's config is layered over the defaults, key by key, and ``reader config show`` says
where each value came from (issue 15, D2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

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


@pytest.mark.parametrize(
    "text", ['keys:\n  next_hit: "n,f5"\n', ""], ids=["one-key-remapped", "empty-file"]
)
def test_a_user_config_keeps_the_seeds_sources(capsys, isolated_home, text: str) -> None:
    # the review's steps: a user who only remapped a key still sees RT DE, not "unknown"
    user_config(isolated_home, text)
    code, out, err = run(capsys, "search", "Sacharowa", "--json")
    assert code == 0, err
    assert [hit["source"] for hit in json.loads(out)["hits"]] == ["RT DE"]


def test_the_seeds_overrides_apply_to_a_copy_of_the_seeds_too(
    capsys, isolated_home, seeds_copy: Path
) -> None:
    # the overrides name the seeds' own files: whatever folder holds them, they are the seeds
    user_config(isolated_home, "search:\n  limit: 5\n")
    code, out, err = run(capsys, "--corpus", str(seeds_copy), "show", SEED_RT, "--json")
    assert code == 0, err
    assert json.loads(out)["source"] == "RT DE"
