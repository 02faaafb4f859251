"""tools/screenshots.py, which makes the README's screenshots, still works (issue 15, "The
README shows the app"): one screenshot shows the app's content, and every screenshot the
tool makes is in the README."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "tools" / "screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_screenshot_shows_the_open_article(tmp_path: Path) -> None:
    tool = screenshots()
    before = {name: os.environ.get(name) for name in tool.FOLDERS}
    (path,) = tool.take_screenshots(["reading"], tmp_path / "shots")
    assert path == tmp_path / "shots" / "reading.svg"
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    text = svg.replace("&#160;", " ")
    # the Reuters headline in the reading pane and the library listing all five seeds
    assert "Zusicherungen" in text and "5 articles from 3 sources" in text
    assert "Building the index" not in text and "Choose an article" not in text
    assert {name: os.environ.get(name) for name in tool.FOLDERS} == before  # left as found


def test_every_screenshot_is_in_the_readme_with_alt_text() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"!\[([^\]]+)\]\(docs/screenshots/([\w-]+)\.svg\)", readme)
    shown = {name: alt for alt, name in found}
    assert set(shown) == set(screenshots().SHOTS)
    for name in shown:
        assert (REPO / "docs" / "screenshots" / f"{name}.svg").is_file(), name
