import os
import shutil
import subprocess
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


NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def nginx_test_http(tmp_path: Path, http_text: str) -> subprocess.CompletedProcess[str]:
    """The real ``nginx -t`` on a main configuration whose ``http`` block holds ``http_text``,
    with its pid file and logs in ``tmp_path``."""
    if NGINX is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
                    f"http {{\n    access_log off;\n    {http_text}\n}}\n")
    return subprocess.run([str(NGINX), "-t", "-q", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log",
                           "-c", str(main)], capture_output=True, text=True, timeout=60)


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
