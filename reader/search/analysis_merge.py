"""Putting the analysis (entities, inferred dates) into index documents already written.

A bulk rewrite used to delete every passage document and add it again with its entities:
Whoosh analysed all the text a second time and then merged the segments to drop the deleted
copies (29.5 s CPU of 152 on the Berlin corpus). Here the segments are merged once, and the
merge itself swaps in the new ``entity`` and ``date`` terms of the documents that get them;
the text's postings are copied as they are, never analysed again. The result is the index an
add of each document with its entities would give, with no deleted copies left: one commit,
so an interrupted run leaves the index as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from whoosh.index import Index
from whoosh.reading import IndexReader, SegmentReader

Posting = tuple[str, bytes, int, float, bytes]
"""Whoosh's low-level posting: field, term, document number, weight, value."""
SWAPPED = ("entity", "date")
"""The fields whose terms the analysis decides (all other fields are copied)."""


class _WithAnalysis:
    """One segment's reader as a merge sees it, with the ``entity`` and ``date`` terms of
    the documents of ``fields`` (article id → passage index → field → value, ``None`` for
    none) replaced; everything else is the segment's own."""

    def __init__(
        self, reader: IndexReader, schema: Any, fields: dict[str, dict[int, dict[str, Any]]]
    ) -> None:
        self._reader = reader
        self._replaced: set[int] = set()
        self._lengths: dict[int, int] = {}
        self._postings: list[Posting] = []
        self.articles: set[str] = set()
        """The articles of ``fields`` that have documents here."""
        for docnum, stored in reader.iter_docs():
            values = fields.get(stored.get("article", ""), {}).get(stored.get("passage", -1))
            if values is None:
                continue
            self._replaced.add(docnum)
            self.articles.add(stored["article"])
            for name in SWAPPED:
                value = values.get(name)
                if value is None:
                    continue
                field, length = schema[name], 0
                for term, freq, weight, vbytes in field.index(value):
                    if field.scorable:
                        length += freq
                    self._postings.append((name, term, docnum, weight, vbytes))
                if name == "entity":
                    self._lengths[docnum] = length

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)

    def indexed_field_names(self) -> set[str]:
        return set(self._reader.indexed_field_names()) | {p[0] for p in self._postings}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if fieldname == "entity" and docnum in self._replaced:
            return self._lengths.get(docnum, default)
        return self._reader.doc_field_length(docnum, fieldname, default)

    def iter_postings(self) -> Iterator[Posting]:
        swapped, replaced = frozenset(SWAPPED), self._replaced
        for posting in self._reader.iter_postings():
            if posting[0] in swapped and posting[2] in replaced:
                continue
            yield posting
        yield from self._postings  # (the writer's pool sorts what it is given)


def merge_in_analysis(
    ix: Index,
    fields: dict[str, dict[int, dict[str, Any]]],
    progress: Callable[[int, int], None],
) -> list[str]:
    """Merge all of ``ix``'s segments into one in which the documents of the articles in
    ``fields`` (article id → passage index → ``entity``/``date`` value as
    :func:`~reader.search.indexer.passage_documents` gives it, ``None``: none) carry those
    terms instead of their own. ``progress(done, total)`` is called per segment merged.
    Returns the ids of the articles whose documents were found."""
    found: set[str] = set()

    def merge(writer: Any, segments: list[Any]) -> list[Any]:
        for n, segment in enumerate(segments, start=1):
            reader = SegmentReader(writer.storage, writer.schema, segment)
            try:
                seen = _WithAnalysis(reader, writer.schema, fields)
                found.update(seen.articles)
                writer.add_reader(seen)
            finally:
                reader.close()
            progress(n, len(segments))
        return []  # every old segment is now in the new one

    writer = ix.writer(limitmb=64)  # (the parent's memory: the pool spills to disk)
    try:
        writer.commit(mergetype=merge)
    except BaseException:
        writer.cancel()
        raise
    return [aid for aid in fields if aid in found]
