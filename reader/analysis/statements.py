"""Attributed statements: who said what, in quotes, in reported speech or "according to".

:func:`find_statements` reads one article with its entities and returns its statements:

- ``direct``: words in quotation marks with a cue after them ("…", sagte er), before them
  (erklärte Peskow: "…"), or around them ("Das ist", sagte er, "eine rote Linie.");
- ``indirect``: a clause after a verb of saying (Er erklärte, Russland werde …; betonte,
  dass …; forderte Russland auf, … zu …), a clause before one (…, teilte der Kreml mit),
  and a Konjunktiv I sentence that goes on with the statement before it;
- ``according_to``: "laut …", "… zufolge", "nach Angaben …", ", so …", "wie … mitteilte",
  and a headline that begins with its speaker and a colon ("Kreml: Putin und …").

A statement inside another one keeps the outer speakers as ``relays`` (nearest first):
in "RT DE berichtet, der Kreml habe erklärt, Putin fordere …" Putin speaks via the Kremlin
via RT DE. A short quote without a cue is a scare quote, not a statement.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.analysis.quotes import Quote, find_quotes
from reader.analysis.spans import Span
from reader.analysis.statement_cues import (
    PARTICLES,
    is_role,
    konjunktiv_one,
    lemma,
    noun_cue,
    preterite_of,
    say_lemma,
)
from reader.analysis.statement_speakers import Speaker, Speakers, speaks_as_body
from reader.analysis.statement_words import stems
from reader.analysis.tokens import Token, sentences, tokenize
from reader.corpus.dateline import parse_dateline
from reader.corpus.model import Article

TEASER_START = "Mehr zum Thema"
SCARE_QUOTE_WORDS = 4  # a quote of fewer words needs a cue of its own to be a statement
_CLAUSE_STOPS = frozenset(",;:+|")  # (a front page's "… +++ Kreml: …" parts too)
_NOT_REPORTED = frozenset(
    [
        "nachdem",
        "als",
        "weil",
        "wenn",
        "bevor",
        "während",
        "obwohl",
        "um",
        "sobald",
        "damit",
        "wo",
        "falls",
        "ob",
        "aber",
        "und",
        "oder",
        "sondern",
        "denn",
        "doch",
        # an indirect question ("Er sagte, was … geschehen soll") reports no content
        "was",
        "wer",
        "wie",
        "warum",
        "wann",
        "weshalb",
        "wieso",
        "wohin",
        "woher",
    ]
)
_HEADLINE_WORDS = 4
_QUOTED_HEADLINE_WORDS = 10  # "Trump verfolgte Maduro-Festnahme live am Bildschirm: „…“"
_RELATIVE = frozenset(
    ["der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher", "welches"]
)
_GOING_ON = frozenset({"demnach", "zufolge"})
_PASSIVE = frozenset({"worden", "wurde", "wurden", "werde", "werden"})
_AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten", "habe", "ist", "sind", "war"})
# adjectives that make a verb a cue of saying ("machte deutlich, dass …")
_SAYING_WITH = {
    "deutlich": "deutlich machen",
    "klar": "klar machen",
    "aufmerksam": "aufmerksam machen",
}
_PREPOSITIONS = frozenset({"mit", "vor", "von", "als", "zu", "auf"})
_SURE = frozenset({"überzeugt", "sicher", "sagt", "warnt", "fordert"})
_QUOTE_MARKS = '"„“”»«‚‘’'
_OUTER_MARKS = '"„“”»«'  # the marks around a quote (an inner ‚…‘ is part of it)


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement; offsets are into the article text."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    cue: str
    cue_lemma: str
    mode: str
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    canonical: str | None = None
    speaker_type: str | None = None
    resolved: bool = False
    relays: tuple[str, ...] = ()
    teaser: bool = False
    passage: int = 0
    text: str = ""
    side: str | None = None  # the organisation the speaker speaks for ("Kreml" for Peskow)
    words: tuple[str, ...] = ()  # the stems grouping compares (reader.analysis.statement_words)

    def to_json(self) -> dict[str, Any]:
        return {
            "passage": self.passage,
            "text": self.text,
            "side": self.side,
            "words": list(self.words),
            "start": self.start,
            "end": self.end,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "cue": self.cue,
            "cue_lemma": self.cue_lemma,
            "mode": self.mode,
            "speaker": self.speaker,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "canonical": self.canonical,
            "speaker_type": self.speaker_type,
            "resolved": self.resolved,
            "relays": list(self.relays),
            "teaser": self.teaser,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        fields = dict(data)
        fields["relays"] = tuple(fields.get("relays", ()))
        fields["words"] = tuple(fields.get("words", ()))
        return cls(**fields)

    @property
    def who(self) -> str:
        """The speaker's canonical name, or as written, or "" when there is none."""
        return self.canonical or self.speaker


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    cue: Token
    cue_lemma: str
    mode: str
    speaker: Speaker | None
    quote: bool = False


