"""X110 against the real servers: a WebSocket through ``uwsgi_pass`` needs no ``proxy_*`` line.

The proxy module speaks HTTP/1.0 to its upstream and drops the hop-by-hop ``Upgrade`` and
``Connection`` headers, so a WebSocket behind ``proxy_pass`` needs ``proxy_http_version 1.1``
and both headers set again. The uwsgi module passes every request header to uWSGI (those two
included) and switches the connection when the app answers 101 Switching Protocols: the same
three lines under ``uwsgi_pass`` are dead, and lose nothing. Shown here with nginx and uWSGI: a
handshake and an echoed message pass through a location without them, as through one with
them; X110 reports neither location, and still reports a header of the app's own written
beside them.
"""
from __future__ import annotations

import base64
import os
import socket
from pathlib import Path

import pytest

from .servers import (
    LOOPBACK,
    Servers,
    at,
    findings_with_code,
    place,
    start_app_behind_nginx,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

ECHO_APP = '''\
import uwsgi


def application(environ, start_response):
    uwsgi.websocket_handshake(environ["HTTP_SEC_WEBSOCKET_KEY"], environ.get("HTTP_ORIGIN", ""))
    message = uwsgi.websocket_recv()
    uwsgi.websocket_send(b"echo:" + message)
    return []
'''

LOCATIONS = """\
        location /bare {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{port};
        }}
        location /with-proxy-lines {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{port};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
        }}
        location /with-a-lost-header {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{port};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_set_header X-Tenant $host;
        }}
"""


def websocket_echo(port: int, path: str, message: bytes) -> tuple[str, bytes]:
    """(the response's status line, the payload of the first frame back) for a WebSocket
    handshake on ``path`` followed by one masked text frame holding ``message``."""
    with socket.create_connection((LOOPBACK, port), timeout=30) as connection:
        key = base64.b64encode(os.urandom(16)).decode()
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: app.example\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n".encode())
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(4096)
            assert chunk, received
            received += chunk
        head, _, rest = received.partition(b"\r\n\r\n")
        status = head.split(b"\r\n", 1)[0].decode()
        if " 101 " not in status:
            return status, b""
        mask = os.urandom(4)
        connection.sendall(bytes([0x81, 0x80 | len(message)]) + mask
                           + bytes(byte ^ mask[i % 4] for i, byte in enumerate(message)))
        while len(rest) < 2 or len(rest) < 2 + (rest[1] & 0x7F):
            chunk = connection.recv(4096)
            assert chunk, rest
            rest += chunk
        return status, rest[2:2 + (rest[1] & 0x7F)]


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's port) with nginx and uWSGI running."""
    return start_app_behind_nginx(tmp_path, servers, ECHO_APP, LOCATIONS)


def test_a_websocket_passes_uwsgi_pass_without_proxy_lines(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    for path in ("/bare", "/with-proxy-lines"):
        status, echoed = websocket_echo(port, path, b"ping")
        assert " 101 " in status, (path, status)
        assert echoed == b"echo:ping", path


def test_x110_reports_only_the_header_of_the_apps_own(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    findings = findings_with_code(wsgilint_json(conf.parent), "X110")
    assert [place(f, conf.parent) for f in findings] == [at(conf, "proxy_set_header X-Tenant")]
    assert findings[0]["related"] == []
