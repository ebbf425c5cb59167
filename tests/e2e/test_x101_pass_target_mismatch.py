"""X101 against the real servers: nginx passes requests to a port where no app server listens.

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 10 shows the
same nginx line for a uWSGI that is not running):
- ``uwsgi_pass 127.0.0.1:P1`` while uWSGI binds ``socket = 127.0.0.1:P2``: nginx answers 502 at
  once and logs ``connect() failed (111: Connection refused) while connecting to upstream``;
- ``uwsgi_pass 127.0.0.1:P2``: 200.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import (
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    errors_of,
    findings_with_code,
    http_get,
    loopback_server,
    place,
    port_accepts,
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

LOCATION = """\
        location / {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{pass_port};
        }}
"""


def write_tree(base: Path, pass_to_app: bool) -> tuple[AppBehindNginx, int]:
    """The deployment and the port its ``uwsgi_pass`` names: uWSGI's own, or one nobody listens on."""
    tree, run = tree_and_run(base)
    write_app(run)
    nginx_port, app_port, elsewhere = distinct_ports(3)
    pass_port = app_port if pass_to_app else elsewhere
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}"))
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, LOCATION.format(pass_port=pass_port)))
    return AppBehindNginx(tree, run, ini, conf, nginx_port, app_port), pass_port


def test_uwsgi_pass_to_a_port_nobody_listens_on_is_502_connection_refused_and_x101(
        tmp_path: Path, servers: Servers) -> None:
    deployment, pass_port = write_tree(tmp_path, pass_to_app=False)
    tree = deployment.tree
    uwsgi, nginx = deployment.start(servers)
    assert not port_accepts(pass_port)

    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert response.elapsed < 2, response.elapsed
    error_log = nginx.log()
    assert "connect() failed (111: Connection refused) while connecting to upstream" in error_log, error_log
    assert f'upstream: "uwsgi://127.0.0.1:{pass_port}"' in error_log, error_log

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X101")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "502" in finding["message"] and "(111: Connection refused)" in finding["message"], finding["message"]
    assert f"127.0.0.1:{deployment.app}" in finding["message"], finding["message"]  # the hint
    assert place(finding, tree) == at(tree / "nginx.conf", "uwsgi_pass")
    assert at(tree / "uwsgi.ini", "socket =") in [place(related, tree) for related in finding["related"]]


def test_uwsgi_pass_to_the_uwsgi_socket_is_200_and_no_error(tmp_path: Path, servers: Servers) -> None:
    deployment, _ = write_tree(tmp_path, pass_to_app=True)
    uwsgi, nginx = deployment.start(servers)

    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    report = wsgilint_json(deployment.tree)
    assert findings_with_code(report, "X101") == []
    assert errors_of(report) == []


def test_a_dead_server_of_an_upstream_with_a_live_one_is_answered_and_a_warning(
        tmp_path: Path, servers: Servers) -> None:
    """nginx's `uwsgi_next_upstream` defaults to `error timeout`: a refused connection to the
    first server sends the request on to the next one, so clients get 200; the dead line only
    shows in the error log."""
    tree, run = tree_and_run(tmp_path)
    write_app(run)
    nginx_port, app_port, dead = distinct_ports(3)
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}"))
    upstream = f"    upstream app {{\n        server 127.0.0.1:{dead};\n        server 127.0.0.1:{app_port};\n    }}\n"
    location = "        location / {\n            include uwsgi_params;\n            uwsgi_pass app;\n        }\n"
    conf = write_nginx_conf(tree / "nginx.conf", upstream + loopback_server(nginx_port, location))
    uwsgi, nginx = AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    assert not port_accepts(dead)

    response = http_get(nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    assert "connect() failed (111: Connection refused) while connecting to upstream" in nginx.log()
    findings = findings_with_code(wsgilint_json(tree), "X101")
    assert [(f["severity"], place(f, tree)) for f in findings] == [
        ("warning", at(tree / "nginx.conf", f"server 127.0.0.1:{dead}"))]