class _Reader:
    """One article's text, tokens, sentences, quotes and speaker candidates."""

    def __init__(self, article: Article, entities: Sequence[Span]) -> None:
        self.article = article
        self.text = article.text
        self.tokens = tokenize(self.text)
        self.starts = [t.start for t in self.tokens]
        self.quotes = find_quotes(self.text, nested=True)  # a quoted report's quotes too
        self.headline_end = article.passages[0].end if article.passages else 0
        self.speakers = Speakers(self.text, self.tokens, entities, self.headline_end)
        self.sentences: list[tuple[int, int]] = []  # token index ranges [first, last]
        for passage in article.passages:
            lo = bisect.bisect_left(self.starts, passage.start)
            hi = bisect.bisect_left(self.starts, passage.end)
            index = lo
            for sentence in sentences(self.tokens[lo:hi]):
                self.sentences.append((index, index + len(sentence) - 1))
                index += len(sentence)
        self.sentence_starts = [first for first, _ in self.sentences]
        # the index of the next token that ends a clause, for every token: a clause is
        # looked up once per verb, and a long text without commas made that quadratic
        self._next_stop = [len(self.tokens)] * (len(self.tokens) + 1)
        for j in range(len(self.tokens) - 1, -1, -1):
            self._next_stop[j] = j if self._stops_clause(j) else self._next_stop[j + 1]
        self.teasers = [
            (p.start, p.end) for p in article.passages if p.text.lstrip().startswith(TEASER_START)
        ]

    def token_index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sentence_of(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentence_starts, i) - 1
        return self.sentences[max(k, 0)]

    def clause_end(self, i: int, last: int) -> int:
        """The last token of the clause that token ``i`` is in (before ``,;:`` or the end
        of the sentence at ``last``; in the headline also before a dash between parts)."""
        if i >= last:
            return i
        return min(last, self._next_stop[i + 1] - 1)

    def _stops_clause(self, j: int) -> bool:
        tok = self.tokens[j]
        # a dash in the headline parts it: "Ukraine bestreitet Attacke – Kreml-Berater sagt, …"
        return tok.text in _CLAUSE_STOPS or (tok.text in "–—" and tok.start < self.headline_end)

    def particle(self, i: int, last: int) -> str | None:
        """A separable particle at the end of the clause of the verb at token ``i``."""
        end = self.clause_end(i, last)
        while end > i and not self.tokens[end].text.isalpha():
            end -= 1
        word = self.tokens[end].text
        return word if end > i and word in PARTICLES else None

    def trimmed(self, start: int, end: int, quote: bool) -> tuple[int, int]:
        """``start``–``end`` without surrounding spaces; reported words also without the
        punctuation around them and a leading "dass" (quoted words keep theirs)."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if quote:  # a headline's quote ("US-Senator: "…""): without its marks
            if text[start:end][:1] in _OUTER_MARKS:
                start += 1
            if end > start and text[end - 1] in _OUTER_MARKS:
                end -= 1  # (an inner ‚…‘ at the end of a quote stays)
            return start, end
        while start < end and (text[start].isspace() or text[start] in ",:;–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",.:;–-"):
            end -= 1
        if text[start:end].startswith(("dass ", "Dass ")):
            start += 5
        dateline = parse_dateline(text[start:end])
        if dateline is not None:
            start += dateline.end  # "MOSKAU, 7. Dez. (Reuters) – "
        return start, end


def find_statements(article: Article, entities: Sequence[Span]) -> list[Statement]:
    """The attributed statements of ``article``, in text order."""
    reader = _Reader(article, entities)
    found: list[_Found] = []
    found += _headline(reader)
    found += _direct(reader)
    found += _indirect(reader)
    found += _according_to(reader)
    found = _without_repeats(found)
    found += _continuations(reader, found)
    return _finished(reader, found)


# --- direct speech ------------------------------------------------------------------------


def _direct(r: _Reader) -> list[_Found]:
    out: list[_Found] = []
    uncued: list[Quote] = []
    quotes = r.quotes
    k = 0
    while k < len(quotes):
        quote = quotes[k]
        words = sum(
            1
            for t in r.tokens[r.token_index(quote.start) : r.token_index(quote.end)]
            if t.text[0].isalnum()
        )
        after = _cue_after(r, quote)
        if after is not None:
            cue, cue_lemma, speaker, next_open = after
            end = quote.end
            # "Das ist", sagte er, "eine rote Linie." — one statement around its cue
            if next_open is not None and k + 1 < len(quotes) and quotes[k + 1].open == next_open:
                k += 1
                end = quotes[k].end
            begin = _clause_before(r, quote.open)
            if begin is not None:
                # 'USA „bereit für eine zweite Welle“, sagt Trump': a partly quoted clause
                # is reported speech, its marks part of it
                out.append(_Found(begin, quote.close + 1, cue, cue_lemma, "indirect", speaker))
            else:
                out.append(_Found(quote.start, end, cue, cue_lemma, "direct", speaker, quote=True))
        else:
            before = _cue_before(r, quote, words)
            if before is not None:
                cue, cue_lemma, speaker = before
                out.append(
                    _Found(quote.start, quote.end, cue, cue_lemma, "direct", speaker, quote=True)
                )
            elif words >= SCARE_QUOTE_WORDS and quote.close < _headline_end(r):
                uncued.append(quote)
        k += 1
    return out + _headline_quotes(r, uncued, out)


def _headline_end(r: _Reader) -> int:
    return r.article.passages[0].end if r.article.passages else 0


def _headline_quotes(r: _Reader, quotes: list[Quote], found: list[_Found]) -> list[_Found]:
    """A headline's quote without a cue of its own takes the cue of another quote of the
    headline ("„…“ – USA „…“, sagt Trump"), else of a verb of saying in the teaser that
    reports no words of its own ("Im Video erzählt die 17-Jährige von …"), whose speaker is
    its subject or the person the teaser names."""
    if not quotes:
        return []
    end = _headline_end(r)
    cued = [f for f in found if f.cue.start < end and f.cue_lemma != ":" and f.speaker]
    if cued:
        f = cued[0]
        return [
            _Found(q.start, q.end, f.cue, f.cue_lemma, "direct", f.speaker, True) for q in quotes
        ]
    if len(r.article.passages) < 2:
        return []
    teaser = r.article.passages[1]
    toks = r.tokens
    lo, hi = r.token_index(teaser.start), r.token_index(teaser.end) - 1
    for j in range(lo, hi + 1):
        cue_lemma = say_lemma(toks[j].text, None)
        if cue_lemma is None:
            continue
        first, last = r.sentence_of(j)
        stop = r.clause_end(j, last)
        if stop < last and toks[stop + 1].text in ",:":
            return []  # it reports words of its own
        speaker = r.speakers.subject(first, stop, j)
        if speaker is None or not speaker.resolved:
            speaker = r.speakers.near(lo, hi, lo)
        if speaker is None or not speaker.resolved:
            return []
        return [_Found(q.start, q.end, toks[j], cue_lemma, "direct", speaker, True) for q in quotes]
    return []


def _clause_before(r: _Reader, offset: int) -> int | None:
    """Where the clause that a quote opening at ``offset`` stands in begins, when words of
    it come before the quote ("Der Angriff war eine „…“"), else None."""
    toks = r.tokens
    i = r.token_index(offset) - 1
    begin: int | None = None
    while i >= 0 and toks[i].text not in _CLAUSE_STOPS and toks[i].text not in ".!?–—":
        if toks[i].text in _QUOTE_MARKS or "\n" in r.text[toks[i].end : toks[i + 1].start]:
            break
        if toks[i].text[:1].isalnum():
            begin = toks[i].start
        i -= 1
    if i >= 0 and toks[i].text in ",;" and r.sentence_of(i) == r.sentence_of(i + 1):
        return None  # a quote inside a reported clause ("sagte er, die NATO unternehme „…“")
    return begin


def _cue_after(r: _Reader, quote: Quote) -> tuple[Token, str, Speaker | None, int | None] | None:
    """The cue right after a quote: `"…", sagte Peskow`, `"…", so der Kreml`, and whether
    the quote goes on after it (the offset of the next opening mark)."""
    i = r.token_index(quote.close + 1)
    toks = r.tokens
    if i >= len(toks) or toks[i].text != ",":
        return None
    if "\n" in r.text[quote.close : toks[i].start]:
        return None
    first = i + 1
    if first >= len(toks):
        return None
    stop = first
    while (
        stop < len(toks) - 1
        and toks[stop + 1].text not in ".!?"
        and toks[stop + 1].text not in _QUOTE_MARKS
    ):
        if "\n" in r.text[toks[stop].end : toks[stop + 1].start]:
            break
        stop += 1
    next_open: int | None = None
    if stop + 1 < len(toks) and toks[stop].text == "," and toks[stop + 1].text in _QUOTE_MARKS:
        next_open = toks[stop + 1].start
    head = toks[first]
    if head.text.lower() == "so":
        speaker = r.speakers.near(first + 1, min(first + 4, stop), first + 1)
        return (head, "so", speaker, next_open) if speaker else None
    for j in range(first, min(first + 3, stop + 1)):
        cue_lemma = say_lemma(toks[j].text, r.particle(j, max(stop, j)))
        if cue_lemma:
            speaker = r.speakers.subject(first, stop, j)
            return toks[j], cue_lemma, speaker, next_open
    return None


def _cue_before(r: _Reader, quote: Quote, words: int) -> tuple[Token, str, Speaker | None] | None:
    """The cue before a quote: an introducing sentence ending in a colon (erklärte
    Peskow: "…"; In einer Erklärung heißt es: "…"), or a verb of saying earlier in the
    quote's own sentence (betonte der US-Präsident "…")."""
    toks = r.tokens
    i = r.token_index(quote.open) - 1
    if i < 0:
        return None
    if toks[i].text == ":":
        first, _ = r.sentence_of(i)
        if toks[first].text == ":" and first > 0:
            first, _ = r.sentence_of(first - 1)
        headline = r.article.passages[0].end if r.article.passages else 0
        no_cue_allowed = words >= SCARE_QUOTE_WORDS and toks[i].start > headline
        return _cue_in(r, first, i - 1, require_cue=False, context=no_cue_allowed)
    if "\n" in r.text[toks[i].end : quote.open]:
        return None
    first, _ = r.sentence_of(i)
    if words < SCARE_QUOTE_WORDS:
        # "spricht von „terroristischer Aktion“", "nennt das „sehr bedenklich“": a short
        # quote is a statement only right after its verb of saying
        return _cue_in(r, max(first, i - 4), i, require_cue=True)
    return _cue_in(r, max(first, i - 12), i, require_cue=True)


