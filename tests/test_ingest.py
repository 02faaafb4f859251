"""Saved pages and ``reader add`` against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.loader import load_corpus
from tests.web_server import ARTICLE_TEXT, Route, Site, news_page, serve


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve()


BOILERPLATE = ("Cookies", "Startseite", "teilen", "Leser123", "Teaser", "Impressum")


def test_saved_page_is_an_article_without_boilerplate(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pendler.html").write_text(news_page(), encoding="utf-8")
    articles, problems = load_corpus([corpus])
    assert problems == []
    [article] = articles
    assert article.title == "Kabinett beschließt Entlastung für Pendler"
    assert [p.text for p in article.passages[1:]] == ARTICLE_TEXT
    for word in BOILERPLATE:
        assert word not in article.text, word
    assert article.source == "DER SPIEGEL"
    assert article.url == "https://www.spiegel.de/politik/pendler-a-1.html"
    assert article.language == "de"
    assert article.date is not None and article.date.iso() == "2026-01-02T10:30"


def test_page_without_article_text_is_skipped_with_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.htm").write_text("<html><body><nav>Start</nav></body></html>")
    articles, problems = load_corpus([corpus])
    assert articles == []
    assert [str(p) for p in problems] == [
        f"{corpus / 'empty.htm'}: skipped: no article text found in the page"
    ]


def _add(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["add", *args, "--json", "--timeout", "2"])
    out, err = capsys.readouterr()
    return code, {**json.loads(out), "stderr": err}


def test_add_writes_markdown_and_indexes_it(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.page("/artikel.html", news_page())
    folder = tmp_path / "inbox"
    code, report = _add(capsys, url, "--corpus", str(folder))
    assert code == 0, report
    [path] = report["new"]
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Kabinett beschließt Entlastung für Pendler\n")
    for key in (
        "source: DER SPIEGEL",
        "date: 2026-01-02T10:30",
        "author: Anna Beispiel",
        "url: https://www.spiegel.de/politik/pendler-a-1.html",
        "fetched: ",
    ):
        assert key in text
    assert "Leser123" not in text
    ua = dict(site.requests[0][1])["User-Agent"]
    assert ua.startswith("reader/")
    assert main(["--corpus", str(folder), "search", "Pendler", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits["total"] >= 1


def test_same_article_twice_is_one_file_and_not_refetched(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.page("/a.html", news_page())
    other = site.page("/a.html?utm=x", news_page())  # same canonical URL, other address
    folder = tmp_path / "inbox"
    _add(capsys, url, "--corpus", str(folder))
    fetched = len(site.requests)
    code, report = _add(capsys, url, "--corpus", str(folder))
    assert code == 0 and report["kept"] and len(site.requests) == fetched
    code, report = _add(capsys, other, "--corpus", str(folder))
    assert report["updated"] and not report["new"]
    site.routes["/a.html"] = Route(
        body=news_page(
            paragraphs=[
                *ARTICLE_TEXT,
                "Nachtrag: Der Bundesrat muss dem Paket noch zustimmen, hieß es.",
            ]
        ).encode()
    )
    code, report = _add(capsys, url, "--corpus", str(folder), "--refresh")
    assert report["updated"]
    assert len(list(folder.glob("*.md"))) == 1
    assert "Nachtrag" in next(folder.glob("*.md")).read_text(encoding="utf-8")


def test_default_inbox_is_part_of_the_default_corpus(
    site: Site, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.page("/b.html", news_page())
    code, report = _add(capsys, url)
    assert code == 0
    assert Path(report["new"][0]).parent == isolated_home / "data" / "reader" / "articles"
    assert main(["search", "Klingbeil", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1


def test_encodings_gzip_and_redirects(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = news_page(
        title="Größere Übung für Bürger",
        charset="iso-8859-1",
        canonical="https://www.zeit.de/latin",
    )
    site.routes["/latin.html"] = Route(
        body=latin.encode("iso-8859-1"), headers={"Content-Type": "text/html"}
    )
    site.routes["/gz.html"] = Route(
        body=news_page(canonical="https://www.welt.de/gz").encode(), gzip=True
    )
    site.routes["/old"] = Route(status=301, headers={"Location": "/gz.html"})
    folder = tmp_path / "inbox"
    code, report = _add(capsys, site.url("/latin.html"), site.url("/old"), "--corpus", str(folder))
    assert code == 0, report["stderr"]
    texts = [Path(p).read_text(encoding="utf-8") for p in report["new"]]
    assert "title: Größere Übung für Bürger" in texts[0] and "source: ZEIT ONLINE" in texts[0]
    assert "source: WELT" in texts[1] and "Klingbeil" in texts[1]


def test_failures_are_one_line_each_and_others_go_on(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = site.page("/ok.html", news_page())
    slow = threading.Event()
    site.routes["/slow.html"] = Route(body=b"<p>late</p>", delay=slow)
    site.routes["/loop1"] = Route(status=302, headers={"Location": "/loop2"})
    site.routes["/loop2"] = Route(status=302, headers={"Location": "/loop1"})
    site.routes["/data.pdf"] = Route(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    site.routes["/err"] = Route(status=503, body=b"down")
    urls = [
        site.url("/missing.html"),
        site.url("/slow.html"),
        site.url("/loop1"),
        site.url("/data.pdf"),
        site.url("/err"),
        "ftp://example.org/x.html",
        "http://127.0.0.1:1/nothing",
        good,
    ]
    folder = tmp_path / "inbox"
    code, report = _add(capsys, *urls, "--corpus", str(folder))
    slow.set()
    assert code == 1
    assert len(report["new"]) == 1
    reasons = {f["url"]: f["reason"] for f in report["failed"]}
    assert reasons[urls[0]] == "HTTP 404 Not Found"
    assert reasons[urls[1]].startswith("timed out")
    assert reasons[urls[2]].startswith("redirects in a loop")
    assert reasons[urls[3]] == "not an HTML page (application/pdf)"
    assert reasons[urls[4]].startswith("HTTP 503")
    assert reasons[urls[5]].startswith("only http and https")
    assert reasons[urls[6]].startswith("unreachable")
    lines = report["stderr"].strip().splitlines()
    assert len(lines) == 7 and all(line.startswith("reader: ") for line in lines)


def test_failed_refresh_leaves_the_stored_copy(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.page("/c.html", news_page())
    folder = tmp_path / "inbox"
    _add(capsys, url, "--corpus", str(folder))
    before = {p: p.read_bytes() for p in folder.iterdir()}
    site.routes["/c.html"] = Route(status=500)
    code, _report = _add(capsys, url, "--corpus", str(folder), "--refresh")
    assert code == 1
    assert {p: p.read_bytes() for p in folder.iterdir()} == before


def test_size_limit(site: Site) -> None:
    from reader.ingest.fetch import FetchError, fetch

    url = site.page("/big.html", "<p>" + "x" * 5000 + "</p>")
    with pytest.raises(FetchError, match="size limit"):
        fetch(url, max_bytes=1000)
