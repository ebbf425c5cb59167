import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"


def write_tree(root: Path, files: dict) -> Path:
    """Materialise a rule example or test tree. Values are text, bytes, or
    ``@link:TARGET`` for a symbolic link (TARGET may dangle)."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content.startswith("@link:"):
            os.symlink(content[len("@link:"):], path)
        else:
            path.write_text(content)
    return root


def unavailable(reason: str) -> None:
    """A program the tests need is missing: skipped here, a failure in CI, where
    ``.ci/run`` installs everything (a skip there would hide a missing install step)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run should have installed it")
    pytest.skip(reason)


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run with the current directory in tmp, so displayed paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
