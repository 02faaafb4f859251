"""Headlines on screen in a real terminal: ``reader`` against a bare Textual app (issue 18).

Each run starts a fresh process in its own tmux window (120×40) and polls the window's text
every 5 ms until a mark shows: for the bare app (Header, a line of text, Footer) its text,
for ``reader`` the library's count line ("… articles from … sources"), which the list fills
in together with its rows. Bare and reader runs alternate, so both meet the same load; the
medians and their ratio are printed, with the load average. tmux's own cost (a new window,
a capture) is in both.

    python bench/bench_startup_terminal.py                       # the bundled seeds
    python bench/bench_startup_terminal.py --config berlin.yaml  # any indexed corpus (repeatable)
    python bench/bench_startup_terminal.py --reader /other/venv/bin/reader --config ...

The index of each config is brought up to date first (``reader index``) and each variant
runs once untimed. Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOCKET = f"reader-bench-{os.getpid()}"
TIMEOUT = 30.0
BARE_MARK = "BARE APP READY"
LISTED_MARK = "articles from"
BARE = f"""
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static({BARE_MARK!r})
        yield Footer()

Bare().run()
"""


def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def shown_after(command: str, mark: str, size: tuple[int, int] = (120, 40)) -> float:
    """Milliseconds from starting ``command`` in a new tmux window until ``mark`` shows."""
    name = f"run{time.monotonic_ns()}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
    try:
        while time.perf_counter() - start < TIMEOUT:
            if mark in tmux("capture-pane", "-p", "-t", name).stdout:
                return 1000 * (time.perf_counter() - start)
            time.sleep(0.005)
        raise SystemExit(f"{command!r} did not show {mark!r} within {TIMEOUT:.0f} s")
    finally:
        tmux("kill-session", "-t", name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs per variant (median)")
    parser.add_argument("--config", type=Path, action="append", help="reader config (repeatable)")
    parser.add_argument(
        "--reader",
        default=str(Path(sys.executable).with_name("reader")),
        help="the reader command to time (default: the one beside this Python)",
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        bare = Path(work) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        configs = args.config or [REPO / "config.yaml"]
        variants = [("bare Textual app", f"{shlex.quote(sys.executable)} {bare}", BARE_MARK)]
        for config in configs:
            where = ["--config", str(config.resolve())]
            subprocess.run([args.reader, *where, "index"], check=True, capture_output=True)
            command = shlex.join([args.reader, *where])
            variants.append((f"reader {config}", f"cd {work} && {command}", LISTED_MARK))
        tmux("new-session", "-d", "-s", "keeper", "sleep", "3600")  # one server for all runs
        try:
            for _, command, mark in variants:
                shown_after(command, mark)  # untimed: caches warm
            times: dict[str, list[float]] = {label: [] for label, _, _ in variants}
            for _ in range(args.repeat):
                for label, command, mark in variants:
                    times[label].append(shown_after(command, mark))
        finally:
            tmux("kill-server")
    load = os.getloadavg()[0]
    print(f"headlines on screen in tmux (120×40), median of {args.repeat}; load {load:.1f}")
    floor = statistics.median(times[variants[0][0]])
    for label, runs in times.items():
        median = statistics.median(runs)
        print(f"  {label:50s} {median:6.0f} ms  (min {min(runs):4.0f})  {median / floor:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