def _cue_in(
    r: _Reader, first: int, last: int, require_cue: bool, context: bool = False
) -> tuple[Token, str, Speaker | None] | None:
    toks = r.tokens
    for j in range(last, first - 1, -1):
        text = toks[j].text
        if text in ",;" and require_cue:
            return None  # the verb belongs to another clause
        cue_lemma = say_lemma(text, r.particle(j, last)) or noun_cue(text)
        if cue_lemma is None and text in ("heißt", "hieß"):
            cue_lemma = "heißen"
        if cue_lemma:
            speaker = r.speakers.subject(first, last, j)
            if speaker is None and cue_lemma == "heißen":
                # "In einer Erklärung des Weißen Hauses heißt es:" is the White House's;
                # "Es hieß:" goes on with the speaker before it
                speaker = r.speakers.near(first, last, j) or Speaker(
                    "", -1, -1, None, None, "context"
                )
                return toks[j], cue_lemma, speaker
            return (toks[j], cue_lemma, speaker) if speaker or not require_cue else None
    if context:
        # an introduction without a cue goes on with the speaker before it
        return toks[last + 1], ":", Speaker("", -1, -1, None, None, "context")
    return None


# --- reported speech ----------------------------------------------------------------------


def _indirect(r: _Reader) -> list[_Found]:
    out: list[_Found] = []
    toks = r.tokens
    for first, last in r.sentences:
        for j in range(first, last + 1):
            word = toks[j].text
            if word in ("heißt", "hieß") and first + 2 < j < last:
                found = _it_is_said(r, first, last, j)
                if found is not None:
                    out.append(found)
                continue
            verb = say_lemma(word, r.particle(j, last)) or _saying_phrase(r, j, last)
            cue_lemma = verb or noun_cue(word)
            if cue_lemma is None:
                continue
            noun = verb is None
            end = r.clause_end(j, last)
            if cue_lemma == "erklären" and any(t.text == "bereit" for t in toks[j : end + 1]):
                continue  # "erklärten sich bereit": agreed, not said
            found = None if noun else _participle_after(r, first, last, j, cue_lemma)
            found = found or _reported_after(r, first, last, j, cue_lemma, noun)
            if found is None and not noun:
                found = _reported_before(r, first, last, j, cue_lemma)
            if found is None and not noun:
                found = _reported_demand(r, first, last, j, cue_lemma)
            if found is not None:
                out.append(found)
    return out


