"""Attributed-statement evaluation (issue 12): the hand-annotated gold set and its scorer
(:mod:`.gold`). Guidelines: ``tests/data/STATEMENTS.md``.

Kept out of ``reader.analysis`` for the same reason as :mod:`reader_dev.ner`: code that only
scores the detector must not change the analysis version hash.
"""
