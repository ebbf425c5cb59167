"""X104 against the real servers: nginx's workers may not connect to uWSGI's unix socket.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 3):
- uWSGI started as root with ``uid``/``gid`` of the app user and no ``chown-socket`` drops
  privileges *before* it binds, so the socket belongs to the app user; without
  ``chmod-socket`` its mode is 0755 (umask 022). Connecting needs write permission, so
  nginx workers running as another user get 502 and nginx logs
  ``connect() to unix:... failed (13: Permission denied)``;
- with ``chown-socket = app:<nginx's group>`` and ``chmod-socket = 660`` uWSGI binds as
  root, hands the socket to that group and then drops privileges: 200.

Real users, real privilege drop: the test creates two throwaway system users (app, web)
and deletes them at the end, so it runs only as root. nginx's workers run as web, uWSGI
drops to app. The socket directory belongs to app, as a systemd ``RuntimeDirectory=``
would. uWSGI is started with the umask 022 systemd and Supervisor give their services.

Because this uWSGI embeds the harness's Python, which may live under a 0700 home
(pyenv under /root), uWSGI runs in a private mount namespace where that Python home is
bind-mounted at a readable path and named by PYTHONHOME (``readable_python_wrapper``).
That changes where Python finds its standard library, nothing about sockets.
"""
from __future__ import annotations

import grp
import pwd
import shutil
import stat
import time
from pathlib import Path

import pytest

from .servers import (
    START_TIMEOUT,
    Servers,
    at,
    copy_uwsgi_params,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    nginx_main_conf_as,
    parent_pid,
    place,
    readable_python_wrapper,
    start_uwsgi,
    wait_for_unix_socket,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi", "need_root")]

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
uid = {app}
gid = {app}
socket = {socket}
vacuum = true
"""
SHARED_WITH_NGINX = "chown-socket = {app}:{web}\nchmod-socket = 660\n"

NGINX_SITE = """\
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            include uwsgi_params;
            uwsgi_pass unix:{socket};
        }}
    }}
"""


def write_tree(base: Path, app: str, web: str, shared: bool) -> dict:
    tree, run, socket_dir = base / "tree", base / "run", base / "sock"
    for directory in (tree, run, socket_dir):
        directory.mkdir(mode=0o755)
    shutil.chown(socket_dir, app, app)
    write_app(run)
    socket = socket_dir / "app.sock"
    nginx_port = free_port()
    ini = UWSGI_INI.format(run=run, app=app, socket=socket)
    if shared:
        ini += SHARED_WITH_NGINX.format(app=app, web=web)
    (tree / "uwsgi.ini").write_text(ini)
    (tree / "nginx.conf").write_text(nginx_main_conf_as(web, NGINX_SITE.format(nginx_port=nginx_port, socket=socket)))
    copy_uwsgi_params(tree)
    return {"tree": tree, "run": run, "socket": socket, "nginx_port": nginx_port, "pyhome": base / "pyhome"}


def start(servers: Servers, deployment: dict):
    uwsgi = start_uwsgi(servers, deployment["tree"] / "uwsgi.ini", deployment["run"],
                        wrapper=readable_python_wrapper(deployment["pyhome"]))
    wait_for_unix_socket(uwsgi, deployment["socket"])
    nginx = servers.nginx(deployment["tree"] / "nginx.conf", deployment["run"], deployment["nginx_port"])
    return uwsgi, nginx


def worker_uids(master_pid: int) -> set[int]:
    """The users nginx's workers run as, once they have all dropped root.

    nginx's master listens before it forks the workers, and a fresh worker is root until it
    calls setuid, so the set is read again until it is non-empty and free of root."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        uids = {Path(f"/proc/{entry.name}").stat().st_uid for entry in Path("/proc").iterdir()
                if entry.name.isdigit() and parent_pid(int(entry.name)) == master_pid}
        if (uids and 0 not in uids) or time.monotonic() > deadline:
            return uids
        time.sleep(0.05)


