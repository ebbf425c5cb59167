"""X114 against real Supervisor and Gunicorn: an app server on its supervisord's own web port.

supervisord binds its ``[inet_http_server]`` before it starts a program. A Gunicorn it starts
on that port logs ``Connection in use``, retries for five seconds and exits; supervisord starts
it again, and again (it stayed up past ``startsecs``: supervisord never gives up on it), while
the port answers with supervisord's web interface. On a port of its own the same program runs.
"""
from __future__ import annotations

import http.client
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .servers import (
    LOOPBACK,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
    place,
    start_supervisord,
    supervisord_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_gunicorn", "need_supervisor")]

APP = '''\
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "3")])
    return [b"app"]
'''

PROGRAMS = """\
[inet_http_server]
port = 127.0.0.1:{web}

[program:app]
command = {python} -m gunicorn --no-control-socket -b 127.0.0.1:{app} --chdir {run} app:application
directory = {run}
stdout_logfile = {run}/app.log
redirect_stderr = true
"""


def write_tree(base: Path, socket_dir: Path, web: int, app: int) -> dict[str, Any]:
    tree, run = base / "tree", base / "run"
    tree.mkdir()
    run.mkdir()
    (run / "app.py").write_text(APP)
    conf = tree / "supervisord.conf"
    control = socket_dir / "supervisor.sock"
    conf.write_text(supervisord_conf(control, run, PROGRAMS.format(web=web, app=app, python=sys.executable, run=run)))
    return {"tree": tree, "run": run, "conf": conf, "control": control}


def wait_for_text(path: Path, text: str, count: int, timeout: float = 40.0) -> str:
    deadline = time.monotonic() + timeout
    content = ""
    while time.monotonic() < deadline:
        content = path.read_text() if path.exists() else ""
        if content.count(text) >= count:
            return content
        time.sleep(0.2)
    raise TimeoutError(f"{text!r} not {count} times in {path} within {timeout} s:\n{content}")


def get(port: int) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_gunicorn_on_the_web_interface_port_never_runs_and_x114(
        tmp_path: Path, open_dir: Path, servers: Servers) -> None:
    [port] = distinct_ports(1)
    deployment = write_tree(tmp_path, open_dir, port, port)
    start_supervisord(servers, deployment["conf"], deployment["control"], deployment["run"])
    wait_for_text(deployment["run"] / "app.log", "Connection in use", 1)
    # Started again after it gave up: twice the exit, and each time the port is supervisord's.
    wait_for_text(deployment["run"] / "supervisord.log", "exited: app", 2)
    status, body = get(port)
    assert status == 200 and b"Supervisor" in body, body[:200]

    findings = findings_with_code(wsgilint_json(deployment["tree"]), "X114")
    assert [place(f, deployment["tree"]) for f in findings] == [at(deployment["conf"], "-b 127.0.0.1")]
    assert findings[0]["severity"] == "error"
    assert '("Connection in use")' in findings[0]["message"], findings[0]["message"]
    assert [place(r, deployment["tree"]) for r in findings[0]["related"]] == [at(deployment["conf"], "port =")]


def test_gunicorn_on_a_port_of_its_own_runs_and_no_x114(tmp_path: Path, open_dir: Path, servers: Servers) -> None:
    web, app = distinct_ports(2)
    deployment = write_tree(tmp_path, open_dir, web, app)
    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], deployment["run"])
    supervisord.wait_for_state("app", ("RUNNING",))
    assert get(app) == (200, b"app")
    assert findings_with_code(wsgilint_json(deployment["tree"]), "X114") == []
