"""``reader feeds`` against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.web_server import ARTICLE_TEXT, Route, Site, news_page, serve


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve()


def _rss(site: Site, n: int, broken: int | None = None) -> str:
    items = []
    for i in range(n):
        path = "/gone.html" if i == broken else f"/n{i}.html"
        if i != broken:
            site.page(
                path,
                news_page(
                    title=f"Meldung Nummer {i} aus Berlin",
                    paragraphs=[f"Absatz {i}: " + p for p in ARTICLE_TEXT],
                    canonical=f"https://www.spiegel.de/n{i}",
                ),
            )
        items.append(
            f"<item><title>Meldung Nummer {i} aus Berlin</title>"
            f"<link>{site.url(path)}</link><guid>id-{i}</guid>"
            f"<description>Kurzfassung der Meldung {i} zur Pendlerpauschale."
            f"</description><pubDate>Fri, 02 Jan 2026 10:{i:02d}:00 +0100</pubDate>"
            "</item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>Test</title>" + "".join(items) + "</channel></rss>"
    )


def _update(capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[int, dict, str]:
    code = main(["feeds", "update", "--corpus", str(folder), "--json", "--timeout", "2"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_rss_feed_of_20_with_a_broken_link_and_304(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/feed.xml"] = Route(
        body=_rss(site, 20, broken=7).encode(),
        headers={"Content-Type": "application/rss+xml"},
        etag='"v1"',
    )
    assert main(["feeds", "add", site.url("/feed.xml"), "--name", "Testfeed"]) == 0
    assert main(["feeds", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out.split("\n", 1)[1])[0]["name"] == "Testfeed"
    folder = tmp_path / "inbox"
    code, report, err = _update(capsys, folder)
    assert code == 0, err
    assert len(report["new"]) == 20 and report["failed"] == []
    [summary] = report["summary_only"]
    assert summary["url"].endswith("/gone.html") and "404" in summary["reason"]
    assert "gone.html: HTTP 404 Not Found; stored the feed's summary instead" in err
    stored = [p.read_text(encoding="utf-8") for p in folder.glob("*.md")]
    only = [t for t in stored if "summary_only: true" in t]
    assert len(only) == 1 and "Kurzfassung der Meldung 7" in only[0]
    # second run: the server answers 304 to the ETag sent back; nothing is fetched again
    code, report, _err = _update(capsys, folder)
    assert report["not_modified"] == [site.url("/feed.xml")] and report["new"] == []
    assert site.requests[-1][1].get("If-None-Match") == '"v1"'
    assert main(["--corpus", str(folder), "search", "Absatz", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 19


def test_atom_feed_and_invalid_feed(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.page("/a1.html", news_page(canonical="https://www.faz.net/a1"))
    atom = (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Atom</title><id>urn:x</id><updated>2026-01-02T10:00:00Z</updated>"
        f"<entry><title>Eintrag</title><id>urn:e1</id><link href='{site.url('/a1.html')}'/>"
        "<updated>2026-01-02T10:00:00Z</updated><summary>Kurz</summary></entry></feed>"
    )
    site.routes["/atom.xml"] = Route(
        body=atom.encode(), headers={"Content-Type": "application/atom+xml"}
    )
    site.routes["/bad.xml"] = Route(
        body=b"<html><p>kein Feed</p>", headers={"Content-Type": "text/html"}
    )
    main(["feeds", "add", site.url("/atom.xml")])
    main(["feeds", "add", site.url("/bad.xml")])
    capsys.readouterr()
    code, report, err = _update(capsys, tmp_path / "inbox")
    assert code == 1
    assert len(report["new"]) == 1 and "source: FAZ" in Path(report["new"][0]).read_text()
    assert err.strip() == f"reader: {site.url('/bad.xml')}: not a valid RSS or Atom feed"
    assert main(["feeds", "remove", site.url("/bad.xml")]) == 0
    assert main(["feeds", "remove", "nope"]) == 2
