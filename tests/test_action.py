"""The composite GitHub Action: its inputs, and its steps run here as the runner runs them.

A pull request is checked out into the working directory and may plant modules there
(``pip.py``, ``pip/``, ``crossplane.py``) that would run with the job's token if
anything imported from it; a planted module writes a marker file, which must never
appear. The install step installs into a throwaway virtual environment (wsgilint only,
built with the setuptools it already has), so the test environment is left as it is.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import write_tree

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit, part of the test extra")

PROJECT = Path(__file__).resolve().parent.parent
ACTION = PROJECT / "action.yml"
Action = dict[str, Any]
EXPRESSION = re.compile(r"\$\{\{\s*([\w.]+)\s*\}\}")


@pytest.fixture(scope="module")
def action() -> Action:
    loaded: Action = yaml.safe_load(ACTION.read_text())
    return loaded


def _step(action: Action, name: str) -> Action:
    return next(step for step in action["runs"]["steps"] if step.get("name") == name)


@pytest.fixture(scope="module")
def runner_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh Python, standing in for the one actions/setup-python provides."""
    venv = tmp_path_factory.mktemp("runner") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    return venv / "bin"


def _run_step(action: Action, step: Action, workspace: Path, inputs: dict[str, str] | None = None,
              cwd: Path | None = None, python: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run one step's script as a runner would: expressions filled in, its env, bash -e,
    in its working-directory or else the workspace (where the pull request is checked out)."""
    values = {f"inputs.{name}": spec.get("default", "") for name, spec in action["inputs"].items()}
    values.update({f"inputs.{name}": value for name, value in (inputs or {}).items()})
    values["github.action_path"] = str(PROJECT)

    def fill(text: str) -> str:
        return EXPRESSION.sub(lambda match: str(values[match.group(1)]), text)

    bin_folder = python or Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}", "PYTHONDONTWRITEBYTECODE": "1",
           "PIP_NO_DEPS": "1", "PIP_NO_BUILD_ISOLATION": "1"}
    env.update({name: fill(str(value)) for name, value in step.get("env", {}).items()})
    directory = cwd or (Path(fill(step["working-directory"])) if "working-directory" in step else workspace)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", fill(step["run"])],
                          cwd=directory, env=env, capture_output=True, text=True, timeout=300, check=False)


def _pull_request(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout with modules planted where `python -m ...` would import them first."""
    marker = tmp_path / "planted-code-ran"
    plant = f"open({str(marker)!r}, 'w').write('ran')\n"
    workspace = write_tree(tmp_path / "workspace", {
        "pip.py": plant, "pip/__init__.py": plant, "pip/__main__.py": plant, "crossplane.py": plant,
        "deploy/nginx/site.conf": "server {\n    listen 80;\n    location / { uwsgi_pass 127.0.0.1:9000; }\n}\n",
        "pyproject.toml": '[tool.wsgilint]\nfail-on = "never"\nignore = ["E", "X", "N", "U"]\n',
    })
    return workspace, marker


def test_inputs_have_defaults(action: Action) -> None:
    assert action["inputs"]["path"]["default"] == "."
    assert action["inputs"]["args"]["default"] == ""
    assert action["inputs"]["config"]["default"] == ""
    assert action["inputs"]["isolated"]["default"] == "false"


def test_steps_take_inputs_through_the_environment(action: Action) -> None:
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash"
            assert "${{" not in step["run"], "expressions pasted into a script can inject shell code"
    run = _step(action, "Run wsgilint")
    for name in action["inputs"]:
        assert f"${{{{ inputs.{name} }}}}" in run["env"].values(), name
    words = run["run"].strip().splitlines()[-1].split()
    assert words[:2] == ["wsgilint", "check"], "the installed script, never `python -m` from the checkout"
    assert words[words.index("--format") + 1] == "github"


def test_install_is_isolated_from_the_checkout(action: Action) -> None:
    install = _step(action, "Install wsgilint")
    assert re.search(r"\bpython -I -m pip install\b", install["run"])
    assert install["working-directory"] == "${{ github.action_path }}"
    assert install["env"]["WSGILINT_ACTION_PATH"] == "${{ github.action_path }}"


def test_planted_pip_would_run_without_isolation(tmp_path: Path) -> None:
    """The plant works: a plain `python -m pip` in the checkout runs it."""
    workspace, marker = _pull_request(tmp_path)
    subprocess.run([sys.executable, "-m", "pip", "--version"], cwd=workspace, capture_output=True, timeout=60,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False)
    assert marker.exists()


@pytest.mark.parametrize("where", ["declared", "checkout"])
def test_install_step_never_runs_code_from_the_checkout(action: Action, tmp_path: Path, where: str,
                                                          runner_python: Path) -> None:
    """As declared (in the action's directory), and even if run in the checkout."""
    workspace, marker = _pull_request(tmp_path)
    result = _run_step(action, _step(action, "Install wsgilint"), workspace,
                       cwd=workspace if where == "checkout" else None, python=runner_python)
    assert result.returncode == 0, result.stderr
    assert "Successfully installed wsgilint" in result.stdout
    assert (runner_python / "wsgilint").exists()
    assert not marker.exists()


def test_run_step_never_imports_from_the_checkout(action: Action, tmp_path: Path) -> None:
    workspace, marker = _pull_request(tmp_path)
    result = _run_step(action, _step(action, "Run wsgilint"), workspace, {"path": "deploy", "isolated": "true"})
    assert not marker.exists()
    assert "::error" in result.stdout
    assert result.returncode == 1, result.stderr


def test_isolated_ignores_the_settings_of_the_checkout(action: Action, tmp_path: Path) -> None:
    workspace, _ = _pull_request(tmp_path)
    run = _step(action, "Run wsgilint")
    assert _run_step(action, run, workspace, {"path": "deploy"}).returncode == 0   # the PR turned checks off
    assert _run_step(action, run, workspace, {"path": "deploy", "isolated": "true"}).returncode == 1
    trusted = tmp_path / "trusted.toml"
    trusted.write_text('fail-on = "never"\n')
    chosen = _run_step(action, run, workspace, {"path": "deploy", "isolated": "true", "config": str(trusted)})
    assert chosen.returncode == 0, chosen.stderr
