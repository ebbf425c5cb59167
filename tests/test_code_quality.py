"""The code holds the bar the design sets: strict types, the linter's rules, and the layers
(rules see only the model and the engine). Each tool runs as the developer would run it,
from the project's own settings in pyproject.toml."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, unavailable

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            unavailable(f"{name} is not installed (the test extra installs it)")
        return str(found)
    return str(path)


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=PROJECT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("package", ["wsgilint"])
def test_mypy_strict(package: str) -> None:
    # wsgilint/rules is the link to rules/: checking the package checks the rules too.
    done = _run(sys.executable, "-m", "mypy", "--strict", package)
    assert done.returncode == 0, done.stdout[-4000:]


def test_ruff() -> None:
    done = _run(_tool("ruff"), "check", "wsgilint", "rules", "tools", "benchmarks", "tests")
    assert done.returncode == 0, done.stdout[-4000:]


def test_import_layers() -> None:
    done = _run(_tool("lint-imports"))
    assert done.returncode == 0, done.stdout[-4000:]
    assert "BROKEN" not in done.stdout
