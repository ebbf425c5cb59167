"""N118 and N119 against a real nginx: which locations a request can select.

A prefix location whose path does not start with `/` (`location static`) never applies:
every request's path starts with `/`. A modifier written against the path (`location
~\\.css$`, `location =/exact`, `location ^~/media/`) is read as a modifier, so those are a
regular expression, an exact and a prefix location that do apply: neither rule reports them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, free_port, http_get, nginx_main_conf, place, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

LOCATIONS = """\
        location static { return 200 "static\\n"; }
        location ~\\.css$ { return 200 "css\\n"; }
        location =/exact { return 200 "exact\\n"; }
        location ^~/media/ { return 200 "media\\n"; }
        location / { return 200 "root\\n"; }
"""


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's port) with nginx running."""
    tree, run = tmp_path / "tree", tmp_path / "run"
    tree.mkdir()
    port = free_port()
    conf = tree / "nginx.conf"
    conf.write_text(nginx_main_conf(f"    server {{\n        listen 127.0.0.1:{port};\n{LOCATIONS}    }}\n"))
    servers.nginx(conf, run, port)
    return conf, port


def test_a_location_without_a_leading_slash_never_applies(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert http_get(port, "/static").body == b"root\n"
    assert http_get(port, "/static/app.js").body == b"root\n"


def test_a_modifier_written_against_the_path_is_a_modifier(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert http_get(port, "/app.css").body == b"css\n"
    assert http_get(port, "/exact").body == b"exact\n"
    assert http_get(port, "/exact/more").body == b"root\n"
    assert http_get(port, "/media/x.css").body == b"media\n"


def test_only_the_location_without_a_slash_is_reported(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    report = wsgilint_json(conf.parent)
    static = next(number for number, line in enumerate(conf.read_text().splitlines(), 1) if "location static" in line)
    assert [place(f, conf.parent) for f in findings_with_code(report, "N119")] == [(conf.resolve(), static)]
    assert findings_with_code(report, "N118") == []
