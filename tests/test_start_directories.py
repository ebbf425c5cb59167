"""Relative unix sockets resolved against the directory their server starts in
(model/start_directories.py). That uWSGI creates `socket = app.sock` there, after `chdir`,
is shown with the real program in tests/e2e/test_u118_relative_path.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.model import Listener

_NGINX = "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n" \
         "        uwsgi_pass unix:/code/app.sock;\n    }\n}\n"
_INI = "[uwsgi]\nsocket = app.sock\nmodule = app.wsgi\n"


def _listener(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Listener:
    monkeypatch.chdir(tree)
    [server] = check(["."]).deployment.app_servers
    [listener] = server.listeners
    return listener


def test_the_image_workdir_is_the_start_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A relative WORKDIR follows the one before it, as Docker does.
    write_tree(tmp_path, {
        "docker-compose.yml": "services:\n  web:\n    build: ./app\n    command: uwsgi --ini uwsgi.ini\n",
        "app/Dockerfile": "FROM python:3.12\nWORKDIR /srv\nWORKDIR code\nCOPY . /srv/code\n",
        "app/uwsgi.ini": _INI, "nginx.conf": _NGINX})
    listener = _listener(tmp_path, monkeypatch)
    assert listener.address.path == "/srv/code/app.sock" and listener.address.text == "app.sock"
    assert listener.resolved_in is not None and listener.resolved_in.value == "/srv/code"
    assert listener.resolved_in.at is not None and (listener.resolved_in.at.path, listener.resolved_in.at.line) == \
        ("app/Dockerfile", 3)


def test_compose_working_dir_overrides_the_workdir_and_chdir_overrides_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {
        "docker-compose.yml": "services:\n  web:\n    build: ./app\n    working_dir: /code\n"
                              "    command: uwsgi --ini /code/uwsgi.ini\n    volumes:\n      - ./app:/code\n",
        "app/Dockerfile": "FROM python:3.12\nWORKDIR /elsewhere\n",
        "app/uwsgi.ini": _INI, "nginx.conf": _NGINX})
    listener = _listener(tmp_path, monkeypatch)
    assert listener.address.path == "/code/app.sock"
    assert listener.resolved_in is not None and listener.resolved_in.at is not None
    assert (listener.resolved_in.at.path, listener.resolved_in.at.line) == ("docker-compose.yml", 4)
    (tmp_path / "app/uwsgi.ini").write_text(_INI + "chdir = /run/app\n")
    assert _listener(tmp_path, monkeypatch).address.path == "/run/app/app.sock"


# An image whose CMD runs supervisord in the foreground, with a program that names no directory=.
_SUPERVISORD_IN_THE_IMAGE = {
    "docker-compose.yml": "services:\n  web:\n    build: ./app\n",
    "app/Dockerfile": "FROM python:3.12\nWORKDIR /code\nCOPY . /code\n"
                      "COPY app.conf /etc/supervisor/conf.d/app.conf\n"
                      "CMD [\"supervisord\", \"-n\", \"-c\", \"/etc/supervisor/conf.d/app.conf\"]\n",
    "app/app.conf": "[program:app]\ncommand=uwsgi --ini /code/uwsgi.ini\n",
    "nginx.conf": _NGINX,
}


def test_a_supervisor_program_in_a_container_starts_in_the_images_workdir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program without directory= starts where supervisord runs, which changes directory
    only when it daemonizes: under `supervisord -n`, the image's WORKDIR."""
    write_tree(tmp_path, {**_SUPERVISORD_IN_THE_IMAGE, "app/uwsgi.ini": _INI})
    listener = _listener(tmp_path, monkeypatch)
    assert listener.address.path == "/code/app.sock"
    assert listener.resolved_in is not None and listener.resolved_in.at is not None
    assert (listener.resolved_in.at.path, listener.resolved_in.at.line) == ("app/Dockerfile", 2)


@pytest.mark.parametrize("chdir", ["chdir = relative/dir\n", "chdir = $(APP_DIR)\n"])
def test_an_unknown_start_directory_leaves_the_socket_relative(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chdir: str) -> None:
    # A Supervisor program without directory= runs in supervisord's own directory; a relative
    # or unknown chdir from there leaves where the socket is made unknown.
    write_tree(tmp_path, {**_SUPERVISORD_IN_THE_IMAGE, "app/uwsgi.ini": _INI + chdir})
    listener = _listener(tmp_path, monkeypatch)
    assert listener.address.path == "app.sock" and listener.resolved_in is None
