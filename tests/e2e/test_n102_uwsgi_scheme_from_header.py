"""N102 against the real servers: uWSGI takes the scheme from X-Forwarded-Proto.

uWSGI 2.0 copies a request's ``HTTP_X_FORWARDED_PROTO`` into its scheme (core/protocol.c,
``uwsgi_proto_check_22``), which the Python plugin gives the app as ``wsgi.url_scheme``. So
nginx terminating TLS in front of uWSGI's ``http-socket`` without ``proxy_set_header
X-Forwarded-Proto $scheme;`` leaves the app seeing http, and with it, https: the header is
not one that changes nothing, and N102 reports its absence as a warning.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import (
    ENVIRON_APP,
    LOOPBACK,
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
    place,
    self_signed_certificate,
    tls_environ,
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

LOCATIONS = """\
        location /with {{
            proxy_pass http://127.0.0.1:{port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
        location /without {{
            proxy_pass http://127.0.0.1:{port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
"""


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's TLS port) with nginx and uWSGI's http-socket running."""
    tree, run = tree_and_run(tmp_path)
    write_app(run, ENVIRON_APP)
    cert, key = self_signed_certificate(run, "app.example")
    nginx_port, app_port = distinct_ports(2)
    server = (f"    server {{\n        listen {LOOPBACK}:{nginx_port} ssl;\n        server_name app.example;\n"
              f"        ssl_certificate {cert};\n        ssl_certificate_key {key};\n"
              f"{LOCATIONS.format(port=app_port)}    }}\n")
    conf = write_nginx_conf(tree / "nginx.conf", server)
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"http-socket = 127.0.0.1:{app_port}"))
    AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    return conf, nginx_port


def test_uwsgi_takes_the_scheme_from_the_header(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert tls_environ(port, "/with", "app.example")["wsgi.url_scheme"] == "https"
    assert tls_environ(port, "/without", "app.example")["wsgi.url_scheme"] == "http"


def test_n102_warns_of_the_missing_header_in_front_of_uwsgi(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    findings = [f for f in findings_with_code(wsgilint_json(conf.parent), "N102") if "X-Forwarded-Proto" in f["message"]]
    path, line = at(conf, "location /without")
    assert [place(f, conf.parent) for f in findings] == [(path, line + 1)]   # its proxy_pass
    assert findings[0]["severity"] == "warning"
