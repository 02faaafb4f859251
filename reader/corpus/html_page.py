"""A saved web page (``.html``/``.htm``) as an article: main text, headline, date, author,
outlet name, canonical URL and language, extracted with trafilatura and htmldate.

Both libraries are imported on first use only (start-up and search never load them).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from reader.corpus.decode import SkipFile
from reader.corpus.formats import RawArticle

# Host (without "www.") → the outlet's own name; the config key ``outlets`` extends it.
OUTLETS: dict[str, str] = {
    "spiegel.de": "DER SPIEGEL",
    "zeit.de": "ZEIT ONLINE",
    "welt.de": "WELT",
    "bild.de": "BILD",
    "sueddeutsche.de": "Süddeutsche Zeitung",
    "faz.net": "FAZ",
    "fr.de": "Frankfurter Rundschau",
    "heise.de": "heise online",
    "volksstimme.de": "Volksstimme",
    "tagesschau.de": "tagesschau",
    "gmx.net": "GMX",
}
HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
HTML_FRONT = re.compile(r"\A\s*<!--\s*reader-url:\s*(\S+)\s*-->")


def outlet_name(host: str, extra: dict[str, str] | None = None) -> str | None:
    """The outlet's name for ``host`` (``www.spiegel.de`` → "DER SPIEGEL"), or ``None``."""
    host = host.lower().removeprefix("www.")
    table = {**OUTLETS, **(extra or {})}
    while host:
        if host in table:
            return table[host]
        _, _, host = host.partition(".")
        if "." not in host:
            return table.get(host)
    return None


def extract_page(
    html: str, where: str, url: str | None = None, outlets: dict[str, str] | None = None
) -> RawArticle:
    """The article in ``html``; raises :class:`SkipFile` when no article text is found."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    meta: dict = {}
    if doc is not None:
        meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = (meta.get("text") or "").strip()
    if len(text) < 40:
        raise SkipFile("no article text found in the page")
    title = (meta.get("title") or "").strip() or None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    canonical = meta.get("url") or url
    host = (urlsplit(canonical).hostname if canonical else None) or meta.get("hostname") or ""
    source = outlet_name(host, outlets) if host else None
    lang = HTML_LANG.search(html[:5000])
    return RawArticle(
        id=Path(where).stem,
        body="\n\n".join(lines),
        where=where,
        title=title,
        source=source or meta.get("sitename") or host.removeprefix("www.") or None,
        date=page_date(html, url),
        url=canonical,
        language=meta.get("language") or (lang.group(1).lower() if lang else None),
        author=meta.get("author") or None,
    )


def page_date(html: str, url: str | None = None) -> str | None:
    """The publication date as ISO text, to the minute when the page gives a time."""
    from htmldate import find_date

    try:
        found = find_date(
            html,
            url=url,
            outputformat="%Y-%m-%dT%H:%M",
            original_date=True,
            extensive_search=False,
        )
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    return found[:10] if found.endswith("T00:00") else found


def read_html(path: Path, text: str, outlets: dict[str, str] | None = None) -> RawArticle:
    """A saved page from a corpus folder; a ``<!-- reader-url: … -->`` first line (as browsers
    write "saved from") gives the page's address when it has no canonical link."""
    marker = HTML_FRONT.match(text) or re.search(
        r"<!--\s*saved from url=\(\d+\)(\S+)\s*-->", text[:2000]
    )
    return extract_page(text, str(path), marker.group(1) if marker else None, outlets)