def _saying_phrase(r: _Reader, j: int, last: int) -> str | None:
    """A verb that is a cue with an adjective of its clause: "machte deutlich, dass …",
    "machte darauf aufmerksam, dass …" (by the verb's lemma, "machen")."""
    toks = r.tokens
    word = toks[j].text
    if not word.isalpha() or not word[:1].islower() or "mach" not in word:
        return None
    if lemma(word)[0] != "machen":
        return None
    end = r.clause_end(j, last)
    for tok in toks[j + 1 : end + 1]:
        if tok.text in _SAYING_WITH:
            return _SAYING_WITH[tok.text]
    return None


def _infinitive(r: _Reader, first: int, last: int) -> bool:
    """Tokens ``first``..``last`` hold a zu-infinitive ("anzugreifen", "zu verhängen")."""
    toks = r.tokens
    for i in range(first, last + 1):
        word = toks[i].text
        if not word.isalpha() or not word[:1].islower():
            continue
        if "zu" in word[1:] and lemma(word)[1] == "VV(IZU)":
            return True
        if word == "zu" and i < last and lemma(toks[i + 1].text)[1].endswith("(INF)"):
            return True
    return False


def _reported_end(r: _Reader, k: int, last: int) -> int:
    """The last token of a reported clause that begins at ``k``: the end of the sentence,
    before a trailing ", so der Kreml" or ", teilte … mit"."""
    toks = r.tokens
    for j in range(k + 1, last):
        if toks[j].text != ",":
            continue
        nxt = toks[j + 1].text
        if nxt.lower() == "so" or (nxt[:1].islower() and _finite(nxt)):
            return j - 1  # ", so der Kreml", ", teilte … mit", ", hat … bestritten"
        if nxt == "und" and j + 2 <= last and _finite(toks[j + 2].text):
            return j - 1  # ", und schlug Putin … vor": the sentence goes on with another
    return last


def _finite_or_participle(word: str) -> bool:
    tag = lemma(word.lower())[1]
    return "FIN" in tag or "PP" in tag or preterite_of(word.lower()) is not None


def _finite(word: str) -> bool:
    """A finite verb form (in lower case: "Versuche" is a noun, "versuche" a verb)."""
    return word.isalpha() and word[:1].islower() and "FIN" in lemma(word)[1]


# --- according to ---------------------------------------------------------------------------


def _according_to(r: _Reader) -> list[_Found]:
    out: list[_Found] = []
    toks = r.tokens
    for first, last in r.sentences:
        for j in range(first, last + 1):
            low = toks[j].text.lower()
            found: _Found | None = None
            if low == "laut" and j < last:
                found = _phrase(
                    r,
                    first,
                    last,
                    j,
                    r.speakers.near(j + 1, min(j + 4, last), j + 1, places=True),
                    after=True,
                )
            elif low == "zufolge":
                found = _phrase(
                    r,
                    first,
                    last,
                    j,
                    r.speakers.near(max(first, j - 4), j - 1, j - 1, places=True),
                    after=False,
                )
            elif low == "nach" and _source_noun(r, j, last) is not None:
                noun = _source_noun(r, j, last) or j
                speaker = r.speakers.near(noun + 1, min(noun + 5, last), noun + 1, places=True)
                cue_lemma = f"nach {toks[noun].text}"  # ("nach Angaben" is a plural)
                found = _phrase(r, first, last, j, speaker, after=True, cue_lemma=cue_lemma)
            elif low == "so" and j > first and toks[j - 1].text == ",":
                speaker = r.speakers.near(j + 1, min(j + 4, last), j + 1)
                if speaker is not None:
                    found = _Found(
                        toks[first].start, toks[j - 2].end, toks[j], "so", "according_to", speaker
                    )
            elif low == "wie" and j + 2 <= last:
                found = _as_reported(r, j, last)
            if found is not None:
                out.append(found)
    return out


