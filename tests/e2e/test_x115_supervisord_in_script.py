"""X115 on a container script that starts supervisord without `exec`: run as PID 1 of a new
PID namespace (as in a container), the script's dash stays PID 1, and the SIGTERM that
`docker stop` sends it never reaches supervisord, so supervisord never stops its program;
with `exec`, supervisord is PID 1 and stops it. wsgilint reports the first, not the second."""
from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import dash_as_pid1, namespace_pid1

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_supervisor", "need_root")]

PROGRAM = """import signal, sys, time
def term(*_):
    open({log!r}, "a").write("got SIGTERM\\n")
    sys.exit(0)
signal.signal(signal.SIGTERM, term)
time.sleep(300)
"""


def _program_hears_the_stop(tmp_path: Path, last_line: str) -> bool:
    if shutil.which("dash") is None:
        pytest.skip("needs dash (Debian's /bin/sh)")
    log = tmp_path / "program.log"
    (tmp_path / "program.py").write_text(PROGRAM.format(log=str(log)))
    (tmp_path / "supervisord.conf").write_text(
        f"[supervisord]\nnodaemon=true\nlogfile={tmp_path}/supervisord.log\npidfile={tmp_path}/supervisord.pid\n"
        f"[program:app]\ncommand={sys.executable} {tmp_path}/program.py\nstartsecs=0\n")
    supervisord = Path(sys.executable).parent / "supervisord"
    script = tmp_path / "start.sh"
    script.write_text(f"#!/bin/sh\n/bin/true\n{last_line} {supervisord} -c {tmp_path}/supervisord.conf\n")
    with dash_as_pid1(script, tmp_path / "out.log") as process:
        pid1 = namespace_pid1(process.pid)
        supervisord_log, deadline = tmp_path / "supervisord.log", time.monotonic() + 20
        while not (supervisord_log.exists() and "entered RUNNING" in supervisord_log.read_text(errors="replace")):
            assert time.monotonic() < deadline, (tmp_path / "out.log").read_text()
            time.sleep(0.1)
        os.kill(pid1, signal.SIGTERM)      # docker stop: SIGTERM to PID 1 only
        time.sleep(2)
        return log.exists() and "got SIGTERM" in log.read_text()


def _x115(tmp_path: Path, last_line: str) -> list[str]:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "Dockerfile").write_text('FROM python:3.12-slim\nRUN pip install supervisor\n'
                                     'COPY supervisord.conf /etc/supervisord.conf\nCOPY start.sh /start.sh\n'
                                     'CMD ["/bin/sh", "/start.sh"]\n')
    (tree / "supervisord.conf").write_text("[supervisord]\nnodaemon=true\n[program:app]\n"
                                           "command=/usr/local/bin/gunicorn app:app\n")
    (tree / "start.sh").write_text(f"#!/bin/sh\n/bin/true\n{last_line} supervisord -c /etc/supervisord.conf\n")
    return [f.message for f in check([str(tree)]).findings if f.code == "X115"]


def test_supervisord_without_exec_never_hears_docker_stop(tmp_path: Path) -> None:
    assert not _program_hears_the_stop(tmp_path, "")
    messages = _x115(tmp_path, "")
    assert len(messages) == 1 and messages[0].startswith("supervisord is started by a shell without `exec`")


def test_supervisord_with_exec_stops_its_programs(tmp_path: Path) -> None:
    assert _program_hears_the_stop(tmp_path, "exec")
    assert _x115(tmp_path, "exec") == []
