"""N102's advice where the app would ignore X-Forwarded-For anyway: Gunicorn's Uvicorn worker
rewrites the client's address from the header only for a peer in forwarded_allow_ips (default
127.0.0.1,::1; uvicorn/workers.py hands the setting to uvicorn's proxy headers middleware), so
for an nginx in another container the header alone changes nothing the server decides."""
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

SITE = ("server {\n    listen 80;\n    location / {\n        proxy_set_header Host $host;\n"
        "        proxy_pass http://web:8000;\n    }\n}\n")
COMPOSE = ("services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx:/etc/nginx/conf.d\n"
           "    ports:\n      - \"80:80\"\n  web:\n    image: python:3.12\n    command: {command}\n")
UVICORN = "gunicorn app:app -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:8000"


def n102(root: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> list[str]:
    write_tree(root, {"docker-compose.yml": COMPOSE.format(command=command), "nginx/site.conf": SITE})
    monkeypatch.chdir(root)
    return [f.message for f in check(["."]).findings if f.code == "N102"]


def test_uvicorn_worker_from_another_container_needs_forwarded_allow_ips(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = n102(tmp_path, monkeypatch, UVICORN)
    assert "X-Forwarded-For" in message
    assert "set Gunicorn's forwarded_allow_ips to nginx's address" in message


@pytest.mark.parametrize("command", [
    UVICORN + " --forwarded-allow-ips '*'",               # trusted already: the header is what is missing
    "gunicorn app:app --bind 0.0.0.0:8000",               # sync worker: no address rewriting to enable
    "gunicorn app:app -k app.workers.ProxyWorker --bind 0.0.0.0:8000",   # a subclass may set its own
])
def test_other_servers_get_the_header_advice_alone(command: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = n102(tmp_path, monkeypatch, command)
    assert "X-Forwarded-For" in message and "forwarded_allow_ips" not in message
