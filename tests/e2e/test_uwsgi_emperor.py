"""A real uWSGI Emperor with two vassals, against what wsgilint models of it.

The Emperor (uWSGI from pip, loopback only, unix sockets in a scratch directory) watches
a vassal directory with ``vassal-set``; the vassals ``app1.ini`` and ``my.app2.ini`` bind
``%n.sock``. What runs (the sockets bound, the apps answering, the worker count that
``vassal-set`` does not override) is compared with the model's launch edges (one per
vassal, named by ``%n``, with its listener) and the findings.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, start_tracked, uwsgi_binary, uwsgi_get, wait_for_log, wait_for_unix_socket

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

APP = '''\
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "{length}")])
    return [b"{name}"]
'''

VASSAL = """\
[uwsgi]
chdir = {run}
wsgi-file = {run}/%n.py
master = true
processes = 1
need-app = true
socket = {run}/%n.sock
vacuum = true
"""

EMPEROR = """\
[uwsgi]
emperor = {vassals}
vassal-set = processes=3
"""

NAMES = ("app1", "my.app2")


def test_an_emperor_launches_each_vassal_as_modelled(tmp_path: Path, open_dir: Path, servers: Servers):
    run = open_dir
    tree = tmp_path / "tree"
    vassals = tree / "vassals"
    vassals.mkdir(parents=True)
    for name in NAMES:
        (run / f"{name}.py").write_text(APP.format(name=name, length=len(name)))
        (vassals / f"{name}.ini").write_text(VASSAL.format(run=run))
    emperor_ini = tree / "emperor.ini"
    emperor_ini.write_text(EMPEROR.format(vassals=vassals))

    binary = uwsgi_binary()
    assert binary is not None
    emperor = start_tracked(servers, "uwsgi", [binary, "--ini", str(emperor_ini)], run / "emperor.log", run,
                            stop_signal=2)
    for name in NAMES:
        wait_for_unix_socket(emperor, run / f"{name}.sock")
    wait_for_log(emperor, "spawned uWSGI worker 1")
    for name in NAMES:
        response = uwsgi_get(run / f"{name}.sock")
        assert (response.status, response.body) == (200, name.encode()), emperor.log()
    # vassal-set comes before the file: the vassal's own `processes = 1` wins.
    assert "spawned uWSGI worker 2" not in emperor.log(), emperor.log()

    deployment = check([str(tree)]).deployment
    launches = {launch.server.name: launch for launch in deployment.launches
                if launch.manager.kind == "uwsgi-emperor" and launch.server is not None}
    assert sorted(launches) == sorted(NAMES)
    for name, launch in launches.items():
        assert [str(listener.address) for listener in launch.server.listeners] == [f"unix:{run}/{name}.sock"]
        assert launch.server.last("processes").value == "1"
        assert launch.server.manager is launch.manager and launch.manager.launched_by is not None
    # Each vassal file is one app server, not also a lone config.
    assert sorted(server.name for server in deployment.app_servers if server.has("wsgi-file")) == sorted(NAMES)
