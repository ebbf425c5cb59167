"""N112 against the real servers: what a WSGI app receives from ``uwsgi_param <name>``.

nginx sends a ``uwsgi_param`` under exactly the name written, and uWSGI puts every
variable it receives into ``environ`` under that name. A request header reaches a
WSGI app only as ``HTTP_<NAME>`` (upper case, ``-`` as ``_``), so:
- ``uwsgi_param X-Forwarded-Proto $scheme;`` arrives as the key ``X-Forwarded-Proto``;
  ``HTTP_X_FORWARDED_PROTO`` stays unset, or holds whatever the client itself sent;
- ``uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;`` arrives as ``HTTP_X_FORWARDED_PROTO``,
  and nginx no longer passes the client's own ``X-Forwarded-Proto`` header.
"""
from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from .servers import (
    LOOPBACK,
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
    loopback_server,
    place,
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

ENVIRON_APP = '''\
import json


def application(environ, start_response):
    body = json.dumps({k: v for k, v in environ.items() if isinstance(v, str)}).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
'''

LOCATIONS = """\
        location /wrong {{
            include uwsgi_params;
            uwsgi_param X-Forwarded-Proto $scheme;
            uwsgi_pass 127.0.0.1:{port};
        }}
        location /right {{
            include uwsgi_params;
            uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;
            uwsgi_pass 127.0.0.1:{port};
        }}
"""


def environ_of(port: int, path: str, headers: dict[str, str]) -> dict[str, str]:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status == 200, body
    environ: dict[str, str] = json.loads(body)
    return environ


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's port) with nginx and uWSGI running."""
    tree, run = tree_and_run(tmp_path)
    write_app(run, ENVIRON_APP)
    nginx_port, app_port = distinct_ports(2)
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, LOCATIONS.format(port=app_port)))
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}"))
    AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    return conf, nginx_port


def test_header_named_param_arrives_under_its_literal_name(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    environ = environ_of(port, "/wrong", {})
    assert environ.get("X-Forwarded-Proto") == "http"
    assert "HTTP_X_FORWARDED_PROTO" not in environ


def test_header_named_param_leaves_the_clients_header_in_place(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    environ = environ_of(port, "/wrong", {"X-Forwarded-Proto": "https"})
    # Over plain http the app reads the scheme the client claims.
    assert environ.get("HTTP_X_FORWARDED_PROTO") == "https"
    assert environ.get("X-Forwarded-Proto") == "http"


def test_http_form_arrives_as_the_header_and_replaces_the_clients(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert environ_of(port, "/right", {}).get("HTTP_X_FORWARDED_PROTO") == "http"
    environ = environ_of(port, "/right", {"X-Forwarded-Proto": "https"})
    assert environ.get("HTTP_X_FORWARDED_PROTO") == "http"
    assert "X-Forwarded-Proto" not in environ


def test_n112_points_at_the_header_named_param_only(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    report = wsgilint_json(conf.parent)
    findings = findings_with_code(report, "N112")
    assert [place(f, conf.parent) for f in findings] == [at(conf, "uwsgi_param X-Forwarded-Proto")]
    assert findings[0]["severity"] == "warning"
    assert "HTTP_X_FORWARDED_PROTO" in findings[0]["message"]
