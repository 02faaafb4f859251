"""A long single paragraph is recognised piece by piece (reliability review, finding 7: the
recogniser's memory grew with about 580 bytes per byte of one paragraph, 19.9 GB for 35 MB)."""

from __future__ import annotations

from reader.analysis.pieces import pieces
from tests.conftest import run_python

UNIT = (
    "Die Polizei meldete am Montag in Berlin einen Einsatz am Alexanderplatz, Zeugen sahen "
    "Angela Merkel und die Feuerwehr "
)


def test_pieces_join_up_to_the_text_and_end_at_the_best_break() -> None:
    text = "Erster Satz. " * 30 + "\n\n" + "zweiter Teil ohne Punkt " * 20
    cut = list(pieces(text, size=500))
    assert "".join(p for _, p in cut) == text
    assert all(len(p) <= 500 for _, p in cut)
    assert [at for at, _ in cut] == [sum(len(p) for _, p in cut[:i]) for i in range(len(cut))]
    assert cut[0][1].endswith("Erster Satz. \n\n")  # the paragraph break first
    sentences = list(pieces("Ein Satz. " * 100, size=95))
    assert all(p.endswith("Satz. ") for _, p in sentences[:-1])  # then a sentence end
    words = list(pieces("wort " * 100, size=48))
    assert all(p.endswith(" ") for _, p in words[:-1])  # then a space
    assert [len(p) for _, p in pieces("x" * 120, size=50)] == [50, 50, 20]  # else anywhere


def test_a_long_paragraph_keeps_memory_flat_and_finds_names_to_its_end() -> None:
    # 400,000 characters in one paragraph: 229 MB more at the peak in one piece, 33 MB in
    # pieces of 50,000 (and the last name is still found, at its place in the whole text)
    out = run_python(
        "import resource\n"
        "from reader.analysis.pipeline import make_recognizer\n"
        f"text = ({UNIT!r} * 4000)[:400_000] + ' Am Ende sprach Olaf Scholz'\n"
        "recognizer = make_recognizer([])\n"
        "recognizer.find('Angela Merkel sprach in Berlin.')  # loaded: model, gazetteer\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "spans = recognizer.find(text)\n"
        "grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024\n"
        "last = spans[-1]\n"
        "assert all(text[s.start:s.end] == s.text for s in spans)\n"
        "merkel = sum(s.canonical == 'Angela Merkel' for s in spans)\n"
        "print(grown, last.text, last.start, merkel)\n"
    )
    grown, first, second, start, merkel = out.split()
    assert (f"{first} {second}", int(start)) == ("Olaf Scholz", 400_016)
    assert int(merkel) == 400_000 // len(UNIT)  # every whole repetition, across the cuts
    assert int(grown) < 120, f"{grown} MB more at the peak for 400,000 characters"
