"""Recent queries belong to their corpus (issue 15 R16): Up in one corpus's search box never
brings back another's, and a state file from before keeps its queries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reader.locations import corpus_identity
from reader.ui.logic.state import UiState, corpus_key, load_state, save_state
from tests import ui_support as ui
from tests.conftest import SEEDS
from tests.ui_support import until


async def asked(corpus: Path, queries: list[str]) -> list[str]:
    """Launch on ``corpus``, ask ``queries``, and give back what Up recalls in a fresh
    search box, most recent first."""
    app = ui.make_app(corpus)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY_READY)
        pane = await screen.show_search_pane()
        for query in queries:
            pane.search(query)
            await until(pilot, lambda q=query: pane.result is not None and pane.query_text == q)
            await until(pilot, lambda q=query: pane.recent[:1] == [q], f"{query!r} remembered")
        await pilot.press("slash")
        box = pane.input
        box.value = ""
        recalled: list[str] = []
        for _ in range(5):
            await pilot.press("up")
            if box.value in recalled or not box.value:
                break
            recalled.append(box.value)
        return recalled


async def test_up_recalls_only_the_queries_of_the_open_corpus(
    indexed_seeds: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other-corpus"
    shutil.copytree(SEEDS, other)
    assert await asked(indexed_seeds, ["Putin"]) == ["Putin"]
    assert await asked(other, ["Maduro"]) == ["Maduro"]  # not Putin
    assert await asked(indexed_seeds, []) == ["Putin"]  # not Maduro
    state, warning = load_state()
    assert warning is None and set(state.recent_by_corpus) == {
        corpus_key(corpus_identity([indexed_seeds])),
        corpus_key(corpus_identity([other])),
    }


def test_a_file_from_before_keeps_its_queries_for_the_first_corpus_opened(tmp_path: Path) -> None:
    path = tmp_path / "ui.json"
    path.write_text(
        json.dumps({"theme": "nord", "config_theme": "textual-dark", "recent_queries": ["a", "b"]}),
        encoding="utf-8",
    )
    state, warning = load_state(path)
    assert warning is None and state.theme == "nord"  # the rest of the file is kept
    state.open_corpus("/corpus/one")
    assert state.recent_queries == ["a", "b"]
    state.remember_query("c")
    save_state(state, path)
    # the next launch, on another corpus: a history of its own; the first keeps its own
    state, _ = load_state(path)
    state.open_corpus("/corpus/two")
    assert state.recent_queries == []
    state.remember_query("x")
    save_state(state, path)
    state, _ = load_state(path)
    state.open_corpus("/corpus/one")
    assert state.recent_queries == ["c", "a", "b"] and state.theme_for("textual-dark") == "nord"
    state.open_corpus("/corpus/two")
    assert state.recent_queries == ["x"]


def test_the_corpus_key_is_the_corpus_identity_without_the_inbox(tmp_path: Path) -> None:
    from reader.config import Config

    a, b, inbox = tmp_path / "a", tmp_path / "b", tmp_path / "inbox"
    config = Config(corpus=[b, a, inbox], inbox=inbox)
    assert corpus_key(config.bookmarks_corpus()) == f"{a.resolve()}\n{b.resolve()}"
    assert corpus_key(corpus_identity([tmp_path / "x" / ".." / "a"])) == str(a.resolve())
    assert UiState().recent_queries == []
