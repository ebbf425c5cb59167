"""N113 against the installed nginx: its severity is nginx -t's verdict for that version.

For every directive and listen parameter N113 knows (and a few it must leave alone),
the same server block is given to ``nginx -t`` and to wsgilint told the installed
version (read here with ``nginx -v``; wsgilint itself never runs nginx):
- an error exactly when nginx -t fails;
- a warning exactly when nginx -t passes with a ``[warn]``;
- no finding when nginx -t passes silently.
Measured with nginx 1.22.1 (Debian 12): also that ``ssl on;`` makes every listen of the
server TLS, so plain HTTP on its port 80-like listener is answered 400.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, free_port, http_get, nginx_binary, nginx_main_conf

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

# {port} is a free loopback port; every server also has a certificate, so `ssl` needs nothing else.
SNIPPETS = [
    "ssl on;",
    "ssl off;",
    "listen 127.0.0.1:{port} spdy;",
    "spdy_chunk_size 8k;",
    "http2_push /app.css;",
    "http2_push_preload on;",
    "http2_max_concurrent_pushes 10;",
    "listen 127.0.0.1:{port} ssl http2;",
    "http2 on;",
    "http2_idle_timeout 3m;",
    "http2_max_field_size 8k;",
    "http3 on;",
    "listen 127.0.0.1:{port} quic;",
    "listen 127.0.0.1:{port} ssl;",
    "http2_chunk_size 16k;",
    "keepalive_timeout 75s;",
]


def installed_version() -> str:
    completed = subprocess.run([str(nginx_binary()), "-v"], capture_output=True, text=True, timeout=30)
    match = re.search(r"nginx/(\d+\.\d+\.\d+)", completed.stderr)
    assert match, completed.stderr
    return match.group(1)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "app.pem", directory / "app.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def server_conf(body: str, certificate: tuple[Path, Path], *listens: int) -> str:
    cert, key = certificate
    lines = [f"listen 127.0.0.1:{port};" for port in listens]
    lines += [f"ssl_certificate {cert};", f"ssl_certificate_key {key};", body]
    return nginx_main_conf("    server {\n" + "".join(f"        {line}\n" for line in lines) + "    }\n")


def nginx_test(conf: Path) -> tuple[int, str]:
    prefix = conf.parent
    completed = subprocess.run([str(nginx_binary()), "-t", "-p", f"{prefix}/", "-c", str(conf), "-e",
                                str(prefix / "error.log")], capture_output=True, text=True, timeout=60)
    return completed.returncode, completed.stderr


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_severity_is_nginx_t_verdict_for_the_installed_version(snippet: str, tmp_path: Path,
                                                               certificate: tuple[Path, Path]) -> None:
    body = snippet.format(port=free_port())
    conf = tmp_path / "nginx.conf"
    conf.write_text(server_conf(body, certificate, free_port()))
    returncode, output = nginx_test(conf)
    version = installed_version()
    severities = {f.severity for f in check([str(tmp_path)], versions={"nginx": version}).findings if f.code == "N113"}

    assert ("error" in severities) == (returncode != 0), (version, body, output, severities)
    if returncode == 0:
        assert ("warning" in severities) == ("[warn]" in output), (version, body, output, severities)


def test_ssl_on_makes_the_plain_listener_tls(tmp_path: Path, servers: Servers,
                                             certificate: tuple[Path, Path]) -> None:
    if tuple(int(part) for part in installed_version().split(".")) >= (1, 25, 1):
        pytest.skip("nginx 1.25.1 and later refuse `ssl on;`")
    plain, tls = free_port(), free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(server_conf("ssl on;", certificate, plain, tls))
    servers.nginx(conf, tmp_path, plain)

    response = http_get(plain)
    assert response.status == 400
    assert b"The plain HTTP request was sent to HTTPS port" in response.body
    [finding] = [f for f in check([str(tmp_path)], versions={"nginx": installed_version()}).findings
                 if f.code == "N113"]
    assert finding.severity == "warning" and "port 80 too" in finding.message
