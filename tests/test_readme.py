"""The documentation shows what really happens: the README's copy of the seed example's
console output is what wsgilint prints today, and every ``wsgilint ...`` command line in
README.md and docs/*.md runs as written (exit 0 or 1, never 2: no unknown option, rule,
format or path).

Commands are taken from the code blocks (shell, console and the ``run:`` lines of
workflow YAML). They run in a scratch folder that holds the paths the documentation
names as stand-ins for the reader's own: ``examples/`` and, as copies of the seed example,
``deploy/`` and ``snapshot/``. A ``wsgilint`` on PATH runs this checkout. The rule pages
(docs/rules/) are generated from the rules and hold no command lines.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

DOCUMENTS = [PROJECT / "README.md", *sorted((PROJECT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
SHELL_FENCES = {"sh", "bash", "shell", "console", "yaml", "yml", ""}
# A template line (``wsgilint check <path> [--config <config>]``) shows a shape, not a command.
PLACEHOLDER = re.compile(r"<[a-z-]+>")


def command_lines() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        for language, body in FENCE.findall(document.read_text(encoding="utf-8")):
            if language not in SHELL_FENCES:
                continue
            for line in body.splitlines():
                line = line.strip()
                line = re.sub(r"^(- )?run: |^\$ ", "", line)
                line = re.sub(r"\s+#\s.*$", "", line)
                # Only the wsgilint part of `install && wsgilint ...`: the tests never install.
                segments = [segment.strip() for segment in line.split("&&")]
                for segment in segments:
                    words = re.split(r"\s*\|\s*", segment)
                    if any(word.startswith("wsgilint ") or word == "wsgilint" for word in words) \
                            and not PLACEHOLDER.search(segment):
                        found.append((document.relative_to(PROJECT).as_posix(), segment))
    return found


COMMANDS = command_lines()


def test_the_documents_hold_commands() -> None:
    assert len(COMMANDS) >= 15
    assert ("README.md", "wsgilint check examples/seed-django --statistics") in COMMANDS


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    shutil.copytree(PROJECT / "examples", root / "examples")
    for stand_in in ("deploy", "snapshot"):
        shutil.copytree(PROJECT / "examples" / "seed-django", root / stand_in)
    shim = root / "bin" / "wsgilint"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m wsgilint "$@"\n')
    shim.chmod(0o755)
    # The README writes this baseline one line before it uses it; a test run alone needs it too.
    written = subprocess.run([sys.executable, "-m", "wsgilint", "check", "deploy/", "--format", "json"], cwd=root,
                             env={**os.environ, "PYTHONPATH": str(PROJECT)}, capture_output=True, text=True,
                             timeout=120, check=False)
    (root / "wsgilint-baseline.json").write_text(written.stdout)
    return root


@pytest.mark.parametrize("document, command", COMMANDS, ids=[f"{d}: {c}" for d, c in COMMANDS])
def test_each_documented_command_runs_as_written(scratch: Path, document: str, command: str) -> None:
    env = {**os.environ, "PATH": f"{scratch / 'bin'}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(PROJECT)}
    env.pop("CI", None)
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=scratch, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode in (0, 1), f"{document}: {command}\n{done.stderr}"
    assert "Traceback" not in done.stderr


def test_the_readme_shows_the_seed_example_as_it_prints() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "tools" / "readme_output.py"), "--check"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
