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
from pathlib import Path

import pytest

from .servers import (
    Servers,
    at,
    copy_uwsgi_params,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    nginx_binary,
    nginx_main_conf,
    place,
    private_tmp_wrapper,
    start_nginx,
    start_uwsgi,
    wait_for_unix_socket,
    write_app,
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

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
socket = {socket}
vacuum = true
"""

NGINX_SITE = """\
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            include uwsgi_params;
            uwsgi_pass unix:{socket};
        }}
    }}
"""


@pytest.fixture
def dir_in_run(servers: Servers):
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


def write_tree(base: Path, socket: Path) -> dict:
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
    nginx_conf.write_text(nginx_main_conf(NGINX_SITE.format(nginx_port=nginx_port, socket=socket)))
    copy_uwsgi_params(nginx_conf.parent)
    ini.write_text(UWSGI_INI.format(run=run, socket=socket))
    return {"tree": tree, "run": run, "unit": unit, "nginx_conf": nginx_conf, "ini": ini, "socket": socket,
            "nginx_port": nginx_port}


def start(servers: Servers, deployment: dict, keep: Path):
    uwsgi = start_uwsgi(servers, deployment["ini"], deployment["run"])
    wait_for_unix_socket(uwsgi, deployment["socket"])
    nginx = start_nginx(servers, deployment["nginx_conf"], deployment["run"], deployment["nginx_port"],
                        wrapper=private_tmp_wrapper(keep))
    return uwsgi, nginx


def has_private_tmp(pid: int) -> bool:
    """``pid`` lives in another mount namespace, with a tmpfs of its own on /tmp."""
    mounts = [line.split() for line in Path(f"/proc/{pid}/mounts").read_text().splitlines()]
    return os.readlink(f"/proc/{pid}/ns/mnt") != os.readlink("/proc/self/ns/mnt") and \
        ["tmpfs", "/tmp", "tmpfs"] in [fields[:3] for fields in mounts]


def seen_by(pid: int, path: Path) -> bool:
    """Whether ``path`` exists in the mount namespace of process ``pid``."""
    return Path(f"/proc/{pid}/root{path}").exists()


def test_socket_under_tmp_with_private_tmp_nginx_is_502_no_such_file_and_x105(
        tmp_path: Path, open_dir: Path, servers: Servers):
    assert str(open_dir).startswith("/tmp/")
    deployment = write_tree(tmp_path, open_dir / "app.sock")
    tree, socket = deployment["tree"], deployment["socket"]
    uwsgi, nginx = start(servers, deployment, keep=tmp_path)

    assert has_private_tmp(nginx.pid)
    assert socket.exists() and not seen_by(nginx.pid, socket)
    response = http_get(deployment["nginx_port"], "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{socket} failed (2: No such file or directory)" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X105")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "502" in finding["message"] and "(2: No such file or directory)" in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment["nginx_conf"], "uwsgi_pass")
    related = [place(entry, tree) for entry in finding["related"]]
    assert at(deployment["unit"], "PrivateTmp=true") in related
    assert at(deployment["ini"], "socket =") in related


def test_socket_under_run_with_private_tmp_nginx_is_200_and_no_error(
        tmp_path: Path, dir_in_run: Path, servers: Servers):
    deployment = write_tree(tmp_path, dir_in_run / "app.sock")
    uwsgi, nginx = start(servers, deployment, keep=tmp_path)

    assert has_private_tmp(nginx.pid) and seen_by(nginx.pid, deployment["socket"])
    response = http_get(deployment["nginx_port"], "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X105") == []
    assert errors_of(report) == []
