"""A local HTTP server on 127.0.0.1 (ephemeral port) serving routes the tests write."""

from __future__ import annotations

import contextlib
import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    delay: threading.Event | None = None  # the handler waits on it (a slow page)
    etag: str | None = None  # answer 304 when the client sends this ETag back


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    self.wfile.write(b"<h1>Not found</h1>")
                    return
                if route.delay is not None:
                    route.delay.wait(10)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                if route.gzip:
                    headers["Content-Encoding"] = "gzip"
                if route.etag:
                    headers["ETag"] = route.etag
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **kwargs: object) -> str:
        self.routes[path] = Route(body=html.encode("utf-8"), **kwargs)  # type: ignore[arg-type]
        return self.url(path)


def serve() -> Iterator[Site]:
    site = Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        for route in site.routes.values():
            if route.delay is not None:
                route.delay.set()
        site.server.shutdown()
        site.server.server_close()


ARTICLE_TEXT = [
    "Die Bundesregierung hat am Dienstag in Berlin ein neues Paket zur Entlastung der "
    "Pendler beschlossen, das vom kommenden Jahr an gelten soll.",
    "Finanzminister Lars Klingbeil sagte nach der Kabinettssitzung, die Maßnahmen seien "
    "solide gegenfinanziert und würden vor allem Familien mit kleinen Einkommen helfen.",
    "Die Opposition kritisierte den Beschluss als unzureichend. Die Entlastung komme zu spät "
    "und gehe an den eigentlichen Problemen im ländlichen Raum vorbei, hieß es aus der Union.",
]


def news_page(
    title: str = "Kabinett beschließt Entlastung für Pendler",
    paragraphs: list[str] | None = None,
    canonical: str = "https://www.spiegel.de/politik/pendler-a-1.html",
    charset: str = "utf-8",
) -> str:
    """A German news page with boilerplate around the article: navigation, a cookie banner,
    share buttons, comments and related teasers."""
    paras = "\n".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE_TEXT))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="{charset}"><title>{title} - DER SPIEGEL</title>
<link rel="canonical" href="{canonical}">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="DER SPIEGEL">
<meta name="author" content="Anna Beispiel">
<meta property="article:published_time" content="2026-01-02T10:30:00+01:00">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>Wir verwenden Cookies und ähnliche Technologien,
um Inhalte zu personalisieren. Alle akzeptieren oder Einstellungen anpassen.</p></div>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav>
<main><article><header><h1>{title}</h1><p class="byline">Von Anna Beispiel</p></header>
<div class="share-buttons"><a href="#">Auf Facebook teilen</a> <a href="#">Per Mail teilen</a></div>
<div class="article-body">{paras}</div></article>
<section class="comments" id="comments"><h2>Kommentare</h2>
<div class="comment"><p>Leser123: Das ist doch alles Augenwischerei, wie immer bei denen.</p></div>
</section>
<aside class="related"><h2>Mehr zum Thema</h2><ul>
<li><a href="/x">Teaser: Spritpreise steigen wieder deutlich an</a></li>
<li><a href="/y">Teaser: So sparen Sie beim Tanken</a></li></ul></aside></main>
<footer><p>Impressum Datenschutz Kontakt</p></footer></body></html>"""
