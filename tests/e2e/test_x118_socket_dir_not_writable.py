"""X118 against the real uWSGI: it drops to ``uid`` before it binds, in a directory only root may write.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 3):
- without ``chown-socket`` uWSGI applies ``gid``/``uid`` first (``setgid() to ...``,
  ``setuid() to ...``) and then binds: in a root-owned 0755 directory that fails with
  ``bind(): Permission denied`` and uWSGI exits with status 1 before it loads Python;
- with ``chown-socket`` it binds as root, chowns the socket, then drops privileges: it
  starts and serves.

The socket directory is a root-owned 0755 directory the test creates (so nothing under
/run is touched). wsgilint knows /run and /var/run belong to root; for any other
directory it needs to look at the real one, so the tree is checked with ``--root /``:
the files in the tree *are* this machine's config, at the paths the servers use, and
wsgilint stats the socket directory as it would on the host itself.

The app user is a throwaway system user (created and deleted by the test; root only).
The fixed uWSGI loads Python as that user, so it runs with ``readable_python_wrapper``
(see test_x104): the harness's Python may live under a 0700 home.
"""
from __future__ import annotations

import pwd
from pathlib import Path

import pytest

from .servers import (
    Servers,
    at,
    errors_of,
    findings_with_code,
    place,
    readable_python_wrapper,
    start_uwsgi,
    uwsgi_get,
    wait_for_exit,
    wait_for_unix_socket,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi", "need_root")]

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


def write_tree(base: Path, app: str, chown_socket: bool) -> dict:
    tree, run, root_only = base / "tree", base / "run", base / "rootonly"
    for directory in (tree, run, root_only):
        directory.mkdir(mode=0o755)
    write_app(run)
    socket = root_only / "app.sock"
    ini = UWSGI_INI.format(run=run, app=app, socket=socket)
    if chown_socket:
        ini += f"chown-socket = {app}:{app}\n"
    (tree / "uwsgi.ini").write_text(ini)
    return {"tree": tree, "run": run, "socket": socket, "pyhome": base / "pyhome"}


def lint_as_this_host(tree: Path) -> dict:
    return wsgilint_json(tree, "--root", "/")


def test_uid_before_bind_in_root_only_directory_fails_at_start_and_x118(
        open_dir: Path, throwaway_users, servers: Servers):
    app = throwaway_users("app")
    deployment = write_tree(open_dir, app, chown_socket=False)
    tree = deployment["tree"]
    root_only = deployment["socket"].parent
    assert (root_only.stat().st_uid, root_only.stat().st_mode & 0o777) == (0, 0o755)

    uwsgi = start_uwsgi(servers, tree / "uwsgi.ini", deployment["run"],
                        wrapper=readable_python_wrapper(deployment["pyhome"]))
    status = wait_for_exit(uwsgi, timeout=20)

    log = uwsgi.log()
    assert status == 1, log
    assert "bind(): Permission denied" in log, log
    uid = pwd.getpwnam(app).pw_uid
    assert log.index(f"setuid() to {uid}") < log.index("bind(): Permission denied"), log
    assert "Python version" not in log, log  # it dies before Python is loaded
    assert not deployment["socket"].exists()

    report = lint_as_this_host(tree)
    findings = findings_with_code(report, "X118")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "bind(): Permission denied" in finding["message"], finding["message"]
    assert place(finding, tree) == at(tree / "uwsgi.ini", "socket =")
    assert [place(entry, tree) for entry in finding["related"]] == [at(tree / "uwsgi.ini", "uid =")]


def test_chown_socket_binds_as_root_starts_and_no_error(open_dir: Path, throwaway_users, servers: Servers):
    app = throwaway_users("app")
    deployment = write_tree(open_dir, app, chown_socket=True)

    uwsgi = start_uwsgi(servers, deployment["tree"] / "uwsgi.ini", deployment["run"],
                        wrapper=readable_python_wrapper(deployment["pyhome"]))
    wait_for_unix_socket(uwsgi, deployment["socket"])
    response = uwsgi_get(deployment["socket"], "/hello")

    assert (response.status, response.body) == (200, b"ok /hello"), uwsgi.log()
    log = uwsgi.log()
    uid = pwd.getpwnam(app).pw_uid
    assert log.index("bound to UNIX address") < log.index(f"setuid() to {uid}"), log
    assert deployment["socket"].stat().st_uid == uid
    report = lint_as_this_host(deployment["tree"])
    assert findings_with_code(report, "X118") == []
    assert errors_of(report) == []
