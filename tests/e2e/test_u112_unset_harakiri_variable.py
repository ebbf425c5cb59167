"""U112 on `harakiri = $(VAR)` where the variable is unset: real uWSGI keeps the text
`$(VAR)`, reads it as 0 and never kills a hung request, while `harakiri = 1` does. wsgilint
warns where the files show the environment whole (a systemd unit that sets others) and
informs, naming the assumption, where an EnvironmentFile outside the tree may set it."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, free_port, http_get, start_uwsgi, uwsgi_app_ini, write_app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

VARIABLE = "WSGILINT_E2E_TIMEOUT_NEVER_SET"
HANGS = 4.0    # seconds the app's /hang takes: well over the one second `harakiri = 1` allows

APP = f'''\
import time

def application(environ, start_response):
    if environ.get("PATH_INFO") == "/hang":
        time.sleep({HANGS})
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]
'''


def _hang(servers: Servers, run: Path, harakiri: str) -> tuple[int | None, float, str]:
    """(status of a request that hangs, or None when the connection is cut; seconds; uWSGI's log)."""
    write_app(run, APP)
    port = free_port()
    ini = run / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"http-socket = 127.0.0.1:{port}", f"harakiri = {harakiri}", "show-config = true"))
    server = start_uwsgi(servers, ini, run)
    server.wait_for_port(port)
    started = time.monotonic()
    try:
        status: int | None = http_get(port, "/hang").status
    except (ConnectionError, OSError):
        status = None
    took = time.monotonic() - started
    server.stop()
    return status, took, server.log()


def test_an_unset_variable_leaves_no_request_timeout(servers: Servers, tmp_path: Path) -> None:
    assert VARIABLE not in os.environ
    status, took, log = _hang(servers, tmp_path, f"$({VARIABLE})")
    assert f"harakiri = $({VARIABLE})" in log      # --show-config: the text kept as written
    assert status == 200 and took >= HANGS and "HARAKIRI ON WORKER" not in log


def test_a_number_kills_the_hung_request(servers: Servers, tmp_path: Path) -> None:
    status, took, log = _hang(servers, tmp_path, "1")
    assert "HARAKIRI ON WORKER" in log and status != 200 and took < HANGS


def _tree(tmp_path: Path, environment: str) -> Path:
    tree = tmp_path / "tree"
    (tree / "deploy").mkdir(parents=True)
    (tree / "deploy" / "uwsgi.ini").write_text(
        f"[uwsgi]\nmodule = app.wsgi\nmaster = true\nsocket = 127.0.0.1:8000\nharakiri = $({VARIABLE})\n")
    (tree / "deploy" / "app.service").write_text(
        f"[Service]\nExecStart=/usr/local/bin/uwsgi --ini /srv/app/deploy/uwsgi.ini\nUser=app\n{environment}\n")
    (tree / "deploy" / "nginx.conf").write_text(
        "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
        "        uwsgi_pass 127.0.0.1:8000;\n    }\n}\n")
    return tree


def test_wsgilint_warns_where_the_environment_is_shown_whole(tmp_path: Path) -> None:
    found = [f for f in check([str(_tree(tmp_path, "Environment=LANG=C.UTF-8"))]).findings if f.code == "U112"]
    assert [f.severity for f in found] == ["warning"] and VARIABLE in found[0].message


def test_wsgilint_informs_where_an_environment_file_is_not_in_the_tree(tmp_path: Path) -> None:
    found = [f for f in check([str(_tree(tmp_path, "EnvironmentFile=/etc/app/env"))]).findings if f.code == "U112"]
    assert [f.severity for f in found] == ["info"] and "/etc/app/env" in found[0].message
