"""Shared fixtures: every test gets its own config, cache and data folders."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def run_python(
    code: str,
    *,
    timeout: float = 300,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet, no helper process
    started); what it printed, or a failure that shows the end of its output."""
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        cwd=cwd,
        env=env,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    return run.stdout


def run_reader(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The ``reader`` command (``python -m reader``) in its own process: status and output."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    """The ``reader`` command run in this process through its main function: status and
    output as :func:`run_reader` gives them, without starting an interpreter and loading the
    models again (for tests about what a command does, not about the process)."""
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, a usage error
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return subprocess.CompletedProcess(["reader", *args], code, out.getvalue(), err.getvalue())


def read_pty(fd: int) -> bytes:
    """All a child wrote to the pseudo-terminal whose parent side is ``fd``, until it closed
    its side; ``fd`` is closed."""
    out = bytearray()
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    return bytes(out)


def seeds_config(root: Path, overrides: dict[str, str]) -> Path:
    """A config for a copy of the seeds under ``root``, indexed and analysed (dates,
    entities, inferred article dates) as `reader index` leaves it; ``overrides`` gives
    articles their source (000 is RT DE in the bundled config.yaml)."""
    from reader.cli.context import Context
    from reader.refresh import refresh

    shutil.copytree(SEEDS, root / "seeds")
    path = root / "config.yaml"
    lines = [f"corpus: {root / 'seeds'}", f"index_dir: {root / 'index'}", "overrides:"]
    lines += [f"  {aid}:\n    source: {source}" for aid, source in overrides.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = Context(config_path=str(path)).library
    refresh(library)
    library.close()
    return path


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG folders into ``tmp_path`` and run from an empty folder, so no test reads or
    writes the user's real config, index or bookmarks."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("READER_CONFIG", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A writable copy of the seeds as a corpus folder, ``tmp_path/corpus`` (the UI tests')."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def _seeds_indexed_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seeds indexed and analysed by ``reader index``, once per test process: the corpus
    folder and the index folder it made (the index is keyed by the corpus folder's path)."""
    from reader.cli import main
    from reader.locations import default_index_dir

    base = tmp_path_factory.mktemp("indexed-seeds")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
        patch.chdir(base)
        assert main(["--corpus", str(corpus), "index"]) == 0
        index = default_index_dir([corpus])
    return corpus, index


@pytest.fixture
def indexed_seeds(_seeds_indexed_once: tuple[Path, Path], isolated_home: Path) -> Path:
    """The seeds as a corpus folder whose index is current (indexed and analysed): a later
    launch, as opposed to :func:`seeds`' first one. The folder is restored to the seeds for
    every test and the index copied into the test's own cache, so nothing carries over."""
    from reader.locations import default_index_dir

    corpus, index = _seeds_indexed_once
    shutil.rmtree(corpus)
    shutil.copytree(SEEDS, corpus)  # (copy2 keeps the times the index recorded)
    shutil.copytree(index, default_index_dir([corpus]))
    return corpus


@pytest.fixture(scope="session")
def seeds_rt_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:func:`seeds_config` with 000 as RT DE (as in the bundled config.yaml), indexed and
    analysed once per test process, for the modules that only read it (the timeline and the
    event coverage, in the CLI and the app)."""
    return seeds_config(tmp_path_factory.mktemp("seeds-rt"), {"000_c7c4b8e3e078befc": "RT DE"})


IndexedOnce = tuple[Path, Path, Path]
"""A corpus folder indexed once per test process: the folder, the index it made, and a
pristine copy of the folder (see :func:`index_once`, :func:`indexed_copy`)."""


def index_once(base: Path, write: Callable[[Path], object]) -> IndexedOnce:
    """A corpus under ``base`` that ``write`` fills, indexed and analysed by ``reader index``
    (for a session- or module-scoped fixture: a test takes it with :func:`indexed_copy`)."""
    from reader.cli import main
    from reader.locations import default_index_dir

    corpus = base / "corpus"
    corpus.mkdir()
    write(corpus)
    pristine = base / "pristine"
    shutil.copytree(corpus, pristine)  # (copy2 keeps the times the index records)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
        patch.delenv("READER_CONFIG", raising=False)
        patch.chdir(base)
        assert main(["--corpus", str(corpus), "index"]) == 0
        return corpus, default_index_dir([corpus]), pristine


def indexed_copy(once: IndexedOnce) -> Path:
    """The corpus of :func:`index_once`, restored to what was written and with a copy of its
    index in the running test's cache (``isolated_home``'s): a launch after the first, with
    nothing carried over from an earlier test."""
    from reader.locations import default_index_dir

    corpus, index, pristine = once
    shutil.rmtree(corpus)
    shutil.copytree(pristine, corpus)
    shutil.copytree(index, default_index_dir([corpus]))
    return corpus


@pytest.fixture(scope="session")
def _bundled_indexed_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seeds (the default corpus) indexed and analysed by ``reader index`` with
    no config of the user's, once per test process: the index folder it made."""
    from reader.cli import main
    from reader.locations import bundled_seeds, default_index_dir

    base = tmp_path_factory.mktemp("indexed-bundled")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
        patch.setenv("XDG_DATA_HOME", str(base / "data"))
        patch.delenv("READER_CONFIG", raising=False)
        patch.chdir(base)
        assert main(["index"]) == 0
        return default_index_dir([bundled_seeds()])


@pytest.fixture
def bundled_indexed(_bundled_indexed_once: Path, isolated_home: Path) -> Path:
    """The default corpus (the bundled seeds, read-only) with a current index in the test's
    own cache, as after a first ``reader index``: for tests about what comes after it. The
    index is a copy; the index folder is returned."""
    from reader.locations import bundled_seeds, default_index_dir

    target = default_index_dir([bundled_seeds()])
    shutil.copytree(_bundled_indexed_once, target)
    return target


# the app, for the Pilot tests (tests/test_ui_*.py) ---------------------------------------------
@pytest.fixture
async def pilot(indexed_seeds: Path):
    """The app on the seeds, indexed already (as on any launch after the first), running at
    ``ui_support.SIZE`` with its library listed and ready to open articles: what most UI
    tests start from."""
    from tests import ui_support as ui

    app = ui.make_app(indexed_seeds)
    async with app.run_test(size=ui.SIZE) as running:
        await ui.loaded(running)
        yield running


@pytest.fixture
def screen(pilot):
    """The main screen of :func:`pilot`'s app."""
    return pilot.app.main
