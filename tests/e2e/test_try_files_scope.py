"""`try_files` beside a pass, against a running nginx: where it is written decides which
requests the pass gets (X101 reads it so, through the model's inheritance).

In a location, `try_files $uri @app;` keeps only requests for files that exist under the root
there (the pass gets those) and sends the rest to `@app`. Written at the server level, it does
not apply in a location that has its own handler: every request goes to that pass.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import LOOPBACK, Servers, free_port, http_get, nginx_main_conf

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]


def _site(root: Path, port: int, dead: int, in_location: bool) -> str:
    own, server = ("try_files $uri @app; ", "") if in_location else ("", "        try_files $uri @app;\n")
    return (f"    server {{\n        listen {LOOPBACK}:{port};\n        root {root};\n{server}"
            f"        location / {{ {own}proxy_pass http://{LOOPBACK}:{dead}; }}\n"
            "        location @app { return 200 named; }\n    }\n")


@pytest.mark.parametrize(("in_location", "missing", "existing", "severity"),
                         [(True, 200, 502, "info"), (False, 502, 502, "error")])
def test_try_files_in_the_location_decides_what_the_pass_gets(
        tmp_path: Path, servers: Servers, in_location: bool, missing: int, existing: int, severity: str) -> None:
    root = tmp_path / "html"
    root.mkdir()
    (root / "exists.txt").write_text("file\n")
    port, dead = free_port(), free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_main_conf(_site(root, port, dead, in_location)), encoding="utf-8")
    servers.nginx(conf, tmp_path / "prefix", port)
    assert http_get(port, "/missing").status == missing
    assert http_get(port, "/exists.txt").status == existing
    (tmp_path / "uwsgi.ini").write_text("[uwsgi]\nmodule = app\nsocket = 127.0.0.1:19999\n")
    found = [f for f in check([str(tmp_path / "nginx.conf"), str(tmp_path / "uwsgi.ini")]).findings if f.code == "X101"]
    assert [f.severity for f in found] == [severity]
