"""Corpus ingest: files in several formats become articles split into passages."""
