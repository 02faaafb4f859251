"""``reader index`` on an index that is current already, timed as a user runs it: a fresh
process each time (shared by the index benchmarks)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def noop_index_seconds(corpus: Path, index: Path, folder: Path, runs: int = 3) -> list[float]:
    """Wall seconds of ``runs`` runs of ``reader index`` over ``corpus`` with its index in
    ``index`` (a config file for it is written into ``folder``)."""
    config = folder / "config.yaml"
    config.write_text(f"corpus: [{corpus}]\nindex_dir: {index}\n", encoding="utf-8")
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reader", "--config", str(config), "index"],
            check=True,
            capture_output=True,
        )
        seconds.append(time.perf_counter() - started)
    return seconds