def _source_noun(r: _Reader, j: int, last: int) -> int | None:
    """After "nach" at token ``j``, the noun of saying that makes it an attribution ("nach
    Angaben des Kremls", "nach der Darstellung Russlands"), as a token index."""
    toks = r.tokens
    k = j + 1
    if k <= last and toks[k].text in ("der", "den", "eigener", "eigenen"):
        k += 1
    if k <= last and noun_cue(toks[k].text) and toks[k].text not in ("Bericht", "Hinweis"):
        return k
    return None


def _phrase(
    r: _Reader,
    first: int,
    last: int,
    j: int,
    speaker: Speaker | None,
    after: bool,
    cue_lemma: str | None = None,
) -> _Found | None:
    """A statement attributed by a phrase at token ``j`` ("laut dem Kreml", "dem Weißen
    Haus zufolge"): what the rest of the sentence says."""
    if speaker is None:
        return None
    toks = r.tokens
    phrase_start = toks[j].start if after else min(toks[j].start, _np_start(r, speaker, first))
    phrase_end = max(toks[j].end, speaker.end)
    start, end = toks[first].start, toks[last].end
    if phrase_start <= start + 2:
        start = phrase_end
    elif phrase_end >= end - 2:
        end = phrase_start
    word = toks[j].text
    return _Found(start, end, toks[j], cue_lemma or lemma(word.lower())[0], "according_to", speaker)


def _np_start(r: _Reader, speaker: Speaker, first: int) -> int:
    i = r.token_index(speaker.start)
    while i > first and r.tokens[i - 1].text.lower() in {
        "dem",
        "der",
        "den",
        "des",
        "einem",
        "einer",
    }:
        i -= 1
    return r.tokens[i].start


def _as_reported(r: _Reader, j: int, last: int) -> _Found | None:
    """ "Wie der Kreml weiter mitteilte, erklärten sich …": the main clause after it."""
    toks = r.tokens
    end = r.clause_end(j, last)
    if end + 2 > last or toks[end + 1].text != "," or toks[j + 1].text in ("von", "vom"):
        return None
    for c in range(end, j, -1):
        cue_lemma = say_lemma(toks[c].text, None)
        if cue_lemma:
            speaker = r.speakers.near(j + 1, c - 1, j + 1)
            if speaker is None:
                return None
            return _Found(
                toks[end + 2].start, toks[last].end, toks[c], cue_lemma, "according_to", speaker
            )
    return None


def _headline(r: _Reader) -> list[_Found]:
    """A speaker and a colon at the start of a headline or of one of its parts ("Kreml: Putin
    und Biden werden …", "US-Angriff auf Venezuela: Trump: Wir haben …", "… +++ Kreml:
    Raketen stationiert +++"), or of a teaser's ("Mehr zum Thema - US-Senator: "…"")."""
    out: list[_Found] = []
    # the headline and the first passage (a front page's teaser: "… +++ Kreml: … +++")
    ranges = [(p.start, p.end) for p in r.article.passages[:2]] + list(r.teasers)
    toks = r.tokens
    for lo, hi in ranges:
        first, stop = r.token_index(lo), r.token_index(hi) - 1
        bounds = [first - 1] + [c for c in range(first, stop + 1) if _part_break(r, c)]
        for n, colon in enumerate(bounds[1:], start=1):
            if toks[colon].text != ":":
                continue
            quoted = colon + 1 <= stop and toks[colon + 1].text in _QUOTE_MARKS
            if colon - bounds[n - 1] > (_QUOTED_HEADLINE_WORDS if quoted else _HEADLINE_WORDS + 2):
                continue
            begin = bounds[n - 1] + 1
            k = n + 1  # the part ends at the next break that is no colon
            while k < len(bounds) and toks[bounds[k]].text == ":":
                k += 1
            end = (bounds[k] if k < len(bounds) else stop + 1) - 1
            if begin >= colon or end <= colon:
                continue
            found = _speaker_colon(r, begin, colon, end, quoted)
            if found is not None:
                out.append(found)
    return out


def _part_break(r: _Reader, c: int) -> bool:
    """Token ``c`` separates parts of a headline: a colon, a dash between spaces, "+++"."""
    text = r.tokens[c].text
    spaced = r.text[r.tokens[c].start - 1 : r.tokens[c].start].isspace()
    return text == ":" or (text in "–—-+|" and spaced)


def _speaker_colon(r: _Reader, begin: int, colon: int, end: int, quoted: bool) -> _Found | None:
    toks = r.tokens
    if quoted:
        # "Trump nach Angriff in Venezuela: „Niemand …“": who stands first speaks, or the
        # office named ("Venezuelas Innenminister: "…"")
        speaker = r.speakers.at(begin)
        if speaker is None or speaker.kind == "pronoun":
            speaker = r.speakers.near(begin, colon - 1, begin)
        if speaker is None or speaker.kind == "pronoun":
            return None
    else:
        speaker = r.speakers.near(begin, colon - 1, colon - 1, places=True)
        if speaker is None or speaker.kind == "pronoun":
            return None
        if not _only_speaker(r, begin, colon - 1, speaker):
            return None
        if speaker.label == "LOC" and colon - begin == 1 and not _says(r, begin, colon):
            return None  # "Berlin: …", "Schweiz: …": a place as the topic
    if not quoted and toks[end].text == "?":
        return None  # "Berlinale: Wie spricht man mit Filmstars?": a topic and a question
    mode = "direct" if quoted else "according_to"
    start, stop = toks[colon + 1 if quoted else colon].end, toks[end].end
    return _Found(start, stop, toks[colon], ":", mode, speaker, quote=quoted)


