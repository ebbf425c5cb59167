"""X120 against real uWSGI: an HTTP router whose http-to names a socket nobody binds closes
every connection without an answer; pointed at the app's socket, it serves."""
from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, free_port, http_get, start_uwsgi, wait_for_unix_socket, write_app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]


def _start(servers: Servers, tmp_path: Path, http_to: str) -> tuple[int, list[str]]:
    write_app(tmp_path)
    port = free_port()
    app = tmp_path / "app.ini"
    app.write_text(f"[uwsgi]\nsocket = {tmp_path}/app.sock\nmodule = app\nmaster = true\n")
    router = tmp_path / "router.ini"
    router.write_text(f"[uwsgi]\nmaster = true\nhttp = 127.0.0.1:{port}\nhttp-to = {http_to}\n")
    wait_for_unix_socket(start_uwsgi(servers, app, tmp_path, "app.log"), tmp_path / "app.sock")
    start_uwsgi(servers, router, tmp_path, "router.log").wait_for_port(port)
    return port, [f.code for f in check([str(app), str(router)]).findings]


def test_a_router_to_a_socket_nobody_binds_answers_nothing(servers, tmp_path):
    port, codes = _start(servers, tmp_path, f"{tmp_path}/missing.sock")
    assert "X120" in codes
    with pytest.raises(http.client.RemoteDisconnected):
        http_get(port, timeout=10)


def test_a_router_to_the_apps_socket_serves(servers, tmp_path):
    port, codes = _start(servers, tmp_path, f"{tmp_path}/app.sock")
    assert "X120" not in codes
    assert http_get(port, timeout=10).status == 200
