"""U118 against a real uWSGI: a relative `socket` and `pidfile` land in the directory uWSGI is
started from, not beside the INI file. With no unit, Supervisor program or container in the
checked files, that directory is not in them, so U118 is an info naming the assumption; a
systemd unit without `WorkingDirectory=` fixes it to `/`, and U118 warns.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, start_uwsgi, wait_for_unix_socket

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

INI = "[uwsgi]\nmaster = true\nsocket = app.sock\npidfile = app.pid\nwsgi-file = {app}\n"
APP = "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'ok']\n"


def test_the_relative_paths_follow_the_start_directory_and_u118_grades_it(servers: Servers, tmp_path: Path) -> None:
    deploy, start = tmp_path / "deploy", tmp_path / "start"
    deploy.mkdir()
    start.mkdir()
    (deploy / "app.py").write_text(APP)
    ini = deploy / "uwsgi.ini"
    ini.write_text(INI.format(app=deploy / "app.py"))
    server = start_uwsgi(servers, ini, start)
    wait_for_unix_socket(server, start / "app.sock")
    assert (start / "app.pid").is_file()
    assert not (deploy / "app.sock").exists() and not (deploy / "app.pid").exists()
    server.stop()

    alone = [f for f in check([str(deploy)]).findings if f.code == "U118"]
    assert {f.severity for f in alone} == {"info"} and len(alone) == 2
    assert all("no unit, Supervisor program or container" in f.message for f in alone)
    (deploy / "app.service").write_text(f"[Service]\nExecStart=/usr/bin/uwsgi --ini {ini}\n")
    managed = [f for f in check([str(deploy)]).findings if f.code == "U118"]
    assert {f.severity for f in managed} == {"warning"} and len(managed) == 2
