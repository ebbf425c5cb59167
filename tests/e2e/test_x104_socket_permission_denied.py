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
from collections.abc import Callable
from pathlib import Path

import pytest

from .servers import (
    START_TIMEOUT,
    AppBehindNginx,
    Server,
    Servers,
    at,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    loopback_server,
    parent_pid,
    place,
    readable_python_wrapper,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi", "need_root")]

LOCATION = """\
        location / {{
            include uwsgi_params;
            uwsgi_pass unix:{socket};
        }}
"""


def socket_in(base: Path) -> Path:
    return base / "sock" / "app.sock"


def write_tree(base: Path, web: str, *uwsgi_lines: str, socket_owner: str | None = None) -> AppBehindNginx:
    """uWSGI (``uwsgi_lines`` in its ini) on ``socket_in(base)`` behind nginx whose workers run as
    ``web``. The directories are 0755; the socket's belongs to ``socket_owner`` if given, as a
    systemd ``RuntimeDirectory=`` would."""
    tree, run, socket = base / "tree", base / "run", socket_in(base)
    for directory in (tree, run, socket.parent):
        directory.mkdir(mode=0o755)
    if socket_owner is not None:
        shutil.chown(socket.parent, socket_owner, socket_owner)
    write_app(run)
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, *uwsgi_lines))
    nginx_port = free_port()
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, LOCATION.format(socket=socket)), user=web)
    return AppBehindNginx(tree, run, ini, conf, nginx_port, socket)


def app_user_tree(base: Path, app: str, web: str, shared: bool) -> AppBehindNginx:
    """uWSGI that drops to ``app``; ``shared``: its socket handed to nginx's group, mode 660."""
    shared_lines = (f"chown-socket = {app}:{web}", "chmod-socket = 660") if shared else ()
    return write_tree(base, web, f"uid = {app}", f"gid = {app}", f"socket = {socket_in(base)}", "vacuum = true",
                      *shared_lines, socket_owner=app)


def start_dropping_privileges(servers: Servers, deployment: AppBehindNginx, base: Path) -> tuple[Server, Server]:
    return deployment.start(servers, uwsgi_wrapper=readable_python_wrapper(base / "pyhome"))


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
        open_dir: Path, throwaway_users: Callable[[str], str], servers: Servers) -> None:
    app, web = throwaway_users("app"), throwaway_users("web")
    deployment = app_user_tree(open_dir, app, web, shared=False)
    tree, socket = deployment.tree, socket_in(open_dir)
    uwsgi, nginx = start_dropping_privileges(servers, deployment, open_dir)

    socket_stat = socket.stat()
    assert (socket_stat.st_uid, stat.S_IMODE(socket_stat.st_mode)) == (pwd.getpwnam(app).pw_uid, 0o755)
    assert worker_uids(nginx.pid) == {pwd.getpwnam(web).pw_uid}
    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{socket} failed (13: Permission denied)" in nginx.log(), nginx.log()

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
        open_dir: Path, throwaway_users: Callable[[str], str], servers: Servers) -> None:
    app, web = throwaway_users("app"), throwaway_users("web")
    deployment = app_user_tree(open_dir, app, web, shared=True)
    uwsgi, nginx = start_dropping_privileges(servers, deployment, open_dir)

    socket_stat = socket_in(open_dir).stat()
    assert (socket_stat.st_uid, socket_stat.st_gid, stat.S_IMODE(socket_stat.st_mode)) == \
        (pwd.getpwnam(app).pw_uid, grp.getgrnam(web).gr_gid, 0o660)
    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    assert {Path(f"/proc/{uwsgi.pid}").stat().st_uid} == {pwd.getpwnam(app).pw_uid}  # it did drop privileges
    report = wsgilint_json(deployment.tree)
    assert findings_with_code(report, "X104") == []
    assert errors_of(report) == []


def test_root_uwsgi_socket_664_is_502_permission_denied_and_x104(
        open_dir: Path, throwaway_users: Callable[[str], str], servers: Servers) -> None:
    """uWSGI that Supervisor starts without user= (root, no uid/gid): chmod-socket = 664 gives
    a root:root socket nginx's workers cannot write to. (uWSGI is started here as root
    directly, as supervisord running as root would start it.)"""
    web = throwaway_users("web")
    socket = socket_in(open_dir)
    deployment = write_tree(open_dir, web, f"socket = {socket}", "chmod-socket = 664", "vacuum = true")
    tree = deployment.tree
    (tree / "supervisord.conf").write_text(f"[supervisord]\n\n[program:app]\ncommand=uwsgi --ini {deployment.ini}\n")
    uwsgi, nginx = deployment.start(servers)

    socket_stat = socket.stat()
    assert (socket_stat.st_uid, socket_stat.st_gid, stat.S_IMODE(socket_stat.st_mode)) == (0, 0, 0o664)
    response = http_get(deployment.nginx_port, "/", timeout=30)
    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert f"connect() to unix:{socket} failed (13: Permission denied)" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X104")
    assert len(findings) == 1, report["findings"]
    assert findings[0]["severity"] == "error"
    assert "group root" in findings[0]["message"], findings[0]["message"]
    assert place(findings[0], tree) == at(tree / "nginx.conf", "uwsgi_pass")
