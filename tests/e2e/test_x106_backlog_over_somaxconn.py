"""X106 against the real uWSGI: a ``listen`` backlog above net.core.somaxconn.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 6): uWSGI
compares its ``listen`` with /proc/sys/net/core/somaxconn for every stream socket it
creates, logs ``Listen queue size is greater than the system max net.core.somaxconn (N).``
and exits 1; at exactly somaxconn it starts.

The checked tree is a snapshot whose ``etc/sysctl.conf`` states this machine's live value,
so wsgilint compares with the same number the kernel gives uWSGI.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import (
    Servers,
    at,
    errors_of,
    findings_with_code,
    place,
    start_uwsgi,
    uwsgi_get,
    wait_for_exit,
    wait_for_unix_socket,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

UWSGI_INI = """\
[uwsgi]
chdir = {run}
wsgi-file = app.py
master = true
processes = 1
need-app = true
die-on-term = true
socket = {run}/app.sock
listen = {listen}
vacuum = true
"""


def live_somaxconn() -> int:
    return int(Path("/proc/sys/net/core/somaxconn").read_text())


def write_tree(base: Path, listen: int) -> dict:
    tree, run = base / "tree", base / "run"
    (tree / "etc" / "uwsgi").mkdir(parents=True)
    run.mkdir()
    write_app(run)
    (tree / "etc" / "sysctl.conf").write_text(f"net.core.somaxconn = {live_somaxconn()}\n")
    ini = tree / "etc" / "uwsgi" / "app.ini"
    ini.write_text(UWSGI_INI.format(run=run, listen=listen))
    return {"tree": tree, "run": run, "ini": ini, "socket": run / "app.sock"}


def test_listen_above_somaxconn_refuses_to_start_and_x106(tmp_path: Path, servers: Servers):
    limit = live_somaxconn()
    deployment = write_tree(tmp_path, limit + 1)

    uwsgi = start_uwsgi(servers, deployment["ini"], deployment["run"])
    status = wait_for_exit(uwsgi, timeout=20)

    log = uwsgi.log()
    refusal = f"Listen queue size is greater than the system max net.core.somaxconn ({limit})."
    assert status == 1 and refusal in log, log
    assert not deployment["socket"].exists()

    tree = deployment["tree"]
    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X106")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert refusal in finding["message"], finding["message"]
    assert place(finding, tree) == at(deployment["ini"], "listen =")
    assert [place(entry, tree) for entry in finding["related"]] == [at(tree / "etc" / "sysctl.conf", "somaxconn")]


def test_listen_at_somaxconn_starts_and_no_x106(tmp_path: Path, servers: Servers):
    deployment = write_tree(tmp_path, live_somaxconn())

    uwsgi = start_uwsgi(servers, deployment["ini"], deployment["run"])
    wait_for_unix_socket(uwsgi, deployment["socket"])
    response = uwsgi_get(deployment["socket"], "/hello")

    assert (response.status, response.body) == (200, b"ok /hello"), uwsgi.log()
    report = wsgilint_json(deployment["tree"])
    assert findings_with_code(report, "X106") == []
    assert errors_of(report) == []
