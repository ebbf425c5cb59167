"""The built wheel works on its own: installed into a clean venv, run away from the source tree."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wsgilint
from wsgilint.api import check

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seed-django"
# What a clean clone holds besides the sources; copying it would only slow the build down.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
    ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache")
TIMEOUT = 600


def run(argv: list, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run([str(part) for part in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)


def ok(completed: subprocess.CompletedProcess) -> str:
    assert completed.returncode == 0, f"{completed.args}\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding only the wheel and its dependencies; returns its bin directory."""
    base = tmp_path_factory.mktemp("packaging")
    # Build from a copy so the build leaves no build/ or egg-info in the working tree.
    source = base / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_SOURCES)
    wheels = base / "wheels"
    ok(run([sys.executable, "-m", "build", "--wheel", "--outdir", wheels, source], cwd=base))
    (wheel,) = wheels.glob("wsgilint-*.whl")

    venv = base / "venv"
    ok(run([sys.executable, "-m", "venv", venv], cwd=base))
    ok(run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=base))
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """An unrelated working directory: nothing from the source tree is importable from it."""
    return tmp_path


def test_version(installed: Path, elsewhere: Path):
    assert ok(run([installed / "wsgilint", "--version"], cwd=elsewhere)).split() == ["wsgilint", wsgilint.__version__]


def test_package_and_rules_load_from_the_venv(installed: Path, elsewhere: Path):
    probe = ("import json, wsgilint, wsgilint.rules\n"
             "from wsgilint.engine import load_rules\n"
             "print(json.dumps([wsgilint.__file__, wsgilint.rules.__file__, [r.code for r in load_rules()]]))")
    package, rules, codes = json.loads(ok(run([installed / "python", "-c", probe], cwd=elsewhere)))
    venv = installed.parent
    assert Path(package).is_relative_to(venv) and Path(rules).is_relative_to(venv), (package, rules)
    from wsgilint.engine import load_rules
    assert codes == [rule.code for rule in load_rules()]
    assert codes, "the wheel ships no rules"


def test_check_finds_what_the_source_tree_finds(installed: Path, elsewhere: Path):
    if not EXAMPLE.is_dir():
        pytest.skip(f"{EXAMPLE.relative_to(ROOT)} is not in this checkout")
    completed = run([installed / "wsgilint", "check", EXAMPLE, "--format", "json"], cwd=elsewhere)
    assert completed.returncode in (0, 1), completed.stderr
    report = json.loads(completed.stdout)
    assert report["files"], "nothing was read"

    def where(path: str) -> str:
        return os.path.relpath(os.path.join(elsewhere, path), EXAMPLE)

    shipped = sorted((f["code"], where(f["path"]), f["line"]) for f in report["findings"])
    expected = sorted((f.code, os.path.relpath(os.path.abspath(f.at.path), EXAMPLE), f.at.line)
                      for f in check([str(EXAMPLE)]).findings)
    assert shipped == expected
    assert shipped, "the example is expected to have findings"
