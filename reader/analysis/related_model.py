"""One related passage with the evidence for it (:mod:`reader.analysis.related` finds them,
:mod:`reader.analysis.statement_links` adds the statements' links)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.corpus.model import passage_id

if TYPE_CHECKING:
    from reader.corpus.model import Article


@dataclass(frozen=True, slots=True)
class Related:
    """One related passage, with the evidence for it."""

    passage_id: str
    article_id: str
    passage: int
    source: str
    title: str
    start: int
    end: int
    text: str
    score: float
    text_score: float
    entity_score: float
    date_score: float
    same_source: bool
    terms: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    link: str = "event"
    """What links it: ``event`` (it reports the same happening), ``statement`` (the same
    statement, reported at the same time) or ``occasion`` (the same statement, made on
    another occasion: :mod:`reader.analysis.statement_links`)."""

    @classmethod
    def at(cls, article: Article, index: int, **evidence: Any) -> Related:
        """Passage ``index`` of ``article`` with the evidence for it (score, …, link)."""
        p = article.passages[index]
        return cls(
            passage_id=passage_id(article.id, index),
            article_id=article.id,
            passage=index,
            source=article.source,
            title=article.title,
            start=p.start,
            end=p.end,
            text=p.text,
            **evidence,
        )

    @classmethod
    def to_compare(cls, article: Article, index: int, link: str) -> Related:
        """Passage ``index`` of ``article`` as the other side of a compare view that the
        reader chose (two outlets of one event or statement), not found by scoring."""
        return cls.at(
            article,
            index,
            score=1.0,
            text_score=1.0,
            entity_score=0.0,
            date_score=0.0,
            same_source=False,
            link=link,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "passage_id": self.passage_id,
            "article_id": self.article_id,
            "passage": self.passage,
            "source": self.source,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "same_source": self.same_source,
            "why": {
                "text": self.text_score,
                "entities": self.entity_score,
                "dates": self.date_score,
                "shared_terms": list(self.terms),
                "shared_entities": list(self.entities),
                "shared_dates": list(self.dates),
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Related:
        why = data["why"]
        return cls(
            data["passage_id"],
            data["article_id"],
            int(data["passage"]),
            data["source"],
            data["title"],
            int(data["start"]),
            int(data["end"]),
            data["text"],
            float(data["score"]),
            float(why["text"]),
            float(why["entities"]),
            float(why["dates"]),
            bool(data["same_source"]),
            tuple(why["shared_terms"]),
            tuple(why["shared_entities"]),
            tuple(why["shared_dates"]),
            str(data.get("link", "event")),
        )