def _says(r: _Reader, begin: int, colon: int) -> bool:
    return any(say_lemma(t.text, None) for t in r.tokens[begin:colon])


def _only_speaker(r: _Reader, first: int, last: int, speaker: Speaker) -> bool:
    """Tokens ``first``..``last`` are the speaker with at most articles and adjectives
    ("Kreml", "US-Senator", "Russlands Außenminister Lawrow"), not a topic ("Flugunglück
    über New Jersey")."""
    for n, tok in enumerate(r.tokens[first : last + 1]):
        if speaker.start <= tok.start < speaker.end:
            continue
        if tok.text[:1].isupper() and r.speakers.entity_at(tok) is None:
            if n == 0 and lemma(tok.text.lower())[1].startswith("ADJ"):
                continue  # "Übereinstimmende Medienberichte:": an adjective begins the part
            if not is_role(tok.text):
                return False
        elif (
            tok.text[:1].islower()
            and tok.text not in {"der", "die", "das"}
            and not (say_lemma(tok.text, None) or tok.text in _SURE)
        ):
            return False
    return True


# --- going on, repeats, relays ----------------------------------------------------------------


def _continuations(r: _Reader, found: list[_Found]) -> list[_Found]:
    """A Konjunktiv I sentence right after a statement goes on with it ("Dies werde jedoch
    … sein."), unless it has a cue of its own."""
    out: list[_Found] = []
    toks = r.tokens
    for first, last in r.sentences:
        start = toks[first].start
        if any(f.start <= start < f.end for f in found + out):
            continue
        if first == 0:
            continue
        prev_first, prev_last = r.sentence_of(first - 1)
        lo, hi = toks[prev_first].start, toks[prev_last].end
        previous = [
            f
            for f in found + out
            if f.end <= start
            and (_gap_is_small(r, f.end, start) or lo <= f.cue.start < hi or lo < f.end <= hi)
        ]
        if not previous:
            continue
        words = toks[first : last + 1]
        if any(say_lemma(t.text, None) or noun_cue(t.text) for t in words):
            continue  # a sentence with a cue of its own
        verb = next(
            (
                j
                for j in range(first, last + 1)
                if toks[j].text[:1].islower()
                and (konjunktiv_one(toks[j].text) or toks[j].text in _GOING_ON)
            ),
            None,
        )
        if verb is None:
            continue
        before = max(previous, key=lambda f: f.end)
        cue = toks[verb]
        mode = "according_to" if cue.text in _GOING_ON else "indirect"  # "soll demnach …"
        out.append(
            _Found(start, toks[last].end, cue, lemma(cue.text.lower())[0], mode, before.speaker)
        )
    return out


def _gap_is_small(r: _Reader, end: int, start: int) -> bool:
    """Nothing but marks, spaces and one paragraph break between ``end`` and ``start``."""
    between = r.text[end:start]
    return between.count("\n\n") <= 1 and all(c in _QUOTE_MARKS + " \n.!?,;" for c in between)


def _without_repeats(found: list[_Found]) -> list[_Found]:
    """One statement where two rules found the same words: quotes first, then the one
    whose cue is nearer to its words."""
    order = sorted(
        found, key=lambda f: (not f.quote, f.mode != "indirect", f.start, f.start - f.end)
    )
    kept: list[_Found] = []
    for f in order:
        if any(_same_words(f, k) or _same_quote(f, k) for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _same_quote(a: _Found, b: _Found) -> bool:
    """``a`` is part of the quote ``b`` where one of them begins or ends (a headline rule's
    view of a longer quote), not a quote nested inside it (that one is a statement too)."""
    inside = b.quote and a.quote and b.start - 1 <= a.start and a.end <= b.end + 1
    return inside and (a.start - b.start <= 2 or b.end - a.end <= 2)


def _same_words(a: _Found, b: _Found) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and overlap >= 0.8 * max(a.end - a.start, b.end - b.start)


def _finished(r: _Reader, found: list[_Found]) -> list[Statement]:
    """Statements with resolved speakers and relays, outer reports of inner ones folded."""
    found = sorted(found, key=lambda f: (f.start, -f.end))
    resolved: list[tuple[_Found, Speaker | None]] = []
    for f in found:
        speaker = f.speaker
        if speaker is not None and speaker.kind == "context":
            # "…, so der Kreml. …, hieß es weiter": who said the last thing before, the
            # outermost of the statements that end last (the Kremlin, not whom it quotes)
            said = [(g, sp) for g, sp in resolved if sp is not None and sp.resolved]
            last = max(said, key=lambda e: (e[0].end, -e[0].start), default=None)
            speaker = last[1] if last is not None else None
            if speaker is None:
                continue  # words after a colon that nobody said
        elif speaker is not None and speaker.kind == "pronoun":
            earlier = _earlier_speaker(r, resolved, f.cue.start)
            if earlier is not None:
                speaker = replace(speaker, canonical=earlier.canonical, label=earlier.label)
        resolved.append((f, speaker))
    out: list[Statement] = []
    dropped: set[int] = set()
    relays: dict[int, list[tuple[int, str]]] = {}
    for o, (outer, outer_speaker) in enumerate(resolved):
        for i, (inner, inner_speaker) in enumerate(resolved):
            if o == i or not _contains(outer, inner):
                continue
            if outer.start <= inner.cue.start < outer.end:
                # a statement reported inside another: the outer speaker relays it
                if _name(outer_speaker):
                    relays.setdefault(i, []).append((outer.end - outer.start, _name(outer_speaker)))
                if not outer.quote and not inner.cue_lemma[:1].isupper():
                    # (a noun of saying is part of what the outer one says: "reagierte
                    # auf Bidens Drohung, … zu verhängen, hieß es")
                    dropped.add(o)
            elif inner.quote and not outer.quote:
                # quoted words of a reported statement, attributed after the quote
                dropped.add(i)
                if _name(inner_speaker):
                    relays.setdefault(o, []).append((0, _name(inner_speaker)))
    for n, (f, speaker) in enumerate(resolved):
        if n in dropped:
            continue
        start, end = r.trimmed(f.start, f.end, f.quote)
        if end - start < 3:
            continue
        via = tuple(
            dict.fromkeys(name for _, name in sorted(relays.get(n, [])) if name != _name(speaker))
        )
        out.append(
            Statement(
                start=start,
                end=end,
                cue_start=f.cue.start,
                cue_end=f.cue.end,
                cue=f.cue.text,
                cue_lemma=f.cue_lemma,
                mode=f.mode,
                speaker=speaker.text if speaker else "",
                speaker_start=speaker.start if speaker else -1,
                speaker_end=speaker.end if speaker else -1,
                canonical=speaker.canonical if speaker else None,
                speaker_type=speaker.label if speaker else None,
                resolved=bool(speaker and speaker.resolved),
                relays=via,
                teaser=any(a <= start < b for a, b in r.teasers),
                passage=_passage_of(r.article, start),
                text=r.text[start:end],
                side=r.speakers.side(speaker),
                words=tuple(sorted(stems(r.text[start:end]))),
            )
        )
    return out


def _passage_of(article: Article, offset: int) -> int:
    for p in article.passages:
        if p.start <= offset < p.end:
            return p.index
    return 0


def _contains(outer: _Found, inner: _Found) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end + 1
        and outer.end - outer.start > inner.end - inner.start
    )


