"""``reader statements`` and ``reader coverage`` on the seeds, as a script would use them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.loader import load_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def texts(corpus: Path) -> dict[str, str]:
    return {a.id: a.text for f in corpus.glob("*.txt") for a in load_file(f).articles}


def test_statements_json_has_every_field_and_offsets_into_the_article(capsys, indexed_seeds):
    code, out, _ = run(capsys, "--corpus", str(indexed_seeds), "statements", "--json")
    assert code == 0
    data = json.loads(out)
    article_text = texts(indexed_seeds)
    groups = {g["id"]: g for g in data["groups"]}
    assert len(data["statements"]) >= 30
    for s in data["statements"]:
        assert {
            "id",
            "article",
            "passage",
            "start",
            "end",
            "cue_start",
            "cue_end",
            "text",
            "speaker",
            "canonical",
            "speaker_type",
            "cue",
            "cue_lemma",
            "mode",
            "relays",
            "group",
            "teaser",
            "resolved",
        } <= set(s)
        text = article_text[s["article"]]
        assert text[s["start"] : s["end"]] == s["text"]
        assert text[s["cue_start"] : s["cue_end"]] == s["cue"]
        assert s["mode"] in ("direct", "indirect", "according_to")
        assert s["id"] in groups[s["group"]]["members"]
        assert s["passage"].startswith(s["article"] + "#p")


def test_one_statement_quoted_by_one_outlet_and_paraphrased_by_another_is_one_group(
    capsys, indexed_seeds
):
    _, out, _ = run(capsys, "--corpus", str(indexed_seeds), "statements", "--json")
    data = json.loads(out)
    by_id = {s["id"]: s for s in data["statements"]}
    # Reuters quotes the Kremlin: „Deshalb ist Russland ernsthaft daran interessiert, …“
    quote = next(s for s in data["statements"] if s["text"].startswith("Deshalb ist Russland"))
    assert quote["mode"] == "direct" and quote["source"] == "Reuters"
    group = next(g for g in data["groups"] if g["id"] == quote["group"])
    others = [by_id[m] for m in group["members"] if by_id[m]["source"] != "Reuters"]
    assert any(o["source"] == "RT DE" and o["mode"] != "direct" for o in others)
    assert group["speaker"] == "Kreml" and len(group["sources"]) >= 2
    assert group["occasions"] and all(len(day) == 10 for day in group["occasions"])


def test_statements_by_speaker_and_source(capsys, indexed_seeds):
    corpus = str(indexed_seeds)
    _, out, _ = run(capsys, "--corpus", corpus, "statements", "--speaker", "peskow", "--json")
    found = json.loads(out)["statements"]
    assert found and {s["canonical"] for s in found} == {"Dmitri Peskow"}
    _, out, _ = run(capsys, "--corpus", corpus, "statements", "--source", "reuters", "--json")
    found = json.loads(out)["statements"]
    assert found and {s["source"] for s in found} == {"Reuters"}
    code, _, err = run(capsys, "--corpus", corpus, "statements", "--speaker", "Peskov")
    assert code == 2 and "'Peskov'" in err and "did you mean Dmitri Peskow" in err


def test_statements_text_lists_by_speaker(capsys, indexed_seeds):
    code, out, _ = run(capsys, "--corpus", str(indexed_seeds), "statements", "--speaker", "Lawrow")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Sergei Lawrow — ") and "statement" in lines[0]
    assert any("Russland werde alle notwendigen Schritte" in line for line in lines)


def test_coverage_json_cells_and_what_each_source_leaves_out(capsys, indexed_seeds):
    code, out, _ = run(capsys, "--corpus", str(indexed_seeds), "coverage", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"RT DE", "Reuters"} <= set(data["sources"])
    for g in data["groups"]:
        assert sorted(data["cells"][g["id"]]) == g["sources"]
    shared = [g for g in data["groups"] if len(g["sources"]) >= 2]
    assert shared
    per_source = {p["source"]: p for p in data["per_source"]}
    for g in shared:
        for source in data["sources"]:
            if source not in g["sources"] and len(g["sources"]) >= 2:
                assert g["id"] in per_source[source]["left_out"]
    singles = [g for g in data["groups"] if len(g["sources"]) == 1]
    assert all(g["id"] in per_source[g["sources"][0]]["only_here"] for g in singles)
    _, out, _ = run(
        capsys, "--corpus", str(indexed_seeds), "coverage", "--json", "--min-sources", "2"
    )
    assert {g["id"] for g in json.loads(out)["groups"]} == {g["id"] for g in shared}


def test_coverage_as_markdown_and_csv(capsys, indexed_seeds):
    corpus = str(indexed_seeds)
    _, out, _ = run(capsys, "--corpus", corpus, "coverage", "--json")
    data = json.loads(out)
    code, md, _ = run(capsys, "--corpus", corpus, "coverage", "--format", "md")
    assert code == 0
    rows = md.splitlines()
    assert rows[0] == "| Speaker | Statement | " + " | ".join(data["sources"]) + " |"
    assert len(rows) == 2 + len(data["groups"])
    assert all(row.count("|") - row.count("\\|") == len(data["sources"]) + 3 for row in rows)
    code, text, _ = run(capsys, "--corpus", corpus, "coverage", "--format", "csv")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["group", "speaker", "statement", "sources", *data["sources"]]
    first = data["groups"][0]
    row = next(r for r in table if r[0] == first["id"])
    marks = dict(zip(data["sources"], row[4:], strict=True))
    assert {s for s, m in marks.items() if m} == set(first["sources"])
    assert set(marks.values()) <= {"quoted", "paraphrased", ""}


def test_coverage_text_marks_quoted_and_paraphrased(capsys, indexed_seeds):
    code, out, _ = run(capsys, "--corpus", str(indexed_seeds), "coverage", "--min-sources", "2")
    assert code == 0
    lines = out.splitlines()
    legend = {line.split(None, 1)[1]: line.split()[0] for line in lines if line.startswith("  ")}
    assert "Reuters" in legend and "RT DE" in legend
    rows = [line for line in lines if re.match(r"g\d+ ", line)]
    assert rows and all(("Q" in r or "P" in r) for r in rows)


@pytest.mark.parametrize(
    "args",
    [("coverage", "--min-sources", "0"), ("coverage", "--json", "--format", "md")],
)
def test_coverage_bad_options_are_one_message(capsys, indexed_seeds, args):
    code, _, err = run(capsys, "--corpus", str(indexed_seeds), *args)
    assert code == 2 and err.startswith("reader: ")


def test_the_same_statement_on_another_occasion_is_a_related_passage(capsys, indexed_seeds):
    """Peskow in April (003 ¶7) and in December (004 ¶8): months apart, too far for the
    same event, but the same statement made again, and told apart from the event's links."""
    corpus = str(indexed_seeds)
    code, out, _ = run(capsys, "--corpus", corpus, "related", "003_ea1d46bb5c9ce6df#p7", "--json")
    assert code == 0
    links = {r["passage_id"]: r["link"] for r in json.loads(out)["related"]}
    assert links.get("004_0c5df4d7e626345f#p8") == "occasion"
    _, out, _ = run(capsys, "--corpus", corpus, "related", "003_ea1d46bb5c9ce6df#p7")
    assert "004_0c5df4d7e626345f#p8" in out and "[same statement, another occasion]" in out
    # the same event's passages keep their link: the Kremlin's demand, RT DE and Reuters
    _, out, _ = run(capsys, "--corpus", corpus, "related", "000_c7c4b8e3e078befc#p6", "--json")
    links = {r["passage_id"]: r["link"] for r in json.loads(out)["related"]}
    assert links.get("001_71db2df63f5cd903#p3") == "event"


def test_a_teasers_statement_is_listed_but_not_counted_as_coverage(capsys, indexed_seeds):
    """RT DE's "Mehr zum Thema - US-Senator: …" links another article: the statement is
    listed (marked a teaser), but RT DE does not report it."""
    corpus = str(indexed_seeds)
    _, out, _ = run(capsys, "--corpus", corpus, "statements", "--speaker", "US-Senator", "--json")
    (teaser,) = json.loads(out)["statements"]
    assert teaser["teaser"] and teaser["source"] == "RT DE"
    _, out, _ = run(capsys, "--corpus", corpus, "coverage", "--json")
    data = json.loads(out)
    assert teaser["group"] not in {g["id"] for g in data["groups"]}
    assert all(
        teaser["id"] not in c["statements"] for g in data["cells"].values() for c in g.values()
    )
