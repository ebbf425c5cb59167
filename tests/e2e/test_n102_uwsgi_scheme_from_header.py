"""N102 against the real servers: uWSGI takes the scheme from X-Forwarded-Proto.

uWSGI 2.0 copies a request's ``HTTP_X_FORWARDED_PROTO`` into its scheme (core/protocol.c,
``uwsgi_proto_check_22``), which the Python plugin gives the app as ``wsgi.url_scheme``. So
nginx terminating TLS in front of uWSGI's ``http-socket`` without ``proxy_set_header
X-Forwarded-Proto $scheme;`` leaves the app seeing http, and with it, https: the header is
not one that changes nothing, and N102 reports its absence as a warning.
"""
from __future__ import annotations

import json
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from .servers import (
    LOOPBACK,
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
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


def _scheme(port: int, path: str) -> str:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((LOOPBACK, port), timeout=30) as raw, context.wrap_socket(raw) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: app.example\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    assert head.split()[1] == b"200", head
    scheme: str = json.loads(body)["wsgi.url_scheme"]
    return scheme


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's TLS port) with nginx and uWSGI's http-socket running."""
    tree, run = tree_and_run(tmp_path)
    write_app(run, ENVIRON_APP)
    cert, key = run / "app.pem", run / "app.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=app.example", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
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
    assert _scheme(port, "/with") == "https"
    assert _scheme(port, "/without") == "http"


def test_n102_warns_of_the_missing_header_in_front_of_uwsgi(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    findings = [f for f in findings_with_code(wsgilint_json(conf.parent), "N102") if "X-Forwarded-Proto" in f["message"]]
    path, line = at(conf, "location /without")
    assert [place(f, conf.parent) for f in findings] == [(path, line + 1)]   # its proxy_pass
    assert findings[0]["severity"] == "warning"