def _name(speaker: Speaker | None) -> str:
    if speaker is None:
        return ""
    return speaker.canonical or speaker.text


def _earlier_speaker(
    r: _Reader, resolved: list[tuple[_Found, Speaker | None]], before: int
) -> Speaker | None:
    """For a pronoun: the nearest resolved person before it, a statement's speaker or a
    person named in the two sentences before."""
    candidates: list[tuple[int, Speaker]] = []
    for _f, speaker in resolved:
        if speaker is not None and speaker.resolved and speaker.start < before:
            candidates.append((speaker.start, speaker))
    i = r.token_index(before)
    first, _ = r.sentence_of(i)
    if first > 0:
        first, _ = r.sentence_of(first - 1)
    for j in range(first, i):
        span = r.speakers.entity_at(r.tokens[j])
        if span is None or span.label != "PER" or span.start != r.tokens[j].start:
            continue
        if r.speakers.is_object(j, r.sentence_of(j)[0]):
            continue  # "äußerte sich gegenüber Putin …. Er": not the one who goes on
        candidates.append((span.start, Speaker.of(span)))
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _reported_after(
    r: _Reader, first: int, last: int, j: int, cue_lemma: str, noun: bool
) -> _Found | None:
    """Cue, then what was said: "Er erklärte, Russland werde …", "betonte, dass …"."""
    toks = r.tokens
    end = r.clause_end(j, last)
    if end + 2 > last or toks[end + 1].text not in ",:":
        return None
    if noun and j > 0 and toks[j - 1].text.lower() == "nach":
        return None  # "nach Angaben des Kremls": an attribution, found as one
    if not noun and not _finite_or_participle(toks[j].text):
        return None  # "…, zu einer Entspannung aufzurufen, aber …"
    if j >= 2 and toks[j - 1].text == "," and toks[j - 2].text in _QUOTE_MARKS:
        return None  # '"Das ist", sagte er, "eine …"': the cue inside a quote
    k = end + 2
    head = toks[k].text
    if head.lower() in _NOT_REPORTED:
        return None
    adjective = toks[end].text[:1].islower() and lemma(toks[end].text.lower())[1].startswith("ADJ")
    if adjective and toks[end].text not in _SAYING_WITH:
        return None  # "vor neuen, härteren Sanktionen": a comma inside a phrase
    clause_last = r.clause_end(k, last)
    while clause_last > k and not toks[clause_last].text.isalpha():
        clause_last -= 1
    if head != "dass" and head.lower() in _RELATIVE and _finite(toks[clause_last].text):
        return None  # ", die die USA … verhängen würden": a relative clause
    if (
        noun
        and head != "dass"
        and not any(konjunktiv_one(t.text) for t in toks[k : clause_last + 1])
        and not _infinitive(r, k, clause_last)
    ):
        return None  # "die Drohung, … Zölle zu verhängen" is reported, "die Warnung, die …" not
    if toks[end + 1].text == ":" and head in _QUOTE_MARKS:
        return None  # direct speech, found with its quote
    if head[:1].islower() and _finite(head):
        return None  # "…, die … fordern, teilte der Kreml mit": the next clause is the cue
    speaker = _noun_speaker(r, j) if noun else None
    speaker = speaker or r.speakers.subject(_part_start(r, first, j), end, j)
    if speaker is None and not _passive(r, first, end, j):
        return None
    stop = _reported_end(r, k, last)
    quote = next((q for q in r.quotes if q.open == toks[k].start), None)
    if quote is not None and not r.text[quote.close + 1 : toks[stop].end].strip(".,;!? "):
        # "forderte Russland auf, „die Spannungen zu deeskalieren“": all of it quoted
        return _Found(quote.start, quote.end, toks[j], cue_lemma, "direct", speaker, quote=True)
    return _Found(toks[k].start, toks[stop].end, toks[j], cue_lemma, "indirect", speaker)


