"""X101 on a one-word upstream host that no Compose service answers to, against a real nginx.

Docker is not installed here, so what the container's resolver does comes from moby's source
(libnetwork resolver.go ``ServeDNS``): the embedded DNS at 127.0.0.11 answers the names of the
container's networks and forwards every other name, one word too, to the host's resolvers.
What nginx does with the answer is measured here, on this host's resolvers, which know no
``frontend`` (nginx 1.22):
- ``proxy_pass http://frontend:5000;`` (or an upstream ``server frontend:5000;``): ``nginx -t``
  fails with ``[emerg] host not found in upstream "frontend"``: nginx looks a literal host up
  once, at start, and does not start without it;
- the same host through a variable (``proxy_pass http://$name:5000;``) passes ``nginx -t``:
  nginx looks it up per request, so wsgilint reports nothing for it.
"""
from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from .servers import findings_with_code, line_with, nginx_binary, nginx_main_conf, place, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

COMPOSE = """\
services:
  nginx:
    image: nginx:1.27
    ports:
      - "80:80"
    volumes:
      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro
  users:
    build: .
"""

DOCKERFILE = """\
FROM python:3.12-slim
WORKDIR /srv
COPY gunicorn.conf.py /srv/gunicorn.conf.py
CMD ["gunicorn", "-c", "/srv/gunicorn.conf.py", "app:app"]
"""

SITE = """\
server {
    listen 127.0.0.1:18080;
    location / {
        proxy_pass http://frontend:5000;
        proxy_set_header Host $host;
    }
    location /users {
        proxy_pass http://users:5000;
        proxy_set_header Host $host;
    }
}
"""

VARIABLE_SITE = """\
server {
    listen 127.0.0.1:18080;
    location / {
        set $name frontend;
        proxy_pass http://$name:5000;
    }
}
"""


def resolvable(name: str) -> bool:
    try:
        socket.getaddrinfo(name, 5000)
    except OSError:
        return False
    return True


def nginx_test(site: str, prefix: Path) -> subprocess.CompletedProcess[str]:
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_main_conf(site))
    return subprocess.run([str(nginx_binary()), "-t", "-p", str(prefix), "-c", str(conf)],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.fixture
def unknown_frontend() -> None:
    if resolvable("frontend"):
        pytest.skip("this host's resolvers answer `frontend`: nginx would start here")


@pytest.mark.usefixtures("unknown_frontend")
def test_nginx_refuses_to_start_and_wsgilint_warns(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "nginx").mkdir(parents=True)
    (tree / "compose.yaml").write_text(COMPOSE)
    (tree / "Dockerfile").write_text(DOCKERFILE)
    (tree / "gunicorn.conf.py").write_text("bind = '0.0.0.0:5000'\n")
    site = tree / "nginx" / "default.conf"
    site.write_text(SITE)

    tested = nginx_test(SITE, tmp_path / "nginx")
    assert tested.returncode == 1
    assert 'host not found in upstream "frontend"' in tested.stderr

    report = wsgilint_json(tree)
    found = findings_with_code(report, "X101")
    assert [(place(f, tree), f["severity"]) for f in found] == [
        ((site.resolve(), line_with(site, "frontend:5000")), "warning")]
    assert 'host not found in upstream "frontend"' in found[0]["message"]


@pytest.mark.usefixtures("unknown_frontend")
def test_a_variable_host_starts_and_is_not_reported(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "nginx").mkdir(parents=True)
    (tree / "compose.yaml").write_text(COMPOSE)
    (tree / "Dockerfile").write_text(DOCKERFILE)
    (tree / "gunicorn.conf.py").write_text("bind = '0.0.0.0:5000'\n")
    (tree / "nginx" / "default.conf").write_text(VARIABLE_SITE)

    tested = nginx_test(VARIABLE_SITE, tmp_path / "nginx")
    assert tested.returncode == 0, tested.stderr

    assert findings_with_code(wsgilint_json(tree), "X101") == []
