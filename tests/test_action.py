"""The composite GitHub Action runs `wsgilint check` with GitHub annotations and both inputs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit, part of the test extra")

ACTION = Path(__file__).resolve().parent.parent / "action.yml"


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load(ACTION.read_text())


def test_inputs_have_defaults(action: dict):
    assert action["inputs"]["path"]["default"] == "."
    assert action["inputs"]["args"]["default"] == ""


def test_composite_steps_install_the_action_checkout_then_run_check(action: dict):
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all(step.get("shell") == "bash" for step in steps if "run" in step)
    install, run = steps[-2], steps[-1]
    assert re.search(r'pip install "\$\{\{ github\.action_path \}\}"', install["run"])

    # Each input reaches the command, directly or through a step variable.
    command = run["run"]
    for name in ("path", "args"):
        expression = f"${{{{ inputs.{name} }}}}"
        via_env = [var for var, value in run.get("env", {}).items() if value == expression]
        assert expression in command or any(f"${var}" in command for var in via_env), name

    words = command.split()
    assert words[:2] == ["wsgilint", "check"]
    assert words[words.index("--format") + 1] == "github"
