"""systemd socket activation against the real servers: a .socket unit's address is where
uWSGI and Gunicorn listen, and X101 follows it.

``systemd-socket-activate -l PATH CMD`` (systemd 252) does what systemd does for a
``.socket`` unit with ``Accept=no``: it binds PATH, then execs CMD in the same process with
the socket as fd 3 and ``LISTEN_FDS=1``, ``LISTEN_PID`` = that process. The checked tree
holds the units that describe the same start (``app.socket`` with ``ListenStream=PATH``,
``app.service`` whose ``ExecStart=`` is CMD). Measured here:
- uWSGI with no ``socket`` of its own logs ``- SystemD socket activation detected -`` and
  serves on PATH: nginx ``uwsgi_pass unix:PATH`` answers 200; to a path of another name,
  502 with ``(2: No such file or directory)``;
- Gunicorn with ``bind = unix:OTHER`` in its config serves on PATH only: OTHER is never
  created, nginx ``proxy_pass`` to PATH answers 200, to OTHER (what the config file says)
  502.
"""
from __future__ import annotations

import shutil
import signal
import socket
import sys
from pathlib import Path

import pytest
from conftest import unavailable

from .servers import (
    Servers,
    at,
    copy_uwsgi_params,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    nginx_main_conf,
    place,
    start_nginx,
    start_tracked,
    uwsgi_binary,
    wait_for_log,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_socket_activate")]

SOCKET_UNIT = """\
[Unit]
Description=app socket

[Socket]
ListenStream={socket}

[Install]
WantedBy=sockets.target
"""

SERVICE_UNIT = """\
[Unit]
Description=app
Requires=app.socket

[Service]
ExecStart={command}
KillSignal={signal}
"""

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
harakiri = 30
buffer-size = 32768
"""

GUNICORN_CONF = """\
bind = "unix:{other}"
workers = 1
"""

UWSGI_SITE = """\
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            include uwsgi_params;
            uwsgi_pass unix:{target};
        }}
    }}
