"""X114 against the real uWSGI: two instances bind the same unix socket path.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 18):
uWSGI unlinks whatever is at its socket path before it binds, so a second instance on
the path of a running one starts without a word and takes the path over: every new
connection goes to the second app, while the first keeps running, unreachable. With a
path each, both answer.

The two apps answer different bodies ("blog", "shop"), so the test sees which one got
the request. Requests are sent as uwsgi packets straight to the socket, as nginx's
``uwsgi_pass`` would. The checked tree is a snapshot of a host's / with both inis in
``etc/uwsgi/`` (started as they are here, by the pip uWSGI: not in ``apps-enabled/``,
where Debian's init script would add its default.ini and its plugin-less binary).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import (
    Servers,
    at,
    errors_of,
    findings_with_code,
    place,
    start_uwsgi,
    uwsgi_get,
    wait_for_log,
    wait_for_unix_socket,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

APP = '''\
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "{length}")])
    return [b"{name}"]
'''

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = {name}.py
master = true
processes = 1
need-app = true
die-on-term = true
socket = {socket}
vacuum = true
"""

NAMES = ("blog", "shop")


def write_tree(base: Path, sockets: dict[str, Path]) -> dict:
    tree, run = base / "tree", base / "run"
    apps = tree / "etc/uwsgi"
    apps.mkdir(parents=True)
    run.mkdir()
    inis = {}
    for name in NAMES:
        (run / f"{name}.py").write_text(APP.format(name=name, length=len(name)))
        inis[name] = apps / f"{name}.ini"
        inis[name].write_text(UWSGI_INI.format(run=run, name=name, socket=sockets[name]))
    return {"tree": tree, "run": run, "inis": inis, "sockets": sockets}


def start(servers: Servers, deployment: dict, name: str):
    uwsgi = start_uwsgi(servers, deployment["inis"][name], deployment["run"], log_name=f"{name}.log")
    # A taken-over path accepts connections before the second instance is ready: wait for its worker.
    wait_for_log(uwsgi, "spawned uWSGI worker 1")
    wait_for_unix_socket(uwsgi, deployment["sockets"][name])
    return uwsgi


def test_second_uwsgi_on_the_same_socket_silently_takes_it_over_and_x114(
        tmp_path: Path, open_dir: Path, servers: Servers):
    shared = open_dir / "app.sock"
    deployment = write_tree(tmp_path, {"blog": shared, "shop": shared})
    tree = deployment["tree"]

    blog = start(servers, deployment, "blog")
    assert uwsgi_get(shared).body == b"blog", blog.log()
    shop = start(servers, deployment, "shop")
    bodies = [uwsgi_get(shared, f"/{number}").body for number in range(5)]

    assert bodies == [b"shop"] * 5, (blog.log(), shop.log())
    assert blog.process.poll() is None  # still running, no longer reachable
    assert "bind()" not in shop.log() and "Address already in use" not in shop.log(), shop.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X114")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "silently takes the socket over" in finding["message"], finding["message"]
    places = {place(finding, tree), *(place(entry, tree) for entry in finding["related"])}
    assert places == {at(deployment["inis"][name], "socket =") for name in NAMES}


def test_a_socket_per_instance_reaches_each_app_and_no_error(tmp_path: Path, open_dir: Path, servers: Servers):
    deployment = write_tree(tmp_path, {name: open_dir / f"{name}.sock" for name in NAMES})
    for name in NAMES:
        start(servers, deployment, name)

    for name in NAMES:
        response = uwsgi_get(deployment["sockets"][name])
        assert (response.status, response.body) == (200, name.encode())
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X114") == []
    assert errors_of(report) == []


def test_one_instance_naming_its_socket_twice_binds_it_once_and_no_x114(
        tmp_path: Path, open_dir: Path, servers: Servers):
    """A base image's stock ini and the app's ini often both say `socket = /tmp/uwsgi.sock`
    (tiangolo/uwsgi-nginx): uWSGI binds the path once, and the model keeps one listener."""
    socket = open_dir / "app.sock"
    deployment = write_tree(tmp_path, {"blog": socket, "shop": open_dir / "unused.sock"})
    stock = deployment["tree"] / "etc/uwsgi/stock.ini"
    stock.write_text(f"[uwsgi]\nsocket = {socket}\nneed-app = true\n")
    blog_ini = deployment["inis"]["blog"]
    blog_ini.write_text(blog_ini.read_text() + "ini = %dstock.ini\n")
    deployment["inis"]["shop"].unlink()

    blog = start(servers, deployment, "blog")
    assert uwsgi_get(socket).body == b"blog", blog.log()
    assert "uwsgi socket 0 bound" in blog.log() and "uwsgi socket 1 bound" not in blog.log(), blog.log()

    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X114") == [] and errors_of(report) == [], report["findings"]
    [server] = check([str(deployment["tree"])]).deployment.app_servers
    assert [str(listener.address) for listener in server.listeners] == [f"unix:{socket}"]
