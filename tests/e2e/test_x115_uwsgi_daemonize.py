"""X115 on a container script that starts a uWSGI whose ini sets `daemonize`, then runs a
command that holds the shell (a Celery worker; `tail -f /dev/null` stands in for it here).
Run as PID 1 of a new PID namespace (as in a container), with the pip uWSGI 2.0: uWSGI forks
away into a session of its own and the SIGTERM `docker stop` sends to PID 1 never reaches
it, while `exec uwsgi` with `daemonize` leaves PID 1 at once, which ends the container
before uWSGI serves (without `daemonize`, `exec uwsgi` serves and stops on the SIGTERM).
wsgilint says to drop `daemonize` and exec uWSGI, and names the commands `exec` would cut off."""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import alive, dash_as_pid1, free_port, http_get, namespace_pid1, port_accepts, uwsgi_binary, write_app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi", "need_root")]


def _ini(directory: Path, port: int, daemonize: bool) -> Path:
    ini = directory / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nchdir = {directory}\nmodule = app\nmaster = true\ndie-on-term = true\nneed-app = true\n"
                   f"http-socket = 127.0.0.1:{port}\n" + (f"daemonize = {directory}/uwsgi.log\n" if daemonize else ""))
    return ini


def _run(tmp_path: Path, lines: str, daemonize: bool = True) -> tuple[bool, bool, bool]:
    """Run the script under dash as PID 1; once uWSGI serves, SIGTERM PID 1 as `docker stop`
    does. Returns whether uWSGI ever served, and (PID 1 alive, uWSGI serving) 2 s after the
    signal; all False where PID 1 ended by itself before uWSGI served."""
    if shutil.which("dash") is None:
        pytest.skip("needs dash (Debian's /bin/sh)")
    port = free_port()
    write_app(tmp_path)
    ini = _ini(tmp_path, port, daemonize)
    script = tmp_path / "start.sh"
    script.write_text("#!/bin/sh\n" + lines.format(uwsgi=f"{uwsgi_binary()} --ini {ini}") + "\n")
    with dash_as_pid1(script, tmp_path / "out.log") as process:
        try:
            pid1 = namespace_pid1(process.pid)
        except TimeoutError:
            return False, False, False
        deadline = time.monotonic() + 20
        while not port_accepts(port):
            if not alive(pid1):
                return False, False, False     # PID 1 ended: the namespace, uWSGI with it, is gone
            assert time.monotonic() < deadline, (tmp_path / "out.log").read_text()
            time.sleep(0.1)
        # A served request, not just a bound port: a PID 1 drops a signal it has no handler for
        # yet, and uWSGI binds before its master sets its handlers.
        assert http_get(port).status == 200
        os.kill(pid1, signal.SIGTERM)
        time.sleep(2)
        return True, alive(pid1), port_accepts(port)


def test_daemonized_uwsgi_held_by_a_command_ignores_docker_stop(tmp_path: Path) -> None:
    assert _run(tmp_path, "{uwsgi}\ntail -f /dev/null") == (True, True, True)


def test_exec_uwsgi_with_daemonize_ends_pid1_at_once(tmp_path: Path) -> None:
    assert _run(tmp_path, "exec {uwsgi}") == (False, False, False)


def test_exec_uwsgi_without_daemonize_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    assert _run(tmp_path, "exec {uwsgi}", daemonize=False) == (True, False, False)


def test_x115_says_drop_daemonize_and_names_the_commands_after(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "app").mkdir(parents=True)
    (tree / "app/Dockerfile").write_text("FROM python:3.12-slim\nWORKDIR /srv/app\nCOPY . /srv/app\n")
    (tree / "app/uwsgi.ini").write_text("[uwsgi]\nmodule = app\nmaster = true\ndie-on-term = true\n"
                                        "socket = 0.0.0.0:8000\ndaemonize = /tmp/uwsgi.log\n")
    (tree / "app/start.sh").write_text("#!/bin/bash\nuwsgi --ini /srv/app/uwsgi.ini &&\n"
                                       "celery -A tasks worker -l info\n")
    (tree / "compose.yaml").write_text("services:\n  web:\n    build: ./app\n    command: /bin/bash start.sh\n")
    [message] = [f.message for f in check([str(tree)]).findings if f.code == "X115"]
    assert "uWSGI forks away (`daemonize = /tmp/uwsgi.log`)" in message
    assert "remove `daemonize`" in message and "`celery -A tasks worker -l info`" in message
