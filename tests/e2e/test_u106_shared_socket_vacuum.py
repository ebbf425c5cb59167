"""U106 against real uWSGI: what `vacuum` removes when uWSGI stops.

`vacuum = true` removes the unix socket uWSGI bound itself, but not one bound with
`shared-socket` (mapped to a worker socket with `socket = =0` or not): uWSGI 2.0 logs
"VACUUM WARNING: unix socket ... changed inode. Skip removal" and leaves the file. So
U106 asks for vacuum for the first and says nothing of the second.
"""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from .servers import (
    Servers,
    at,
    findings_with_code,
    place,
    start_uwsgi,
    uwsgi_get,
    wait_for_exit,
    wait_for_signal_handler,
    wait_for_unix_socket,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
shared-socket = {run}/shared.sock
socket = =0
socket = {run}/own.sock
{vacuum}
"""


def run_and_stop(servers: Servers, tmp_path: Path, vacuum: bool) -> tuple[Path, str]:
    """Starts uWSGI with both sockets, stops it with SIGINT; (its folder, its log)."""
    run = tmp_path / ("vacuum" if vacuum else "plain")
    run.mkdir()
    write_app(run)
    ini = run / "uwsgi.ini"
    ini.write_text(UWSGI_INI.format(run=run, vacuum="vacuum = true" if vacuum else ""))
    server = start_uwsgi(servers, ini, run)
    wait_for_unix_socket(server, run / "shared.sock")
    wait_for_unix_socket(server, run / "own.sock")
    # A stop must reach both processes ready for it: the worker answering shows its own
    # handlers are set (a just-forked worker still runs the master's and outlives SIGINT),
    # and the master catches SIGINT once its loop has begun (before that, SIGINT kills it
    # without the vacuum).
    assert uwsgi_get(run / "own.sock").status == 200
    wait_for_signal_handler(server, signal.SIGINT)
    server.stop()
    assert wait_for_exit(server) is not None
    return run, server.log()


def test_vacuum_removes_its_own_socket_and_skips_the_shared_one(servers: Servers, tmp_path: Path) -> None:
    run, log = run_and_stop(servers, tmp_path, vacuum=True)
    assert not (run / "own.sock").exists()
    assert (run / "shared.sock").exists()
    assert f"VACUUM WARNING: unix socket {run}/shared.sock changed inode. Skip removal" in log
    run, _ = run_and_stop(servers, tmp_path, vacuum=False)
    assert (run / "own.sock").exists() and (run / "shared.sock").exists()


def test_u106_names_the_own_socket_only(servers: Servers, tmp_path: Path) -> None:
    run, _ = run_and_stop(servers, tmp_path, vacuum=False)
    ini = run / "uwsgi.ini"
    findings = findings_with_code(wsgilint_json(run), "U106")
    assert [place(f, run) for f in findings] == [at(ini, "own.sock")]
    assert "own.sock" in findings[0]["message"] and "shared.sock" not in findings[0]["message"]
