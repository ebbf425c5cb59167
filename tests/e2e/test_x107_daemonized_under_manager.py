"""X107 against real Supervisor and uWSGI: uWSGI ``daemonize`` under supervisord.

Measured behaviour this relies on (../shared/reference/lab-supervisor-gunicorn.md claim 4):
- the process supervisord starts forks the daemon and exits 0 at once; supervisord logs
  ``exited: app (exit status 0; not expected)``, retries (``startretries`` 3, so 4 spawns),
  then ``gave up: app entered FATAL state, too many start retries too quickly`` and shows
  ``FATAL  Exited too quickly``;
- the first daemon keeps serving, outside supervisord's reach: ``supervisorctl stop``
  says ``ERROR (not running)``; the later daemons fail on the taken port
  (``bind(): Address already in use`` in the daemon log);
- without ``daemonize`` the program is RUNNING and stops on ``supervisorctl stop``.

supervisord runs in the foreground with its own socket, pid file and logs in tmp, and
with Supervisor's defaults (``startsecs`` 1, ``startretries`` 3: FATAL after about 8 s).
The daemons are found by their port and the ``pidfile`` the ini names and killed by PID
at the end. ``die-on-term`` keeps X108 out of the picture.
"""
from __future__ import annotations

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
    parent_pid,
    place,
    port_accepts,
    start_supervisord,
    supervisord_conf,
    uwsgi_binary,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi", "need_supervisor")]

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
http-socket = 127.0.0.1:{port}
pidfile = {run}/uwsgi.pid
vacuum = true
"""
DAEMONIZE = "daemonize = {run}/uwsgi-daemon.log\n"

PROGRAM = """\
[program:app]
command = {uwsgi} --ini {ini}
stdout_logfile = {run}/app.log
redirect_stderr = true
"""

FATAL_TIMEOUT = 25.0


def write_tree(base: Path, socket_dir: Path, daemonize: bool) -> dict:
    tree, run = base / "tree", base / "run"
    tree.mkdir()
    run.mkdir()
    write_app(run)
    port = free_port()
    ini = tree / "uwsgi.ini"
    ini.write_text(UWSGI_INI.format(run=run, port=port) + (DAEMONIZE.format(run=run) if daemonize else ""))
    conf = tree / "supervisord.conf"
    control = socket_dir / "supervisor.sock"
    conf.write_text(supervisord_conf(control, run, PROGRAM.format(uwsgi=uwsgi_binary(), ini=ini, run=run)))
    return {"tree": tree, "run": run, "ini": ini, "conf": conf, "control": control, "port": port}


def test_daemonize_under_supervisor_goes_fatal_leaves_an_orphan_and_x107(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers):
    deployment = write_tree(tmp_path, open_dir, daemonize=True)
    tree, port, run = deployment["tree"], deployment["port"], deployment["run"]
    orphans.watch(str(deployment["ini"]), port=port, pidfile=run / "uwsgi.pid")

    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], run)
    status = supervisord.wait_for_state("app", ("FATAL",), FATAL_TIMEOUT)

    assert "Exited too quickly" in status, status
    log = (run / "supervisord.log").read_text()
    assert log.count("exited: app (exit status 0; not expected)") == 4, log
    assert "gave up: app entered FATAL state, too many start retries too quickly" in log, log
    assert "Address already in use" in (run / "uwsgi-daemon.log").read_text()
    daemons = orphans.find()
    assert daemons and all(parent_pid(pid) != supervisord.server.pid for pid in daemons), daemons
    assert http_get(port, "/still").body == b"ok /still"
    stop = supervisord.ctl("stop", "app")
    assert "ERROR (not running)" in stop.stdout, stop
    assert http_get(port, "/after-stop").body == b"ok /after-stop"

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X107")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "Exited too quickly" in finding["message"] and "orphaned" in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment["ini"], "daemonize =")
    assert [place(entry, tree) for entry in finding["related"]] == [at(deployment["conf"], "command =")]


def test_foreground_uwsgi_under_supervisor_runs_stops_and_no_error(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers):
    deployment = write_tree(tmp_path, open_dir, daemonize=False)
    port, run = deployment["port"], deployment["run"]
    orphans.watch(str(deployment["ini"]), port=port, pidfile=run / "uwsgi.pid")

    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], run)
    supervisord.wait_for_state("app", ("RUNNING",))

    assert http_get(port, "/hello").body == b"ok /hello"
    stop = supervisord.ctl("stop", "app")
    assert "app: stopped" in stop.stdout, stop
    assert not port_accepts(port) and orphans.find() == set()
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X107") == []
    assert errors_of(report) == []


SHELL_PROGRAM = """\
[program:app]
command = /bin/sh -c "{uwsgi} --ini {ini}; tail -f /dev/null"
stopasgroup = true
killasgroup = true
stdout_logfile = {run}/app.log
redirect_stderr = true
"""


def test_daemonize_then_tail_in_a_shell_stays_running_and_the_stop_misses_uwsgi(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers):
    # The shell that runs `tail -f` after the daemonizing uWSGI stays in the foreground:
    # no X107. uWSGI's daemonize calls setsid(), so even the process-group stop misses it:
    # no reload (X108 only informs, as it has no die-on-term).
    deployment = write_tree(tmp_path, open_dir, daemonize=True)
    tree, port, run, ini = deployment["tree"], deployment["port"], deployment["run"], deployment["ini"]
    ini.write_text(ini.read_text().replace("die-on-term = true\n", ""))
    deployment["conf"].write_text(supervisord_conf(deployment["control"], run, SHELL_PROGRAM.format(
        uwsgi=uwsgi_binary(), ini=ini, run=run)))
    orphans.watch(str(ini), port=port, pidfile=run / "uwsgi.pid")

    supervisord = start_supervisord(servers, deployment["conf"], deployment["control"], run)
    supervisord.wait_for_state("app", ("RUNNING",))
    assert http_get(port, "/hello").body == b"ok /hello"
    stop = supervisord.ctl("stop", "app")
    assert "app: stopped" in stop.stdout, stop
    assert http_get(port, "/after-stop").body == b"ok /after-stop"
    daemon_log = (run / "uwsgi-daemon.log").read_text()
    assert "SIGTERM" not in daemon_log and "reload" not in daemon_log, daemon_log

    report = wsgilint_json(tree)
    assert findings_with_code(report, "X107") == []
    assert [f["severity"] for f in findings_with_code(report, "X108")] == ["info"], report["findings"]
    assert errors_of(report) == []
