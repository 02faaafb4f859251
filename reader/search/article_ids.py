"""Article ids that depend only on the files the corpus holds (reliability review, finding 9).

An article claims an id: its file name without extension, a front-matter ``id``, a JSONL
record's ``id``. When several claim one id (``a/x.txt`` and ``b/x.txt``), the claimant whose
path relative to its corpus root sorts first (then its absolute path, then its place in the
file) keeps it; every other gets ``<id>~<hash of its relative path>``. Discovery order and
the index's history play no part, so an update reaches the ids a rebuild gives: when the
holder of an id goes, the next claimant takes it (its file is read again to re-key it).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.corpus.files import Problem
from reader.corpus.model import Article, Passage, passage_id
from reader.search.scan import corpus_roots as corpus_roots  # (moved: the scan needs it)
from reader.search.store import ArticleStore

HASH_CHARS = 8
_SUFFIXED = re.compile(rf"(.+)~[0-9a-f]{{{HASH_CHARS}}}")


def relative_path(file: str, roots: Sequence[Path]) -> str:
    """``file`` relative to the outermost corpus root holding it (a root that is the file
    itself: its name; under no root, as a link target may be: the absolute path)."""
    path = Path(file)
    for root in roots:
        if path == root:
            return path.name
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.as_posix()


@dataclass(frozen=True, slots=True, order=True)
class Claim:
    """One article asking for the id ``wanted``; claims sort in the order they win."""

    rel: str
    file: str
    seq: int
    wanted: str = field(compare=False)
    current: str = field(compare=False, default="")
    """The id the store has for it now; ``""`` for an article just read."""


def settle(group: list[Claim], claimed: Callable[[str], bool]) -> dict[Claim, str]:
    """The id of every claimant of one id; ``claimed(aid)``: whether an article asks for
    ``aid`` itself (a file named ``x~1a2b3c4d.txt``), which a suffixed id then avoids."""
    first, *others = sorted(group)
    ids = {first: first.wanted}
    used = {first.wanted}
    in_file = Counter([first.file])
    for claim in others:
        candidates = _suffixed(claim, in_file[claim.file])
        in_file[claim.file] += 1
        new = next(aid for aid in candidates if aid not in used and not claimed(aid))
        ids[claim] = new
        used.add(new)
    return ids


def _suffixed(claim: Claim, nth: int) -> Iterator[str]:
    """``<id>~<hash of the relative path>`` (with ``nth`` for an id a file gives twice, so
    the second keeps its id whether the first wins or not); then hashes that also take the
    absolute path and a counter (the same relative path under two roots)."""
    parts = [claim.rel] if nth == 0 else [claim.rel, str(nth)]
    yield f"{claim.wanted}~{_digest(parts)}"
    for n in itertools.count(1):
        yield f"{claim.wanted}~{_digest([*parts, claim.file, str(n)])}"


def _digest(parts: list[str]) -> str:
    text = "\0".join(parts)
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:HASH_CHARS]


def with_neighbours(claims: Iterable[str]) -> set[str]:
    """The ids to settle again when these claims come or go: each, and the id of which a
    claim like ``x~1a2b3c4d`` could be a suffixed form (that group must then avoid it)."""
    found: set[str] = set()
    for claim in claims:
        found.add(claim)
        match = _SUFFIXED.fullmatch(claim)
        if match:
            found.add(match.group(1))
    return found


@dataclass
class IdPlan:
    ids: dict[tuple[str, int], str]
    """``(file, seq) -> id`` for every article of the files read."""
    holders: dict[str, str]
    """``claimed id -> file`` that keeps it, for every id claimed twice or more."""
    stale: set[str]
    """Files not read whose stored ids change: they must be read too."""


def plan_ids(
    store: ArticleStore,
    roots: Sequence[Path],
    read: dict[str, list[str]],
    gone: Iterable[str],
    everything: bool = False,
) -> IdPlan:
    """Settle the ids the files just ``read`` (file -> the ids its articles claim, in order)
    and the ``gone`` files touch, against what the store holds of the other files;
    ``everything``: settle every id claimed twice (the corpus roots changed)."""
    replaced = set(gone) | read.keys()
    new_claims = {claim for claims in read.values() for claim in claims}
    touched = with_neighbours(new_claims | set(store.claims_of(replaced)))
    if everything:
        touched |= store.shared_claims()
    groups: dict[str, list[Claim]] = defaultdict(list)
    for wanted, file, seq, current in store.claimants(touched):
        if file not in replaced:
            groups[wanted].append(Claim(relative_path(file, roots), file, seq, wanted, current))
    for file, claims in read.items():
        rel = relative_path(file, roots)
        for seq, wanted in enumerate(claims):
            groups[wanted].append(Claim(rel, file, seq, wanted))

    def claimed(aid: str) -> bool:
        return aid in new_claims or any(f not in replaced for f in store.files_claiming(aid))

    plan = IdPlan({}, {}, set())
    for group in groups.values():
        if len(group) > 1:
            plan.holders[group[0].wanted] = min(group).file
        for claim, aid in settle(group, claimed).items():
            if claim.current:
                if claim.current != aid:
                    plan.stale.add(claim.file)
            else:
                plan.ids[(claim.file, claim.seq)] = aid
    return plan


def give_id(article: Article, new: str, holders: dict[str, str], problems: list[Problem]) -> None:
    """Give ``article`` (and its passages) the id it settled on, with a warning if that is
    not the id it asked for."""
    wanted = article.id
    if new == wanted:
        return
    problems.append(
        Problem(
            article.path,
            f"duplicate article id {wanted!r} (kept by {holders.get(wanted, '?')}); using {new!r}",
            skipped=False,
        )
    )
    article.id = new
    article.passages = [
        Passage(passage_id(new, p.index), new, p.index, p.start, p.end, p.text)
        for p in article.passages
    ]
