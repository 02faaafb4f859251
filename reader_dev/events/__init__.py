"""Event evaluation (issue 14): the hand-built gold of front-page events and its scorer
(:mod:`.gold`). Guidelines: ``tests/data/EVENTS.md``.

Kept out of ``reader.analysis`` for the same reason as :mod:`reader_dev.ner`: code that only
scores the timeline must not change the analysis version hash.
"""
