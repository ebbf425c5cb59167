"""X117 against real Supervisor and Gunicorn: what a short ``stopwaitsecs`` does.

Measured here (and in ../shared/reference/lab-supervisor-gunicorn.md, claim 6 for the
process-group part): supervisord sends ``stopsignal`` to the program's pid, waits
``stopwaitsecs``, then SIGKILLs that pid, or its whole process group with ``killasgroup``
(``stopasgroup`` implies it).
- Without it, only Gunicorn's master dies; its workers already had SIGTERM, keep their
  running request and finish it (the client gets 200), orphaned. A ``start`` in that time
  finds the port held: the new master logs ``Connection in use`` and retries.
- With ``killasgroup = true`` the workers die too and the running request is cut.
"""
from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from .servers import (
    LOOPBACK,
    Orphans,
    Servers,
    Supervisord,
    findings_with_code,
    free_port,
    start_supervisord,
    supervisord_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_gunicorn", "need_supervisor")]

STOP_WAIT = 2
REQUEST_SECONDS = 7

APP = '''\
import time


def application(environ, start_response):
    seconds = float(environ.get("QUERY_STRING") or 0)
    time.sleep(seconds)
    body = b"slept"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
'''

GUNICORN_CONF = """\
bind = '127.0.0.1:{port}'
workers = 1
graceful_timeout = 30
control_socket_disable = True
"""

PROGRAM = """\
[program:app]
command = {python} -m gunicorn --no-control-socket -c {conf} --chdir {run} app:application
directory = {run}
stopwaitsecs = {wait}
stdout_logfile = {run}/app.log
redirect_stderr = true
{extra}"""


def write_tree(base: Path, socket_dir: Path, extra: str) -> dict[str, Any]:
    tree, run = base / "tree", base / "run"
    tree.mkdir()
    run.mkdir()
    (run / "app.py").write_text(APP)
    port = free_port()
    conf = tree / "gunicorn.conf.py"
    conf.write_text(GUNICORN_CONF.format(port=port))
    supervisor_conf = tree / "supervisord.conf"
    control = socket_dir / "supervisor.sock"
    programs = PROGRAM.format(python=sys.executable, conf=conf, run=run, wait=STOP_WAIT, extra=extra)
    supervisor_conf.write_text(supervisord_conf(control, run, programs))
    return {"tree": tree, "run": run, "gunicorn": conf, "conf": supervisor_conf, "control": control, "port": port}


def slow_request(port: int, outcome: dict[str, Any]) -> None:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=REQUEST_SECONDS + 20)
    try:
        connection.request("GET", f"/?{REQUEST_SECONDS}")
        response = connection.getresponse()
        outcome["status"] = response.status
        outcome["body"] = response.read()
    except (OSError, http.client.HTTPException) as error:
        outcome["error"] = repr(error)
    finally:
        connection.close()


def stop_during_request(deployment: dict[str, Any], servers: Servers, orphans: Orphans
                        ) -> tuple[Supervisord, threading.Thread, dict[str, Any], subprocess.CompletedProcess[str]]:
    orphans.watch(str(deployment["gunicorn"]), port=deployment["port"])
    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], deployment["run"])
    supervisord.wait_for_state("app", ("RUNNING",))
    deadline = time.monotonic() + 20
    while "Booting worker" not in (deployment["run"] / "app.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    outcome: dict[str, Any] = {}
    request = threading.Thread(target=slow_request, args=(deployment["port"], outcome))
    request.start()
    time.sleep(1.0)   # the worker is inside the request
    stop = supervisord.ctl("stop", "app")
    return supervisord, request, outcome, stop


def test_without_killasgroup_workers_finish_as_orphans_and_a_restart_finds_the_port_held(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers) -> None:
    deployment = write_tree(tmp_path, open_dir, "")
    supervisord, request, outcome, stop = stop_during_request(deployment, servers, orphans)
    assert "stopped" in stop.stdout, stop
    supervisor_log = (deployment["run"] / "supervisord.log").read_text()
    assert "with SIGKILL" in supervisor_log, supervisor_log
    assert orphans.find(), "the worker should outlive its master"
    start = supervisord.ctl("start", "app")
    request.join(REQUEST_SECONDS + 25)
    assert outcome.get("status") == 200, outcome
    time.sleep(STOP_WAIT)
    app_log = (deployment["run"] / "app.log").read_text()
    assert "Connection in use" in app_log, (start, app_log)

    report = wsgilint_json(deployment["tree"])
    findings = findings_with_code(report, "X117")
    assert len(findings) == 1 and findings[0]["severity"] == "info", report["findings"]
    assert "killasgroup" in findings[0]["message"]


def test_with_killasgroup_the_running_request_is_cut(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers) -> None:
    deployment = write_tree(tmp_path, open_dir, "killasgroup = true\n")
    supervisord, request, outcome, stop = stop_during_request(deployment, servers, orphans)
    request.join(REQUEST_SECONDS + 25)
    assert "status" not in outcome and "error" in outcome, outcome
    assert not orphans.find()

    report = wsgilint_json(deployment["tree"])
    findings = findings_with_code(report, "X117")
    assert len(findings) == 1 and findings[0]["severity"] == "warning", report["findings"]
