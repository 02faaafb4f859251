"""Entity recognition evaluation and training data: span metrics (:mod:`.metrics`), the
hand-annotated gold sets (:mod:`.gold`) and GermEval 2014 (:mod:`.germeval`).

Kept out of ``reader.analysis``: the analysis version hashes the bytes of the recogniser's
modules, so code that only trains or scores the model must not live in them.
"""
