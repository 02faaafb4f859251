"""``reader timeline --json`` as printed, kept beside the stored timeline (issue 18).

The whole timeline of the Berlin corpus is 15 MB of JSON: decoding the stored timeline and
encoding it again for every call took most of a second. The printed text is kept instead
(meta key ``timeline_text``, with the stamp it was made for), so a call on an unchanged
index writes it out as it is. The store's schema drops it whenever the timeline is stored
again (a trigger on the ``timeline`` key), and the stamp holds the timeline's own stamp (the
index version and the code that builds it) and the caller's output format.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.analysis.index_version import index_version
from reader.analysis.timeline import timeline_json, timeline_stamp

if TYPE_CHECKING:
    from reader.library import Library

TEXT_KEY = "timeline_text"  # (reader.search.store's schema names it too)


def timeline_text(
    library: Library,
    render: Callable[[dict[str, Any]], str],
    output_format: str,
    min_sources: int = 1,
) -> str:
    """``render(timeline_json(library, min_sources))``, kept for the whole timeline
    (``min_sources`` 1) under the timeline's stamp and ``output_format``, the version of
    ``render``'s layout."""
    if min_sources > 1:  # (a filtered view is not kept: one copy of the text is enough)
        return render(timeline_json(library, min_sources))
    stamp = f"{timeline_stamp(index_version(library))}|{output_format}\n"
    with library.lock:
        kept = library.store.get_meta(TEXT_KEY)
    if kept is not None and kept.startswith(stamp):
        return kept[len(stamp) :]
    text = render(timeline_json(library))
    with library.lock:
        library.store.set_meta(TEXT_KEY, stamp + text)
        library.store.commit()
    return text
