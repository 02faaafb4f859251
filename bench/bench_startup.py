"""Startup time of ``reader`` against a bare Textual app with Header and Footer.

Each run is a fresh process, timed from spawn to the moment the app's first screen is ready
(Textual's ``Ready`` event: the first screen composed, laid out and painted), headless.
For ``reader`` the clock also runs on to the moment the library list is filled in (the
summaries load in a worker after the first screen). Bare and reader runs alternate, so both
see the same machine load; the medians and their ratio are printed.

    /work/.venv/bin/python bench/bench_startup.py                      # seeds + Berlin corpus
    /work/.venv/bin/python bench/bench_startup.py --repeat 11 --corpus PATH

The index of each corpus is brought up to date first (``reader --corpus PATH index``) and
each variant runs once untimed, so that the timed runs are warm launches. Runs use the user's
normal cache folder (where that index lives) and a throw-away state folder.

Python's bytecode cache is used as the environment says, and each corpus's lines say what
that meant for reader's own modules, counted after the untimed runs: how many of them have
bytecode that the timed runs read (an installed reader has it for all of them: pip compiles
on install), and whether missing bytecode gets written (not with ``PYTHONDONTWRITEBYTECODE``;
existing bytecode is read either way). ``--bytecode-cache`` lets the runs write and reuse
bytecode under a throw-away ``PYTHONPYCACHEPREFIX``, as an installed reader reads it.

``--config FILE`` opens the corpus and index of that config (an index built already, e.g. of
the Berlin corpus) instead of a corpus's default index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus_sample import BERLIN

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0

BARE = """
import sys
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_ready(self):
        print("READY", flush=True)
        self.exit()

Bare().run(headless=True)
"""

# The real entry point (reader.cli.main, as the console script calls it) with the app class
# wrapped to report its milestones and exit.
READER = """
import inspect
import sys
from reader.ui import app as ui_app
from reader.ui.screens.main import MainScreen

MODE = sys.argv[1]

class TimedScreen(MainScreen):
    async def on_library_loaded(self, message):
        # MainScreen's own handler runs here (and, prevented, not again after this one);
        # report once the list it filled in has been drawn
        message.prevent_default()
        done = super().on_library_loaded(message)
        if inspect.isawaitable(done):
            await done
        self.call_after_refresh(self._listed)

    def _listed(self):
        print("LISTED", flush=True)
        self.app.done("LISTED")

class Timed(ui_app.ReaderApp):
    def get_default_screen(self):
        return TimedScreen(self.source, self.ui_state)

    marks = set()

    def done(self, mark):
        # the list may be drawn before or after the first screen counts as ready
        self.marks.add(mark)
        if self.marks == {"READY", "LISTED"}:
            self.exit()

    def on_ready(self, event):
        print("READY", flush=True)
        if MODE in ("ready", "direct"):
            event.prevent_default()  # ReaderApp's own on_ready (the deferred work) not run
            self.exit()
        else:
            self.done("READY")

    def run(self, *args, **kwargs):
        kwargs["headless"] = True
        return super().run(*args, **kwargs)

ui_app.ReaderApp = Timed
if MODE == "direct":
    # the app alone: what `reader` would cost if the CLI imported no subcommand modules
    from reader.cli.context import Context
    kind, where = sys.argv[2:4]  # --corpus PATH or --config FILE
    context = Context(config_path=where) if kind == "--config" else Context(corpus=[where])
    Timed(context).run()
else:
    from reader.cli import main
    sys.exit(main(sys.argv[2:]))
