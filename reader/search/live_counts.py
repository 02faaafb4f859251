"""Document counts that leave out deleted documents.

Whoosh keeps a deleted document (every rewritten one: the analysis rewrites each article's
documents with its entities) in its segment's postings and term counts until the segment
merges, and segments merge whenever a later write happens to trigger it. Counts read
straight from ``doc_frequency`` therefore change between launches of an unchanged corpus;
these do not."""

from __future__ import annotations

import weakref
from typing import Any


def live_doc_frequency(searcher: Any, fieldname: str, text: str) -> int:
    """How many live documents hold ``text`` in ``fieldname``."""
    count = 0
    for reader, _offset in searcher.reader().leaf_readers():
        found = reader.doc_frequency(fieldname, text)
        if found and reader.has_deletions():
            found -= _deleted_holding(reader, fieldname, text)
        count += found
    return count


def _deleted_holding(reader: Any, fieldname: str, text: str) -> int:
    """Deleted documents of one segment that hold the term: the segment's postings, unfiltered,
    skipped to each deleted document in turn (a few per rewritten article)."""
    btext = reader._text_to_bytes(fieldname, text)
    matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    holding = 0
    for docnum in _sorted_deleted(reader):
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            holding += 1
    return holding


_DELETED: weakref.WeakKeyDictionary[Any, list[int]] = weakref.WeakKeyDictionary()


def _sorted_deleted(reader: Any) -> list[int]:
    """A segment's deleted documents in order, sorted once per segment reader (a reader's
    deletions do not change; a new searcher brings new readers)."""
    found = _DELETED.get(reader)
    if found is None:
        found = _DELETED[reader] = sorted(reader.deleted_docs_set)
    return found