def test_default_socket_of_another_user_is_502_permission_denied_and_x104(
        open_dir: Path, throwaway_users, servers: Servers):
    app, web = throwaway_users("app"), throwaway_users("web")
    deployment = write_tree(open_dir, app, web, shared=False)
    tree = deployment["tree"]
    uwsgi, nginx = start(servers, deployment)

    socket_stat = deployment["socket"].stat()
    assert (socket_stat.st_uid, stat.S_IMODE(socket_stat.st_mode)) == (pwd.getpwnam(app).pw_uid, 0o755)
    assert worker_uids(nginx.pid) == {pwd.getpwnam(web).pw_uid}
    response = http_get(deployment["nginx_port"], "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{deployment['socket']} failed (13: Permission denied)" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X104")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "502" in finding["message"] and "(13: Permission denied)" in finding["message"], finding["message"]
    assert place(finding, tree) == at(tree / "nginx.conf", "uwsgi_pass")
    related = [place(entry, tree) for entry in finding["related"]]
    assert at(tree / "uwsgi.ini", "socket =") in related
    assert at(tree / "nginx.conf", f"user {web};") in related


def test_socket_shared_with_nginx_group_mode_660_is_200_and_no_error(
        open_dir: Path, throwaway_users, servers: Servers):
    app, web = throwaway_users("app"), throwaway_users("web")
    deployment = write_tree(open_dir, app, web, shared=True)
    uwsgi, nginx = start(servers, deployment)

    socket_stat = deployment["socket"].stat()
    assert (socket_stat.st_uid, socket_stat.st_gid, stat.S_IMODE(socket_stat.st_mode)) == \
        (pwd.getpwnam(app).pw_uid, grp.getgrnam(web).gr_gid, 0o660)
    response = http_get(deployment["nginx_port"], "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    assert {Path(f"/proc/{uwsgi.pid}").stat().st_uid} == {pwd.getpwnam(app).pw_uid}  # it did drop privileges
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X104") == []
    assert errors_of(report) == []


ROOT_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
socket = {socket}
chmod-socket = 664
vacuum = true
"""


def test_root_uwsgi_socket_664_is_502_permission_denied_and_x104(
        open_dir: Path, throwaway_users, servers: Servers):
    """uWSGI that Supervisor starts without user= (root, no uid/gid): chmod-socket = 664 gives
    a root:root socket nginx's workers cannot write to. (uWSGI is started here as root
    directly, as supervisord running as root would start it.)"""
    web = throwaway_users("web")
    tree, run, socket_dir = open_dir / "tree", open_dir / "run", open_dir / "sock"
    for directory in (tree, run, socket_dir):
        directory.mkdir(mode=0o755)
    write_app(run)
    socket = socket_dir / "app.sock"
    nginx_port = free_port()
    (tree / "uwsgi.ini").write_text(ROOT_INI.format(run=run, socket=socket))
    (tree / "supervisord.conf").write_text(f"[supervisord]\n\n[program:app]\ncommand=uwsgi --ini {tree / 'uwsgi.ini'}\n")
    (tree / "nginx.conf").write_text(nginx_main_conf_as(web, NGINX_SITE.format(nginx_port=nginx_port, socket=socket)))
    copy_uwsgi_params(tree)
    uwsgi = start_uwsgi(servers, tree / "uwsgi.ini", run)
    wait_for_unix_socket(uwsgi, socket)
    nginx = servers.nginx(tree / "nginx.conf", run, nginx_port)

    socket_stat = socket.stat()
    assert (socket_stat.st_uid, socket_stat.st_gid, stat.S_IMODE(socket_stat.st_mode)) == (0, 0, 0o664)
    response = http_get(nginx_port, "/", timeout=30)
    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{socket} failed (13: Permission denied)" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X104")
    assert len(findings) == 1, report["findings"]
    assert findings[0]["severity"] == "error"
    assert "group root" in findings[0]["message"], findings[0]["message"]
    assert place(findings[0], tree) == at(tree / "nginx.conf", "uwsgi_pass")
