"""Entity recognition of one long single paragraph: in pieces (what reader does) against the
whole text at once (what it did), in the same run, each in its own fresh interpreter.

    python bench/bench_long_text.py [--chars 400000]

Prints, for each way, the seconds and the growth of the peak resident memory (``ru_maxrss``)
while recognising, the number of names found, and the ratios whole / pieces.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT = (
    "Die Polizei meldete am Montag in Berlin einen Einsatz am Alexanderplatz, Zeugen sahen "
    "Angela Merkel und die Feuerwehr "
)
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from reader.analysis.pipeline import make_recognizer
text = ({unit!r} * ({chars} // {n} + 1))[:{chars}]
recognizer = make_recognizer([])
recognizer.find("Angela Merkel sprach in Berlin.")
find = recognizer.find if {pieces} else recognizer._find
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
spans = find(text)
seconds = time.perf_counter() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({{"seconds": seconds, "mb": grown, "names": len(spans)}}))
"""


def measure(chars: int, pieces: bool) -> dict[str, float]:
    code = CHILD.format(root=str(ROOT), unit=UNIT, chars=chars, n=len(UNIT), pieces=pieces)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=400_000)
    args = parser.parse_args()
    whole, cut = measure(args.chars, pieces=False), measure(args.chars, pieces=True)
    for name, m in (("whole text", whole), ("in pieces", cut)):
        print(f"{name:11} {m['seconds']:6.2f} s  +{m['mb']:7.1f} MB peak  {m['names']:.0f} names")
    print(
        f"whole / pieces: time {whole['seconds'] / cut['seconds']:.2f}x, "
        f"peak memory {whole['mb'] / max(cut['mb'], 0.1):.2f}x ({args.chars:,} characters)"
    )


if __name__ == "__main__":
    main()
