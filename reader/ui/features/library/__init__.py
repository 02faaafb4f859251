"""The library list and the worker that loads it."""
