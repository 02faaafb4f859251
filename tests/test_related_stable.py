"""Related scores are the same on every launch of an unchanged corpus (issue 15 R17): they
depend on the articles, not on how Whoosh happened to merge its segments since the
analysis rewrote the documents."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.related import related
from reader.config import load_config
from reader.library import Library
from reader.refresh import refresh
from reader.search import manifest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REUTERS = "001_71db2df63f5cd903"


def scores(library: Library, pid: str) -> list[tuple[str, float]]:
    return [(r.passage_id, round(r.score, 6)) for r in related(library, pid, 10)]


def test_related_scores_do_not_move_when_segments_merge_later(tmp_path: Path) -> None:
    config = load_config(corpus_override=None)
    config.corpus = [SEEDS]
    config.index_dir = tmp_path / "index"
    library = Library(config)
    refresh(library)  # index, analyse (rewrites every document), date the undated
    pids = [f"{REUTERS}#p{n}" for n in range(len(library.article(REUTERS).passages))]
    first = {pid: scores(library, pid) for pid in pids}
    assert any(first.values())
    # the next write to the index may merge its segments (here: all of them)
    library.index.writer().commit(optimize=True)
    manifest.record(library.store, library.paths.whoosh)  # (as every writer of the index does)
    library.close()
    library = Library(config)  # a later launch
    assert library.update().up_to_date
    try:
        assert {pid: scores(library, pid) for pid in pids} == first
    finally:
        library.close()


async def test_the_related_strip_says_scores_may_change_while_analysing(indexed_seeds) -> None:
    from reader.ui.features.links.related_strip import RelatedStrip
    from reader.ui.messages import EnrichDone, EnrichProgress
    from tests import ui_support as ui

    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as pilot:
        screen = await ui.loaded(pilot, ui.LIBRARY, ui.RELATED_STRIP)
        assert await screen.go_to(REUTERS, 3)
        strip = screen.query_one("#related-strip", RelatedStrip)
        await ui.until(pilot, lambda: strip.loaded and strip.results, "related passages")

        def title() -> str:
            return str(strip.query_one("#related-title").render())

        assert "may change" not in title()
        screen.post_message(EnrichProgress("analyse", 1, 5))
        await ui.until(pilot, lambda: "may change" in title(), "the note")
        screen.entity_keeper.post_message(EnrichDone())
        await ui.until(pilot, lambda: "may change" not in title(), "the note gone")
