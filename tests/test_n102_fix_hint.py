"""N102's hint names `include proxy_params;` only where the nginx that runs may have it:
the official nginx image ships none (E003 reports an include of it), so there the hint
names the `proxy_set_header` lines instead."""
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

SITE = "server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n"
COMPOSE = ("services:\n  web:\n    build: ./nginx\n    ports:\n      - \"80:80\"\n  app:\n    image: python:3.12\n"
           "    command: gunicorn -b 0.0.0.0:8000 app:app\n")


def n102_messages(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    return [f.message for f in check(["."]).findings if f.code == "N102"]


@pytest.mark.parametrize("image", ["nginx:1.25", "nginx:alpine"])
def test_official_image_gets_the_lines(image: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"docker-compose.yml": COMPOSE, "nginx/site.conf": SITE,
                          "nginx/Dockerfile": f"FROM {image}\nCOPY site.conf /etc/nginx/conf.d/site.conf\n"})
    [message] = n102_messages(tmp_path, monkeypatch)
    assert "include proxy_params" not in message
    assert "`proxy_set_header Host $host;`, `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`" \
        in message


def test_debian_package_keeps_proxy_params(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"docker-compose.yml": COMPOSE, "nginx/site.conf": SITE,
                          "nginx/Dockerfile": "FROM debian:12\nRUN apt-get update && apt-get install -y nginx\n"
                                              "COPY site.conf /etc/nginx/conf.d/site.conf\n"
                                              "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n"})
    [message] = n102_messages(tmp_path, monkeypatch)
    assert "`include proxy_params;`" in message


def test_host_config_keeps_proxy_params(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"deploy/nginx.conf": SITE.replace("app:8000", "127.0.0.1:8000")})
    [message] = n102_messages(tmp_path, monkeypatch)
    assert "`include proxy_params;`" in message
