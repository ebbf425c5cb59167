"""U102's severity follows what real uWSGI makes of a value with a trailing comment: an info
when the value it uses is the intended one, an error when it is not. Measured here on uWSGI
2.0.31 by counting the processes it starts and by connecting where it was meant to listen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import (
    Servers,
    free_port,
    http_get,
    start_uwsgi,
    unix_accepts,
    wait_for_log,
    wait_for_unix_socket,
    write_app,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _processes(servers: Servers, tmp_path: Path, lines: str) -> tuple[int, str]:
    """(processes uWSGI runs, U102's severity) for an ini with these extra lines."""
    write_app(tmp_path)
    port = free_port()
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nhttp-socket = 127.0.0.1:{port}\nmodule = app\n{lines}")
    server = start_uwsgi(servers, ini, tmp_path)
    server.wait_for_port(port)
    assert http_get(port).status == 200
    # The master forks its workers after binding; every case here asks for two of them.
    wait_for_log(server, "spawned uWSGI worker 2 ")
    count = 1 + len(_children(server.pid))
    severities = [f.severity for f in check([str(ini)]).findings if f.code == "U102"]
    server.stop()
    assert len(severities) == 1, severities
    return count, severities[0]


def test_a_number_that_survives_its_comment_is_an_info(servers, tmp_path):
    count, severity = _processes(servers, tmp_path, "master = true\nprocesses = 2 # two workers\n")
    assert count == 3 and severity == "info"      # the master and the 2 workers it was asked for


def test_a_flag_that_keeps_its_truth_is_an_info(servers, tmp_path):
    count, severity = _processes(servers, tmp_path, "processes = 2\nmaster = true # with a master\n")
    assert count == 3 and severity == "info"


def test_a_flag_the_comment_turns_around_is_an_error(servers, tmp_path):
    count, severity = _processes(servers, tmp_path, "processes = 2\nmaster = false # no master\n")
    assert count == 3 and severity == "error"     # a master runs although `false` was meant


def _u102_severity(ini: Path) -> str:
    severities = [f.severity for f in check([str(ini)]).findings if f.code == "U102"]
    assert len(severities) == 1, severities
    return severities[0]


def test_a_tcp_address_that_survives_its_comment_is_an_info(servers, tmp_path):
    write_app(tmp_path)
    port = free_port()
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nhttp-socket = 127.0.0.1:{port}  ; a unix socket was too complicated\nmodule = app\n")
    server = start_uwsgi(servers, ini, tmp_path)
    server.wait_for_port(port)
    # uWSGI logs the whole text as the address, yet listens where the author meant.
    assert f"127.0.0.1:{port}  ; a unix socket" in server.log()
    assert http_get(port).status == 200
    assert _u102_severity(ini) == "info"


def test_a_unix_path_with_a_comment_is_an_error(servers, tmp_path):
    write_app(tmp_path)
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nsocket = {tmp_path}/app.sock # nginx connects here\nmodule = app\n")
    server = start_uwsgi(servers, ini, tmp_path)
    wait_for_unix_socket(server, tmp_path / "app.sock # nginx connects here")
    assert not unix_accepts(tmp_path / "app.sock")
    assert _u102_severity(ini) == "error"
