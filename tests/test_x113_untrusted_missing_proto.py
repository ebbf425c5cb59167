"""X113's advice where nginx in another container sends no X-Forwarded-Proto to Gunicorn with
forwarded_allow_ips at its default: Gunicorn's parser honours the header only from 127.0.0.1,::1
(gunicorn/http/message.py, measured in shared/reference/lab-supervisor-gunicorn.md §20), so
adding the header alone changes nothing; the fix names forwarded_allow_ips (and, for a Django app,
SECURE_PROXY_SSL_HEADER)."""
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

SITE = ("server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/a.pem;\n"
        "    ssl_certificate_key /etc/nginx/certs/a.key;\n    location / {\n        proxy_set_header Host $host;\n"
        "        proxy_pass http://web:8000;\n    }\n}\n")
COMPOSE = ("services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx:/etc/nginx/conf.d\n"
           "    ports:\n      - \"443:443\"\n  web:\n    image: python:3.12\n    command: {command}\n{extra}")
SYNC = "gunicorn shop.wsgi --bind 0.0.0.0:8000"


def x113(root: Path, monkeypatch: pytest.MonkeyPatch, command: str, extra: str = "",
         files: dict[str, str] | None = None) -> list[str]:
    write_tree(root, {"docker-compose.yml": COMPOSE.format(command=command, extra=extra), "nginx/site.conf": SITE,
                      **(files or {})})
    monkeypatch.chdir(root)
    return [f.message for f in check(["."]).findings if f.code == "X113"]


def test_header_alone_changes_nothing_from_another_container(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x113(tmp_path, monkeypatch, SYNC)
    assert "add `proxy_set_header X-Forwarded-Proto $scheme;` and set forwarded_allow_ips" in message
    assert "SECURE_PROXY_SSL_HEADER" not in message and "assumed" not in message


def test_django_settings_get_secure_proxy_ssl_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x113(tmp_path, monkeypatch, SYNC, files={"shop/settings.py": "STATIC_URL = '/static/'\n"})
    assert "forwarded_allow_ips" in message and "SECURE_PROXY_SSL_HEADER" in message and "shop/settings.py" in message


def test_unseen_env_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x113(tmp_path, monkeypatch, SYNC, extra="    env_file: ./.envs/prod.env\n")
    assert "forwarded_allow_ips" in message and "assumed: env_file ./.envs/prod.env" in message


@pytest.mark.parametrize(("command", "files"), [
    (SYNC + " --forwarded-allow-ips '*'", {}),                       # trusted already: the header is what is missing
    (SYNC, {"shop/settings.py": "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n"}),  # read by Django
    ("gunicorn shop.wsgi -k tornado --bind 0.0.0.0:8000", {}),       # tornado's own server: the setting does not apply
])
def test_the_header_is_the_whole_fix(command: str, files: dict[str, str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x113(tmp_path, monkeypatch, command, files=files)
    assert "X-Forwarded-Proto" in message and "forwarded_allow_ips" not in message
