"""Development helpers of the project, not shipped in the wheel: what tests, benchmarks and
tools need but the reader never runs (NER evaluation and training data)."""
