"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the layers import one
way, Textual stays inside reader.ui, and no package of reader has an import circle."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

CORE = ["layers", "textual-in-ui", "textual-not-in-cli", "acyclic"]
UI = ["acyclic-ui", "ui-main-screen"]  # issue 16's UI half


def lint_imports(contracts: list[str]) -> subprocess.CompletedProcess[str]:
    """import-linter on this checkout (its own interpreter, so the graph is of these files)."""
    flags = [f for c in contracts for f in ("--contract", c)]
    code = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    return subprocess.run(
        [sys.executable, "-c", code, "--no-cache", *flags],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("contracts", [CORE, UI], ids=["core", "ui"])
def test_import_contracts_are_kept(contracts: list[str]) -> None:
    run = lint_imports(contracts)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert f"Contracts: {len(contracts)} kept, 0 broken." in run.stdout