def _part_start(r: _Reader, first: int, j: int) -> int:
    """The first token of the headline part that token ``j`` is in ("Ukraine bestreitet
    … – Kreml-Berater sagt, …": the part after the dash), else ``first``."""
    for c in range(j - 1, first, -1):
        if _part_break(r, c):
            return c + 1
    return first


def _noun_speaker(r: _Reader, j: int) -> Speaker | None:
    """Whose the noun of saying at token ``j`` is: "Bidens Drohung", "die Forderung des
    Kremls", "die Warnung von Peskow"."""
    toks = r.tokens
    if j > 0:
        span = r.speakers.entity_at(toks[j - 1])
        if (
            span is not None
            and (span.label == "PER" or speaks_as_body(span))
            and toks[j - 1].text.endswith("s")
        ):
            return r.speakers.at(j - 1)
    if j + 2 < len(toks) and toks[j + 1].text in ("des", "der", "von", "vom"):
        return r.speakers.at(j + 2)
    return None


def _passive(r: _Reader, first: int, end: int, j: int) -> bool:
    """The cue at token ``j`` is a participle in a passive ("Es sei darauf hingewiesen
    worden, dass …"): a statement of nobody named."""
    toks = r.tokens
    if "PP" not in lemma(toks[j].text.lower())[1]:
        return False
    return any(t.text in _PASSIVE for t in toks[first : end + 1])


def _reported_demand(r: _Reader, first: int, last: int, j: int, cue_lemma: str) -> _Found | None:
    """A verb of saying in Konjunktiv I with what was said as its object, inside a report:
    "…, Putin fordere neue Garantien" (Putin demands, as somebody reports)."""
    toks = r.tokens
    if not konjunktiv_one(toks[j].text) or j + 1 > last or toks[j + 1].text in _CLAUSE_STOPS:
        return None
    end = r.clause_end(j, last)
    speaker = r.speakers.subject(max(first, j - 4), j - 1, j)
    if speaker is None or end <= j:
        return None
    return _Found(toks[j + 1].start, toks[end].end, toks[j], cue_lemma, "indirect", speaker)


def _it_is_said(r: _Reader, first: int, last: int, j: int) -> _Found | None:
    """ "…, hieß es (weiter) aus dem Kreml.": what was said before it, by the source named
    after it, else by the speaker of the statement before (an impersonal "es hieß" with
    nobody in reach is dropped when the statements are finished)."""
    toks = r.tokens
    if toks[j - 1].text != "," or toks[j + 1].text != "es" or toks[j - 2].text in _QUOTE_MARKS:
        return None
    end = r.clause_end(j, last)
    speaker = r.speakers.subject(j + 2, end, j) if end > j + 1 else None
    speaker = speaker or Speaker("", -1, -1, None, None, "context")
    return _Found(toks[first].start, toks[j - 2].end, toks[j], "heißen", "indirect", speaker)


def _participle_after(r: _Reader, first: int, last: int, j: int, cue_lemma: str) -> _Found | None:
    """A perfect tense whose participle comes after what was said: "Der Kreml hat jede
    Absicht, die Ukraine anzugreifen, bestritten" (the infinitive is the statement)."""
    toks = r.tokens
    if j < first + 3 or toks[j - 1].text != "," or "PP" not in lemma(toks[j].text.lower())[1]:
        return None
    begin = j - 2
    while begin > first and toks[begin - 1].text not in _CLAUSE_STOPS:
        begin -= 1
    if begin <= first or toks[begin - 1].text != ",":
        return None
    if not _infinitive(r, j - 2, j - 2) or toks[begin].text.lower() in _NOT_REPORTED:
        return None
    if not any(t.text in _AUXILIARIES for t in toks[first:begin]):
        return None
    speaker = r.speakers.subject(first, j, j)
    if speaker is None:
        return None
    return _Found(toks[begin].start, toks[j - 2].end, toks[j], cue_lemma, "indirect", speaker)


def _reported_before(r: _Reader, first: int, last: int, j: int, cue_lemma: str) -> _Found | None:
    """What was said, then the cue: "…, teilte der Kreml mit.", and "Das hat der Kreml
    mitgeteilt" after the sentence the Kremlin said."""
    toks = r.tokens
    end = r.clause_end(j, last)
    if end + 1 <= last and toks[end + 1].text == ":":
        return None  # "…, erklärte Peskow:" introduces the quote that follows
    if j > first + 2 and toks[j - 1].text == "," and toks[j - 2].text in _QUOTE_MARKS:
        return None  # '"…", sagte er': direct speech, found with its quote
    if j > first + 2 and toks[j - 1].text == "," and _finite(toks[j].text):
        speaker = r.speakers.subject(j, end, j)
        if speaker is None:
            return None
        return _Found(toks[first].start, toks[j - 2].end, toks[j], cue_lemma, "indirect", speaker)
    if j - first <= 5 and toks[first].text in ("Das", "Dies") and first > 0:
        speaker = r.speakers.subject(first + 1, end, j)
        prev_first, prev_last = r.sentence_of(first - 1)
        if speaker is not None and prev_last == first - 1:
            start, stop = toks[prev_first].start, toks[prev_last].end
            return _Found(start, stop, toks[j], cue_lemma, "indirect", speaker)
    return None
