"""X105 against the real servers: nginx with a private /tmp cannot see a socket under /tmp.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 17):
- nginx started in its own mount namespace with an empty tmpfs over /tmp (what systemd's
  ``PrivateTmp=yes`` sets up) while uWSGI binds ``/tmp/.../app.sock`` in the host's /tmp:
  nginx answers 502 and logs ``connect() to unix:... failed (2: No such file or directory)``;
- the same private-/tmp nginx with the socket in a directory under /run: 200.

PID 1 here need not be systemd, so the test does what systemd would: ``unshare -m`` and a
fresh tmpfs over /tmp for nginx only, with nginx's own config and prefix directory mounted
back (``private_tmp_wrapper``). The checked tree is a snapshot of a host's / whose
``etc/systemd/system/nginx.service`` says ``PrivateTmp=true``: that unit describes how the
test runs nginx. Needs root (mount namespaces, a directory under /run).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .servers import (
    AppBehindNginx,
    Server,
    Servers,
    at,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    loopback_server,
    nginx_binary,
    place,
    private_tmp_wrapper,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi", "need_root")]

NGINX_UNIT = """\
[Unit]
Description=nginx with its own /tmp
[Service]
Type=simple
ExecStart={nginx} -g 'daemon off;'
PrivateTmp=true
"""

LOCATION = """\
        location / {{
            include uwsgi_params;
            uwsgi_pass unix:{socket};
        }}
"""


@pytest.fixture
def dir_in_run(servers: Servers) -> Iterator[Path]:
    """A directory under /run, as RuntimeDirectory= would make; removed after the servers stopped."""
    path = Path(tempfile.mkdtemp(prefix="wle2e-", dir="/run"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        try:
            servers.stop_all()
        finally:
            shutil.rmtree(path)


def write_tree(base: Path, socket: Path) -> tuple[AppBehindNginx, Path]:
    """The deployment (uWSGI on ``socket``) and the nginx unit in its tree."""
    tree, run = base / "tree", base / "run"
    run.mkdir()
    write_app(run)
    nginx_port = free_port()
    unit = tree / "etc/systemd/system/nginx.service"
    nginx_conf = tree / "etc/nginx/nginx.conf"
    ini = tree / "etc/uwsgi/app.ini"
    for path in (unit, nginx_conf, ini):
        path.parent.mkdir(parents=True, exist_ok=True)
    unit.write_text(NGINX_UNIT.format(nginx=nginx_binary()))
    write_nginx_conf(nginx_conf, loopback_server(nginx_port, LOCATION.format(socket=socket)))
    ini.write_text(uwsgi_app_ini(run, f"socket = {socket}", "vacuum = true"))
    return AppBehindNginx(tree, run, ini, nginx_conf, nginx_port, socket), unit


def start(servers: Servers, deployment: AppBehindNginx, keep: Path) -> tuple[Server, Server]:
    """uWSGI as it is, nginx with a private /tmp that holds ``keep`` only."""
    return deployment.start(servers, nginx_wrapper=private_tmp_wrapper(keep))


def has_private_tmp(pid: int) -> bool:
    """``pid`` lives in another mount namespace, with a tmpfs of its own on /tmp."""
    mounts = [line.split() for line in Path(f"/proc/{pid}/mounts").read_text().splitlines()]
    return os.readlink(f"/proc/{pid}/ns/mnt") != os.readlink("/proc/self/ns/mnt") and \
        ["tmpfs", "/tmp", "tmpfs"] in [fields[:3] for fields in mounts]


def seen_by(pid: int, path: Path) -> bool:
    """Whether ``path`` exists in the mount namespace of process ``pid``."""
    return Path(f"/proc/{pid}/root{path}").exists()


def test_socket_under_tmp_with_private_tmp_nginx_is_502_no_such_file_and_x105(
        tmp_path: Path, open_dir: Path, servers: Servers) -> None:
    assert str(open_dir).startswith("/tmp/")
    socket = open_dir / "app.sock"
    deployment, unit = write_tree(tmp_path, socket)
    tree = deployment.tree
    uwsgi, nginx = start(servers, deployment, keep=tmp_path)

    assert has_private_tmp(nginx.pid)
    assert socket.exists() and not seen_by(nginx.pid, socket)
    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{socket} failed (2: No such file or directory)" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X105")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "502" in finding["message"] and "(2: No such file or directory)" in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment.conf, "uwsgi_pass")
    related = [place(entry, tree) for entry in finding["related"]]
    assert at(unit, "PrivateTmp=true") in related
    assert at(deployment.ini, "socket =") in related


def test_socket_under_run_with_private_tmp_nginx_is_200_and_no_error(
        tmp_path: Path, dir_in_run: Path, servers: Servers) -> None:
    socket = dir_in_run / "app.sock"
    deployment, _ = write_tree(tmp_path, socket)
    uwsgi, nginx = start(servers, deployment, keep=tmp_path)

    assert has_private_tmp(nginx.pid) and seen_by(nginx.pid, socket)
    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    report = wsgilint_json(deployment.tree)
    assert findings_with_code(report, "X105") == []
    assert errors_of(report) == []
