"""X107, not X115, on a container script that starts supervisord without `-n` or
`nodaemon=true`: run as PID 1 of a new PID namespace (as in a container), supervisord
forks away, the script's shell runs on and exits, and with PID 1 gone the kernel kills
supervisord and its program: the container stops. `exec` would not help (supervisord
itself would exit at once); `-n` keeps PID 1 alive. wsgilint reports the daemonizing, not
the missing `exec`."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import dash_as_pid1

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_supervisor", "need_root")]


def _pid1_alive_after(tmp_path: Path, flags: str, seconds: float = 3.0) -> bool:
    """Whether the namespace's PID 1 (dash running the script) still runs ``seconds`` later."""
    if shutil.which("dash") is None:
        pytest.skip("needs dash (Debian's /bin/sh)")
    (tmp_path / "supervisord.conf").write_text(
        f"[supervisord]\nlogfile={tmp_path}/supervisord.log\npidfile={tmp_path}/supervisord.pid\n"
        f"[program:app]\ncommand={sys.executable} -c \"import time; time.sleep(300)\"\nstartsecs=0\n")
    supervisord = Path(sys.executable).parent / "supervisord"
    script = tmp_path / "start.sh"
    script.write_text(f"#!/bin/sh\n/bin/true\n{supervisord} {flags} -c {tmp_path}/supervisord.conf\n")
    with dash_as_pid1(script, tmp_path / "out.log") as process:
        try:
            process.wait(seconds)
            return False
        except subprocess.TimeoutExpired:
            return True


def _codes(tmp_path: Path, flags: str) -> list[str]:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "Dockerfile").write_text('FROM python:3.12-slim\nRUN pip install supervisor\n'
                                     'COPY supervisord.conf /etc/supervisord.conf\nCOPY start.sh /start.sh\n'
                                     'CMD ["/bin/sh", "/start.sh"]\n')
    (tree / "supervisord.conf").write_text("[supervisord]\nlogfile=/var/log/supervisord.log\n[program:app]\n"
                                           "command=/usr/local/bin/gunicorn app:app\nuser=www-data\n")
    (tree / "start.sh").write_text(f"#!/bin/sh\n/bin/true\nsupervisord {flags} -c /etc/supervisord.conf\n")
    return sorted(f.code for f in check([str(tree)]).findings if f.code in ("X107", "X115"))


def test_supervisord_without_nodaemon_ends_pid1(tmp_path: Path) -> None:
    assert not _pid1_alive_after(tmp_path, "")
    assert _codes(tmp_path, "") == ["X107"]


def test_supervisord_n_keeps_pid1_and_the_shell_in_front(tmp_path: Path) -> None:
    assert _pid1_alive_after(tmp_path, "-n")
    assert _codes(tmp_path, "-n") == ["X115"]