"""

GUNICORN_SITE = """\
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            proxy_pass http://unix:{target};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
"""


@pytest.fixture
def need_socket_activate() -> None:
    if shutil.which("systemd-socket-activate") is None:
        unavailable("systemd-socket-activate is not installed (apt-get install systemd)")


def write_tree(base: Path, sockets: Path, program: str, command: list[str], target: Path) -> dict:
    tree, run = base / "tree", base / "run"
    run.mkdir()
    write_app(run)
    units = tree / "etc/systemd/system"
    nginx_conf = tree / "etc/nginx/nginx.conf"
    for directory in (units, nginx_conf.parent):
        directory.mkdir(parents=True, exist_ok=True)
    socket = sockets / "app.sock"
    stop = "SIGINT" if program == "uwsgi" else "SIGTERM"
    (units / "app.socket").write_text(SOCKET_UNIT.format(socket=socket))
    (units / "app.service").write_text(SERVICE_UNIT.format(command=" ".join(command), signal=stop))
    nginx_port = free_port()
    site = UWSGI_SITE if program == "uwsgi" else GUNICORN_SITE
    nginx_conf.write_text(nginx_main_conf(site.format(nginx_port=nginx_port, target=target)))
    copy_uwsgi_params(nginx_conf.parent)
    return {"tree": tree, "run": run, "socket": socket, "nginx_conf": nginx_conf, "nginx_port": nginx_port,
            "command": command, "stop": signal.SIGINT if program == "uwsgi" else signal.SIGTERM}


def start(servers: Servers, deployment: dict):
    """As systemd does, the server is started by the first connection to the socket."""
    argv = ["systemd-socket-activate", "-l", str(deployment["socket"]), *deployment["command"]]
    app = start_tracked(servers, "activated", argv, deployment["run"] / "app.log", deployment["run"],
                        deployment["stop"])
    wait_for_log(app, f"Listening on {deployment['socket']}")
    nginx = start_nginx(servers, deployment["nginx_conf"], deployment["run"], deployment["nginx_port"])
    return app, nginx


def unix_http_status(path: Path) -> int:
    """The status of one HTTP/1.0 GET sent straight to a unix socket (no nginx)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(30)
        connection.connect(str(path))
        connection.sendall(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        head = connection.recv(64)
    return int(head.split(b" ", 2)[1])


def uwsgi_deployment(tmp_path: Path, sockets: Path, wrong_path: bool) -> dict:
    binary = uwsgi_binary()
    if binary is None:
        unavailable("uwsgi is not installed (pip install -e '.[test]' builds it)")
    ini = tmp_path / "tree/etc/uwsgi/app.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(UWSGI_INI.format(run=tmp_path / "run"))
    target = sockets / ("other.sock" if wrong_path else "app.sock")
    return write_tree(tmp_path, sockets, "uwsgi", [binary, "--ini", str(ini)], target)


def gunicorn_deployment(tmp_path: Path, sockets: Path, pass_to_bind: bool) -> dict:
    conf = tmp_path / "tree/etc/gunicorn/app.conf.py"
    conf.parent.mkdir(parents=True)
    other = sockets / "other.sock"
    conf.write_text(GUNICORN_CONF.format(other=other))
    command = [sys.executable, "-m", "gunicorn", "--no-control-socket", "-c", str(conf), "--chdir",
               str(tmp_path / "run"), "app:application"]
    target = other if pass_to_bind else sockets / "app.sock"
    deployment = write_tree(tmp_path, sockets, "gunicorn", command, target)
    deployment["other"] = other
    return deployment


def test_uwsgi_serves_on_the_socket_unit_address(tmp_path: Path, open_dir: Path, servers: Servers):
    deployment = uwsgi_deployment(tmp_path, open_dir, wrong_path=False)
    app, _ = start(servers, deployment)

    response = http_get(deployment["nginx_port"], "/activated", timeout=30)

    assert (response.status, response.body) == (200, b"ok /activated"), app.log()
    assert "- SystemD socket activation detected -" in app.log()
    report = wsgilint_json(deployment["tree"])
    assert errors_of(report) == [] and findings_with_code(report, "X101") == [], report["findings"]


def test_uwsgi_socket_unit_path_differs_from_nginx_is_502_and_x101(tmp_path: Path, open_dir: Path,
                                                                   servers: Servers):
    deployment = uwsgi_deployment(tmp_path, open_dir, wrong_path=True)
    _, nginx = start(servers, deployment)

    response = http_get(deployment["nginx_port"], "/", timeout=30)

    assert response.status == 502
    assert "(2: No such file or directory)" in nginx.log(), nginx.log()
    report = wsgilint_json(deployment["tree"])
    [finding] = findings_with_code(report, "X101")
    assert finding["severity"] == "error" and "502" in finding["message"]
    assert place(finding, deployment["tree"]) == at(deployment["nginx_conf"], "uwsgi_pass")
    related = [place(entry, deployment["tree"]) for entry in finding["related"]]
    assert related == [at(deployment["tree"] / "etc/systemd/system/app.socket", "ListenStream=")]


def test_gunicorn_ignores_its_bind_and_serves_on_the_socket_unit_address(tmp_path: Path, open_dir: Path,
                                                                         servers: Servers):
    deployment = gunicorn_deployment(tmp_path, open_dir, pass_to_bind=False)
    app, _ = start(servers, deployment)

    response = http_get(deployment["nginx_port"], "/activated", timeout=30)

    assert (response.status, response.body) == (200, b"ok /activated"), app.log()
    assert not deployment["other"].exists()
    report = wsgilint_json(deployment["tree"])
    assert errors_of(report) == [] and findings_with_code(report, "X101") == [], report["findings"]


def test_gunicorn_bind_under_activation_is_not_listened_on_502_and_x101(tmp_path: Path, open_dir: Path,
                                                                        servers: Servers):
    deployment = gunicorn_deployment(tmp_path, open_dir, pass_to_bind=True)
    app, nginx = start(servers, deployment)
    # Gunicorn runs (started by this connection) and answers on the socket unit's address only.
    assert unix_http_status(deployment["socket"]) == 200, app.log()

    response = http_get(deployment["nginx_port"], "/", timeout=30)

    assert response.status == 502 and not deployment["other"].exists()
    assert "(2: No such file or directory)" in nginx.log(), nginx.log()
    report = wsgilint_json(deployment["tree"])
    [finding] = findings_with_code(report, "X101")
    assert finding["severity"] == "error"
    assert place(finding, deployment["tree"]) == at(deployment["nginx_conf"], "proxy_pass")
