"""X103 against the real servers: ``proxy_pass http://`` to a uWSGI ``socket`` (the uwsgi protocol).

Measured behaviour this relies on (../shared/reference/lab-uwsgi-nginx.md claim 2):
- uWSGI reads the first bytes of "GET / HTTP/1.0" as a uwsgi packet header, logs
  ``invalid request block size: 21573 (max 4096)...skip`` (21573 is "ET" read as a
  little-endian 16-bit size) and closes; nginx answers 502 at once and logs
  ``upstream prematurely closed connection while reading response header``;
- the same ``proxy_pass`` to ``http-socket``: 200.
The uWSGI ini keeps the default ``buffer-size`` (4096): with a larger one the 502 would
only come after ``socket-timeout``.
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
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

LOCATION = """\
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
        }}
"""


def write_tree(base: Path, listener: str) -> AppBehindNginx:
    """nginx's ``proxy_pass http://`` to uWSGI's ``listener`` (``socket`` or ``http-socket``)."""
    tree, run = tree_and_run(base)
    write_app(run)
    nginx_port, app_port = distinct_ports(2)
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"{listener} = 127.0.0.1:{app_port}"))
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, LOCATION.format(app_port=app_port)))
    return AppBehindNginx(tree, run, ini, conf, nginx_port, app_port)


def test_proxy_pass_to_uwsgi_socket_is_502_with_invalid_block_size_and_x103(
        tmp_path: Path, servers: Servers) -> None:
    deployment = write_tree(tmp_path, "socket")
    tree = deployment.tree
    uwsgi, nginx = deployment.start(servers)

    response = http_get(deployment.nginx_port, "/", timeout=30)

    assert response.status == 502, (nginx.log(), uwsgi.log())
    assert response.elapsed < 2, response.elapsed  # at once, not after socket-timeout
    assert "invalid request block size: 21573" in uwsgi.log(), uwsgi.log()
    assert "upstream prematurely closed connection while reading response header" in nginx.log(), nginx.log()

    report = wsgilint_json(tree)
    findings = findings_with_code(report, "X103")
    assert len(findings) == 1, report["findings"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert "502" in finding["message"] and "invalid request block size: 21573" in finding["message"]
    assert place(finding, tree) == at(tree / "nginx.conf", "proxy_pass")
    assert at(tree / "uwsgi.ini", "socket =") in [place(related, tree) for related in finding["related"]]


def test_proxy_pass_to_uwsgi_http_socket_is_200_and_no_error(tmp_path: Path, servers: Servers) -> None:
    deployment = write_tree(tmp_path, "http-socket")
    uwsgi, nginx = deployment.start(servers)

    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    report = wsgilint_json(deployment.tree)
    assert findings_with_code(report, "X103") == []
    assert errors_of(report) == []


def test_proxy_pass_to_socket_with_protocol_http_is_200_and_no_error(tmp_path: Path, servers: Servers) -> None:
    # `protocol = http` gives `socket` (which names no protocol of its own) HTTP: uWSGI's
    # default protocol, core/socket.c uwsgi_set_sockets_protocols.
    deployment = write_tree(tmp_path, "socket")
    ini = deployment.ini
    ini.write_text(ini.read_text() + "protocol = http\n")
    uwsgi, nginx = deployment.start(servers)

    response = http_get(deployment.nginx_port, "/hello", timeout=30)

    assert (response.status, response.body) == (200, b"ok /hello"), (nginx.log(), uwsgi.log())
    assert "invalid request block size" not in uwsgi.log()
    report = wsgilint_json(deployment.tree)
    assert findings_with_code(report, "X103") == []
    assert errors_of(report) == []
