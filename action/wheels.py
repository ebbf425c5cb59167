"""Action step "Locate wheels": where wsgilint's wheels are cached, and the cache key.

Run by the runner's Python as ``python -I action/wheels.py``; writes ``dir`` and ``key``
to ``$GITHUB_OUTPUT`` for actions/cache. The key is a hash of the files the wheel is
built from (taken from this action's own directory, never from the checkout), the
interpreter and the platform: a new version of the action, or a new Python, builds anew.
Standard library only: it runs before wsgilint is installed.
"""
from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
import tempfile
from pathlib import Path

# The files a wsgilint wheel is built from; install.py copies exactly these.
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "wsgilint")
SKIPPED_DIRS = {"__pycache__"}
SKIPPED_SUFFIXES = (".pyc", ".pyo")


def build_files(action: Path) -> list[Path]:
    """The files a wheel is built from, sorted (wsgilint/rules is a link to rules/: followed)."""
    files: list[Path] = []
    for name in BUILD_INPUTS:
        top = action / name
        if top.is_file():
            files.append(top)
        elif top.is_dir():
            for folder, subdirs, names in os.walk(top, followlinks=True):
                subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS)
                files.extend(Path(folder) / n for n in sorted(names) if not n.endswith(SKIPPED_SUFFIXES))
    return files


# The pinned versions of the dependencies: a change to them is a new set of wheels too.
CONSTRAINTS = "action/constraints.txt"


def cache_key(action: Path) -> str:
    digest = hashlib.sha256()
    for path in [*build_files(action), action / CONSTRAINTS]:
        digest.update(path.relative_to(action).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    interpreter = f"{sys.implementation.cache_tag}-{sysconfig.get_platform()}"
    return f"wsgilint-wheels-{interpreter}-{digest.hexdigest()[:24]}"


def wheel_dir() -> Path:
    return Path(os.environ.get("RUNNER_TEMP") or tempfile.gettempdir()) / "wsgilint-wheels"


def main() -> int:
    action = Path(os.environ["WSGILINT_ACTION_PATH"])
    outputs = {"dir": str(wheel_dir()), "key": cache_key(action)}
    lines = "".join(f"{name}={value}\n" for name, value in outputs.items())
    output_file = os.environ.get("GITHUB_OUTPUT")
    if output_file:
        with open(output_file, "a", encoding="utf-8") as out:
            out.write(lines)
    sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
