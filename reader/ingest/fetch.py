"""Fetching one web page the way a careful client does: http/https only, a clear User-Agent,
a timeout, redirects followed (loops detected), gzip, the declared encoding, a size limit,
HTML only. Every failure is a :class:`FetchError` whose message names the reason."""

from __future__ import annotations

import gzip
import re
import socket
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from reader import __version__

USER_AGENT = f"reader/{__version__} (terminal news reader; fetches pages the user asked for)"
TIMEOUT = 15.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 10
HTML_TYPES = ("text/html", "application/xhtml+xml")
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


class FetchError(Exception):
    """A page that could not be had; ``str()`` is the reason, for one line with the URL."""


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None

    def text(self) -> str:
        """The body decoded by the declared charset (header, then ``<meta>``), else UTF-8."""
        declared = self.charset
        if not declared:
            meta = META_CHARSET.search(self.body[:4096])
            declared = meta.group(1).decode("ascii", "replace") if meta else None
        for encoding in (declared, "utf-8"):
            if not encoding:
                continue
            try:
                return self.body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.body.decode("cp1252", errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched (got {parts.scheme or 'none'!r})")
    if not parts.hostname:
        raise FetchError("no host in the URL")


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    accept: tuple[str, ...] | None = HTML_TYPES,
    headers: dict[str, str] | None = None,
) -> Page:
    """GET ``url``; ``accept=None`` takes any content type (feeds). A 304 is returned as a
    page with status 304 and an empty body."""
    seen: list[str] = []
    current = url
    while True:
        check_url(current)
        if current in seen:
            raise FetchError(f"redirects in a loop ({' → '.join([*seen, current])})")
        if len(seen) > MAX_REDIRECTS:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects")
        seen.append(current)
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": USER_AGENT,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                **(headers or {}),
            },
        )
        try:
            response = _OPENER.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                current = urljoin(current, exc.headers["Location"])
                continue
            if exc.code == 304:
                return Page(
                    current,
                    304,
                    b"",
                    "",
                    None,
                    exc.headers.get("ETag"),
                    exc.headers.get("Last-Modified"),
                )
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, socket.gaierror):
                raise FetchError("host not found (DNS)") from None
            if isinstance(reason, TimeoutError | socket.timeout):
                raise FetchError(f"timed out after {timeout:g} s") from None
            raise FetchError(f"unreachable ({reason})") from None
        except TimeoutError:
            raise FetchError(f"timed out after {timeout:g} s") from None
        except OSError as exc:
            raise FetchError(f"unreachable ({exc})") from None
        with response:
            return _read(response, current, timeout, max_bytes, accept)


def _read(
    response, url: str, timeout: float, max_bytes: int, accept: tuple[str, ...] | None
) -> Page:
    info: Message = response.headers
    ctype = (info.get_content_type() or "").lower()
    if accept is not None and ctype not in accept:
        raise FetchError(f"not an HTML page ({ctype or 'no content type'})")
    length = info.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"page over the size limit ({int(length)} > {max_bytes} bytes)")
    try:
        body = response.read(max_bytes + 1)
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    if len(body) > max_bytes:
        raise FetchError(f"page over the size limit ({max_bytes} bytes)")
    encoding = (info.get("Content-Encoding") or "").lower()
    try:
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
    except (OSError, zlib.error, EOFError):
        raise FetchError(f"broken {encoding} data") from None
    if len(body) > max_bytes:
        raise FetchError(f"page over the size limit ({max_bytes} bytes unpacked)")
    return Page(
        url,
        response.status,
        body,
        ctype,
        info.get_content_charset(),
        info.get("ETag"),
        info.get("Last-Modified"),
    )
