"""U106 against real uWSGI: what the next start does with the files a stop without `vacuum`
left behind.

U106 says a leftover socket and pidfile in a container's own layer, where uWSGI is the main
process, only inform: nothing runs in the container while uWSGI is down, and the next start
replaces both. Measured here: after a stop without `vacuum` the socket file and the pidfile
(with the old pid) stay; a new uWSGI over them binds the socket (it accepts) and writes its
own master's pid into the pidfile.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import Servers, start_uwsgi, unix_accepts, wait_for_exit, wait_for_unix_socket, write_app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
socket = {run}/app.sock
pidfile = {run}/app.pid
"""


def test_the_next_start_rebinds_the_stale_socket_and_rewrites_the_pidfile(servers: Servers, tmp_path: Path) -> None:
    write_app(tmp_path)
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(UWSGI_INI.format(run=tmp_path))
    sock, pidfile = tmp_path / "app.sock", tmp_path / "app.pid"

    first = start_uwsgi(servers, ini, tmp_path, "first.log")
    wait_for_unix_socket(first, sock)
    first.stop()
    assert wait_for_exit(first) is not None
    # Without vacuum both stay: the socket refuses connections, the pidfile names a gone process.
    assert sock.exists() and not unix_accepts(sock)
    assert pidfile.read_text().strip() == str(first.pid)

    second = start_uwsgi(servers, ini, tmp_path, "second.log")
    wait_for_unix_socket(second, sock)
    assert pidfile.read_text().strip() == str(second.pid)
