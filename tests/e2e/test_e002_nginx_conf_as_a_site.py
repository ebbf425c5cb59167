"""E002 against a real nginx: a whole nginx.conf loaded as a site of the stock one.

The official nginx image's stock nginx.conf includes /etc/nginx/conf.d/*.conf inside its
`http` block. A file with its own `events` and `http` blocks mounted there is refused at start
(measured with nginx 1.22: `[emerg] "events" directive is not allowed here`), so wsgilint
reports E002 where a Compose file mounts it so, and nothing where it replaces nginx.conf.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import nginx_binary

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

FIXTURES = Path(__file__).parent.parent / "fixtures" / "E002"
WHOLE = FIXTURES / "nginx-conf-mounted-into-conf-d" / "nginx.conf"


def _nginx_test(main: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    nginx = nginx_binary()
    assert nginx is not None
    conf = tmp_path / "nginx.conf"
    conf.write_text(main.format(prefix=tmp_path))
    return subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True,
                          timeout=30, stdin=subprocess.DEVNULL)


def test_nginx_refuses_a_whole_nginx_conf_in_conf_d(tmp_path: Path) -> None:
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "conf.d" / "default.conf").write_text(WHOLE.read_text())
    # The stock nginx.conf's shape: sites are included inside http.
    result = _nginx_test("pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nevents {{}}\n"
                         "http {{\n    include {prefix}/conf.d/*.conf;\n}}\n", tmp_path)
    assert result.returncode != 0
    assert '"events" directive is not allowed here' in result.stderr


def test_nginx_takes_it_in_place_of_nginx_conf(tmp_path: Path) -> None:
    # On loopback, and with an address for the Compose service name, which nothing here resolves.
    main = WHOLE.read_text().replace("{", "{{").replace("}", "}}").replace("listen 80;", "listen 127.0.0.1:18099;") \
        .replace("http://web:8000", "http://127.0.0.1:8000")
    result = _nginx_test("pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n" + main, tmp_path)
    assert result.returncode == 0, result.stderr


def test_wsgilint_reports_the_mount_into_conf_d_only() -> None:
    mounted = [f for f in check([str(WHOLE.parent)]).findings if f.code == "E002"]
    assert [(f.at.line, f.severity) for f in mounted] == [(1, "error")]
    assert '"events" directive is not allowed here' in mounted[0].message
    in_place = [f for f in check([str(FIXTURES / "near-miss-nginx-conf-mounted-over-nginx-conf")]).findings
                if f.code == "E002"]
    assert in_place == []
