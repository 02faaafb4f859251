"""A seeded, bounded fuzz of every input the user hands ``reader`` (issue 19): corpus files of
every format, the bookmarks file and the config, filled with random bytes, random Unicode
(lone surrogates, bidi and zero-width characters, terminal escapes, YAML and JSON syntax)
and random nesting.

Whatever the input: no traceback (the command returns 0 or the user-error status 2), the
good article beside the bad ones stays searchable, and no file of the user's is changed by a
command that did not succeed. The seed is fixed, so a failure is reproducible; each case
names its seed and file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from reader.cli import main

SEED = 20261203
GOOD = "Gipfel in Genf\n\nGENF, 7. Dez. (Reuters) – GUTWORT: Die Außenminister trafen sich.\n"

# Characters that have broken readers before: controls and escapes, bidi and zero-width
# marks, a BOM, quotes, YAML and JSON syntax, markup, combining marks, CJK, emoji.
NASTY = [
    *"\x00\x07\x08\x1b\r\n\t\x7f\x85\x9b",
    *"\u202e\u2066\u200b\u200d\ufeff\u0301\u4e2d\U0001f600",
    *"„“»«‚‘\"'`",
    *":-#&*!|>%@[]{},?\\",
    "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1b[2J",
    "[bold red]",
    "[@click=app.quit]",
    "---",
    "&a",
    "*a",
    "!!python/object/apply:os.system",
    "2021-02-30",
    "\ud800",
    "\udcff",
    "Genf",
    "Präsident",
]


KEYS = ["search", "keys", "entities", "overrides", "theme"]  # (no paths: nothing made outside tmp)


def nasty_text(rng: random.Random, size: int) -> str:
    return "".join(
        rng.choice(NASTY) if rng.random() < 0.6 else chr(rng.randrange(32, 0x3000))
        for _ in range(size)
    )


def nested(rng: random.Random, depth: int) -> str:
    opening, closing = rng.choice([("[", "]"), ("{a: ", "}"), ('{"a": ', "}")])
    return opening * depth + closing * rng.randrange(0, depth + 1)


def encode(rng: random.Random, text: str) -> bytes:
    """``text`` as a user's file might hold it: UTF-8 (lone surrogates kept as their
    bytes), cp1252 or UTF-16, or cut in the middle of a character."""
    way = rng.randrange(4)
    if way == 1:
        return text.encode("cp1252", "replace")
    if way == 2:
        return text.encode("utf-16", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    return data[: rng.randrange(len(data) + 1)] if way == 3 else data


def random_file(rng: random.Random, suffix: str) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 3000))
    if kind == 1:
        text = nasty_text(rng, rng.randrange(1, 400))
    elif kind == 2:
        text = nested(rng, rng.choice([3, 50, 3000, 60_000]))
    else:  # the format's own shape around random values
        value = nasty_text(rng, rng.randrange(1, 80))
        text = {
            ".txt": f"{value}\n\n{value}\n",
            ".md": f"---\ntitle: {value}\ndate: {value[:12]}\n"
            f"{value[:5]}: {nested(rng, 30)}\n---\n{value}\n",
            ".jsonl": "\n".join(
                rng.choice(
                    [
                        json.dumps({"title": value, "text": value, "date": value[:10]}),
                        json.dumps({"text": [value], "source": {"a": value}}),
                        '{"text": "' + value + '"}',
                        nested(rng, 200),
                    ]
                )
                for _ in range(rng.randrange(1, 6))
            ),
            ".html": f"<html><head><title>{value}</title></head><body>"
            + "<div>" * rng.randrange(0, 500)
            + f"<p>{value}</p><article><p>{value} {value}</p></article></body></html>",
        }[suffix]
    return encode(rng, text)


def test_fuzzed_corpus_files_cost_only_themselves(tmp_path: Path, capsys) -> None:
    rng = random.Random(SEED)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    written: dict[Path, bytes] = {}
    for n in range(60):
        suffix = rng.choice([".txt", ".md", ".jsonl", ".html"])
        path = corpus / f"fuzz{n:02d}{suffix}"
        written[path] = random_file(rng, suffix)
        path.write_bytes(written[path])
    assert main(["index", "--corpus", str(corpus)]) == 0, f"seed {SEED}"
    capsys.readouterr()
    assert main(["search", "GUTWORT", "--json", "--corpus", str(corpus)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [hit["article_id"] for hit in hits["hits"]] == ["good"]
    for path, data in written.items():
        assert path.read_bytes() == data, f"{path.name} was changed (seed {SEED})"


@pytest.fixture
def bookmarks_file(indexed_seeds: Path, tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "config.yaml"
    marks = tmp_path / "bookmarks.yaml"
    config.write_text(
        f"corpus: [{json.dumps(str(indexed_seeds))}]\nbookmarks: {json.dumps(str(marks))}\n"
    )
    return config, marks


def test_fuzzed_bookmarks_files_are_never_overwritten(bookmarks_file, capsys) -> None:
    config, marks = bookmarks_file
    assert main(["--config", str(config), "search", "Kreml", "--json", "--limit", "1"]) == 0
    passage = json.loads(capsys.readouterr().out)["hits"][0]["passage_id"]
    rng = random.Random(SEED + 1)
    for case in range(25):
        head = "version: 1\nbookmarks:\n- id: b1\n  passage: " + passage + "\n  quote: "
        body = rng.choice(
            [
                rng.randbytes(rng.randrange(1, 400)),
                encode(rng, nasty_text(rng, rng.randrange(1, 200))),
                encode(rng, head + nasty_text(rng, 40) + "\n  " + nasty_text(rng, 20)),
                encode(rng, head + nested(rng, rng.choice([5, 500, 20_000]))),
            ]
        )
        marks.write_bytes(body)
        for command in (
            ["bookmarks", "list", "--json"],
            ["bookmarks", "add", passage, "--note", "n"],
        ):
            code = main(["--config", str(config), *command])
            capsys.readouterr()
            assert code in (0, 2), f"case {case} (seed {SEED + 1}): {command} returned {code}"
            if code == 2 or command[1] == "list":
                assert marks.read_bytes() == body, f"case {case}: {command} changed the file"
            if code == 0 and command[1] == "add":
                body = marks.read_bytes()


def test_fuzzed_configs_are_a_message_not_a_traceback(
    indexed_seeds: Path, tmp_path: Path, capsys
) -> None:
    rng = random.Random(SEED + 2)
    config = tmp_path / "config.yaml"
    corpus = json.dumps(str(indexed_seeds))
    for case in range(40):
        body = rng.choice(
            [
                rng.randbytes(rng.randrange(1, 300)),
                encode(rng, nasty_text(rng, rng.randrange(1, 200))),
                encode(
                    rng,
                    f"corpus: [{corpus}]\n{rng.choice(KEYS)}: "
                    + rng.choice([nasty_text(rng, 30), nested(rng, rng.choice([5, 400, 20_000]))]),
                ),
                encode(
                    rng,
                    f"corpus: [{corpus}]\nsearch:\n  limit: {nasty_text(rng, 8)}\n"
                    f"entities:\n  colors:\n    PER: {nasty_text(rng, 8)}\n",
                ),
            ]
        )
        config.write_bytes(body)
        code = main(["--config", str(config), "search", "Kreml", "--json"])
        capsys.readouterr()
        assert code in (0, 2), f"case {case} (seed {SEED + 2}) returned {code}"
        assert config.read_bytes() == body
