"""Action step "Install wsgilint": a wheel from the cache, or built once from this action.

Run by the runner's Python as ``python -I action/install.py`` in the action's directory.
pip runs as ``python -I -m pip`` (the working directory and ``PYTHON*`` variables stay off
``sys.path``, so a ``pip.py`` planted in the checkout is never imported). On a cache miss
the wheels of wsgilint and its dependencies are built from a copy of this action's build
inputs (``wheels.BUILD_INPUTS``) in a temporary folder, so no ``build/`` or egg-info lands
in the action, nor in the checkout when the action is used as ``uses: ./``. wsgilint is
then installed from that folder alone (``--no-index``): never from the checkout.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# `python -I` leaves the script's own folder off sys.path (3.11+); this folder is the
# action's, never the checkout.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from wheels import BUILD_INPUTS, CONSTRAINTS, SKIPPED_DIRS  # noqa: E402

PIP = [sys.executable, "-I", "-m", "pip", "--disable-pip-version-check", "--no-input"]


def version(action: Path) -> str:
    text = (action / "wsgilint" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("wsgilint action: no __version__ in wsgilint/__init__.py")
    return found.group(1)


def stage(action: Path, into: Path) -> Path:
    """A copy of the build inputs; the rules link becomes the folder it points to."""
    source = into / "wsgilint-source"
    source.mkdir()
    skipped = shutil.ignore_patterns(*SKIPPED_DIRS, "*.pyc")
    for name in BUILD_INPUTS:
        top = action / name
        if top.is_file():
            shutil.copy2(top, source / name)
        elif top.is_dir():
            shutil.copytree(top, source / name, symlinks=False, ignore=skipped)
    return source


def run(argv: list[str]) -> None:
    print("+", " ".join(argv), flush=True)
    subprocess.run(argv, check=True)


def main() -> int:
    action = Path(os.environ["WSGILINT_ACTION_PATH"])
    wheels = Path(os.environ["WSGILINT_WHEELS"])
    wanted = version(action)
    # A wheel name spells "-" in a version as "_"; wsgilint's versions have none.
    if any(wheels.glob(f"wsgilint-{wanted}-*.whl")):
        print(f"wsgilint {wanted}: wheels from the cache in {wheels}", flush=True)
    else:
        wheels.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="wsgilint-build-") as scratch:
            run([*PIP, "wheel", "--wheel-dir", str(wheels), "--constraint", str(action / CONSTRAINTS),
                 str(stage(action, Path(scratch)))])
    try:
        run([*PIP, "install", "--no-index", "--find-links", str(wheels), f"wsgilint=={wanted}"])
    except subprocess.CalledProcessError as error:
        return error.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
