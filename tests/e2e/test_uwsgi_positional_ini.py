"""A start script's `uwsgi uwsgi.ini &` beside `nginx`: real uWSGI loads a bare argument
ending in .ini as its config ("getting INI configuration from uwsgi.ini") and binds its
socket, so nginx's uwsgi_pass reaches it (200). wsgilint models the backgrounded line as a
uWSGI running in the container the script starts, and reports no X101 for that pass; a pass
to a port the script's uWSGI does not bind stays an X101 error."""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from .servers import (
    Servers,
    copy_uwsgi_params,
    errors_of,
    findings_with_code,
    free_port,
    http_get,
    nginx_main_conf,
    start_tracked,
    uwsgi_binary,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

SITE = """\
    server {{
        listen 127.0.0.1:{nginx_port};
        location / {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{pass_port};
        }}
    }}
"""


def _container_tree(tree: Path, app_port: int, pass_port: int, nginx_port: int) -> None:
    """The same files as an image whose entrypoint script starts both servers."""
    (tree / "Dockerfile").write_text(
        "FROM nginx:stable-alpine\nRUN apk add --no-cache python3 py3-pip && pip3 install uwsgi\n"
        "COPY site.conf /etc/nginx/conf.d/default.conf\nWORKDIR /app\nCOPY uwsgi.ini uwsgi.ini\n"
        "COPY app.py app.py\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n")
    (tree / "run.sh").write_text("#!/bin/sh\nuwsgi uwsgi.ini &\nexec nginx -g 'daemon off;'\n")
    (tree / "site.conf").write_text(SITE.format(nginx_port=nginx_port, pass_port=pass_port))


def test_a_positional_ini_is_loaded_and_served_behind_nginx(tmp_path: Path, servers: Servers) -> None:
    tree, run = tmp_path / "tree", tmp_path / "run"
    tree.mkdir()
    run.mkdir()
    write_app(tree)
    app_port, nginx_port = free_port(), free_port()
    (tree / "uwsgi.ini").write_text(f"[uwsgi]\nwsgi-file = app.py\nsocket = 127.0.0.1:{app_port}\nmaster = true\n"
                                    "processes = 1\nneed-app = true\n")
    binary = uwsgi_binary()
    assert binary is not None
    uwsgi = start_tracked(servers, "uwsgi", [binary, "uwsgi.ini"], run / "uwsgi.log", tree, signal.SIGINT)
    uwsgi.wait_for_port(app_port)
    assert "getting INI configuration from uwsgi.ini" in uwsgi.log()
    copy_uwsgi_params(run)
    (run / "nginx.conf").write_text(nginx_main_conf(SITE.format(nginx_port=nginx_port, pass_port=app_port)))
    servers.nginx(run / "nginx.conf", run, nginx_port)
    assert http_get(nginx_port, "/hello").body == b"ok /hello"

    _container_tree(tree, app_port, app_port, nginx_port)
    report = wsgilint_json(tree)
    assert findings_with_code(report, "X101") == [] and errors_of(report) == [], report["findings"]


def test_a_pass_to_another_port_than_the_scripts_uwsgi_is_x101(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    write_app(tree)
    app_port, other, nginx_port = 3031, 3032, 8080
    (tree / "uwsgi.ini").write_text(f"[uwsgi]\nwsgi-file = app.py\nsocket = 127.0.0.1:{app_port}\n")
    _container_tree(tree, app_port, other, nginx_port)
    findings = findings_with_code(wsgilint_json(tree), "X101")
    assert [f["severity"] for f in findings] == ["error"], findings
