"""X102 against the real servers: the tree wsgilint reads is the tree nginx and the app server run.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 1,
lab-supervisor-gunicorn.md claim 19):
- ``uwsgi_pass`` to a uWSGI ``http-socket``: uWSGI waits for an HTTP request line that
  never comes, drops the connection after ``socket-timeout`` and nginx answers 502;
- ``uwsgi_pass`` to a uWSGI ``socket``: 200;
- ``uwsgi_pass`` to a Gunicorn HTTP bind: the worker waits for a CRLF until the worker
  ``timeout`` aborts it, and Gunicorn's own 500 page goes back through nginx;
- ``uwsgi_pass`` to Gunicorn with ``protocol = "uwsgi"``: 200.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from .servers import (
    Servers,
    at,
    distinct_ports,
    errors_of,
    findings_with_code,
    http_get,
    loopback_server,
    place,
    tree_and_run,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

# uWSGI's default socket-timeout is 4 s; 2 s halves the wait for the 502.
UWSGI_SOCKET_TIMEOUT = 2
# Gunicorn's default worker timeout is 30 s; 2 s makes its 500 arrive sooner.
GUNICORN_TIMEOUT = 2


@dataclass
class Deployment:
    tree: Path          # exactly the files wsgilint checks
    nginx_conf: Path
    app_conf: Path
    nginx_port: int
    app_port: int
    run: Path           # logs, pid files, temp paths and the app: not linted


def make_deployment(base: Path, app_conf_name: str, app_conf: str, location: str) -> Deployment:
    """``app_conf`` and ``location`` are formatted with {port} (the app server's) and {run}."""
    tree, run = tree_and_run(base)
    write_app(run)
    nginx_port, app_port = distinct_ports(2)
    fill = {"port": app_port, "run": run}
    server = loopback_server(nginx_port, f"        location / {{\n{location.format(**fill)}        }}\n")
    nginx_conf = write_nginx_conf(tree / "nginx.conf", server)
    app_path = tree / app_conf_name
    app_path.write_text(app_conf.format(**fill))
    return Deployment(tree, nginx_conf, app_path, nginx_port, app_port, run)


def assert_x102_at_uwsgi_pass(deployment: Deployment, app_listener: str, observed_status: int) -> None:
    """The finding points at both ends, and promises the status the servers really gave."""
    tree = deployment.tree
    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X102")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert str(observed_status) in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment.nginx_conf, "uwsgi_pass")
    assert at(deployment.app_conf, app_listener) in [place(related, tree) for related in finding["related"]]


def assert_no_errors(deployment: Deployment) -> None:
    report = wsgilint_json(deployment.tree)
    assert not findings_with_code(report, "X102")
    assert errors_of(report) == []


UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
socket-timeout = %d
""" % UWSGI_SOCKET_TIMEOUT

UWSGI_PASS = "            include uwsgi_params;\n            uwsgi_pass 127.0.0.1:{port};\n"


@pytest.mark.usefixtures("need_uwsgi")
def test_uwsgi_pass_to_uwsgi_http_socket_is_502_after_socket_timeout_and_x102(tmp_path: Path, servers: Servers) -> None:
    deployment = make_deployment(
        tmp_path, "uwsgi.ini", UWSGI_INI + "http-socket = 127.0.0.1:{port}\n", UWSGI_PASS)

    uwsgi = servers.uwsgi(deployment.app_conf, deployment.app_port, deployment.run)
    nginx = servers.nginx(deployment.nginx_conf, deployment.run, deployment.nginx_port)
    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    # The 502 comes from uWSGI giving up on the request, not from a refused connection.
    assert UWSGI_SOCKET_TIMEOUT - 0.5 <= response.elapsed < UWSGI_SOCKET_TIMEOUT + 8, response.elapsed
    assert "upstream prematurely closed connection" in (deployment.run / "error.log").read_text()
    assert_x102_at_uwsgi_pass(deployment, "http-socket", response.status)


@pytest.mark.usefixtures("need_uwsgi")
def test_uwsgi_pass_to_uwsgi_socket_is_200_and_no_error(tmp_path: Path, servers: Servers) -> None:
    deployment = make_deployment(
        tmp_path, "uwsgi.ini", UWSGI_INI + "socket = 127.0.0.1:{port}\n", UWSGI_PASS)

    uwsgi = servers.uwsgi(deployment.app_conf, deployment.app_port, deployment.run)
    nginx = servers.nginx(deployment.nginx_conf, deployment.run, deployment.nginx_port)
    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    assert_no_errors(deployment)


GUNICORN_CONF = """\
bind = "127.0.0.1:{port}"
workers = 1
timeout = %d
chdir = "{run}"
wsgi_app = "app:application"
""" % GUNICORN_TIMEOUT


@pytest.mark.usefixtures("need_gunicorn")
def test_uwsgi_pass_to_gunicorn_http_bind_is_500_after_worker_timeout_and_x102(
        tmp_path: Path, servers: Servers) -> None:
    deployment = make_deployment(tmp_path, "gunicorn.conf.py", GUNICORN_CONF, UWSGI_PASS)

    gunicorn = servers.gunicorn(deployment.app_conf, deployment.app_port, deployment.run)
    nginx = servers.nginx(deployment.nginx_conf, deployment.run, deployment.nginx_port)
    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 500, (nginx.log(), gunicorn.log())
    assert response.elapsed >= GUNICORN_TIMEOUT - 0.5, response.elapsed
    assert "WORKER TIMEOUT" in gunicorn.log()
    assert_x102_at_uwsgi_pass(deployment, "bind", response.status)


@pytest.mark.usefixtures("need_gunicorn")
def test_uwsgi_pass_to_gunicorn_uwsgi_protocol_is_200_and_no_error(tmp_path: Path, servers: Servers) -> None:
    deployment = make_deployment(
        tmp_path, "gunicorn.conf.py", GUNICORN_CONF + 'protocol = "uwsgi"\n', UWSGI_PASS)

    gunicorn = servers.gunicorn(deployment.app_conf, deployment.app_port, deployment.run)
    nginx = servers.nginx(deployment.nginx_conf, deployment.run, deployment.nginx_port)
    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), gunicorn.log())
    assert_no_errors(deployment)
