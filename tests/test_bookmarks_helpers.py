"""Shared pieces for the bookmark tests (no tests here): small invented articles and an
in-memory stand-in for the library, so the bookmark core is tested without an index."""

from __future__ import annotations

from reader.bookmarks.anchor import make_bookmark
from reader.bookmarks.model import Bookmark
from reader.corpus.model import Article, Passage, When, passage_id

ARTICLE_ID = "t001_wien"
PARTS = [
    "Außenminister beraten in Wien über Gasleitungen",
    "WIEN, 3. März – Die Außenminister mehrerer Staaten sind am Mittwoch in Wien "
    "zusammengekommen, um über die Zukunft der Gasleitungen zu beraten.",
    "Nach Angaben des Gastgebers dauerten die Gespräche bis in den späten Abend. "
    "Eine gemeinsame Erklärung gab es nicht.",
    "Die Ministerin sagte, man werde sich im April erneut treffen. "
    "Eine gemeinsame Erklärung gab es nicht.",
    "Beobachter rechnen nicht mit einer schnellen Einigung.",
]
DATE = When(2021, 3, 3)


def make_article(
    parts: list[str] | None = None,
    article_id: str = ARTICLE_ID,
    source: str = "Wiener Abendblatt",
    date: When | None = DATE,
) -> Article:
    """An article whose passages are ``parts`` (the first is the headline), joined by a
    blank line, with offsets the way the corpus model defines them."""
    parts = list(PARTS if parts is None else parts)
    text = "\n\n".join(parts)
    passages, pos = [], 0
    for i, part in enumerate(parts):
        pid = passage_id(article_id, i)
        passages.append(Passage(pid, article_id, i, pos, pos + len(part), part))
        pos += len(part) + 2
    return Article(article_id, parts[0], text, source=source, date=date, passages=passages)


class FakeLibrary:
    """Articles by id; ``article()`` returns ``None`` for ids it does not hold."""

    def __init__(self, *articles: Article) -> None:
        self.articles = {a.id: a for a in articles}

    def article(self, article_id: str) -> Article | None:
        return self.articles.get(article_id)


def sample_bookmark(index: int = 2, note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    article = make_article()
    return make_bookmark(article, article.passages[index], note=note, tags=tags)
