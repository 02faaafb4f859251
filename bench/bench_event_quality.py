"""Event quality of the timeline on the hand-built front-page gold (issue 14): same-event pair
recall, wrong merges within a story, and the size of the event holding a gold event.

    python bench/bench_event_quality.py [--config PATH] [--corpora DIR] [--update] [--json]

Reads the timeline only through the product API, ``reader.analysis.timeline.timeline(library)``
of ``reader.cli.context.Context(config_path=...).library``; with no ``--config`` the library is
the front-page file alone (``--corpus``, its own index). The index is not touched unless
``--update`` is given (``timeline()`` stores its cache in the index as the app does). Gold and
rules: ``tests/data/EVENTS.md`` and ``reader_dev.events.gold``. Needs ``../shared/corpora`` (or
``$READER_CORPORA``) for the gold check. Prints numbers; nothing here is timed as a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reader_dev.events.gold import (
    CORPUS,
    GIANT,
    SPLITS,
    GoldDataError,
    GoldEvent,
    Predicted,
    load_gold,
    read_corpus,
    score,
)
from reader_dev.ner.gold import default_corpora_dir

REPO = Path(__file__).resolve().parent.parent
GOALS = {"same_recall": 0.8, "wrong_rate": 0.05}


def map_items(
    events: Sequence[GoldEvent], articles: Iterable[tuple[str, str, str]], titles: dict[str, str]
) -> dict[str, str]:
    """Gold item id -> the library's article id. reader keeps a JSONL record's ``id`` as the
    article id (``reader.corpus.formats.read_jsonl``); only when another file claims the same id
    does it become ``<id>~<hash>`` (``reader.search.article_ids``): then the claimant whose
    title is the record's. ``articles`` are the library's ``(id, source, title)``;
    ``titles`` the corpus records' titles by id."""
    ids = {aid for aid, _, _ in articles}
    suffixed: dict[str, list[tuple[str, str, str]]] = {}
    for aid, source, title in articles:
        base, sep, _ = aid.partition("~")
        if sep:
            suffixed.setdefault(base, []).append((aid, source, title))
    mapped: dict[str, str] = {}
    for event in events:
        for item in event.items:
            if item.id in ids:
                mapped[item.id] = item.id
                continue
            for aid, source, title in suffixed.get(item.id, []):
                if source == item.source and title == titles.get(item.id):
                    mapped[item.id] = aid
                    break
    return mapped


def timeline_events(config: str | None, corpus: Path, update: bool) -> tuple[Any, list[Predicted]]:
    """The library's timeline events as :class:`Predicted`, with notes for the report."""
    from reader.analysis.timeline import timeline
    from reader.cli.context import Context

    ctx = Context(config_path=config) if config else Context(corpus=[str(corpus)])
    try:
        library = ctx.library
        if update:
            from reader.cli.core_commands import ensure_index

            ensure_index(ctx, quiet=True)
        elif not library.is_current():
            print(
                "note: the index is not current with its corpus; scoring what it holds "
                "(--update brings it up to date first)",
                file=sys.stderr,
            )
        started = time.perf_counter()
        result = timeline(library)
        seconds = time.perf_counter() - started
        summaries = [(s.id, s.source, s.title) for s in library.summaries()]
    finally:
        ctx.close()
    predicted = [Predicted(e.id, e.label, frozenset(e.articles)) for e in result.events]
    return {"seconds": seconds, "summaries": summaries}, predicted


def report(scores: dict[str, Any], events: Sequence[GoldEvent], notes: dict[str, Any]) -> str:
    """A readable report: one block per split, goals marked, then one line per gold event."""
    lines = [
        f"timeline: {notes['timeline_events']} events in {notes['seconds']:.2f} s; "
        f"gold items found in the library: {notes['mapped']}/{notes['items']}",
        f"goals: same-event pair recall >= {GOALS['same_recall']:.2f}, "
        f"wrong-merge rate <= {GOALS['wrong_rate']:.2f}, no giant events (> {GIANT:g}x)",
    ]
    for split in (*SPLITS, "all"):
        row = scores[split]
        stories = len({e.story for e in events if split in ("all", e.split)})
        met_a = "met" if row["same_recall"] >= GOALS["same_recall"] else "NOT met"
        met_b = "met" if row["wrong_rate"] <= GOALS["wrong_rate"] else "NOT met"
        lines += [
            f"[{split}] {row['events']} events, {stories} stories",
            f"  (a) same-event pair recall {row['same_recall']:.3f} "
            f"({row['same_together']}/{row['same_pairs']})  goal {met_a}",
            f"  (b) wrong-merge rate       {row['wrong_rate']:.3f} "
            f"({row['wrong_together']}/{row['wrong_pairs']})  goal {met_b}",
            f"  (c) best event / gold size: median {row['ratio_median']:.2f}, "
            f"max {row['ratio_max']:.2f}, giant (> {GIANT:g}x) {row['giants']}",
        ]
    lines.append("(d) per gold event: split  gold size -> best event size  pair recall  label")
    for r in scores["events"]:
        best = f"{r['best_size']:4d} [{r['best_label'][:60]}]" if r["best_id"] else "   - (none)"
        lines.append(
            f"  {r['split']:7} {r['gold_size']:3d} -> {best}  r={r['recall']:.2f}  {r['label']}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=None, help="config of the library to score")
    parser.add_argument("--corpora", type=Path, default=None, help="folder of the corpora")
    parser.add_argument("--update", action="store_true", help="update the index first")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        events = load_gold(REPO, args.corpora)
    except GoldDataError as exc:
        print(f"bench_event_quality: {exc}", file=sys.stderr)
        return 2
    corpus = (args.corpora or default_corpora_dir(REPO)) / CORPUS
    titles = {k: str(r.get("title") or "") for k, r in read_corpus(corpus).items()}
    try:
        notes, predicted = timeline_events(args.config, corpus, args.update)
    except Exception as exc:  # the product's message (e.g. articles not analysed) is the answer
        print(f"bench_event_quality: the timeline failed: {type(exc).__name__}: {exc}")
        return 1
    article_of = map_items(events, notes.pop("summaries"), titles)
    scores = score(events, predicted, article_of)
    notes.update(
        timeline_events=len(predicted),
        mapped=len(article_of),
        items=sum(len(e.items) for e in events),
    )
    if args.json:
        print(json.dumps({"notes": notes, "goals": GOALS, **scores}, indent=2, ensure_ascii=False))
    else:
        print(report(scores, events, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
