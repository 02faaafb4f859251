"""Cost of bookmarks in the app: reading and resolving a big bookmarks file, the pane's filter
(rebuilt on every key), and the bookmark marks when an article opens.

    /work/.venv/bin/python bench/bench_ui_bookmarks.py            # 2000 bookmarks on the seeds
    /work/.venv/bin/python bench/bench_ui_bookmarks.py --count 500

Runs headless at 120x40 in throw-away XDG folders; prints milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def isolate() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="bench-bookmarks-"))
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        (tmp / var).mkdir()
        os.environ[var] = str(tmp / var)
    os.environ["TEXTUAL_ANIMATION"] = "none"
    shutil.copytree(REPO / "seeds", tmp / "corpus")
    return tmp


async def run(count: int) -> None:
    tmp = isolate()
    from reader.bookmarks import make_bookmark
    from reader.bookmarks.schema import dump_text
    from reader.cli.context import Context
    from reader.ui.app import ReaderApp
    from reader.ui.logic.bookmark_marks import mark_spans

    ctx = Context(corpus=[str(tmp / "corpus")])
    ctx.library.update()
    articles = [ctx.library.article(s.id) for s in ctx.library.summaries()]
    bookmarks = []
    for i in range(count):
        article = articles[i % len(articles)]
        passage = article.passages[1 + i % (len(article.passages) - 1)]
        bookmarks.append(
            make_bookmark(
                article, passage, note=f"Notiz {i}", tags=[f"t{i % 7}"], bookmark_id=f"b{i:05d}"
            )
        )
    path = ctx.config.resolved_bookmarks()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_text(bookmarks, {}), encoding="utf-8")
    on_first = sum(bm.article_id == articles[0].id for bm in bookmarks)
    start = time.perf_counter()
    mark_spans(articles[0], bookmarks)
    print(
        f"marks for an article with {on_first} bookmarks: "
        f"{1000 * (time.perf_counter() - start):.1f} ms"
    )

    app = ReaderApp(ctx)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main
        keeper = screen.bookmark_keeper
        start = time.perf_counter()
        while not (keeper.loaded and len(keeper.anchors) == count):
            await pilot.pause(0.01)
        print(
            f"{count} bookmarks read and resolved (worker thread): "
            f"{1000 * (time.perf_counter() - start):.0f} ms after the first screen"
        )
        await pilot.press("m")
        await pilot.pause()
        pane = screen.sidebar.pane("bookmarks")
        for query in ("", "#t3", "Notiz 1", "Putin", ""):
            pane.filter_input.value = query
            await pilot.pause(0.3)
            start = time.perf_counter()
            pane.show_bookmarks()
            print(
                f"filter {query!r:10} {len(pane.shown):4} listed: "
                f"{1000 * (time.perf_counter() - start):.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    asyncio.run(run(parser.parse_args().count))


if __name__ == "__main__":
    main()
