"""X108 against real Supervisor and uWSGI 2.0: ``supervisorctl stop`` makes uWSGI reload.

Measured behaviour this relies on (../shared/reference/lab-supervisor-gunicorn.md claim 5,
lab-uwsgi-nginx.md claim 7):
- supervisord stops with SIGTERM; a uWSGI 2.0 master without ``die-on-term`` takes it as
  "reload" (``...brutally killing workers...``, ``binary reloading uWSGI...``) and does
  not exit, so ``stop`` takes ``stopwaitsecs`` and ends with
  ``killing 'app' (PID) with SIGKILL`` / ``stopped: app (terminated by SIGKILL)``; workers
  may be left behind holding the port (3 of 10 lab runs);
- with ``die-on-term = true`` the same stop takes about a second and uWSGI exits 0.

``stopwaitsecs = 3`` (Supervisor's default is 10) keeps the test short while still far
above the clean stop. Workers left behind are found by port and pid file and killed by
PID at the end.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from .servers import (
    Orphans,
    Servers,
    at,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    place,
    port_accepts,
    start_supervisord,
    start_uwsgi,
    supervisord_conf,
    uwsgi_binary,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi", "need_supervisor")]

STOP_WAIT = 3

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 2
need-app = true
http-socket = 127.0.0.1:{port}
pidfile = {run}/uwsgi.pid
vacuum = true
"""

PROGRAM = """\
[program:app]
command = {uwsgi} --ini {ini}
stopwaitsecs = %d
stdout_logfile = {run}/app.log
redirect_stderr = true
""" % STOP_WAIT


def write_tree(base: Path, socket_dir: Path, die_on_term: bool) -> dict:
    tree, run = base / "tree", base / "run"
    tree.mkdir()
    run.mkdir()
    write_app(run)
    port = free_port()
    ini = tree / "uwsgi.ini"
    ini.write_text(UWSGI_INI.format(run=run, port=port) + ("die-on-term = true\n" if die_on_term else ""))
    conf = tree / "supervisord.conf"
    control = socket_dir / "supervisor.sock"
    conf.write_text(supervisord_conf(control, run, PROGRAM.format(uwsgi=uwsgi_binary(), ini=ini, run=run)))
    return {"tree": tree, "run": run, "ini": ini, "conf": conf, "control": control, "port": port}


def run_and_stop(deployment: dict, servers: Servers, orphans: Orphans):
    """Starts supervisord, checks the app answers, and times ``supervisorctl stop app``."""
    orphans.watch(str(deployment["ini"]), port=deployment["port"], pidfile=deployment["run"] / "uwsgi.pid")
    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], deployment["run"])
    supervisord.wait_for_state("app", ("RUNNING",))
    assert http_get(deployment["port"], "/hello").body == b"ok /hello"
    started = time.monotonic()
    stop = supervisord.ctl("stop", "app")
    return stop, time.monotonic() - started


def test_sigterm_without_die_on_term_reloads_stop_waits_then_sigkill_and_x108(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers):
    deployment = write_tree(tmp_path, open_dir, die_on_term=False)
    tree, run = deployment["tree"], deployment["run"]

    stop, elapsed = run_and_stop(deployment, servers, orphans)

    supervisor_log = (run / "supervisord.log").read_text()
    app_log = (run / "app.log").read_text()
    assert STOP_WAIT - 0.2 <= elapsed < STOP_WAIT + 3, (elapsed, stop)
    assert "with SIGKILL" in supervisor_log and "stopped: app (terminated by SIGKILL)" in supervisor_log, supervisor_log
    assert "...brutally killing workers..." in app_log, app_log

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X108")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert f"the stop waits {STOP_WAIT} s, then SIGKILL" in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment["conf"], "[program:app]")
    # The related location is the uWSGI config, where die-on-term would go.
    assert [place(entry, tree) for entry in finding["related"]] == [at(deployment["ini"], "chdir =")]


def test_die_on_term_stops_in_about_a_second_and_no_error(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers):
    deployment = write_tree(tmp_path, open_dir, die_on_term=True)
    run = deployment["run"]

    stop, elapsed = run_and_stop(deployment, servers, orphans)

    assert elapsed < 2.5, (elapsed, stop)
    assert "stopped: app (exit status 0)" in (run / "supervisord.log").read_text()
    assert "goodbye to uWSGI." in (run / "app.log").read_text()
    assert not port_accepts(deployment["port"]) and orphans.find() == set()
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X108") == []
    assert errors_of(report) == []


def test_uwsgi_stop_exits_without_die_on_term_so_an_execstop_running_it_is_no_error(
        tmp_path: Path, orphans: Orphans, servers: Servers):
    """A systemd unit's ExecStop= runs before KillSignal=: `uwsgi --stop PIDFILE` sends the
    master SIGINT, which ends uWSGI 2.0 without die-on-term (no reload, no SIGKILL)."""
    run = tmp_path / "run"
    run.mkdir()
    write_app(run)
    port = free_port()
    ini = run / "uwsgi.ini"
    ini.write_text(UWSGI_INI.format(run=run, port=port))
    orphans.watch(str(ini), port=port, pidfile=run / "uwsgi.pid")
    server = start_uwsgi(servers, ini, run)
    server.wait_for_port(port)
    binary = uwsgi_binary()
    assert binary is not None
    started = time.monotonic()
    subprocess.run([binary, "--stop", str(run / "uwsgi.pid")], check=True, timeout=30)
    server.process.wait(timeout=10)
    assert time.monotonic() - started < 5
    assert "goodbye to uWSGI." in server.log()
    assert "binary reloading" not in server.log()

    tree = tmp_path / "tree"
    (tree / "etc" / "systemd" / "system").mkdir(parents=True)
    (tree / "etc" / "uwsgi").mkdir(parents=True)
    (tree / "etc" / "uwsgi" / "app.ini").write_text(UWSGI_INI.format(run=run, port=port))
    (tree / "etc" / "uwsgi" / "stop.sh").write_text(f"#!/bin/sh\n{binary} --stop {run}/uwsgi.pid\n")
    unit = tree / "etc" / "systemd" / "system" / "app.service"
    unit.write_text(f"[Service]\nExecStart={binary} --ini /etc/uwsgi/app.ini\n")
    assert [f["severity"] for f in findings_with_code(wsgilint_json(tree), "X108")] == ["error"]
    unit.write_text(f"[Service]\nExecStart={binary} --ini /etc/uwsgi/app.ini\nExecStop=/bin/sh /etc/uwsgi/stop.sh\n")
    assert findings_with_code(wsgilint_json(tree), "X108") == []
