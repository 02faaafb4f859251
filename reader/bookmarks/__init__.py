"""Bookmarks: passages kept in a hand-editable YAML file that survives edits, crashes and
two open readers. No UI here; the app and the CLI build on this API.

    store = BookmarkStore(config.resolved_bookmarks(), corpus=config.bookmarks_corpus())
    store.load()                           # every corpus's; store.here: the open corpus's
    bm = store.add_passage(library, "001_71db2df63f5cd903#p3", note="…", tags=["nato"])
    anchor = resolve(bm, library)          # ok / moved / changed / orphaned
    gone = store.remove(bm.id); store.restore(gone)   # undo
"""

from reader.bookmarks.anchor import (
    STATUSES,
    Anchor,
    ArticleLookup,
    Status,
    UnknownPassage,
    find_passage,
    make_bookmark,
    reanchored,
    resolve,
    resolve_all,
    word_span,
)
from reader.bookmarks.export import FORMATS, bookmark_json, export
from reader.bookmarks.model import Bookmark, filter_bookmarks, newest_first, passage_words
from reader.bookmarks.schema import BookmarkFileError, parse_text
from reader.bookmarks.store import (
    BookmarkLockTimeout,
    BookmarkStore,
    BookmarkWriteError,
    UnknownBookmark,
)

__all__ = [
    "FORMATS",
    "STATUSES",
    "Anchor",
    "ArticleLookup",
    "Bookmark",
    "BookmarkFileError",
    "BookmarkLockTimeout",
    "BookmarkStore",
    "BookmarkWriteError",
    "Status",
    "UnknownBookmark",
    "UnknownPassage",
    "bookmark_json",
    "export",
    "filter_bookmarks",
    "find_passage",
    "make_bookmark",
    "newest_first",
    "parse_text",
    "passage_words",
    "reanchored",
    "resolve",
    "resolve_all",
    "word_span",
]