"""


def timed(argv: list[str], marks: tuple[str, ...], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn until each of ``marks`` is printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    found: dict[str, float] = {}
    assert proc.stdout is not None
    watchdog = threading.Timer(TIMEOUT, proc.kill)  # a run that never reports is killed
    watchdog.start()
    for line in proc.stdout:
        word = line.strip()
        if word in marks:
            found[word] = time.perf_counter() - start
            if len(found) == len(marks):
                break
    proc.stdout.close()
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait(timeout=TIMEOUT)
    watchdog.cancel()
    missing = [m for m in marks if m not in found]
    if missing:
        raise SystemExit(f"{argv[:3]}… never printed {missing}; stderr:\n{err[-2000:]}")
    return found


def ensure_index(python: str, where: list[str], env: dict[str, str]) -> None:
    out = subprocess.run(
        [python, "-m", "reader", *where, "index"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
        check=True,
    )
    print("  " + out.stdout.strip().splitlines()[0])


def bench(python: str, args: list[str], repeat: int, env: dict[str, str]) -> dict[str, float]:
    """``args``: ``--corpus PATH`` or ``--config FILE``."""
    print(f"\n{' '.join(args)}")
    ensure_index(python, args, env)
    bare: list[float] = []
    ready: list[float] = []
    listed: list[float] = []
    direct: list[float] = []
    timed([python, "-c", BARE], ("READY",), env)  # warm-up (and bytecode, if cached)
    timed([python, "-c", READER, "listed", *args], ("READY", "LISTED"), env)
    timed([python, "-c", READER, "direct", *args], ("READY",), env)
    print(f"  {bytecode_note(python, env)} (after the warm-up runs)")
    for _ in range(repeat):
        bare.append(timed([python, "-c", BARE], ("READY",), env)["READY"])
        ready.append(timed([python, "-c", READER, "ready", *args], ("READY",), env)["READY"])
        marks = timed([python, "-c", READER, "listed", *args], ("READY", "LISTED"), env)
        listed.append(marks["LISTED"])
        direct.append(timed([python, "-c", READER, "direct", *args], ("READY",), env)["READY"])
    result = {
        "bare": statistics.median(bare),
        "ready": statistics.median(ready),
        "listed": statistics.median(listed),
        "direct": statistics.median(direct),
    }
    print(
        f"  bare Textual app (Header+Footer), first screen: {result['bare'] * 1000:7.0f} ms"
        f"   (min {min(bare) * 1000:.0f})"
    )
    print(
        f"  reader, first screen:                           {result['ready'] * 1000:7.0f} ms"
        f"   (min {min(ready) * 1000:.0f})   ratio {result['ready'] / result['bare']:.2f}x"
    )
    print(
        f"  reader, library list filled in:                 {result['listed'] * 1000:7.0f} ms"
        f"   (min {min(listed) * 1000:.0f})   ratio {result['listed'] / result['bare']:.2f}x"
    )
    print(
        f"  (the app without the CLI's subcommand imports:  {result['direct'] * 1000:7.0f} ms"
        f"   (min {min(direct) * 1000:.0f})   ratio {result['direct'] / result['bare']:.2f}x)"
    )
    return result


BYTECODE = """
import importlib.util, pathlib, sys, reader
modules = list(pathlib.Path(reader.__file__).parent.rglob("*.py"))
cached = sum(pathlib.Path(importlib.util.cache_from_source(str(m))).exists() for m in modules)
print(cached, len(modules), int(sys.dont_write_bytecode))
"""


def bytecode_note(python: str, env: dict[str, str]) -> str:
    """What the runs do with reader's bytecode, checked in the runs' own environment."""
    out = subprocess.run(
        [python, "-c", BYTECODE],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.split()
    cached, total, no_write = (int(x) for x in out)
    writes = "missing bytecode is not written" if no_write else "missing bytecode is written"
    return f"reader: {cached}/{total} modules have bytecode to read, {writes}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per variant (median)")
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        help="corpus to open (default: the seeds and the Berlin corpus)",
    )
    parser.add_argument(
        "--config",
        action="append",
        type=Path,
        help="open the corpus and index of this config instead (repeatable)",
    )
    parser.add_argument(
        "--bytecode-cache",
        action="store_true",
        help="let the runs cache compiled bytecode, as an installed reader "
        "has it (default: as the environment says)",
    )
    args = parser.parse_args()
    # the runs start in a temporary folder: a relative corpus path must not turn into an
    # empty corpus there (the app would then wait for a library that never comes)
    runs = [["--config", str(c.resolve())] for c in args.config or ()]
    if args.corpus or not runs:
        corpora = [c.resolve() for c in args.corpus] if args.corpus else [REPO / "seeds", BERLIN]
        runs += [["--corpus", str(c)] for c in corpora if c.exists()]
        runs_missing = [c for c in corpora if not c.exists()]
    else:
        runs_missing = []
    python = sys.executable
    with tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, XDG_STATE_HOME=state, TEXTUAL_ANIMATION="none")
        env.pop("READER_CONFIG", None)
        if args.bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(state) / "pycache")
        print(f"python {python}; {args.repeat} runs each; medians")
        for corpus in runs_missing:
            print(f"\n{corpus}: missing, skipped")
        for where in runs:
            bench(python, where, args.repeat, env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
