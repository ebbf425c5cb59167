"""N112 against the real servers: what a WSGI app receives from ``uwsgi_param <name>``.

nginx sends a ``uwsgi_param`` under exactly the name written, and uWSGI puts every
variable it receives into ``environ`` under that name. A request header reaches a
WSGI app only as ``HTTP_<NAME>`` (upper case, ``-`` as ``_``), so:
- ``uwsgi_param X-Forwarded-Proto $scheme;`` arrives as the key ``X-Forwarded-Proto``;
  ``HTTP_X_FORWARDED_PROTO`` stays unset, or holds whatever the client itself sent;
- ``uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;`` arrives as ``HTTP_X_FORWARDED_PROTO``,
  and nginx no longer passes the client's own ``X-Forwarded-Proto`` header.

Two such lines lose nothing, and N112 only informs about them:
- ``uwsgi_param Host $host;``: HTTP_HOST reaches the app anyway, sent by Debian's
  uwsgi_params (``HTTP_HOST $host``) or passed by nginx as the client's Host header
  (``uwsgi_pass_request_headers`` is on by default). The header differs from $host only in
  case and port, where the request line names a host, and where Host is missing. With
  ``uwsgi_pass_request_headers off`` and no HTTP_HOST param the app gets no host: a warning.
- ``uwsgi_param X-Forwarded-Proto $scheme;`` where nginx terminates TLS and uwsgi_params
  sends ``HTTPS $https``: uWSGI sets ``wsgi.url_scheme`` to https from it.
"""
from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from .servers import (
    ENVIRON_APP,
    LOOPBACK,
    STOCK_UWSGI_PARAMS,
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
    place,
    self_signed_certificate,
    start_app_behind_nginx,
    tls_environ,
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

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
    return start_app_behind_nginx(tmp_path, servers, ENVIRON_APP, LOCATIONS)


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


# --- lines whose purpose reaches the app anyway, on a server that terminates TLS ------------------

TLS_LOCATIONS = """\
        location /stock {{
            include uwsgi_params;
            uwsgi_param Host $host;
            uwsgi_param X-Forwarded-Proto $scheme;
            uwsgi_param X-Forwarded-For $proxy_add_x_forwarded_for;
            uwsgi_pass 127.0.0.1:{port};
        }}
        location /headers {{
            include upstream_uwsgi_params;
            uwsgi_param Host $host;
            uwsgi_pass 127.0.0.1:{port};
        }}
        location /no-headers {{
            include upstream_uwsgi_params;
            uwsgi_param Host $host;
            uwsgi_pass_request_headers off;
            uwsgi_pass 127.0.0.1:{port};
        }}
"""


@pytest.fixture
def tls_deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's TLS port) with nginx and uWSGI running; the
    server is named app.example."""
    tree, run = tree_and_run(tmp_path)
    write_app(run, ENVIRON_APP)
    cert, key = self_signed_certificate(run, "app.example")
    nginx_port, app_port = distinct_ports(2)
    server = (f"    server {{\n        listen {LOOPBACK}:{nginx_port} ssl;\n        server_name app.example;\n"
              f"        ssl_certificate {cert};\n        ssl_certificate_key {key};\n"
              f"{TLS_LOCATIONS.format(port=app_port)}    }}\n")
    conf = write_nginx_conf(tree / "nginx.conf", server)
    # The uwsgi_params of nginx's own releases and images before 1.29: no HTTP_HOST line.
    (tree / "upstream_uwsgi_params").write_text(
        "".join(line + "\n" for line in STOCK_UWSGI_PARAMS.read_text().splitlines() if "HTTP_HOST" not in line))
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}"))
    AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    return conf, nginx_port


def test_host_param_adds_a_stray_variable_beside_http_host(tls_deployment: tuple[Path, int]) -> None:
    _, port = tls_deployment
    # Debian's uwsgi_params send HTTP_HOST $host.
    environ = tls_environ(port, "/stock", "App.Example:8443")
    assert environ["Host"] == environ["HTTP_HOST"] == "app.example"
    # Without that line nginx passes the client's Host header as it came.
    environ = tls_environ(port, "/headers", "App.Example:8443")
    assert (environ["Host"], environ["HTTP_HOST"]) == ("app.example", "App.Example:8443")
    # A request line that names a host: $host takes it, the header stays the client's.
    environ = tls_environ(port, "https://other.example/headers", "app.example")
    assert (environ["Host"], environ["HTTP_HOST"]) == ("other.example", "app.example")
    # No Host header: $host is the server's name, and no HTTP_HOST reaches the app.
    environ = tls_environ(port, "/headers", None)
    assert environ["Host"] == "app.example" and "HTTP_HOST" not in environ


def test_without_request_headers_no_host_reaches_the_app(tls_deployment: tuple[Path, int]) -> None:
    _, port = tls_deployment
    environ = tls_environ(port, "/no-headers", "app.example")
    assert environ["Host"] == "app.example" and "HTTP_HOST" not in environ


def test_https_param_gives_the_scheme_without_the_header(tls_deployment: tuple[Path, int]) -> None:
    _, port = tls_deployment
    environ = tls_environ(port, "/stock", "app.example")
    assert (environ["wsgi.url_scheme"], environ["HTTPS"], environ["X-Forwarded-Proto"]) == ("https", "on", "https")
    assert "HTTP_X_FORWARDED_PROTO" not in environ


def test_n112_informs_where_nothing_is_lost(tls_deployment: tuple[Path, int]) -> None:
    conf, _ = tls_deployment
    findings = findings_with_code(wsgilint_json(conf.parent), "N112")
    severities = {place(f, conf.parent): f["severity"] for f in findings}
    lines = conf.read_text().splitlines()
    host_lines = [number for number, line in enumerate(lines, 1) if "uwsgi_param Host $host" in line]
    assert severities == {
        (conf.resolve(), host_lines[0]): "info",
        at(conf, "uwsgi_param X-Forwarded-Proto"): "info",
        at(conf, "uwsgi_param X-Forwarded-For"): "warning",
        (conf.resolve(), host_lines[1]): "info",
        (conf.resolve(), host_lines[2]): "warning",
    }
