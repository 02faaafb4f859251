"""Memory of the app in a reading session, against a bare Textual app (issue 18, memory).

    python bench/bench_memory.py [--corpus PATH | --config FILE] [--query Raub]

Each variant is a fresh process. The session runs the real app headless at 120×40 (Pilot):
the library listed, the first article opened, a search, the timeline shown. After each step
it prints the process's resident memory (``VmRSS``) and its peak so far (``VmHWM``, what
``/usr/bin/time -v`` calls the maximum resident set size). The floor is a bare Textual app
(Header and Footer) at its first screen. The index is brought up to date first (``reader
index``), and the session runs once untimed, so the page cache holds the index as it would
for a user who reads every day.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus_sample import BERLIN

TIMEOUT = 600.0

PROBE = """
def memory():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return {key: int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM")}
"""

BARE = (
    PROBE
    + """
import json
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_ready(self):
        self.found = memory()
        self.exit()

app = Bare()
app.run(headless=True, size=(120, 40))
print(json.dumps({"first screen": app.found}))
"""
)

SESSION = (
    PROBE
    + """
import asyncio, json, sys
from reader.cli.context import Context
from reader.ui.app import ReaderApp

where, query = sys.argv[1:3]
found = {}

async def until(pilot, condition, what):
    for _ in range(30000):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise SystemExit("gave up waiting for " + what)

async def main():
    kind, path = where.split("=", 1)
    context = Context(path, None) if kind == "config" else Context(None, [path])
    app = ReaderApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main
        await until(pilot, lambda: screen.library_ready and screen.library_pane.index,
                    "the library")
        found["listed"] = memory()
        first = screen.library_pane.index.rows("")
        article = next(row.key for row in first if row.key is not None)
        assert await screen.go_to(article, 0)
        await until(pilot, lambda: screen.query("#related-strip"), "the related strip")
        found["article open"] = memory()
        await screen.show_search_pane()
        screen.search_pane.search(query)
        await until(pilot, lambda: screen.search_pane.hits, "the search")
        found["searched"] = memory()
        screen.reading.focus()
        await pilot.press("t")
        await until(pilot, lambda: (p := screen.sidebar.pane("timeline")) is not None
                    and p.timeline is not None, "the timeline")
        found["timeline"] = memory()
    print(json.dumps(found))

asyncio.run(main())
"""
)


def run(argv: list[str], env: dict[str, str]) -> dict[str, dict[str, int]]:
    out = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=TIMEOUT, cwd=tempfile.gettempdir()
    )
    if out.returncode != 0:
        raise SystemExit(f"{argv[:3]}… failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BERLIN)
    parser.add_argument("--config", type=Path, help="reader's config (its corpus and index)")
    parser.add_argument("--query", default="Raub")
    args = parser.parse_args()
    python = sys.executable
    if args.config:
        where = ["--config", str(args.config.resolve())]
        session = f"config={args.config.resolve()}"
    else:
        where = ["--corpus", str(args.corpus.resolve())]
        session = f"corpus={args.corpus.resolve()}"
    with tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, XDG_STATE_HOME=state, TEXTUAL_ANIMATION="none")
        env.pop("READER_CONFIG", None)
        subprocess.run(
            [python, "-m", "reader", *where, "index"],
            env=env,
            check=True,
            capture_output=True,
            cwd=tempfile.gettempdir(),
        )
        run([python, "-c", SESSION, session, args.query], env)  # warm the page cache
        bare = run([python, "-c", BARE], env)["first screen"]
        steps = run([python, "-c", SESSION, session, args.query], env)
    print(f"{session}; query {args.query!r}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"  bare Textual app, first screen:   RSS {bare['VmRSS']:5d} MB"
        f"   peak {bare['VmHWM']:5d} MB"
    )
    for step, mb in steps.items():
        print(
            f"  reader, {step + ':':<25} RSS {mb['VmRSS']:5d} MB   peak {mb['VmHWM']:5d} MB"
            f"   ({mb['VmHWM'] / bare['VmHWM']:.1f}x the bare peak)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
