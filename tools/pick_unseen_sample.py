"""Pick the unseen gold sample for entity recognition: corpus paragraphs to hand-annotate.

Deterministic (fixed seed). Draws from the middle third of each corpus file, away from the
first 2000 lines that benchmarks use, and prefers paragraphs that likely hold names: at
least ``MIN_NAMES`` occurrences of name-like words. A word is name-like by its distribution
over the whole corpus file, not by any recogniser's rules: capitalised, not opening a
sentence, seen at least twice, and almost never (<= 10 %) right after an article, a
determiner, a number or an inflected adjective, as common nouns are ("die Polizei",
"15 Uhr", "einem Krankenhaus"), while "in Tegel", "Friedrich Merz" are not. So the
sample does not favour the names any one recogniser knows.

- berlin-police-reports.jsonl: one paragraph per article (``record["text"]`` split on
  ``"\\n"``, see ``reader_dev.ner.gold.split_paragraphs``).
- frontpages-2026.jsonl: items with a teaser; the unit is title + ``"\\n"`` + teaser, spread
  evenly over the outlets; items whose title or teaser repeats an earlier pick are skipped.

Prints one JSON reference a line (no corpus text), or with ``--show`` the texts to read
(for annotating; never store them in the project)::

    python tools/pick_unseen_sample.py [--corpora DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis.tokens import TOKEN_RE
from reader_dev.ner.gold import (
    default_corpora_dir,
    sha1,
    split_paragraphs,
    unit_key,
    unit_text,
)

SEED = 20140101
POLICE, POLICE_N = "berlin-police-reports.jsonl", 30
FRONTPAGES, FRONTPAGES_N = "frontpages-2026.jsonl", 20
FRONTPAGE_SOURCES = 10
MIN_NAMES, MIN_CHARS, MAX_CHARS = 2, 100, 700
COMMON_SHARE = 0.1
DETERMINERS = frozenset(
    (
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "im",
        "am",
        "zum",
        "zur",
        "vom",
        "beim",
        "ins",
        "kein",
        "keine",
        "keinen",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "alle",
        "mehrere",
        "zwei",
        "drei",
        "viele",
        "gestern",
        "heute",
        "morgen",
    )
)
OPENERS = frozenset('.!?:"„“»«')


def capitalised_inner(text: str) -> list[tuple[str, bool]]:
    """Capitalised words that do not open a line, a sentence or a quote, each with whether
    a determiner, number or inflected lower-case word (an adjective) stands right before.

    Tokens as :func:`reader.analysis.tokens.tokenize` finds them, taken line by line without
    making token objects (this runs over every word of both corpora). A word right before a
    line break opens the next line's context; one followed by spaces first does not."""
    words: list[tuple[str, bool]] = []
    previous = "."
    for line in text.split("\n"):
        for word in TOKEN_RE.findall(line):
            if word[0].isupper() and word[0].isalpha() and previous not in OPENERS:
                common = (
                    previous.lower() in DETERMINERS
                    or previous[0].isdigit()
                    or (previous[0].islower() and previous.endswith(("e", "en", "er", "es", "em")))
                )
                words.append((word, common))
            previous = word
        if line and not line[-1].isspace():
            previous = "."
    return words


def name_like_words(records: list[dict[str, Any]]) -> set[str]:
    """Words of the corpus that behave like names (see the module docstring)."""
    total: Counter[str] = Counter()
    common: Counter[str] = Counter()
    for record in records:
        for word, after_determiner in capitalised_inner(f"{record['title']}\n{record['text']}"):
            total[word] += 1
            common[word] += after_determiner
    return {w for w, n in total.items() if n >= 2 and common[w] <= COMMON_SHARE * n}


def middle_third(path: Path) -> tuple[list[dict[str, Any]], set[str]]:
    """The records of the middle third of ``path``, and the name-like words of all of it."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    n = len(records)
    return records[n // 3 : 2 * n // 3], name_like_words(records)


def name_likely(text: str, names: set[str]) -> bool:
    """A whole paragraph (starts with a capital) of a readable length with some names."""
    if not MIN_CHARS <= len(text) <= MAX_CHARS or not text[:1].isupper():
        return False
    return sum(w in names for w, _ in capitalised_inner(text)) >= MIN_NAMES


def pick(corpora: Path, rng: random.Random) -> list[dict[str, Any]]:
    """The references of the sample, each with its text under ``"_text"``."""
    picked: list[dict[str, Any]] = []

    records, names = middle_third(corpora / POLICE)
    candidates = []
    for record in records:
        paragraphs = split_paragraphs(record["text"])
        fitting = [i for i, p in enumerate(paragraphs) if name_likely(p, names)]
        if fitting:
            candidates.append((record, fitting))
    for record, fitting in rng.sample(candidates, POLICE_N):
        picked.append(_reference(POLICE, record, rng.choice(fitting), False))

    records, names = middle_third(corpora / FRONTPAGES)
    by_source: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record["text"].strip() and name_likely(unit_text(record, 0, True), names):
            by_source.setdefault(record["source"], []).append(record)
    sources = sorted(by_source, key=lambda s: (-len(by_source[s]), s))[:FRONTPAGE_SOURCES]
    sources.sort()
    pools = {source: list(by_source[source]) for source in sources}
    for pool in pools.values():
        rng.shuffle(pool)
    seen: set[str] = set()
    taken = 0
    while taken < FRONTPAGES_N and any(pools.values()):
        for source in sources:
            while pools[source] and taken < FRONTPAGES_N:
                record = pools[source].pop()
                if record["title"] in seen or record["text"] in seen:
                    continue
                seen.update((record["title"], record["text"]))
                picked.append(_reference(FRONTPAGES, record, 0, True))
                taken += 1
                break
    return picked


def _reference(corpus: str, record: dict[str, Any], paragraph: int, with_title: bool):
    text = unit_text(record, paragraph, with_title)
    ref: dict[str, Any] = {"corpus": corpus, "id": record["id"], "paragraph": paragraph}
    if with_title:
        ref["with_title"] = True
    ref["sha1"] = sha1(text)
    ref["_text"] = text
    return ref


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, help="folder of the corpus JSONL files")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show", action="store_true", help="print the texts to annotate")
    args = parser.parse_args(argv)
    repo_root = Path(__file__).resolve().parent.parent
    corpora = args.corpora or default_corpora_dir(repo_root)
    for name in (POLICE, FRONTPAGES):
        if not (corpora / name).is_file():
            print(f"{corpora / name}: corpus file not found (use --corpora)", file=sys.stderr)
            return 2
    for n, ref in enumerate(pick(corpora, random.Random(args.seed))):
        text = ref.pop("_text")
        if args.show:
            key = unit_key(ref["corpus"], ref["id"], ref["paragraph"], "with_title" in ref)
            print(f"=== {n} {key}\n{text}\n")
        else:
            print(json.dumps(ref, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
