"""N111 against the real servers: what `uwsgi_param UWSGI_SCRIPT` does behind nginx.

uWSGI 2.0 loads the module a request names only when the app id the request asks for
(its SCRIPT_NAME or UWSGI_APPID; none: the empty one) is one it does not have. An
instance that loaded its app at start with `module` has the empty app id, so:
- a route that sends `UWSGI_SCRIPT` and no app id gets the startup app; nothing is
  imported (N111 reports the dead line as info);
- a route that also sends `SCRIPT_NAME /x` makes uWSGI import the named module as a
  second app, at request time (N111's error).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import (
    AppBehindNginx,
    Servers,
    at,
    distinct_ports,
    findings_with_code,
    http_get,
    loopback_server,
    place,
    tree_and_run,
    uwsgi_app_ini,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

STARTUP_APP = '''\
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"startup app"]
'''

# Leaves a marker when imported, so that the test sees whether uWSGI loaded it.
PAYLOAD = '''\
import pathlib

pathlib.Path(__file__).with_suffix(".imported").write_text("imported")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"{name} app"]
'''

LOCATIONS = """\
        location / {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{port};
            uwsgi_param UWSGI_SCRIPT dead;
        }}
        location /x {{
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:{port};
            uwsgi_param SCRIPT_NAME /x;
            uwsgi_param UWSGI_SCRIPT loaded;
        }}
"""


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, Path, int]:
    """(the linted tree's nginx.conf, uWSGI's directory, nginx's port) with both running."""
    tree, run = tree_and_run(tmp_path)
    (run / "startup.py").write_text(STARTUP_APP)
    for name in ("dead", "loaded"):
        (run / f"{name}.py").write_text(PAYLOAD.replace("{name}", name))
    nginx_port, app_port = distinct_ports(2)
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, LOCATIONS.format(port=app_port)))
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}", load="module = startup:application"))
    AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    return conf, run, nginx_port


def test_script_param_without_app_id_is_dead_and_with_one_loads_code(deployment: tuple[Path, Path, int]) -> None:
    _, run, port = deployment
    response = http_get(port, "/")
    assert (response.status, response.body) == (200, b"startup app")
    assert not (run / "dead.imported").exists()
    response = http_get(port, "/x")
    assert (response.status, response.body) == (200, b"loaded app")
    assert (run / "loaded.imported").exists()


def test_n111_errs_where_the_param_loads_code_and_informs_where_it_is_dead(
        deployment: tuple[Path, Path, int]) -> None:
    conf, _, _ = deployment
    findings = findings_with_code(wsgilint_json(conf.parent), "N111")
    found = {place(f, conf.parent): f["severity"] for f in findings}
    assert found == {at(conf, "UWSGI_SCRIPT dead"): "info", at(conf, "UWSGI_SCRIPT loaded"): "error"}
